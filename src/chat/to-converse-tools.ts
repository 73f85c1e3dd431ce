/**
 * OpenAI `tools`, `tool_choice` and `parallel_tool_calls` → a Converse `toolConfig`, and the tool names and tool-call
 * IDs a conversation's history uses (for the request's name maps, `tool-names.ts`):
 *
 * | OpenAI | Converse |
 * |---|---|
 * | `tools` (+ `strict`, `cache_control`) | `toolConfig.tools[].toolSpec` (+ a `cachePoint` after it) |
 * | `tool_choice` `auto` / `required` / `{function}` | `toolChoice` `auto` / `any` / `tool` |
 * | `tool_choice` `allowed_tools` | the tools narrowed to those named; `toolChoice` `auto` / `any` |
 * | `tool_choice: 'none'` | no `toolChoice`; `toolConfig` only when the history holds tool blocks |
 *
 * Bedrock rejects tool blocks without a `toolConfig`: a history holding them gets one even without `tools`.
 * Custom (free-form) tools and `parallel_tool_calls: false` go to the unsupported-parameter handler; anything else
 * invalid fails with a `BadRequestError` naming the field.
 */
import type { ConverseCommandInput, Tool, ToolChoice, ToolConfiguration } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';
import { type CachePointUse, createCachePoint, readCacheControl } from './cache-points.js';
import type { ConvertRequestContext, RequestFeatures } from './to-converse-request.js';
import { fieldSet, rejectUnknownKeys } from '../internal/known-keys.js';
import { type NameMap, toBedrockName } from './tool-names.js';
import type {
  ChatCompletionAllowedToolChoice,
  ChatCompletionCreateParamsBase,
  ChatCompletionFunctionTool,
  ChatCompletionNamedToolChoice,
  FunctionDefinition,
} from './types.js';

/** The fields of a function tool and of its `function`: every key of our types, which `test/chat/types.test-d.ts` keeps a superset of `openai`'s. */
const TOOL_KEYS = fieldSet<ChatCompletionFunctionTool>({ type: true, function: true, cache_control: true });
const FUNCTION_KEYS = fieldSet<FunctionDefinition>({ name: true, description: true, parameters: true, strict: true });

/** `tools`: the function tools, validated (a custom tool goes to the unsupported-parameter handler). */
export function readTools(body: ChatCompletionCreateParamsBase, context: ConvertRequestContext): ChatCompletionFunctionTool[] {
  const tools = body.tools;
  if (tools === undefined || tools === null) return [];
  if (!Array.isArray(tools)) throw BadRequestError.forParam('tools', '`tools` must be an array.');
  const seen = new Set<string>();
  const functionTools: ChatCompletionFunctionTool[] = [];
  tools.forEach((tool: unknown, index) => {
    const param = `tools[${index}]`;
    const typed = tool as { type?: unknown; function?: { name?: unknown; description?: unknown; parameters?: unknown; strict?: unknown } };
    if (typeof tool !== 'object' || tool === null) throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    if (typed.type === 'custom') {
      context.unsupported(param, 'Bedrock has no custom (free-form) tools; use function tools.');
      return;
    }
    if (typed.type !== 'function') throw BadRequestError.forParam(`${param}.type`, `\`${param}.type\` must be "function".`);
    rejectUnknownKeys(tool, TOOL_KEYS, param);
    const definition = typed.function;
    if (typeof definition !== 'object' || definition === null) throw BadRequestError.forParam(`${param}.function`, `\`${param}.function\` must be an object.`);
    rejectUnknownKeys(definition, FUNCTION_KEYS, `${param}.function`);
    const name = definition.name;
    if (typeof name !== 'string' || name === '') throw BadRequestError.forParam(`${param}.function.name`, `\`${param}.function.name\` must be a non-empty string.`);
    if (seen.has(name)) throw BadRequestError.forParam(`${param}.function.name`, `Tool name \`${name}\` is used by two tools.`);
    seen.add(name);
    if (definition.description !== undefined && typeof definition.description !== 'string') {
      throw BadRequestError.forParam(`${param}.function.description`, `\`${param}.function.description\` must be a string.`);
    }
    const parameters = definition.parameters;
    if (parameters !== undefined && (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))) {
      throw BadRequestError.forParam(`${param}.function.parameters`, `\`${param}.function.parameters\` must be a JSON Schema object.`);
    }
    const strict = definition.strict;
    if (strict !== undefined && strict !== null && typeof strict !== 'boolean') {
      throw BadRequestError.forParam(`${param}.function.strict`, `\`${param}.function.strict\` must be a boolean.`);
    }
    functionTools.push(tool as ChatCompletionFunctionTool);
  });
  return functionTools;
}

/** What `tool_choice` asks for, before the tools are known as Bedrock names. */
export type ToolChoicePlan =
  | { kind: 'unset' }
  | { kind: 'none' }
  | { kind: 'auto' }
  | { kind: 'any' }
  | { kind: 'tool'; name: string }
  | { kind: 'allowed'; mode: 'auto' | 'any'; names: Set<string> };

