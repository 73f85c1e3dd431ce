/**
 * What `openai` code written for OpenAI sends, end to end: our Client → the real AWS SDK → real HTTP → the emulator.
 * No-op `top_p: 1` beside `temperature` on Claude 4.5, `response_format: { type: 'json_object', schema }`, and the
 * legacy `functions`/`function_call` (a full function loop in the legacy shape), audio and video input, and
 * document citations as annotations.
 */
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/client.js';
import { BadRequestError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import type { ChatCompletionMessageParam } from '../../src/chat/types.js';
import { rejection } from './helpers.js';

let emulator: EmulatorHandle;
let client: Client;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new Client({ endpoint: emulator.url, credentials: emulator.credentials, configFile: false, maxRetries: 0, env: {}, region: 'us-east-1' });
});

afterAll(async () => {
  client.close();
  await emulator.close();
});

function lastBody(): Record<string, unknown> {
  const request = emulator.requests.at(-1);
  expect(request, 'a request reached the emulator').toBeDefined();
  return request!.body as Record<string, unknown>;
}

describe('top_p: 1 beside temperature (LlamaIndex sends it always)', () => {
  it('is dropped on Claude 4.5, which refuses the pair, and the call succeeds', async () => {
    const completion = await client.chat.completions.create({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.3, top_p: 1 });
    expect(completion.choices[0]!.message.content).toBe('You said: Hi');
    expect(lastBody()['inferenceConfig']).toEqual({ temperature: 0.3 });
  });

  it('is refused before sending for any other top_p', async () => {
    const before = emulator.requests.length;
    const error = await rejection(client.chat.completions.create({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.3, top_p: 0.99 }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('top_p');
    expect(emulator.requests.length).toBe(before);
  });

  it('matters: Bedrock (the emulator) refuses temperature with topP 1 on Claude 4.5 when sent as is', async () => {
    const sdk = new BedrockRuntimeClient({ region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials });
    const error = await rejection(
      sdk.send(new ConverseCommand({ modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', messages: [{ role: 'user', content: [{ text: 'Hi' }] }], inferenceConfig: { temperature: 0.3, topP: 1 } })),
    );
    sdk.destroy();
    expect((error as Error).name).toBe('ValidationException');
  });

  it('is kept on a model that takes both', async () => {
    await client.chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.3, top_p: 1 });
    expect(lastBody()['inferenceConfig']).toEqual({ temperature: 0.3, topP: 1 });
  });
});

describe('response_format json_object with a schema (Instructor JSON_SCHEMA mode)', () => {
  const schema = { type: 'object', properties: { city: { type: 'string' }, population: { type: 'integer' } }, required: ['city', 'population'] };

  it.each(['claude-sonnet-4-5', 'nova-pro'])('answers JSON that follows the schema on %s, streaming and not', async (model) => {
    const body = { model, messages: [{ role: 'user' as const, content: 'Paris' }], response_format: { type: 'json_object' as const, schema } };
    const completion = await client.chat.completions.create(body);
    const parsed = JSON.parse(completion.choices[0]!.message.content!) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['city', 'population']);
    expect(typeof parsed['population']).toBe('number');
    let streamed = '';
    for await (const chunk of await client.chat.completions.create({ ...body, stream: true })) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toBe(completion.choices[0]!.message.content);
  });

  it('refuses a schema that does not describe an object, before sending', async () => {
    const before = emulator.requests.length;
    const error = await rejection(client.chat.completions.create({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }], response_format: { type: 'json_object', schema: { type: 'array' } } }));
    expect((error as BadRequestError).param).toBe('response_format.schema.type');
    expect(emulator.requests.length).toBe(before);
  });
});

describe('legacy functions / function_call', () => {
  const functions = [{ name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }];

  it.each(['claude-sonnet-4-5', 'nova-pro'])('runs a whole function loop in the legacy shape on %s, streaming and not', async (model) => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Paris' }];
    const body = { model, messages, functions, function_call: { name: 'get_weather' } };
    const completion = await client.chat.completions.create(body);
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('function_call');
    expect(choice.message.tool_calls).toBeUndefined();
    expect(choice.message.function_call).toEqual({ name: 'get_weather', arguments: JSON.stringify({ city: 'Paris' }) });
    expect(lastBody()['toolConfig']).toMatchObject({ toolChoice: { tool: { name: 'get_weather' } } });

    const streamed = { name: '', arguments: '', finish: '' as string | null };
    for await (const chunk of await client.chat.completions.create({ ...body, stream: true })) {
      const delta = chunk.choices[0]?.delta;
      expect(delta?.tool_calls).toBeUndefined();
      streamed.name += delta?.function_call?.name ?? '';
      streamed.arguments += delta?.function_call?.arguments ?? '';
      if (chunk.choices[0]?.finish_reason) streamed.finish = chunk.choices[0].finish_reason;
    }
    expect(streamed).toEqual({ ...choice.message.function_call, finish: 'function_call' });

    const next = await client.chat.completions.create({
      model,
      functions,
      messages: [...messages, choice.message as ChatCompletionMessageParam, { role: 'function', name: 'get_weather', content: '18 degrees' }],
    });
    expect(next.choices[0]!.message.content).toBe('Tool get_weather returned: 18 degrees');
    expect(next.choices[0]!.finish_reason).toBe('stop');
  });

  it('refuses functions mixed with tools before sending, naming the field', async () => {
    const before = emulator.requests.length;
    const error = await rejection(
      client.chat.completions.create({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }], functions, tools: [{ type: 'function', function: functions[0]! }] }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('functions');
    expect(emulator.requests.length).toBe(before);
  });

  it('names `functions` when the model has no tool use', async () => {
    const error = await rejection(client.chat.completions.create({ model: 'llama3-8b', messages: [{ role: 'user', content: 'Hi' }], functions }));
    expect((error as BadRequestError).param).toBe('functions');
  });
});

