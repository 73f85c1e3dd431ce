/**
 * Error classes with the `openai` package's names and statuses, so code written against `openai`
 * (`err instanceof RateLimitError`, `err.status === 429`) keeps working with Bedrock.
 *
 * Every Bedrock Runtime exception goes through one mapping, {@link fromAwsError}. Errors raised before a
 * request leaves (bad input, unsupported parameters, configuration) are `BadRequestError`s whose `param`
 * names the offending field.
 */

export type Headers = Record<string, string>;

/** The body-like object an error carries, in OpenAI's `{ message, type, param, code }` shape. */
export interface ErrorObject {
  message: string;
  type?: string | undefined;
  param?: string | null | undefined;
  code?: string | null | undefined;
}

/** Base class of every error this package throws (the `openai` package calls it `OpenAIError`). */
export class BedrockOpenAIError extends Error {
  override name = 'BedrockOpenAIError';
}

/** Alias kept for code written against `openai`, where the base class is `OpenAIError`. */
export { BedrockOpenAIError as OpenAIError };

export interface APIErrorOptions {
  /** The Bedrock exception name (`ThrottlingException`, `ValidationException`, …), when there is one. */
  bedrockErrorName?: string | undefined;
  requestID?: string | null | undefined;
  headers?: Headers | undefined;
  cause?: unknown;
  type?: string | undefined;
  param?: string | null | undefined;
  code?: string | null | undefined;
}

export class APIError<TStatus extends number | undefined = number | undefined> extends BedrockOpenAIError {
  override name = 'APIError';
  /** HTTP status of the response, or `undefined` when there was no response. */
  readonly status: TStatus;
  readonly headers: Headers | undefined;
  /** The error object, in OpenAI's shape. */
  readonly error: ErrorObject | undefined;
  readonly code: string | null | undefined;
  readonly param: string | null | undefined;
  readonly type: string | undefined;
  /** Bedrock's request ID (`x-amzn-requestid`), when a response arrived. */
  readonly requestID: string | null | undefined;
  /** The Bedrock exception name, e.g. `ThrottlingException`. */
  readonly bedrockErrorName: string | undefined;

  constructor(status: TStatus, message: string, options: APIErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.headers = options.headers;
    this.code = options.code;
    this.param = options.param;
    this.type = options.type;
    this.requestID = options.requestID;
    this.bedrockErrorName = options.bedrockErrorName;
    this.error = { message, type: options.type, param: options.param ?? null, code: options.code ?? null };
  }

  /** Builds the right subclass for an HTTP status, as the `openai` package's `APIError.generate` does. */
  static generate(status: number | undefined, message: string, options: APIErrorOptions = {}): APIError {
    if (status === undefined) return new APIConnectionError({ message, cause: options.cause });
    if (status === 400) return new BadRequestError(status, message, options);
    if (status === 401) return new AuthenticationError(status, message, options);
    if (status === 403) return new PermissionDeniedError(status, message, options);
    if (status === 404) return new NotFoundError(status, message, options);
    if (status === 409) return new ConflictError(status, message, options);
    if (status === 422) return new UnprocessableEntityError(status, message, options);
    if (status === 429) return new RateLimitError(status, message, options);
    if (status >= 500) return new InternalServerError(status, message, options);
    return new APIError(status, message, options);
  }
}

export class BadRequestError extends APIError<400> {
  override name = 'BadRequestError';
  constructor(status: 400, message: string, options?: APIErrorOptions) {
    super(status, message, { type: 'invalid_request_error', ...options });
  }

  /**
   * A validation error raised before any request is sent. `param` names the offending field the way the
   * user wrote it (`messages[2].content[0].image_url`, `dimensions`, `bedrock.json: region`).
   */
  static forParam(param: string, message: string, code: string = 'invalid_value'): BadRequestError {
    return new BadRequestError(400, message, { param, code, type: 'invalid_request_error' });
  }
}
/**
 * A configuration problem found before any request is sent: a bad `bedrock.json`, conflicting credential options,
 * an option of the wrong type. `param` names the key (`region`, `bedrock.json: crossRegion`); `file` the file, if any.
 */
export class ConfigurationError extends BadRequestError {
  override name = 'ConfigurationError';
  readonly file: string | undefined;
  constructor(param: string, message: string, file?: string) {
    super(400, message, { param, code: 'invalid_config', type: 'invalid_request_error' });
    this.file = file;
  }
}

