import {
  APIPromise,
  Batches,
  CATALOG,
  CATALOG_CHECKED,
  Chat,
  Client,
  Completions,
  Embeddings,
  FileResponseStore,
  Files,
  InputItems,
  InputTokens,
  Limits,
  MIN_BATCH_RECORDS,
  MemoryResponseStore,
  Models,
  Responses,
  computeCost,
  createOpenAIHandler,
  embeddingFailureOf,
  resolveModel,
  startServer
} from "./chunks/chunk-7ZVHZSR6.js";
import "./chunks/chunk-MA7DIEUK.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  BedrockOpenAIError,
  ConfigurationError,
  ConflictError,
  InternalServerError,
  InvalidWebhookSignatureError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  Stream,
  UnprocessableEntityError
} from "./chunks/chunk-BKX5MZVJ.js";

// dist/src/http/fetch.js
var BEDROCK_FETCH_BASE_URL = "http://bedrock-openai.invalid/v1";
function createBedrockFetch(options = {}) {
  const { baseURL = BEDROCK_FETCH_BASE_URL, ...handlerOptions } = options;
  let base;
  try {
    base = new URL(baseURL);
  } catch {
    throw new TypeError(`createBedrockFetch: baseURL must be an absolute URL; got ${JSON.stringify(baseURL)}.`);
  }
  if (base.search !== "" || base.hash !== "")
    throw new TypeError("createBedrockFetch: baseURL must not have a query string or a fragment.");
  const basePath = base.pathname.replace(/\/+$/, "");
  const handler = createOpenAIHandler({ ...handlerOptions, basePath });
  const origin = base.origin;
  const bedrockFetch = async (input, init) => {
    const request = input instanceof Request && init === void 0 ? input : new Request(input, init);
    const url = new URL(request.url);
    const inside = url.origin === origin && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`));
    if (!inside) {
      throw new TypeError(`bedrock-openai fetch: ${url.origin}${url.pathname} is outside its base URL ${origin}${basePath}; the request was refused, not sent to the network.`);
    }
    return handler(request);
  };
  return Object.assign(bedrockFetch, { baseURL: `${origin}${basePath}`, client: handler.client });
}
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIPromise,
  APIUserAbortError,
  AuthenticationError,
  BEDROCK_FETCH_BASE_URL,
  BadRequestError,
  Batches,
  BedrockOpenAIError,
  CATALOG,
  CATALOG_CHECKED,
  Chat,
  Client,
  Completions,
  ConfigurationError,
  ConflictError,
  Embeddings,
  FileResponseStore,
  Files,
  InputItems,
  InputTokens,
  InternalServerError,
  InvalidWebhookSignatureError,
  Limits,
  MIN_BATCH_RECORDS,
  MemoryResponseStore,
  Models,
  NotFoundError,
  BedrockOpenAIError as OpenAIError,
  PermissionDeniedError,
  RateLimitError,
  Responses,
  Stream,
  UnprocessableEntityError,
  computeCost,
  createBedrockFetch,
  createOpenAIHandler,
  Client as default,
  embeddingFailureOf,
  resolveModel,
  startServer
};