/** The fields of a `tool_choice` object; `test/chat/types.test-d.ts` keeps them a superset of `openai`'s. */
const NAMED_CHOICE_KEYS = fieldSet<ChatCompletionNamedToolChoice>({ type: true, function: true });
const NAME_KEYS = fieldSet<ChatCompletionNamedToolChoice['function']>({ name: true });
const ALLOWED_CHOICE_KEYS = fieldSet<ChatCompletionAllowedToolChoice>({ type: true, allowed_tools: true });
const ALLOWED_TOOLS_KEYS = fieldSet<ChatCompletionAllowedToolChoice['allowed_tools']>({ mode: true, tools: true });

/** `tool_choice` → what it asks for; a tool it names must be one of `tools`. */
export function readToolChoice(body: ChatCompletionCreateParamsBase, tools: ChatCompletionFunctionTool[], context: ConvertRequestContext): ToolChoicePlan {
  const choice = body.tool_choice;
  if (choice === undefined || choice === null) return { kind: 'unset' };
  const names = new Set(tools.map((tool) => tool.function.name));
  const requireTools = (): void => {
    if (tools.length === 0) throw BadRequestError.forParam('tool_choice', '`tool_choice` is only allowed when `tools` are given.');
  };
  if (choice === 'none') return { kind: 'none' };
  if (choice === 'auto') return { kind: 'auto' };
  if (choice === 'required') {
    requireTools();
    return { kind: 'any' };
  }
  if (typeof choice !== 'object') {
    throw BadRequestError.forParam('tool_choice', `\`tool_choice\` must be "none", "auto", "required" or an object; got ${JSON.stringify(choice)}.`);
  }
  switch (choice.type) {
    case 'function': {
      rejectUnknownKeys(choice, NAMED_CHOICE_KEYS, 'tool_choice');
      if (typeof choice.function === 'object' && choice.function !== null) rejectUnknownKeys(choice.function, NAME_KEYS, 'tool_choice.function');
      const name = choice.function?.name;
      if (typeof name !== 'string' || name === '') throw BadRequestError.forParam('tool_choice.function.name', '`tool_choice.function.name` must be a non-empty string.');
      requireTools();
      if (!names.has(name)) throw BadRequestError.forParam('tool_choice.function.name', `\`tool_choice\` names \`${name}\`, which is not in \`tools\`.`);
      return { kind: 'tool', name };
    }
    case 'allowed_tools': {
      requireTools();
      rejectUnknownKeys(choice, ALLOWED_CHOICE_KEYS, 'tool_choice');
      const allowed = choice.allowed_tools;
      if (typeof allowed === 'object' && allowed !== null) rejectUnknownKeys(allowed, ALLOWED_TOOLS_KEYS, 'tool_choice.allowed_tools');
      const mode = allowed?.mode;
      if (mode !== 'auto' && mode !== 'required') throw BadRequestError.forParam('tool_choice.allowed_tools.mode', '`tool_choice.allowed_tools.mode` must be "auto" or "required".');
      if (!Array.isArray(allowed.tools) || allowed.tools.length === 0) {
        throw BadRequestError.forParam('tool_choice.allowed_tools.tools', '`tool_choice.allowed_tools.tools` must be a non-empty array.');
      }
      const allowedNames = new Set<string>();
      allowed.tools.forEach((entry, index) => {
        const param = `tool_choice.allowed_tools.tools[${index}]`;
        const name = (entry as { type?: unknown; function?: { name?: unknown } }).function?.name;
        if ((entry as { type?: unknown }).type !== 'function' || typeof name !== 'string') {
          throw BadRequestError.forParam(param, `\`${param}\` must be \`{ type: 'function', function: { name } }\`.`);
        }
        if (!names.has(name)) throw BadRequestError.forParam(param, `\`${param}\` names \`${name}\`, which is not in \`tools\`.`);
        allowedNames.add(name);
      });
      return { kind: 'allowed', mode: mode === 'required' ? 'any' : 'auto', names: allowedNames };
    }
    case 'custom':
      context.unsupported('tool_choice', 'Bedrock has no custom (free-form) tools.');
      return { kind: 'unset' };
    default:
      throw BadRequestError.forParam('tool_choice.type', '`tool_choice.type` must be "function" or "allowed_tools".');
  }
}

/** `parallel_tool_calls`: only `true` (Converse's behaviour) is possible. */
export function readParallelToolCalls(body: ChatCompletionCreateParamsBase, context: ConvertRequestContext): void {
  const value = body.parallel_tool_calls;
  if (value === undefined || value === null || value === true) return;
  if (value !== false) throw BadRequestError.forParam('parallel_tool_calls', '`parallel_tool_calls` must be a boolean.');
  context.unsupported('parallel_tool_calls', 'Converse has no switch that stops a model from calling several tools at once (only `true` is possible).');
}

