/**
 * Responses API params → the chat-shaped body that chat's converters turn into a Converse request, so that
 * messages, images, documents, tools, reasoning replay, caching, structured output and every Bedrock rule are
 * the same code for both doors. Pure. What the Responses API has and chat has not is handled here:
 *
 * | Responses | chat body |
 * |---|---|
 * | `instructions` | a first `system` message |
 * | `input` string | one `user` message |
 * | `message` items (`user`/`system`/`developer`/`assistant`) | messages of that role; `input_text`/`output_text`/`refusal` → text parts, `input_image` → `image_url`, `input_file` → `file` |
 * | `function_call` items | `tool_calls` of the assistant message they follow (`call_id` → `id`) |
 * | `function_call_output` items | `tool` messages |
 * | `reasoning` items | `reasoning_details` of the next assistant message; `encrypted_content` carries Bedrock's signature or redacted data (`encrypted-reasoning.ts`) |
 * | `item_reference` | the stored item it names |
 * | `tools` (function), `tool_choice` | `tools[].function`, `tool_choice` |
 * | `max_output_tokens`, `text.format`, `text.verbosity`, `reasoning.effort` | `max_completion_tokens`, `response_format`, `verbosity`, `reasoning_effort` |
 * | `metadata`, `user`, `safety_identifier`, `service_tier`, `temperature`, `top_p`, `parallel_tool_calls`, `prompt_cache_*`, `top_logprobs`, `bedrock` | the same |
 *
 * OpenAI's built-in tools (`web_search`, `file_search`, `code_interpreter`, `computer_use_preview`, `mcp`, …) and
 * items, `background` (and `background_options`), `conversation`, `prompt`, `truncation: 'auto'`, logprobs, access
 * programs and image-context compression cannot be served: each goes to the unsupported-parameter handler (a 400
 * naming it, or dropped with a warning). A field of an option object (`text`, `reasoning`, `stream_options`…) that
 * is not `openai`'s is an "Unknown parameter" 400. The returned `rename` turns chat's parameter paths in errors back
 * into the ones the caller wrote.
 *
 * This module reads the request's own parameters; input items → messages is `to-chat-messages.ts`, tools and
 * `tool_choice` are `to-chat-tools.ts`.
 */
import type { ChatRequestOptions, ParamRenamer } from '../chat/prepare.js';
import type { ChatCompletionCreateParamsBase } from '../chat/types.js';
import type { UnsupportedParamHandler } from '../chat/unsupported-params.js';
import { BadRequestError } from '../core/errors.js';
import { MessageBuilder } from './to-chat-messages.js';
import { convertToolChoice, convertTools } from './to-chat-tools.js';
import type {
  Reasoning,
  ResponseCreateParamsBase,
  ResponseFormatJSONObject,
  ResponseFormatText,
  ResponseFormatTextJSONSchemaConfig,
  ResponseIncludable,
  ResponseTextConfig,
} from './types.js';
import { isSet } from '../internal/is-set.js';
import { fieldSet, rejectUnknownKeys } from '../internal/known-keys.js';

export type { ChatRequestOptions };

/** An item to convert and where it came from (`input[3]`, or a replayed item of `previous_response_id`). */
export interface SourcedItem {
  item: unknown;
  param: string;
}

export interface ResponsesRequestContext {
  /** Items replayed before `input` (the `previous_response_id` chain's inputs and outputs, oldest first). */
  history: SourcedItem[];
  /** The stored item an `item_reference` names, or `undefined`. */
  resolveItem: (id: string) => unknown;
  unsupported: UnsupportedParamHandler;
  /** The request will be streamed. */
  stream: boolean;
}

export interface ResponsesRequestPlan {
  body: ChatCompletionCreateParamsBase;
  rename: ParamRenamer;
  /** `reasoning.summary` was asked for: reasoning text goes to `summary`, else to `content`. */
  summary: boolean;
  /** `include` holds `reasoning.encrypted_content`. */
  includeEncrypted: boolean;
  /** The request's own input items, normalised (a string input becomes one user message, references resolved). */
  input: unknown[];
}

/** Every parameter `responses.create` knows; anything else is rejected by name. */
const KNOWN_PARAMS = {
  model: true,
  input: true,
  instructions: true,
  include: true,
  max_output_tokens: true,
  metadata: true,
  parallel_tool_calls: true,
  previous_response_id: true,
  reasoning: true,
  safety_identifier: true,
  service_tier: true,
  store: true,
  stream: true,
  stream_options: true,
  temperature: true,
  text: true,
  tool_choice: true,
  tools: true,
  top_p: true,
  truncation: true,
  user: true,
  background: true,
  conversation: true,
  context_management: true,
  prompt: true,
  prompt_cache_key: true,
  prompt_cache_retention: true,
  moderation: true,
  prompt_cache_options: true,
  top_logprobs: true,
  max_tool_calls: true,
  background_options: true,
  access_programs: true,
  image: true,
  bedrock: true,
} as const satisfies Record<keyof ResponseCreateParamsBase, true>;

