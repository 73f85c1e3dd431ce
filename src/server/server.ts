/**
 * `startServer()`: the OpenAI handler on a port (hono + @hono/node-server), as a gateway in front of Bedrock.
 * Around the handler: `GET /health` (no auth), inbound API keys, a concurrency limit (429 with `retry-after`),
 * optional CORS, one access-log line per request through the client's logger, and a graceful shutdown that lets
 * in-flight requests finish within a grace period, then ends the rest with an error event.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, type ClientOptions } from '../client.js';
import type { ExchangeRecord } from '../http/context.js';
import { errorResponse, httpError } from '../http/errors.js';
import { createOpenAIHandler } from '../http/handler.js';
import { createKeyCheck, isLoopback } from './auth.js';

export interface ServerOptions {
  /** The client to call, or options to build one with (read exactly as `new Client(options)` reads them). */
  client?: Client | ClientOptions | undefined;
  /** Interface to listen on. Default `127.0.0.1`. Any non-loopback address requires `apiKeys`. */
  host?: string | undefined;
  /** Port; 0 picks a free one. Default 8080. */
  port?: number | undefined;
  /** Accepted `Authorization: Bearer` keys (each ≥ 16 characters). None: no auth (loopback only). */
  apiKeys?: readonly string[] | undefined;
  /** Largest request body in bytes (413 beyond). Default 32 MiB. */
  maxBodyBytes?: number | undefined;
  /** Requests served at once; more get a 429 with `retry-after: 1`. Default 256. */
  maxConcurrentRequests?: number | undefined;
  /** Milliseconds a request (a stream to its end) may take. Default 900000 (15 minutes); 0: no limit. */
  requestTimeoutMs?: number | undefined;
  /** Milliseconds of silence in a stream before a `: ping` comment. Default 15000; 0: never. */
  heartbeatMs?: number | undefined;
  /** Milliseconds in-flight requests get to finish on `close()` (SIGTERM/SIGINT for the CLI). Default 30000. */
  shutdownGraceMs?: number | undefined;
  /**
   * Milliseconds an idle keep-alive connection is kept open. Default 72000: longer than the 60-second idle timeout of
   * AWS's load balancers (ALB), so that a balancer never sends a request on a connection the server has just closed
   * (a 502). Node's own default is 5000. Must be ≥ 1.
   */
  keepAliveTimeoutMs?: number | undefined;
  /**
   * Allowed CORS origin (`*` or an origin). The preflight then allows the request headers it is asked for, and
   * `x-request-id`, `x-should-retry` and `retry-after` are exposed. Default: no CORS headers.
   */
  cors?: string | undefined;
}

export interface ServerHandle {
  /** Base URL of the API, e.g. `http://127.0.0.1:8080/v1`. */
  url: string;
  host: string;
  port: number;
  client: Client;
  /** Requests being served (a stream counts until its last byte). */
  readonly inFlight: number;
  /**
   * Stops accepting, lets in-flight requests finish within the grace period, ends the rest (streams with an error
   * event), then closes every connection. Resolves with how many requests were cut short.
   */
  close(options?: { graceMs?: number }): Promise<{ cutShort: number }>;
}

export const DEFAULT_PORT = 8080;

/**
 * Response headers a browser lets an OpenAI SDK read with `--cors`: the request ID, and what decides its retries
 * (without `x-should-retry` it would retry what our client already retried).
 */
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'x-should-retry', 'retry-after'] as const;
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
export const DEFAULT_REQUEST_TIMEOUT_MS = 900_000;
export const DEFAULT_HEARTBEAT_MS = 15_000;
export const DEFAULT_SHUTDOWN_GRACE_MS = 30_000;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 72_000;

