/**
 * Chat Completions types in the `openai` package's shapes, defined here so that our public `.d.ts` does not depend
 * on `openai` (a dev dependency). They are structurally the same as `openai`'s, so values pass both ways; the type
 * tests (`test/chat/types.test-d.ts`) hold that in place. Where we add something, it is an optional field
 * (`bedrock`, `cache_control`, `reasoning_content`, `reasoning_details`, `prompt_tokens_details.cache_write_tokens`,
 * `cost`).
 */
import type { StopReason } from '@aws-sdk/client-bedrock-runtime';
import type { ModelName } from '../models/catalog.js';

// ---------------------------------------------------------------------------------------------------------------
// Request: messages and content parts
// ---------------------------------------------------------------------------------------------------------------

/**
 * A prompt-cache breakpoint (Anthropic's and LiteLLM's `cache_control`), sent as a Bedrock `cachePoint` right
 * after the part, message or tool that carries it: everything up to there is cached. `ttl` `1h` only where the
 * model allows it (Claude 4.5 and later); the default is about 5 minutes. Not in OpenAI's types.
 */
export interface ChatCompletionCacheControl {
  type: 'ephemeral';
  ttl?: '5m' | '1h';
}

/**
 * OpenAI's explicit prompt-cache breakpoint on a content part (`openai` 6.49+), sent as a Bedrock `cachePoint` right
 * after the part, like `cache_control`. `ttl` is OpenAI's *minimum* lifetime: `30m` is served by Bedrock's `1h` TTL
 * (where the model has it); `12h` is longer than any Bedrock cache and is refused. Without `ttl`, Bedrock's default
 * (about 5 minutes) applies. A part may carry `cache_control` or `prompt_cache_breakpoint`, not both.
 */
export interface ChatCompletionPromptCacheBreakpoint {
  mode: 'explicit';
  ttl?: '30m' | '12h';
}

export interface ChatCompletionContentPartText {
  text: string;
  type: 'text';
  /** Cache everything up to and including this part. Not in OpenAI's type. */
  cache_control?: ChatCompletionCacheControl;
  /** OpenAI's spelling of a cache breakpoint (see {@link ChatCompletionPromptCacheBreakpoint}). */
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint;
}

export interface ChatCompletionContentPartImage {
  image_url: ChatCompletionContentPartImageURL;
  type: 'image_url';
  /** Cache everything up to and including this part. Not in OpenAI's type. */
  cache_control?: ChatCompletionCacheControl;
  /** OpenAI's spelling of a cache breakpoint (see {@link ChatCompletionPromptCacheBreakpoint}). */
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint;
}

export interface ChatCompletionContentPartImageURL {
  /** A `data:` URL, an `https://`/`http://` URL (fetched by this library) or an `s3://` URI. */
  url: string;
  /** Only `auto` is possible on Bedrock (any other value is an unsupported parameter). */
  detail?: 'auto' | 'low' | 'high' | 'original';
}

export interface ChatCompletionContentPartInputAudio {
  input_audio: { data: string; format: 'wav' | 'mp3' };
  type: 'input_audio';
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint;
}

export interface ChatCompletionContentPartFile {
  file: {
    /** A `data:` URL (`data:application/pdf;base64,…`), or plain base64 with `filename` giving the format. */
    file_data?: string;
    file_id?: string;
    filename?: string;
  };
  type: 'file';
  /** Cache everything up to and including this part. Not in OpenAI's type. */
  cache_control?: ChatCompletionCacheControl;
  /**
   * Ask the model to cite this document (Bedrock `DocumentBlock.citations`): the answer's cited passages come back
   * as `message.annotations` with `bedrock_citation`. Documents only, on models with citations (Claude 3.5 Haiku,
   * 3.7 and later). `true` is the same as `{ enabled: true }`. Not in OpenAI's type.
   */
  citations?: { enabled: boolean } | boolean;
  /** OpenAI's spelling of a cache breakpoint (see {@link ChatCompletionPromptCacheBreakpoint}). */
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint;
}

export interface ChatCompletionContentPartRefusal {
  refusal: string;
  type: 'refusal';
}

export type ChatCompletionContentPart =
  | ChatCompletionContentPartText
  | ChatCompletionContentPartImage
  | ChatCompletionContentPartInputAudio
  | ChatCompletionContentPartFile;

