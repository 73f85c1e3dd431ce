import { describe, expect, it } from 'vitest';
import type { ConverseRequestJson } from '../../src/emulator/converse.js';
import { EmulatorError } from '../../src/emulator/errors.js';
import { ModelRegistry } from '../../src/emulator/models.js';
import { signReasoning } from '../../src/emulator/reasoning.js';
import { MESSAGES, validateConverseRequest } from '../../src/emulator/validation.js';

const models = new ModelRegistry();
const model = (id: string) => models.get(id)!;
const nova = model('amazon.nova-lite-v1:0');
const sonnet45 = model('anthropic.claude-sonnet-4-5-20250929-v1:0');
const sonnet37 = model('anthropic.claude-3-7-sonnet-20250219-v1:0');
const haiku3 = model('anthropic.claude-3-haiku-20240307-v1:0');
const llama31 = model('meta.llama3-1-8b-instruct-v1:0');

const user = (text: string) => ({ role: 'user', content: [{ text }] });
const assistant = (text: string) => ({ role: 'assistant', content: [{ text }] });
const tools = { tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object' } } } }] };
const thinking = (budget = 1024) => ({ thinking: { type: 'enabled', budget_tokens: budget } });

function messageOf(body: unknown, target = nova, operation: 'Converse' | 'ConverseStream' = 'Converse'): string | undefined {
  try {
    validateConverseRequest(body, { model: target, operation });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorError);
    expect((error as EmulatorError).name).toBe('ValidationException');
    expect((error as EmulatorError).status).toBe(400);
    return (error as EmulatorError).message;
  }
}

const toolTurn = (id = 't1') => ({ role: 'assistant', content: [{ toolUse: { toolUseId: id, name: 'lookup', input: {} } }] });
const resultTurn = (...ids: string[]) => ({ role: 'user', content: ids.map((id) => ({ toolResult: { toolUseId: id, content: [{ text: 'ok' }] } })) });

describe('validateConverseRequest: conversation structure', () => {
  it.each<[string, ConverseRequestJson, string]>([
    ['empty messages', { messages: [] }, MESSAGES.startWithUser],
    ['no messages', {}, MESSAGES.startWithUser],
    ['first message from the assistant', { messages: [assistant('hi'), user('yo')] }, MESSAGES.startWithUser],
    ['two user turns in a row', { messages: [user('a'), user('b')] }, MESSAGES.alternateRoles],
    ['two assistant turns in a row', { messages: [user('a'), assistant('b'), assistant('c')] }, MESSAGES.alternateRoles],
    [
      'blank text block',
      { messages: [user('a'), assistant('b'), { role: 'user', content: [{ text: 'ok' }, { text: '  ' }] }] },
      'The text field in the ContentBlock object at messages.2.content.1 is blank. Add text to the text field, and try again.',
    ],
    ['empty content', { messages: [{ role: 'user', content: [] }] }, 'The content field in the Message object at messages.0 is empty. Add a ContentBlock object to the content field and try again.'],
    ['toolUse without toolConfig', { messages: [user('a'), toolTurn(), resultTurn('t1')] }, MESSAGES.toolConfigRequired],
    [
      'toolResult without a toolUse',
      { messages: [user('a'), assistant('b'), resultTurn('t1')], toolConfig: tools },
      'The number of toolResult blocks at messages.2.content exceeds the number of toolUse blocks of previous turn.',
    ],
    [
      'toolResult with the wrong id',
      { messages: [user('a'), toolTurn('t1'), resultTurn('t2')], toolConfig: tools },
      'The model returned the following errors: messages.2.content.0: unexpected `tool_use_id` found in `tool_result` blocks: t2. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
    ],
    [
      'toolUse not answered',
      { messages: [user('a'), toolTurn('t1'), user('next')], toolConfig: tools },
      'The model returned the following errors: messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: t1. Each `tool_use` block must have a corresponding `tool_result` block in the next message.',
    ],
  ])('%s', (_name, body, expected) => {
    expect(messageOf(body)).toBe(expected);
  });

  it('accepts a complete tool loop', () => {
    expect(messageOf({ messages: [user('a'), toolTurn('t1'), resultTurn('t1')], toolConfig: tools })).toBeUndefined();
  });
});

