/**
 * Responses `tools` and `tool_choice` → chat's (`to-chat-request.ts`). Pure. A function tool's fields move under
 * `function`; OpenAI's built-in tools (web search, file search, code interpreter, computer use, MCP, …) run on
 * OpenAI's servers and go to the unsupported-parameter handler, naming what they are.
 */
import type { ChatCompletionTool, ChatCompletionToolChoiceOption } from '../chat/types.js';
import type { UnsupportedParamHandler } from '../chat/unsupported-params.js';
import type { FunctionTool, ToolChoiceAllowed, ToolChoiceFunction } from './types.js';
import { BadRequestError } from '../core/errors.js';
import { isSet } from '../internal/is-set.js';
import { fieldSet, rejectUnknownKeys } from '../internal/known-keys.js';

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

/** The fields of a function tool: every key of our `FunctionTool`, which `test/responses/types.test-d.ts` keeps a superset of `openai`'s (6 and 7). */
const FUNCTION_TOOL_KEYS = fieldSet<FunctionTool>({
  type: true,
  name: true,
  description: true,
  parameters: true,
  strict: true,
  defer_loading: true,
  allowed_callers: true,
  output_schema: true,
  async: true,
});

export function convertTools(tools: unknown, unsupported: UnsupportedParamHandler): ChatCompletionTool[] | undefined {
  if (!isSet(tools)) return undefined;
  if (!Array.isArray(tools)) throw BadRequestError.forParam('tools', '`tools` must be an array.');
  const converted: ChatCompletionTool[] = [];
  tools.forEach((tool: unknown, index) => {
    const param = `tools[${index}]`;
    if (typeof tool !== 'object' || tool === null) throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const typed = tool as { [Key in keyof FunctionTool]?: unknown };
    if (typed.type !== 'function') {
      const what = typeof typed.type === 'string' ? BUILT_IN_TOOLS[typed.type] : undefined;
      if (what === undefined) throw BadRequestError.forParam(`${param}.type`, `\`${param}.type\` must be "function"; got ${JSON.stringify(typed.type)}.`);
      unsupported(param, `OpenAI's built-in \`${String(typed.type)}\` tool (${what}) runs on OpenAI's servers and has no Bedrock equivalent; define a function tool and run it yourself.`);
      return;
    }
    rejectUnknownKeys(typed, FUNCTION_TOOL_KEYS, param);
    if (typed.defer_loading === true) unsupported(`${param}.defer_loading`, 'Bedrock loads every tool definition with the request.');
    if (isSet(typed.allowed_callers)) {
      const callers = typed.allowed_callers;
      if (!Array.isArray(callers) || callers.some((caller) => caller !== 'direct' && caller !== 'programmatic')) {
        throw BadRequestError.forParam(`${param}.allowed_callers`, `\`${param}.allowed_callers\` must be an array of "direct" and "programmatic".`);
      }
      if (callers.includes('programmatic')) unsupported(`${param}.allowed_callers`, 'Bedrock models call tools directly only; there are no programmatic tool calls.');
    }
    if (isSet(typed.output_schema)) unsupported(`${param}.output_schema`, 'Converse tools declare their input schema only; there is no output schema to send.');
    if (typed.async === true) unsupported(`${param}.async`, 'Bedrock needs every tool result in the request that follows the call; there are no asynchronous results.');
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

/** The fields of a `tool_choice` object; `test/responses/types.test-d.ts` keeps them a superset of `openai`'s. */
const FUNCTION_CHOICE_KEYS = fieldSet<ToolChoiceFunction>({ type: true, name: true });
const ALLOWED_CHOICE_KEYS = fieldSet<ToolChoiceAllowed>({ type: true, mode: true, tools: true });

export function convertToolChoice(choice: unknown, unsupported: UnsupportedParamHandler): ChatCompletionToolChoiceOption | undefined {
  if (!isSet(choice)) return undefined;
  if (typeof choice === 'string') return choice as ChatCompletionToolChoiceOption;
  if (typeof choice !== 'object' || Array.isArray(choice)) {
    throw BadRequestError.forParam('tool_choice', '`tool_choice` must be "none", "auto", "required" or an object.');
  }
  const typed = choice as { type?: unknown; name?: unknown; mode?: unknown; tools?: unknown };
  if (typed.type === 'function') {
    rejectUnknownKeys(typed, FUNCTION_CHOICE_KEYS, 'tool_choice');
    return { type: 'function', function: { name: typed.name as string } };
  }
  if (typed.type === 'allowed_tools') {
    rejectUnknownKeys(typed, ALLOWED_CHOICE_KEYS, 'tool_choice');
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