export interface ChatCompletionSystemMessageParam {
  content: string | Array<ChatCompletionContentPartText>;
  role: 'system';
  name?: string;
  /** Cache everything up to the end of this message. Not in OpenAI's type. */
  cache_control?: ChatCompletionCacheControl;
}

export interface ChatCompletionDeveloperMessageParam {
  content: string | Array<ChatCompletionContentPartText>;
  role: 'developer';
  name?: string;
  /** Cache everything up to the end of this message. Not in OpenAI's type. */
  cache_control?: ChatCompletionCacheControl;
}

export interface ChatCompletionUserMessageParam {
  content: string | Array<ChatCompletionContentPart>;
  role: 'user';
  name?: string;
  /** Cache everything up to the end of this message. Not in OpenAI's type. */
  cache_control?: ChatCompletionCacheControl;
}

export interface ChatCompletionMessageFunctionToolCall {
  id: string;
  function: { arguments: string; name: string };
  type: 'function';
}

export interface ChatCompletionMessageCustomToolCall {
  id: string;
  custom: { input: string; name: string };
  type: 'custom';
}

export type ChatCompletionMessageToolCall = ChatCompletionMessageFunctionToolCall | ChatCompletionMessageCustomToolCall;

/**
 * One reasoning block of an assistant message, as returned in `message.reasoning_details` and accepted back on
 * assistant messages. Only signed text blocks and redacted blocks are replayed to Bedrock (Claude needs them,
 * unchanged, in a tool loop with thinking); unsigned text (Nova, gpt-oss, DeepSeek) is never sent back.
 */
export type ChatCompletionReasoningDetail = ChatCompletionReasoningText | ChatCompletionReasoningRedacted;

/** A reasoning text block; `signature` is set when the model signed it (Claude). */
export interface ChatCompletionReasoningText {
  type: 'reasoning.text';
  text: string;
  signature?: string;
}

/** A reasoning block the model's provider encrypted (Claude `redacted_thinking`): `data` is base64. */
export interface ChatCompletionReasoningRedacted {
  type: 'reasoning.redacted';
  data: string;
}

export interface ChatCompletionAssistantMessageParam {
  role: 'assistant';
  audio?: { id: string } | null;
  content?: string | Array<ChatCompletionContentPartText | ChatCompletionContentPartRefusal> | null;
  function_call?: { arguments: string; name: string } | null;
  name?: string;
  refusal?: string | null;
  tool_calls?: Array<ChatCompletionMessageToolCall>;
  /** Reasoning text as returned; informational only (it is never sent back: see `reasoning_details`). */
  reasoning_content?: string | null;
  /** The reasoning blocks returned with this message; signed and redacted ones are replayed. Not in OpenAI's type. */
  reasoning_details?: Array<ChatCompletionReasoningDetail> | null;
  /** Cache everything up to the end of this message. Not in OpenAI's type. */
  cache_control?: ChatCompletionCacheControl;
}

export interface ChatCompletionToolMessageParam {
  content: string | Array<ChatCompletionContentPartText>;
  role: 'tool';
  tool_call_id: string;
  /** Cache everything up to the end of this message. Not in OpenAI's type. */
  cache_control?: ChatCompletionCacheControl;
}

/**
 * The legacy `function` role (deprecated by OpenAI): the result of the assistant `function_call` before it with the
 * same `name`, sent to Bedrock as that call's tool result.
 */
export interface ChatCompletionFunctionMessageParam {
  content: string | null;
  name: string;
  role: 'function';
}

export type ChatCompletionMessageParam =
  | ChatCompletionDeveloperMessageParam
  | ChatCompletionSystemMessageParam
  | ChatCompletionUserMessageParam
  | ChatCompletionAssistantMessageParam
  | ChatCompletionToolMessageParam
  | ChatCompletionFunctionMessageParam;

// ---------------------------------------------------------------------------------------------------------------
// Request: tools
// ---------------------------------------------------------------------------------------------------------------

export interface FunctionDefinition {
  name: string;
  description?: string;
  /** A JSON Schema object. Default `{ "type": "object", "properties": {} }`. */
  parameters?: { [key: string]: unknown };
  /** Sent as Bedrock's `toolSpec.strict`. */
  strict?: boolean | null;
}

