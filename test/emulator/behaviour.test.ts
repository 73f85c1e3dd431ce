import { describe, expect, it } from 'vitest';
import { echoText, limitText, replyFor, selectTools, type ConverseRequestJson } from '../../src/emulator/converse.js';
import { ModelRegistry } from '../../src/emulator/models.js';
import { PromptCache } from '../../src/emulator/prompt-cache.js';
import { verifyReasoningSignature } from '../../src/emulator/reasoning.js';
import { countTokens, splitTokens } from '../../src/emulator/tokens.js';

const models = new ModelRegistry();
const nova = models.get('amazon.nova-lite-v1:0')!;
const sonnet45 = models.get('anthropic.claude-sonnet-4-5-20250929-v1:0')!;
const gptOss = models.get('openai.gpt-oss-20b-1:0')!;
const novaTwo = models.get('amazon.nova-2-lite-v1:0')!;

const user = (text: string) => ({ role: 'user', content: [{ text }] });

describe('countTokens (whitespace-separated words)', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['Hello', 1],
    ['Hello there, world', 3],
    ['  spaced\tout\nwords  ', 3],
    ['{"city":"Paris"}', 1],
  ])('%j → %i', (text, expected) => {
    expect(countTokens(text)).toBe(expected);
  });

  it('splitTokens keeps whitespace so joining restores the text', () => {
    expect(splitTokens(' a  b\nc').join('')).toBe(' a  b\nc');
    expect(splitTokens(' a  b\nc')).toHaveLength(3);
  });
});

describe('limitText', () => {
  it.each([
    ['one two three', undefined, undefined, { text: 'one two three', stopReason: 'end_turn' }],
    ['one two three', 2, undefined, { text: 'one two', stopReason: 'max_tokens' }],
    ['one two three', 3, undefined, { text: 'one two three', stopReason: 'end_turn' }],
    ['one two STOP three', undefined, ['STOP'], { text: 'one two ', stopReason: 'stop_sequence', stopSequence: 'STOP' }],
    ['a X b Y c', undefined, ['Y', 'X'], { text: 'a ', stopReason: 'stop_sequence', stopSequence: 'X' }],
    ['one two STOP', 1, ['STOP'], { text: 'one', stopReason: 'max_tokens' }],
  ] as const)('%j max=%j stop=%j', (text, maxTokens, stops, expected) => {
    expect(limitText(text, maxTokens, stops)).toEqual(expected);
  });
});

describe('echoText', () => {
  it('echoes the last user message', () => {
    expect(echoText({ messages: [user('first'), { role: 'assistant', content: [{ text: 'ok' }] }, user('second one')] })).toBe('You said: second one');
  });
  it('summarises tool results after a tool turn', () => {
    const request: ConverseRequestJson = {
      messages: [
        user('weather?'),
        { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'get_weather', input: {} } }] },
        { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ json: { temp: 21 } }] } }] },
      ],
    };
    expect(echoText(request)).toBe('Tool get_weather returned: {"temp":21}');
  });
});

describe('replyFor: text', () => {
  it('counts input and output tokens by the word rule', () => {
    const reply = replyFor({ system: [{ text: 'Be brief.' }], messages: [user('How are you today?')] }, { model: nova });
    expect(reply.content).toEqual([{ text: 'You said: How are you today?' }]);
    expect(reply.usage).toEqual({ inputTokens: 6, outputTokens: 6, totalTokens: 12 });
    expect(reply.stopReason).toBe('end_turn');
  });

  it('honours maxTokens and stop sequences', () => {
    expect(replyFor({ messages: [user('a b c d e')], inferenceConfig: { maxTokens: 3 } }, { model: nova })).toMatchObject({
      content: [{ text: 'You said: a' }],
      stopReason: 'max_tokens',
      usage: { outputTokens: 3 },
    });
    expect(replyFor({ messages: [user('alpha END beta')], inferenceConfig: { stopSequences: ['END'] } }, { model: nova })).toMatchObject({
      content: [{ text: 'You said: alpha ' }],
      stopReason: 'stop_sequence',
    });
  });

  it('reports which stop sequence fired when /stop_sequence is requested', () => {
    const reply = replyFor(
      { messages: [user('alpha END beta')], inferenceConfig: { stopSequences: ['END'] }, additionalModelResponseFieldPaths: ['/stop_sequence'] },
      { model: sonnet45 },
    );
    expect(reply.additionalModelResponseFields).toEqual({ stop_sequence: 'END' });
  });
});

