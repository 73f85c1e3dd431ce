/**
 * A Converse response → an OpenAI `ChatCompletion`: one choice; text blocks joined into `content`; `toolUse`
 * blocks as `tool_calls` (IDs kept, names mapped back to the user's); the stop reason mapped to `finish_reason`
 * (malformed output is thrown, not returned) and kept raw under `bedrock.stop_reason`; usage in OpenAI's convention.
 */
import type { ContentBlock, ConverseResponse } from '@aws-sdk/client-bedrock-runtime';
import { APIError } from '../core/errors.js';
import { toFinishReason } from './finish-reason.js';
import { fromBedrockName, type NameMap } from './tool-names.js';
import type { BedrockResponseInfo, ChatCompletion, ChatCompletionMessage, ChatCompletionMessageFunctionToolCall } from './types.js';
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
  const finishReason = toFinishReason(response.stopReason, context.requestId);
  const message = convertContentBlocks(blocks, context);
  const bedrock: BedrockResponseInfo = { stop_reason: response.stopReason! };
  const tier = response.serviceTier?.type;
  if (tier !== undefined) bedrock.service_tier = tier;
  if (response.metrics?.latencyMs !== undefined) bedrock.latency_ms = response.metrics.latencyMs;
  if (response.additionalModelResponseFields !== undefined) bedrock.additional_model_response_fields = response.additionalModelResponseFields;
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

function convertContentBlocks(blocks: ContentBlock[], context: ResponseContext): ChatCompletionMessage {
  let text = '';
  let reasoning = '';
  const toolCalls: ChatCompletionMessageFunctionToolCall[] = [];
  for (const block of blocks) {
    if (block.text !== undefined) text += block.text;
    else if (block.toolUse !== undefined) {
      toolCalls.push({
        id: fromBedrockName(context.toolCallIds, block.toolUse.toolUseId ?? ''),
        type: 'function',
        function: {
          name: fromBedrockName(context.toolNames, block.toolUse.name ?? ''),
          arguments: JSON.stringify(block.toolUse.input ?? {}),
        },
      });
    } else if (block.reasoningContent?.reasoningText?.text !== undefined) reasoning += block.reasoningContent.reasoningText.text;
    else if (block.citationsContent?.content !== undefined) {
      for (const part of block.citationsContent.content) text += part.text ?? '';
    }
  }
  const message: ChatCompletionMessage = {
    role: 'assistant',
    // No text at all is `null` (as the concatenated deltas of the same stream give).
    content: text === '' ? null : text,
    refusal: null,
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (reasoning !== '') message.reasoning_content = reasoning;
  return message;
}
