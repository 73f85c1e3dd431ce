/**
 * OpenAI's legacy function calling (deprecated, still served by OpenAI, used by older `openai` examples and
 * LangChain's function agents) on top of tools:
 *
 * | legacy | mapped to |
 * |---|---|
 * | `functions: [{ name, description?, parameters? }]` | `tools: [{ type: 'function', function }]` |
 * | `function_call: 'none' \| 'auto' \| { name }` | `tool_choice: 'none' \| 'auto' \| { type: 'function', function: { name } }` |
 * | assistant `function_call: { name, arguments }` in the history | a `toolUse` block with a synthesized ID ({@link legacyCallId}) |
 * | a `function` message (`{ role: 'function', name, content }`) | the `toolResult` of the unanswered `function_call` of that name |
 * | the answer's tool call | `message.function_call`, `finish_reason: 'function_call'`, streamed as `delta.function_call` |
 *
 * Bedrock cannot stop a model from calling several tools at once: when it does, the first call is the
 * `function_call` and the others are in `tool_calls` (streamed as `tool_calls` deltas, `index` from 0), so none is
 * lost. Sending both `functions` and `tools` (or `function_call` and `tool_choice`) is a `BadRequestError` naming the
 * legacy field.
 */
import { BadRequestError } from '../core/errors.js';
import type { ChatCompletionFunctionTool, ChatCompletionMessageFunctionToolCall, ChatCompletionToolChoiceOption } from './types.js';
import { isSet } from '../internal/is-set.js';

/** What the legacy fields became: the tools and tool choice to use instead. */
export interface LegacyFunctions {
  tools: ChatCompletionFunctionTool[];
  toolChoice: ChatCompletionToolChoiceOption | undefined;
}

/**
 * Reads `functions` and `function_call`: `undefined` when neither is set; otherwise their tool equivalents
 * (see the module comment). Throws a `BadRequestError` naming the field for a malformed value or a mix with
 * `tools`/`tool_choice`.
 */
export function readLegacyFunctions(body: { functions?: unknown; function_call?: unknown; tools?: unknown; tool_choice?: unknown }): LegacyFunctions | undefined {
  const { functions, function_call: functionCall } = body;
  if (!isSet(functions)) {
    if (isSet(functionCall)) throw BadRequestError.forParam('function_call', '`function_call` is only allowed when `functions` are given.');
    return undefined;
  }
  if (isSet(body.tools)) {
    throw BadRequestError.forParam('functions', 'Send either `tools` or the legacy `functions`, not both (`functions` is the deprecated form of `tools`).');
  }
  if (isSet(functionCall) && isSet(body.tool_choice)) {
    throw BadRequestError.forParam('function_call', 'Send either `tool_choice` or the legacy `function_call`, not both.');
  }
  if (!Array.isArray(functions) || functions.length === 0) throw BadRequestError.forParam('functions', '`functions` must be a non-empty array.');
  const tools = functions.map((definition: unknown, index): ChatCompletionFunctionTool => {
    const param = `functions[${index}]`;
    if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const { name, description, parameters, ...rest } = definition as { name?: unknown; description?: unknown; parameters?: unknown };
    const unknown = Object.keys(rest).find((key) => (rest as Record<string, unknown>)[key] !== undefined);
    if (unknown !== undefined) throw BadRequestError.forParam(`${param}.${unknown}`, `Unrecognized field \`${param}.${unknown}\` (a function has name, description and parameters).`, 'unknown_parameter');
    if (typeof name !== 'string' || name === '') throw BadRequestError.forParam(`${param}.name`, `\`${param}.name\` must be a non-empty string.`);
    if (description !== undefined && typeof description !== 'string') throw BadRequestError.forParam(`${param}.description`, `\`${param}.description\` must be a string.`);
    if (parameters !== undefined && (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))) {
      throw BadRequestError.forParam(`${param}.parameters`, `\`${param}.parameters\` must be a JSON Schema object.`);
    }
    functions.slice(0, index).forEach((earlier: { name?: unknown }) => {
      if (earlier.name === name) throw BadRequestError.forParam(`${param}.name`, `Function name \`${name}\` is used by two functions.`);
    });
    return {
      type: 'function',
      function: {
        name,
        ...(description === undefined ? {} : { description }),
        ...(parameters === undefined ? {} : { parameters: parameters as Record<string, unknown> }),
      },
    };
  });
  return { tools, toolChoice: readFunctionCall(functionCall, tools) };
}

function readFunctionCall(value: unknown, tools: ChatCompletionFunctionTool[]): ChatCompletionToolChoiceOption | undefined {
  if (!isSet(value)) return undefined;
  if (value === 'none' || value === 'auto') return value;
  const name = typeof value === 'object' && !Array.isArray(value) ? (value as { name?: unknown }).name : undefined;
  if (typeof name !== 'string' || name === '') {
    throw BadRequestError.forParam('function_call', `\`function_call\` must be "none", "auto" or \`{ name }\`; got ${JSON.stringify(value)}.`);
  }
  if (!tools.some((tool) => tool.function.name === name)) {
    throw BadRequestError.forParam('function_call.name', `\`function_call\` names \`${name}\`, which is not in \`functions\`.`);
  }
  return { type: 'function', function: { name } };
}

/**
 * The tool-use ID given to the legacy `function_call` of `messages[messageIndex]` (the legacy shape has none):
 * the same for the same history, so a replayed conversation stays byte-identical (prompt caching).
 */
export function legacyCallId(messageIndex: number): string {
  return `legacy_function_call_${messageIndex}`;
}

/**
 * The tool calls of an answer in the legacy shape: the first as `function_call`, any others as `tool_calls`.
 */
export function toLegacyShape(toolCalls: ChatCompletionMessageFunctionToolCall[]): {
  function_call?: { name: string; arguments: string };
  tool_calls?: ChatCompletionMessageFunctionToolCall[];
} {
  const [first, ...others] = toolCalls;
  if (first === undefined) return {};
  return { function_call: { name: first.function.name, arguments: first.function.arguments }, ...(others.length === 0 ? {} : { tool_calls: others }) };
}
