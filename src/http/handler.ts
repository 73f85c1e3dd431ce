/**
 * OpenAI's HTTP API over Bedrock, as one standard handler `(request: Request) => Promise<Response>`. It only
 * parses, calls the {@link Client}, and serializes: routes live in `src/http/routes/` (listed in `ROUTES`), error
 * bodies in `errors.ts`, the event-stream writer in `sse.ts`. The in-process `fetch` (`fetch.ts`) and the server
 * (`src/server/`) both serve this handler.
 *
 * ```ts
 * const handler = createOpenAIHandler({ client: { region: 'us-west-2' } });
 * const response = await handler(new Request('http://localhost/v1/models'));
 * ```
 */
import { Hono } from 'hono';
import { Client, type ClientOptions } from '../client.js';
import { DEFAULT_MAX_BODY_BYTES } from './body.js';
import { errorCode } from './create-route.js';
import type { Exchange, ExchangeRecord, HandlerContext, OpenAIApp } from './context.js';
import { errorResponse, httpError, isHttpLayerError, toWireError } from './errors.js';
import { ROUTES } from './routes/index.js';

export interface OpenAIHandlerOptions {
  /** The client to call, or options to build one with (read exactly as `new Client(options)` reads them). */
  client?: Client | ClientOptions | undefined;
  /** Path the API is served under. Default `/v1` (OpenAI's). */
  basePath?: string | undefined;
  /** Largest request body, in bytes; larger ones get a 413. Default 32 MiB. */
  maxBodyBytes?: number | undefined;
  /** Milliseconds of silence in a stream after which a `: ping` comment is sent. Default 0 (never). */
  heartbeatMs?: number | undefined;
  /** Milliseconds a request (a stream to its end) may take before it fails with a 504 or an error event. Default 0 (no limit). */
  requestTimeoutMs?: number | undefined;
  /**
   * When it aborts, in-flight calls are cancelled and streams end with an error event (503, `server_shutting_down`,
   * or the signal's `reason` when that is an error): a graceful shutdown's deadline.
   */
  shutdownSignal?: AbortSignal | undefined;
  /** Called once per request when its response has ended (for a stream, after its last byte): the access log. */
  onExchange?: ((record: ExchangeRecord) => void) | undefined;
}

/** A standard fetch handler, with the client it calls. */
export type OpenAIHandler = ((request: Request) => Promise<Response>) & { readonly client: Client };

export function createOpenAIHandler(options: OpenAIHandlerOptions = {}): OpenAIHandler {
  const client = options.client instanceof Client ? options.client : new Client(options.client ?? {});
  const basePath = normalizeBasePath(options.basePath ?? '/v1');
  const maxBodyBytes = nonNegative(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 'maxBodyBytes');
  const heartbeatMs = nonNegative(options.heartbeatMs, 0, 'heartbeatMs');
  const requestTimeoutMs = nonNegative(options.requestTimeoutMs, 0, 'requestTimeoutMs');
  const context: HandlerContext = { client, maxBodyBytes, heartbeatMs, retried: client._retryPolicy({}).maxRetries > 0 };
  const settings: ExchangeSettings = { requestTimeoutMs, shutdownSignal: options.shutdownSignal, onExchange: options.onExchange };

  const root: OpenAIApp = new Hono();
  root.notFound((c) => {
    const error = httpError(404, `Unknown path: ${c.req.method} ${c.req.path}. This server serves OpenAI's API under ${basePath || '/'}.`, {
      code: 'unknown_url',
    });
    (c.get('exchange') as InternalExchange | undefined)?.fail(error);
    return errorResponse(error, { retried: false });
  });
  root.onError((error, c) => {
    const exchange = c.get('exchange') as InternalExchange | undefined;
    // A call cancelled by the timeout or the shutdown reports that, not the cancellation.
    const reported = exchange?.endSignal?.aborted === true ? exchange.endSignal.reason : error;
    exchange?.fail(reported);
    const allow = (error as { allow?: unknown }).allow;
    return errorResponse(
      reported,
      { retried: context.retried && !isHttpLayerError(reported) && exchange?.endSignal?.aborted !== true },
      typeof allow === 'string' ? { allow } : undefined,
    );
  });
  root.use('*', async (c, next) => {
    const exchange = createExchange(c.req.raw, c.req.method, c.req.path, settings);
    c.set('exchange', exchange);
    await next();
    if (!exchange.streaming) exchange.end({ status: c.res.status });
  });
  const app = basePath === '' ? root : (root.basePath(basePath) as OpenAIApp);
  for (const register of ROUTES) register(app, context);

  const handler = (request: Request): Promise<Response> => Promise.resolve(root.fetch(request));
  return Object.assign(handler, { client });
}

interface ExchangeSettings {
  requestTimeoutMs: number;
  shutdownSignal: AbortSignal | undefined;
  onExchange: ((record: ExchangeRecord) => void) | undefined;
}

interface InternalExchange extends Exchange {
  fail(error: unknown): void;
}

function createExchange(request: Request, method: string, path: string, settings: ExchangeSettings): InternalExchange {
  const started = performance.now();
  let signal = request.signal;
  let endSignal: AbortSignal | undefined;
  let release: (() => void) | undefined;
  const { requestTimeoutMs, shutdownSignal, onExchange } = settings;
  if (requestTimeoutMs > 0 || shutdownSignal !== undefined) {
    const ender = new AbortController();
    const timer =
      requestTimeoutMs > 0
        ? setTimeout(() => {
            ender.abort(
              httpError(504, `The request took longer than this server's per-request timeout (${requestTimeoutMs} ms).`, {
                code: 'request_timeout',
                type: 'timeout_error',
              }),
            );
          }, requestTimeoutMs)
        : undefined;
    const onShutdown = (): void => ender.abort(shutdownError(shutdownSignal?.reason));
    if (shutdownSignal?.aborted === true) onShutdown();
    else shutdownSignal?.addEventListener('abort', onShutdown, { once: true });
    release = () => {
      clearTimeout(timer);
      shutdownSignal?.removeEventListener('abort', onShutdown);
    };
    endSignal = ender.signal;
    signal = AbortSignal.any([request.signal, endSignal]);
  }
  let ended = false;
  let failure: string | undefined;
  let failed = false;
  const exchange: InternalExchange = {
    signal,
    endSignal,
    model: undefined,
    requestId: null,
    promptTokens: undefined,
    completionTokens: undefined,
    streaming: false,
    fail(error) {
      failed = true;
      failure = errorCode(toWireError(error, { retried: false }).body.error, false);
    },
    end(outcome) {
      if (ended) return;
      ended = true;
      release?.();
      onExchange?.({
        method,
        path,
        model: exchange.model,
        status: outcome.status ?? 200,
        ms: performance.now() - started,
        promptTokens: exchange.promptTokens,
        completionTokens: exchange.completionTokens,
        requestId: exchange.requestId,
        error: outcome.error ?? (failed ? failure : undefined),
        cancelled: outcome.cancelled ?? false,
      });
    },
  };
  return exchange;
}

function shutdownError(reason: unknown): unknown {
  if (reason instanceof Error && 'status' in reason) return reason;
  return httpError(503, 'The server is shutting down; retry the request.', { code: 'server_shutting_down', type: 'server_error' });
}

function normalizeBasePath(path: string): string {
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
    throw new TypeError(`basePath must be a path starting with "/"; got ${JSON.stringify(path)}.`);
  }
  return path.replace(/\/+$/, '');
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TypeError(`${name} must be a number ≥ 0; got ${JSON.stringify(value)}.`);
  return value;
}
