/**
 * Errors as OpenAI's HTTP API sends them: a status, `{"error":{"message","type","param","code"}}` as
 * `application/json`, and the headers the `openai` SDK reads (`x-request-id`, `x-should-retry`, `retry-after`).
 * One pure mapping, {@link toWireError}, serves JSON responses and in-stream error events alike.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, redactSecrets } from '../core/errors.js';
import { TextResponse } from './text-response.js';

/** OpenAI's error body. */
export interface WireErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export interface WireError {
  status: number;
  body: WireErrorBody;
  headers: Record<string, string>;
}

export interface WireErrorOptions {
  /**
   * The failure came out of the Client's own retries (maxRetries > 0): `x-should-retry: false` tells the `openai`
   * SDK not to retry it again, which would multiply attempts.
   */
  retried: boolean;
}

/** The `type` OpenAI uses for a status, where the error names none. */
export function errorTypeForStatus(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/**
 * Any error a route can meet → what OpenAI would send. Errors without a status: a timeout is a 504, a connection
 * that failed (Bedrock unreachable) a 502, a cancelled request a 499 (nginx's "client closed request"; nobody is
 * left to read it); anything else is a 500 whose message is scrubbed of secrets.
 */
export function toWireError(error: unknown, options: WireErrorOptions): WireError {
  let status: number;
  let type: string;
  let code: string | null;
  let param: string | null = null;
  let message: string;
  let requestId: string | null | undefined;
  let retryAfter: string | undefined;
  if (error instanceof APIError && typeof error.status === 'number') {
    status = error.status;
    type = error.type ?? errorTypeForStatus(status);
    code = error.code ?? null;
    param = error.param ?? null;
    message = error.message;
    requestId = error.requestID;
    retryAfter = headerOf(error.headers, 'retry-after');
  } else if (error instanceof APIConnectionTimeoutError) {
    [status, type, code, message] = [504, 'timeout_error', 'timeout', error.message];
  } else if (error instanceof APIUserAbortError) {
    [status, type, code, message] = [499, 'request_aborted', 'aborted', error.message];
  } else if (error instanceof APIConnectionError) {
    [status, type, code, message] = [502, 'server_error', 'bedrock_unreachable', error.message];
  } else {
    const detail = error instanceof Error ? error.message : String(error);
    [status, type, code, message] = [500, 'server_error', null, `Internal error: ${redactSecrets(detail)}`];
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (typeof requestId === 'string' && requestId !== '') headers['x-request-id'] = requestId;
  if (options.retried) headers['x-should-retry'] = 'false';
  if (status === 429 && retryAfter !== undefined) headers['retry-after'] = retryAfter;
  return { status, body: { error: { message, type, param, code } }, headers };
}

/** A JSON error `Response`. */
export function errorResponse(error: unknown, options: WireErrorOptions, extraHeaders?: Record<string, string>): Response {
  const wire = toWireError(error, options);
  return new TextResponse(JSON.stringify(wire.body), { status: wire.status, headers: { ...wire.headers, ...extraHeaders } });
}

/** An error the HTTP layer raises itself (unknown path, wrong method, bad body…), in OpenAI's shape. */
export function httpError(status: number, message: string, details: { code?: string; param?: string; type?: string } = {}): APIError {
  const error = APIError.generate(status, message, {
    type: details.type ?? errorTypeForStatus(status),
    code: details.code ?? null,
    param: details.param ?? null,
  });
  HTTP_LAYER_ERRORS.add(error);
  return error;
}

const HTTP_LAYER_ERRORS = new WeakSet<object>();

/** Whether the HTTP layer raised this error itself (no Bedrock call was made, so no retry of ours covered it). */
export function isHttpLayerError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && HTTP_LAYER_ERRORS.has(error);
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
