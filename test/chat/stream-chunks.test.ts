import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { APIConnectionError, RateLimitError, UnprocessableEntityError } from '../../src/core/errors.js';
import { type ChunkContext, createChunkMapper } from '../../src/chat/stream-chunks.js';
import { createToolCallIdMap, createToolNameMap } from '../../src/chat/tool-names.js';
import type { ChatCompletionChunk } from '../../src/chat/types.js';
import { accumulateChunks, readStreamFixture } from './helpers.js';

const base: ChunkContext = {
  id: 'chatcmpl-req-1',
  model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  created: 1_700_000_000,
  toolNames: createToolNameMap(['weather.get', 'get_weather', 'get_time']),
  toolCallIds: createToolCallIdMap([]),
  includeUsage: false,
  requestId: 'req-1',
};

function run(events: ConverseStreamOutput[], overrides: Partial<ChunkContext> = {}): ChatCompletionChunk[] {
  const mapper = createChunkMapper({ ...base, ...overrides });
  return [...events.flatMap((event) => mapper.map(event)), ...mapper.end()];
}

const deltas = (chunks: ChatCompletionChunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta);

describe('text', () => {
  it('emits the role, the content deltas and the finish reason, as OpenAI sends them', () => {
    const chunks = run(readStreamFixture('converse-stream-text'));
    expect(chunks.map((chunk) => chunk.choices)).toEqual([
      [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }],
      [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }],
      [{ index: 0, delta: { content: 'lo!' }, finish_reason: null }],
      [{ index: 0, delta: {}, finish_reason: 'stop' }],
    ]);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ id: 'chatcmpl-req-1', object: 'chat.completion.chunk', created: 1_700_000_000, model: base.model });
      expect(chunk).not.toHaveProperty('usage');
    }
    expect(chunks.at(-1)!.bedrock).toEqual({ stop_reason: 'end_turn', latency_ms: 120 });
  });

  it('adds a last usage chunk with no choices, and usage: null before it, with include_usage', () => {
    const chunks = run(readStreamFixture('converse-stream-text'), { includeUsage: true });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(chunks.at(-1)).toEqual({
      id: 'chatcmpl-req-1',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: base.model,
      choices: [],
      usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15, prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 } },
    });
  });

  it('counts cache reads and writes in the usage chunk, with a cost from the hook', () => {
    const chunks = run(readStreamFixture('converse-stream-cached-usage'), { includeUsage: true, cost: () => 0.5 });
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('length');
    expect(chunks.at(-1)!.usage).toEqual({
      prompt_tokens: 2205,
      completion_tokens: 2,
      total_tokens: 2207,
      prompt_tokens_details: { cached_tokens: 2000, cache_write_tokens: 200 },
      cost: 0.5,
    });
  });

  it('streams reasoning text as reasoning_content, and the whole signed block once when it ends', () => {
    const chunks = run(readStreamFixture('converse-stream-reasoning'));
    expect(deltas(chunks)).toEqual([
      { role: 'assistant' },
      { reasoning_content: 'The user greets me. ' },
      { reasoning_content: 'Greet back.' },
      { reasoning_details: [{ type: 'reasoning.text', text: 'The user greets me. Greet back.', signature: 'c2lnbmF0dXJl' }] },
      { content: 'Hi there.' },
      {},
    ]);
    const result = accumulateChunks(chunks);
    expect(result.reasoning_content).toBe('The user greets me. Greet back.');
    expect(result.content).toBe('Hi there.');
  });

  it('gives a redacted reasoning block as base64 data', () => {
    const chunks = run([
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: Uint8Array.from([1, 2]) } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: Uint8Array.from([3]) } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: 'Done.' } } },
      { messageStop: { stopReason: 'end_turn' } },
    ]);
    expect(accumulateChunks(chunks).reasoning_details).toEqual([{ type: 'reasoning.redacted', data: 'AQID' }]);
    expect(accumulateChunks(chunks).reasoning_content).toBeUndefined();
  });
});

describe('finish chunk', () => {
  it('waits for metadata, so that it carries the guardrail trace, latency and cache details', () => {
    const chunks = run(readStreamFixture('converse-stream-guardrail'), { includeUsage: true });
    const finish = chunks.at(-2)!;
    expect(finish.choices).toEqual([{ index: 0, delta: {}, finish_reason: 'content_filter' }]);
    expect(finish.bedrock).toEqual({
      stop_reason: 'guardrail_intervened',
      latency_ms: 35,
      trace: { guardrail: { inputAssessment: { gr1: { topicPolicy: { topics: [{ name: 'Banned', type: 'DENY', action: 'BLOCKED' }] } } }, actionReason: 'Guardrail blocked.' } },
    });
    expect(chunks.at(-1)!.choices).toEqual([]);
  });

  it('carries additionalModelResponseFields from messageStop and cache details from metadata', () => {
    const chunks = run([
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Hi' } } },
      { messageStop: { stopReason: 'stop_sequence', additionalModelResponseFields: { stop_sequence: 'END' } as never } },
      { metadata: { usage: { inputTokens: 1, outputTokens: 1, totalTokens: 1, cacheDetails: [{ ttl: '1h', inputTokens: 1500 }] }, metrics: { latencyMs: 5 }, serviceTier: { type: 'flex' } } },
    ]);
    expect(chunks.at(-1)!.bedrock).toEqual({
      stop_reason: 'stop_sequence',
      additional_model_response_fields: { stop_sequence: 'END' },
      service_tier: 'flex',
      latency_ms: 5,
      cache_details: [{ ttl: '1h', input_tokens: 1500 }],
    });
  });

  it('is still sent when the stream ends without metadata', () => {
    const chunks = run(readStreamFixture('converse-stream-text').filter((event) => event.metadata === undefined));
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
  });
});