const INCLUDABLES: readonly ResponseIncludable[] = [
  'file_search_call.results',
  'web_search_call.results',
  'web_search_call.action.sources',
  'message.input_image.image_url',
  'computer_call_output.output.image_url',
  'code_interpreter_call.outputs',
  'reasoning.encrypted_content',
  'message.output_text.logprobs',
];

/** Converts Responses params (see the module comment). */
export function convertToChatRequest(params: ResponseCreateParamsBase, context: ResponsesRequestContext): ResponsesRequestPlan {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw BadRequestError.forParam('body', 'The request body must be an object.');
  for (const key of Object.keys(params)) {
    if (!Object.hasOwn(KNOWN_PARAMS, key)) throw BadRequestError.forParam(key, `Unknown parameter: \`${key}\`.`, 'unknown_parameter');
  }
  if (typeof params.model !== 'string' || params.model === '') throw BadRequestError.forParam('model', '`model` must be a non-empty string (a Bedrock model, alias or ARN).');
  readUnsupported(params, context.unsupported);
  const includeEncrypted = readInclude(params.include, context.unsupported);
  const summary = readReasoningSummary(params.reasoning, context.unsupported);

  const builder = new MessageBuilder(context);
  if (isSet(params.instructions)) {
    if (typeof params.instructions !== 'string') throw BadRequestError.forParam('instructions', '`instructions` must be a string.');
    if (params.instructions.trim() !== '') builder.push({ role: 'system', content: params.instructions }, 'instructions');
  }
  for (const { item, param } of context.history) builder.add(item, param);
  const input = normaliseInput(params.input).map((item, index) => {
    const param = typeof params.input === 'string' ? 'input' : `input[${index}]`;
    const resolved = resolveReference(item, param, context);
    builder.add(resolved, param);
    return resolved;
  });
  builder.finish();

  const body: ChatCompletionCreateParamsBase = { model: params.model, messages: builder.messages, stream: context.stream };
  const copy = <Key extends keyof ChatCompletionCreateParamsBase & keyof ResponseCreateParamsBase>(key: Key): void => {
    if (params[key] !== undefined) (body as unknown as Record<string, unknown>)[key] = params[key];
  };
  copy('temperature');
  copy('top_p');
  copy('metadata');
  copy('user');
  copy('safety_identifier');
  copy('service_tier');
  copy('prompt_cache_key');
  copy('prompt_cache_retention');
  copy('moderation');
  copy('prompt_cache_options');
  copy('top_logprobs');
  copy('bedrock');
  if (params.max_output_tokens !== undefined) body.max_completion_tokens = params.max_output_tokens;
  if (params.parallel_tool_calls !== undefined && params.parallel_tool_calls !== null) body.parallel_tool_calls = params.parallel_tool_calls;
  const tools = convertTools(params.tools, context.unsupported);
  if (tools !== undefined) body.tools = tools;
  const toolChoice = convertToolChoice(params.tool_choice, context.unsupported);
  if (toolChoice !== undefined) body.tool_choice = toolChoice;
  readText(params.text, body);
  const effort = readReasoningEffort(params.reasoning);
  if (effort !== undefined) body.reasoning_effort = effort;
  return { body, rename: builder.renamer(), summary, includeEncrypted, input };
}

/** An `item_reference` → the stored item it names (a 400 naming it when there is none); other items as they are. */
function resolveReference(item: unknown, param: string, context: ResponsesRequestContext): unknown {
  const typed = item as { type?: unknown; id?: unknown; role?: unknown } | null;
  if (typeof typed !== 'object' || typed === null) return item;
  // `type` is optional on a reference: an item with an `id` and neither `type` nor `role` is one.
  const reference = typed.type === 'item_reference' || ((typed.type === undefined || typed.type === null) && typed.role === undefined && typed.id !== undefined);
  if (!reference) return item;
  if (typeof typed.id !== 'string' || typed.id === '') throw BadRequestError.forParam(`${param}.id`, `\`${param}.id\` must be a non-empty string.`);
  const resolved = context.resolveItem(typed.id);
  if (resolved === undefined) throw BadRequestError.forParam(`${param}.id`, `Item with id '${typed.id}' not found (it must be an item of a stored response).`, 'item_not_found');
  return resolved;
}