export interface ChatCompletionFunctionTool {
  function: FunctionDefinition;
  type: 'function';
  /** Cache the tool definitions up to and including this one. Not in OpenAI's type. */
  cache_control?: ChatCompletionCacheControl;
}

/** OpenAI custom (free-form) tools: Bedrock has none, so they are rejected; typed so `openai` values still fit. */
export interface ChatCompletionCustomTool {
  custom: {
    name: string;
    description?: string;
    format?: { type: 'text' } | { grammar: { definition: string; syntax: 'lark' | 'regex' }; type: 'grammar' };
  };
  type: 'custom';
}

export type ChatCompletionTool = ChatCompletionFunctionTool | ChatCompletionCustomTool;

export interface ChatCompletionNamedToolChoice {
  function: { name: string };
  type: 'function';
}

export interface ChatCompletionNamedToolChoiceCustom {
  custom: { name: string };
  type: 'custom';
}

export interface ChatCompletionAllowedToolChoice {
  allowed_tools: { mode: 'auto' | 'required'; tools: Array<{ [key: string]: unknown }> };
  type: 'allowed_tools';
}

export type ChatCompletionToolChoiceOption =
  | 'none'
  | 'auto'
  | 'required'
  | ChatCompletionAllowedToolChoice
  | ChatCompletionNamedToolChoice
  | ChatCompletionNamedToolChoiceCustom;

