import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { convertFromConverseResponse } from '../../src/chat/from-converse-response.js';
import { legacyCallId, readLegacyFunctions, toLegacyShape } from '../../src/chat/legacy-functions.js';
import { createChunkMapper } from '../../src/chat/stream-chunks.js';
import { convertToConverseRequest } from '../../src/chat/to-converse-request.js';
import { createToolCallIdMap, createToolNameMap } from '../../src/chat/tool-names.js';
import { createUnsupportedParamHandler } from '../../src/chat/unsupported-params.js';
import { badRequest } from './helpers.js';

const weather = { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } } } };

describe('readLegacyFunctions', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['nothing', {}, undefined],
    ['null functions', { functions: null }, undefined],
    ['functions', { functions: [weather] }, { tools: [{ type: 'function', function: weather }], toolChoice: undefined }],
    ['a bare function', { functions: [{ name: 'now' }] }, { tools: [{ type: 'function', function: { name: 'now' } }], toolChoice: undefined }],
    ['function_call none', { functions: [weather], function_call: 'none' }, { tools: [{ type: 'function', function: weather }], toolChoice: 'none' }],
    ['function_call auto', { functions: [weather], function_call: 'auto' }, { tools: [{ type: 'function', function: weather }], toolChoice: 'auto' }],
    [
      'a named function_call',
      { functions: [weather], function_call: { name: 'get_weather' } },
      { tools: [{ type: 'function', function: weather }], toolChoice: { type: 'function', function: { name: 'get_weather' } } },
    ],
  ])('maps %s', (_name, body, expected) => {
    expect(readLegacyFunctions(body)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['functions with tools', { functions: [weather], tools: [{ type: 'function', function: weather }] }, 'functions'],
    ['function_call with tool_choice', { functions: [weather], function_call: 'auto', tool_choice: 'auto' }, 'function_call'],
    ['function_call without functions', { function_call: 'auto' }, 'function_call'],
    ['an empty functions array', { functions: [] }, 'functions'],
    ['functions not an array', { functions: weather }, 'functions'],
    ['a function that is not an object', { functions: ['get_weather'] }, 'functions[0]'],
    ['a function without a name', { functions: [weather, { description: 'x' }] }, 'functions[1].name'],
    ['a description that is not a string', { functions: [{ name: 'f', description: 1 }] }, 'functions[0].description'],
    ['parameters that are not an object', { functions: [{ name: 'f', parameters: [] }] }, 'functions[0].parameters'],
    ['an unknown field', { functions: [{ name: 'f', strict: true }] }, 'functions[0].strict'],
    ['a name used twice', { functions: [weather, weather] }, 'functions[1].name'],
    ['function_call naming an unknown function', { functions: [weather], function_call: { name: 'other' } }, 'function_call.name'],
    ['function_call of another kind', { functions: [weather], function_call: 'required' }, 'function_call'],
  ])('refuses %s, naming the field', (_name, body, param) => {
    expect(badRequest(() => readLegacyFunctions(body)).param).toBe(param);
  });

  it('gives stable, Bedrock-valid IDs per message', () => {
    expect(legacyCallId(3)).toBe(legacyCallId(3));
    expect(legacyCallId(3)).not.toBe(legacyCallId(4));
    expect(legacyCallId(123)).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
  });

  it.each<[string, number, unknown]>([
    ['no call', 0, {}],
    ['one call', 1, { function_call: { name: 'f0', arguments: '{"i":0}' } }],
    [
      'parallel calls (the rest kept as tool_calls)',
      3,
      {
        function_call: { name: 'f0', arguments: '{"i":0}' },
        tool_calls: [1, 2].map((i) => ({ id: `id${i}`, type: 'function', function: { name: `f${i}`, arguments: `{"i":${i}}` } })),
      },
    ],
  ])('answers %s in the legacy shape', (_name, count, expected) => {
    const calls = Array.from({ length: count }, (_, i) => ({ id: `id${i}`, type: 'function' as const, function: { name: `f${i}`, arguments: `{"i":${i}}` } }));
    expect(toLegacyShape(calls)).toEqual(expected);
  });
});

