/**
 * The client's limiters end to end: our `Client` through the real AWS SDK and HTTP to the emulator, whose on-demand
 * quotas (src/emulator/quotas.ts) throttle as Bedrock does.
 */
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, APIUserAbortError, Client, ConfigurationError, createBedrockFetch, type LimitEvent, startServer } from '../../src/index.js';
import { embedText, type EmulatorHandle, startEmulator } from '../../src/emulator/index.js';

const NOVA = 'amazon.nova-lite-v1:0';
const TITAN = 'amazon.titan-embed-text-v2:0';

let emulator: EmulatorHandle;
const clients: Client[] = [];

function newClient(options: ConstructorParameters<typeof Client>[0] = {}): Client {
  const client = new Client({ endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials, configFile: false, crossRegion: 'off', onWarning: () => undefined, ...options });
  clients.push(client);
  return client;
}

const ask = (client: Client, text: string, options: { signal?: AbortSignal; timeout?: number } = {}) =>
  client.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: text }], max_tokens: 50 }, options);

function usage() {
  return emulator.quotas.usage()[0] ?? { admitted: 0, throttledRequests: 0, throttledTokens: 0, tokensUsed: 0 };
}

beforeAll(async () => {
  emulator = await startEmulator();
});
afterEach(() => {
  emulator.reset();
  for (const client of clients.splice(0)) client.close();
});
afterAll(async () => {
  await emulator.close();
});

describe('declared quotas', () => {
  it('are never exceeded: a burst of 80 calls meets no throttling (and without the declaration it does)', async () => {
    // 10 a second with 3 s of burst at the emulator; the client sends at most 1 s of burst (it cannot know Bedrock's).
    emulator.quotas.set({ model: NOVA, requestsPerMinute: 600, burstSeconds: 3 });
    const declared = newClient({ quotas: { 'nova-lite': { requestsPerMinute: 600 } } });
    const replies = await Promise.all(Array.from({ length: 80 }, (_, index) => ask(declared, `question ${index}`)));
    expect(replies.map((reply) => reply.choices[0]?.message.content)).toEqual(Array.from({ length: 80 }, (_, index) => `You said: question ${index}`));
    expect(usage()).toMatchObject({ admitted: 80, throttledRequests: 0 });
    // Negative control: the same burst from a client that is not told the quota is throttled.
    emulator.quotas.set({ model: NOVA, requestsPerMinute: 600, burstSeconds: 3 });
    const undeclared = newClient({ maxRetries: 8 });
    await Promise.all(Array.from({ length: 80 }, (_, index) => ask(undeclared, `question ${index}`)));
    expect(usage().throttledRequests).toBeGreaterThan(0);
  }, 60_000);

  it('are validated, naming the field', () => {
    const attempt = (quotas: unknown) => () => newClient({ quotas: quotas as never });
    expect(attempt({ 'nova-lite': { requestsPerMinute: -1 } })).toThrow(ConfigurationError);
    try {
      attempt({ 'nova-lite': { tokensPerMinute: 'many' } })();
    } catch (error) {
      expect((error as ConfigurationError).param).toBe('quotas.nova-lite.tokensPerMinute');
    }
    expect(() => newClient({ limits: {} as never })).toThrow(/limits/);
  });
});

