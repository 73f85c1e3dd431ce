import type { Message, SystemContentBlock, Tool } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { addAutoCachePoints, checkCachePointCount, createCachePoint, readCacheControl, readPromptCacheBreakpoint } from '../../src/chat/cache-points.js';
import { convertToConverseMessages } from '../../src/chat/to-converse-messages.js';
import { badRequest, messagesContext } from './helpers.js';

const point = { cachePoint: { type: 'default' } };
const hourPoint = { cachePoint: { type: 'default', ttl: '1h' } };
const ephemeral = { type: 'ephemeral' } as const;

describe('readCacheControl', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    [{ type: 'ephemeral' }, { param: 'p', ttl: undefined }],
    [{ type: 'ephemeral', ttl: '5m' }, { param: 'p', ttl: '5m' }],
    [{ type: 'ephemeral', ttl: '1h' }, { param: 'p', ttl: '1h' }],
  ])('reads %j', (value, use) => expect(readCacheControl(value, 'p')).toEqual(use));

  it.each<[unknown, string]>([
    [true, 'p'],
    [{ type: 'persistent' }, 'p'],
    [{ type: 'ephemeral', ttl: '2h' }, 'p.ttl'],
    [{ type: 'ephemeral', scope: 'x' }, 'p.scope'],
  ])('rejects %j, naming %s', (value, param) => expect(badRequest(() => readCacheControl(value, 'p')).param).toBe(param));

  it('makes cache point blocks with and without a TTL', () => {
    expect(createCachePoint(undefined)).toEqual(point);
    expect(createCachePoint('1h')).toEqual(hourPoint);
  });
});

describe('readPromptCacheBreakpoint (openai 6.49+)', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    [{ mode: 'explicit' }, { param: 'p', ttl: undefined }],
    // OpenAI's ttl is a minimum lifetime: Bedrock's 1-hour TTL meets 30 minutes.
    [{ mode: 'explicit', ttl: '30m' }, { param: 'p', ttl: '1h' }],
  ])('reads %j', (value, use) => expect(readPromptCacheBreakpoint(value, 'p')).toEqual(use));

  it.each<[unknown, string, RegExp]>([
    [{ mode: 'implicit' }, 'p', /mode: 'explicit'/],
    [{}, 'p', /mode: 'explicit'/],
    [{ mode: 'explicit', ttl: '12h' }, 'p.ttl', /longer than any Bedrock prompt cache/],
    [{ mode: 'explicit', ttl: '5m' }, 'p.ttl', /"30m"/],
    [{ mode: 'explicit', scope: 'x' }, 'p.scope', /Unrecognized/],
  ])('rejects %j, naming %s', (value, param, message) => {
    const error = badRequest(() => readPromptCacheBreakpoint(value, 'p'));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });
});