function convert(params: Record<string, unknown>) {
  return convertToConverseRequest(
    { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Weather in Paris?' }], ...params },
    { imageFetch: true, unsupported: createUnsupportedParamHandler({ drop: false, warn: () => undefined }) },
  );
}

describe('legacy functions in a request', () => {
  it('sends them as tools with the tool choice, and marks the plan', () => {
    const plan = convert({ functions: [weather], function_call: { name: 'get_weather' } });
    expect(plan.input.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'get_weather', description: 'Weather now', inputSchema: { json: weather.parameters } } }],
      toolChoice: { tool: { name: 'get_weather' } },
    });
    expect(plan.legacyFunctions).toBe(true);
    expect(plan.features.tools).toBe('functions');
    expect(plan.features.toolChoice?.param).toBe('function_call');
    expect(convert({ tools: [{ type: 'function', function: weather }] }).legacyFunctions).toBe(false);
  });

  const history = [
    { role: 'user', content: 'Weather in Paris?' },
    { role: 'assistant', content: null, function_call: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
    { role: 'function', name: 'get_weather', content: '18°C' },
  ];

  it('maps an assistant function_call and the function message answering it to toolUse/toolResult', () => {
    const plan = convert({ functions: [weather], messages: history });
    const id = legacyCallId(1);
    expect(plan.input.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris?' }] },
      { role: 'assistant', content: [{ toolUse: { toolUseId: id, name: 'get_weather', input: { city: 'Paris' } } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: id, content: [{ text: '18°C' }] } }] },
    ]);
    expect(convert({ functions: [weather], messages: history }).input).toEqual(plan.input);
  });

  it('maps the legacy history without `functions` too (stand-in tool definitions), and a null result to no content', () => {
    const plan = convert({ messages: [...history.slice(0, 2), { role: 'function', name: 'get_weather', content: null }] });
    expect(plan.input.toolConfig?.tools?.[0]?.toolSpec?.name).toBe('get_weather');
    expect(plan.input.messages?.[2]).toEqual({ role: 'user', content: [{ toolResult: { toolUseId: legacyCallId(1), content: [] } }] });
  });

  it.each<[string, unknown[], string]>([
    ['an unanswered function_call', history.slice(0, 2), 'messages[1].function_call'],
    ['a function message for another function', [...history.slice(0, 2), { role: 'function', name: 'other', content: 'x' }], 'messages[2].name'],
    ['a function message with no call before it', [history[0], { role: 'function', name: 'get_weather', content: 'x' }], 'messages[1].name'],
    ['a function message answered twice', [...history, { role: 'function', name: 'get_weather', content: 'again' }], 'messages[3].name'],
    ['a function message without a name', [...history.slice(0, 2), { role: 'function', content: 'x' }], 'messages[2].name'],
    ['a function_call with bad arguments', [history[0], { role: 'assistant', function_call: { name: 'get_weather', arguments: '[1]' } }, history[2]], 'messages[1].function_call.arguments'],
    ['a function_call without a name', [history[0], { role: 'assistant', function_call: { arguments: '{}' } }, history[2]], 'messages[1].function_call.name'],
  ])('refuses %s, naming the field', (_name, messages, param) => {
    expect(badRequest(() => convert({ functions: [weather], messages })).param).toBe(param);
  });
});

const responseContext = {
  id: 'chatcmpl-1',
  model: 'm',
  created: 1,
  toolNames: createToolNameMap(['get_weather']),
  toolCallIds: createToolCallIdMap([]),
  requestId: 'r',
  legacyFunctions: true,
};

describe('legacy functions in the answer', () => {
  const toolUse = (id: string, city: string) => ({ toolUse: { toolUseId: id, name: 'get_weather', input: { city } } });

  it('gives message.function_call and finish_reason function_call', () => {
    const completion = convertFromConverseResponse(
      { output: { message: { role: 'assistant', content: [toolUse('t1', 'Paris')] } }, stopReason: 'tool_use', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } },
      responseContext,
    );
    expect(completion.choices[0]).toMatchObject({ finish_reason: 'function_call', message: { function_call: { name: 'get_weather', arguments: '{"city":"Paris"}' } } });
    expect(completion.choices[0]!.message.tool_calls).toBeUndefined();
  });

  const events = (calls: number): ConverseStreamOutput[] => [
    { messageStart: { role: 'assistant' } },
    ...Array.from({ length: calls }, (_, i): ConverseStreamOutput[] => [
      { contentBlockStart: { contentBlockIndex: i, start: { toolUse: { toolUseId: `t${i}`, name: 'get_weather' } } } },
      { contentBlockDelta: { contentBlockIndex: i, delta: { toolUse: { input: '{"city":' } } } },
      { contentBlockDelta: { contentBlockIndex: i, delta: { toolUse: { input: `"C${i}"}` } } } },
      { contentBlockStop: { contentBlockIndex: i } },
    ]).flat(),
    { messageStop: { stopReason: 'tool_use' } },
    { metadata: { usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } } },
  ];

  it('streams delta.function_call (name first, then argument fragments) and finishes with function_call', () => {
    const mapper = createChunkMapper({ ...responseContext, includeUsage: false });
    const chunks = [...events(1).flatMap((event) => mapper.map(event)), ...mapper.end()];
    expect(chunks.map((chunk) => chunk.choices[0])).toEqual([
      { index: 0, delta: { role: 'assistant' }, finish_reason: null },
      { index: 0, delta: { function_call: { name: 'get_weather', arguments: '' } }, finish_reason: null },
      { index: 0, delta: { function_call: { arguments: '{"city":' } }, finish_reason: null },
      { index: 0, delta: { function_call: { arguments: '"C0"}' } }, finish_reason: null },
      { index: 0, delta: {}, finish_reason: 'function_call' },
    ]);
  });

  it('streams parallel calls after the first as tool_calls from index 0, as the non-streaming answer gives them', () => {
    const mapper = createChunkMapper({ ...responseContext, includeUsage: false });
    const chunks = [...events(2).flatMap((event) => mapper.map(event)), ...mapper.end()];
    expect(chunks[4]!.choices[0]!.delta).toEqual({ tool_calls: [{ index: 0, id: 't1', type: 'function', function: { name: 'get_weather', arguments: '' } }] });
    const completion = convertFromConverseResponse(
      { output: { message: { role: 'assistant', content: [toolUse('t0', 'C0'), toolUse('t1', 'C1')] } }, stopReason: 'tool_use', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } },
      responseContext,
    );
    expect(completion.choices[0]!.message.tool_calls).toEqual([{ id: 't1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"C1"}' } }]);
  });

  it('sends "{}" for a call without input', () => {
    const mapper = createChunkMapper({ ...responseContext, includeUsage: false });
    const chunks = [
      { messageStart: { role: 'assistant' } },
      { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 't0', name: 'get_weather' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'tool_use' } },
    ].flatMap((event) => mapper.map(event as ConverseStreamOutput));
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.function_call?.arguments).join('')).toBe('{}');
  });
});