export interface ChatCompletionStreamOptions {
  include_obfuscation?: boolean;
  include_usage?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Request: params
// ---------------------------------------------------------------------------------------------------------------

/** `bedrock.guardrail`: a Bedrock guardrail applied to the request, sent as Converse `guardrailConfig`. */
export interface BedrockGuardrailConfig {
  /** The guardrail's ID or ARN. */
  guardrailIdentifier: string;
  /** `DRAFT` or a version number (`"1"`). */
  guardrailVersion: string;
  /** Whether Bedrock returns the guardrail trace (under `bedrock.trace` of the response). Default `disabled`. */
  trace?: 'enabled' | 'disabled' | 'enabled_full';
  /** Streaming only: `sync` (default) holds text back until checked; `async` sends it while checking. */
  streamProcessingMode?: 'sync' | 'async';
}

/** `bedrock.cache`: automatic cache points: after the tools, after the system prompt and after the last user turn. */
export type BedrockCacheStrategy = 'auto' | { type: 'auto'; ttl?: '5m' | '1h' };

/** OpenAI's `moderation` request option (moderated completions), typed so that `openai` values fit. */
export interface ChatCompletionModerationParam {
  model: string;
  policy?: { input?: { mode: 'score' | 'block' } | null; output?: { mode: 'score' | 'block' } | null } | null;
}

/** OpenAI's `prompt_cache_options` (`openai` 6.49+). */
export interface ChatCompletionPromptCacheOptions {
  mode?: 'implicit' | 'explicit';
  ttl?: '30m';
}

/** Bedrock-only extras, kept apart from OpenAI's parameters. */
export interface BedrockChatExtras {
  /**
   * What an application-inference-profile ARN or custom model really is (an alias or base model ID), so the
   * catalog's capability checks apply to it.
   */
  baseModel?: string;
  /**
   * Model-native fields merged into Converse's `additionalModelRequestFields` (e.g. `{ top_k: 40 }`). Fields this
   * library sets itself (`thinking`, `reasoningConfig`, `reasoning_effort` from `reasoning_effort`) may not be
   * given here as well.
   */
  additionalModelRequestFields?: { [key: string]: unknown };
  /** JSON Pointers of model-native response fields to return (≤ 10), surfaced as `bedrock.additional_model_response_fields`. */
  additionalModelResponseFieldPaths?: string[];
  /** Converse `performanceConfig` (latency-optimized inference where the model offers it). */
  performanceConfig?: { latency: 'standard' | 'optimized' };
  /** Shorthand for `performanceConfig: { latency }`. */
  latency?: 'standard' | 'optimized';
  /** A guardrail to apply (Converse `guardrailConfig`). An intervention gives `finish_reason: 'content_filter'`. */
  guardrail?: BedrockGuardrailConfig;
  /** Values for the variables of a Prompt-management prompt; only with a prompt ARN as `model`. */
  promptVariables?: { [name: string]: { text: string } };
  /** Automatic prompt caching (see {@link BedrockCacheStrategy}); adds to any `cache_control` breakpoints. */
  cache?: BedrockCacheStrategy;
  /**
   * Serve a non-streaming call over ConverseStream and assemble the same `ChatCompletion`, so that idle-connection
   * limits (proxies, load balancers, NAT gateways) never cut a long generation. Default: on only when the request
   * itself sets `max_tokens` (or `max_completion_tokens`) to 21,333 or more; never from the model's maximum output.
   * Ignored with `stream: true`.
   *
   * IAM: ConverseStream is authorized by `bedrock:InvokeModelWithResponseStream`, not `bedrock:InvokeModel`; a role
   * allowed only `bedrock:InvokeModel` gets `PermissionDeniedError` (AccessDenied) on a call served this way. It
   * also appears as ConverseStream in CloudTrail.
   */
  streamInternally?: boolean;
}

export interface ChatCompletionCreateParamsBase {
  messages: Array<ChatCompletionMessageParam>;
  /** An alias from the catalog (`claude-sonnet-4-5`), a Bedrock model ID, an inference-profile ID or an ARN. */
  model: ModelName;
  audio?: { format: 'wav' | 'aac' | 'mp3' | 'flac' | 'opus' | 'pcm16'; voice: string | { id: string } } | null;
  frequency_penalty?: number | null;
  /** Legacy form of `tool_choice` (with `functions` only). */
  function_call?: 'none' | 'auto' | { name: string };
  /** Legacy form of `tools`: sent as tools, answered as `message.function_call`. Not together with `tools`. */
  functions?: Array<{ name: string; description?: string; parameters?: { [key: string]: unknown } }>;
  logit_bias?: { [key: string]: number } | null;
  logprobs?: boolean | null;
  max_completion_tokens?: number | null;
  max_tokens?: number | null;
  /** Sent as Bedrock `requestMetadata` (≤ 16 entries; keys 1–256, values 0–256 characters). */
  metadata?: { [key: string]: string } | null;
  modalities?: Array<'text' | 'audio'> | null;
  /** OpenAI's moderated completions. Bedrock's counterpart is a guardrail (`bedrock.guardrail`): refused unless `null`. */
  moderation?: ChatCompletionModerationParam | null;
  n?: number | null;
  parallel_tool_calls?: boolean;
  prediction?: { content: string | Array<ChatCompletionContentPartText>; type: 'content' } | null;
  presence_penalty?: number | null;
  /** Refused unless `null`: Bedrock caches at cache points, not by key. */
  prompt_cache_key?: string | null;
  /**
   * `{ mode: 'explicit' }` is what Bedrock does anyway (cache only at the breakpoints given) and is accepted;
   * `mode: 'implicit'` and `ttl` have no Bedrock counterpart and are refused.
   */
  prompt_cache_options?: ChatCompletionPromptCacheOptions;
  /**
   * Refused unless `null`: Bedrock has no retention setting. `'in-memory'` is the spelling of `openai` before 6.49,
   * still typed so that older code compiles.
   */
  prompt_cache_retention?: 'in_memory' | '24h' | 'in-memory' | null;
  /**
   * `low`/`medium`/`high` on every reasoning family, `xhigh` on Claude; `max` on the models whose catalog entry has
   * Converse's `outputConfig.effort: 'max'` (sent with adaptive thinking). `minimal` has no Bedrock equivalent.
   */
  reasoning_effort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max' | null;
  response_format?: ResponseFormatText | ResponseFormatJSONObject | ResponseFormatJSONSchema;
  /** Sent as Bedrock `requestMetadata.safety_identifier`; `null` is the same as unset. */
  safety_identifier?: string | null;
  seed?: number | null;
  /** `default`/`flex`/`priority` → Bedrock `serviceTier`; `auto` sends none; `scale` and `fast` have no Bedrock tier. */
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | 'fast' | null;
  stop?: string | null | Array<string>;
  store?: boolean | null;
  stream?: boolean | null;
  stream_options?: ChatCompletionStreamOptions | null;
  temperature?: number | null;
  tool_choice?: ChatCompletionToolChoiceOption;
  tools?: Array<ChatCompletionTool>;
  top_logprobs?: number | null;
  top_p?: number | null;
  /** Sent as Bedrock `requestMetadata.user`. */
  user?: string;
  verbosity?: 'low' | 'medium' | 'high' | null;
  web_search_options?: {
    search_context_size?: 'low' | 'medium' | 'high';
    user_location?: {
      approximate: { city?: string; country?: string; region?: string; timezone?: string };
      type: 'approximate';
    } | null;
  };
  /** Bedrock-only extras. */
  bedrock?: BedrockChatExtras;
}

export interface ChatCompletionCreateParamsNonStreaming extends ChatCompletionCreateParamsBase {
  stream?: false | null;
}

export interface ChatCompletionCreateParamsStreaming extends ChatCompletionCreateParamsBase {
  stream: true;
}

export type ChatCompletionCreateParams = ChatCompletionCreateParamsNonStreaming | ChatCompletionCreateParamsStreaming;

// ---------------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------------

export type ChatCompletionFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export interface CompletionUsage {
  completion_tokens: number;
  /** Every input token, including cache reads and cache writes (OpenAI's convention). */
  prompt_tokens: number;
  total_tokens: number;
  completion_tokens_details?: {
    accepted_prediction_tokens?: number;
    audio_tokens?: number;
    reasoning_tokens?: number;
    rejected_prediction_tokens?: number;
  };
  prompt_tokens_details?: {
    audio_tokens?: number;
    /** Input tokens read from the prompt cache (Bedrock `cacheReadInputTokens`). */
    cached_tokens?: number;
    /** Input tokens written to the prompt cache (Bedrock `cacheWriteInputTokens`). Not in OpenAI's type. */
    cache_write_tokens?: number;
  };
  /** Estimated cost in USD from the catalog's prices, when the model's prices are known. Not in OpenAI's type. */
  cost?: number;
}

/** What Bedrock reported that OpenAI's shape has no place for. */
export interface BedrockResponseInfo {
  /** Bedrock's own stop reason, before mapping to `finish_reason`. */
  stop_reason: StopReason | (string & {});
  /** Bedrock's `serviceTier.type`, when it reported one. */
  service_tier?: string;
  /** Bedrock's `metrics.latencyMs`. */
  latency_ms?: number;
  /** The fields asked for with `bedrock.additionalModelResponseFieldPaths`. */
  additional_model_response_fields?: unknown;
  /** Bedrock's `trace` (the guardrail assessment with `bedrock.guardrail.trace`, prompt-router facts). */
  trace?: { [key: string]: unknown };
  /** Prompt-cache writes by TTL (Bedrock's `usage.cacheDetails`), when Bedrock reported them. */
  cache_details?: Array<{ ttl: string; input_tokens: number }>;
  /** Bedrock's `performanceConfig` (the latency mode the request was served with), when reported. */
  performance_config?: { latency: string };
}

/** Where a cited passage is, as Bedrock gave it (`Citation.location`), in snake case. */
export type BedrockCitationLocation =
  | { type: 'web'; url?: string; domain?: string }
  | { type: 'document_char' | 'document_page' | 'document_chunk'; document_index?: number; start?: number; end?: number }
  | { type: 'search_result'; search_result_index?: number; start?: number; end?: number };

/** One Bedrock citation (`Citation` / streamed `CitationsDelta`), in snake case. */
export interface BedrockCitation {
  /** The cited document's name (or the source's title). */
  title?: string;
  /** The search result's source, when a search result was cited. */
  source?: string;
  /** The cited passages, as the source has them. */
  source_content?: string[];
  location?: BedrockCitationLocation;
}

/**
 * A citation of the answer, in OpenAI's `url_citation` shape so that `openai` code reads it: `start_index` and
 * `end_index` delimit the cited part of `message.content` (JavaScript string offsets), `title` is the source's
 * title, and `url` is the web page when Bedrock gives a web location, `''` otherwise. Where the passage is in a
 * document you sent (document index, characters, pages or chunks), and the quoted passage, are in
 * `bedrock_citation`.
 */
export interface ChatCompletionAnnotation {
  type: 'url_citation';
  url_citation: { end_index: number; start_index: number; title: string; url: string };
  /** Bedrock's citation, with the document location. Not in OpenAI's type. */
  bedrock_citation?: BedrockCitation;
}

export interface ChatCompletionMessage {
  content: string | null;
  refusal: string | null;
  role: 'assistant';
  /** Citations of the answer (from Bedrock `citationsContent` blocks): see {@link ChatCompletionAnnotation}. */
  annotations?: Array<ChatCompletionAnnotation>;
  audio?: { id: string; data: string; expires_at: number; transcript: string } | null;
  function_call?: { arguments: string; name: string } | null;
  tool_calls?: Array<ChatCompletionMessageToolCall>;
  /** The model's reasoning text, when it returned any (DeepSeek's convention). Not in OpenAI's type. */
  reasoning_content?: string;
  /**
   * The reasoning blocks, with their signatures or redacted data: send this message back as it is and the signed
   * and redacted blocks are replayed. Not in OpenAI's type.
   */
  reasoning_details?: Array<ChatCompletionReasoningDetail>;
}

export interface ChatCompletionTokenLogprob {
  token: string;
  bytes: Array<number> | null;
  logprob: number;
  top_logprobs: Array<{ token: string; bytes: Array<number> | null; logprob: number }>;
}

export interface ChatCompletionChoiceLogprobs {
  content: Array<ChatCompletionTokenLogprob> | null;
  refusal: Array<ChatCompletionTokenLogprob> | null;
}

export interface ChatCompletionChoice {
  finish_reason: ChatCompletionFinishReason;
  index: number;
  logprobs: ChatCompletionChoiceLogprobs | null;
  message: ChatCompletionMessage;
}

export interface ChatCompletion {
  id: string;
  choices: Array<ChatCompletionChoice>;
  created: number;
  /** The Bedrock model or inference-profile ID that was called. */
  model: string;
  object: 'chat.completion';
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | null;
  system_fingerprint?: string;
  usage?: CompletionUsage;
  /** Bedrock's raw stop reason and other Bedrock-only facts. Always set by this library. */
  bedrock?: BedrockResponseInfo;
  /** Bedrock's request ID (non-enumerable). */
  _request_id?: string | null;
}

export interface ChatCompletionChunkToolCallDelta {
  index: number;
  id?: string;
  function?: { arguments?: string; name?: string };
  type?: 'function';
}

export interface ChatCompletionChunkDelta {
  content?: string | null;
  function_call?: { arguments?: string; name?: string };
  refusal?: string | null;
  role?: 'developer' | 'system' | 'user' | 'assistant' | 'tool';
  tool_calls?: Array<ChatCompletionChunkToolCallDelta>;
  /**
   * Citations, each sent once when its content block ends, with offsets into the whole message's content;
   * concatenating these arrays over the stream gives `message.annotations`. Not in OpenAI's chunk type.
   */
  annotations?: Array<ChatCompletionAnnotation>;
  /** A fragment of the model's reasoning text. Not in OpenAI's type. */
  reasoning_content?: string;
  /**
   * Complete reasoning blocks, each sent once when the block ends (with its signature); concatenating these
   * arrays over the stream gives `message.reasoning_details`. Not in OpenAI's type.
   */
  reasoning_details?: Array<ChatCompletionReasoningDetail>;
}

export interface ChatCompletionChunkChoice {
  delta: ChatCompletionChunkDelta;
  finish_reason: ChatCompletionFinishReason | null;
  index: number;
  logprobs?: ChatCompletionChoiceLogprobs | null;
}

export interface ChatCompletionChunk {
  id: string;
  choices: Array<ChatCompletionChunkChoice>;
  created: number;
  model: string;
  object: 'chat.completion.chunk';
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | null;
  system_fingerprint?: string;
  usage?: CompletionUsage | null;
  /** On the chunk that carries `finish_reason`: Bedrock's raw stop reason. */
  bedrock?: BedrockResponseInfo;
}

export interface ResponseFormatText {
  type: 'text';
}

export interface ResponseFormatJSONObject {
  type: 'json_object';
  /**
   * A JSON Schema the object must follow, served like `json_schema` (Instructor's JSON_SCHEMA mode and several
   * OpenAI-compatible servers send it). Not in OpenAI's type.
   */
  schema?: { [key: string]: unknown } | null;
}

export interface ResponseFormatJSONSchema {
  json_schema: { name: string; description?: string; schema?: { [key: string]: unknown }; strict?: boolean | null };
  type: 'json_schema';
}
