/**
 * The `Response` object the event mapper (`stream-events.ts`) gives and stores: the request's echo, the outcome
 * (status, output items, `output_text`, `incomplete_details`), usage in OpenAI's shape, and the copies of output
 * items events carry. Pure.
 */
import type { TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import { convertUsage } from '../chat/usage.js';
import type { ResponseEventContext } from './stream-events.js';
import type { BedrockResponsesInfo, FunctionTool, Response, ResponseCreateParamsBase, ResponseOutputItem, ResponseUsage } from './types.js';

/** The fields of a `Response` that echo the request (everything but the outcome). */
export type ResponseEcho = Omit<
  Response,
  'id' | 'object' | 'created_at' | 'model' | 'output' | 'output_text' | 'status' | 'error' | 'incomplete_details' | 'usage' | 'completed_at' | 'bedrock'
>;

/** OpenAI's `ResponseUsage` from Bedrock's (chat's convention: input counts cache reads and writes). */
export function convertResponseUsage(usage: TokenUsage | undefined): ResponseUsage {
  const converted = convertUsage(usage);
  return {
    input_tokens: converted.prompt_tokens,
    input_tokens_details: {
      cached_tokens: converted.prompt_tokens_details?.cached_tokens ?? 0,
      cache_write_tokens: converted.prompt_tokens_details?.cache_write_tokens ?? 0,
    },
    output_tokens: converted.completion_tokens,
    // Bedrock counts reasoning inside `outputTokens` and reports no split.
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: converted.total_tokens,
  };
}

export function buildResponse(
  context: ResponseEventContext,
  outcome: {
    status: NonNullable<Response['status']>;
    output: ResponseOutputItem[];
    usage: ResponseUsage | undefined;
    incomplete: 'max_output_tokens' | 'content_filter' | undefined;
    bedrock: BedrockResponsesInfo | undefined;
  },
): Response {
  let outputText = '';
  for (const item of outcome.output) {
    if (item.type !== 'message') continue;
    for (const part of item.content) if (part.type === 'output_text') outputText += part.text;
  }
  return {
    id: context.id,
    object: 'response',
    created_at: context.createdAt,
    status: outcome.status,
    ...(outcome.status === 'completed' ? { completed_at: Math.floor(Date.now() / 1000) } : {}),
    error: null,
    incomplete_details: outcome.incomplete === undefined ? null : { reason: outcome.incomplete },
    model: context.model,
    output: [...outcome.output],
    output_text: outputText,
    ...context.echo,
    ...(outcome.usage === undefined ? {} : { usage: outcome.usage }),
    ...(outcome.bedrock === undefined ? {} : { bedrock: outcome.bedrock }),
  };
}

/** A copy of an output item deep enough that appending to the original (text, parts, arguments) leaves it as it is. */
export function cloneItem(item: ResponseOutputItem): ResponseOutputItem {
  switch (item.type) {
    case 'message':
      return { ...item, content: item.content.map((part) => (part.type === 'output_text' ? { ...part, annotations: [...part.annotations] } : { ...part })) };
    case 'reasoning':
      return { ...item, summary: item.summary.map((part) => ({ ...part })), ...(item.content === undefined ? {} : { content: item.content.map((part) => ({ ...part })) }) };
    case 'function_call':
      return { ...item };
    default: {
      const exhaustive: never = item;
      return exhaustive;
    }
  }
}

/** The fields of the response that echo the request. */
export function echoOf(params: ResponseCreateParamsBase): ResponseEcho {
  const tools: FunctionTool[] = [];
  for (const tool of params.tools ?? []) {
    if (tool.type !== 'function') continue;
    const fn = tool as FunctionTool;
    tools.push({ type: 'function', name: fn.name, description: fn.description ?? null, parameters: fn.parameters ?? null, strict: fn.strict ?? null });
  }
  const choice = params.tool_choice;
  const toolChoice: ResponseEcho['tool_choice'] =
    choice === undefined || choice === null || (typeof choice === 'object' && choice.type !== 'function' && choice.type !== 'allowed_tools')
      ? 'auto'
      : (choice as ResponseEcho['tool_choice']);
  const echo: ResponseEcho = {
    instructions: params.instructions ?? null,
    metadata: params.metadata ?? {},
    parallel_tool_calls: params.parallel_tool_calls ?? true,
    temperature: params.temperature ?? null,
    top_p: params.top_p ?? null,
    tool_choice: toolChoice,
    tools,
    background: false,
    max_output_tokens: params.max_output_tokens ?? null,
    previous_response_id: params.previous_response_id ?? null,
    reasoning: { effort: params.reasoning?.effort ?? null, summary: params.reasoning?.summary ?? params.reasoning?.generate_summary ?? null },
    service_tier: params.service_tier ?? 'auto',
    store: params.store !== false,
    text: { format: params.text?.format ?? { type: 'text' }, ...(params.text?.verbosity === undefined ? {} : { verbosity: params.text.verbosity }) },
    truncation: params.truncation ?? 'disabled',
  };
  if (params.user !== undefined) echo.user = params.user;
  if (params.safety_identifier !== undefined && params.safety_identifier !== null) echo.safety_identifier = params.safety_identifier;
  if (params.max_tool_calls !== undefined && params.max_tool_calls !== null) echo.max_tool_calls = params.max_tool_calls;
  return echo;
}
