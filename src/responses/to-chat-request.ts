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
 * items, `background`, `conversation`, `prompt`, `truncation: 'auto'` and logprobs cannot be
 * served: each goes to the unsupported-parameter handler (a 400 naming it, or dropped with a warning). The
 * returned `rename` turns chat's parameter paths in errors back into the ones the caller wrote.
 */
import type { ChatRequestOptions, ParamRenamer } from '../chat/prepare.js';
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
  ChatCompletionReasoningDetail,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from '../chat/types.js';
import type { UnsupportedParamHandler } from '../chat/unsupported-params.js';
import { BadRequestError } from '../core/errors.js';
import { decodeReasoning } from './encrypted-reasoning.js';
import type { ResponseCreateParamsBase, ResponseIncludable } from './types.js';

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

const BUILT_IN_TOOLS: Readonly<Record<string, string>> = {
  web_search: 'web search',
  web_search_2025_08_26: 'web search',
  web_search_preview: 'web search',
  web_search_preview_2025_03_11: 'web search',
  file_search: 'file search (vector stores)',
  code_interpreter: 'the code interpreter',
  computer: 'computer use',
  computer_use: 'computer use',
  computer_use_preview: 'computer use',
  mcp: 'remote MCP servers',
  image_generation: 'image generation',
  local_shell: 'the local shell tool',
  shell: 'the shell tool',
  apply_patch: 'the apply_patch tool',
  tool_search: 'tool search',
  namespace: 'tool namespaces',
  custom: 'custom (free-form) tools',
};

