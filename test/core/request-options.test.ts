/**
 * `RequestOptions` as `openai` has them: each option honoured where Bedrock gives it a meaning (`signal: null`,
 * `headers` on the signed Bedrock request), refused where it has none (`query`, `idempotencyKey`, `fetchOptions`,
 * unknown keys), never silently ignored. End to end: our Client → the real AWS SDK → a recording HTTP handler → the
 * emulator, which checks the SigV4 signature (so an extra header added after signing would fail).
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ClientOptions } from '../../src/client.js';
import { APIUserAbortError, BadRequestError } from '../../src/core/errors.js';
import { readHeaders, readRequestOptions } from '../../src/core/request-options.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { collect } from '../support/collect.js';

function badRequest(run: () => unknown): BadRequestError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestError);
    return error as BadRequestError;
  }
  throw new Error('expected a BadRequestError');
}

describe('readRequestOptions', () => {
  it('drops signal: null and keeps a signal', () => {
    expect(readRequestOptions({ signal: null })).toEqual({});
    const signal = new AbortController().signal;
    expect(readRequestOptions({ signal, maxRetries: 1 })).toEqual({ signal, maxRetries: 1 });
  });

  it.each<[string, object]>([
    ['empty query', { query: {} }],
    ['null query', { query: null }],
    ['empty fetchOptions', { fetchOptions: {} }],
    ['undefined values', { headers: undefined, idempotencyKey: undefined, fetchOptions: undefined }],
    ['headers that are all null', { headers: { 'x-drop': null } }],
  ])('accepts %s, which asks for nothing', (_name, options) => {
    expect(readRequestOptions(options).headers).toBeUndefined();
  });

  it.each<[string, object, string, RegExp]>([
    ['a query', { query: { 'api-version': '2024-10-21' } }, 'options.query', /no Bedrock Runtime operation takes query parameters/],
    ['an idempotency key', { idempotencyKey: 'stainless-retry-1' }, 'options.idempotencyKey', /no idempotency key/],
    ['fetchOptions', { fetchOptions: { keepalive: true } }, 'options.fetchOptions', /requestHandler/],
    ['openai internals', { path: '/chat/completions' }, 'options.path', /Unrecognized request option/],
    ['a misspelt option', { maxRetry: 3 }, 'options.maxRetry', /Unrecognized request option/],
    ['a signal that is not one', { signal: 'abort' }, 'options.signal', /AbortSignal/],
    ['an authorization header', { headers: { Authorization: 'Bearer x' } }, 'options.headers.Authorization', /AWS SDK sets it/],
    ['an x-amz header', { headers: { 'X-Amz-Date': '20260101T000000Z' } }, 'options.headers.X-Amz-Date', /AWS SDK sets it/],
    ['a Bedrock header', { headers: { 'x-amzn-bedrock-trace': 'ENABLED' } }, 'options.headers.x-amzn-bedrock-trace', /request fields/],
    ['a content-type header', { headers: { 'content-type': 'text/plain' } }, 'options.headers.content-type', /AWS SDK sets it/],
    ['a header value with a newline', { headers: { 'x-trace': 'a\r\nb' } }, 'options.headers.x-trace', /cannot carry/],
    ['a header value outside ASCII', { headers: { 'x-user': 'Zoë' } }, 'options.headers.x-user', /cannot carry/],
    ['a bad header name', { headers: { 'x trace': '1' } }, 'options.headers.x trace', /not a valid HTTP header name/],
  ])('refuses %s, naming it', (_name, options, param, message) => {
    const error = badRequest(() => readRequestOptions(options as never));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it('takes the method\'s own keys when told', () => {
    expect(readRequestOptions({ concurrency: 4 } as never, ['concurrency' as never])).toEqual({ concurrency: 4 });
  });

  it('reads headers in each form openai takes, lower-cased, repeated values joined', () => {
    const expected = { 'x-trace-id': 'abc', 'x-tag': 'a, b' };
    expect(readHeaders({ 'X-Trace-Id': 'abc', 'x-tag': ['a', 'b'], 'x-none': null })).toEqual(expected);
    expect(readHeaders([['X-Trace-Id', 'abc'], ['x-tag', 'a'], ['x-tag', 'b']])).toEqual(expected);
    expect(readHeaders(new Headers([['X-Trace-Id', 'abc'], ['x-tag', 'a'], ['x-tag', 'b']]))).toEqual(expected);
  });
});

/** An HTTP handler that records the headers of each request it is given (after signing), then sends it. */
class RecordingHandler extends NodeHttpHandler {
  readonly seen: Record<string, string>[] = [];
  override handle(request: Parameters<NodeHttpHandler['handle']>[0], options?: Parameters<NodeHttpHandler['handle']>[1]) {
    this.seen.push({ ...request.headers });
    return super.handle(request, options);
  }
}

