/**
 * OpenAI `chat.completions.create` params → a Converse request (without `modelId`), plus the tool name and
 * tool-call ID maps the response needs to give the user their own names back. Pure: remote images are
 * left as slots to fetch, and unsupported parameters go to an injected handler (which throws, or drops with a warning).
 *
 * | OpenAI | Converse |
 * |---|---|
 * | `max_tokens` / `max_completion_tokens` | `inferenceConfig.maxTokens` |
 * | `temperature` (0–1 on Bedrock), `top_p` | `inferenceConfig.temperature`, `.topP` |
 * | `stop` (string or array) | `inferenceConfig.stopSequences` |
 * | `tools` (+ `strict`) | `toolConfig.tools[].toolSpec` (`to-converse-tools.ts`) |
 * | `tool_choice` `auto` / `required` / `{function}` | `toolChoice` `auto` / `any` / `tool` |
 * | `tool_choice: 'none'` | no `toolChoice`; `toolConfig` only when the history holds tool blocks |
 * | legacy `functions` / `function_call` | as `tools` / `tool_choice` (`legacy-functions.ts`) |
 * | `user`, `safety_identifier`, `metadata` | `requestMetadata` |
 * | `service_tier` `default` / `flex` / `priority` | `serviceTier.type` (`auto`: none sent) |
 * | `cache_control` on messages, parts and tools | `cachePoint` blocks (`cache-points.ts`) |
 * | `bedrock.*` | `bedrock-extras.ts` |
 *
 * What depends on the model (`reasoning_effort`, `response_format`, `bedrock.cache`, the cache-point limits) is
 * validated here and carried in the plan; `adaptRequestToModel` (`adapt-to-model.ts`) applies it once the model is
 * known.
 */
import type { ConverseCommandInput, InferenceConfiguration } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';
import { closestMatches } from '../internal/suggest.js';
import { conformsTo, MAX_INT32 } from '../internal/service-constraints.js';
import { parseBedrockArn } from '../models/arn.js';
import { type BedrockExtras, readBedrockExtras } from './bedrock-extras.js';
import type { CachePointUse, CacheTtl } from './cache-points.js';
import type { RemoteImageSlot } from './image-source.js';
import { type ReasoningEffort, readReasoningEffort } from './reasoning.js';
import { type LegacyFunctions, readLegacyFunctions } from './legacy-functions.js';
import { readResponseFormat, type ResponseFormatRequest } from './structured-output.js';
import { convertToConverseMessages, type MessageFeatures } from './to-converse-messages.js';
import { buildToolConfig, historyToolCallIds, historyToolNames, readParallelToolCalls, readToolChoice, readTools } from './to-converse-tools.js';
import { createToolCallIdMap, createToolNameMap, type NameMap } from './tool-names.js';
import type { ChatCompletionCreateParamsBase } from './types.js';
import { UNSUPPORTED_PARAMS, type UnsupportedParamHandler } from './unsupported-params.js';
import { isSet } from '../internal/is-set.js';

/** Every parameter `create` knows (the rest are typos or newer OpenAI parameters: rejected by name). */
const KNOWN_PARAMS = {
  messages: true,
  model: true,
  audio: true,
  frequency_penalty: true,
  function_call: true,
  functions: true,
  logit_bias: true,
  logprobs: true,
  max_completion_tokens: true,
  max_tokens: true,
  metadata: true,
  modalities: true,
  moderation: true,
  n: true,
  parallel_tool_calls: true,
  prediction: true,
  presence_penalty: true,
  prompt_cache_key: true,
  prompt_cache_options: true,
  prompt_cache_retention: true,
  reasoning_effort: true,
  response_format: true,
  safety_identifier: true,
  seed: true,
  service_tier: true,
  stop: true,
  store: true,
  stream: true,
  stream_options: true,
  temperature: true,
  tool_choice: true,
  tools: true,
  top_logprobs: true,
  top_p: true,
  user: true,
  verbosity: true,
  web_search_options: true,
  bedrock: true,
} as const satisfies Record<keyof ChatCompletionCreateParamsBase, true>;

const MAX_METADATA_ENTRIES = 16;
/** What Bedrock's `requestMetadata` keys and values may hold (the service model's pattern, `\s` being ASCII). */
const METADATA_CHARSET = 'ASCII letters, digits, ASCII whitespace (space, tab, line breaks) and : _ @ $ # = / + , . - only';