/** Converts Responses params (see the module comment). */
export function convertToChatRequest(params: ResponseCreateParamsBase, context: ResponsesRequestContext): ResponsesRequestPlan {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw BadRequestError.forParam('body', 'The request body must be an object.');
  for (const key of Object.keys(params)) {
    if (!Object.hasOwn(KNOWN_PARAMS, key)) throw BadRequestError.forParam(key, `Unknown parameter: \`${key}\`.`, 'unknown_parameter');
  }
  if (typeof params.model !== 'string' || params.model === '') throw BadRequestError.forParam('model', '`model` must be a non-empty string (a Bedrock model, alias or ARN).');
  readUnsupported(params, context.unsupported);
  const includeEncrypted = readInclude(params.include, context.unsupported);
  const summary = readReasoningSummary(params.reasoning);

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

function readUnsupported(params: ResponseCreateParamsBase, unsupported: UnsupportedParamHandler): void {
  if (params.background === true) unsupported('background', 'Bedrock answers within the request; there is no background mode (poll-free calls only).');
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
  if (isSet(params.stream_options) && (typeof params.stream_options !== 'object' || Array.isArray(params.stream_options))) {
    throw BadRequestError.forParam('stream_options', '`stream_options` must be an object.');
  }
  if (isSet(params.previous_response_id) && (typeof params.previous_response_id !== 'string' || params.previous_response_id === '')) {
    throw BadRequestError.forParam('previous_response_id', '`previous_response_id` must be a non-empty string.');
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

function readReasoningSummary(reasoning: unknown): boolean {
  if (!isSet(reasoning)) return false;
  if (typeof reasoning !== 'object' || Array.isArray(reasoning)) throw BadRequestError.forParam('reasoning', '`reasoning` must be an object.');
  const { summary, generate_summary: generateSummary } = reasoning as { summary?: unknown; generate_summary?: unknown };
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

function readText(text: unknown, body: ChatCompletionCreateParamsBase): void {
  if (text === undefined || text === null) return;
  if (typeof text !== 'object' || Array.isArray(text)) throw BadRequestError.forParam('text', '`text` must be an object.');
  const { format, verbosity } = text as { format?: unknown; verbosity?: unknown };
  if (isSet(verbosity)) body.verbosity = verbosity as NonNullable<ChatCompletionCreateParamsBase['verbosity']>;
  if (!isSet(format)) return;
  if (typeof format !== 'object' || Array.isArray(format)) throw BadRequestError.forParam('text.format', '`text.format` must be an object.');
  const typed = format as { type?: unknown; name?: unknown; schema?: unknown; description?: unknown; strict?: unknown };
  switch (typed.type) {
    case 'text':
      return;
    case 'json_object':
      body.response_format = { type: 'json_object' };
      return;
    case 'json_schema':
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

function convertTools(tools: unknown, unsupported: UnsupportedParamHandler): ChatCompletionTool[] | undefined {
  if (!isSet(tools)) return undefined;
  if (!Array.isArray(tools)) throw BadRequestError.forParam('tools', '`tools` must be an array.');
  const converted: ChatCompletionTool[] = [];
  tools.forEach((tool: unknown, index) => {
    const param = `tools[${index}]`;
    if (typeof tool !== 'object' || tool === null) throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const typed = tool as { type?: unknown; name?: unknown; description?: unknown; parameters?: unknown; strict?: unknown; defer_loading?: unknown };
    if (typed.type !== 'function') {
      const what = typeof typed.type === 'string' ? BUILT_IN_TOOLS[typed.type] : undefined;
      if (what === undefined) throw BadRequestError.forParam(`${param}.type`, `\`${param}.type\` must be "function"; got ${JSON.stringify(typed.type)}.`);
      unsupported(param, `OpenAI's built-in \`${String(typed.type)}\` tool (${what}) runs on OpenAI's servers and has no Bedrock equivalent; define a function tool and run it yourself.`);
      return;
    }
    if (typed.defer_loading === true) unsupported(`${param}.defer_loading`, 'Bedrock loads every tool definition with the request.');
    converted.push({
      type: 'function',
      function: {
        name: typed.name as string,
        ...(isSet(typed.description) ? { description: typed.description as string } : {}),
        ...(isSet(typed.parameters) ? { parameters: typed.parameters as Record<string, unknown> } : {}),
        ...(isSet(typed.strict) ? { strict: typed.strict as boolean } : {}),
      },
    });
  });
  return converted;
}

function convertToolChoice(choice: unknown, unsupported: UnsupportedParamHandler): ChatCompletionToolChoiceOption | undefined {
  if (!isSet(choice)) return undefined;
  if (typeof choice === 'string') return choice as ChatCompletionToolChoiceOption;
  if (typeof choice !== 'object' || Array.isArray(choice)) {
    throw BadRequestError.forParam('tool_choice', '`tool_choice` must be "none", "auto", "required" or an object.');
  }
  const typed = choice as { type?: unknown; name?: unknown; mode?: unknown; tools?: unknown };
  if (typed.type === 'function') return { type: 'function', function: { name: typed.name as string } };
  if (typed.type === 'allowed_tools') {
    const tools = Array.isArray(typed.tools)
      ? typed.tools.map((tool: unknown) => {
          const entry = tool as { type?: unknown; name?: unknown };
          return { type: entry?.type, function: { name: entry?.name } } as never;
        })
      : typed.tools;
    return { type: 'allowed_tools', allowed_tools: { mode: typed.mode as 'auto' | 'required', tools: tools as never } };
  }
  const what = typeof typed.type === 'string' ? BUILT_IN_TOOLS[typed.type] : undefined;
  if (what === undefined) throw BadRequestError.forParam('tool_choice.type', `\`tool_choice.type\` must be "function" or "allowed_tools"; got ${JSON.stringify(typed.type)}.`);
  unsupported('tool_choice', `OpenAI's built-in \`${String(typed.type)}\` tool (${what}) has no Bedrock equivalent.`);
  return undefined;
}

/** Builds chat messages from items, with the map from chat's paths to the items' own. */
class MessageBuilder {
  readonly messages: ChatCompletionMessageParam[] = [];
  /** Chat path prefix (`messages[2]`, `messages[2].tool_calls[0]`, `messages[2].content[1]`) → the item's path. */
  readonly #paths = new Map<string, string>();
  readonly #context: ResponsesRequestContext;
  /** Reasoning details waiting for the assistant message they precede. */
  #reasoning: { detail: ChatCompletionReasoningDetail; param: string }[] = [];
  /** Function calls not answered yet: call ID → where the call is. */
  readonly #pending = new Map<string, string>();

  constructor(context: ResponsesRequestContext) {
    this.#context = context;
  }

  push(message: ChatCompletionMessageParam, param: string): number {
    const index = this.messages.length;
    this.messages.push(message);
    this.#paths.set(`messages[${index}]`, param);
    return index;
  }

  /** Adds one item (resolving references). */
  add(raw: unknown, param: string): void {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const item = raw as { type?: unknown; role?: unknown; id?: unknown };
    const type = item.type ?? (item.role === undefined ? undefined : 'message');
    switch (type) {
      case 'message':
        this.#addMessage(item as { role?: unknown; content?: unknown }, param);
        return;
      case 'function_call':
        this.#addFunctionCall(item as { call_id?: unknown; name?: unknown; arguments?: unknown }, param);
        return;
      case 'function_call_output':
        this.#addFunctionCallOutput(item as { call_id?: unknown; output?: unknown }, param);
        return;
      case 'reasoning':
        this.#addReasoning(item as { encrypted_content?: unknown; summary?: unknown; content?: unknown }, param);
        return;
      default: {
        if (typeof type === 'string' && /_call(_output)?$|^mcp_|^compaction$|^tool_search/.test(type)) {
          throw BadRequestError.forParam(`${param}.type`, `\`${param}\` is a \`${type}\` item, which belongs to an OpenAI built-in tool; Bedrock has no equivalent.`, 'unsupported_item');
        }
        throw BadRequestError.forParam(
          `${param}.type`,
          `\`${param}.type\` must be "message", "function_call", "function_call_output", "reasoning" or "item_reference"; got ${JSON.stringify(type)}.`,
        );
      }
    }
  }

  finish(): void {
    const [first] = this.#pending.entries();
    if (first !== undefined) this.#unanswered(first[0], first[1]);
  }

  #unanswered(callId: string, param: string): never {
    throw BadRequestError.forParam(param, `No tool output found for function call ${callId}: every \`function_call\` needs a \`function_call_output\` with its \`call_id\` before the next message.`, 'missing_tool_result');
  }

  #requireAnswered(): void {
    this.finish();
  }

  #addMessage(message: { role?: unknown; content?: unknown }, param: string): void {
    const role = message.role;
    if (role !== 'user' && role !== 'system' && role !== 'developer' && role !== 'assistant') {
      throw BadRequestError.forParam(`${param}.role`, `\`${param}.role\` must be "user", "assistant", "system" or "developer"; got ${JSON.stringify(role)}.`);
    }
    if (role === 'system' || role === 'developer') {
      this.push({ role, content: this.#textParts(message.content, `${param}.content`, ['input_text']) as never }, param);
      return;
    }
    this.#requireAnswered();
    if (role === 'user') {
      const content = typeof message.content === 'string' ? message.content : this.#userParts(message.content, `${param}.content`);
      this.push({ role: 'user', content }, param);
      return;
    }
    const content = this.#textParts(message.content, `${param}.content`, ['output_text', 'input_text', 'refusal']);
    const assistant = this.#assistant(param);
    const index = this.messages.length - 1;
    const existing = assistant.content;
    const offset = Array.isArray(existing) ? existing.length : 0;
    if (typeof content === 'string') assistant.content = offset === 0 ? content : [...(existing as never[]), { type: 'text', text: content }];
    else {
      assistant.content = [...(Array.isArray(existing) ? existing : typeof existing === 'string' ? [{ type: 'text' as const, text: existing }] : []), ...(content as never[])];
      content.forEach((_, part) => this.#paths.set(`messages[${index}].content[${offset + part}]`, `${param}.content[${part}]`));
    }
  }

  /** The assistant message to add to: the last message if it is an assistant's without answered calls, else a new one. */
  #assistant(param: string): ChatCompletionAssistantMessageParam {
    const last = this.messages.at(-1);
    let assistant: ChatCompletionAssistantMessageParam;
    if (last?.role === 'assistant' && this.#reasoning.length === 0) assistant = last;
    else {
      assistant = { role: 'assistant', content: null };
      this.push(assistant, param);
    }
    if (this.#reasoning.length > 0) {
      const index = this.messages.length - 1;
      const details = [...(assistant.reasoning_details ?? [])];
      for (const { detail, param: detailParam } of this.#reasoning) {
        this.#paths.set(`messages[${index}].reasoning_details[${details.length}]`, detailParam);
        details.push(detail);
      }
      assistant.reasoning_details = details;
      this.#reasoning = [];
    }
    return assistant;
  }

  #addFunctionCall(call: { call_id?: unknown; name?: unknown; arguments?: unknown }, param: string): void {
    if (typeof call.call_id !== 'string' || call.call_id === '') throw BadRequestError.forParam(`${param}.call_id`, `\`${param}.call_id\` must be a non-empty string.`);
    const last = this.messages.at(-1);
    const assistant = last?.role === 'assistant' && this.#reasoning.length === 0 ? last : this.#assistant(param);
    const index = this.messages.length - 1;
    const calls = assistant.tool_calls ?? (assistant.tool_calls = []);
    this.#paths.set(`messages[${index}].tool_calls[${calls.length}]`, param);
    calls.push({ id: call.call_id, type: 'function', function: { name: call.name as string, arguments: call.arguments as string } });
    this.#pending.set(call.call_id, param);
  }

  #addFunctionCallOutput(result: { call_id?: unknown; output?: unknown }, param: string): void {
    const callId = result.call_id;
    if (typeof callId !== 'string' || callId === '') throw BadRequestError.forParam(`${param}.call_id`, `\`${param}.call_id\` must be a non-empty string.`);
    if (!this.#pending.has(callId)) {
      throw BadRequestError.forParam(
        `${param}.call_id`,
        `No function call found for \`${param}.call_id\` (\`${callId}\`): a \`function_call_output\` must follow the \`function_call\` it answers.`,
        'invalid_tool_call_id',
      );
    }
    this.#pending.delete(callId);
    const output = result.output;
    let content: string | Array<{ type: 'text'; text: string }>;
    if (typeof output === 'string') content = output;
    else if (Array.isArray(output)) {
      content = output.map((part: unknown, index) => {
        const typed = part as { type?: unknown; text?: unknown };
        if (typed?.type !== 'input_text' || typeof typed.text !== 'string') {
          throw BadRequestError.forParam(
            `${param}.output[${index}]`,
            `\`${param}.output[${index}]\` must be an \`input_text\` part: tool outputs are text here (Bedrock tool results of chat's converters hold text).`,
            'unsupported_content',
          );
        }
        return withBreakpoint({ type: 'text' as const, text: typed.text }, part);
      });
    } else throw BadRequestError.forParam(`${param}.output`, `\`${param}.output\` must be a string or an array of parts.`);
    this.push({ role: 'tool', tool_call_id: callId, content }, param);
  }

  #addReasoning(item: { encrypted_content?: unknown; summary?: unknown; content?: unknown }, param: string): void {
    this.#requireAnswered();
    const encrypted = item.encrypted_content;
    if (isSet(encrypted)) {
      if (typeof encrypted !== 'string') throw BadRequestError.forParam(`${param}.encrypted_content`, `\`${param}.encrypted_content\` must be a string.`);
      this.#reasoning.push({ detail: decodeReasoning(encrypted, `${param}.encrypted_content`), param: `${param}.encrypted_content` });
      return;
    }
    // Without Bedrock's signature the text cannot be replayed (Bedrock rejects or ignores unsigned reasoning): it is
    // kept as unsigned detail, which chat's converter leaves out, as it does for chat's own unsigned reasoning.
    const parts = [...(Array.isArray(item.content) ? item.content : []), ...(Array.isArray(item.summary) ? item.summary : [])] as { text?: unknown }[];
    const text = parts.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('');
    this.#reasoning.push({ detail: { type: 'reasoning.text', text }, param });
  }

  #textParts(content: unknown, param: string, types: readonly string[]): string | Array<{ type: 'text'; text: string }> {
    if (typeof content === 'string') return content;
    if (!Array.isArray(content)) throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of parts.`);
    return content.map((part: unknown, index) => {
      const typed = part as { type?: unknown; text?: unknown; refusal?: unknown };
      const partParam = `${param}[${index}]`;
      if (typeof part !== 'object' || part === null || typeof typed.type !== 'string' || !types.includes(typed.type)) {
        throw BadRequestError.forParam(`${partParam}.type`, `\`${partParam}.type\` must be ${types.map((type) => `"${type}"`).join(' or ')} here; got ${JSON.stringify(typed?.type)}.`);
      }
      const text = typed.type === 'refusal' ? typed.refusal : typed.text;
      if (typeof text !== 'string') throw BadRequestError.forParam(partParam, `\`${partParam}\` must hold its text as a string.`);
      return withBreakpoint({ type: 'text' as const, text }, part);
    });
  }

  #userParts(content: unknown, param: string): ChatCompletionContentPart[] {
    if (!Array.isArray(content)) throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of parts.`);
    return content.map((part: unknown, index): ChatCompletionContentPart => withBreakpoint(this.#userPart(part, `${param}[${index}]`), part));
  }

  #userPart(part: unknown, partParam: string): ChatCompletionContentPart {
    {
      const typed = part as { type?: unknown; text?: unknown; image_url?: unknown; detail?: unknown; file_id?: unknown; file_data?: unknown; file_url?: unknown; filename?: unknown };
      if (typeof part !== 'object' || part === null) throw BadRequestError.forParam(partParam, `\`${partParam}\` must be an object.`);
      switch (typed.type) {
        case 'input_text':
          return { type: 'text', text: typed.text as string };
        case 'input_image': {
          if (isSet(typed.file_id)) {
            throw BadRequestError.forParam(`${partParam}.file_id`, 'File IDs refer to OpenAI\'s Files API, which Bedrock does not have; send `image_url` (a data:, https:// or s3:// URL).', 'unsupported_content');
          }
          const detail = typed.detail === 'original' ? 'high' : typed.detail;
          if (typed.detail === 'original') this.#context.unsupported(`${partParam}.detail`, 'Bedrock has no image detail setting (only "auto" is possible).');
          return { type: 'image_url', image_url: { url: typed.image_url as string, ...(isSet(detail) && typed.detail !== 'original' ? { detail: detail as 'auto' } : {}) } };
        }
        case 'input_file': {
          if (isSet(typed.file_url)) {
            throw BadRequestError.forParam(`${partParam}.file_url`, 'File URLs are not fetched; send the file as `file_data` (a data: URL).', 'unsupported_content');
          }
          return {
            type: 'file',
            file: {
              ...(typed.file_data === undefined ? {} : { file_data: typed.file_data as string }),
              ...(isSet(typed.file_id) ? { file_id: typed.file_id as string } : {}),
              ...(typed.filename === undefined ? {} : { filename: typed.filename as string }),
            },
          };
        }
        case 'input_audio':
          throw BadRequestError.forParam(partParam, `Audio input (\`${partParam}\`) is not supported: Converse takes text, images and documents.`, 'unsupported_content');
        default:
          throw BadRequestError.forParam(`${partParam}.type`, `\`${partParam}.type\` must be "input_text", "input_image" or "input_file"; got ${JSON.stringify(typed.type)}.`);
      }
    }
  }

  /** The renamer for chat's paths (see {@link ParamRenamer}). */
  renamer(): ParamRenamer {
    const paths = this.#paths;
    return (text) =>
      text
        .replace(/messages\[\d+\](?:\.[a-z_]+|\[\d+\])*/g, (path) => {
          let prefix = path;
          while (prefix !== '') {
            const target = paths.get(prefix);
            if (target !== undefined) return target + renameSuffix(path.slice(prefix.length));
            const cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf('['));
            prefix = cut <= 0 ? '' : prefix.slice(0, cut);
          }
          return path;
        })
        .replace(/`messages`/g, '`input`')
        .replace(/\bmax_completion_tokens\b|\bmax_tokens\b/g, 'max_output_tokens')
        .replace(/\bresponse_format\.json_schema\b/g, 'text.format')
        .replace(/\bresponse_format\b/g, 'text.format')
        .replace(/\breasoning_effort\b/g, 'reasoning.effort')
        .replace(/(?<![.\w])verbosity\b/g, 'text.verbosity')
        .replace(/\btools\[(\d+)\]\.function\b/g, 'tools[$1]')
        .replace(/\btool_choice\.function\.name\b/g, 'tool_choice.name')
        .replace(/\btool_choice\.allowed_tools\.tools\[(\d+)\]/g, 'tool_choice.tools[$1]')
        .replace(/\btool_choice\.allowed_tools\b/g, 'tool_choice');
  }
}

/** A chat sub-path → the Responses one (`.image_url.url` → `.image_url`, `.file.file_data` → `.file_data`, …). */
function renameSuffix(suffix: string): string {
  return suffix
    .replace(/\.image_url\.url$/, '.image_url')
    .replace(/\.image_url\.detail$/, '.detail')
    .replace(/\.file\.(file_data|file_id|filename)$/, '.$1')
    .replace(/\.file$/, '')
    .replace(/^\.function\.(arguments|name)$/, '.$1')
    .replace(/^\.tool_call_id$/, '.call_id');
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Carries OpenAI's `prompt_cache_breakpoint` of a Responses part over to the chat part, whose converter places (or
 * refuses) the cache point; never dropped.
 */
function withBreakpoint<Part extends object>(part: Part, raw: unknown): Part {
  const breakpoint = (raw as { prompt_cache_breakpoint?: unknown } | null)?.prompt_cache_breakpoint;
  return breakpoint === undefined || breakpoint === null ? part : ({ ...part, prompt_cache_breakpoint: breakpoint } as Part);
}
