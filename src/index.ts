/**
 * bedrock-openai: an OpenAI-shaped client for Amazon Bedrock.
 *
 * The public surface is exactly what this file exports.
 */
export { Client, type ClientOptions, type RequestOptions, type Warning, type HttpHandler } from './client.js';
export { Client as default } from './client.js';
export {
  BedrockOpenAIError,
  OpenAIError,
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
  type ErrorObject,
} from './core/errors.js';
export { APIPromise, type APIResponse, type ResponseMetadata } from './core/api-promise.js';
export { Stream } from './core/streaming.js';
export type { RetryInfo } from './core/retry.js';
export type { AliasTarget, BedrockJson, CrossRegionMode } from './config/bedrock-json.js';
export type { StaticCredentials, CredentialsOption } from './config/credentials.js';
export type { LogLevel, Logger } from './internal/log.js';
// chat: the chat engineer adds exports below this line
export { Chat } from './chat/chat.js';
export { Completions, type ChatRequestOptions } from './chat/completions.js';
export type {
  BedrockCacheStrategy,
  BedrockChatExtras,
  BedrockCitation,
  BedrockCitationLocation,
  ChatCompletionAnnotation,
  BedrockGuardrailConfig,
  BedrockResponseInfo,
  ChatCompletionCacheControl,
  ChatCompletionReasoningDetail,
  ChatCompletionReasoningRedacted,
  ChatCompletionReasoningText,
  ChatCompletion,
  ChatCompletionAllowedToolChoice,
  ChatCompletionAssistantMessageParam,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  ChatCompletionChunkToolCallDelta,
  ChatCompletionContentPart,
  ChatCompletionContentPartFile,
  ChatCompletionContentPartImage,
  ChatCompletionContentPartInputAudio,
  ChatCompletionContentPartRefusal,
  ChatCompletionContentPartText,
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsBase,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionDeveloperMessageParam,
  ChatCompletionFinishReason,
  ChatCompletionFunctionTool,
  ChatCompletionMessage,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionNamedToolChoice,
  ChatCompletionStreamOptions,
  ChatCompletionSystemMessageParam,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
  ChatCompletionToolMessageParam,
  ChatCompletionUserMessageParam,
  CompletionUsage,
  FunctionDefinition,
} from './chat/types.js';
// embeddings: the embeddings engineer adds exports below this line
export { Embeddings, embeddingFailureOf, type EmbeddingFailureDetails } from './embeddings/embeddings.js';
export { Limits, type DeclaredQuota, type DeclaredQuotas, type LimitEvent, type LimiterState } from './limits/limits.js';
export type {
  Base64Embedding,
  BedrockEmbeddingOptions,
  CreateEmbeddingBase64Response,
  CreateEmbeddingResponse,
  Embedding,
  EmbeddingCreateParams,
  EmbeddingInputType,
  EmbeddingModel,
  EmbeddingProgress,
  EmbeddingRequestOptions,
  EmbeddingTruncation,
  EmbeddingUsage,
} from './embeddings/types.js';
// models: the catalog engineer's exports are added below this line
export { CATALOG, CATALOG_CHECKED } from './models/catalog.js';
export { resolveModel, type ResolvedModel, type ResolveModelOptions, type UserAliases } from './models/resolve.js';
export { computeCost } from './models/cost.js';
export { Models, type BedrockModel, type BedrockModelPricing, type ModelsPage } from './models/models.js';
export type { ModelName, CatalogAlias } from './models/catalog.js';
export type {
  ModelEntry,
  ChatCapabilities,
  EmbeddingFacts,
  EmbeddingFamily,
  Prices,
  ProfilePrefix,
  Geography,
  ReasoningStyle,
  PromptCaching,
} from './models/types.js';
// http: OpenAI's HTTP API over the same client (a handler, and an in-process fetch serving it)
export { createOpenAIHandler, type OpenAIHandler, type OpenAIHandlerOptions } from './http/handler.js';
export { createBedrockFetch, BEDROCK_FETCH_BASE_URL, type BedrockFetch, type BedrockFetchOptions } from './http/fetch.js';
export type { ExchangeRecord } from './http/context.js';
// responses: the Responses API (client.responses)
export { Responses, InputItems, InputTokens, type ResponsesRequestOptions } from './responses/responses.js';
export { MemoryResponseStore, FileResponseStore, type ResponseStore, type StoredResponse, type MemoryResponseStoreOptions } from './responses/store.js';
export type {
  BedrockResponsesInfo,
  EasyInputMessage,
  FunctionTool,
  InputItemListParams,
  InputTokenCountParams,
  InputTokenCountResponse,
  Response,
  ResponseCreateParams,
  ResponseCreateParamsBase,
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
  ResponseDeleted,
  ResponseFunctionCallOutput,
  ResponseFunctionToolCall,
  ResponseIncludable,
  ResponseInput,
  ResponseInputContent,
  ResponseInputFile,
  ResponseInputImage,
  ResponseInputItem,
  ResponseInputText,
  ResponseItem,
  ResponseItemList,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseOutputText,
  ResponseReasoningItem,
  ResponseStreamEvent,
  ResponseTextConfig,
  ResponseUsage,
  Tool as ResponseTool,
} from './responses/types.js';
// server: the same handler on a port (`bedrock-openai serve`)
export { startServer, type ServerOptions, type ServerHandle } from './server/server.js';
// batch: Files and Batches over S3 and Bedrock batch inference
export { Files, type FileObject, type FileDeleted, type FileList, type FileCreateOptions, type FileCreateParams, type FileListParams, type FilePurpose, type Uploadable } from './batch/files.js';
export { Batches, MIN_BATCH_RECORDS, type Batch, type BatchCreateOptions, type BatchCreateParams, type BatchList, type BatchUsage, type WaitOptions } from './batch/batches.js';
export type { BatchStatus } from './batch/status.js';
export type { BatchOptions } from './batch/config.js';
