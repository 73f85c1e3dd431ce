/**
 * Transport: sends commands of any AWS SDK v3 client (Bedrock Runtime, the Bedrock control plane, S3) with our
 * retries, per-attempt timeout, cancellation and error mapping.
 *
 * ```ts
 * const transport = new Transport({ auth, secrets, endpoint: (service) => endpoints[service.name] });
 * const sent = await transport.send(BEDROCK_RUNTIME, 'Converse', input, { region, maxRetries: 2, timeoutMs: 600_000 });
 * ```
 *
 * A service is described once by an {@link AwsService} (how to import its SDK package, build its client, find a
 * command class); the SDK clients themselves (one per service and region, `maxAttempts: 1`: {@link withRetry} is the
 * only retry layer) live in src/core/sdk-clients.ts. Every failure is mapped through {@link fromAwsError} with the
 * client's secrets scrubbed.
 *
 * - {@link Transport.send}: one operation, retried, each attempt bounded by `timeoutMs` and the caller's `signal`.
 * - {@link Transport.sendStream}: a streaming operation, retried until its first event arrives and never after,
 *   then watched by an idle timer.
 * - {@link Transport.sdkClient}: the SDK client itself, for libraries that drive it (e.g. `@aws-sdk/lib-storage`).
 *
 * With `limit` (Bedrock Runtime model calls), every attempt first waits for a permit of the model's limiter
 * (src/limits/), and reports back how it went: throttled, or admitted with the tokens it used (a stream: when it ends).
 */
import type { ResponseMetadata } from './api-promise.js';
import { withCallSignal } from './call-signal.js';
import { APIConnectionTimeoutError, APIUserAbortError, BedrockOpenAIError, fromAwsError } from './errors.js';
import { LightAbortController } from './light-abort.js';
import { withRequestHeaders } from './request-headers.js';
import { type AwsService, type OperationMap, type SdkClient, SdkClients, type SdkClientsOptions } from './sdk-clients.js';
import { type RetryInfo, withRetry } from './retry.js';
import { isAborted } from '../internal/abort.js';
import { acquirePermit, outcomeOf } from '../limits/attempt.js';
import type { ModelLimiter, Permit } from '../limits/limiter.js';


export interface TransportOptions extends SdkClientsOptions {
  /** Secrets to scrub from every error. */
  secrets: readonly string[];
}

/** How one call is sent. */
export interface SendOptions {
  region: string;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Milliseconds per attempt (for a stream: up to its first event). */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /** Extra HTTP headers (lower-cased names, already checked: src/core/request-options.ts), set before signing. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** The limiter every attempt goes through, and what an attempt costs. */
  limit?: AttemptLimit | undefined;
}

/** The limiter of a call's model and what each attempt costs it (src/limits/cost.ts). */
export interface AttemptLimit {
  limiter: ModelLimiter;
  /** Tokens an attempt reserves when it is sent. */
  tokens: number;
  /** Tokens a finished attempt used, from its output. */
  used?: ((output: unknown) => number | undefined) | undefined;
  /** Tokens a stream used, from one of its events (the last that says wins). */
  usedByEvent?: ((event: unknown) => number | undefined) | undefined;
}

export interface Sent<Output> {
  output: Output;
  requestId: string | null;
  metadata: ResponseMetadata;
}

export interface SentStream<Event> {
  /** The first event (already received: the stream is committed). `done` if the stream was empty. */
  first: IteratorResult<Event>;
  /** The rest of the events. */
  rest: AsyncIterator<Event>;
  requestId: string | null;
  metadata: ResponseMetadata;
  /** Aborting it cancels the HTTP request. */
  controller: AbortController;
}

export class Transport {
  readonly #options: TransportOptions;
  /** The SDK clients (src/core/sdk-clients.ts): packages, one client per service and region, command classes. */
  readonly #clients: SdkClients;
  /** Per SDK client, the operations whose first command the SDK's middleware cache already holds (see `#attempt`). */
  readonly #cachedOperations = new WeakMap<SdkClient, Set<string>>();

  constructor(options: TransportOptions) {
    this.#options = options;
    this.#clients = new SdkClients(options);
  }

  /** Sends one operation with retries; each attempt is bounded by `timeoutMs` and cancelled by `signal`. */
  async send<Operations extends OperationMap, Name extends keyof Operations & string>(
    service: AwsService<Operations>,
    name: Name,
    input: Operations[Name][0],
    options: SendOptions,
  ): Promise<Sent<Operations[Name][1]>> {
    // Nothing outside the attempt sees its controller: the light one saves the SDK's EventTarget work.
    const attempt = (): Promise<Operations[Name][1]> =>
      this.#attempt<Operations, Name, Operations[Name][1]>(service, name, input, options, undefined, new LightAbortController());
    const limit = options.limit;
    const outcome = await withRetry(
      limit === undefined
        ? attempt
        : async () => {
            const { value, permit } = await this.#limitedAttempt(service, name, limit, options, attempt);
            permit.finish('admitted', limit.used?.(value));
            return value;
          },
      { maxRetries: options.maxRetries, signal: options.signal, onRetry: options.onRetry },
    );
    const output = outcome.value;
    const meta = (output as { $metadata?: { httpStatusCode?: number; requestId?: string } }).$metadata ?? {};
    return {
      output,
      requestId: meta.requestId ?? null,
      metadata: { httpStatusCode: meta.httpStatusCode, requestId: meta.requestId, attempts: outcome.attempts, totalRetryDelay: outcome.totalDelayMs },
    };
  }