export interface ConvertRequestContext {
  /** Whether `http(s)` image URLs may be fetched (they come back as `remoteImages` slots). */
  imageFetch: boolean;
  unsupported: UnsupportedParamHandler;
}

/** What the request uses that a model may lack: the `param` of the first use of each (capability checks). */
export interface RequestFeatures extends MessageFeatures {
  tools?: string;
  /** The Bedrock tool choice sent, if any. */
  toolChoice?: { param: string; value: 'auto' | 'any' | 'tool' };
  stream?: string;
  /** Set when both `temperature` and `top_p` are sent. */
  temperatureAndTopP?: string;
}

/** Which parameter gave `inferenceConfig.maxTokens`. */
export type MaxTokensParam = 'max_tokens' | 'max_completion_tokens';

export interface ConverseRequestPlan {
  /** The Converse (or ConverseStream) input, without `modelId`. */
  input: Omit<ConverseCommandInput, 'modelId'>;
  toolNames: NameMap;
  toolCallIds: NameMap;
  stream: boolean;
  /** `stream_options.include_usage`. */
  includeUsage: boolean;
  /** `bedrock.baseModel`, for resolving what an ARN is. */
  baseModel: string | undefined;
  features: RequestFeatures;
  /** Image blocks still to fetch (`fillRemoteImages`) before sending. */
  remoteImages: RemoteImageSlot[];
  /** `reasoning_effort`, validated; mapped per model family by `adaptRequestToModel`. */
  reasoningEffort: ReasoningEffort | undefined;
  /** `response_format` when it asks for JSON; applied per model by `adaptRequestToModel`. */
  responseFormat: ResponseFormatRequest | undefined;
  /** Every `cache_control` breakpoint placed, in Bedrock's order (tools first). */
  cachePoints: CachePointUse[];
  /** `bedrock.cache: 'auto'`, applied by `adaptRequestToModel`. */
  autoCache: { ttl?: CacheTtl } | undefined;
  /** Which parameter set `inferenceConfig.maxTokens`, if any. */
  maxTokensParam: MaxTokensParam | undefined;
  /** `bedrock.additionalModelRequestFields` as given (for the reasoning rules). */
  additionalModelRequestFields: Record<string, unknown> | undefined;
  /** `bedrock.streamInternally` as given (`undefined`: decided by the request's size). */
  streamInternally: boolean | undefined;
  /** The request used the legacy `functions`: answer with `function_call` (`legacy-functions.ts`). */
  legacyFunctions: boolean;
}

