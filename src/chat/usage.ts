/**
 * Bedrock `TokenUsage` → OpenAI `usage`, shared by the streaming and non-streaming paths. OpenAI's convention:
 * `prompt_tokens` counts every input token, cache reads and writes included (Bedrock's `inputTokens` counts neither);
 * `prompt_tokens_details.cached_tokens` is the cache reads; the cache writes get their own field,
 * `prompt_tokens_details.cache_write_tokens`. `total_tokens` = prompt + completion.
 */
import type { TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import type { CompletionUsage } from './types.js';

/** The token counts a cost is computed from. */
export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/** Computes a cost in USD from token counts, or `undefined` when prices are unknown. */
export type CostFunction = (counts: TokenCounts) => number | undefined;

/** Converts Bedrock usage (see the module comment). `cost`, when given and it knows the prices, fills `usage.cost`. */
export function convertUsage(usage: TokenUsage | undefined, cost?: CostFunction): CompletionUsage {
  const counts: TokenCounts = {
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cacheReadTokens: usage?.cacheReadInputTokens ?? 0,
    cacheWriteTokens: usage?.cacheWriteInputTokens ?? 0,
  };
  const promptTokens = counts.inputTokens + counts.cacheReadTokens + counts.cacheWriteTokens;
  const converted: CompletionUsage = {
    prompt_tokens: promptTokens,
    completion_tokens: counts.outputTokens,
    total_tokens: promptTokens + counts.outputTokens,
    prompt_tokens_details: { cached_tokens: counts.cacheReadTokens, cache_write_tokens: counts.cacheWriteTokens },
  };
  const dollars = cost?.(counts);
  if (dollars !== undefined) converted.cost = dollars;
  return converted;
}