/** A string input → one user message; an array as it is. */
export function normaliseInput(input: unknown): unknown[] {
  if (input === undefined || input === null) return [];
  if (typeof input === 'string') return [{ type: 'message', role: 'user', content: input }];
  if (!Array.isArray(input)) throw BadRequestError.forParam('input', '`input` must be a string or an array of items.');
  return input;
}

/** `stream_options`' fields (`include_obfuscation`: Bedrock's events carry no obfuscation padding either way). */
const STREAM_OPTIONS_KEYS = fieldSet<NonNullable<ResponseCreateParamsBase['stream_options']>>({ include_obfuscation: true });

function readUnsupported(params: ResponseCreateParamsBase, unsupported: UnsupportedParamHandler): void {
  if (params.background === true) unsupported('background', 'Bedrock answers within the request; there is no background mode (poll-free calls only).');
  if (isSet(params.background_options)) unsupported('background_options', 'Bedrock answers within the request; there is no background mode (poll-free calls only).');
  if (isSet(params.access_programs) && (typeof params.access_programs !== 'object' || Object.keys(params.access_programs).length > 0)) {
    unsupported('access_programs', "OpenAI's access programs do not exist on Bedrock.");
  }
  if (isSet(params.max_tool_calls) && (!Number.isSafeInteger(params.max_tool_calls) || params.max_tool_calls < 0)) {
    throw BadRequestError.forParam('max_tool_calls', `\`max_tool_calls\` must be a whole number ≥ 0; got ${JSON.stringify(params.max_tool_calls)}.`);
  }
  readImageOptions(params.image, unsupported);
  if (isSet(params.conversation)) unsupported('conversation', 'OpenAI conversations are not available; chain responses with `previous_response_id`.');
  if (Array.isArray(params.context_management) ? params.context_management.length > 0 : isSet(params.context_management)) {
    unsupported('context_management', 'Bedrock has no server-side context compaction.');
  }
  if (isSet(params.prompt)) unsupported('prompt', 'OpenAI stored prompts are not available; a Bedrock Prompt-management prompt ARN can be the `model`.');
  if (params.truncation === 'auto') unsupported('truncation', 'Bedrock does not truncate a conversation to fit the context window (only "disabled" is possible).');
  else if (isSet(params.truncation) && params.truncation !== 'disabled') {
    throw BadRequestError.forParam('truncation', `\`truncation\` must be "auto" or "disabled"; got ${JSON.stringify(params.truncation)}.`);
  }
  if (isSet(params.store) && typeof params.store !== 'boolean') throw BadRequestError.forParam('store', '`store` must be a boolean.');
  if (isSet(params.stream_options)) {
    if (typeof params.stream_options !== 'object' || Array.isArray(params.stream_options)) throw BadRequestError.forParam('stream_options', '`stream_options` must be an object.');
    rejectUnknownKeys(params.stream_options, STREAM_OPTIONS_KEYS, 'stream_options');
  }
  if (isSet(params.previous_response_id) && (typeof params.previous_response_id !== 'string' || params.previous_response_id === '')) {
    throw BadRequestError.forParam('previous_response_id', '`previous_response_id` must be a non-empty string.');
  }
}

function readImageOptions(image: unknown, unsupported: UnsupportedParamHandler): void {
  if (!isSet(image)) return;
  if (typeof image !== 'object' || Array.isArray(image)) throw BadRequestError.forParam('image', '`image` must be an object.');
  for (const [key, value] of Object.entries(image as Record<string, unknown>)) {
    const param = `image.${key}`;
    if (key !== 'context_compression') throw BadRequestError.forParam(param, `Unknown parameter: \`${param}\`.`, 'unknown_parameter');
    if (!isSet(value) || value === 'auto' || value === 'disabled') continue;
    if (value === 'enabled') unsupported(param, 'Bedrock sends images to the model as given; it has no image-context compression.');
    else throw BadRequestError.forParam(param, `\`${param}\` must be "auto", "enabled" or "disabled"; got ${JSON.stringify(value)}.`);
  }
}

function readInclude(include: unknown, unsupported: UnsupportedParamHandler): boolean {
  if (!isSet(include)) return false;
  if (!Array.isArray(include)) throw BadRequestError.forParam('include', '`include` must be an array.');
  let encrypted = false;
  include.forEach((value: unknown, index) => {
    const param = `include[${index}]`;
    if (typeof value !== 'string' || !(INCLUDABLES as readonly string[]).includes(value)) {
      throw BadRequestError.forParam(param, `\`${param}\` must be one of ${INCLUDABLES.map((name) => `"${name}"`).join(', ')}; got ${JSON.stringify(value)}.`);
    }
    if (value === 'reasoning.encrypted_content') encrypted = true;
    if (value === 'message.output_text.logprobs') unsupported(param, 'Bedrock does not return token log probabilities.');
  });
  return encrypted;
}

