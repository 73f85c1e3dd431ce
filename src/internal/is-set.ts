/** Whether an optional parameter was given: neither `undefined` nor `null` (OpenAI's params accept both for "unset"). */
export function isSet<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}
