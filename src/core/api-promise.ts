/**
 * `APIPromise<T>`: what every `create()` returns, as in the `openai` package. Awaiting it gives the parsed
 * result; `.withResponse()` also gives the request ID and what the AWS SDK reports about the HTTP exchange
 * (`$metadata`). There is no `.asResponse()`: the AWS SDK does not expose a fetch `Response`, and we do not fake one.
 */

/** What the AWS SDK tells us about a response (`$metadata`). */
export interface ResponseMetadata {
  httpStatusCode: number | undefined;
  requestId: string | undefined;
  /** Attempts made, counting our retries. */
  attempts: number;
  /** Total milliseconds spent waiting between attempts. */
  totalRetryDelay: number;
}

export interface APIResponse<T> {
  data: T;
  request_id: string | null;
  response: ResponseMetadata;
}

/** Attaches `_request_id` to a result object without making it enumerable (snapshots and JSON stay clean). */
export function attachRequestId<T>(data: T, requestId: string | null | undefined): T {
  if (typeof data === 'object' && data !== null) {
    Object.defineProperty(data, '_request_id', { value: requestId ?? null, enumerable: false, writable: true, configurable: true });
  }
  return data;
}

export class APIPromise<T> extends Promise<T> {
  #parsed: Promise<T> | undefined;
  readonly #responsePromise: Promise<APIResponse<T>>;

  constructor(responsePromise: Promise<APIResponse<T>>) {
    // The executor is unused: `then` is overridden to read from the response promise.
    super((resolve) => resolve(null as T));
    this.#responsePromise = responsePromise;
    // Rejections surface wherever the result is awaited; a promise nobody awaits must not crash the process.
    responsePromise.catch(() => undefined);
  }

  /** Creates an `APIPromise` from a function producing the response (called at once). */
  static from<T>(produce: () => Promise<APIResponse<T>>): APIPromise<T> {
    return new APIPromise(produce());
  }

  /** The result with the request ID and response metadata. */
  withResponse(): Promise<APIResponse<T>> {
    return this.#responsePromise;
  }

  #parse(): Promise<T> {
    this.#parsed ??= this.#responsePromise.then((response) => attachRequestId(response.data, response.request_id));
    return this.#parsed;
  }

  override then<Result1 = T, Result2 = never>(
    onfulfilled?: ((value: T) => Result1 | PromiseLike<Result1>) | null,
    onrejected?: ((reason: unknown) => Result2 | PromiseLike<Result2>) | null,
  ): Promise<Result1 | Result2> {
    return this.#parse().then(onfulfilled, onrejected);
  }

  override catch<Result = never>(onrejected?: ((reason: unknown) => Result | PromiseLike<Result>) | null): Promise<T | Result> {
    return this.#parse().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parse().finally(onfinally);
  }

  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }
}
