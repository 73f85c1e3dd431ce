/**
 * One `embeddings.create` call's requests (src/embeddings/embeddings.ts checks and resolves the call first): a fixed
 * number of workers each pull the next batch from the {@link BatchPlanner}, send it through the client's limiter for
 * the model with the client's backoff (throttling up to `throttleRetries` times, other retryable failures up to
 * `maxRetries`), and write its vectors at their inputs' indexes. A request that still fails stops the run: requests
 * in flight are cancelled and the call rejects with an error naming the failed inputs (a `ValidationException` on a
 * multi-input request is narrowed to the input that causes it by bisection).
 */
import type { InvokeModelCommandInput, InvokeModelCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import { setMaxListeners } from 'node:events';
import type { Client, SendResult } from '../client.js';
import type { ReadRequestOptions } from '../core/request-options.js';
import type { ResponseMetadata } from '../core/api-promise.js';
import { APIConnectionTimeoutError, APIError, BedrockOpenAIError, APIUserAbortError } from '../core/errors.js';
import { isAborted } from '../internal/abort.js';
import { LightAbortController } from '../core/light-abort.js';
import { isRetryableError, type RetryInfo, type RetryOutcome, withRetry } from '../core/retry.js';
import { bedrockHeadersOf } from '../core/response-headers.js';
import type { Batch, BatchPlanner } from './batching.js';
import { encodeFloat32Base64 } from './encoding.js';
import { buildRequestBody, type FamilySettings, parseResponseBody } from './families.js';
import type { Base64Embedding, Embedding, EmbeddingRequestOptions } from './types.js';
import type { EmbeddingRequest } from './validate.js';

/** Requests in flight at once by default. */
export const DEFAULT_EMBEDDING_CONCURRENCY = 16;
/** Retries of throttled requests by default (backoff 0.5 s doubling to 8 s: about a minute in all). */
export const DEFAULT_THROTTLE_RETRIES = 8;

/** What the error of a failed call carries besides its message: the inputs that failed. */
export interface EmbeddingFailureDetails {
  /** Indexes (into `input`) of the inputs whose request failed after its retries, ascending. */
  failedInputs: readonly number[];
  /** Inputs left without a vector because the call stopped (failed ones included). */
  notEmbedded: number;
}

/** The failed input indexes an embeddings call's error carries, or `undefined` for any other error. */
export function embeddingFailureOf(error: unknown): EmbeddingFailureDetails | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const details = error as Partial<EmbeddingFailureDetails>;
  return Array.isArray(details.failedInputs) && typeof details.notEmbedded === 'number'
    ? { failedInputs: details.failedInputs, notEmbedded: details.notEmbedded }
    : undefined;
}

/** The client's retry settings for a call: `maxRetries`, per-attempt timeout and the combined retry hook. */
interface RetrySettings {
  maxRetries: number;
  timeoutMs: number | undefined;
  onRetry: ((info: RetryInfo) => void) | undefined;
}

/**
 * The client's retry policy. The embeddings call runs the retry loop itself (each attempt must wait for the
 * adaptive limiter), so it takes the client's resolved `maxRetries`, timeout and `onRetry` hooks.
 */
function retrySettingsOf(client: Client, options: ReadRequestOptions): RetrySettings {
  return client._retryPolicy(options);
}

/** The embeddings-only options `create` takes beside the common ones. */
export const EMBEDDING_OPTION_KEYS = ['concurrency', 'throttleRetries', 'onProgress'] as const satisfies readonly (keyof EmbeddingRequestOptions)[];

/** {@link EmbeddingRequestOptions} once read (`readRequestOptions`). */
export type ReadEmbeddingOptions = Pick<EmbeddingRequestOptions, (typeof EMBEDDING_OPTION_KEYS)[number]> & ReadRequestOptions;

/** Throttling and "model not ready": Bedrock asking the caller to slow down. */
function isThrottle(error: unknown): boolean {
  return error instanceof APIError && error.status === 429 && isRetryableError(error);
}

