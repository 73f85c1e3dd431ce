import { describe, expect, it } from 'vitest';
import { reservedTokens, streamEventTokens, usedTokens } from '../../src/limits/cost.js';

describe('reservedTokens', () => {
  it.each([
    { name: 'Converse: input estimate + maxTokens', operation: 'Converse', input: { messages: [{ role: 'user', content: [{ text: 'x'.repeat(40) }] }], inferenceConfig: { maxTokens: 100 } }, budget: 5000, tokens: 110 },
    { name: 'Converse without maxTokens: the model budget', operation: 'ConverseStream', input: { system: [{ text: 'abcd' }], messages: [] }, budget: 5000, tokens: 5001 },
    { name: 'tool use, tool results and tool specs count', operation: 'Converse', input: { messages: [{ role: 'assistant', content: [{ toolUse: { toolUseId: 't', name: 'f', input: { a: 'bcd' } } }] }, { role: 'user', content: [{ toolResult: { toolUseId: 't', content: [{ text: 'abcdefgh' }, { json: { k: 1 } }] } }] }], toolConfig: { tools: [{ toolSpec: { name: 'f' } }] }, inferenceConfig: { maxTokens: 1 } }, budget: 0, tokens: Math.ceil((11 + 8 + 7 + 12) / 4) + 1 },
    { name: 'images count nothing', operation: 'Converse', input: { messages: [{ role: 'user', content: [{ image: { format: 'png', source: { bytes: new Uint8Array(10_000) } } }] }], inferenceConfig: { maxTokens: 10 } }, budget: 0, tokens: 10 },
    { name: 'InvokeModel: the body', operation: 'InvokeModel', input: { body: '{"inputText":"hello world"}' }, budget: 0, tokens: 7 },
    { name: 'CountTokens: nothing', operation: 'CountTokens', input: { input: {} }, budget: 100, tokens: 0 },
  ])('$name', ({ operation, input, budget, tokens }) => {
    expect(reservedTokens(operation, input, budget)).toBe(tokens);
  });
});

describe('usedTokens / streamEventTokens', () => {
  it('reads Converse usage (cache writes count, cache reads do not)', () => {
    expect(usedTokens('Converse', { usage: { inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 100, cacheWriteInputTokens: 3 } })).toBe(18);
    expect(usedTokens('Converse', {})).toBeUndefined();
  });
  it('reads the metadata event of a stream only', () => {
    expect(streamEventTokens({ metadata: { usage: { inputTokens: 4, outputTokens: 6 } } })).toBe(10);
    expect(streamEventTokens({ contentBlockDelta: { delta: { text: 'x' } } })).toBeUndefined();
  });
});