describe('one limiter per model, shared by every call', () => {
  it('three embeddings calls at once share one limiter that learns a hidden quota', async () => {
    emulator.quotas.set({ model: TITAN, requestsPerMinute: 1_200, burstSeconds: 1, timeToFirstTokenMs: 5 }); // 20 a second
    const events: LimitEvent[] = [];
    const client = newClient({ onLimit: (event) => events.push(event) });
    const texts = Array.from({ length: 3 }, (_, call) => Array.from({ length: 40 }, (_, index) => `call ${call} text ${index}`));
    const results = await Promise.all(texts.map((input) => client.embeddings.create({ model: 'titan-embed-text-v2', input, dimensions: 256 }, { concurrency: 16 })));
    results.forEach((result, call) => result.data.forEach((entry, index) => expect(entry.embedding).toEqual(embedText(`call ${call} text ${index}`, 256))));
    const states = client.limits.states();
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ model: TITAN, region: emulator.region, inFlight: 0, queued: 0, admitted: 120 });
    expect(usage().admitted).toBe(120);
    // Throttled (16 × 3 callers meet 20 of burst at a 5 ms round trip), then paced at a learned rate under the quota:
    // some throttled attempts while it learns (20–70 on this machine), not a storm (fewer than the calls).
    expect(states[0]?.throttled).toBe(usage().throttledRequests);
    expect(usage().throttledRequests).toBeGreaterThan(0);
    expect(usage().throttledRequests).toBeLessThan(120);
    expect(states[0]?.requestsPerMinute).toBeGreaterThan(1_200 * 0.4);
    expect(states[0]?.requestsPerMinute).toBeLessThan(1_200 * 1.1);
    expect(events.filter((event) => event.type === 'granted')).toHaveLength(120 + usage().throttledRequests);
    expect(client.describe()).toMatch(new RegExp(`limits: ${TITAN.replace(/[.:]/g, '\\$&')} in us-east-1: 0 in flight, 0 queued, \\d+ requests/min \\(learned\\)`));
  });

  it('the HTTP doors run on the client: requests through the in-process fetch and a server share its limiter', async () => {
    // 10 a second with 3 s of burst at the emulator (as above: the client sends at most 1 s of burst).
    emulator.quotas.set({ model: NOVA, requestsPerMinute: 600, burstSeconds: 3 });
    const client = newClient({ quotas: { 'nova-lite': { requestsPerMinute: 600 } } });
    const baseURL = 'http://bedrock.local/v1';
    const viaFetch = new OpenAI({ baseURL, apiKey: 'unused', fetch: createBedrockFetch({ baseURL, client }), maxRetries: 0 });
    const server = await startServer({ client, port: 0 });
    try {
      const viaServer = new OpenAI({ baseURL: server.url, apiKey: 'unused', maxRetries: 0 });
      const call = (openai: OpenAI, index: number) => openai.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: `q${index}` }], max_tokens: 20 });
      const replies = await Promise.all(Array.from({ length: 30 }, (_, index) => call(index % 2 === 0 ? viaFetch : viaServer, index)));
      expect(replies.map((reply) => reply.choices[0]?.message.content)).toEqual(Array.from({ length: 30 }, (_, index) => `You said: q${index}`));
      // One limiter saw all 30 (in one queue: 20 of them waited for the rate), and none was throttled.
      expect(client.limits.states()).toHaveLength(1);
      expect(client.limits.states()[0]).toMatchObject({ admitted: 30, throttled: 0 });
      expect(usage()).toMatchObject({ admitted: 30, throttledRequests: 0 });
    } finally {
      await server.close();
    }
  }, 20_000);

  it('clients given `limits` share the queue and the learned rate', () => {
    const first = newClient({ quotas: { 'nova-lite': { requestsPerMinute: 60 } } });
    const second = newClient({ limits: first.limits });
    expect(second.limits).toBe(first.limits);
  });

  it('a stream holds its place until it ends', async () => {
    const client = newClient();
    const stream = await client.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'one two three' }], stream: true });
    expect(client.limits.states()[0]?.inFlight).toBe(1);
    for await (const chunk of stream) void chunk;
    expect(client.limits.states()[0]).toMatchObject({ inFlight: 0, admitted: 1 });
  });
});

describe('waiting in the queue', () => {
  it('is cancelled by the signal and bounded by the timeout, leaving the queue at once', async () => {
    const client = newClient({ quotas: { 'nova-lite': { requestsPerMinute: 6 } } }); // one every 10 s after the first
    await ask(client, 'first');
    const controller = new AbortController();
    const cancelled = ask(client, 'cancelled', { signal: controller.signal });
    const late = ask(client, 'late', { timeout: 150 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.limits.states()[0]?.queued).toBe(2);
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(APIUserAbortError);
    const error = await late.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toMatch(/waiting for the rate limiter of amazon\.nova-lite-v1:0/);
    expect(client.limits.states()[0]?.queued).toBe(0);
    // Only the first call reached the emulator.
    expect(emulator.counts.Converse).toBe(1);
  });
});
