/**
 * The handler on the wire, through the in-process fetch (the real `fetch` path: `Request` in, `Response` out) to the
 * emulator over real HTTP: the bytes of SSE framing, headers, error bodies, routing errors, models IDs, embeddings
 * encodings, cancellation, and the fetch's refusal of URLs outside its base URL.
 */
import { EventEmitter, getEventListeners } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client } from '../../src/client.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { createBedrockFetch, type BedrockFetch } from '../../src/http/fetch.js';
import { createOpenAIHandler } from '../../src/http/handler.js';
import { chatBody, emulatorClientOptions, readSse } from './helpers.js';

let emulator: EmulatorHandle;
let fetchIt: BedrockFetch;
const BASE = 'http://bedrock.test/v1';

beforeAll(async () => {
  emulator = await startEmulator();
  fetchIt = createBedrockFetch({ baseURL: BASE, client: emulatorClientOptions(emulator, { maxRetries: 2 }) });
});
afterAll(async () => {
  fetchIt.client.close();
  await emulator.close();
});
beforeEach(() => emulator.reset());

const post = (path: string, body: string, init: RequestInit = {}): Promise<Response> =>
  fetchIt(`${BASE}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, ...init });

describe('POST /v1/chat/completions', () => {
  it('answers JSON with Bedrock’s request ID', async () => {
    const response = await post('/chat/completions', chatBody('hello there'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toBe(emulator.requests.at(-1)!.requestId);
    const body = (await response.json()) as { object: string; choices: Array<{ message: { content: string } }>; usage: { total_tokens: number } };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]!.message.content).toBe('You said: hello there');
    expect(body.usage.total_tokens).toBeGreaterThan(0);
  });

  it('streams `data:` frames ending with [DONE], as OpenAI frames them', async () => {
    const response = await post('/chat/completions', chatBody('one two three four', { stream: true, stream_options: { include_usage: true } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-request-id')).toBe(emulator.requests.at(-1)!.requestId);
    const { text, events } = await readSse(response);
    const frames = text.split('\n\n');
    expect(frames.pop()).toBe('');
    expect(frames.at(-1)).toBe('data: [DONE]');
    for (const frame of frames) expect(frame).toMatch(/^data: [^\n]+$/);
    expect(events.every((event) => event.event === undefined)).toBe(true);
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data) as { object: string; choices: Array<{ delta: { content?: string } }>; usage?: unknown });
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('You said: one two three four');
    expect(chunks.at(-1)!.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
  });

  it('passes the `bedrock` body field to the client', async () => {
    const response = await post('/chat/completions', chatBody('hi', { bedrock: { additionalModelRequestFields: { top_k: 5 } } }));
    expect(response.status).toBe(200);
    expect((emulator.requests.at(-1)!.body as { additionalModelRequestFields?: unknown }).additionalModelRequestFields).toEqual({ top_k: 5 });
  });

  it('ends a stream that fails after chunks with an error event, never [DONE]', async () => {
    emulator.faults.add({ operation: 'ConverseStream', breakAfterFrames: 3, breakWith: { name: 'ModelStreamErrorException', message: 'model broke' } });
    const response = await post('/chat/completions', chatBody('one two three four five six', { stream: true }));
    expect(response.status).toBe(200);
    const { text, events } = await readSse(response);
    expect(text).not.toContain('[DONE]');
    const last = events.at(-1)!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data)).toEqual({ error: { message: expect.stringContaining('model broke'), type: 'model_error', param: null, code: 'model_stream_error' } });
    expect(text.endsWith(`event: error\ndata: ${last.data}\n\n`)).toBe(true);
    expect(events.length).toBeGreaterThan(1);
  });

  it('a failure out of our retries: OpenAI’s status and body, x-should-retry: false, the request ID', async () => {
    emulator.faults.failNext(3, 'ThrottlingException', { operation: 'Converse' });
    const response = await post('/chat/completions', chatBody('hi'));
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(response.headers.get('x-request-id')).toBe(emulator.requests.at(-1)!.requestId);
    expect(await response.json()).toEqual({
      error: { message: expect.any(String), type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' },
    });
    expect(emulator.counts.Converse).toBe(3);
  });

  it('leaves retrying to the caller when the client does not retry (maxRetries 0)', async () => {
    const handler = createOpenAIHandler({ client: emulatorClientOptions(emulator, { maxRetries: 0 }) });
    emulator.faults.failNext(1, 'ThrottlingException', { operation: 'Converse' });
    const response = await handler(new Request('http://x/v1/chat/completions', { method: 'POST', body: chatBody('hi') }));
    expect(response.status).toBe(429);
    expect(response.headers.has('x-should-retry')).toBe(false);
    handler.client.close();
  });

  it('a bad request names the field, before any call', async () => {
    const response = await post('/chat/completions', JSON.stringify({ model: 'nova-lite', messages: [{ role: 'wizard', content: 'x' }] }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { param: string; type: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.param).toMatch(/^messages\[0\]/);
    expect(emulator.counts.Converse).toBe(0);
  });

  it('the request’s signal cancels the Bedrock stream at once', async () => {
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 50 });
    const controller = new AbortController();
    const response = await post('/chat/completions', chatBody('a b c d e f g h i j k l m n o p', { stream: true }), { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await expect.poll(() => emulator.requests.at(-1)!.clientClosed, { timeout: 5_000 }).toBe(true);
  });

  it('the request’s signal cancels a JSON call at once', async () => {
    emulator.faults.add({ operation: 'Converse', latencyMs: 5_000 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = post('/chat/completions', chatBody('hello'), { signal: controller.signal });
    await expect.poll(() => emulator.requests.length).toBe(1);
    controller.abort();
    const response = await pending;
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('aborted');
  });

  it('cancelling the body (the reader went away) cancels the Bedrock stream', async () => {
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 50 });
    const response = await post('/chat/completions', chatBody('a b c d e f g h i j k l m n o p', { stream: true }));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => emulator.requests.at(-1)!.clientClosed, { timeout: 5_000 }).toBe(true);
  });
});

describe('routing and body errors, OpenAI-shaped', () => {
  it('unknown path → 404', async () => {
    const response = await fetchIt(`${BASE}/nothing/here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ error: { message: expect.stringContaining('/v1/nothing/here'), type: 'not_found_error', param: null, code: 'unknown_url' } });
  });

  it('wrong method → 405 with Allow', async () => {
    const response = await fetchIt(`${BASE}/chat/completions`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
    const models = await fetchIt(`${BASE}/models`, { method: 'DELETE' });
    expect(models.status).toBe(405);
    expect(models.headers.get('allow')).toBe('GET, HEAD');
  });

  it('a body that is not JSON → 400; JSON that is not an object → 400', async () => {
    for (const body of ['{"model":', '[1,2]', '"text"', '']) {
      const response = await post('/chat/completions', body);
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    }
  });

  it('a body over the limit → 413, declared or streamed', async () => {
    const handler = createOpenAIHandler({ client: emulatorClientOptions(emulator), maxBodyBytes: 1_000 });
    const big = chatBody('x'.repeat(2_000));
    const declared = await handler(new Request('http://x/v1/chat/completions', { method: 'POST', body: big, headers: { 'content-length': String(big.length) } }));
    expect(declared.status).toBe(413);
    // A Request made in memory that declares less than it holds.
    const understated = await handler(new Request('http://x/v1/chat/completions', { method: 'POST', body: big, headers: { 'content-length': '10' } }));
    expect(understated.status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 5; index += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(400)));
        controller.close();
      },
    });
    const chunked = await handler(new Request('http://x/v1/embeddings', { method: 'POST', body: streamed, duplex: 'half' } as RequestInit));
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: { code: string } }).error.code).toBe('request_too_large');
    expect(emulator.counts.Converse + emulator.counts.InvokeModel).toBe(0);
    handler.client.close();
  });

  it('a shutdown signal holds one listener whatever the number of requests in flight, and ends every stream when it aborts', async () => {
    const shutdown = new AbortController();
    const handler = createOpenAIHandler({ client: emulatorClientOptions(emulator), shutdownSignal: shutdown.signal });
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 100, count: 15 });
    // 15 requests in flight: the first few streaming from Bedrock, the rest waiting for the client's slow start.
    const pending = Array.from({ length: 15 }, () =>
      handler(new Request('http://x/v1/chat/completions', { method: 'POST', body: chatBody('a b c d e f g h i j', { stream: true }), headers: { 'content-type': 'application/json' } })),
    );
    await expect.poll(() => emulator.requests.length).toBeGreaterThan(0);
    // Node warns of a possible leak past 10 listeners on one signal: one per request would pass it under any load.
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(1);
    shutdown.abort();
    for (const response of await Promise.all(pending)) {
      // A stream that had started ends with an error event; a request still waiting gets the error itself.
      const { events, text } = await readSse(response);
      const error = response.status === 200 ? JSON.parse(events.at(-1)!.data) : JSON.parse(text);
      expect(error).toMatchObject({ error: { code: 'server_shutting_down' } });
    }
    handler.client.close();
  });

  it('a file upload over the limit → 413 as well, declared, understated or streamed (before the batch settings are read)', async () => {
    const handler = createOpenAIHandler({ client: emulatorClientOptions(emulator), maxBodyBytes: 1_000 });
    const boundary = 'xBOUNDARYx';
    const form = (size: number) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="in.jsonl"\r\ncontent-type: application/jsonl\r\n\r\n${'x'.repeat(size)}\r\n--${boundary}--\r\n`;
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const upload = (body: string | ReadableStream<Uint8Array>, extra: Record<string, string> = {}) =>
      handler(new Request('http://x/v1/files', { method: 'POST', body, headers: { ...headers, ...extra }, duplex: 'half' } as RequestInit));
    const big = form(2_000);
    const outcomes = [
      await upload(big, { 'content-length': String(big.length) }),
      await upload(big, { 'content-length': '10' }),
      await upload(new Blob([big]).stream()),
    ];
    for (const response of outcomes) {
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('request_too_large');
    }
    // Within the limit, the form is read and the call goes on (here to the missing batch settings: a 400 naming them).
    const small = await upload(new Blob([form(100)]).stream());
    expect(small.status).toBe(400);
    expect(((await small.json()) as { error: { param: string } }).error.param).toBe('batch.s3Uri');
    const notAForm = await upload('not a form', { 'content-length': '10' });
    expect(notAForm.status).toBe(400);
    handler.client.close();
  });
});

describe('GET /v1/models', () => {
  it('lists the catalog in OpenAI’s list shape', async () => {
    const response = await fetchIt(`${BASE}/models`);
    const body = (await response.json()) as { object: string; data: Array<{ id: string; object: string }> };
    expect(body.object).toBe('list');
    expect(body.data.length).toBeGreaterThan(10);
    expect(body.data.every((model) => model.object === 'model')).toBe(true);
  });

  it.each([
    ['an alias', 'nova-lite', 'amazon.nova-lite-v1:0'],
    ['a profile ID with . and :', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['a URL-encoded ARN', encodeURIComponent('arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'), 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'],
    ['an ARN with a raw /', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0'],
  ])('retrieves %s', async (_name, path, id) => {
    const response = await fetchIt(`${BASE}/models/${path}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(id);
  });

  it('an unknown model → 404 OpenAI-shaped', async () => {
    const response = await fetchIt(`${BASE}/models/acme.unknown-v1:0`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string; param: string } }).error).toMatchObject({ code: 'model_not_found', param: 'model' });
  });
});

