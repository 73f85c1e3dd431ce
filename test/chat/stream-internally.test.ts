import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/client.js';
import { APIError } from '../../src/core/errors.js';
import { assembleConverseResponse, shouldStreamInternally, STREAM_INTERNALLY_MIN_TOKENS } from '../../src/chat/stream-internally.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import type { ChatCompletionCreateParamsNonStreaming } from '../../src/chat/types.js';
import { readStreamFixture } from './helpers.js';

describe('shouldStreamInternally', () => {
  it.each([
    ['explicit true wins', true, 100, true],
    ['explicit true wins without max_tokens', true, undefined, true],
    ['explicit false wins', false, 60_000, false],
    ['an explicit max_tokens at the threshold', undefined, STREAM_INTERNALLY_MIN_TOKENS, true],
    ['an explicit max_tokens below the threshold', undefined, STREAM_INTERNALLY_MIN_TOKENS - 1, false],
    // Never from the model's maximum output: a plain call stays a Converse call (IAM bedrock:InvokeModel).
    ['no max_tokens', undefined, undefined, false],
  ])('%s', (_name, requested, maxTokens, expected) => {
    expect(shouldStreamInternally(requested, maxTokens)).toBe(expected);
  });
});

describe('assembleConverseResponse', () => {
  it('assembles text, usage and metrics', () => {
    const response = assembleConverseResponse(readStreamFixture('converse-stream-text'));
    expect(response.output?.message?.role).toBe('assistant');
    expect(response.output?.message?.content?.map((block) => block.text).join('')).toMatch(/^Hel/);
    expect(response.stopReason).toBe('end_turn');
    expect(response.usage?.totalTokens).toBeGreaterThan(0);
  });

  it('assembles signed reasoning before the answer', () => {
    const response = assembleConverseResponse(readStreamFixture('converse-stream-reasoning'));
    expect(response.output?.message?.content).toEqual([
      { reasoningContent: { reasoningText: { text: 'The user greets me. Greet back.', signature: 'c2lnbmF0dXJl' } } },
      { text: 'Hi there.' },
    ]);
  });

  it('assembles parallel tool calls with their JSON input, in block order', () => {
    const response = assembleConverseResponse(readStreamFixture('converse-stream-parallel-tools'));
    const tools = response.output?.message?.content?.filter((block) => block.toolUse !== undefined).map((block) => block.toolUse);
    expect(tools?.length).toBeGreaterThanOrEqual(2);
    for (const tool of tools ?? []) expect(typeof tool?.input).toBe('object');
    expect(response.stopReason).toBe('tool_use');
  });

  it('gives {} for a tool with empty arguments', () => {
    const response = assembleConverseResponse(readStreamFixture('converse-stream-empty-arguments'));
    const tool = response.output?.message?.content?.find((block) => block.toolUse !== undefined)?.toolUse;
    expect(tool?.input).toEqual({});
  });

  it('refuses what it cannot place instead of dropping it', () => {
    expect(() => assembleConverseResponse([{ contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '{}' } } } }] as never)).toThrow(APIError);
    expect(() =>
      assembleConverseResponse([
        { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 't', name: 'n' } } } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '{"a":' } } } },
      ] as never),
    ).toThrow(/not valid JSON/);
  });
});

describe('a non-streaming call served over ConverseStream, end to end', () => {
  let emulator: EmulatorHandle;
  let client: Client;
  beforeAll(async () => {
    emulator = await startEmulator();
    client = new Client({ endpoint: emulator.url, credentials: emulator.credentials, configFile: false, env: {}, maxRetries: 0 });
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  const tools = [
    { type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
    { type: 'function' as const, function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
  ];
  const cases: [string, ChatCompletionCreateParamsNonStreaming][] = [
    ['text', { model: 'claude-3-haiku', messages: [{ role: 'user', content: 'Tell me a long story' }], max_tokens: 200 }],
    ['parallel tools', { model: 'claude-3-haiku', messages: [{ role: 'user', content: 'Call get_weather and get_time' }], tools }],
    ['reasoning', { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Think about it' }], reasoning_effort: 'low', max_tokens: 2000 }],
  ];

  it.each(cases)('gives the same ChatCompletion as Converse for %s', async (_name, params) => {
    emulator.clearRequests();
    const direct = await client.chat.completions.create({ ...params, bedrock: { streamInternally: false } });
    const internal = await client.chat.completions.create({ ...params, bedrock: { streamInternally: true } });
    expect(emulator.requests.map((request) => request.operation)).toEqual(['Converse', 'ConverseStream']);
    const strip = (completion: typeof direct) => ({ ...completion, id: undefined, created: undefined, bedrock: { ...completion.bedrock, latency_ms: undefined } });
    expect(strip(internal)).toEqual(strip(direct));
  });

  it('streams internally by default only when the caller sets a large max_tokens', async () => {
    emulator.clearRequests();
    const messages = [{ role: 'user' as const, content: 'hi' }];
    await client.chat.completions.create({ model: 'claude-sonnet-4-5', messages, max_tokens: 30_000 });
    await client.chat.completions.create({ model: 'claude-sonnet-4-5', messages, max_completion_tokens: STREAM_INTERNALLY_MIN_TOKENS });
    await client.chat.completions.create({ model: 'claude-sonnet-4-5', messages, max_tokens: 1_000 });
    // No max_tokens on a model whose maximum output is 64K, and a large max_tokens filled in for thinking: Converse.
    await client.chat.completions.create({ model: 'claude-sonnet-4-5', messages });
    await client.chat.completions.create({ model: 'claude-opus-4-5', messages, reasoning_effort: 'xhigh' });
    await client.chat.completions.create({ model: 'claude-sonnet-4-5', messages, bedrock: { streamInternally: true } });
    expect(emulator.requests.map((request) => request.operation)).toEqual(['ConverseStream', 'ConverseStream', 'Converse', 'Converse', 'Converse', 'ConverseStream']);
    expect(emulator.counts).toMatchObject({ Converse: 3, ConverseStream: 3 });
  });

  it('serves a default call to a role allowed only bedrock:InvokeModel (ConverseStream denied)', async () => {
    emulator.clearRequests();
    const denied = 'User: arn:aws:iam::123456789012:role/least-privilege is not authorized to perform: bedrock:InvokeModelWithResponseStream';
    emulator.faults.failNext(1, 'AccessDeniedException', { operation: 'ConverseStream', message: denied });
    const completion = await client.chat.completions.create({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]!.message.content).toBeTruthy();
    // Asking for a long output does need the streaming permission, and says so through Bedrock's error.
    const error = await client.chat.completions
      .create({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }], max_tokens: 30_000 })
      .then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(403);
    expect((error as APIError).message).toContain('bedrock:InvokeModelWithResponseStream');
    expect(emulator.requests.map((request) => request.operation)).toEqual(['Converse', 'ConverseStream']);
  });
});
