/**
 * The official `openai` package's Responses API through our in-process `fetch` and a started server, against the
 * emulator: create
 * (text, image, file), a function-tool loop chained with `previous_response_id` and with the full input replayed,
 * streaming, the `responses.stream()` helper and its final response, `responses.parse()` with `zodTextFormat`, a
 * Claude reasoning turn with tools replayed through `encrypted_content`, retrieve / delete / input items, token
 * counting, `cancel` and `compact` refused as OpenAI would for what cannot run here, and errors as `openai`'s own
 * classes.
 */
import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import type { ResponseFunctionToolCall, ResponseInputItem, FunctionTool } from 'openai/resources/responses/responses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Client } from '../../src/client.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { createBedrockFetch } from '../../src/http/fetch.js';
import { startServer, type ServerHandle } from '../../src/server/server.js';
import { emulatorClientOptions, readSse } from './helpers.js';

let emulator: EmulatorHandle;
let client: Client;
let server: ServerHandle;
/** The `openai` client of the door under test (reassigned per door, see `doors`). */
let openai: OpenAI;
let bedrockFetch: ReturnType<typeof createBedrockFetch>;
const doors: Record<'fetch' | 'server', () => OpenAI> = {
  fetch: () => new OpenAI({ baseURL: bedrockFetch.baseURL, apiKey: 'unused', fetch: bedrockFetch, maxRetries: 0 }),
  server: () => new OpenAI({ baseURL: server.url, apiKey: 'responses-test-key-0001', maxRetries: 0 }),
};

const weather: FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};

function lastBody(): Record<string, unknown> {
  return emulator.requests.at(-1)!.body as Record<string, unknown>;
}

beforeAll(async () => {
  emulator = await startEmulator();
  client = new Client(emulatorClientOptions(emulator, { maxRetries: 0 }));
  bedrockFetch = createBedrockFetch({ client });
  server = await startServer({ port: 0, apiKeys: ['responses-test-key-0001'], client });
});

afterAll(async () => {
  await server.close();
  client.close();
  await emulator.close();
});