export async function startServer(options: ServerOptions = {}): Promise<ServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_PORT;
  const keys = options.apiKeys ?? [];
  if (keys.length === 0 && !isLoopback(host)) {
    throw new Error(
      `Refusing to listen on ${host} without API keys: anyone who reaches it would spend your AWS account's money. ` +
        'Give keys (--api-key, BEDROCK_OPENAI_API_KEYS or --api-keys-file), or listen on 127.0.0.1.',
    );
  }
  const checkKey = keys.length === 0 ? undefined : createKeyCheck(keys);
  const maxConcurrent = options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS;
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) throw new TypeError('maxConcurrentRequests must be a whole number ≥ 1.');
  const keepAliveTimeoutMs = options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS;
  if (!Number.isSafeInteger(keepAliveTimeoutMs) || keepAliveTimeoutMs < 1) throw new TypeError('keepAliveTimeoutMs must be a whole number ≥ 1.');
  const ownClient = !(options.client instanceof Client);
  const client = options.client instanceof Client ? options.client : new Client(options.client ?? {});
  const logger = client._logger;

  const shutdown = new AbortController();
  let inFlight = 0;
  let draining = false;
  const idleWaiters = new Set<() => void>();
  // The access line is built only when the logger keeps info lines (building it costs ~10 µs a request).
  const log = logger.level === 'info' || logger.level === 'debug' ? (record: ExchangeRecord): void => logger.info(formatAccessLine(record)) : (): void => undefined;
  const handler = createOpenAIHandler({
    client,
    maxBodyBytes: options.maxBodyBytes,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    shutdownSignal: shutdown.signal,
    onExchange: (record) => {
      inFlight -= 1;
      log(record);
      if (inFlight === 0) for (const wake of idleWaiters) wake();
    },
  });

  const [{ Hono }, { cors }] = await Promise.all([import('hono'), import('hono/cors')]);
  const app = new Hono();
  if (options.cors !== undefined) {
    // The preflight allows the headers it is asked for: OpenAI SDKs send their own (`x-stainless-os`,
    // `x-stainless-retry-count`, `openai-organization`…) and `Access-Control-Allow-Headers` takes no patterns. The
    // origin and the API key are what guard the gateway. The response headers an SDK reads are exposed to it.
    app.use('*', cors({ origin: options.cors, exposeHeaders: [...CORS_EXPOSED_HEADERS] }));
  }
  app.get('/health', (c) => c.json({ status: draining ? 'draining' : 'ok' }, draining ? 503 : 200));
  app.use('*', async (c, next) => {
    const started = performance.now();
    const refuse = (status: number, error: unknown, headers?: Record<string, string>): Response => {
      const response = errorResponse(error, { retried: false }, headers);
      log({ method: c.req.method, path: c.req.path, model: undefined, status, ms: performance.now() - started, promptTokens: undefined, completionTokens: undefined, requestId: null, error: (error as { code?: string }).code, cancelled: false });
      return response;
    };
    if (draining) {
      return refuse(503, httpError(503, 'The server is shutting down; retry the request.', { code: 'server_shutting_down', type: 'server_error' }), { connection: 'close' });
    }
    if (checkKey !== undefined && c.req.method !== 'OPTIONS' && !checkKey(c.req.header('authorization') ?? null)) {
      return refuse(401, httpError(401, 'Incorrect or missing API key. Send it as "Authorization: Bearer <key>".', { code: 'invalid_api_key' }));
    }
    if (inFlight >= maxConcurrent) {
      return refuse(429, httpError(429, `This server is serving its limit of ${maxConcurrent} concurrent requests; retry shortly.`, { code: 'concurrency_limit' }), {
        'retry-after': '1',
      });
    }
    await next();
  });
  app.all('*', (c) => {
    inFlight += 1;
    return handler(c.req.raw);
  });

  const { createAdaptorServer } = await import('@hono/node-server');
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  server.keepAliveTimeout = keepAliveTimeoutMs;
  // A request's headers may take as long as Node's default allows, and never less than an idle connection is kept.
  server.headersTimeout = Math.max(server.headersTimeout, keepAliveTimeoutMs + 1_000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}/v1`;

  let closing: Promise<{ cutShort: number }> | undefined;
  const idle = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (inFlight === 0) return resolve(true);
      const done = (value: boolean): void => {
        clearTimeout(timer);
        idleWaiters.delete(wake);
        resolve(value);
      };
      const wake = (): void => done(true);
      const timer = setTimeout(() => done(inFlight === 0), ms);
      idleWaiters.add(wake);
    });

  return {
    url,
    host: address.address,
    port: address.port,
    client,
    get inFlight() {
      return inFlight;
    },
    close(closeOptions = {}) {
      closing ??= (async () => {
        draining = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const graceMs = closeOptions.graceMs ?? options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
        let cutShort = 0;
        if (!(await idle(graceMs))) {
          cutShort = inFlight;
          logger.warn(`bedrock-openai: shutdown grace of ${graceMs} ms over; ending ${cutShort} request(s) still in flight`);
          shutdown.abort();
          await idle(2_000);
        }
        // An ended exchange may still have bytes on their way out: connections close as they turn idle.
        await closeConnectionsAsTheyIdle(server, 2_000);
        server.closeAllConnections();
        await stopped;
        if (ownClient) client.close();
        return { cutShort };
      })();
      return closing;
    },
  };
}

async function closeConnectionsAsTheyIdle(server: Server, maxMs: number): Promise<void> {
  const deadline = performance.now() + maxMs;
  for (;;) {
    server.closeIdleConnections();
    const open = await new Promise<number>((resolve) => server.getConnections((error, count) => resolve(error === null ? count : 0)));
    if (open === 0 || performance.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One access-log line: no headers, no body, nothing secret. */
export function formatAccessLine(record: ExchangeRecord): string {
  const parts = [`bedrock-openai: ${record.method} ${record.path}`, `status=${record.status}`, `ms=${record.ms.toFixed(1)}`];
  if (record.model !== undefined) parts.push(`model=${JSON.stringify(record.model)}`);
  if (record.promptTokens !== undefined || record.completionTokens !== undefined) {
    parts.push(`tokens=${record.promptTokens ?? 0}+${record.completionTokens ?? 0}`);
  }
  if (record.requestId !== null) parts.push(`request_id=${record.requestId}`);
  if (record.error !== undefined) parts.push(`error=${record.error}`);
  if (record.cancelled) parts.push('cancelled');
  return parts.join(' ');
}
