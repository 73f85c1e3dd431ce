import type { StopReason } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { UnprocessableEntityError } from '../../src/core/errors.js';
import { mapStopReason, toFinishReason } from '../../src/chat/finish-reason.js';

describe('finish reasons', () => {
  it.each<[StopReason, string]>([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
  ])('%s → %s', (stopReason, finishReason) => {
    expect(mapStopReason(stopReason)).toEqual({ finishReason });
    expect(toFinishReason(stopReason)).toBe(finishReason);
  });

  it.each<StopReason>(['malformed_model_output', 'malformed_tool_use'])('%s is an error, not a finish', (stopReason) => {
    expect(mapStopReason(stopReason)).toEqual({ error: stopReason });
    let caught: unknown;
    try {
      toFinishReason(stopReason, 'req-1');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnprocessableEntityError);
    expect(caught).toMatchObject({ status: 422, code: stopReason, requestID: 'req-1' });
  });

  it.each([undefined, 'brand_new_reason'])('an absent or unknown stop reason (%s) is an error', (stopReason) => {
    expect(() => toFinishReason(stopReason)).toThrow(UnprocessableEntityError);
  });
});