describe.each(['fetch', 'server'] as const)('the openai package, responses, through the %s', (door) => {
  beforeAll(() => {
    openai = doors[door]();
  });

  it('creates a text response', async () => {
    const response = await openai.responses.create({ model: 'claude-3-haiku', input: 'Hello there', instructions: 'Be brief' });
    expect(response.output_text).toBe('You said: Hello there');
    expect(response.status).toBe('completed');
    expect(response.usage?.output_tokens).toBe(4);
    expect(response._request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes an image and a file', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const pdf = Buffer.from('%PDF-1.4\n%%EOF').toString('base64');
    const response = await openai.responses.create({
      model: 'claude-3-haiku',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Describe' },
            { type: 'input_image', detail: 'auto', image_url: `data:image/png;base64,${png}` },
            { type: 'input_file', filename: 'a.pdf', file_data: `data:application/pdf;base64,${pdf}` },
          ],
        },
      ],
    });
    expect(response.output_text).toBe('You said: Describe');
    const content = (lastBody()['messages'] as Array<{ content: Array<Record<string, unknown>> }>)[0]!.content;
    expect(content.map((block) => Object.keys(block)[0])).toEqual(['text', 'image', 'document']);
  });

  it('runs a function-tool loop with previous_response_id, and with the full input replayed', async () => {
    const first = await openai.responses.create({ model: 'claude-3-haiku', input: 'What is get_weather in Paris?', tools: [weather] });
    const call = first.output.find((item): item is ResponseFunctionToolCall => item.type === 'function_call')!;
    expect(call.name).toBe('get_weather');
    const output: ResponseInputItem = { type: 'function_call_output', call_id: call.call_id, output: 'Sunny' };
    const chained = await openai.responses.create({ model: 'claude-3-haiku', previous_response_id: first.id, input: [output], tools: [weather] });
    expect(chained.output_text).toBe('Tool get_weather returned: Sunny');
    const replayed = await openai.responses.create({
      model: 'claude-3-haiku',
      input: [{ role: 'user', content: 'What is get_weather in Paris?' }, ...(first.output as ResponseInputItem[]), output],
      tools: [weather],
      store: false,
    });
    expect(replayed.output_text).toBe(chained.output_text);
  });

  it('streams events (event: <type> lines, no [DONE]) that the SDK reads', async () => {
    const stream = await openai.responses.create({ model: 'claude-3-haiku', input: 'one two three', stream: true });
    const types: string[] = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(text).toBe('You said: one two three');
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    const raw = await (door === 'fetch' ? bedrockFetch : fetch)(`${door === 'fetch' ? bedrockFetch.baseURL : server.url}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer responses-test-key-0001', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-3-haiku', input: 'hi', stream: true }),
    });
    const sse = await readSse(raw);
    expect(sse.text).not.toContain('[DONE]');
    for (const event of sse.events) expect(event.event).toBe((JSON.parse(event.data) as { type: string }).type);
  });

  it('runs the responses.stream() helper to its final response', async () => {
    const deltas: string[] = [];
    const runner = openai.responses.stream({ model: 'claude-3-haiku', input: 'Use get_weather for Rome', tools: [weather] }).on('response.output_text.delta', (event) => deltas.push(event.delta));
    const final = await runner.finalResponse();
    expect(final.status).toBe('completed');
    expect(final.output.map((item) => item.type)).toEqual(['message', 'function_call']);
    expect(deltas.join('')).toBe(final.output_text);
    const call = final.output[1] as ResponseFunctionToolCall;
    expect(JSON.parse(call.arguments)).toEqual({ city: expect.any(String) });
  });

  it('parses structured output with zodTextFormat (native and forced-tool models), streamed too', async () => {
    const Person = z.object({ name: z.string(), age: z.number().int() });
    for (const model of ['claude-sonnet-4-5', 'claude-3-haiku']) {
      const parsed = await openai.responses.parse({ model, input: 'A person', text: { format: zodTextFormat(Person, 'person') } });
      expect(Person.parse(parsed.output_parsed)).toEqual(parsed.output_parsed);
    }
    const streamed = await openai.responses.stream({ model: 'claude-sonnet-4-5', input: 'A person', text: { format: zodTextFormat(Person, 'person') } }).finalResponse();
    expect(Person.parse(streamed.output_parsed)).toEqual(streamed.output_parsed);
  });

  it('replays a Claude reasoning turn with tools through encrypted_content', async () => {
    const params = { model: 'claude-sonnet-4-5', tools: [weather], reasoning: { effort: 'low' as const }, include: ['reasoning.encrypted_content' as const], store: false };
    const first = await openai.responses.create({ ...params, input: 'Use get_weather for Rome' });
    expect(first.output.map((item) => item.type)).toEqual(['reasoning', 'message', 'function_call']);
    expect(first.output[0]).toMatchObject({ type: 'reasoning', encrypted_content: expect.any(String) });
    const call = first.output[2] as ResponseFunctionToolCall;
    const second = await openai.responses.create({
      ...params,
      input: [{ role: 'user', content: 'Use get_weather for Rome' }, ...(first.output as ResponseInputItem[]), { type: 'function_call_output', call_id: call.call_id, output: 'Rain' }],
    });
    expect(second.output_text).toContain('Rain');
    const assistant = (lastBody()['messages'] as Array<{ content: Array<Record<string, unknown>> }>)[1]!;
    expect(assistant.content[0]).toHaveProperty('reasoningContent.reasoningText.signature');
  });

  it('retrieves, lists input items (auto-paginated), deletes, and 404s as OpenAI.NotFoundError', async () => {
    const created = await openai.responses.create({ model: 'claude-3-haiku', input: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }, { role: 'user', content: 'c' }] });
    const retrieved = await openai.responses.retrieve(created.id);
    expect(retrieved.id).toBe(created.id);
    expect(retrieved.output_text).toBe(created.output_text);
    const ids: string[] = [];
    for await (const item of openai.responses.inputItems.list(created.id, { limit: 1, order: 'asc' })) ids.push(item.id!);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    await openai.responses.delete(created.id);
    const error = await openai.responses.retrieve(created.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, error: { message: `Response with id '${created.id}' not found.` } });
  });

  it('cancel: a stored response has ended (nothing runs in the background) → 400, an unknown one → 404; compact is refused by name', async () => {
    const created = await openai.responses.create({ model: 'claude-3-haiku', input: 'hi' });
    const ended = await openai.responses.cancel(created.id).catch((caught: unknown) => caught);
    expect(ended).toBeInstanceOf(OpenAI.BadRequestError);
    expect(ended).toMatchObject({ status: 400, param: 'response_id' });
    expect((ended as Error).message).toMatch(/background: true/);
    expect(await openai.responses.cancel('resp_00000000000000000000000000000000').catch((caught: unknown) => caught)).toBeInstanceOf(OpenAI.NotFoundError);
    const compact = await openai.responses.compact({ model: 'claude-3-haiku', input: 'hi' }).catch((caught: unknown) => caught);
    expect(compact).toBeInstanceOf(OpenAI.BadRequestError);
    expect(compact).toMatchObject({ status: 400, code: 'unsupported_endpoint' });
    expect((compact as Error).message).toMatch(/previous_response_id/);
  });

  it('counts input tokens, and refuses a built-in tool as OpenAI.BadRequestError naming it', async () => {
    const counted = await openai.responses.inputTokens.count({ model: 'claude-sonnet-4-5', input: 'one two three' });
    expect(counted).toMatchObject({ object: 'response.input_tokens', input_tokens: 3 });
    const error = await openai.responses.create({ model: 'claude-3-haiku', input: 'hi', tools: [{ type: 'web_search' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'tools[0]' });
    expect((error as Error).message).toMatch(/web_search/);
  });
});

describe('the responses routes on the wire', () => {
  it('answers unknown IDs, wrong methods and bad bodies as OpenAI does', async () => {
    const base = bedrockFetch.baseURL;
    const missing = await bedrockFetch(`${base}/responses/resp_00000000000000000000000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
    expect(await missing.json()).toEqual({
      error: { message: "Response with id 'resp_00000000000000000000000000000000' not found.", type: 'invalid_request_error', param: 'response_id', code: null },
    });
    const items = await bedrockFetch(`${base}/responses/resp_00000000000000000000000000000000/input_items`);
    expect(items.status).toBe(404);
    const wrongMethod = await bedrockFetch(`${base}/responses/resp_1`, { method: 'POST', body: '{}' });
    expect(wrongMethod.status).toBe(405);
    const notJson = await bedrockFetch(`${base}/responses`, { method: 'POST', body: 'nope' });
    expect(notJson.status).toBe(400);
    const created = await bedrockFetch(`${base}/responses`, { method: 'POST', body: JSON.stringify({ model: 'claude-3-haiku', input: 'hi' }) });
    expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const { id } = (await created.json()) as { id: string };
    const deleted = await bedrockFetch(`${base}/responses/${id}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ id, object: 'response', deleted: true });
  });
});