describe('POST /v1/embeddings', () => {
  it('float and base64 carry the same vector', async () => {
    const float = (await (await post('/embeddings', JSON.stringify({ model: 'titan-embed-text-v2', input: ['hello world'], encoding_format: 'float' }))).json()) as {
      data: Array<{ embedding: number[] }>;
    };
    const response = await post('/embeddings', JSON.stringify({ model: 'titan-embed-text-v2', input: ['hello world'], encoding_format: 'base64' }));
    expect(response.headers.get('x-request-id')).toBe(emulator.requests.at(-1)!.requestId);
    const base64 = (await response.json()) as { data: Array<{ embedding: string }>; usage: { prompt_tokens: number } };
    const bytes = Buffer.from(base64.data[0]!.embedding, 'base64');
    const decoded = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
    expect(decoded).toEqual(float.data[0]!.embedding.map((value) => Math.fround(value)));
    expect(base64.usage.prompt_tokens).toBeGreaterThan(0);
  });
});

describe('createBedrockFetch', () => {
  it('refuses a URL outside its base URL, sending nothing', async () => {
    const before = emulator.requests.length;
    for (const url of [`${emulator.url}/model/amazon.nova-lite-v1:0/converse`, 'http://bedrock.test/v2/models', 'http://bedrock.test/v1x/models', 'https://bedrock.test/v1/models']) {
      await expect(fetchIt(url), url).rejects.toThrow(/outside its base URL .*refused, not sent to the network/);
    }
    expect(emulator.requests.length).toBe(before);
  });

  it('serves a base URL with a deeper path, and uses a given Client as is', async () => {
    const client = new Client(emulatorClientOptions(emulator));
    const deeper = createBedrockFetch({ baseURL: 'https://gateway.example/api/openai/v1/', client });
    expect(deeper.baseURL).toBe('https://gateway.example/api/openai/v1');
    expect(deeper.client).toBe(client);
    const response = await deeper('https://gateway.example/api/openai/v1/models/nova-lite');
    expect(response.status).toBe(200);
    client.close();
  });

  it('reads a JSON string body in process, within the body limit counted in bytes', async () => {
    const limited = createBedrockFetch({ baseURL: BASE, client: emulatorClientOptions(emulator), maxBodyBytes: 1_000 });
    const send = (body: string): Promise<Response> => limited(`${BASE}/chat/completions`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const fits = chatBody('x'.repeat(900 - chatBody('').length));
    expect(Buffer.byteLength(fits)).toBeLessThanOrEqual(1_000);
    expect((await send(fits)).status).toBe(200);
    // 600 characters, 1,200 bytes: over the limit although its length is not.
    const multiByte = chatBody('é'.repeat(600));
    expect(multiByte.length).toBeLessThan(1_000);
    const refused = await send(multiByte);
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('request_too_large');
    expect(emulator.counts.Converse).toBe(1);
    limited.client.close();
  });

  it('serves bodies other than a JSON string as fetch builds them: a Request, a text/plain string, bytes', async () => {
    const body = chatBody('hello there');
    const asRequest = await fetchIt(new Request(`${BASE}/chat/completions`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
    const asText = await post('/chat/completions', body, { headers: { 'content-type': 'text/plain' } });
    const asBytes = await fetchIt(`${BASE}/chat/completions`, { method: 'POST', body: new TextEncoder().encode(body), headers: { 'content-type': 'application/json' } });
    for (const response of [asRequest, asText, asBytes]) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content).toBe('You said: hello there');
    }
  });

  it('leaves no listener on a caller’s signal shared by many calls, with or without a per-request timeout', async () => {
    const timed = createBedrockFetch({ baseURL: BASE, client: emulatorClientOptions(emulator), requestTimeoutMs: 60_000 });
    const shared = new AbortController();
    for (const doorFetch of [fetchIt, timed]) {
      for (let call = 0; call < 50; call += 1) {
        const response = await doorFetch(`${BASE}/chat/completions`, { method: 'POST', body: chatBody('hello'), headers: { 'content-type': 'application/json' }, signal: shared.signal });
        expect(response.status).toBe(200);
        await response.json();
      }
      expect(EventEmitter.getEventListeners(shared.signal, 'abort')).toHaveLength(0);
    }
    timed.client.close();
  });

  it('refuses what fetch refuses: a body on a GET', async () => {
    await expect(fetchIt(`${BASE}/models`, { method: 'GET', body: '{}', headers: { 'content-type': 'application/json' } })).rejects.toBeInstanceOf(TypeError);
    await expect(fetchIt(`${BASE}/chat/completions`, { body: '{}', headers: { 'content-type': 'application/json' } })).rejects.toBeInstanceOf(TypeError);
  });

  it('rejects a base URL that is not absolute', () => {
    expect(() => createBedrockFetch({ baseURL: '/v1' })).toThrow(/absolute URL/);
  });
});