describe('validateConverseRequest: model support', () => {
  it.each<[string, unknown, string, 'Converse' | 'ConverseStream', string]>([
    ['embedding model on Converse', { messages: [user('a')] }, 'amazon.titan-embed-text-v2:0', 'Converse', MESSAGES.unsupportedAction],
    ['no streaming (Llama 4)', { messages: [user('a')] }, 'meta.llama4-scout-17b-instruct-v1:0', 'ConverseStream', MESSAGES.streamingUnsupported],
    ['no streaming tool use (Llama 3.1)', { messages: [user('a')], toolConfig: tools }, 'meta.llama3-1-8b-instruct-v1:0', 'ConverseStream', MESSAGES.streamingToolUseUnsupported],
    ['no tool use (Titan Text)', { messages: [user('a')], toolConfig: tools }, 'amazon.titan-text-express-v1', 'Converse', MESSAGES.toolUseUnsupported],
    ['no system prompt (Titan Text)', { system: [{ text: 's' }], messages: [user('a')] }, 'amazon.titan-text-express-v1', 'Converse', MESSAGES.systemUnsupported],
    [
      'toolChoice any on Llama',
      { messages: [user('a')], toolConfig: { ...tools, toolChoice: { any: {} } } },
      'meta.llama3-1-8b-instruct-v1:0',
      'Converse',
      "This model doesn't support the toolConfig.toolChoice.any field. Remove toolConfig.toolChoice.any and try again.",
    ],
    [
      'toolResult status on Llama',
      { messages: [user('a'), toolTurn(), { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ text: 'x' }], status: 'error' } }] }], toolConfig: tools },
      'meta.llama3-1-8b-instruct-v1:0',
      'Converse',
      "This model doesn't support the status field. Remove status and try again.",
    ],
    ['maxTokens over the limit', { messages: [user('a')], inferenceConfig: { maxTokens: 5000 } }, 'anthropic.claude-3-haiku-20240307-v1:0', 'Converse', 'The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.'],
    ['temperature out of range', { messages: [user('a')], inferenceConfig: { temperature: 1.5 } }, 'amazon.nova-lite-v1:0', 'Converse', "1 validation error detected: Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1"],
  ])('%s', (_name, body, modelId, operation, expected) => {
    expect(messageOf(body, model(modelId), operation)).toBe(expected);
  });

  it('rejects temperature with topP only on models that do (Claude 4.5+)', () => {
    const body = { messages: [user('a')], inferenceConfig: { temperature: 0.5, topP: 0.9 } };
    expect(messageOf(body, sonnet45)).toBe(MESSAGES.temperatureAndTopP);
    expect(messageOf(body, sonnet37)).toBeUndefined();
    expect(messageOf(body, nova)).toBeUndefined();
  });
});

