/**
 * A Converse response → an OpenAI `ChatCompletion`: one choice; text blocks joined into `content` (the text of
 * `citationsContent` blocks too, their citations as `annotations`, `citations.ts`); `toolUse`
 * blocks as `tool_calls` (IDs kept, names mapped back to the user's); reasoning blocks as `reasoning_content` (their
 * text) and `reasoning_details` (with signatures and redacted data, to replay); the stop reason mapped to
 * `finish_reason` (malformed output is thrown, not returned) and kept raw under `bedrock.stop_reason`, with
 * Bedrock's `trace` (guardrail assessments) and cache details; usage in OpenAI's convention.
 *
 * With the legacy `functions`, the tool call is `function_call` and its stop `finish_reason: 'function_call'`
 * (`legacy-functions.ts`). With `response_format` served by a forced tool, that tool's input is the `content` (the text beside it is
 * left out) and its `tool_use` stop is `finish_reason: 'stop'`. In every JSON mode the content is checked to be JSON.
 */
import type { ContentBlock, ConverseResponse, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import { APIError } from '../core/errors.js';
import { toAnnotation } from './citations.js';
import { toFinishReason } from './finish-reason.js';
import { toLegacyShape } from './legacy-functions.js';
import { toReasoningDetail } from './reasoning.js';
import { checkJsonOutput, type StructuredOutputPlan } from './structured-output.js';
import { fromBedrockName, type NameMap } from './tool-names.js';
import type {
  BedrockResponseInfo,
  ChatCompletion,
  ChatCompletionAnnotation,
  ChatCompletionFinishReason,
  ChatCompletionMessage,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionReasoningDetail,
} from './types.js';
import { type CostFunction, convertUsage } from './usage.js';

export interface ResponseContext {
  /** The completion ID (`chatcmpl-…`). */
  id: string;
  /** The Bedrock model or profile ID called. */
  model: string;
  /** Unix seconds. */
  created: number;
  toolNames: NameMap;
  toolCallIds: NameMap;
  requestId: string | null;
  cost?: CostFunction | undefined;
  /** How `response_format` was served, when it asked for JSON. */
  structuredOutput?: StructuredOutputPlan | undefined;
  /** The request used the legacy `functions`: answer with `function_call` and `finish_reason: 'function_call'`. */
  legacyFunctions?: boolean | undefined;
}

/** The completion ID for a request: `chatcmpl-` and Bedrock's request ID (random when there is none). */
export function createCompletionId(requestId: string | null): string {
  return `chatcmpl-${requestId ?? crypto.randomUUID()}`;
}

/** OpenAI's `service_tier` for Bedrock's, where OpenAI has the same tier. */
export function toOpenAIServiceTier(tier: string | undefined): 'default' | 'flex' | 'priority' | undefined {
  return tier === 'default' || tier === 'flex' || tier === 'priority' ? tier : undefined;
}

/** Converts a Converse response (see the module comment). */
export function convertFromConverseResponse(response: Omit<ConverseResponse, never>, context: ResponseContext): ChatCompletion {
  const blocks = response.output?.message?.content;
  if (blocks === undefined) {
    throw new APIError(502, 'Bedrock returned a Converse response without a message.', { code: 'invalid_response', requestID: context.requestId });
  }
  const message = convertContentBlocks(blocks, context);
  const finishReason = mapLegacyStop(mapJsonToolStop(toFinishReason(response.stopReason, context.requestId), context.structuredOutput), context.legacyFunctions);
  if (context.structuredOutput !== undefined) checkJsonOutput(message.content, finishReason, context.requestId);
  const bedrock: BedrockResponseInfo = { stop_reason: response.stopReason! };
  const tier = response.serviceTier?.type;
  if (tier !== undefined) bedrock.service_tier = tier;
  if (response.metrics?.latencyMs !== undefined) bedrock.latency_ms = response.metrics.latencyMs;
  if (response.additionalModelResponseFields !== undefined) bedrock.additional_model_response_fields = response.additionalModelResponseFields;
  if (response.trace !== undefined) bedrock.trace = response.trace as Record<string, unknown>;
  if (response.performanceConfig?.latency !== undefined) bedrock.performance_config = { latency: response.performanceConfig.latency };
  const cacheDetails = convertCacheDetails(response.usage);
  if (cacheDetails !== undefined) bedrock.cache_details = cacheDetails;
  const serviceTier = toOpenAIServiceTier(tier);
  return {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
    usage: convertUsage(response.usage, context.cost),
    ...(serviceTier === undefined ? {} : { service_tier: serviceTier }),
    bedrock,
  };
}

/** The `tool_use` stop of a forced JSON tool is a normal finish: the JSON is the answer. */
export function mapJsonToolStop(finishReason: ChatCompletionFinishReason, structuredOutput: StructuredOutputPlan | undefined): ChatCompletionFinishReason {
  return finishReason === 'tool_calls' && structuredOutput?.mode.via === 'tool' ? 'stop' : finishReason;
}

/** The member set in a union value (the SDK's `$unknown: [name, value]` gives the name Bedrock used). */
export function unionKind(value: object): string {
  const entries = Object.entries(value).filter(([, member]) => member !== undefined);
  const unknown = entries.find(([key]) => key === '$unknown')?.[1] as [string, unknown] | undefined;
  return unknown?.[0] ?? entries[0]?.[0] ?? 'empty';
}

/**
 * An answer content block this library does not map (an `image`, a server-side `toolResult`, a `searchResult`, a
 * block kind newer than the SDK): nothing it sends asks for one, and dropping it would lose part of the answer.
 */
export function unmappedContent(kind: string, requestId: string | null): APIError {
  return new APIError(502, `Bedrock answered with a \`${kind}\` content block, which chat completions cannot carry (nothing this library sends asks for one); use the AWS SDK directly for this model or feature.`, {
    code: 'unsupported_response_content',
    requestID: requestId,
  });
}

/** With the legacy `functions`, a tool-use stop is `finish_reason: 'function_call'`. */
export function mapLegacyStop(finishReason: ChatCompletionFinishReason, legacyFunctions: boolean | undefined): ChatCompletionFinishReason {
  return finishReason === 'tool_calls' && legacyFunctions === true ? 'function_call' : finishReason;
}

/** Bedrock's `usage.cacheDetails` (cache writes by TTL) in snake case, when reported. */
export function convertCacheDetails(usage: TokenUsage | undefined): Array<{ ttl: string; input_tokens: number }> | undefined {
  const details = usage?.cacheDetails;
  if (details === undefined || details.length === 0) return undefined;
  return details.map((detail) => ({ ttl: detail.ttl ?? '5m', input_tokens: detail.inputTokens ?? 0 }));
}

function convertContentBlocks(blocks: ContentBlock[], context: ResponseContext): ChatCompletionMessage {
  let text = '';
  let json: string | undefined;
  let reasoning = '';
  const details: ChatCompletionReasoningDetail[] = [];
  const toolCalls: ChatCompletionMessageFunctionToolCall[] = [];
  const annotations: ChatCompletionAnnotation[] = [];
  const jsonTool = context.structuredOutput?.mode.via === 'tool' ? context.structuredOutput.mode.toolName : undefined;
  for (const block of blocks) {
    if (block.text !== undefined) text += block.text;
    else if (block.toolUse !== undefined && jsonTool !== undefined && block.toolUse.name === jsonTool) {
      json = (json ?? '') + JSON.stringify(block.toolUse.input ?? {});
    } else if (block.toolUse !== undefined) {
      toolCalls.push({
        id: fromBedrockName(context.toolCallIds, block.toolUse.toolUseId ?? ''),
        type: 'function',
        function: {
          name: fromBedrockName(context.toolNames, block.toolUse.name ?? ''),
          arguments: JSON.stringify(block.toolUse.input ?? {}),
        },
      });
    } else if (block.reasoningContent !== undefined) {
      const detail = toReasoningDetail(block.reasoningContent);
      if (detail === undefined) continue;
      details.push(detail);
      if (detail.type === 'reasoning.text') reasoning += detail.text;
    } else if (block.citationsContent !== undefined) {
      const start = text.length;
      for (const part of block.citationsContent.content ?? []) text += part.text ?? '';
      for (const citation of block.citationsContent.citations ?? []) annotations.push(toAnnotation(citation, start, text.length));
    } else if (block.cachePoint === undefined) {
      throw unmappedContent(unionKind(block), context.requestId);
    }
  }
  // In the forced-tool JSON mode the tool's input is the answer; text beside it would make it invalid JSON. Without
  // a JSON tool call (a guardrail's answer, say) the text is the content.
  const content = json !== undefined ? json : text === '' ? null : text;
  const message: ChatCompletionMessage = {
    role: 'assistant',
    // No text at all is `null` (as the concatenated deltas of the same stream give).
    content,
    refusal: null,
  };
  if (toolCalls.length > 0) Object.assign(message, context.legacyFunctions === true ? toLegacyShape(toolCalls) : { tool_calls: toolCalls });
  // In the forced-tool JSON mode the text is not the content, so its citations point nowhere.
  if (annotations.length > 0 && json === undefined) message.annotations = annotations;
  if (reasoning !== '') message.reasoning_content = reasoning;
  if (details.length > 0) message.reasoning_details = details;
  return message;
}
