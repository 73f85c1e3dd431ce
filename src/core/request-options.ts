/**
 * The per-request options every method takes as its last argument, as `openai`'s `RequestOptions`, and what each
 * one means on Bedrock. Each is honoured where Bedrock gives it a meaning and refused (a `BadRequestError` naming
 * it, before anything is sent) where it has none; none is silently ignored.
 *
 * | option | here |
 * |---|---|
 * | `maxRetries`, `timeout`, `signal` | as in `openai`; `signal: null` is the same as no signal |
 * | `headers` | extra HTTP headers on every Bedrock request of the call (signed with it); `null` values (openai: "do not send") are no-ops; headers the AWS SDK owns or that change the protocol are refused |
 * | `query` | refused unless empty: no Bedrock Runtime operation takes query parameters |
 * | `idempotencyKey` | refused: Bedrock Runtime has no idempotency key (a retried request is a new generation) |
 * | `fetchOptions` | refused unless empty: requests go through the AWS SDK's HTTP handler, not `fetch` (use the client's `requestHandler` for agents and proxies) |
 * | anything else (`openai`'s internal `method`, `path`, `body`, `__…`) | refused by name |
 */
import { APIUserAbortError, BadRequestError } from './errors.js';
import type { RetryInfo } from './retry.js';

/** A header value as `openai` takes it: `null`/`undefined` mean "do not send". */
export type HeaderValue = string | null | undefined;

/** Headers as `openai` takes them (except its internal `NullableHeaders`). */
export type HeadersLike = Headers | readonly (readonly HeaderValue[])[] | Readonly<Record<string, HeaderValue | readonly HeaderValue[]>> | null | undefined;

/** Options every method takes as its last argument, as in `openai`. */
export interface RequestOptions {
  /** Retries after the first attempt. Default: the client's (2). */
  maxRetries?: number | undefined;
  /** Milliseconds per attempt (for a stream, up to its first event). Default: the client's (600000). */
  timeout?: number | undefined;
  /** Milliseconds a started stream may go without an event. Default: the client's (300000). */
  streamIdleTimeout?: number | undefined;
  /** Cancels the call (`APIUserAbortError`); `null` is the same as none. */
  signal?: AbortSignal | null | undefined;
  /** Called before each retry of this call. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /**
   * Extra HTTP headers sent (and signed) with every Bedrock request of this call, e.g. for a proxy or gateway in
   * front of Bedrock (`endpoint`). A `null` value means "do not send", as in `openai`. Refused: the headers the
   * AWS SDK sets or that change the protocol (`authorization`, `host`, `content-type`, `content-length`,
   * `content-encoding`, `transfer-encoding`, `connection`, `expect`, `te`, `upgrade`, `x-amz-*`, `x-amzn-*`).
   */
  headers?: HeadersLike;
  /** Refused unless empty: no Bedrock Runtime operation takes query parameters. */
  query?: object | null | undefined;
  /** Refused: Bedrock Runtime has no idempotency key, so a retried request is always a new generation. */
  idempotencyKey?: string | undefined;
  /**
   * Refused unless empty: requests go through the AWS SDK's HTTP handler, not `fetch`. For agents, proxies or TLS
   * settings, give the client a `requestHandler`.
   */
  fetchOptions?: object | undefined;
}

/** {@link RequestOptions} once read: what the transport uses. */
export interface ReadRequestOptions {
  maxRetries?: number | undefined;
  timeout?: number | undefined;
  streamIdleTimeout?: number | undefined;
  signal?: AbortSignal | undefined;
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /** Lower-cased names → values; `undefined` when there are none. */
  headers?: Readonly<Record<string, string>> | undefined;
}

const COMMON_KEYS = ['maxRetries', 'timeout', 'streamIdleTimeout', 'signal', 'onRetry', 'headers', 'query', 'idempotencyKey', 'fetchOptions'] as const;

/** Header names the AWS SDK sets itself, or that would change how the request is framed, signed or routed. */
const REFUSED_HEADERS = new Set(['authorization', 'host', 'content-type', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'expect', 'te', 'trailer', 'upgrade', 'proxy-authorization']);
const REFUSED_HEADER_PREFIXES = ['x-amz-', 'x-amzn-'];

/** RFC 9110 token characters (a header name). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible ASCII, spaces and tabs (a header value Node accepts and SigV4 signs as is). */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * Reads a method's request options: checks each against the table above, refuses what Bedrock cannot honour and
 * unknown keys (a `BadRequestError` naming `options.<key>`), and returns the options with `signal: null` dropped
 * and `headers` normalized. `extraKeys` are the method's own options (`dropUnsupportedParams`, `concurrency`, …),
 * which the caller checks. The other keys of `options` are returned as given.
 */
