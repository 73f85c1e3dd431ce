/**
 * The gateway over real HTTP (node's fetch and raw sockets) to the emulator: health, auth, the public-bind refusal,
 * limits, heartbeats, CORS, the access log, and client disconnects cancelling the Bedrock stream — 1,000 of them
 * leaving no request in flight, socket or timer behind.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { startServer, type ServerHandle, type ServerOptions } from '../../src/server/server.js';
import { chatBody, emulatorClientOptions, readSse } from '../http/helpers.js';

let emulator: EmulatorHandle;
const KEY = 'sk-test-0123456789abcdef';
const servers: ServerHandle[] = [];

async function serve(options: ServerOptions = {}, lines: string[] = []): Promise<ServerHandle> {
  const server = await startServer({
    port: 0,
    client: emulatorClientOptions(emulator, { logLevel: 'info', logger: { info: (line) => lines.push(line), warn: (line) => lines.push(line) } }),
    ...options,
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  for (const server of servers) await server.close({ graceMs: 0 });
  await emulator.close();
});
beforeEach(() => emulator.reset());

const postChat = (server: ServerHandle, body: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${server.url}/chat/completions`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('auth', () => {
  it('GET /health needs no key; everything else needs a valid Bearer key (401 OpenAI-shaped)', async () => {
    const server = await serve({ apiKeys: [KEY, 'sk-other-key-0123456789'] });
    const health = await fetch(server.url.replace(/\/v1$/, '/health'));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    for (const authorization of [undefined, 'Bearer wrong-key-0123456789', `Basic ${KEY}`, `Bearer ${KEY}x`, 'Bearer ']) {
      const response = await fetch(`${server.url}/models`, { headers: authorization === undefined ? {} : { authorization } });
      expect(response.status, authorization).toBe(401);
      expect(await response.json()).toEqual({ error: { message: expect.stringContaining('API key'), type: 'authentication_error', param: null, code: 'invalid_api_key' } });
    }
    for (const key of [KEY, 'sk-other-key-0123456789']) {
      const response = await fetch(`${server.url}/models`, { headers: { authorization: `Bearer ${key}` } });
      expect(response.status).toBe(200);
    }
  });

  it('refuses to listen on a non-loopback address without keys, and accepts short of nothing', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, client: emulatorClientOptions(emulator) })).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0 without API keys/);
    await expect(startServer({ host: '::', port: 0, client: emulatorClientOptions(emulator) })).rejects.toThrow(/without API keys/);
    await expect(startServer({ host: '127.0.0.1', port: 0, apiKeys: ['short'], client: emulatorClientOptions(emulator) })).rejects.toThrow(/at least 16 characters/);
    const server = await serve({ host: '0.0.0.0', apiKeys: [KEY] });
    expect(server.host).toBe('0.0.0.0');
  });
});

describe('limits', () => {
  it('a body over --max-body-bytes → 413', async () => {
    const server = await serve({ maxBodyBytes: 500 });
    const response = await postChat(server, chatBody('x'.repeat(1_000)));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('request_too_large');
    expect(emulator.counts.Converse).toBe(0);
  });

  it('a file upload over --max-body-bytes → 413, with a declared length or chunked', async () => {
    const server = await serve({ maxBodyBytes: 500 });
    const form = new FormData();
    form.set('purpose', 'batch');
    form.set('file', new Blob(['x'.repeat(1_000)]), 'in.jsonl');
    const declared = await fetch(`${server.url}/files`, { method: 'POST', body: form });
    expect(declared.status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.url}/files`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b', 'transfer-encoding': 'chunked' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write(`--b\r\ncontent-disposition: form-data; name="file"; filename="a"\r\n\r\n`);
      for (let index = 0; index < 10; index += 1) request.write('x'.repeat(100));
      request.end('\r\n--b--\r\n');
    });
    expect(chunked).toBe(413);
  });

  it('past --max-concurrent → 429 with retry-after, and served again once a slot frees', async () => {
    const server = await serve({ maxConcurrentRequests: 2 });
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 300, count: 2 });
    const streams = await Promise.all([1, 2].map(() => postChat(server, chatBody('one two three', { stream: true }))));
    const refused = await postChat(server, chatBody('hi'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.has('x-should-retry')).toBe(false);
    expect(((await refused.json()) as { error: { code: string; type: string } }).error).toMatchObject({ code: 'concurrency_limit', type: 'rate_limit_error' });
    await Promise.all(streams.map((stream) => stream.text()));
    await expect.poll(() => server.inFlight).toBe(0);
    expect((await postChat(server, chatBody('hi'))).status).toBe(200);
  });

  it('a request over --request-timeout-ms: a 504 before the response, a timeout error event after', async () => {
    const quick = await serve({ requestTimeoutMs: 300 });
    emulator.faults.add({ operation: 'Converse', latencyMs: 3_000 });
    const refused = await postChat(quick, chatBody('hi'));
    expect(refused.status).toBe(504);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('request_timeout');

    // The first event comes after 500 ms, well inside the 2 s limit; the last would come after about 5 s.
    const server = await serve({ requestTimeoutMs: 2_000 });
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 500 });
    const { events, text } = await readSse(await postChat(server, chatBody('a b c d e f g h', { stream: true })));
    expect(text).not.toContain('[DONE]');
    expect(events.at(-1)!.event).toBe('error');
    expect(JSON.parse(events.at(-1)!.data).error).toMatchObject({ code: 'request_timeout', type: 'timeout_error' });
    await expect.poll(() => emulator.requests.at(-1)!.clientClosed).toBe(true);
  });
});

describe('streams', () => {
  it('sends `: ping` comments during long silences', async () => {
    const server = await serve({ heartbeatMs: 60 });
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 250 });
    const { comments, events } = await readSse(await postChat(server, chatBody('one two', { stream: true })));
    expect(comments.filter((comment) => comment.trim() === 'ping').length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)!.data).toBe('[DONE]');
  });

  it('a client disconnect cancels the Bedrock stream (the emulator sees it)', async () => {
    const server = await serve();
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 50 });
    await disconnectAfterFirstChunk(server, chatBody('a b c d e f g h i j k l m n o p q r s t', { stream: true }));
    await expect.poll(() => emulator.requests.at(-1)!.clientClosed, { timeout: 5_000 }).toBe(true);
    await expect.poll(() => server.inFlight).toBe(0);
  });

  it('1,000 disconnects leave no request in flight, socket or timer behind', async () => {
    const server = await serve({ heartbeatMs: 10_000 });
    const body = chatBody('a b c d e f g h i j k l m n o p q r s t', { stream: true });
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 20, count: Infinity });
    // Warm up, then take the baseline of live handles.
    await disconnectAfterFirstChunk(server, body);
    await expect.poll(() => server.inFlight).toBe(0);
    const before = resourceCounts();
    for (let round = 0; round < 20; round += 1) {
      await Promise.all(Array.from({ length: 50 }, () => disconnectAfterFirstChunk(server, body)));
    }
    await expect.poll(() => server.inFlight, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => emulator.requests.filter((entry) => entry.clientClosed === false).length, { timeout: 10_000 }).toBe(0);
    expect(emulator.counts.ConverseStream).toBe(1_001);
    server.client.close();
    await expect
      .poll(() => {
        const after = resourceCounts();
        return (after['TCPSocketWrap'] ?? 0) <= (before['TCPSocketWrap'] ?? 0) + 2 && (after['Timeout'] ?? 0) <= (before['Timeout'] ?? 0) + 5;
      }, { timeout: 10_000 })
      .toBe(true);
  }, 120_000);
});

describe('keep-alive', () => {
  /**
   * One request on a raw socket that the client never closes: resolves with the `Keep-Alive` header and the ms from
   * the end of the response to the moment the server closed the connection.
   */
  function idleClose(server: ServerHandle): Promise<{ keepAlive: string | undefined; closedAfterMs: number }> {
    return new Promise((resolve, reject) => {
      const url = new URL(server.url);
      const socket = connect(Number(url.port), url.hostname);
      let text = '';
      let answeredAt: number | undefined;
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        text += chunk;
        const headerEnd = text.indexOf('\r\n\r\n');
        const length = /\r\ncontent-length: (\d+)/i.exec(text)?.[1];
        if (answeredAt === undefined && headerEnd >= 0 && length !== undefined && Buffer.byteLength(text.slice(headerEnd + 4)) >= Number(length)) answeredAt = performance.now();
      });
      socket.on('error', reject);
      socket.on('close', () => {
        if (answeredAt === undefined) return reject(new Error(`closed before a full response: ${text.slice(0, 200)}`));
        resolve({ keepAlive: /\r\nkeep-alive: ([^\r]*)/i.exec(text)?.[1], closedAfterMs: performance.now() - answeredAt });
      });
      socket.write(`GET ${url.pathname}/models HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`);
    });
  }

  it("keeps idle connections 72 s by default (longer than a load balancer's 60 s), and as long as asked", async () => {
    const server = await serve();
    const byDefault = idleClose(server);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Node announces the server's keep-alive timeout, in seconds; the connection is still open.
    await server.close();
    expect((await byDefault).keepAlive).toBe('timeout=72');

    const short = await idleClose(await serve({ keepAliveTimeoutMs: 1_500 }));
    expect(short.keepAlive).toBe('timeout=1');
    // The server closed the idle connection itself, once its timeout had passed.
    expect(short.closedAfterMs).toBeGreaterThanOrEqual(1_300);
  });

  it('refuses a keep-alive timeout below 1 ms', async () => {
    await expect(serve({ keepAliveTimeoutMs: 0 })).rejects.toThrow(/keepAliveTimeoutMs must be a whole number ≥ 1/);
  });
});