/** The tool names the history's tool calls and legacy function calls use (they need Bedrock names too). */
export function historyToolNames(messages: unknown): string[] {
  const names: string[] = [];
  if (!Array.isArray(messages)) return names;
  for (const message of messages as { role?: unknown; tool_calls?: unknown; function_call?: { name?: unknown } | null; name?: unknown }[]) {
    const legacyName = message?.role === 'assistant' ? message.function_call?.name : message?.role === 'function' ? message.name : undefined;
    if (typeof legacyName === 'string' && legacyName !== '') names.push(legacyName);
    if (message?.role !== 'assistant' || !Array.isArray(message.tool_calls)) continue;
    for (const call of message.tool_calls as { function?: { name?: unknown } }[]) {
      const name = call?.function?.name;
      if (typeof name === 'string' && name !== '') names.push(name);
    }
  }
  return names;
}

/** The tool-call IDs the history's tool calls and tool messages use. */
export function historyToolCallIds(messages: unknown): string[] {
  const ids: string[] = [];
  if (!Array.isArray(messages)) return ids;
  for (const message of messages as { role?: unknown; tool_calls?: unknown; tool_call_id?: unknown }[]) {
    if (message?.role === 'assistant' && Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls as { id?: unknown }[]) if (typeof call?.id === 'string' && call.id !== '') ids.push(call.id);
    }
    if (message?.role === 'tool' && typeof message.tool_call_id === 'string' && message.tool_call_id !== '') ids.push(message.tool_call_id);
  }
  return ids;
}

const EMPTY_SCHEMA = { type: 'object', properties: {} };

function toToolSpec(tool: ChatCompletionFunctionTool, toolNames: NameMap): Tool {
  const definition = tool.function;
  return {
    toolSpec: {
      name: toBedrockName(toolNames, definition.name),
      // Bedrock requires a non-empty description when one is sent; an empty one says nothing, so it is left out.
      ...(definition.description === undefined || definition.description === '' ? {} : { description: definition.description }),
      inputSchema: { json: (definition.parameters ?? EMPTY_SCHEMA) as never },
      ...(typeof definition.strict === 'boolean' ? { strict: definition.strict } : {}),
    },
  };
}

/**
 * The `toolConfig`: the tools (narrowed by `allowed_tools`), and the tool choice. Bedrock rejects `toolUse` and
 * `toolResult` blocks without a `toolConfig`, so when the history holds tool blocks a `toolConfig` is always sent:
 * with the request's tools, or, when the request has none, with a stand-in definition (an open object schema) for
 * each tool the history calls.
 */
export function buildToolConfig(
  tools: ChatCompletionFunctionTool[],
  choice: ToolChoicePlan,
  toolNames: NameMap,
  messages: NonNullable<ConverseCommandInput['messages']>,
  features: RequestFeatures,
  cachePoints: CachePointUse[],
): ToolConfiguration | undefined {
  const historyHasToolBlocks = features.toolBlocks !== undefined;
  let specs: Tool[] = [];
  tools.forEach((tool, index) => {
    if (choice.kind === 'allowed' && !choice.names.has(tool.function.name)) return;
    specs.push(toToolSpec(tool, toolNames));
    const use = readCacheControl(tool.cache_control, `tools[${index}].cache_control`);
    if (use !== undefined && choice.kind !== 'none') {
      specs.push(createCachePoint(use.ttl));
      cachePoints.push({ ...use, tools: true });
    }
  });
  if (choice.kind === 'none' && !historyHasToolBlocks) return undefined;
  if (specs.length === 0) {
    if (!historyHasToolBlocks) return undefined;
    specs = standInTools(messages);
  } else {
    features.tools = 'tools';
  }
  let toolChoice: ToolChoice | undefined;
  switch (choice.kind) {
    case 'unset':
    case 'none':
      break;
    case 'auto':
      toolChoice = { auto: {} };
      break;
    case 'any':
      toolChoice = { any: {} };
      break;
    case 'tool':
      toolChoice = { tool: { name: toBedrockName(toolNames, choice.name) } };
      break;
    case 'allowed':
      toolChoice = choice.mode === 'any' ? { any: {} } : { auto: {} };
      break;
    default: {
      const exhaustive: never = choice;
      throw new Error(`Unhandled tool choice ${JSON.stringify(exhaustive)}`);
    }
  }
  if (toolChoice !== undefined) {
    features.toolChoice = { param: 'tool_choice', value: toolChoice.auto !== undefined ? 'auto' : toolChoice.any !== undefined ? 'any' : 'tool' };
  }
  return { tools: specs, ...(toolChoice === undefined ? {} : { toolChoice }) };
}

function standInTools(messages: NonNullable<ConverseCommandInput['messages']>): Tool[] {
  const names = new Set<string>();
  for (const message of messages) {
    for (const block of message.content ?? []) if (block.toolUse?.name !== undefined) names.add(block.toolUse.name);
  }
  return [...names].map((name) => ({
    toolSpec: { name, description: 'A tool called earlier in this conversation.', inputSchema: { json: { type: 'object' } as never } },
  }));
}
