/**
 * The official `openai` package, unchanged, against Bedrock (the emulator) through both doors: the in-process
 * fetch and a started server. Its own helpers (parse with zod, stream(), runTools()), its base64 embeddings, its
 * pagination, its abort, and its own error classes — with the emulator's request count proving that the SDK's
 * retries do not multiply ours.
 */
import OpenAI from 'openai';
import { zodFunction, zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { createBedrockFetch } from '../../src/http/fetch.js';
import { startServer, type ServerHandle } from '../../src/server/server.js';
import { emulatorClientOptions } from './helpers.js';

let emulator: EmulatorHandle;
let server: ServerHandle;
const KEY = 'sk-gateway-test-0123456789';

beforeAll(async () => {
  emulator = await startEmulator();
  server = await startServer({ port: 0, apiKeys: [KEY], client: emulatorClientOptions(emulator) });
});
afterAll(async () => {
  await server.close({ graceMs: 0 });
  await emulator.close();
});
beforeEach(() => emulator.reset());

const doors: Array<[string, () => OpenAI]> = [
  ['in-process fetch', () => new OpenAI({ baseURL: 'http://bedrock.test/v1', apiKey: 'unused', fetch: createBedrockFetch({ baseURL: 'http://bedrock.test/v1', client: emulatorClientOptions(emulator) }) })],
  ['server', () => new OpenAI({ baseURL: server.url, apiKey: KEY })],
];

describe.each(doors)('openai SDK through the %s', (_door, makeClient) => {
  let openai: OpenAI;
  beforeAll(() => {
    openai = makeClient();
  });

  it('create: JSON, with the request ID', async () => {
    const completion = await openai.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'hello there' }] });
    expect(completion.choices[0]!.message.content).toBe('You said: hello there');
    expect(completion._request_id).toBe(emulator.requests.at(-1)!.requestId);
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
  });

  it('create: streamed, with usage', async () => {
    const stream = await openai.chat.completions.create({
      model: 'nova-lite',
      messages: [{ role: 'user', content: 'stream me please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('You said: stream me please');
    expect(usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), total_tokens: expect.any(Number) });
  });

  it('parse() with zodResponseFormat', async () => {
    const Person = z.object({ name: z.string(), age: z.number().int() });
    const completion = await openai.chat.completions.parse({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: 'Ada is 36.' }],
      response_format: zodResponseFormat(Person, 'person'),
    });
    const parsed = completion.choices[0]!.message.parsed;
    expect(parsed).not.toBeNull();
    expect(Person.parse(parsed)).toEqual(parsed);
  });

  it('parse() with zodFunction tools', async () => {
    const completion = await openai.chat.completions.parse({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: 'call get_weather for Paris' }],
      tools: [zodFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) })],
    });
    const call = completion.choices[0]!.message.tool_calls?.[0];
    expect(call).toBeDefined();
    if (call === undefined) return;
    expect(call.type).toBe('function');
    if (call.type !== 'function') return;
    expect(call.function.name).toBe('get_weather');
    expect(call.function.parsed_arguments).toEqual({ city: expect.any(String) });
  });

  it('chat.completions.stream() and its final completion', async () => {
    const runner = openai.chat.completions.stream({ model: 'nova-lite', messages: [{ role: 'user', content: 'helper stream' }] });
    const deltas: string[] = [];
    runner.on('content', (delta) => deltas.push(delta));
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]!.message.content).toBe('You said: helper stream');
    expect(deltas.join('')).toBe('You said: helper stream');
  });

  it('runTools(): the SDK calls our tool and sends the result back', async () => {
    const calls: unknown[] = [];
    const runner = openai.chat.completions.runTools({
      model: 'nova-lite',
      messages: [{ role: 'user', content: 'use lookup please' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'lookup',
            description: 'Looks something up.',
            parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
            function: (args: { query: string }) => {
              calls.push(args);
              return 'forty-two';
            },
            parse: JSON.parse,
          },
        },
      ],
    });
    const content = await runner.finalContent();
    expect(calls).toHaveLength(1);
    expect(content).toBe('Tool lookup returned: forty-two');
    expect(emulator.counts.Converse).toBe(2);
  });

  it('embeddings: the SDK’s default (base64, decoded by the SDK) equals float', async () => {
    const base64 = await openai.embeddings.create({ model: 'titan-embed-text-v2', input: ['hello world', 'second'] });
    const float = await openai.embeddings.create({ model: 'titan-embed-text-v2', input: ['hello world', 'second'], encoding_format: 'float' });
    expect(base64.data).toHaveLength(2);
    expect(base64.data[0]!.embedding).toHaveLength(1024);
    expect(base64.data[0]!.embedding).toEqual(float.data[0]!.embedding.map((value) => Math.fround(value)));
  });

  it('models.list() iterated, and retrieve by profile ID', async () => {
    const ids: string[] = [];
    for await (const model of openai.models.list()) ids.push(model.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toContain('amazon.nova-lite-v1:0');
    expect((await openai.models.retrieve('us.anthropic.claude-sonnet-4-5-20250929-v1:0')).id).toBe('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  it('abort: breaking out of a stream cancels the Bedrock call', async () => {
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 50 });
    const controller = new AbortController();
    const stream = await openai.chat.completions.create(
      { model: 'nova-lite', messages: [{ role: 'user', content: 'a b c d e f g h i j k l m n o p' }], stream: true },
      { signal: controller.signal },
    );
    for await (const _chunk of stream) break;
    await expect.poll(() => emulator.requests.at(-1)!.clientClosed, { timeout: 5_000 }).toBe(true);
    await expect(openai.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'x' }] }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      OpenAI.APIUserAbortError,
    );
  });

  it('errors are openai’s own classes, and retries are not multiplied', async () => {
    emulator.faults.failNext(3, 'ThrottlingException', { operation: 'Converse' });
    const error = await openai.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.requestID).toBe(emulator.requests.at(-1)!.requestId);
    expect(rateLimit.code).toBe('rate_limit_exceeded');
    // Our client's 1 + 2 retries; without `x-should-retry: false` the SDK's own 2 retries would make it 9.
    expect(emulator.counts.Converse).toBe(3);

    const badRequest = await openai.chat.completions
      .create({ model: 'nova-lite', messages: [{ role: 'user', content: 'x' }], temperature: 7 })
      .catch((caught: unknown) => caught);
    expect(badRequest).toBeInstanceOf(OpenAI.BadRequestError);
    expect((badRequest as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('temperature');

    const notFound = await openai.models.retrieve('acme.unknown-v1:0').catch((caught: unknown) => caught);
    expect(notFound).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("Bedrock's context-window refusal is OpenAI's context_length_exceeded, in a call and in a stream", async () => {
    emulator.faults.add({ operation: 'Converse', error: { name: 'ValidationException', message: 'Input is too long for requested model.' } });
    const error = await openai.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('context_length_exceeded');
    expect((error as Error).message).toContain('Input is too long for requested model.');

    emulator.faults.add({
      operation: 'ConverseStream',
      breakAfterFrames: 2,
      breakWith: { name: 'ValidationException', message: 'The model returned the following errors: prompt is too long: 200049 tokens > 200000 maximum' },
    });
    const stream = await openai.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'one two three four' }], stream: true });
    const failure = await (async () => {
      for await (const _chunk of stream);
    })().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as InstanceType<typeof OpenAI.APIError>).code).toBe('context_length_exceeded');
  });

  it('a failure mid-stream reaches the SDK as an APIError, not a silent end', async () => {
    emulator.faults.add({ operation: 'ConverseStream', breakAfterFrames: 3, breakWith: { name: 'ModelStreamErrorException', message: 'model broke' } });
    const stream = await openai.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'one two three four five six' }], stream: true });
    const received: string[] = [];
    const failure = await (async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as InstanceType<typeof OpenAI.APIError>).message).toContain('model broke');
    expect((failure as InstanceType<typeof OpenAI.APIError>).code).toBe('model_stream_error');
    expect(received.length).toBeGreaterThan(0);
  });
});