const weatherTool = {
  toolSpec: {
    name: 'get_weather',
    inputSchema: { json: { type: 'object', properties: { city: { type: 'string' }, unit: { enum: ['C', 'F'] } }, required: ['city'] } },
  },
};
const timeTool = { toolSpec: { name: 'get_time', inputSchema: { json: { type: 'object', properties: {} } } } };

describe('replyFor: tools', () => {
  it('answers with text when no tool is named and the choice is auto', () => {
    const reply = replyFor({ messages: [user('hello')], toolConfig: { tools: [weatherTool] } }, { model: nova });
    expect(reply.stopReason).toBe('end_turn');
  });

  it('calls the named tool with schema-valid input', () => {
    const reply = replyFor({ messages: [user('use get_weather for Paris')], toolConfig: { tools: [weatherTool, timeTool] } }, { model: nova });
    expect(reply.stopReason).toBe('tool_use');
    const toolUses = reply.content.filter((block) => block['toolUse'] !== undefined).map((block) => block['toolUse']);
    expect(toolUses).toEqual([{ toolUseId: expect.stringMatching(/^tooluse_[A-Za-z0-9_-]{22}$/), name: 'get_weather', input: { city: 'use get_weather for Paris', unit: 'C' } }]);
  });

  it('calls several named tools in parallel, a parameterless tool with {}', () => {
    const reply = replyFor({ messages: [user('get_time and get_weather please')], toolConfig: { tools: [weatherTool, timeTool] } }, { model: nova });
    const toolUses = reply.content.flatMap((block) => (block['toolUse'] === undefined ? [] : [block['toolUse'] as Record<string, unknown>]));
    expect(toolUses.map((use) => use['name'])).toEqual(['get_weather', 'get_time']);
    expect(toolUses[1]?.['input']).toEqual({});
    expect(new Set(toolUses.map((use) => use['toolUseId'])).size).toBe(2);
  });

  it('forces the tool for toolChoice.tool and the first tool for toolChoice.any', () => {
    expect(selectTools({ messages: [user('hi')], toolConfig: { tools: [weatherTool, timeTool], toolChoice: { tool: { name: 'get_time' } } } }).map((tool) => tool.name)).toEqual(['get_time']);
    expect(selectTools({ messages: [user('hi')], toolConfig: { tools: [weatherTool, timeTool], toolChoice: { any: {} } } }).map((tool) => tool.name)).toEqual(['get_weather']);
  });

  it('does not call a tool again right after a tool result (auto)', () => {
    const request: ConverseRequestJson = {
      messages: [
        user('get_weather'),
        { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'get_weather', input: { city: 'x' } } }] },
        { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ text: 'sunny' }] } }] },
      ],
      toolConfig: { tools: [weatherTool] },
    };
    expect(replyFor(request, { model: nova })).toMatchObject({ stopReason: 'end_turn', content: [{ text: 'Tool get_weather returned: sunny' }] });
  });
});

describe('replyFor: reasoning', () => {
  it('emits signed reasoning first for Claude thinking', () => {
    const reply = replyFor(
      { messages: [user('think')], inferenceConfig: { maxTokens: 2048 }, additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } } },
      { model: sonnet45 },
    );
    const reasoning = (reply.content[0]?.['reasoningContent'] as { reasoningText: { text: string; signature: string } }).reasoningText;
    expect(reasoning.text.length).toBeGreaterThan(0);
    expect(verifyReasoningSignature(reasoning.text, reasoning.signature)).toBe(true);
    expect(reply.content[1]).toEqual({ text: 'You said: think' });
  });

  it('emits unsigned reasoning for gpt-oss reasoning_effort and Nova 2 reasoningConfig', () => {
    for (const [model, fields] of [
      [gptOss, { reasoning_effort: 'low' }],
      [novaTwo, { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' } }],
    ] as const) {
      const reply = replyFor({ messages: [user('q')], additionalModelRequestFields: fields }, { model });
      expect(reply.content[0]).toEqual({ reasoningContent: { reasoningText: { text: expect.any(String) } } });
    }
  });

  it('does not reason when not asked', () => {
    expect(replyFor({ messages: [user('q')] }, { model: sonnet45 }).content).toEqual([{ text: 'You said: q' }]);
  });
});

