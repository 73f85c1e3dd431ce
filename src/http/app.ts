/**
 * The Hono app behind {@link createOpenAIHandler} (src/http/handler.ts), built on the handler's first request: the
 * routes of `ROUTES`, OpenAI-shaped 404s and errors, and one {@link Exchange} per request (its signal, timeout,
 * shutdown and access-log record).
 */
import { Hono } from 'hono';
import { errorCode } from './create-route.js';
import type { Exchange, HandlerContext, OpenAIApp } from './context.js';
import { errorResponse, httpError, isHttpLayerError, toWireError } from './errors.js';
import { requestSignal } from './in-process.js';
import type { ExchangeSettings } from './handler.js';
import { ROUTES } from './routes/index.js';

export function createApp(context: HandlerContext, settings: ExchangeSettings, basePath: string): OpenAIApp {
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
  const shutdown = shutdownFanout(settings.shutdownSignal);
  root.use('*', async (c, next) => {
    const exchange = createExchange(c.req.raw, c.req.method, c.req.path, settings, shutdown);
    c.set('exchange', exchange);
    await next();
    if (!exchange.streaming) exchange.end({ status: c.res.status });
  });
  const app = basePath === '' ? root : (root.basePath(basePath) as OpenAIApp);
  for (const register of ROUTES) register(app, context);
  return root;
}

interface InternalExchange extends Exchange {
  fail(error: unknown): void;
}

/** Calls every registered function once when the shutdown signal aborts; `add` returns the unregister. */
interface ShutdownFanout {
  add(onShutdown: () => void): () => void;
}

/**
 * One listener on the shutdown signal for all the requests in flight: a listener each would pass Node's limit of 10
 * under any load and print a "possible memory leak" warning on the server's stderr.
 */
function shutdownFanout(signal: AbortSignal | undefined): ShutdownFanout | undefined {
  if (signal === undefined) return undefined;
  const waiting = new Set<() => void>();
  signal.addEventListener(
    'abort',
    () => {
      for (const onShutdown of [...waiting]) onShutdown();
      waiting.clear();
    },
    { once: true },
  );
  return {
    add(onShutdown) {
      if (signal.aborted) {
        onShutdown();
        return () => undefined;
      }
      waiting.add(onShutdown);
      return () => waiting.delete(onShutdown);
    },
  };
}

function createExchange(request: Request, method: string, path: string, settings: ExchangeSettings, shutdown: ShutdownFanout | undefined): InternalExchange {
  const started = performance.now();
  const callerSignal = requestSignal(request);
  let signal = callerSignal;
  let endSignal: AbortSignal | undefined;
  let release: (() => void) | undefined;
  const { requestTimeoutMs, shutdownSignal, onExchange } = settings;
  if (requestTimeoutMs > 0 || shutdownSignal !== undefined) {
    const ender = new AbortController();
    // The call's signal aborts with the caller's or the end's, whichever comes first. Not `AbortSignal.any()`: on
    // Node 20 that costs tens of µs a request, in weak references the GC has to trace.
    const call = new AbortController();
    const end = (reason: unknown): void => {
      ender.abort(reason);
      call.abort(reason);
    };
    const onCallerAbort = (): void => call.abort(callerSignal.reason);
    if (callerSignal.aborted) onCallerAbort();
    else callerSignal.addEventListener('abort', onCallerAbort, { once: true });
    const timer =
      requestTimeoutMs > 0
        ? setTimeout(() => {
            end(
              httpError(504, `The request took longer than this server's per-request timeout (${requestTimeoutMs} ms).`, {
                code: 'request_timeout',
                type: 'timeout_error',
              }),
            );
          }, requestTimeoutMs)
        : undefined;
    const leaveShutdown = shutdown?.add(() => end(shutdownError(shutdownSignal?.reason)));
    release = () => {
      clearTimeout(timer);
      leaveShutdown?.();
      callerSignal.removeEventListener('abort', onCallerAbort);
    };
    endSignal = ender.signal;
    signal = call.signal;
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

