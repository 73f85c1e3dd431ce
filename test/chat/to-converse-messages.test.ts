import { describe, expect, it } from 'vitest';
import { convertToConverseMessages } from '../../src/chat/to-converse-messages.js';
import { badRequest, messagesContext } from './helpers.js';

const convert = (messages: unknown, context = messagesContext()) => convertToConverseMessages(messages, context);

describe('system and developer messages', () => {
  it('become system blocks, in order, wherever they appear', () => {
    const result = convert([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }, { type: 'text', text: 'No emoji.' }] },
    ]);
    expect(result.system).toEqual([{ text: 'Be brief.' }, { text: 'Answer in French.' }, { text: 'No emoji.' }]);
    expect(result.messages).toEqual([{ role: 'user', content: [{ text: 'Hi' }] }]);
    expect(result.features.system).toBe('messages[0]');
  });

  it('drops blank system text', () => {
    const result = convert([
      { role: 'system', content: '  ' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(result.system).toEqual([]);
    expect(result.features.system).toBeUndefined();
  });

  it('rejects non-text parts in a system message', () => {
    const error = badRequest(() => convert([{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'x' } }] }, { role: 'user', content: 'Hi' }]));
    expect(error.param).toBe('messages[0].content[0].type');
  });
});

describe('assistant messages and tool calls', () => {
  const toolCall = (id: string, name: string, args: string) => ({ id, type: 'function', function: { name, arguments: args } });

  it('turns text and tool calls into text and toolUse blocks', () => {
    const result = convert(
      [
        { role: 'user', content: 'Weather in Paris and Oslo?' },
        { role: 'assistant', content: 'Checking.', tool_calls: [toolCall('call_1', 'get_weather', '{"city":"Paris"}'), toolCall('call_2', 'get_weather', '{"city":"Oslo"}')] },
        { role: 'tool', tool_call_id: 'call_1', content: '18°C' },
        { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '9°C' }] },
      ],
      messagesContext({ names: ['get_weather'], ids: ['call_1', 'call_2'] }),
    );
    expect(result.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris and Oslo?' }] },
      {
        role: 'assistant',
        content: [
          { text: 'Checking.' },
          { toolUse: { toolUseId: 'call_1', name: 'get_weather', input: { city: 'Paris' } } },
          { toolUse: { toolUseId: 'call_2', name: 'get_weather', input: { city: 'Oslo' } } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'call_1', content: [{ text: '18°C' }] } },
          { toolResult: { toolUseId: 'call_2', content: [{ text: '9°C' }] } },
        ],
      },
    ]);
    expect(result.features.toolBlocks).toBe('messages[1].tool_calls[0]');
  });

  it('groups tool results in their message order and puts a following user message after them', () => {
    const result = convert(
      [
        { role: 'user', content: 'Go' },
        { role: 'assistant', content: null, tool_calls: [toolCall('a', 'f', '{}'), toolCall('b', 'f', '{}')] },
        { role: 'tool', tool_call_id: 'b', content: 'B' },
        { role: 'tool', tool_call_id: 'a', content: 'A' },
        { role: 'user', content: 'Thanks' },
      ],
      messagesContext({ names: ['f'], ids: ['a', 'b'] }),
    );
    expect(result.messages[2]).toEqual({
      role: 'user',
      content: [{ toolResult: { toolUseId: 'b', content: [{ text: 'B' }] } }, { toolResult: { toolUseId: 'a', content: [{ text: 'A' }] } }, { text: 'Thanks' }],
    });
  });

  it('sends an empty tool result as an empty content list', () => {
    const result = convert(
      [
        { role: 'user', content: 'Go' },
        { role: 'assistant', tool_calls: [toolCall('a', 'f', '')] },
        { role: 'tool', tool_call_id: 'a', content: '' },
      ],
      messagesContext({ names: ['f'], ids: ['a'] }),
    );
    expect(result.messages[1]!.content).toEqual([{ toolUse: { toolUseId: 'a', name: 'f', input: {} } }]);
    expect(result.messages[2]!.content).toEqual([{ toolResult: { toolUseId: 'a', content: [] } }]);
  });

  it('maps tool names and tool-call IDs to Bedrock charsets', () => {
    const longId = `call/${'x'.repeat(80)}`;
    const context = messagesContext({ names: ['weather.get'], ids: [longId] });
    const result = convert(
      [
        { role: 'user', content: 'Go' },
        { role: 'assistant', tool_calls: [toolCall(longId, 'weather.get', '{}')] },
        { role: 'tool', tool_call_id: longId, content: 'ok' },
      ],
      context,
    );
    const toolUse = result.messages[1]!.content![0]!.toolUse!;
    expect(toolUse.name).toBe('weather_get');
    expect(toolUse.toolUseId).toMatch(/^[a-zA-Z0-9_.:-]{1,64}$/);
    expect(result.messages[2]!.content![0]!.toolResult!.toolUseId).toBe(toolUse.toolUseId);
  });

  it.each([
    ['invalid JSON', 'not json', 'messages[1].tool_calls[0].function.arguments'],
    ['a JSON array', '[1,2]', 'messages[1].tool_calls[0].function.arguments'],
  ])('rejects arguments that are %s', (_name, args, param) => {
    const error = badRequest(() =>
      convert(
        [
          { role: 'user', content: 'Go' },
          { role: 'assistant', tool_calls: [toolCall('a', 'f', args)] },
          { role: 'tool', tool_call_id: 'a', content: 'x' },
        ],
        messagesContext({ names: ['f'], ids: ['a'] }),
      ),
    );
    expect(error.param).toBe(param);
  });

  it('rejects a custom tool call', () => {
    const error = badRequest(() =>
      convert([
        { role: 'user', content: 'Go' },
        { role: 'assistant', tool_calls: [{ id: 'a', type: 'custom', custom: { name: 'f', input: 'x' } }] },
      ]),
    );
    expect(error.param).toBe('messages[1].tool_calls[0].type');
  });

  it('rejects a tool call nobody answered', () => {
    const error = badRequest(() =>
      convert([
        { role: 'user', content: 'Go' },
        { role: 'assistant', tool_calls: [toolCall('a', 'f', '{}'), toolCall('b', 'f', '{}')] },
        { role: 'tool', tool_call_id: 'a', content: 'x' },
        { role: 'user', content: 'And?' },
      ]),
    );
    expect(error.param).toBe('messages[1].tool_calls[1]');
    expect(error.code).toBe('missing_tool_result');
  });

  it('rejects a tool message that answers no tool call', () => {
    const error = badRequest(() =>
      convert([
        { role: 'user', content: 'Go' },
        { role: 'assistant', tool_calls: [toolCall('a', 'f', '{}')] },
        { role: 'tool', tool_call_id: 'zzz', content: 'x' },
      ]),
    );
    expect(error.param).toBe('messages[2].tool_call_id');
    expect(error.code).toBe('invalid_tool_call_id');
  });

  it('turns refusal parts and the refusal field into text', () => {
    const result = convert([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot.' }], refusal: 'Sorry.' },
      { role: 'user', content: 'Ok' },
    ]);
    expect(result.messages[1]!.content).toEqual([{ text: 'I cannot.' }, { text: 'Sorry.' }]);
  });
});