export function readRequestOptions<Options extends RequestOptions>(
  options: Options | null | undefined,
  extraKeys: readonly (keyof Options & string)[] = [],
): Omit<Options, keyof RequestOptions> & ReadRequestOptions {
  if (options === undefined || options === null) return {} as Omit<Options, keyof RequestOptions> & ReadRequestOptions;
  if (typeof options !== 'object' || Array.isArray(options)) throw BadRequestError.forParam('options', 'Request options must be an object.');
  for (const key of Object.keys(options)) {
    if ((options as Record<string, unknown>)[key] === undefined) continue;
    if (!(COMMON_KEYS as readonly string[]).includes(key) && !(extraKeys as readonly string[]).includes(key)) {
      throw BadRequestError.forParam(`options.${key}`, `Unrecognized request option \`${key}\`.`, 'unknown_parameter');
    }
  }
  const { signal, headers, query, idempotencyKey, fetchOptions, ...rest } = options;
  if (signal !== undefined && signal !== null && !isAbortSignal(signal)) {
    throw BadRequestError.forParam('options.signal', '`signal` must be an AbortSignal (or null).');
  }
  if (query !== undefined && query !== null && !isEmpty(query, 'options.query')) {
    throw BadRequestError.forParam('options.query', '`query` is not supported on Bedrock: no Bedrock Runtime operation takes query parameters.', 'unsupported_parameter');
  }
  if (idempotencyKey !== undefined) {
    throw BadRequestError.forParam(
      'options.idempotencyKey',
      '`idempotencyKey` is not supported on Bedrock: Bedrock Runtime has no idempotency key, so a retried request is always a new generation (set `maxRetries: 0` to never repeat one).',
      'unsupported_parameter',
    );
  }
  if (fetchOptions !== undefined && !isEmpty(fetchOptions, 'options.fetchOptions')) {
    throw BadRequestError.forParam(
      'options.fetchOptions',
      '`fetchOptions` is not supported: requests go through the AWS SDK\'s HTTP handler, not `fetch`. Give the client a `requestHandler` for agents, proxies or TLS settings, and use `headers` and `signal` for the rest.',
      'unsupported_parameter',
    );
  }
  const read = { ...rest, ...(isAbortSignal(signal) ? { signal } : {}) } as Omit<Options, keyof RequestOptions> & ReadRequestOptions;
  const normalized = readHeaders(headers);
  if (normalized !== undefined) read.headers = normalized;
  return read;
}

/** `headers` → lower-cased name → value, without the `null`/`undefined` ones; `undefined` when none remain. */
export function readHeaders(headers: HeadersLike): Readonly<Record<string, string>> | undefined {
  if (headers === undefined || headers === null) return undefined;
  const entries: [string, HeaderValue][] = [];
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    headers.forEach((value, name) => entries.push([name, value]));
  } else if (Array.isArray(headers)) {
    headers.forEach((pair: unknown, index) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
        throw BadRequestError.forParam(`options.headers[${index}]`, '`headers` as an array must hold `[name, value]` pairs.');
      }
      entries.push([pair[0], pair[1] as HeaderValue]);
    });
  } else if (typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) {
      if (Array.isArray(value)) for (const each of value) entries.push([name, each as HeaderValue]);
      else entries.push([name, value as HeaderValue]);
    }
  } else {
    throw BadRequestError.forParam('options.headers', '`headers` must be an object, a Headers instance or an array of `[name, value]` pairs.');
  }
  const out: Record<string, string> = {};
  for (const [rawName, value] of entries) {
    const param = `options.headers.${rawName}`;
    if (!HEADER_NAME.test(rawName)) throw BadRequestError.forParam(param, `\`${rawName}\` is not a valid HTTP header name.`);
    const name = rawName.toLowerCase();
    if (REFUSED_HEADERS.has(name) || REFUSED_HEADER_PREFIXES.some((prefix) => name.startsWith(prefix))) {
      throw BadRequestError.forParam(
        param,
        `The header \`${rawName}\` cannot be set per request: the AWS SDK sets it (signing, framing, Bedrock's own headers) or it would change the protocol. Bedrock's own settings are request fields (e.g. \`bedrock.guardrail\`).`,
        'unsupported_parameter',
      );
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string') throw BadRequestError.forParam(param, `The header \`${rawName}\` must be a string (or null).`);
    if (!HEADER_VALUE.test(value)) throw BadRequestError.forParam(param, `The header \`${rawName}\` holds characters an HTTP header cannot carry (visible ASCII, spaces and tabs only).`);
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && typeof (value as AbortSignal).aborted === 'boolean' && typeof (value as AbortSignal).addEventListener === 'function';
}

function isEmpty(value: unknown, param: string): boolean {
  if (typeof value !== 'object' || value === null) throw BadRequestError.forParam(param, `\`${param.slice('options.'.length)}\` must be an object.`);
  if (value instanceof URLSearchParams) return [...value.keys()].length === 0;
  return Object.values(value).every((entry) => entry === undefined);
}

/**
 * The options of a method that sends no request (`models.list()`, a stored response's retrieval): it takes the
 * options every method takes — an aborted signal fails as elsewhere, `maxRetries` and `timeout` bound a request
 * that is never made — but `headers` have no request to go on and are refused, as are the options no method can
 * honour. `method` and `what` name the method and what it does instead, for the message.
 */
export function readLocalOptions(options: RequestOptions | null | undefined, method: string, what: string): void {
  const read = readRequestOptions(options);
  if (read.headers !== undefined) {
    throw BadRequestError.forParam('options.headers', `\`${method}\` ${what} and sends no request, so there is nothing to put \`headers\` on.`, 'unsupported_parameter');
  }
  if (read.signal?.aborted === true) throw new APIUserAbortError();
}