describe('validateConverseRequest: thinking', () => {
  it.each<[string, ConverseRequestJson, string]>([
    ['budget missing', { messages: [user('a')], additionalModelRequestFields: { thinking: { type: 'enabled' } } }, 'The model returned the following errors: thinking.enabled.budget_tokens: Field required'],
    ['budget below 1024', { messages: [user('a')], additionalModelRequestFields: thinking(1000) }, MESSAGES.thinkingBudgetMinimum],
    ['budget not below maxTokens', { messages: [user('a')], inferenceConfig: { maxTokens: 1024 }, additionalModelRequestFields: thinking(1024) }, MESSAGES.thinkingBudgetBelowMax],
    ['forced tool choice', { messages: [user('a')], toolConfig: { ...tools, toolChoice: { any: {} } }, additionalModelRequestFields: thinking() }, MESSAGES.thinkingForcedTool],
    ['temperature changed', { messages: [user('a')], inferenceConfig: { temperature: 0.2 }, additionalModelRequestFields: thinking() }, MESSAGES.thinkingTemperature],
    ['topP lowered', { messages: [user('a')], inferenceConfig: { topP: 0.5 }, additionalModelRequestFields: thinking() }, MESSAGES.thinkingTopP],
    ['top_k set', { messages: [user('a')], additionalModelRequestFields: { ...thinking(), top_k: 5 } }, MESSAGES.thinkingTopK],
  ])('%s', (_name, body, expected) => {
    expect(messageOf(body, sonnet37)).toBe(expected);
  });

  it('rejects thinking on a Claude model without it', () => {
    expect(messageOf({ messages: [user('a')], additionalModelRequestFields: thinking() }, haiku3)).toBe(MESSAGES.thinkingUnsupported);
  });

  const signedTurn = (signature: string | undefined) => ({
    role: 'assistant',
    content: [
      { reasoningContent: { reasoningText: signature === undefined ? { text: 'hmm' } : { text: 'hmm', signature } } },
      { toolUse: { toolUseId: 't1', name: 'lookup', input: {} } },
    ],
  });

  it('requires replayed reasoning to keep its signature', () => {
    const body = (turn: unknown) => ({ messages: [user('a'), turn, resultTurn('t1')], toolConfig: tools, additionalModelRequestFields: thinking() });
    expect(messageOf(body(signedTurn(signReasoning('hmm'))), sonnet37)).toBeUndefined();
    expect(messageOf(body(signedTurn(undefined)), sonnet37)).toBe('The model returned the following errors: messages.1.content.0.thinking.signature: Field required');
    expect(messageOf(body(signedTurn('forged')), sonnet37)).toBe('The model returned the following errors: messages.1.content.0: Invalid `signature` in `thinking` block');
    expect(messageOf(body(toolTurn('t1')), sonnet37)).toMatch(
      /^The model returned the following errors: messages\.1\.content\.0\.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`\. When `thinking` is enabled, a final `assistant` message must start with a thinking block/,
    );
  });
});

describe('validateConverseRequest: cache points and structured output', () => {
  const point = (ttl?: string) => ({ cachePoint: ttl === undefined ? { type: 'default' } : { type: 'default', ttl } });
  it('allows at most 4 cache points', () => {
    const body = { system: [{ text: 's' }, point(), { text: 't' }, point()], messages: [{ role: 'user', content: [{ text: 'a' }, point(), { text: 'b' }, point(), { text: 'c' }, point()] }] };
    expect(messageOf(body, sonnet45)).toBe('The model returned the following errors: A maximum of 4 blocks with cache_control may be provided. Found 5.');
  });
  it('accepts ttl 1h only on Claude 4.5+', () => {
    const body = { system: [{ text: 's' }, point('1h')], messages: [user('a')] };
    expect(messageOf(body, sonnet45)).toBeUndefined();
    expect(messageOf(body, sonnet37)).toBe('The model returned the following errors: system.1.cache_control.ttl: Extra inputs are not permitted');
    expect(messageOf(body, nova)).toBe('Extended TTL prompt caching is only supported for Anthropic models');
  });
  it('checks outputConfig.textFormat', () => {
    const format = (schema: string) => ({ textFormat: { type: 'json_schema', structure: { jsonSchema: { schema } } } });
    expect(messageOf({ messages: [user('a')], outputConfig: format('{"type":"object"}') }, sonnet45)).toBeUndefined();
    expect(messageOf({ messages: [user('a')], outputConfig: format('{not json') }, sonnet45)).toMatch(/not valid JSON/);
    expect(messageOf({ messages: [user('a')], outputConfig: format('{"type":"object"}') }, llama31)).toBe(
      "This model doesn't support the outputConfig.textFormat field. Remove outputConfig.textFormat and try again.",
    );
  });
});

describe('validateConverseRequest: document names', () => {
  const withDocuments = (...names: string[]) => ({
    messages: [{ role: 'user', content: [{ text: 'Read' }, ...names.map((name) => ({ document: { format: 'txt', name, source: { text: 'x' } } }))] }],
  });
  it.each(['report', 'Q3 report (final) [v2]', 'a-b c'])('accepts %j', (name) => {
    expect(messageOf(withDocuments(name))).toBeUndefined();
  });
  it.each(['two  spaces', 'dot.name', 'no\u00a0break', 'tab\t\tdouble'])('refuses %j', (name) => {
    expect(messageOf(withDocuments(name))).toMatch(/^The document name at messages\.0\.content\.1\.document\.name is invalid\./);
  });
  it('refuses the same name twice', () => {
    expect(messageOf(withDocuments('a', 'a'))).toBe("Messages can't contain duplicate document names.");
    expect(messageOf(withDocuments('a', 'b'))).toBeUndefined();
  });
});