describe('normalization', () => {
  it('merges consecutive turns of the same role', () => {
    const result = convert([
      { role: 'user', content: 'One' },
      { role: 'user', content: 'Two' },
      { role: 'assistant', content: 'Three' },
      { role: 'assistant', content: 'Four' },
      { role: 'user', content: 'Five' },
    ]);
    expect(result.messages).toEqual([
      { role: 'user', content: [{ text: 'One' }, { text: 'Two' }] },
      { role: 'assistant', content: [{ text: 'Three' }, { text: 'Four' }] },
      { role: 'user', content: [{ text: 'Five' }] },
    ]);
  });

  it('drops blank text blocks, and turns left empty (merging their neighbours)', () => {
    const result = convert([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'text', text: ' \n ' }] },
      { role: 'assistant', content: '   ' },
      { role: 'user', content: 'Again' },
    ]);
    expect(result.messages).toEqual([{ role: 'user', content: [{ text: 'Hi' }, { text: 'Again' }] }]);
  });

  it('trims the trailing whitespace of a final assistant prefill', () => {
    const result = convert([
      { role: 'user', content: 'Write JSON' },
      { role: 'assistant', content: '{"answer": \n' },
    ]);
    expect(result.messages[1]).toEqual({ role: 'assistant', content: [{ text: '{"answer":' }] });
  });

  it('keeps trailing whitespace of assistant messages that are not last', () => {
    const result = convert([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b ' },
      { role: 'user', content: 'c' },
    ]);
    expect(result.messages[1]!.content).toEqual([{ text: 'b ' }]);
  });

  it('rejects a conversation that starts with the assistant', () => {
    const error = badRequest(() =>
      convert([
        { role: 'system', content: 's' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Hi' },
      ]),
    );
    expect(error.param).toBe('messages[1]');
  });

  it.each([
    ['an empty array', []],
    ['only system messages', [{ role: 'system', content: 'x' }]],
    ['only blank user text', [{ role: 'user', content: ' ' }]],
    ['not an array', 'hello'],
  ])('rejects %s', (_name, messages) => {
    expect(badRequest(() => convert(messages)).param).toBe('messages');
  });

  it.each([
    ['an unknown role', { role: 'bot', content: 'x' }, 'messages[0].role'],
    ['a legacy function message answering nothing', { role: 'function', name: 'f', content: 'x' }, 'messages[0].name'],
    ['a non-object', 42, 'messages[0]'],
  ])('rejects %s', (_name, message, param) => {
    expect(badRequest(() => convert([message])).param).toBe(param);
  });

  it('rejects participant names, or drops them with a warning', () => {
    const messages = [{ role: 'user', name: 'alice', content: 'Hi' }];
    const error = badRequest(() => convert(messages));
    expect(error.param).toBe('messages[0].name');
    const context = messagesContext({ drop: true });
    expect(convert(messages, context).messages).toEqual([{ role: 'user', content: [{ text: 'Hi' }] }]);
    expect(context.warnings.map((warning) => warning.param)).toEqual(['messages[0].name']);
  });
});

