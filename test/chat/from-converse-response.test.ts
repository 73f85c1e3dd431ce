import type { ConverseResponse } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { APIError, UnprocessableEntityError } from '../../src/core/errors.js';
import { convertFromConverseResponse, type ResponseContext } from '../../src/chat/from-converse-response.js';
import { createChunkMapper } from '../../src/chat/stream-chunks.js';
import { createToolCallIdMap, createToolNameMap } from '../../src/chat/tool-names.js';
import { accumulateChunks, readStreamFixture } from './helpers.js';

const context: ResponseContext = {
  id: 'chatcmpl-req-9',
  model: 'us.amazon.nova-pro-v1:0',
  created: 1_700_000_000,
  toolNames: createToolNameMap(['weather.get']),
  toolCallIds: createToolCallIdMap(['call/1']),
  requestId: 'req-9',
};

const response = (overrides: Partial<ConverseResponse>): ConverseResponse => ({
  output: { message: { role: 'assistant', content: [{ text: 'Hello' }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 10, outputTokens: 2, totalTokens: 12 },
  metrics: { latencyMs: 42 },
  ...overrides,
});

describe('convertFromConverseResponse', () => {
  it('builds a ChatCompletion with one choice, usage and the raw stop reason', () => {
    expect(convertFromConverseResponse(response({}), context)).toEqual({
      id: 'chatcmpl-req-9',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'us.amazon.nova-pro-v1:0',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello', refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12, prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 } },
      bedrock: { stop_reason: 'end_turn', latency_ms: 42 },
    });
  });

  it('joins text blocks and returns tool calls with their IDs and the user\'s names', () => {
    const completion = convertFromConverseResponse(
      response({
        output: {
          message: {
            role: 'assistant',
            content: [
              { text: 'Let me ' },
              { text: 'check.' },
              { toolUse: { toolUseId: 'tooluse_X1', name: 'weather_get', input: { city: 'Paris' } } },
              { toolUse: { toolUseId: 'call_1', name: 'weather_get', input: {} } },
            ],
          },
        },
        stopReason: 'tool_use',
      }),
      context,
    );
    expect(completion.choices[0]).toEqual({
      index: 0,
      finish_reason: 'tool_calls',
      logprobs: null,
      message: {
        role: 'assistant',
        content: 'Let me check.',
        refusal: null,
        tool_calls: [
          { id: 'tooluse_X1', type: 'function', function: { name: 'weather.get', arguments: '{"city":"Paris"}' } },
          { id: 'call/1', type: 'function', function: { name: 'weather.get', arguments: '{}' } },
        ],
      },
    });
  });

  it('gives null content when there is no text', () => {
    const completion = convertFromConverseResponse(
      response({ output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: 't', name: 'f', input: {} } }] } }, stopReason: 'tool_use' }),
      context,
    );
    expect(completion.choices[0]!.message.content).toBeNull();
  });

  it('returns reasoning text as reasoning_content, and the signed block in reasoning_details', () => {
    const completion = convertFromConverseResponse(
      response({ output: { message: { role: 'assistant', content: [{ reasoningContent: { reasoningText: { text: 'Hmm.', signature: 's' } } }, { text: 'Hi' }] } } }),
      context,
    );
    expect(completion.choices[0]!.message).toEqual({
      role: 'assistant',
      content: 'Hi',
      refusal: null,
      reasoning_content: 'Hmm.',
      reasoning_details: [{ type: 'reasoning.text', text: 'Hmm.', signature: 's' }],
    });
  });

  it.each([
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['stop_sequence', 'stop'],
  ] as const)('maps stop reason %s to %s and keeps it raw', (stopReason, finishReason) => {
    const completion = convertFromConverseResponse(response({ stopReason }), context);
    expect(completion.choices[0]!.finish_reason).toBe(finishReason);
    expect(completion.bedrock?.stop_reason).toBe(stopReason);
  });

  it('throws for malformed model output', () => {
    expect(() => convertFromConverseResponse(response({ stopReason: 'malformed_model_output' }), context)).toThrow(UnprocessableEntityError);
  });

  it('reports the service tier and additional response fields', () => {
    const completion = convertFromConverseResponse(response({ serviceTier: { type: 'flex' }, additionalModelResponseFields: { stop_sequence: 'END' } }), context);
    expect(completion.service_tier).toBe('flex');
    expect(completion.bedrock).toMatchObject({ service_tier: 'flex', additional_model_response_fields: { stop_sequence: 'END' } });
    const reserved = convertFromConverseResponse(response({ serviceTier: { type: 'reserved' } }), context);
    expect(reserved).not.toHaveProperty('service_tier');
    expect(reserved.bedrock?.service_tier).toBe('reserved');
  });

  it('returns redacted reasoning as base64 data, with no reasoning_content', () => {
    const completion = convertFromConverseResponse(
      response({ output: { message: { role: 'assistant', content: [{ reasoningContent: { redactedContent: Uint8Array.from([1, 2, 3]) } }, { text: 'Hi' }] } } }),
      context,
    );
    expect(completion.choices[0]!.message).toEqual({ role: 'assistant', content: 'Hi', refusal: null, reasoning_details: [{ type: 'reasoning.redacted', data: 'AQID' }] });
  });

  it('reports the guardrail trace and cache details under bedrock', () => {
    const trace = { guardrail: { inputAssessment: { gr1: {} } } };
    const completion = convertFromConverseResponse(
      response({ stopReason: 'guardrail_intervened', trace, usage: { inputTokens: 1, outputTokens: 0, totalTokens: 1, cacheDetails: [{ ttl: '5m', inputTokens: 2048 }] } }),
      context,
    );
    expect(completion.choices[0]!.finish_reason).toBe('content_filter');
    expect(completion.bedrock).toEqual({ stop_reason: 'guardrail_intervened', latency_ms: 42, trace, cache_details: [{ ttl: '5m', input_tokens: 2048 }] });
  });

  it('rejects a response without a message', () => {
    expect(() => convertFromConverseResponse(response({ output: { $unknown: ['x', {}] } as never }), context)).toThrow(APIError);
  });
});