describe('access log and CORS', () => {
  it('logs one line per request with method, path, model, status, ms, tokens and request ID, never the key', async () => {
    const lines: string[] = [];
    const server = await serve({ apiKeys: [KEY] }, lines);
    await (await postChat(server, chatBody('hello'), { authorization: `Bearer ${KEY}` })).json();
    await (await postChat(server, chatBody('hello', { stream: true, stream_options: { include_usage: true } }), { authorization: `Bearer ${KEY}` })).text();
    await (await fetch(`${server.url}/models`, { headers: { authorization: 'Bearer nope-nope-nope-nope' } })).text();
    await expect.poll(() => lines.length).toBe(3);
    const [json, stream, denied] = lines;
    const requestIds = emulator.requests.map((entry) => entry.requestId);
    expect(json).toMatch(/^bedrock-openai: POST \/v1\/chat\/completions status=200 ms=\d+\.\d model="nova-lite" tokens=\d+\+\d+ request_id=/);
    expect(json).toContain(requestIds[0]);
    expect(stream).toMatch(/status=200 .*tokens=\d+\+\d+ request_id=/);
    expect(stream).toContain(requestIds[1]);
    expect(denied).toMatch(/GET \/v1\/models status=401 .*error=invalid_api_key/);
    expect(lines.join('\n')).not.toContain(KEY);
    expect(lines.join('\n')).not.toContain('nope-nope');
  });

  it('sends no CORS headers unless asked; with --cors answers the preflight', async () => {
    const plain = await serve();
    const response = await fetch(`${plain.url}/models`, { headers: { origin: 'https://app.example' } });
    expect(response.headers.has('access-control-allow-origin')).toBe(false);
    const withCors = await serve({ cors: 'https://app.example', apiKeys: [KEY] });
    const preflight = await fetch(`${withCors.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const actual = await fetch(`${withCors.url}/models`, { headers: { origin: 'https://app.example', authorization: `Bearer ${KEY}` } });
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(actual.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it("with --cors, a browser's preflight for the openai package's own headers passes, and the headers it reads are exposed", async () => {
    // The headers the real `openai` package sends with a chat request (recorded by a fetch that answers nothing).
    let sent: Headers | undefined;
    const recorder = new OpenAI({
      baseURL: 'http://127.0.0.1:9/v1',
      apiKey: KEY,
      organization: 'org-example',
      project: 'proj-example',
      maxRetries: 0,
      fetch: async (_url, init) => {
        sent = new Headers(init?.headers);
        return new Response(JSON.stringify({ error: { message: 'recorded' } }), { status: 400, headers: { 'content-type': 'application/json' } });
      },
    });
    await recorder.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'hi' }] }).catch(() => undefined);
    // What a browser asks about: every header that is not CORS-safelisted (content-type: application/json is not).
    const safelisted = new Set(['accept', 'accept-language', 'content-language']);
    const asked = [...sent!.keys()].filter((name) => !safelisted.has(name)).sort();
    expect(asked).toEqual(expect.arrayContaining(['authorization', 'content-type', 'openai-organization', 'openai-project', 'x-stainless-os', 'x-stainless-retry-count']));

    const withCors = await serve({ cors: 'https://app.example', apiKeys: [KEY], client: emulatorClientOptions(emulator, { maxRetries: 1 }) });
    const preflight = await fetch(`${withCors.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': asked.join(',') },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')?.split(',')).toContain('POST');
    // `Access-Control-Allow-Headers` takes names (a pattern such as `x-stainless-*` matches nothing in a browser).
    const allowed = new Set(preflight.headers.get('access-control-allow-headers')!.split(',').map((name) => name.trim().toLowerCase()));
    for (const name of asked) expect(allowed.has(name), name).toBe(true);

    // A throttled call: the browser lets the SDK read the request ID, `retry-after` and `x-should-retry` only when exposed.
    emulator.faults.add({ operation: 'Converse', error: { name: 'ThrottlingException' }, count: 2 });
    const throttled = await fetch(`${withCors.url}/chat/completions`, {
      method: 'POST',
      headers: { origin: 'https://app.example', authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: chatBody('hi'),
    });
    expect(throttled.status).toBe(429);
    const exposed = throttled.headers.get('access-control-expose-headers')!.split(',').map((name) => name.trim());
    for (const name of ['x-request-id', 'x-should-retry', 'retry-after']) expect(exposed, name).toContain(name);
    expect(throttled.headers.get('x-should-retry')).toBe('false');
  });
});

/** Sends a streamed chat request over a raw socket and destroys the connection on the first body bytes. */
function disconnectAfterFirstChunk(server: ServerHandle, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${server.url}/chat/completions`);
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, agent: false },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`status ${response.statusCode}`));
        response.once('data', () => {
          request.destroy();
          resolve();
        });
      },
    );
    request.on('error', () => undefined);
    request.end(body);
  });
}

function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}