export class AuthenticationError extends APIError<401> {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError<403> {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError<404> {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError<409> {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError<422> {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError<429> {
  override name = 'RateLimitError';
}
export class InternalServerError extends APIError<number> {
  override name = 'InternalServerError';
}

export class APIConnectionError extends APIError<undefined> {
  override name = 'APIConnectionError';
  constructor({ message, cause }: { message?: string | undefined; cause?: unknown } = {}) {
    super(undefined, message ?? 'Connection error.', { cause });
  }
}
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor({ message, cause }: { message?: string | undefined; cause?: unknown } = {}) {
    super({ message: message ?? 'Request timed out.', cause });
  }
}
export class APIUserAbortError extends APIError<undefined> {
  override name = 'APIUserAbortError';
  constructor({ message, cause }: { message?: string | undefined; cause?: unknown } = {}) {
    super(undefined, message ?? 'Request was aborted.', { cause });
  }
}

/**
 * `openai`'s webhook-signature error, for code that names it (`OpenAI.InvalidWebhookSignatureError`). Bedrock has
 * no webhooks, so this package never throws it. Like `openai`'s, it extends `Error`, not `OpenAIError`.
 */
export class InvalidWebhookSignatureError extends Error {
  override name = 'InvalidWebhookSignatureError';
}

/**
 * Status and OpenAI error `type` for every exception Bedrock Runtime models (bedrock-wire.md §1.12), plus the
 * unmodelled auth errors that arrive as 403s. Statuses follow what a user of `openai` expects where Bedrock's are
 * odd: `ServiceQuotaExceededException` is a 400 on the wire but a quota, so it is a `RateLimitError` (429, type
 * `insufficient_quota`, as OpenAI reports quotas); `ModelErrorException` (424) is an `UnprocessableEntityError`;
 * the auth exceptions Bedrock sends as 403 (`UnrecognizedClientException`, `InvalidSignatureException`,
 * `ExpiredTokenException`, …) are `AuthenticationError`s (401), keeping `PermissionDeniedError` (403) for
 * `AccessDeniedException`; `ModelTimeoutException` keeps its 408 on a plain `APIError`.
 */
const EXCEPTION_TABLE: Record<string, { status: number; type: string; code?: string }> = {
  ValidationException: { status: 400, type: 'invalid_request_error' },
  ConflictException: { status: 409, type: 'invalid_request_error' },
  AccessDeniedException: { status: 403, type: 'permission_error' },
  ResourceNotFoundException: { status: 404, type: 'not_found_error', code: 'model_not_found' },
  ServiceQuotaExceededException: { status: 429, type: 'insufficient_quota', code: 'service_quota_exceeded' },
  ThrottlingException: { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' },
  ModelNotReadyException: { status: 429, type: 'rate_limit_error', code: 'model_not_ready' },
  ModelTimeoutException: { status: 408, type: 'timeout_error', code: 'model_timeout' },
  ModelErrorException: { status: 422, type: 'model_error', code: 'model_error' },
  ModelStreamErrorException: { status: 422, type: 'model_error', code: 'model_stream_error' },
  InternalServerException: { status: 500, type: 'server_error' },
  ServiceUnavailableException: { status: 503, type: 'server_error', code: 'service_unavailable' },
  UnrecognizedClientException: { status: 401, type: 'authentication_error', code: 'invalid_credentials' },
  InvalidSignatureException: { status: 401, type: 'authentication_error', code: 'invalid_signature' },
  ExpiredTokenException: { status: 401, type: 'authentication_error', code: 'expired_token' },
  IncompleteSignatureException: { status: 401, type: 'authentication_error', code: 'incomplete_signature' },
  MissingAuthenticationTokenException: { status: 401, type: 'authentication_error', code: 'missing_authentication' },
};

/**
 * How Bedrock says an input does not fit the model's context window, in a `ValidationException` (also inside a
 * stream): "Input is too long for requested model." (Converse and InvokeModel, every family), and Anthropic's own
 * words passed through ("The model returned the following errors: prompt is too long: 200049 tokens > 200000
 * maximum", "input length and `max_tokens` exceed context limit: …"), Titan Embeddings' ("400 Bad Request: Too many
 * input tokens. Max input tokens: 8192, …") and OpenAI-style servers' ("This model's maximum context length is …").
 * Such an error gets OpenAI's `code: 'context_length_exceeded'`, which code written for OpenAI checks to trim a
 * conversation and try again.
 */
const CONTEXT_OVERFLOW = /input is too long for requested model|prompt is too long|exceeds? (?:the )?context limit|maximum context length is|too many input tokens/i;

const SECRET_PATTERNS: RegExp[] = [
  /AWS4-HMAC-SHA256 Credential=[^\s"']+/g,
  /Signature=[0-9a-f]{16,}/gi,
  /Bearer\s+[A-Za-z0-9+/=._-]+/g,
  /bedrock-api-key-[A-Za-z0-9+/=._-]+/g,
  /ABSK[A-Za-z0-9+/=]{8,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g,
  /X-Amz-(?:Signature|Credential|Security-Token)=[^&\s"']+/gi,
  /x-amz-security-token:[^\s'"]+/gi,
];

/** Removes anything that looks like a key, token or signature from a message. */
export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of extraSecrets) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '***');
  return out;
}

interface AwsLikeError {
  name?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { headers?: Record<string, string> };
  code?: unknown;
}

function isAbortLike(error: AwsLikeError): boolean {
  return error.name === 'AbortError' || error.code === 'ABORT_ERR';
}

const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

/**
 * Maps anything the AWS SDK throws to one of our classes (`openai`'s `APIError.generate`): the HTTP status from
 * `$metadata` first, the exception name second; `requestID` from `$metadata.requestId`; the original error kept
 * as `cause` (with secrets scrubbed from every message on the way).
 */
export function fromAwsError(raw: unknown, extraSecrets: readonly string[] = []): BedrockOpenAIError {
  if (raw instanceof BedrockOpenAIError) return raw;
  const error = (typeof raw === 'object' && raw !== null ? raw : { message: String(raw) }) as AwsLikeError;
  const name = typeof error.name === 'string' ? error.name : 'Error';
  const rawMessage = typeof error.message === 'string' && error.message !== '' ? error.message : name;
  const message = redactSecrets(rawMessage, extraSecrets);
  const cause = scrubCause(raw, extraSecrets);

  if (isAbortLike(error)) return new APIUserAbortError({ cause });
  const code = typeof error.code === 'string' ? error.code : undefined;
  const httpStatus = error.$metadata?.httpStatusCode;
  const known = EXCEPTION_TABLE[name];
  // The SDK's HTTP handler renames a reset or broken pipe to `TimeoutError`; only a real timeout is one.
  if ((name === 'TimeoutError' || name === 'RequestTimeout') && (code === undefined || code === 'ETIMEDOUT')) {
    return new APIConnectionTimeoutError({ message: `Request timed out: ${message}`, cause });
  }
  // A connection that broke (even after a 200 status line, while a stream waits for its first event).
  const connectionFailure =
    (code !== undefined && CONNECTION_CODES.has(code)) || (code === undefined && /socket hang up|ECONNRESET|ECONNREFUSED/i.test(rawMessage));
  if (known === undefined && connectionFailure && (httpStatus === undefined || httpStatus < 300)) {
    return new APIConnectionError({ message: `Connection error: ${message}`, cause });
  }
  if (httpStatus === undefined && known === undefined) {
    if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
      // A credential endpoint (SSO, STS, ECS, IMDS) that cannot be reached is a connection problem, retried as one;
      // a chain that found no credentials is not.
      if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|socket hang up/i.test(rawMessage)) {
        return new APIConnectionError({ message: `Cannot reach the credential provider: ${message}`, cause });
      }
      return new AuthenticationError(401, message, { cause, bedrockErrorName: name, type: 'authentication_error' });
    }
    if (error.$fault === undefined) return new APIConnectionError({ message, cause });
  }
  // A rejected Bedrock API key arrives as a 403 whose body names the key ("Invalid API Key format…",
  // "Authentication failed: Please make sure your API Key is valid."): for `openai` users that is a 401.
  if ((httpStatus === 403 || name === 'AccessDeniedException') && /API Key|Authentication failed/i.test(rawMessage)) {
    return new AuthenticationError(401, message, {
      cause,
      bedrockErrorName: name,
      requestID: error.$metadata?.requestId ?? null,
      type: 'authentication_error',
      code: 'invalid_api_key',
      param: null,
    });
  }
  // A status we map ourselves wins over Bedrock's wire status where Bedrock's is misleading (quota as 400).
  const status = known?.status ?? httpStatus;
  const contextOverflow = name === 'ValidationException' && CONTEXT_OVERFLOW.test(rawMessage);
  const headers = error.$response?.headers;
  return APIError.generate(status, message, {
    cause,
    bedrockErrorName: name,
    requestID: error.$metadata?.requestId ?? null,
    headers: headers === undefined ? undefined : redactHeaders(headers),
    type: known?.type,
    code: contextOverflow ? 'context_length_exceeded' : (known?.code ?? null),
    param: null,
  });
}

const SECRET_HEADERS = new Set(['authorization', 'x-amz-security-token', 'x-amz-signature', 'x-api-key', 'api-key']);

/** Copies headers with every secret-bearing value replaced by `***`. */
export function redactHeaders(headers: Record<string, string>): Headers {
  const out: Headers = {};
  for (const [key, value] of Object.entries(headers)) {
    out[key] = SECRET_HEADERS.has(key.toLowerCase()) ? '***' : redactSecrets(String(value));
  }
  return out;
}

/**
 * The SDK's errors carry `$response` (raw headers) and sometimes the request. Keep the error as `cause` for
 * debugging, but as a plain copy holding only its name, message (scrubbed), `$fault` and `$metadata`.
 */
function scrubCause(raw: unknown, extraSecrets: readonly string[]): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const error = raw as AwsLikeError & { stack?: unknown };
  const copy = new Error(redactSecrets(typeof error.message === 'string' ? error.message : '', extraSecrets));
  copy.name = typeof error.name === 'string' ? error.name : 'Error';
  if (typeof error.stack === 'string') copy.stack = redactSecrets(error.stack, extraSecrets);
  const extra = copy as Error & { $fault?: unknown; $metadata?: unknown; code?: unknown };
  if (error.$fault !== undefined) extra.$fault = error.$fault;
  if (error.$metadata !== undefined) extra.$metadata = error.$metadata;
  if (error.code !== undefined) extra.code = error.code;
  return copy;
}