describe('response_format', () => {
  const toolMode = { ...context, structuredOutput: { type: 'json_schema', mode: { via: 'tool', toolName: 'reply' } } } as const;

  it('returns a forced JSON tool\'s input as content, leaving out the text beside it, and finishes with stop', () => {
    const completion = convertFromConverseResponse(
      response({
        output: { message: { role: 'assistant', content: [{ text: 'Filling in the form.' }, { toolUse: { toolUseId: 't1', name: 'reply', input: { answer: '42' } } }] } },
        stopReason: 'tool_use',
      }),
      toolMode,
    );
    expect(completion.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: '{"answer":"42"}' } });
    expect(completion.choices[0]!.message.tool_calls).toBeUndefined();
    expect(completion.bedrock!.stop_reason).toBe('tool_use');
  });

  it('keeps the text of a guardrail intervention, and fails the check when a normal finish is not JSON', () => {
    const guardrail = convertFromConverseResponse(response({ stopReason: 'guardrail_intervened', output: { message: { role: 'assistant', content: [{ text: 'Sorry.' }] } } }), toolMode);
    expect(guardrail.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: 'Sorry.' } });
    expect(() => convertFromConverseResponse(response({}), toolMode)).toThrow(UnprocessableEntityError);
    const native = { ...context, structuredOutput: { type: 'json_object', mode: { via: 'native' } } } as const;
    expect(() => convertFromConverseResponse(response({}), native)).toThrow(/not JSON: "Hello"/);
    const json = convertFromConverseResponse(response({ output: { message: { role: 'assistant', content: [{ text: '{"ok":true}' }] } } }), native);
    expect(json.choices[0]!.message.content).toBe('{"ok":true}');
  });

  it('agrees with the stream of the same turn', () => {
    const events = readStreamFixture('converse-stream-json-tool');
    const mapper = createChunkMapper({ ...toolMode, includeUsage: false });
    const streamed = accumulateChunks([...events.flatMap((event) => mapper.map(event)), ...mapper.end()]);
    const completion = convertFromConverseResponse(
      response({
        output: { message: { role: 'assistant', content: [{ text: 'Filling in the form.' }, { toolUse: { toolUseId: 'tooluse_json1', name: 'reply', input: { answer: '42' } } }] } },
        stopReason: 'tool_use',
      }),
      toolMode,
    );
    expect(streamed.content).toBe(completion.choices[0]!.message.content);
    expect(streamed.finish_reason).toBe(completion.choices[0]!.finish_reason);
  });
});

describe('stream and non-stream agree', () => {
  it.each(['converse-stream-text', 'converse-stream-tool-call', 'converse-stream-parallel-tools', 'converse-stream-empty-arguments'])(
    'the deltas of %s add up to the same message as the equivalent Converse response',
    (fixture) => {
      const events = readStreamFixture(fixture);
      const mapper = createChunkMapper({ ...context, includeUsage: true });
      const streamed = accumulateChunks([...events.flatMap((event) => mapper.map(event)), ...mapper.end()]);
      // The Converse response the same model turn would have produced.
      const blocks: NonNullable<NonNullable<ConverseResponse['output']>['message']>['content'] = [];
      const inputs = new Map<number, string>();
      for (const event of events) {
        const start = event.contentBlockStart;
        if (start?.start?.toolUse) blocks[start.contentBlockIndex!] = { toolUse: { ...start.start.toolUse, input: {} } } as never;
        const delta = event.contentBlockDelta;
        if (delta?.delta?.text !== undefined) {
          const existing = blocks[delta.contentBlockIndex!];
          blocks[delta.contentBlockIndex!] = { text: (existing?.text ?? '') + delta.delta.text };
        }
        if (delta?.delta?.toolUse) inputs.set(delta.contentBlockIndex!, (inputs.get(delta.contentBlockIndex!) ?? '') + delta.delta.toolUse.input);
      }
      for (const [index, input] of inputs) blocks[index]!.toolUse!.input = JSON.parse(input);
      const stop = events.find((event) => event.messageStop)!.messageStop!.stopReason!;
      const usage = events.find((event) => event.metadata)!.metadata!.usage!;
      const completion = convertFromConverseResponse(response({ output: { message: { role: 'assistant', content: blocks } }, stopReason: stop, usage }), context);
      const message = completion.choices[0]!.message;
      expect(streamed.content).toBe(message.content);
      expect(streamed.finish_reason).toBe(completion.choices[0]!.finish_reason);
      expect(streamed.usage).toEqual(completion.usage);
      expect(streamed.tool_calls?.map((call) => ({ ...call, function: { ...call.function, arguments: JSON.parse(call.function.arguments) } }))).toEqual(
        message.tool_calls?.map((call) => (call.type === 'function' ? { ...call, function: { ...call.function, arguments: JSON.parse(call.function.arguments) } } : call)),
      );
    },
  );
});
