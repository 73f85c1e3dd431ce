/** A light `AbortController` for hot paths that no caller sees. */
/**
 * What the AWS SDK uses of an `AbortController` for one attempt (`signal.aborted`, `signal.reason`,
 * `add/removeEventListener('abort')`), without Node's `EventTarget`: creating a real one and the SDK adding and
 * removing its listeners costs about 30 µs a request. Used only where no caller ever sees the controller: one
 * attempt of a non-streaming call, or one embeddings batch (which the run aborts itself when it stops).
 */
export class LightAbortController {
  readonly signal = new LightAbortSignal();

  abort(reason?: unknown): void {
    this.signal._abort(reason);
  }
}

export class LightAbortSignal {
  aborted = false;
  reason: unknown = undefined;
  onabort: ((event: { type: 'abort' }) => void) | null = null;
  #listeners: Array<(event: { type: 'abort' }) => void> = [];

  addEventListener(type: string, listener: (event: { type: 'abort' }) => void): void {
    if (type === 'abort' && !this.aborted) this.#listeners.push(listener);
  }

  removeEventListener(type: string, listener: (event: { type: 'abort' }) => void): void {
    const index = this.#listeners.indexOf(listener);
    if (type === 'abort' && index !== -1) this.#listeners.splice(index, 1);
  }

  /** @internal */
  _abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? new DOMException('This operation was aborted', 'AbortError');
    const listeners = this.#listeners;
    this.#listeners = [];
    const event = { type: 'abort' as const };
    for (const listener of listeners) listener(event);
    this.onabort?.(event);
  }
}