  /**
   * Sends a streaming operation. Retries cover the request and the wait for the first event (an HTTP error, or an
   * exception frame before any event); once the first event has arrived, nothing is retried. After that the
   * caller's signal still cancels the stream, and a `next()` that waits `idleTimeoutMs` (0: forever) fails with
   * `APIConnectionTimeoutError` and cancels the request.
   */
  async sendStream<Operations extends OperationMap, Name extends keyof Operations & string, Event>(
    service: AwsService<Operations>,
    name: Name,
    input: Operations[Name][0],
    pick: (output: Operations[Name][1]) => AsyncIterable<Event> | undefined,
    options: SendOptions & { idleTimeoutMs: number },
  ): Promise<SentStream<Event>> {
    let controller = new AbortController();
    const limit = options.limit;
    let permit: Permit | undefined;
    const outcome = await withRetry(
      async () => {
        controller = new AbortController();
        const attempt = () => this.#attempt(
          service,
          name,
          input,
          options,
          async (output: Operations[Name][1]) => {
            const iterable = pick(output);
            if (iterable === undefined) throw new BedrockOpenAIError(`${name} returned no event stream.`);
            const iterator = iterable[Symbol.asyncIterator]();
            const first = await iterator.next();
            return { output, iterator, first };
          },
          controller,
        );
        if (limit === undefined) return attempt();
        const limited = await this.#limitedAttempt(service, name, limit, options, attempt);
        permit = limited.permit;
        return limited.value;
      },
      { maxRetries: options.maxRetries, signal: options.signal, onRetry: options.onRetry },
    );
    const { output, iterator, first } = outcome.value;
    // The stream holds its permit (and its token reservation) until it ends, then settles to what it used.
    let usedTokens = first.done === true ? undefined : limit?.usedByEvent?.(first.value);
    const settle = (): void => permit?.finish('admitted', usedTokens);
    if (first.done === true) settle();
    const meta = (output as { $metadata: { httpStatusCode?: number; requestId?: string } }).$metadata;
    const streamController = controller;
    const idleTimeoutMs = options.idleTimeoutMs;
    // After the first event, the caller's signal still cancels the stream; the listener goes when the stream ends.
    const signal = options.signal;
    const onAbort = (): void => streamController.abort(signal?.reason);
    const release = (): void => signal?.removeEventListener('abort', onAbort);
    if (signal !== undefined) {
      signal.addEventListener('abort', onAbort, { once: true });
      streamController.signal.addEventListener('abort', release, { once: true });
    }
    if (first.done === true) release();
    const secrets = this.#options.secrets;
    // One idle timer per stream, re-armed (`refresh()`, no allocation) by every `next()`. It counts only while a
    // `next()` waits: firing then aborts the request, which rejects the pending `next()`. Unreferenced: an active
    // stream's socket keeps the process alive, an abandoned stream must not.
    let waiting = false;
    let idleFired = false;
    const idleTimer =
      idleTimeoutMs === 0 || first.done === true
        ? undefined
        : setTimeout(() => {
            if (!waiting) return;
            idleFired = true;
            streamController.abort();
          }, idleTimeoutMs).unref();
    const usedByEvent = limit?.usedByEvent;
    const onEvent = (result: IteratorResult<Event>): IteratorResult<Event> => {
      waiting = false;
      if (result.done === true) {
        clearTimeout(idleTimer);
        release();
        settle();
      } else if (usedByEvent !== undefined) {
        usedTokens = usedByEvent(result.value) ?? usedTokens;
      }
      return result;
    };
    const onError = (error: unknown): never => {
      waiting = false;
      clearTimeout(idleTimer);
      release();
      settle();
      if (idleFired) throw new APIConnectionTimeoutError({ message: `The ${name} stream sent no event for ${idleTimeoutMs} ms (streamIdleTimeout).` });
      if (streamController.signal.aborted) throw new APIUserAbortError({ cause: fromAwsError(error, secrets) });
      throw fromAwsError(error, secrets);
    };
    const rest: AsyncIterator<Event> = {
      next() {
        waiting = true;
        idleTimer?.refresh();
        return iterator.next().then(onEvent, onError);
      },
      async return() {
        clearTimeout(idleTimer);
        streamController.abort();
        release();
        settle();
        try {
          await iterator.return?.();
        } catch {
          // The stream was cancelled; its end is of no interest.
        }
        return { done: true, value: undefined };
      },
    };
    return {
      first,
      rest,
      requestId: meta.requestId ?? null,
      metadata: { httpStatusCode: meta.httpStatusCode, requestId: meta.requestId, attempts: outcome.attempts, totalRetryDelay: outcome.totalDelayMs },
      controller: streamController,
    };
  }

  /**
   * The SDK client for a service and region (one each, built on first use), for code that drives it itself. Its
   * commands bypass the transport's retries, timeouts and error mapping; failures of the load itself are mapped.
   */
  async sdkClient(service: AwsService<any>, region: string): Promise<SdkClient> {
    try {
      return await this.#clients.client(service, region);
    } catch (error) {
      throw fromAwsError(error, this.#options.secrets);
    }
  }

  /** Closes pooled connections. The transport can still be used afterwards (new connections are opened). */
  close(): void {
    this.#clients.close();
  }

  /**
   * Runs one attempt of an operation with a per-attempt timeout linked to the caller's signal, and maps errors.
   * `consume` runs inside the attempt (and its timeout), e.g. to read the first event of a stream.
   */
  async #attempt<Operations extends OperationMap, Name extends keyof Operations & string, Result>(
    service: AwsService<Operations>,
    name: Name,
    input: Operations[Name][0],
    options: SendOptions,
    consume: ((output: Operations[Name][1]) => Promise<Result>) | undefined,
    controller: AbortController | LightAbortController,
  ): Promise<Result> {
    const { region, timeoutMs, signal } = options;
    if (signal?.aborted === true) throw new APIUserAbortError();
    // Loading the SDK (first call only) is not the request's time: it happens before the attempt's timer starts.
    let sdkClient = this.#clients.readyClient(service, region);
    let Command = this.#clients.readyCommand(service, name);
    // The attempt's signal travels with the input (see src/core/call-signal.ts): `send` takes no options, so the
    // SDK's middleware cache applies.
    const signalled = withCallSignal(options.headers === undefined ? input : withRequestHeaders(input, options.headers), controller.signal);
    if (sdkClient === undefined || Command === undefined) {
      try {
        [sdkClient, Command] = await this.#clients.load(service, region, name);
      } catch (error) {
        throw fromAwsError(error, this.#options.secrets);
      }
      if (isAborted(signal)) throw new APIUserAbortError();
    }
    const command = new Command(signalled as never);
    service.prepareCommand?.(name, command);
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timeout = { fired: false };
    const timer = setTimeout(() => {
      timeout.fired = true;
      controller.abort();
    }, timeoutMs);
    // The SDK's middleware cache keeps the first command of each operation (and so its input) in the cached
    // handler's context for the SDK client's lifetime. That input is our copy: emptied once its attempt is over, so
    // the first request's data is not held.
    const cachesThisCommand = this.#firstOfOperation(sdkClient, name);
    try {
      const output = (await sdkClient.send(command as never)) as Operations[Name][1];
      return consume === undefined ? (output as Result) : await consume(output);
    } catch (error) {
      if (timeout.fired) throw new APIConnectionTimeoutError({ message: `Request timed out after ${timeoutMs} ms (${name}).` });
      if (isAborted(signal)) throw new APIUserAbortError({ cause: fromAwsError(error, this.#options.secrets) });
      throw fromAwsError(error, this.#options.secrets);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (cachesThisCommand) emptyObject(signalled);
    }
  }

  /**
   * Runs an attempt under a permit of the call's limiter: waits for it (at most the attempt's timeout, cancelled by
   * the caller's signal), and on failure tells the limiter how Bedrock answered; on success the caller finishes the
   * permit. The SDK client and command class are loaded before queueing: on the first call that takes a while, and
   * attempts granted meanwhile would reach Bedrock all at once, as a burst the limiter never meant to send.
   */
  async #limitedAttempt<T>(service: AwsService<any>, name: string, limit: AttemptLimit, options: SendOptions, attempt: () => Promise<T>): Promise<{ value: T; permit: Permit }> {
    if (this.#clients.readyClient(service, options.region) === undefined || this.#clients.readyCommand(service, name) === undefined) {
      try {
        await this.#clients.load(service, options.region, name);
      } catch {
        // The attempt reports the failure, mapped.
      }
    }
    const permit = await acquirePermit(limit.limiter, limit.tokens, options.signal, options.timeoutMs);
    try {
      return { value: await attempt(), permit };
    } catch (error) {
      permit.finish(outcomeOf(error));
      throw error;
    }
  }

  /** Whether the next `send` of `name` on `sdkClient` is its first, whose command the SDK's handler cache keeps. */
  #firstOfOperation(sdkClient: SdkClient, name: string): boolean {
    let cached = this.#cachedOperations.get(sdkClient);
    if (cached === undefined) this.#cachedOperations.set(sdkClient, (cached = new Set()));
    if (cached.has(name)) return false;
    cached.add(name);
    return true;
  }
}

/** Deletes every own property (string and symbol keys) of an object we created. */
function emptyObject(value: object): void {
  for (const key of Reflect.ownKeys(value)) delete (value as Record<PropertyKey, unknown>)[key];
}