describe('audio and video input', () => {
  const wav = Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt ').toString('base64');

  it('sends input_audio as an audio block to a model that takes audio', async () => {
    const completion = await client.chat.completions.create({
      model: 'voxtral-small',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Transcribe' }, { type: 'input_audio', input_audio: { data: wav, format: 'wav' } }] }],
    });
    expect(completion.choices[0]!.message.content).toBe('You said: Transcribe');
    const content = (lastBody()['messages'] as { content: unknown[] }[])[0]!.content;
    expect(content[1]).toEqual({ audio: { format: 'wav', source: { bytes: wav } } });
  });

  it('sends a video file part as a video block to Nova, streaming too', async () => {
    const mp4 = `data:video/mp4;base64,${Buffer.from('....ftypmp42').toString('base64')}`;
    const body = { model: 'nova-lite', messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Describe' }, { type: 'file' as const, file: { file_data: mp4 } }] }] };
    await client.chat.completions.create(body);
    expect((lastBody()['messages'] as { content: Record<string, unknown>[] }[])[0]!.content[1]).toEqual({ video: { format: 'mp4', source: { bytes: mp4.split(',')[1] } } });
    let streamed = '';
    for await (const chunk of await client.chat.completions.create({ ...body, stream: true })) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toBe('You said: Describe');
  });

  it('refuses audio on a model without it before sending, naming the part; Bedrock (the emulator) refuses it too', async () => {
    const before = emulator.requests.length;
    const error = await rejection(
      client.chat.completions.create({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'input_audio', input_audio: { data: wav, format: 'wav' } }] }] }),
    );
    expect(error).toMatchObject({ param: 'messages[0].content[1]', code: 'unsupported_feature' });
    expect(emulator.requests.length).toBe(before);
    const sdk = new BedrockRuntimeClient({ region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials });
    const refused = await rejection(
      sdk.send(new ConverseCommand({ modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', messages: [{ role: 'user', content: [{ text: 'x' }, { audio: { format: 'wav', source: { bytes: Buffer.from(wav, 'base64') } } }] }] })),
    );
    sdk.destroy();
    expect((refused as Error).name).toBe('ValidationException');
  });
});

describe('document citations', () => {
  const notes = `data:text/plain;base64,${Buffer.from('The sky is blue.\nGrass is green.').toString('base64')}`;
  const body = {
    model: 'claude-sonnet-4-5',
    messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'What colour is the sky?' }, { type: 'file' as const, file: { file_data: notes, filename: 'notes.txt' }, citations: { enabled: true } }] }],
  };

  it('asks Bedrock for citations and returns them as annotations, streamed the same', async () => {
    const completion = await client.chat.completions.create(body);
    const document = (lastBody()['messages'] as { content: Record<string, { citations?: unknown }>[] }[])[0]!.content[1]!['document'];
    expect(document?.citations).toEqual({ enabled: true });
    const message = completion.choices[0]!.message;
    expect(message.content).toBe('You said: What colour is the sky?The sky is blue.');
    expect(message.annotations).toEqual([
      {
        type: 'url_citation',
        url_citation: { start_index: 33, end_index: 49, title: 'notes', url: '' },
        bedrock_citation: { title: 'notes', source_content: ['The sky is blue.'], location: { type: 'document_char', document_index: 0, start: 0, end: 16 } },
      },
    ]);
    expect(message.content!.slice(33, 49)).toBe('The sky is blue.');

    let content = '';
    const annotations: unknown[] = [];
    for await (const chunk of await client.chat.completions.create({ ...body, stream: true })) {
      content += chunk.choices[0]?.delta.content ?? '';
      annotations.push(...(chunk.choices[0]?.delta.annotations ?? []));
    }
    expect(content).toBe(message.content);
    expect(annotations).toEqual(message.annotations);

    const internal = await client.chat.completions.create({ ...body, bedrock: { streamInternally: true } });
    expect(internal.choices[0]!.message.annotations).toEqual(message.annotations);
  });

  it('refuses citations on a model without them before sending, naming the field', async () => {
    const error = await rejection(client.chat.completions.create({ ...body, model: 'nova-pro' }));
    expect(error).toMatchObject({ param: 'messages[0].content[1].citations', code: 'unsupported_feature' });
  });
});
