/**
 * What routes share: the handler's settings ({@link HandlerContext}) and, per request, the {@link Exchange} (the
 * signal that cancels the Bedrock call, and what the access log reports once the response has ended).
 */
import type { Hono } from 'hono';
import type { Client } from '../client.js';

/** One request's access-log facts, reported once its response has ended (for a stream: after its last byte). */
export interface ExchangeRecord {
  method: string;
  /** The path, without the query string. */
  path: string;
  /** The `model` of the request body, when it had one. */
  model: string | undefined;
  status: number;
  /** Milliseconds from the request to the end of the response. */
  ms: number;
  promptTokens: number | undefined;
  completionTokens: number | undefined;
  /** Bedrock's request ID, when a call was made. */
  requestId: string | null;
  /** For a failure (also one sent as a stream's error event): the OpenAI error `code` or `type`. */
  error: string | undefined;
  /** Whether the client went away before the end. */
  cancelled: boolean;
}

/** The per-request state routes read and fill in. */
export interface Exchange {
  /** Aborts when the caller goes away, the per-request timeout passes or a shutdown's grace period ends. */
  readonly signal: AbortSignal;
  /** Aborts (with the error to send as `reason`) on the per-request timeout or at the end of a shutdown's grace. */
  readonly endSignal: AbortSignal | undefined;
  model: string | undefined;
  requestId: string | null;
  promptTokens: number | undefined;
  completionTokens: number | undefined;
  /** Set by a route whose body streams: the exchange then ends when the stream does ({@link Exchange.end}). */
  streaming: boolean;
  /** Ends the exchange (once): reports the record and releases timers. */
  end(outcome: { status?: number; error?: string | undefined; cancelled?: boolean }): void;
}

/** The handler's settings, given to every route module. */
export interface HandlerContext {
  readonly client: Client;
  readonly maxBodyBytes: number;
  readonly heartbeatMs: number;
  /** Whether failures of the client's calls come out of its retries (`maxRetries > 0`): see `x-should-retry`. */
  readonly retried: boolean;
}

/** The Hono app routes register on (its base path is the handler's `basePath`, `/v1` by default). */
export type OpenAIApp = Hono<{ Variables: { exchange: Exchange } }>;

/**
 * A route module: registers its routes on the app. To add routes (the Responses API, Files, Batches…), write
 * `src/http/routes/<name>.ts` exporting one of these and add it to `ROUTES` in `src/http/routes/index.ts`; use
 * {@link route} from `src/http/route.ts` so wrong methods answer 405.
 */
export type RouteModule = (app: OpenAIApp, context: HandlerContext) => void;