describe('response_format', () => {
  const toolMode = { structuredOutput: { type: 'json_schema', mode: { via: 'tool', toolName: 'reply' } } } as const;

  it('streams a forced JSON tool\'s input as content deltas, leaves its preface out and finishes with stop', () => {
    const chunks = run(readStreamFixture('converse-stream-json-tool'), toolMode);
    expect(deltas(chunks)).toEqual([{ role: 'assistant' }, { content: '{"answer"' }, { content: ':"42"}' }, {}]);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.at(-1)!.bedrock!.stop_reason).toBe('tool_use');
  });

  it('fails the JSON check, quoting the held text, when no JSON tool call came', () => {
    const mapper = createChunkMapper({ ...base, ...toolMode });
    const events = readStreamFixture('converse-stream-text');
    const emitted: ChatCompletionChunk[] = [];
    expect(() => {
      for (const event of events) emitted.push(...mapper.map(event));
    }).toThrow(/not JSON: "Hello!"/);
    expect(accumulateChunks(emitted).content).toBeNull();
  });

  it('sends the held text when no JSON tool call came and the finish is not checked (a guardrail)', () => {
    expect(accumulateChunks(run(readStreamFixture('converse-stream-guardrail'), toolMode)).content).toBe('Sorry, the model cannot answer this question.');
  });

  it('checks native JSON output at the end, and passes valid JSON', () => {
    const native = { structuredOutput: { type: 'json_schema', mode: { via: 'native' } } } as const;
    expect(() => run(readStreamFixture('converse-stream-text'), native)).toThrow(/not JSON/);
    const json: ConverseStreamOutput[] = [
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: '{"a":' } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: '1}' } } },
      { messageStop: { stopReason: 'end_turn' } },
    ];
    expect(accumulateChunks(run(json, native)).content).toBe('{"a":1}');
  });

  it('does not check a truncated answer', () => {
    const native = { structuredOutput: { type: 'json_object', mode: { via: 'instruction' } } } as const;
    expect(accumulateChunks(run(readStreamFixture('converse-stream-cached-usage'), native)).finish_reason).toBe('length');
  });
});

describe('tool calls', () => {
  it('puts id, type and name on the first delta and argument fragments after, with the user\'s tool name', () => {
    const chunks = run(readStreamFixture('converse-stream-tool-call'));
    expect(deltas(chunks)).toEqual([
      { role: 'assistant' },
      { content: 'Let me check.' },
      { tool_calls: [{ index: 0, id: 'tooluse_abc123', type: 'function', function: { name: 'weather.get', arguments: '' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{"city": ' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] },
      {},
    ]);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('numbers tool calls by order, not by contentBlockIndex, and keeps interleaved parallel calls apart', () => {
    const chunks = run(readStreamFixture('converse-stream-parallel-tools'));
    expect(deltas(chunks).slice(1, 3)).toEqual([
      { tool_calls: [{ index: 0, id: 'tooluse_A', type: 'function', function: { name: 'get_weather', arguments: '' } }] },
      { tool_calls: [{ index: 1, id: 'tooluse_B', type: 'function', function: { name: 'get_time', arguments: '' } }] },
    ]);
    expect(accumulateChunks(chunks).tool_calls).toEqual([
      { id: 'tooluse_A', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
      { id: 'tooluse_B', type: 'function', function: { name: 'get_time', arguments: '{"zone":"CET"}' } },
    ]);
  });

  it('gives a tool call with no input "{}", and keeps the next call\'s index right', () => {
    const result = accumulateChunks(run(readStreamFixture('converse-stream-empty-arguments')));
    expect(result.tool_calls).toEqual([
      { id: 'tooluse_now', type: 'function', function: { name: 'get_time', arguments: '{}' } },
      { id: 'tooluse_w', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
    ]);
    expect(result.content).toBeNull();
  });

  it('throws on tool input for a block that never started', () => {
    const mapper = createChunkMapper(base);
    mapper.map({ messageStart: { role: 'assistant' } });
    expect(() => mapper.map({ contentBlockDelta: { contentBlockIndex: 3, delta: { toolUse: { input: '{}' } } } })).toThrow(/before that tool call started/);
  });
});

describe('errors', () => {
  it('throws for malformed tool use instead of finishing, after the deltas before it', () => {
    const mapper = createChunkMapper(base);
    const events = readStreamFixture('converse-stream-malformed-tool-use');
    const emitted: ChatCompletionChunk[] = [];
    let caught: unknown;
    try {
      for (const event of events) emitted.push(...mapper.map(event));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnprocessableEntityError);
    expect(caught).toMatchObject({ code: 'malformed_tool_use', requestID: 'req-1' });
    expect(emitted.some((chunk) => chunk.choices[0]?.finish_reason !== null)).toBe(false);
  });

  it('throws when the stream ends before messageStop', () => {
    expect(() => run(readStreamFixture('converse-stream-truncated'))).toThrow(APIConnectionError);
  });

  it('turns an exception delivered as an event into our error class', () => {
    const mapper = createChunkMapper(base);
    expect(() => mapper.map({ throttlingException: { message: 'Too many tokens', name: 'ThrottlingException', $fault: 'client' } } as never)).toThrow(RateLimitError);
  });

  it('ignores events this SDK version does not know', () => {
    const mapper = createChunkMapper(base);
    expect(mapper.map({ $unknown: ['futureEvent', {}] } as ConverseStreamOutput)).toEqual([]);
  });
});