/** The fields of `reasoning`: every key of our `Reasoning`, which `test/responses/types.test-d.ts` keeps a superset of `openai`'s. */
const REASONING_KEYS = fieldSet<Reasoning>({ effort: true, summary: true, generate_summary: true, context: true, mode: true });

function readReasoningSummary(reasoning: unknown, unsupported: UnsupportedParamHandler): boolean {
  if (!isSet(reasoning)) return false;
  if (typeof reasoning !== 'object' || Array.isArray(reasoning)) throw BadRequestError.forParam('reasoning', '`reasoning` must be an object.');
  rejectUnknownKeys(reasoning as object, REASONING_KEYS, 'reasoning');
  const { summary, generate_summary: generateSummary, context, mode } = reasoning as { summary?: unknown; generate_summary?: unknown; context?: unknown; mode?: unknown };
  if (isSet(context) && context !== 'auto') {
    if (context !== 'current_turn' && context !== 'all_turns') {
      throw BadRequestError.forParam('reasoning.context', `\`reasoning.context\` must be "auto", "current_turn" or "all_turns"; got ${JSON.stringify(context)}.`);
    }
    unsupported('reasoning.context', 'Bedrock replays the reasoning a tool loop needs and no other; which earlier reasoning the model reads cannot be chosen.');
  }
  if (isSet(mode) && mode !== 'standard') unsupported('reasoning.mode', `Bedrock has no reasoning mode ${JSON.stringify(mode)}; \`reasoning.effort\` sets how much a model reasons.`);
  for (const [param, value] of [['reasoning.summary', summary], ['reasoning.generate_summary', generateSummary]] as const) {
    if (isSet(value) && value !== 'auto' && value !== 'concise' && value !== 'detailed') {
      throw BadRequestError.forParam(param, `\`${param}\` must be "auto", "concise" or "detailed"; got ${JSON.stringify(value)}.`);
    }
  }
  return isSet(summary) || isSet(generateSummary);
}

function readReasoningEffort(reasoning: unknown): ChatCompletionCreateParamsBase['reasoning_effort'] | undefined {
  if (!isSet(reasoning)) return undefined;
  const effort = (reasoning as { effort?: unknown }).effort;
  return isSet(effort) ? (effort as ChatCompletionCreateParamsBase['reasoning_effort']) : undefined;
}

/** The fields of `text` and of each `text.format`; `test/responses/types.test-d.ts` keeps them a superset of `openai`'s. */
const TEXT_CONFIG_KEYS = fieldSet<ResponseTextConfig>({ format: true, verbosity: true });
const FORMAT_TEXT_KEYS = fieldSet<ResponseFormatText & ResponseFormatJSONObject>({ type: true });
const FORMAT_JSON_SCHEMA_KEYS = fieldSet<ResponseFormatTextJSONSchemaConfig>({ type: true, name: true, schema: true, description: true, strict: true });

function readText(text: unknown, body: ChatCompletionCreateParamsBase): void {
  if (text === undefined || text === null) return;
  if (typeof text !== 'object' || Array.isArray(text)) throw BadRequestError.forParam('text', '`text` must be an object.');
  rejectUnknownKeys(text, TEXT_CONFIG_KEYS, 'text');
  const { format, verbosity } = text as { format?: unknown; verbosity?: unknown };
  if (isSet(verbosity)) body.verbosity = verbosity as NonNullable<ChatCompletionCreateParamsBase['verbosity']>;
  if (!isSet(format)) return;
  if (typeof format !== 'object' || Array.isArray(format)) throw BadRequestError.forParam('text.format', '`text.format` must be an object.');
  const typed = format as { type?: unknown; name?: unknown; schema?: unknown; description?: unknown; strict?: unknown };
  switch (typed.type) {
    case 'text':
      rejectUnknownKeys(typed, FORMAT_TEXT_KEYS, 'text.format');
      return;
    case 'json_object':
      rejectUnknownKeys(typed, FORMAT_TEXT_KEYS, 'text.format');
      body.response_format = { type: 'json_object' };
      return;
    case 'json_schema':
      rejectUnknownKeys(typed, FORMAT_JSON_SCHEMA_KEYS, 'text.format');
      body.response_format = {
        type: 'json_schema',
        json_schema: {
          name: typed.name as string,
          schema: typed.schema as Record<string, unknown>,
          ...(typed.description === undefined ? {} : { description: typed.description as string }),
          ...(typed.strict === undefined ? {} : { strict: typed.strict as boolean | null }),
        },
      };
      return;
    default:
      throw BadRequestError.forParam('text.format.type', `\`text.format.type\` must be "text", "json_object" or "json_schema"; got ${JSON.stringify(typed.type)}.`);
  }
}

