// dist/src/core/errors.js
var BedrockOpenAIError = class extends Error {
  name = "BedrockOpenAIError";
};
var APIError = class _APIError extends BedrockOpenAIError {
  name = "APIError";
  /** HTTP status of the response, or `undefined` when there was no response. */
  status;
  headers;
  /** The error object, in OpenAI's shape. */
  error;
  code;
  param;
  type;
  /** Bedrock's request ID (`x-amzn-requestid`), when a response arrived. */
  requestID;
  /** The Bedrock exception name, e.g. `ThrottlingException`. */
  bedrockErrorName;
  constructor(status, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
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
  static generate(status, message, options = {}) {
    if (status === void 0)
      return new APIConnectionError({ message, cause: options.cause });
    if (status === 400)
      return new BadRequestError(status, message, options);
    if (status === 401)
      return new AuthenticationError(status, message, options);
    if (status === 403)
      return new PermissionDeniedError(status, message, options);
    if (status === 404)
      return new NotFoundError(status, message, options);
    if (status === 409)
      return new ConflictError(status, message, options);
    if (status === 422)
      return new UnprocessableEntityError(status, message, options);
    if (status === 429)
      return new RateLimitError(status, message, options);
    if (status >= 500)
      return new InternalServerError(status, message, options);
    return new _APIError(status, message, options);
  }
};
var BadRequestError = class _BadRequestError extends APIError {
  name = "BadRequestError";
  constructor(status, message, options) {
    super(status, message, { type: "invalid_request_error", ...options });
  }
  /**
   * A validation error raised before any request is sent. `param` names the offending field the way the
   * user wrote it (`messages[2].content[0].image_url`, `dimensions`, `bedrock.json: region`).
   */
  static forParam(param, message, code = "invalid_value") {
    return new _BadRequestError(400, message, { param, code, type: "invalid_request_error" });
  }
};
var ConfigurationError = class extends BadRequestError {
  name = "ConfigurationError";
  file;
  constructor(param, message, file) {
    super(400, message, { param, code: "invalid_config", type: "invalid_request_error" });
    this.file = file;
  }
};
var AuthenticationError = class extends APIError {
  name = "AuthenticationError";
};
var PermissionDeniedError = class extends APIError {
  name = "PermissionDeniedError";
};
var NotFoundError = class extends APIError {
  name = "NotFoundError";
};
var ConflictError = class extends APIError {
  name = "ConflictError";
};
var UnprocessableEntityError = class extends APIError {
  name = "UnprocessableEntityError";
};
var RateLimitError = class extends APIError {
  name = "RateLimitError";
};
var InternalServerError = class extends APIError {
  name = "InternalServerError";
};
var APIConnectionError = class extends APIError {
  name = "APIConnectionError";
  constructor({ message, cause } = {}) {
    super(void 0, message ?? "Connection error.", { cause });
  }
};
var APIConnectionTimeoutError = class extends APIConnectionError {
  name = "APIConnectionTimeoutError";
  constructor({ message, cause } = {}) {
    super({ message: message ?? "Request timed out.", cause });
  }
};
var APIUserAbortError = class extends APIError {
  name = "APIUserAbortError";
  constructor({ message, cause } = {}) {
    super(void 0, message ?? "Request was aborted.", { cause });
  }
};
var InvalidWebhookSignatureError = class extends Error {
  name = "InvalidWebhookSignatureError";
};
var EXCEPTION_TABLE = {
  ValidationException: { status: 400, type: "invalid_request_error" },
  ConflictException: { status: 409, type: "invalid_request_error" },
  AccessDeniedException: { status: 403, type: "permission_error" },
  ResourceNotFoundException: { status: 404, type: "not_found_error", code: "model_not_found" },
  ServiceQuotaExceededException: { status: 429, type: "insufficient_quota", code: "service_quota_exceeded" },
  ThrottlingException: { status: 429, type: "rate_limit_error", code: "rate_limit_exceeded" },
  ModelNotReadyException: { status: 429, type: "rate_limit_error", code: "model_not_ready" },
  ModelTimeoutException: { status: 408, type: "timeout_error", code: "model_timeout" },
  ModelErrorException: { status: 422, type: "model_error", code: "model_error" },
  ModelStreamErrorException: { status: 422, type: "model_error", code: "model_stream_error" },
  InternalServerException: { status: 500, type: "server_error" },
  ServiceUnavailableException: { status: 503, type: "server_error", code: "service_unavailable" },
  UnrecognizedClientException: { status: 401, type: "authentication_error", code: "invalid_credentials" },
  InvalidSignatureException: { status: 401, type: "authentication_error", code: "invalid_signature" },
  ExpiredTokenException: { status: 401, type: "authentication_error", code: "expired_token" },
  IncompleteSignatureException: { status: 401, type: "authentication_error", code: "incomplete_signature" },
  MissingAuthenticationTokenException: { status: 401, type: "authentication_error", code: "missing_authentication" }
};
var SECRET_PATTERNS = [
  /AWS4-HMAC-SHA256 Credential=[^\s"']+/g,
  /Signature=[0-9a-f]{16,}/gi,
  /Bearer\s+[A-Za-z0-9+/=._-]+/g,
  /bedrock-api-key-[A-Za-z0-9+/=._-]+/g,
  /ABSK[A-Za-z0-9+/=]{8,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g,
  /X-Amz-(?:Signature|Credential|Security-Token)=[^&\s"']+/gi,
  /x-amz-security-token:[^\s'"]+/gi
];
function redactSecrets(text, extraSecrets = []) {
  let out = text;
  for (const secret of extraSecrets) {
    if (secret.length >= 4)
      out = out.split(secret).join("***");
  }
  for (const pattern of SECRET_PATTERNS)
    out = out.replace(pattern, "***");
  return out;
}
function isAbortLike(error) {
  return error.name === "AbortError" || error.code === "ABORT_ERR";
}
var CONNECTION_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ERR_HTTP2_STREAM_ERROR",
  "ERR_HTTP2_SESSION_ERROR",
  "ERR_HTTP2_GOAWAY_SESSION",
  "ERR_STREAM_PREMATURE_CLOSE",
  "UND_ERR_SOCKET"
]);
function fromAwsError(raw, extraSecrets = []) {
  if (raw instanceof BedrockOpenAIError)
    return raw;
  const error = typeof raw === "object" && raw !== null ? raw : { message: String(raw) };
  const name = typeof error.name === "string" ? error.name : "Error";
  const rawMessage = typeof error.message === "string" && error.message !== "" ? error.message : name;
  const message = redactSecrets(rawMessage, extraSecrets);
  const cause = scrubCause(raw, extraSecrets);
  if (isAbortLike(error))
    return new APIUserAbortError({ cause });
  const code = typeof error.code === "string" ? error.code : void 0;
  const httpStatus = error.$metadata?.httpStatusCode;
  const known = EXCEPTION_TABLE[name];
  if ((name === "TimeoutError" || name === "RequestTimeout") && (code === void 0 || code === "ETIMEDOUT")) {
    return new APIConnectionTimeoutError({ message: `Request timed out: ${message}`, cause });
  }
  const connectionFailure = code !== void 0 && CONNECTION_CODES.has(code) || code === void 0 && /socket hang up|ECONNRESET|ECONNREFUSED/i.test(rawMessage);
  if (known === void 0 && connectionFailure && (httpStatus === void 0 || httpStatus < 300)) {
    return new APIConnectionError({ message: `Connection error: ${message}`, cause });
  }
  if (httpStatus === void 0 && known === void 0) {
    if (name === "CredentialsProviderError" || name === "TokenProviderError") {
      if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|socket hang up/i.test(rawMessage)) {
        return new APIConnectionError({ message: `Cannot reach the credential provider: ${message}`, cause });
      }
      return new AuthenticationError(401, message, { cause, bedrockErrorName: name, type: "authentication_error" });
    }
    if (error.$fault === void 0)
      return new APIConnectionError({ message, cause });
  }
  if ((httpStatus === 403 || name === "AccessDeniedException") && /API Key|Authentication failed/i.test(rawMessage)) {
    return new AuthenticationError(401, message, {
      cause,
      bedrockErrorName: name,
      requestID: error.$metadata?.requestId ?? null,
      type: "authentication_error",
      code: "invalid_api_key",
      param: null
    });
  }
  const status = known?.status ?? httpStatus;
  const headers = error.$response?.headers;
  return APIError.generate(status, message, {
    cause,
    bedrockErrorName: name,
    requestID: error.$metadata?.requestId ?? null,
    headers: headers === void 0 ? void 0 : redactHeaders(headers),
    type: known?.type,
    code: known?.code ?? null,
    param: null
  });
}
var SECRET_HEADERS = /* @__PURE__ */ new Set(["authorization", "x-amz-security-token", "x-amz-signature", "x-api-key", "api-key"]);
function redactHeaders(headers) {
  const out = {};
  for (const [key, value] of Object.entries(headers)) {
    out[key] = SECRET_HEADERS.has(key.toLowerCase()) ? "***" : redactSecrets(String(value));
  }
  return out;
}
function scrubCause(raw, extraSecrets) {
  if (typeof raw !== "object" || raw === null)
    return raw;
  const error = raw;
  const copy = new Error(redactSecrets(typeof error.message === "string" ? error.message : "", extraSecrets));
  copy.name = typeof error.name === "string" ? error.name : "Error";
  if (typeof error.stack === "string")
    copy.stack = redactSecrets(error.stack, extraSecrets);
  const extra = copy;
  if (error.$fault !== void 0)
    extra.$fault = error.$fault;
  if (error.$metadata !== void 0)
    extra.$metadata = error.$metadata;
  if (error.code !== void 0)
    extra.code = error.code;
  return copy;
}

// dist/src/core/streaming.js
var Stream = class _Stream {
  /** Aborting it cancels the HTTP request and ends the stream. */
  controller;
  #iterator;
  #consumed = false;
  constructor(iterator, controller) {
    this.#iterator = iterator;
    this.controller = controller;
  }
  [Symbol.asyncIterator]() {
    if (this.#consumed) {
      throw new BedrockOpenAIError("Cannot iterate over a consumed stream, use `.tee()` to split the stream.");
    }
    this.#consumed = true;
    const inner = this.#iterator();
    const controller = this.controller;
    let done = false;
    return {
      async next() {
        try {
          const result = await inner.next();
          if (result.done === true)
            done = true;
          return result;
        } catch (error) {
          done = true;
          if (controller.signal.aborted && !(error instanceof BedrockOpenAIError))
            throw new APIUserAbortError({ cause: error });
          throw error;
        }
      },
      async return() {
        if (!done) {
          done = true;
          controller.abort();
          await inner.return?.();
        }
        return { done: true, value: void 0 };
      }
    };
  }
  /** Splits the stream into two that can be read independently (each buffers what the other has not read). */
  tee() {
    const queues = [[], []];
    let source;
    let pending;
    let failure;
    const pull = async () => {
      source ??= this[Symbol.asyncIterator]();
      try {
        const result = await source.next();
        for (const queue of queues)
          queue.push(result);
      } catch (error) {
        failure = { error };
      }
    };
    const branch = (queue) => () => ({
      async next() {
        while (queue.length === 0) {
          if (failure !== void 0)
            throw failure.error;
          pending ??= pull().finally(() => {
            pending = void 0;
          });
          await pending;
        }
        return queue.shift();
      }
    });
    return [new _Stream(branch(queues[0]), this.controller), new _Stream(branch(queues[1]), this.controller)];
  }
  /** A `ReadableStream` of NDJSON lines, one item each (`Stream.fromReadableStream` reads it back). */
  toReadableStream() {
    const encoder = new TextEncoder();
    let iterator;
    return new ReadableStream({
      start: () => {
        iterator = this[Symbol.asyncIterator]();
      },
      pull: async (controller) => {
        try {
          const result = await iterator.next();
          if (result.done === true)
            return controller.close();
          controller.enqueue(encoder.encode(`${JSON.stringify(result.value)}
`));
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: async () => {
        await iterator?.return?.();
      }
    });
  }
  /** Reads a stream written by `toReadableStream()` (for example, sent from a server to a browser). */
  static fromReadableStream(readable, controller = new AbortController()) {
    async function* lines() {
      const reader = readable.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for (; ; ) {
          const { done, value } = await reader.read();
          if (done)
            break;
          buffer += decoder.decode(value, { stream: true });
          let newline;
          while ((newline = buffer.indexOf("\n")) >= 0) {
            const line = buffer.slice(0, newline).trim();
            buffer = buffer.slice(newline + 1);
            if (line !== "")
              yield JSON.parse(line);
          }
        }
        const rest = (buffer + decoder.decode()).trim();
        if (rest !== "")
          yield JSON.parse(rest);
      } finally {
        reader.releaseLock();
      }
    }
    return new _Stream(() => lines(), controller);
  }
};

// dist/src/http/errors.js
function errorTypeForStatus(status) {
  if (status === 401)
    return "authentication_error";
  if (status === 403)
    return "permission_error";
  if (status === 404)
    return "not_found_error";
  if (status === 429)
    return "rate_limit_error";
  if (status >= 500)
    return "server_error";
  return "invalid_request_error";
}
function toWireError(error, options) {
  let status;
  let type;
  let code;
  let param = null;
  let message;
  let requestId;
  let retryAfter;
  if (error instanceof APIError && typeof error.status === "number") {
    status = error.status;
    type = error.type ?? errorTypeForStatus(status);
    code = error.code ?? null;
    param = error.param ?? null;
    message = error.message;
    requestId = error.requestID;
    retryAfter = headerOf(error.headers, "retry-after");
  } else if (error instanceof APIConnectionTimeoutError) {
    [status, type, code, message] = [504, "timeout_error", "timeout", error.message];
  } else if (error instanceof APIUserAbortError) {
    [status, type, code, message] = [499, "request_aborted", "aborted", error.message];
  } else if (error instanceof APIConnectionError) {
    [status, type, code, message] = [502, "server_error", "bedrock_unreachable", error.message];
  } else {
    const detail = error instanceof Error ? error.message : String(error);
    [status, type, code, message] = [500, "server_error", null, `Internal error: ${redactSecrets(detail)}`];
  }
  const headers = { "content-type": "application/json" };
  if (typeof requestId === "string" && requestId !== "")
    headers["x-request-id"] = requestId;
  if (options.retried)
    headers["x-should-retry"] = "false";
  if (status === 429 && retryAfter !== void 0)
    headers["retry-after"] = retryAfter;
  return { status, body: { error: { message, type, param, code } }, headers };
}
function errorResponse(error, options, extraHeaders) {
  const wire = toWireError(error, options);
  return new Response(JSON.stringify(wire.body), { status: wire.status, headers: { ...wire.headers, ...extraHeaders } });
}
function httpError(status, message, details = {}) {
  const error = APIError.generate(status, message, {
    type: details.type ?? errorTypeForStatus(status),
    code: details.code ?? null,
    param: details.param ?? null
  });
  HTTP_LAYER_ERRORS.add(error);
  return error;
}
var HTTP_LAYER_ERRORS = /* @__PURE__ */ new WeakSet();
function isHttpLayerError(error) {
  return typeof error === "object" && error !== null && HTTP_LAYER_ERRORS.has(error);
}
function headerOf(headers, name) {
  if (headers === void 0)
    return void 0;
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === name)
      return value;
  return void 0;
}

// dist/src/http/body.js
var DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
async function readJsonBody(request, maxBytes) {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes)
    throw tooLarge(maxBytes);
  const text = await readText(request, maxBytes);
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw httpError(400, "We could not parse the JSON body of your request. The body must be a JSON object.", { code: "invalid_json" });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw httpError(400, "The request body must be a JSON object.", { code: "invalid_json" });
  }
  return value;
}
async function readText(request, maxBytes) {
  const body = request.body;
  if (body === null)
    return "";
  const reader = body.getReader();
  const parts = [];
  let size = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done)
      break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => void 0);
      throw tooLarge(maxBytes);
    }
    parts.push(value);
  }
  if (parts.length === 1)
    return Buffer.from(parts[0].buffer, parts[0].byteOffset, parts[0].byteLength).toString("utf8");
  return Buffer.concat(parts, size).toString("utf8");
}
function tooLarge(maxBytes) {
  return httpError(413, `The request body is larger than this server accepts (${maxBytes} bytes).`, { code: "request_too_large" });
}

export {
  BedrockOpenAIError,
  APIError,
  BadRequestError,
  ConfigurationError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InvalidWebhookSignatureError,
  redactSecrets,
  fromAwsError,
  Stream,
  toWireError,
  errorResponse,
  httpError,
  isHttpLayerError,
  DEFAULT_MAX_BODY_BYTES,
  readJsonBody
};