/** Converts `create` params to a Converse request plan (see the module comment). */
export function convertToConverseRequest(params: unknown, context: ConvertRequestContext): ConverseRequestPlan {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw BadRequestError.forParam('body', 'The request params must be an object.');
  }
  const raw = params as ChatCompletionCreateParamsBase & Record<string, unknown>;
  rejectUnknownParams(raw);
  // Legacy `functions`/`function_call` are read as the `tools`/`tool_choice` they stand for.
  const legacy = readLegacyFunctions(raw);
  const body: ChatCompletionCreateParamsBase & Record<string, unknown> = legacy === undefined ? raw : withTools(raw, legacy);
  if (typeof body.model !== 'string' || body.model.trim() === '') throw BadRequestError.forParam('model', '`model` must be a non-empty string.');
  for (const [param, rule] of Object.entries(UNSUPPORTED_PARAMS)) {
    const value = body[param];
    if (value !== undefined && value !== null && !rule.isUnset(value)) context.unsupported(param, rule.reason);
  }

  const features: RequestFeatures = {};
  const stream = readStream(body, features);
  const includeUsage = readStreamOptions(body, stream);
  const { config: inferenceConfig, maxTokensParam } = readInferenceConfig(body, features);
  const tools = readTools(body, context);
  const toolChoice = readToolChoice(body, tools, context);
  readParallelToolCalls(body, context);
  const reasoningEffort = readReasoningEffort(body.reasoning_effort);
  const responseFormat = readResponseFormat(body.response_format);
  const extras = readBedrockExtras(body.bedrock, stream);

  const toolNames = createToolNameMap([...tools.map((tool) => tool.function.name), ...historyToolNames(body.messages)]);
  const toolCallIds = createToolCallIdMap(historyToolCallIds(body.messages));
  const promptArn = parseBedrockArn(body.model)?.resourceType === 'prompt';
  // A Prompt-management prompt brings its own messages: the request may add none.
  const converted =
    promptArn && Array.isArray(body.messages) && body.messages.length === 0
      ? { system: [], messages: [], features: {}, remoteImages: [] }
      : convertToConverseMessages(body.messages, { toolNames, toolCallIds, imageFetch: context.imageFetch, unsupported: context.unsupported, afterPrompt: promptArn });
  const { cachePoints: messageCachePoints = [], ...messageFeatures } = converted.features;
  Object.assign(features, messageFeatures);

  const toolCachePoints: CachePointUse[] = [];
  const toolConfig = buildToolConfig(tools, toolChoice, toolNames, converted.messages, features, toolCachePoints);
  if (legacy !== undefined) {
    // Capability errors name the fields the caller wrote.
    if (features.tools === 'tools') features.tools = 'functions';
    if (features.toolChoice !== undefined) features.toolChoice = { ...features.toolChoice, param: 'function_call' };
  }
  const requestMetadata = readRequestMetadata(body);
  const serviceTier = readServiceTier(body, context);

  const input: Omit<ConverseCommandInput, 'modelId'> = {
    ...(converted.messages.length === 0 ? {} : { messages: converted.messages }),
    ...(converted.system.length === 0 ? {} : { system: converted.system }),
    ...(Object.keys(inferenceConfig).length === 0 ? {} : { inferenceConfig }),
    ...(toolConfig === undefined ? {} : { toolConfig }),
    ...(requestMetadata === undefined ? {} : { requestMetadata }),
    ...(serviceTier === undefined ? {} : { serviceTier: { type: serviceTier } }),
    ...(extras.additionalModelRequestFields === undefined ? {} : { additionalModelRequestFields: { ...extras.additionalModelRequestFields } as never }),
    ...(extras.additionalModelResponseFieldPaths === undefined ? {} : { additionalModelResponseFieldPaths: extras.additionalModelResponseFieldPaths }),
    ...(extras.latency === undefined ? {} : { performanceConfig: { latency: extras.latency } }),
    ...(extras.guardrailConfig === undefined ? {} : { guardrailConfig: extras.guardrailConfig }),
    ...(extras.promptVariables === undefined ? {} : { promptVariables: extras.promptVariables }),
  };
  checkPromptVariables(body.model, promptArn, extras, input);
  return {
    input,
    toolNames,
    toolCallIds,
    stream,
    includeUsage,
    baseModel: extras.baseModel,
    features,
    remoteImages: converted.remoteImages,
    reasoningEffort,
    responseFormat,
    cachePoints: [...toolCachePoints, ...messageCachePoints],
    autoCache: extras.cache,
    maxTokensParam,
    additionalModelRequestFields: extras.additionalModelRequestFields,
    streamInternally: extras.streamInternally,
    legacyFunctions: legacy !== undefined,
  };
}

/**
 * `bedrock.promptVariables` only with a Prompt-management ARN, and then without what the prompt itself fixes
 * (Bedrock rejects `system`, `inferenceConfig`, `toolConfig` and `additionalModelRequestFields` with a prompt ARN).
 */
function checkPromptVariables(model: string, promptArn: boolean, extras: BedrockExtras, input: Omit<ConverseCommandInput, 'modelId'>): void {
  if (extras.promptVariables !== undefined && !promptArn) {
    throw BadRequestError.forParam(
      'bedrock.promptVariables',
      `\`bedrock.promptVariables\` fill the variables of a Prompt-management prompt: \`model\` must be a prompt ARN (\`arn:aws:bedrock:<region>:<account>:prompt/<id>\`), not \`${model}\`.`,
    );
  }
  if (!promptArn) return;
  const fixed: [keyof typeof input, string][] = [
    ['system', 'system and developer messages'],
    ['inferenceConfig', '`max_tokens`, `temperature`, `top_p` and `stop`'],
    ['toolConfig', '`tools` and tool calls'],
    ['additionalModelRequestFields', '`bedrock.additionalModelRequestFields`'],
  ];
  for (const [member, what] of fixed) {
    if (input[member] !== undefined) {
      throw BadRequestError.forParam('model', `With a Prompt-management prompt as \`model\`, the prompt fixes ${what}; Bedrock rejects them in the request (Converse \`${member}\`).`);
    }
  }
}

