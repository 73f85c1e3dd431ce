/**
 * Per-call abort signals for an SDK client that caches its middleware.
 *
 * The AWS SDK resolves a command's middleware stack (about 20 middlewares: copy, sort, chain) on every `send`
 * unless the client is built with its documented `cacheMiddleware: true`; then it resolves once per command class
 * and reuses the handler — about 85 µs a request less on a 2-core Xeon (BENCHMARKS.md). The cache only applies
 * to a `send(command)` without options, so the per-request `abortSignal` option (our timeouts and cancellation)
 * cannot be given there. This module carries the signal another way, with three small parts:
 *
 * - {@link withCallSignal}: the command input, shallow-copied, holding the attempt's signal under a symbol (the
 *   SDK serializes only modelled members, so the symbol never reaches the wire or the logs);
 * - {@link addCallSignalMiddleware}: a middleware at the innermost position of the stack (after signing and the
 *   deserializer) that files the signed `HttpRequest` under that signal;
 * - {@link CallSignalHandler}: the HTTP handler, wrapped, which hands the request's signal to the real handler
 *   as the SDK would have (`handle(request, { abortSignal })`), so an abort still destroys the socket.
 */
import type { HttpHandlerOptions, MiddlewareStack, RequestHandler, RequestHandlerMetadata, RequestHandlerOutput } from '@smithy/types';

/** An HTTP handler as the SDK's clients take it; the configuration methods are optional (custom handlers). */
type InnerHandler = RequestHandler<any, any, HttpHandlerOptions> & {
  updateHttpClientConfig?: (key: never, value: never) => void;
  httpHandlerConfigs?: () => unknown;
};

/** What the SDK's HTTP handlers use of a signal (`AbortSignal` or our `LightAbortSignal`). */
export interface CallSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

const CALL_SIGNAL = Symbol('bedrock-openai.callSignal');

/** The middleware's name on the stack. */
export const CALL_SIGNAL_MIDDLEWARE = 'bedrockOpenAICallSignal';

/** Signed requests in flight → the signal of the attempt that sent them. */
const requestSignals = new WeakMap<object, CallSignal>();

/** A copy of `input` carrying `signal` for {@link addCallSignalMiddleware} (a copy: one input, one attempt). */
export function withCallSignal<Input extends object>(input: Input, signal: CallSignal): Input {
  return { ...input, [CALL_SIGNAL]: signal };
}

/** The signal {@link withCallSignal} attached to `input`, if any. */
export function callSignalOf(input: unknown): CallSignal | undefined {
  return typeof input === 'object' && input !== null ? (input as { [CALL_SIGNAL]?: CallSignal })[CALL_SIGNAL] : undefined;
}

/**
 * Adds the middleware that files each signed request under its input's signal. It sits at the `deserialize` step
 * with low priority, the innermost position: the request it sees is the one the HTTP handler receives.
 */
export function addCallSignalMiddleware(stack: MiddlewareStack<any, any>): void {
  stack.add(
    (next) => (args) => {
      const signal = callSignalOf(args.input);
      if (signal !== undefined && typeof args.request === 'object' && args.request !== null) requestSignals.set(args.request, signal);
      return next(args);
    },
    { step: 'deserialize', priority: 'low', name: CALL_SIGNAL_MIDDLEWARE, override: true },
  );
}

/**
 * An HTTP handler that passes each request's call signal (see {@link addCallSignalMiddleware}) to `inner` as the
 * `abortSignal` handler option. Everything else is the inner handler's: metadata (`h2` for HTTP/2 handlers),
 * configuration updates, `destroy`.
 */
export class CallSignalHandler {
  readonly #inner: InnerHandler;

  constructor(inner: InnerHandler) {
    this.#inner = inner;
  }

  get metadata(): RequestHandlerMetadata | undefined {
    return this.#inner.metadata;
  }

  handle(request: object, options?: HttpHandlerOptions): Promise<RequestHandlerOutput<unknown>> {
    const abortSignal = requestSignals.get(request);
    if (abortSignal === undefined) return this.#inner.handle(request, options);
    requestSignals.delete(request);
    return this.#inner.handle(request, { ...options, abortSignal: abortSignal as AbortSignal });
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.#inner.updateHttpClientConfig?.(key, value);
  }

  httpHandlerConfigs(): unknown {
    return this.#inner.httpHandlerConfigs?.() ?? {};
  }

  destroy(): void {
    this.#inner.destroy?.();
  }
}