function isValidationError(error: unknown): boolean {
  return error instanceof APIError && error.bedrockErrorName === 'ValidationException';
}

/** A request that failed for good. */
interface Failure {
  start: number;
  end: number;
  error: unknown;
}

function describeRange(start: number, end: number): string {
  return end - start === 1 ? `input ${start}` : `inputs ${start}–${end - 1}`;
}

/** The error the call rejects with: the first failure's class and status, a message naming every failed index. */
function failureError(failures: readonly Failure[], total: number, embedded: number): BedrockOpenAIError {
  const sorted = [...failures].sort((left, right) => left.start - right.start);
  const first = failures[0] as Failure;
  const reason = (error: unknown): string => {
    const name = error instanceof APIError && error.bedrockErrorName !== undefined ? `${error.bedrockErrorName}: ` : '';
    return `${name}${error instanceof Error ? error.message : String(error)}`;
  };
  const shown = sorted.slice(0, 5).map((failure) => `${describeRange(failure.start, failure.end)} (${reason(failure.error)})`);
  const more = sorted.length > shown.length ? `; and ${sorted.length - shown.length} more requests` : '';
  const notEmbedded = total - embedded;
  const failedInputs: number[] = [];
  for (const failure of sorted) for (let index = failure.start; index < failure.end; index++) failedInputs.push(index);
  const stopped = notEmbedded > failedInputs.length ? ` The call stopped there: ${notEmbedded} of ${total} inputs have no vector, and no partial result is returned.` : '';
  const message = `Embedding failed for ${shown.join('; ')}${more}.${stopped}`;
  const param = failedInputs.length === 1 ? `input[${failedInputs[0]}]` : 'input';
  const cause = first.error;
  let error: BedrockOpenAIError;
  if (cause instanceof APIConnectionTimeoutError) error = new APIConnectionTimeoutError({ message, cause });
  else if (cause instanceof APIError) {
    error = APIError.generate(cause.status, message, {
      cause,
      bedrockErrorName: cause.bedrockErrorName,
      requestID: cause.requestID,
      headers: cause.headers,
      type: cause.type,
      code: cause.code,
      param,
    });
  } else error = new BedrockOpenAIError(message, { cause });
  const details: EmbeddingFailureDetails = { failedInputs, notEmbedded };
  Object.assign(error, details);
  return error;
}

/** @internal Seams for tests: how retries wait (default: real timers) and the jitter source. */
export interface EmbeddingsInternals {
  sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
}

export interface RunOutcome {
  data: Array<Embedding | Base64Embedding>;
  promptTokens: number;
  requests: number;
  unreportedRequests: number;
  metadata: ResponseMetadata;
}

/** One call's requests: the workers, the limiter, the retries and the results. */
export class EmbeddingRun {
  readonly #client: Client;
  readonly #inputs: readonly string[];
  readonly #settings: FamilySettings;
  readonly #modelId: string;
  readonly #region: string;
  readonly #base64: boolean;
  readonly #requestMetadata: string | undefined;
  readonly #options: ReadEmbeddingOptions;
  readonly #retry: RetrySettings;
  readonly #throttleRetries: number;
  readonly #concurrency: number;
  /** Aborted when the caller aborts or a request fails for good: cancels every request and backoff in flight. */
  readonly #controller = new AbortController();
  /** The controllers of the batches in flight (see #send). */
  readonly #inFlight = new Set<LightAbortController>();
  readonly #data: Array<Embedding | Base64Embedding>;

  #embedded = 0;
  #promptTokens = 0;
  #requests = 0;
  #unreported = 0;
  #attempts = 0;
  #retryDelayMs = 0;
  #firstRequestId: string | undefined;
  #stopped = false;
  readonly #failures: Failure[] = [];
  #callbackError: { error: unknown } | undefined;

  readonly #internals: EmbeddingsInternals;

