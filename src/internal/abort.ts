/**
 * Whether a signal has aborted. A function rather than `signal?.aborted === true` inline, so that TypeScript does
 * not keep a narrowing from before an `await`.
 */
export function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