describe('cache_control in messages', () => {
  const convert = (messages: unknown[]) => convertToConverseMessages(messages, messagesContext({ names: ['f'], ids: ['call_1'] }));

  it('puts a cache point after a system message, a text part, an image part and a message, recording each', () => {
    const converted = convert([
      { role: 'system', content: 'Rules', cache_control: ephemeral },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Long context', cache_control: { type: 'ephemeral', ttl: '1h' } },
          { type: 'text', text: 'Question' },
        ],
        cache_control: ephemeral,
      },
    ]);
    expect(converted.system).toEqual([{ text: 'Rules' }, point]);
    expect(converted.messages).toEqual([{ role: 'user', content: [{ text: 'Long context' }, hourPoint, { text: 'Question' }, point] }]);
    expect(converted.features.cachePoints).toEqual([
      { param: 'messages[0].cache_control', ttl: undefined },
      { param: 'messages[1].content[0].cache_control', ttl: '1h' },
      { param: 'messages[1].cache_control', ttl: undefined },
    ]);
  });

  it('puts a tool message\'s cache point after its toolResult, and an assistant message\'s after its last block', () => {
    const converted = convert([
      { role: 'user', content: 'Go' },
      { role: 'assistant', content: 'Calling', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }], cache_control: ephemeral },
      { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: 'result', cache_control: ephemeral }] },
    ]);
    expect(converted.messages[1]!.content).toEqual([{ text: 'Calling' }, { toolUse: { toolUseId: 'call_1', name: 'f', input: {} } }, point]);
    expect(converted.messages[2]!.content).toEqual([{ toolResult: { toolUseId: 'call_1', content: [{ text: 'result' }] } }, point]);
  });

  it('still trims a final assistant prefill that ends in a cache point', () => {
    const converted = convert([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Sure:  ', cache_control: ephemeral },
    ]);
    expect(converted.messages[1]!.content).toEqual([{ text: 'Sure:' }, point]);
  });

  it('puts a cache point after a part with prompt_cache_breakpoint, as after one with cache_control', () => {
    const converted = convert([
      { role: 'system', content: [{ type: 'text', text: 'Rules', prompt_cache_breakpoint: { mode: 'explicit' } }] },
      { role: 'user', content: [{ type: 'text', text: 'Long context', prompt_cache_breakpoint: { mode: 'explicit', ttl: '30m' } }, { type: 'text', text: 'Question' }] },
    ]);
    expect(converted.system).toEqual([{ text: 'Rules' }, point]);
    expect(converted.messages).toEqual([{ role: 'user', content: [{ text: 'Long context' }, hourPoint, { text: 'Question' }] }]);
    expect(converted.features.cachePoints).toEqual([
      { param: 'messages[0].content[0].prompt_cache_breakpoint', ttl: undefined },
      { param: 'messages[1].content[0].prompt_cache_breakpoint', ttl: '1h' },
    ]);
  });

  it('sends no features.cachePoints when there are none', () => {
    expect(convert([{ role: 'user', content: 'Hi' }]).features.cachePoints).toBeUndefined();
  });

  it.each<[unknown[], string, RegExp]>([
    [[{ role: 'user', content: '  ', cache_control: ephemeral }, { role: 'user', content: 'x' }], 'messages[0].cache_control', /no content/],
    [[{ role: 'user', content: [{ type: 'text', text: ' ', cache_control: ephemeral }, { type: 'text', text: 'x' }] }], 'messages[0].content[0].cache_control', /blank/],
    [[{ role: 'user', content: [{ type: 'text', text: 'x', cache_control: ephemeral }], cache_control: ephemeral }], 'messages[0].cache_control', /only one/],
    [[{ role: 'user', content: 'x', cache_control: { type: 'ephemeral', ttl: '10m' } }], 'messages[0].cache_control.ttl', /"5m" or "1h"/],
    [[{ role: 'user', content: [{ type: 'text', text: 'x', cache_control: ephemeral, prompt_cache_breakpoint: { mode: 'explicit' } }] }], 'messages[0].content[0].prompt_cache_breakpoint', /give one of them/],
    [[{ role: 'user', content: [{ type: 'text', text: ' ', prompt_cache_breakpoint: { mode: 'explicit' } }, { type: 'text', text: 'x' }] }], 'messages[0].content[0].prompt_cache_breakpoint', /blank.*prompt_cache_breakpoint/],
  ])('rejects %j', (messages, param, message) => {
    const error = badRequest(() => convert(messages));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });
});

describe('addAutoCachePoints', () => {
  const tool: Tool = { toolSpec: { name: 'f', inputSchema: { json: {} as never } } };

  it('adds one after the tools, the system prompt and the last user turn', () => {
    const input = {
      system: [{ text: 'S' }] as SystemContentBlock[],
      messages: [
        { role: 'user', content: [{ text: 'a' }] },
        { role: 'assistant', content: [{ text: 'b' }] },
        { role: 'user', content: [{ text: 'c' }] },
      ] as Message[],
      tools: [tool],
    };
    expect(addAutoCachePoints(input, '1h', true)).toEqual([
      { param: 'bedrock.cache', ttl: '1h', tools: true },
      { param: 'bedrock.cache', ttl: '1h' },
      { param: 'bedrock.cache', ttl: '1h' },
    ]);
    expect(input.tools).toEqual([tool, hourPoint]);
    expect(input.system).toEqual([{ text: 'S' }, hourPoint]);
    expect(input.messages.map((message) => message.content)).toEqual([[{ text: 'a' }], [{ text: 'b' }], [{ text: 'c' }, hourPoint]]);
  });

  it('skips the tools on models that cannot cache them, parts that are missing, and spots already ending in a cache point', () => {
    const input = { system: [] as SystemContentBlock[], messages: [{ role: 'user', content: [{ text: 'a' }, point] }] as Message[], tools: [tool] };
    expect(addAutoCachePoints(input, undefined, false)).toEqual([]);
    expect(input.tools).toEqual([tool]);
    expect(input.messages[0]!.content).toEqual([{ text: 'a' }, point]);
  });
});

describe('checkCachePointCount', () => {
  const use = (param: string) => ({ param, ttl: undefined });
  it('accepts four', () => expect(() => checkCachePointCount(['a', 'b', 'c', 'd'].map(use))).not.toThrow());
  it('rejects a fifth, naming it', () => {
    const error = badRequest(() => checkCachePointCount(['a', 'b', 'c', 'd', 'e'].map(use)));
    expect(error.param).toBe('e');
    expect(error.code).toBe('too_many_cache_points');
    expect(error.message).toContain('at most 4');
  });
});