  constructor(
    client: Client,
    request: EmbeddingRequest,
    settings: FamilySettings,
    modelId: string,
    region: string,
    options: ReadEmbeddingOptions,
    internals: EmbeddingsInternals,
  ) {
    this.#client = client;
    this.#internals = internals;
    this.#inputs = request.inputs;
    this.#settings = settings;
    this.#modelId = modelId;
    this.#region = region;
    this.#base64 = request.encodingFormat === 'base64';
    this.#requestMetadata = request.requestMetadata;
    this.#options = options;
    this.#retry = retrySettingsOf(client, options);
    this.#throttleRetries = options.throttleRetries ?? DEFAULT_THROTTLE_RETRIES;
    this.#concurrency = options.concurrency ?? DEFAULT_EMBEDDING_CONCURRENCY;
    // Each request in flight listens on the call's signal a few times (attempt, retry loop, backoff, limiter queue).
    setMaxListeners(this.#concurrency * 4 + 8, this.#controller.signal);
    this.#data = new Array<Embedding | Base64Embedding>(request.inputs.length);
  }

  async execute(planner: BatchPlanner): Promise<RunOutcome> {
    const signal = this.#options.signal;
    if (signal?.aborted === true) throw new APIUserAbortError();
    const onAbort = (): void => this.#stop();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const workers = Math.min(this.#concurrency, planner.remaining);
      const running: Promise<void>[] = [];
      for (let worker = 0; worker < workers; worker++) running.push(this.#work(planner));
      await Promise.all(running);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    if (isAborted(signal)) throw new APIUserAbortError();
    if (this.#callbackError !== undefined) throw this.#callbackError.error;
    if (this.#failures.length > 0) throw failureError(this.#failures, this.#inputs.length, this.#embedded);
    return {
      data: this.#data,
      promptTokens: this.#promptTokens,
      requests: this.#requests,
      unreportedRequests: this.#unreported,
      metadata: { httpStatusCode: 200, requestId: this.#firstRequestId, attempts: this.#attempts, totalRetryDelay: this.#retryDelayMs },
    };
  }

  /** Stops the call: no new batches, and every request and backoff in flight is cancelled. */
  #stop(): void {
    this.#stopped = true;
    if (!this.#controller.signal.aborted) this.#controller.abort();
    for (const batchController of this.#inFlight) batchController.abort();
    this.#inFlight.clear();
  }

  /** One worker: pulls batches until none is left or the call stops. */
  async #work(planner: BatchPlanner): Promise<void> {
    while (!this.#stopped) {
      const batch = planner.next();
      if (batch === undefined) return;
      try {
        await this.#embed(batch);
      } catch (error) {
        // Cancelled because the caller aborted or another request failed: not a failure of this batch.
        if (this.#controller.signal.aborted) return;
        // No new batches from here on; requests in flight finish (or fail and are reported too) while this one is
        // narrowed down, then everything still running is cancelled.
        this.#stopped = true;
        this.#failures.push(await this.#narrow(batch, error));
        this.#stop();
        return;
      }
      const onProgress = this.#options.onProgress;
      if (onProgress !== undefined) {
        try {
          onProgress({ done: this.#embedded, total: this.#inputs.length });
        } catch (error) {
          this.#callbackError ??= { error };
          this.#stop();
          return;
        }
      }
    }
  }

  /** The InvokeModel input for a batch. */
  #commandInput(batch: Batch): InvokeModelCommandInput {
    const body = JSON.stringify(buildRequestBody(this.#settings, this.#inputs, batch.start, batch.end, batch.image));
    const input: InvokeModelCommandInput = { modelId: this.#modelId, body, contentType: 'application/json', accept: 'application/json' };
    if (this.#requestMetadata !== undefined) input.requestMetadata = this.#requestMetadata;
    return input;
  }

  /**
   * Sends one batch with retries (every attempt goes through the client's limiter for the model), and returns the parsed vectors and the token
   * count (body field, else the `x-amzn-bedrock-input-token-count` header).
   */
  async #send(batch: Batch): Promise<{ vectors: number[][]; inputTokens: number | undefined; requestId: string | null }> {
    const input = this.#commandInput(batch);
    // Each batch gets its own light controller, aborted by #stop(): its requests and backoffs listen on it rather
    // than on the run's shared AbortSignal, whose EventTarget bookkeeping would cost every request (bench/).
    const batchController = new LightAbortController();
    if (this.#controller.signal.aborted) batchController.abort();
    else this.#inFlight.add(batchController);
    const signal = batchController.signal as unknown as AbortSignal;
    const maxRetries = this.#retry.maxRetries;
    const throttleRetries = this.#throttleRetries;
    let throttled = 0;
    let failed = 0;
    let outcome: RetryOutcome<SendResult<InvokeModelCommandOutput>>;
    try {
      outcome = await withRetry(
        () =>
          this.#client._send('InvokeModel', input, {
            maxRetries: 0,
            timeout: this.#retry.timeoutMs,
            signal,
            region: this.#region,
            headers: this.#options.headers,
          }),
        {
          maxRetries: maxRetries + throttleRetries,
          signal,
          onRetry: this.#retry.onRetry,
          sleep: this.#internals.sleep,
          random: this.#internals.random,
          isRetryable: (error) => {
            if (!isRetryableError(error)) return false;
            if (isThrottle(error)) return throttled++ < throttleRetries;
            return failed++ < maxRetries;
          },
        },
      );
    } finally {
      this.#inFlight.delete(batchController);
    }
    this.#attempts += outcome.attempts;
    this.#retryDelayMs += outcome.totalDelayMs;
    const { output, requestId } = outcome.value;
    const body = output.body;
    if (body === undefined) throw new BedrockOpenAIError(`Bedrock returned no body for ${describeRange(batch.start, batch.end)}.`);
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new BedrockOpenAIError(`Bedrock returned a body that is not JSON for ${describeRange(batch.start, batch.end)}.`);
    }
    const parsed = parseResponseBody(this.#settings.family, json, batch.end - batch.start);
    return { vectors: parsed.vectors, inputTokens: parsed.inputTokens ?? bedrockHeadersOf(output)?.inputTokenCount, requestId };
  }

  /** Embeds a batch and stores its vectors at their inputs' indexes. */
  async #embed(batch: Batch): Promise<void> {
    const { vectors, inputTokens, requestId } = await this.#send(batch);
    const data = this.#data;
    for (let offset = 0; offset < vectors.length; offset++) {
      const index = batch.start + offset;
      const vector = vectors[offset] as number[];
      data[index] = this.#base64
        ? { object: 'embedding', index, embedding: encodeFloat32Base64(vector) }
        : { object: 'embedding', index, embedding: vector };
    }
    this.#embedded += vectors.length;
    this.#requests++;
    if (inputTokens === undefined) this.#unreported++;
    else this.#promptTokens += inputTokens;
    if (batch.start === 0) this.#firstRequestId = requestId ?? undefined;
  }

  /**
   * For a Bedrock `ValidationException` on a request of several inputs, finds the input that causes it: sends
   * halves on their own, following the failing half, about 2·log₂(batch) extra requests at most.
   * When neither half fails alone, or another error gets in the way, the whole range is reported.
   */
  async #narrow(batch: Batch, error: unknown): Promise<Failure> {
    let range = batch;
    let cause = error;
    while (isValidationError(cause) && range.end - range.start > 1 && !isAborted(this.#controller.signal)) {
      const middle = (range.start + range.end) >>> 1;
      const halves: Batch[] = [
        { start: range.start, end: middle, image: range.image },
        { start: middle, end: range.end, image: range.image },
      ];
      let next: { range: Batch; cause: unknown } | undefined;
      for (const half of halves) {
        try {
          await this.#send(half);
        } catch (halfError) {
          if (isValidationError(halfError)) next = { range: half, cause: halfError };
          break;
        }
      }
      if (next === undefined) break;
      range = next.range;
      cause = next.cause;
    }
    return { start: range.start, end: range.end, error: cause };
  }
}
