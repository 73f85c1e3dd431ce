/**
 * Refusing what we do not know instead of ignoring it: a field of a nested object (a tool, a tool's function) that
 * is not in its converter's list is a 400 naming it, as an unknown top-level parameter is.
 */
import { BadRequestError } from '../core/errors.js';

/** Throws a `BadRequestError` (`unknown_parameter`) naming the first key of `value` that `known` lacks. */
export function rejectUnknownKeys(value: object, known: ReadonlySet<string>, param: string): void {
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || known.has(key)) continue;
    throw BadRequestError.forParam(`${param}.${key}`, `Unknown parameter: \`${param}.${key}\`.`, 'unknown_parameter');
  }
}

/**
 * The key set of `T` for {@link rejectUnknownKeys}, written as an object literal so that the compiler checks it
 * holds every key of `T` and no other: `fieldSet<FunctionTool>({ type: true, name: true, … })`.
 */
export function fieldSet<T>(fields: Record<keyof T, true>): ReadonlySet<string> {
  return new Set(Object.keys(fields));
}
