import { describe, expect, it } from 'vitest';
import { convertUsage } from '../../src/chat/usage.js';

describe('convertUsage', () => {
  it.each([
    [
      'plain usage',
      { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
      { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 } },
    ],
    [
      'cache reads and writes counted in prompt_tokens',
      { inputTokens: 10, outputTokens: 5, totalTokens: 1315, cacheReadInputTokens: 1000, cacheWriteInputTokens: 300 },
      { prompt_tokens: 1310, completion_tokens: 5, total_tokens: 1315, prompt_tokens_details: { cached_tokens: 1000, cache_write_tokens: 300 } },
    ],
    [
      'missing usage',
      undefined,
      { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 } },
    ],
  ])('%s', (_name, usage, expected) => {
    expect(convertUsage(usage)).toEqual(expected);
  });

  it('adds a cost from the hook, with Bedrock token counts', () => {
    const seen: unknown[] = [];
    const usage = convertUsage({ inputTokens: 10, outputTokens: 5, totalTokens: 17, cacheReadInputTokens: 2 }, (counts) => {
      seen.push(counts);
      return 0.0125;
    });
    expect(usage.cost).toBe(0.0125);
    expect(seen).toEqual([{ inputTokens: 10, outputTokens: 5, cacheReadTokens: 2, cacheWriteTokens: 0 }]);
  });

  it('leaves cost out when prices are unknown', () => {
    expect(convertUsage({ inputTokens: 1, outputTokens: 1, totalTokens: 2 }, () => undefined)).not.toHaveProperty('cost');
  });
});