/** The params with the legacy fields replaced by the tools and tool choice they stand for. */
function withTools<T extends ChatCompletionCreateParamsBase>(body: T, legacy: LegacyFunctions): T {
  const { functions: _functions, function_call: _functionCall, tool_choice: _toolChoice, ...rest } = body;
  return { ...rest, tools: legacy.tools, ...(legacy.toolChoice === undefined ? {} : { tool_choice: legacy.toolChoice }) } as T;
}

function rejectUnknownParams(body: Record<string, unknown>): void {
  for (const key of Object.keys(body)) {
    if (Object.hasOwn(KNOWN_PARAMS, key) || body[key] === undefined) continue;
    const suggestions = closestMatches(key, Object.keys(KNOWN_PARAMS), 1);
    const hint = suggestions.length === 0 ? '' : ` Did you mean \`${suggestions[0]}\`?`;
    throw BadRequestError.forParam(key, `Unrecognized request argument supplied: \`${key}\`.${hint}`, 'unknown_parameter');
  }
}

function readStream(body: ChatCompletionCreateParamsBase, features: RequestFeatures): boolean {
  const value = body.stream;
  if (value === undefined || value === null || value === false) return false;
  if (value !== true) throw BadRequestError.forParam('stream', '`stream` must be a boolean.');
  features.stream = 'stream';
  return true;
}

function readStreamOptions(body: ChatCompletionCreateParamsBase, stream: boolean): boolean {
  const options = body.stream_options;
  if (options === undefined || options === null) return false;
  if (!stream) throw BadRequestError.forParam('stream_options', '`stream_options` is only allowed when `stream` is true.');
  if (typeof options !== 'object') throw BadRequestError.forParam('stream_options', '`stream_options` must be an object.');
  for (const key of Object.keys(options)) {
    if (key !== 'include_usage' && key !== 'include_obfuscation') {
      throw BadRequestError.forParam(`stream_options.${key}`, `Unrecognized stream option \`${key}\`.`, 'unknown_parameter');
    }
  }
  const includeUsage = options.include_usage;
  if (includeUsage !== undefined && typeof includeUsage !== 'boolean') {
    throw BadRequestError.forParam('stream_options.include_usage', '`stream_options.include_usage` must be a boolean.');
  }
  return includeUsage === true;
}

function readInferenceConfig(body: ChatCompletionCreateParamsBase, features: RequestFeatures): { config: InferenceConfiguration; maxTokensParam: MaxTokensParam | undefined } {
  const config: InferenceConfiguration = {};
  const maxTokens = body.max_tokens;
  const maxCompletionTokens = body.max_completion_tokens;
  for (const [param, value] of [
    ['max_tokens', maxTokens],
    ['max_completion_tokens', maxCompletionTokens],
  ] as const) {
    if (isSet(value) && (!Number.isInteger(value) || value < 1)) {
      throw BadRequestError.forParam(param, `\`${param}\` must be a whole number ≥ 1; got ${JSON.stringify(value)}.`);
    }
    if (isSet(value) && value > MAX_INT32) {
      throw BadRequestError.forParam(param, `\`${param}\` is ${value}; Bedrock's \`maxTokens\` is a 32-bit integer (at most ${MAX_INT32}), and no model writes that many tokens.`);
    }
  }
  if (isSet(maxTokens) && isSet(maxCompletionTokens) && maxTokens !== maxCompletionTokens) {
    throw BadRequestError.forParam('max_completion_tokens', '`max_tokens` and `max_completion_tokens` disagree; send one of them.');
  }
  const maximum = maxCompletionTokens ?? maxTokens;
  if (isSet(maximum)) config.maxTokens = maximum;

  const temperature = body.temperature;
  if (isSet(temperature)) {
    if (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature < 0 || temperature > 1) {
      throw BadRequestError.forParam(
        'temperature',
        `\`temperature\` must be between 0 and 1 on Bedrock (OpenAI allows up to 2; nothing is rescaled); got ${JSON.stringify(temperature)}.`,
      );
    }
    config.temperature = temperature;
  }
  const topP = body.top_p;
  if (isSet(topP)) {
    if (typeof topP !== 'number' || !Number.isFinite(topP) || topP < 0 || topP > 1) {
      throw BadRequestError.forParam('top_p', `\`top_p\` must be between 0 and 1; got ${JSON.stringify(topP)}.`);
    }
    config.topP = topP;
  }
  if (isSet(temperature) && isSet(topP)) features.temperatureAndTopP = 'top_p';

  const stop = body.stop;
  if (isSet(stop)) {
    const sequences = typeof stop === 'string' ? [stop] : stop;
    if (!Array.isArray(sequences)) throw BadRequestError.forParam('stop', '`stop` must be a string or an array of strings.');
    sequences.forEach((sequence: unknown, index) => {
      const param = typeof stop === 'string' ? 'stop' : `stop[${index}]`;
      if (typeof sequence !== 'string' || sequence === '') throw BadRequestError.forParam(param, `\`${param}\` must be a non-empty string.`);
    });
    if (sequences.length > 2500) throw BadRequestError.forParam('stop', 'Bedrock accepts at most 2500 stop sequences.');
    if (sequences.length > 0) config.stopSequences = [...sequences];
  }
  const maxTokensParam = isSet(maxCompletionTokens) ? 'max_completion_tokens' : isSet(maxTokens) ? 'max_tokens' : undefined;
  return { config, maxTokensParam };
}