describe('request options end to end', () => {
  let emulator: EmulatorHandle;
  const clients: Client[] = [];
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await emulator.close();
  });
  function client(options: ClientOptions = {}): Client {
    const created = new Client({ endpoint: emulator.url, credentials: emulator.credentials, configFile: false, env: {}, region: 'us-east-1', maxRetries: 0, ...options });
    clients.push(created);
    return created;
  }
  const messages = [{ role: 'user' as const, content: 'Hi' }];

  it('sends headers on the signed Bedrock request: chat, streamed chat and embeddings', async () => {
    const handler = new RecordingHandler();
    const recording = client({ requestHandler: handler });
    const headers = { 'X-Trace-Id': 'trace-1', 'x-gateway-key': 'team-a' };
    await recording.chat.completions.create({ model: 'nova-lite', messages }, { headers });
    await collect(await recording.chat.completions.create({ model: 'nova-lite', messages, stream: true }, { headers: new Headers(headers) }));
    await recording.embeddings.create({ model: 'titan-embed-text-v2', input: ['a', 'b'] }, { headers: [['x-trace-id', 'trace-1'], ['x-gateway-key', 'team-a']] });
    expect(handler.seen).toHaveLength(4);
    for (const seen of handler.seen) {
      expect(seen).toMatchObject({ 'x-trace-id': 'trace-1', 'x-gateway-key': 'team-a' });
      // Signed with the request: the emulator verified the signature over them.
      expect(seen['authorization']).toMatch(/SignedHeaders=[^,]*x-gateway-key[^,]*x-trace-id/);
    }
    await recording.chat.completions.create({ model: 'nova-lite', messages });
    expect(handler.seen.at(-1)).not.toHaveProperty('x-trace-id');
  });

  it('takes signal: null as no signal, and an aborted signal as an abort', async () => {
    const completion = await client().chat.completions.create({ model: 'nova-lite', messages }, { signal: null });
    expect(completion.choices[0]?.message.content).toBeTruthy();
    const embedded = await client().embeddings.create({ model: 'titan-embed-text-v2', input: 'a' }, { signal: null });
    expect(embedded.data).toHaveLength(1);
    expect((await client().models.list({ signal: null })).data.length).toBeGreaterThan(0);
    await expect(client().chat.completions.create({ model: 'nova-lite', messages }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it.each<[string, object]>([
    ['query', { query: { a: '1' } }],
    ['idempotencyKey', { idempotencyKey: 'k' }],
    ['fetchOptions', { fetchOptions: { cache: 'no-store' } }],
    ['headers', { headers: { authorization: 'x' } }],
  ])('refuses %s before anything is sent, on every method', async (_name, options) => {
    emulator.clearRequests();
    const calls = [
      client().chat.completions.create({ model: 'nova-lite', messages }, options as never),
      client().chat.completions.create({ model: 'nova-lite', messages, stream: true }, options as never),
      client().embeddings.create({ model: 'titan-embed-text-v2', input: 'a' }, options as never),
      client().models.retrieve('nova-lite', options as never),
    ];
    for (const call of calls) await expect(call).rejects.toBeInstanceOf(BadRequestError);
    expect(emulator.requests).toHaveLength(0);
  });

  it('refuses headers on models.list/retrieve, which send no request', async () => {
    const error = await client().models.list({ headers: { 'x-trace-id': '1' } }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('options.headers');
  });
});