describe('replyFor: structured output', () => {
  it('returns JSON valid for the schema', () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 18 }, tags: { type: 'array', items: { type: 'string' } }, kind: { enum: ['a', 'b'] } },
      required: ['name', 'age', 'tags', 'kind'],
      additionalProperties: false,
    };
    const reply = replyFor(
      { messages: [user('Ada')], outputConfig: { textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(schema), name: 'person' } } } } },
      { model: sonnet45 },
    );
    expect(JSON.parse(String(reply.content[0]?.['text']))).toEqual({ name: 'Ada', age: 18, tags: ['Ada'], kind: 'a' });
  });
});

describe('replyFor: guardrails', () => {
  const guardrailConfig = { guardrailIdentifier: 'gr-1', guardrailVersion: 'DRAFT', trace: 'enabled' };
  it('intervenes on the trigger word with a trace', () => {
    const reply = replyFor({ messages: [user('tell me about the Blocked-Topic')], guardrailConfig }, { model: nova });
    expect(reply.stopReason).toBe('guardrail_intervened');
    expect(reply.content).toEqual([{ text: 'Sorry, the model cannot answer this question.' }]);
    expect(reply.trace).toMatchObject({ guardrail: { inputAssessment: { 'gr-1': { topicPolicy: { topics: [{ action: 'BLOCKED' }] } } } } });
  });
  it('uses a configured trigger, and ignores the word without a guardrailConfig', () => {
    expect(replyFor({ messages: [user('say banana')], guardrailConfig }, { model: nova, guardrailTrigger: 'banana' }).stopReason).toBe('guardrail_intervened');
    expect(replyFor({ messages: [user('blocked-topic')] }, { model: nova }).stopReason).toBe('end_turn');
  });
});

describe('PromptCache', () => {
  const longText = Array.from({ length: 1100 }, (_, index) => `word${index}`).join(' ');
  const request = (question: string, ttl?: '1h'): ConverseRequestJson => ({
    system: [{ text: longText }, { cachePoint: ttl === undefined ? { type: 'default' } : { type: 'default', ttl } }],
    messages: [user(question)],
  });

  it('writes a prefix once and reads it afterwards', () => {
    const cache = new PromptCache();
    expect(cache.apply('m', request('one'))).toEqual({ cacheReadInputTokens: 0, cacheWriteInputTokens: 1100, cacheDetails: [{ ttl: '5m', inputTokens: 1100 }] });
    expect(cache.apply('m', request('two'))).toEqual({ cacheReadInputTokens: 1100, cacheWriteInputTokens: 0, cacheDetails: [] });
    expect(cache.apply('other-model', request('two'))?.cacheWriteInputTokens).toBe(1100);
  });

  it('does not cache prefixes under the minimum, and expires entries after the TTL', () => {
    let now = 0;
    const cache = new PromptCache({ now: () => now });
    expect(cache.apply('m', { system: [{ text: 'short' }, { cachePoint: { type: 'default' } }], messages: [user('x')] })).toEqual({
      cacheReadInputTokens: 0,
      cacheWriteInputTokens: 0,
      cacheDetails: [],
    });
    cache.apply('m', request('a'));
    now += 5 * 60 * 1000 + 1;
    expect(cache.apply('m', request('b'))?.cacheWriteInputTokens).toBe(1100);
    cache.apply('m', request('c', '1h'));
    now += 30 * 60 * 1000;
    expect(cache.apply('m', request('d', '1h'))?.cacheReadInputTokens).toBe(1100);
  });

  it('splits usage so that input + cache read + cache write is the whole prompt', () => {
    const cache = new PromptCache();
    const first = replyFor(request('q'), { model: nova, promptCache: cache });
    expect(first.usage).toMatchObject({ inputTokens: 1, cacheWriteInputTokens: 1100, cacheReadInputTokens: 0 });
    const second = replyFor(request('q'), { model: nova, promptCache: cache });
    expect(second.usage).toMatchObject({ inputTokens: 1, cacheWriteInputTokens: 0, cacheReadInputTokens: 1100, totalTokens: 1 + 1100 + 3 });
  });
});