function readRequestMetadata(body: ChatCompletionCreateParamsBase): Record<string, string> | undefined {
  const metadata: Record<string, string> = {};
  const add = (key: string, value: unknown, param: string): void => {
    if (typeof value !== 'string') throw BadRequestError.forParam(param, `\`${param}\` must be a string.`);
    if (Object.hasOwn(metadata, key)) throw BadRequestError.forParam(param, `\`${param}\` sets request metadata key \`${key}\` twice.`);
    if (key.length < 1 || key.length > 256) throw BadRequestError.forParam(param, `Request metadata keys must be 1–256 characters; \`${param}\` has ${key.length}.`);
    if (value.length > 256) throw BadRequestError.forParam(param, `\`${param}\` is ${value.length} characters; Bedrock request metadata values hold at most 256.`);
    if (!conformsTo('RequestMetadataKeyString', key)) {
      throw BadRequestError.forParam(param, `The key of \`${param}\` holds characters Bedrock request metadata does not allow (${METADATA_CHARSET}).`);
    }
    if (!conformsTo('RequestMetadataValueString', value)) {
      throw BadRequestError.forParam(param, `\`${param}\` holds characters Bedrock request metadata does not allow (${METADATA_CHARSET}).`);
    }
    metadata[key] = value;
  };
  const source = body.metadata;
  if (isSet(source)) {
    if (typeof source !== 'object' || Array.isArray(source)) throw BadRequestError.forParam('metadata', '`metadata` must be an object of strings.');
    for (const [key, value] of Object.entries(source)) add(key, value, `metadata.${key}`);
  }
  if (body.user !== undefined) add('user', body.user, 'user');
  if (isSet(body.safety_identifier)) add('safety_identifier', body.safety_identifier, 'safety_identifier');
  const count = Object.keys(metadata).length;
  if (count > MAX_METADATA_ENTRIES) {
    throw BadRequestError.forParam('metadata', `Bedrock takes at most ${MAX_METADATA_ENTRIES} request metadata entries (from \`metadata\`, \`user\` and \`safety_identifier\`); got ${count}.`);
  }
  return count === 0 ? undefined : metadata;
}

function readServiceTier(body: ChatCompletionCreateParamsBase, context: ConvertRequestContext): 'default' | 'flex' | 'priority' | undefined {
  const tier = body.service_tier;
  switch (tier) {
    case undefined:
    case null:
    case 'auto':
      return undefined;
    case 'default':
    case 'flex':
    case 'priority':
      return tier;
    case 'scale':
    case 'fast':
      context.unsupported('service_tier', `Bedrock has no "${tier}" tier (it has default, flex and priority).`);
      return undefined;
    default:
      throw BadRequestError.forParam('service_tier', `\`service_tier\` must be "auto", "default", "flex" or "priority"; got ${JSON.stringify(tier)}.`);
  }
}