describe('reasoning replay', () => {
  const convert = (messages: unknown[]) => convertToConverseMessages(messages, messagesContext({ names: ['f'], ids: ['call_1'] }));
  const signed = { type: 'reasoning.text', text: 'I should call f.', signature: 'c2lnbmVk' };

  it('puts signed and redacted blocks first in the assistant turn, and leaves unsigned ones and reasoning_content out', () => {
    const converted = convert([
      { role: 'user', content: 'Go' },
      {
        role: 'assistant',
        content: 'Calling f.',
        reasoning_content: 'I should call f.',
        reasoning_details: [{ type: 'reasoning.text', text: 'unsigned' }, signed, { type: 'reasoning.redacted', data: 'AQID' }],
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'ok' },
    ]);
    expect(converted.messages[1]!.content).toEqual([
      { reasoningContent: { reasoningText: { text: 'I should call f.', signature: 'c2lnbmVk' } } },
      { reasoningContent: { redactedContent: Buffer.from([1, 2, 3]) } },
      { text: 'Calling f.' },
      { toolUse: { toolUseId: 'call_1', name: 'f', input: {} } },
    ]);
  });

  it('sends nothing for a message whose reasoning is only unsigned or only reasoning_content', () => {
    const converted = convert([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello', reasoning_content: 'thinking', reasoning_details: [{ type: 'reasoning.text', text: 'thinking' }] },
      { role: 'user', content: 'Again' },
    ]);
    expect(converted.messages[1]!.content).toEqual([{ text: 'Hello' }]);
  });

  it.each<[unknown, string]>([
    [{ reasoning_details: 'x' }, 'messages[1].reasoning_details'],
    [{ reasoning_details: [{ type: 'reasoning.encrypted', data: 'x' }] }, 'messages[1].reasoning_details[0].type'],
    [{ reasoning_content: 5 }, 'messages[1].reasoning_content'],
  ])('rejects %j', (fields, param) => {
    const error = badRequest(() => convert([{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello', ...(fields as object) }]));
    expect(error.param).toBe(param);
  });
});
