/**
 * Refusing what we do not know instead of ignoring it: a field of a nested object (a tool, a tool's function), or a
 * parameter of a method without a list of its own (Files and Batches), that is not in its list is a 400 naming it.
 */
import { BadRequestError } from '../core/errors.js';

/**
 * Throws a `BadRequestError` (`unknown_parameter`) naming the first key of `value` that `known` lacks, as
 * `<param>.<key>`, or as `<key>` alone when `param` is `''` (a method's own params).
 */
export function rejectUnknownKeys(value: object, known: ReadonlySet<string>, param: string): void {
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || known.has(key)) continue;
    const name = param === '' ? key : `${param}.${key}`;
    throw BadRequestError.forParam(name, `Unknown parameter: \`${name}\`.`, 'unknown_parameter');
  }
}

/**
 * The key set of `T` for {@link rejectUnknownKeys}, written as an object literal so that the compiler checks it
 * holds every key of `T` and no other: `fieldSet<FunctionTool>({ type: true, name: true, … })`.
 */
export function fieldSet<T>(fields: Record<keyof T, true>): ReadonlySet<string> {
  return new Set(Object.keys(fields));
}
