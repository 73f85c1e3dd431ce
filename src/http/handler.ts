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
import { Client, type ClientOptions } from '../client.js';
import { DEFAULT_MAX_BODY_BYTES } from './body.js';
import type { ExchangeRecord, HandlerContext } from './context.js';

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

/** @internal What each request's exchange needs of the handler's options (src/http/app.ts). */
export interface ExchangeSettings {
  requestTimeoutMs: number;
  shutdownSignal: AbortSignal | undefined;
  onExchange: ((record: ExchangeRecord) => void) | undefined;
}

/** What the handler serves requests with (a Hono app). */
type App = { fetch(request: Request): Response | Promise<Response> };

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

  // Hono and the routes load with the first request, not with `import('bedrock-openai')`: code that never serves
  // OpenAI's HTTP API does not pay for them.
  let app: Promise<App> | undefined;
  let ready: App | undefined;
  const load = (): Promise<App> => {
    app = import('./app.js').then(({ createApp }) => (ready = createApp(context, settings, basePath)));
    app.catch(() => (app = undefined));
    return app;
  };

  const handler = (request: Request): Promise<Response> =>
    ready === undefined ? (app ?? load()).then((loaded) => loaded.fetch(request)) : Promise.resolve(ready.fetch(request));
  return Object.assign(handler, { client });
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
