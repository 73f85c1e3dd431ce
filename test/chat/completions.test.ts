/**
 * `client.chat.completions.create` end to end: our Client → the real AWS SDK → real HTTP → the emulator. Requests
 * that must fail before sending point at a dead endpoint, so a request that did leave would fail differently.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warning } from '../../src/client.js';
import { APIUserAbortError, BadRequestError, BedrockOpenAIError } from '../../src/core/errors.js';
import { Stream } from '../../src/core/streaming.js';
import type { ChatCompletionChunk, ChatCompletionCreateParamsBase, ChatCompletionMessageParam, ChatCompletionTool } from '../../src/chat/types.js';
import { accumulateChunks, dataUrl, PDF, PNG, rejection } from './helpers.js';
import { collect } from '../support/collect.js';
import { useEmulator } from '../support/emulator.js';

const { client, offline } = useEmulator();
let images: Server;
let imageBase: string;

const weather: ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const time: ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_time', description: 'Current time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } },
};

beforeAll(async () => {
  images = createServer((request, response) => {
    if (request.url === '/cat.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(PNG);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
});

afterAll(async () => {
  images.closeAllConnections();
  await new Promise((resolve) => images.close(resolve));
});

describe('non-streaming', () => {
  it('returns a ChatCompletion with the resolved model, raw stop reason, usage and a hidden request ID', async () => {
    const completion = await client().chat.completions.create({
      model: 'claude-3-haiku',
      messages: [
        { role: 'developer', content: 'Be terse.' },
        { role: 'user', content: 'Hello there' },
      ],
      max_completion_tokens: 100,
      temperature: 0.2,
    });
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'anthropic.claude-3-haiku-20240307-v1:0',
      choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', refusal: null } }],
      bedrock: { stop_reason: 'end_turn' },
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.choices[0]!.message.content).toContain('Hello there');
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
    expect(completion.usage!.cost).toBeGreaterThan(0);
    expect(completion._request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(completion)).not.toContain('_request_id');
    expect(JSON.stringify(completion)).not.toContain('_request_id');
  });

  it('gives the request ID through withResponse()', async () => {
    const { data, request_id } = await client().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.id).toBe(`chatcmpl-${request_id}`);
  });

  it.each([
    [{ max_tokens: 2 }, 'length', 'max_tokens'],
    [{ stop: ['there'] }, 'stop', 'stop_sequence'],
  ])('maps %j to finish_reason %s', async (params, finishReason, stopReason) => {
    const completion = await client().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'Hello there my friend' }], ...params });
    expect(completion.choices[0]!.finish_reason).toBe(finishReason);
    expect(completion.bedrock!.stop_reason).toBe(stopReason);
  });

  it('sends an image (data URL), a remote image and a document', async () => {
    const completion = await client().chat.completions.create({
      model: 'claude-3-haiku',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe these' },
            { type: 'image_url', image_url: { url: dataUrl('image/png', PNG) } },
            { type: 'image_url', image_url: { url: `${imageBase}/cat.png` } },
            { type: 'file', file: { file_data: dataUrl('application/pdf', PDF), filename: 'report.v2.pdf' } },
          ],
        },
      ],
    });
    expect(completion.choices[0]!.message.content).toContain('Describe these');
  });
});

describe('tools', () => {
  const ask = (content: string, extra: Partial<ChatCompletionCreateParamsBase> = {}) =>
    client().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content }], tools: [weather, time], ...extra, stream: false });

  it('returns tool calls with Bedrock IDs, then runs a full tool loop', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Use get_weather for Paris' }];
    const first = await client().chat.completions.create({ model: 'claude-3-haiku', messages, tools: [weather] });
    const choice = first.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(first.bedrock!.stop_reason).toBe('tool_use');
    const call = choice.message.tool_calls![0]!;
    expect(call).toMatchObject({ type: 'function', function: { name: 'get_weather' } });
    expect(call.id).toMatch(/^tooluse_/);
    expect(JSON.parse(call.type === 'function' ? call.function.arguments : '')).toEqual(expect.objectContaining({ city: expect.any(String) }));

    messages.push(choice.message, { role: 'tool', tool_call_id: call.id, content: '18°C and sunny' });
    const second = await client().chat.completions.create({ model: 'claude-3-haiku', messages, tools: [weather] });
    expect(second.choices[0]!.finish_reason).toBe('stop');
    expect(second.choices[0]!.message.content).toContain('18°C and sunny');
  });

  it('returns parallel tool calls', async () => {
    const completion = await ask('Call get_weather and get_time please');
    expect(completion.choices[0]!.message.tool_calls!.map((call) => (call.type === 'function' ? call.function.name : ''))).toEqual(['get_weather', 'get_time']);
  });

  it('gives back tool names outside Bedrock charset as the user wrote them', async () => {
    const dotted: ChatCompletionTool = { type: 'function', function: { name: 'weather.lookup', parameters: { type: 'object', properties: {} } } };
    const completion = await client().chat.completions.create({
      model: 'claude-3-haiku',
      messages: [{ role: 'user', content: 'Go' }],
      tools: [dotted],
      tool_choice: { type: 'function', function: { name: 'weather.lookup' } },
    });
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && call.function.name).toBe('weather.lookup');
    expect(call.type === 'function' && call.function.arguments).toBe('{}');
  });

  it('forces a call with tool_choice required', async () => {
    const completion = await ask('Nothing in particular', { tool_choice: 'required' });
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('answers a history with tool blocks under tool_choice none, and without tools at all', async () => {
    const history: ChatCompletionMessageParam[] = [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'Snow' },
    ];
    const none = await client().chat.completions.create({ model: 'claude-3-haiku', messages: history, tools: [weather], tool_choice: 'none' });
    expect(none.choices[0]!.message.content).toContain('Snow');
    const withoutTools = await client().chat.completions.create({ model: 'claude-3-haiku', messages: history });
    expect(withoutTools.choices[0]!.message.content).toContain('Snow');
  });
});

describe('streaming', () => {
  const cases: [string, Partial<ChatCompletionCreateParamsBase>][] = [
    ['text', { messages: [{ role: 'user', content: 'Stream this sentence back to me please' }] }],
    ['a tool call', { messages: [{ role: 'user', content: 'Use get_weather for Rome' }], tools: [weather] }],
    ['parallel tool calls', { messages: [{ role: 'user', content: 'Use get_weather and get_time' }], tools: [weather, time] }],
  ];

  it.each(cases)('the deltas of %s add up to the non-streaming result', async (_name, params) => {
    const body = { model: 'claude-3-haiku', messages: [], ...params };
    const completion = await client().chat.completions.create({ ...body, stream: false });
    const chunks = await collect(await client().chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }));
    const streamed = accumulateChunks(chunks);
    const message = completion.choices[0]!.message;
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant' });
    expect(streamed.content).toBe(message.content);
    expect(streamed.tool_calls).toEqual(message.tool_calls);
    expect(streamed.finish_reason).toBe(completion.choices[0]!.finish_reason);
    expect(streamed.usage).toEqual(completion.usage);
    expect(chunks.at(-1)!.choices).toEqual([]);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks[0]!.model).toBe('anthropic.claude-3-haiku-20240307-v1:0');
  });

  it('numbers parallel tool calls 0 and 1 and puts id and name on the first delta only', async () => {
    const stream = await client().chat.completions.create({
      model: 'claude-3-haiku',
      messages: [{ role: 'user', content: 'Use get_weather and get_time' }],
      tools: [weather, time],
      stream: true,
    });
    const toolDeltas = (await collect(stream)).flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(toolDeltas.filter((delta) => delta.id !== undefined).map((delta) => [delta.index, delta.function?.name])).toEqual([
      [0, 'get_weather'],
      [1, 'get_time'],
    ]);
  });

  it('is consumable once, and tee() gives two readers', async () => {
    const stream = await client().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'tee me' }], stream: true });
    expect(stream).toBeInstanceOf(Stream);
    const [left, right] = stream.tee();
    const [leftChunks, rightChunks] = await Promise.all([collect(left), collect(right)]);
    expect(leftChunks).toEqual(rightChunks);
    expect(accumulateChunks(leftChunks).content).toContain('tee me');
    expect(() => stream[Symbol.asyncIterator]()).toThrow(BedrockOpenAIError);
  });

  it('round-trips through toReadableStream() and Stream.fromReadableStream()', async () => {
    const stream = await client().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'over the wire' }], stream: true });
    const chunks = await collect(Stream.fromReadableStream<ChatCompletionChunk>(stream.toReadableStream()));
    expect(accumulateChunks(chunks).content).toContain('over the wire');
  });

  it('cancels the HTTP request on break', async () => {
    const stream = await client().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'a long answer '.repeat(50) }], stream: true });
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      break;
    }
    expect(stream.controller.signal.aborted).toBe(true);
  });

  it('ends with an APIUserAbortError when the controller aborts mid-stream', async () => {
    const stream = await client().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'a long answer '.repeat(50) }], stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    stream.controller.abort();
    const error = await rejection((async () => {
      for (;;) if ((await iterator.next()).done === true) throw new Error('the stream ended normally after abort');
    })());
    expect(error).toBeInstanceOf(APIUserAbortError);
  });
});

describe('failing before sending', () => {
  it.each<[string, Partial<ChatCompletionCreateParamsBase>, string]>([
    ['an unsupported parameter', { seed: 7 }, 'seed'],
    ['n > 1', { n: 2 }, 'n'],
    ['logprobs', { logprobs: true }, 'logprobs'],
    ['temperature above 1', { temperature: 1.4 }, 'temperature'],
    ['audio input on a model without audio', { messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }] }, 'messages[0].content[0]'],
  ])('rejects %s with a BadRequestError naming it', async (_name, params, param) => {
    const error = await rejection(offline().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'Hi' }], ...params, stream: false }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param });
  });

  it.each<[string, string, Partial<ChatCompletionCreateParamsBase>, string, RegExp]>([
    ['tools', 'mistral-7b', { tools: [weather] }, 'tools', /tool use/],
    ['a system prompt', 'mistral-7b', { messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'Hi' }] }, 'messages[0]', /system prompts/],
    ['images', 'mistral-large', { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: dataUrl('image/png', PNG) } }] }] }, 'messages[0].content[0]', /image input/],
    ['documents', 'nova-micro', { messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'file', file: { file_data: dataUrl('application/pdf', PDF) } }] }] }, 'messages[0].content[1]', /document input/],
    ['tool_choice required', 'llama3-1-8b', { tools: [weather], tool_choice: 'required' }, 'tool_choice', /"required"/],
    ['streaming with tools', 'llama3-1-8b', { tools: [weather], stream: true }, 'stream', /streaming with tools/],
    ['temperature with top_p', 'claude-sonnet-4-5', { temperature: 0.5, top_p: 0.5 }, 'top_p', /temperature.*top_p/],
    ['audio', 'nova-pro', { messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'input_audio', input_audio: { data: 'AAAA', format: 'mp3' } }] }] }, 'messages[0].content[1]', /audio input/],
    ['video', 'claude-sonnet-4-5', { messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: 'data:video/mp4;base64,AAAA' } }] }] }, 'messages[0].content[0]', /video input/],
    ['citations', 'nova-pro', { messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'file', file: { file_data: dataUrl('application/pdf', PDF) }, citations: { enabled: true } }] }] }, 'messages[0].content[1].citations', /document citations/],
  ])('rejects %s on %s, naming model and feature', async (_name, model, params, param, message) => {
    const error = await rejection(offline().chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }], ...params }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param, code: 'unsupported_feature' });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(model);
  });

  it('refuses remote images with imageFetch: false (client or request)', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: [{ type: 'image_url', image_url: { url: `${imageBase}/cat.png` } }] }];
    for (const [target, options] of [
      [offline({ imageFetch: false }), {}],
      [offline(), { imageFetch: false as const }],
    ] as const) {
      const error = await rejection(target.chat.completions.create({ model: 'claude-3-haiku', messages }, options));
      expect(error).toMatchObject({ code: 'image_fetch_disabled', param: 'messages[0].content[0].image_url.url' });
    }
  });
});

describe('dropUnsupportedParams', () => {
  const params = { model: 'claude-3-haiku', messages: [{ role: 'user' as const, content: 'Hello' }], seed: 3, presence_penalty: 0.5 };

  it('drops and warns when the client says so', async () => {
    const warnings: Warning[] = [];
    const completion = await client({ dropUnsupportedParams: true, onWarning: (warning) => warnings.push(warning) }).chat.completions.create(params);
    expect(completion.choices[0]!.message.content).toContain('Hello');
    expect(warnings.map((warning) => [warning.code, warning.param])).toEqual([
      ['unsupported_param_dropped', 'presence_penalty'],
      ['unsupported_param_dropped', 'seed'],
    ]);
  });

  it('drops and warns when the request says so', async () => {
    const warnings: Warning[] = [];
    await client({ onWarning: (warning) => warnings.push(warning) }).chat.completions.create(params, { dropUnsupportedParams: true });
    expect(warnings).toHaveLength(2);
  });

  it('a request can turn dropping off again', async () => {
    const error = await rejection(offline({ dropUnsupportedParams: true }).chat.completions.create(params, { dropUnsupportedParams: false }));
    expect(error).toMatchObject({ param: 'presence_penalty' });
  });
});
