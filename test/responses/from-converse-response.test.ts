/**
 * A Converse response → the `Response`, through the stream's event mapper: the same answer, sent whole or streamed,
 * gives the same response.
 */
import { describe, expect, it } from 'vitest';
import { convertConverseResponse } from '../../src/responses/from-converse-response.js';
import { context, messageStop, metadata, run, signature, start, stop, text, thinking, toolInput, toolStart } from './converse-events.js';
import { accumulateEvents } from './helpers.js';

describe('convertConverseResponse', () => {
  it('gives the same response as the stream of the same answer', () => {
    const converse = {
      output: {
        message: {
          role: 'assistant' as const,
          content: [
            { reasoningContent: { reasoningText: { text: 'why', signature: 'S' } } },
            { text: 'Calling.' },
            { toolUse: { toolUseId: 't1', name: 'get_weather', input: { city: 'Oslo' } } },
          ],
        },
      },
      stopReason: 'tool_use' as const,
      usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15, cacheReadInputTokens: 2 },
      metrics: { latencyMs: 7 },
    };
    const { shown, stored } = convertConverseResponse(converse, context({ includeEncrypted: false }));
    const streamed = accumulateEvents(
      run(
        [start, thinking(0, 'why'), signature(0, 'S'), stop(0), text(1, 'Calling.'), stop(1), toolStart(2, 't1', 'get_weather'), toolInput(2, '{"city":"Oslo"}'), stop(2), messageStop('tool_use'), metadata],
        { includeEncrypted: false },
      ),
    );
    const withoutTimes = (value: object): object => ({ ...value, completed_at: undefined });
    expect(withoutTimes(shown)).toEqual(withoutTimes(streamed));
    expect(shown.output.map((item) => item.type)).toEqual(['reasoning', 'message', 'function_call']);
    expect(shown.output_text).toBe('Calling.');
    expect(stored.output[0]).toHaveProperty('encrypted_content');
    expect(shown.bedrock).toEqual({ stop_reason: 'tool_use', latency_ms: 7 });
  });
});
