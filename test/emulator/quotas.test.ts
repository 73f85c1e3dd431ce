import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, TOO_MANY_REQUESTS, TOO_MANY_TOKENS, type EmulatorHandle } from '../../src/emulator/index.js';
import { Bucket, QuotaRegistry, validateQuotaSpec } from '../../src/emulator/quotas.js';
import { captureError, ClientFactory } from './helpers.js';

const NOVA = 'amazon.nova-lite-v1:0';
const TITAN = 'amazon.titan-embed-text-v2:0';

describe('Bucket (unit)', () => {
  it.each([
    // perMinute, burstSeconds, timeScale, takes at t=0, wait ms, expected level after the wait
    { perMinute: 600, burst: 1, scale: 1, take: 10, waitMs: 0, level: 0 },
    { perMinute: 600, burst: 1, scale: 1, take: 10, waitMs: 500, level: 5 },
    { perMinute: 600, burst: 1, scale: 1, take: 10, waitMs: 5_000, level: 10 },
    { perMinute: 600, burst: 1, scale: 60, take: 10, waitMs: 10, level: 6 },
    { perMinute: 60, burst: 1, scale: 1, take: 1, waitMs: 0, level: 0 },
    { perMinute: 6, burst: 1, scale: 1, take: 1, waitMs: 0, level: 0 },
  ])('$perMinute/min, burst $burst s, scale $scale: level $level after taking $take and $waitMs ms', ({ perMinute, burst, scale, take, waitMs, level }) => {
    const bucket = new Bucket(perMinute, burst, scale, 0);
    expect(bucket.take(take, 0)).toBe(true);
    expect(bucket.level(waitMs)).toBeCloseTo(level, 6);
  });

  it('holds at least one unit, and admits an oversized amount only when full', () => {
    const bucket = new Bucket(6, 1, 1, 0);
    expect(bucket.capacity).toBe(1);
    const tokens = new Bucket(600, 1, 1, 0);
    expect(tokens.take(50, 0)).toBe(true);
    expect(tokens.level(0)).toBe(-40);
    expect(tokens.take(50, 1_000)).toBe(false);
    expect(tokens.take(50, 6_000)).toBe(true);
  });

  it('adjusts by the difference between reservation and use, never above capacity', () => {
    const bucket = new Bucket(600, 1, 1, 0);
    bucket.take(8, 0);
    bucket.adjust(5, 0);
    expect(bucket.level(0)).toBe(7);
    bucket.adjust(100, 0);
    expect(bucket.level(0)).toBe(10);
  });
});

describe('QuotaRegistry (unit)', () => {
  it('throttles requests and tokens with Bedrock messages, per Region, and counts them', () => {
    let now = 0;
    const registry = new QuotaRegistry(() => now);
    registry.set({ model: NOVA, requestsPerMinute: 120, tokensPerMinute: 6000 });
    // Capacity: 2 requests, 100 tokens.
    expect(registry.admit('Converse', [NOVA], 'us-east-1', 40)).toBeDefined();
    expect(registry.admit('Converse', [NOVA], 'us-east-1', 40)).toBeDefined();
    expect(() => registry.admit('Converse', [NOVA], 'us-east-1', 1)).toThrow(TOO_MANY_REQUESTS);
    // Another Region has its own buckets.
    expect(registry.admit('Converse', [NOVA], 'eu-west-1', 40)).toBeDefined();
    now = 1_000; // +2 requests, +100 tokens (back to the full 100)
    expect(() => registry.admit('Converse', [NOVA], 'us-east-1', 101)).not.toThrow(); // full bucket admits an oversized one
    expect(() => registry.admit('Converse', [NOVA], 'us-east-1', 10)).toThrow(TOO_MANY_TOKENS);
    const usage = registry.usage().find((entry) => entry.region === 'us-east-1');
    expect(usage).toMatchObject({ admitted: 3, throttledRequests: 1, throttledTokens: 1 });
  });

  it('settles a reservation to the actual use (and a negative control without settling)', () => {
    for (const settle of [true, false]) {
      const registry = new QuotaRegistry(() => 0);
      registry.set({ model: NOVA, tokensPerMinute: 6000 }); // 100 tokens of burst
      const ticket = registry.admit('Converse', [NOVA], 'us-east-1', 90);
      if (settle) ticket?.settle(20);
      const second = (): unknown => registry.admit('Converse', [NOVA], 'us-east-1', 60);
      if (settle) expect(second).not.toThrow();
      else expect(second).toThrow(TOO_MANY_TOKENS);
    }
  });

  it('applies nothing without a matching quota, nor to CountTokens; matches the ID as sent or resolved', () => {
    const registry = new QuotaRegistry(() => 0);
    expect(registry.admit('Converse', [NOVA], 'us-east-1', 1)).toBeUndefined();
    registry.set({ model: NOVA, requestsPerMinute: 60, region: 'us-east-1' });
    expect(registry.admit('Converse', ['other'], 'us-east-1', 1)).toBeUndefined();
    expect(registry.admit('Converse', [NOVA], 'eu-west-1', 1)).toBeUndefined();
    expect(registry.admit('CountTokens', [NOVA], 'us-east-1', 1)).toBeUndefined();
    expect(registry.admit('Converse', [`us.${NOVA}`, NOVA], 'us-east-1', 1)).toBeDefined();
    expect(() => registry.admit('Converse', [`us.${NOVA}`, NOVA], 'us-east-1', 1)).toThrow(TOO_MANY_REQUESTS);
  });

  it('replaces a model’s quota with full buckets, and names bad fields', () => {
    const registry = new QuotaRegistry(() => 0);
    registry.set({ model: NOVA, requestsPerMinute: 60 });
    registry.admit('Converse', [NOVA], 'us-east-1', 0);
    registry.set({ model: NOVA, requestsPerMinute: 60 });
    expect(registry.list()).toHaveLength(1);
    expect(registry.admit('Converse', [NOVA], 'us-east-1', 0)).toBeDefined();
    expect(() => validateQuotaSpec({ model: NOVA, requestsPerMinute: 0 })).toThrow(/quota\.requestsPerMinute/);
    expect(() => validateQuotaSpec({ model: '', requestsPerMinute: 1 })).toThrow(/quota\.model/);
    expect(() => validateQuotaSpec({ model: NOVA, timeScale: -1 })).toThrow(/quota\.timeScale/);
    expect(() => validateQuotaSpec({ model: NOVA, msPerOutputToken: Number.NaN })).toThrow(/quota\.msPerOutputToken/);
  });
});

describe('quotas over the wire (real SDK, real HTTP)', () => {
  let emulator: EmulatorHandle;
  const clients = new ClientFactory(() => emulator);
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.quotas.clear());
  afterAll(async () => {
    clients.destroyAll();
    await emulator.close();
  });
  const converse = (text: string, maxTokens?: number) =>
    new ConverseCommand({ modelId: NOVA, messages: [{ role: 'user', content: [{ text }] }], ...(maxTokens === undefined ? {} : { inferenceConfig: { maxTokens } }) });

  it('is off by default: a burst of requests all succeed (negative control)', async () => {
    const client = clients.sigv4('http1');
    await Promise.all(Array.from({ length: 20 }, () => client.send(converse('hello'))));
  });

  it('throttles over the requests quota with ThrottlingException (429) and Bedrock’s message', async () => {
    emulator.quotas.set({ model: NOVA, requestsPerMinute: 60 });
    const client = clients.sigv4('http1');
    await client.send(converse('hello'));
    const error = await captureError(client.send(converse('hello')));
    expect(error.name).toBe('ThrottlingException');
    expect(error.message).toBe(TOO_MANY_REQUESTS);
    expect(error.$metadata?.httpStatusCode).toBe(429);
    expect(emulator.quotas.usage()[0]).toMatchObject({ admitted: 1, throttledRequests: 1 });
  });

  it('reserves input + maxTokens (the model maximum when unset) against the tokens quota', async () => {
    // 600 tokens of burst, refilled at 10 a second; Nova Lite's maximum output is far above it.
    emulator.quotas.set({ model: NOVA, tokensPerMinute: 600, burstSeconds: 60 });
    const client = clients.sigv4('http1');
    await client.send(converse('one two three', 100)); // reserves 103, settles to what it used
    await client.send(converse('one two three', 100));
    // An unset maxTokens reserves the model's maximum: more than what is left, so throttled.
    const error = await captureError(client.send(converse('one two three')));
    expect(error.message).toBe(TOO_MANY_TOKENS);
    expect(error.$metadata?.httpStatusCode).toBe(429);
  });

  it('settles streams at their end, and throttles embeddings by requests', async () => {
    // 100 tokens of burst, refilled at 1 a second; the stream's tokens take 100 ms each.
    emulator.quotas.set({ model: NOVA, tokensPerMinute: 60, burstSeconds: 100, msPerOutputToken: 100 });
    const client = clients.sigv4('http1');
    const stream = await client.send(new ConverseStreamCommand({ modelId: NOVA, messages: [{ role: 'user', content: [{ text: 'a b c' }] }], inferenceConfig: { maxTokens: 90 } }));
    // While the stream is open its 93-token reservation holds the bucket.
    expect((await captureError(client.send(converse('x', 50)))).message).toBe(TOO_MANY_TOKENS);
    for await (const _event of stream.stream ?? []) void _event;
    await client.send(converse('x', 50));

    emulator.quotas.set({ model: TITAN, requestsPerMinute: 2, burstSeconds: 60 });
    const embed = () => client.send(new InvokeModelCommand({ modelId: TITAN, body: JSON.stringify({ inputText: 'hello world' }), contentType: 'application/json' }));
    await embed();
    await embed();
    expect((await captureError(embed())).message).toBe(TOO_MANY_REQUESTS);
  });

  it('applies the latency model: time to first token and per output token', async () => {
    const client = clients.sigv4('http1');
    const timed = async (): Promise<number> => {
      const started = performance.now();
      await client.send(converse('one two three four five six seven eight nine ten', 200));
      return performance.now() - started;
    };
    emulator.quotas.set({ model: NOVA, timeToFirstTokenMs: 150, msPerOutputToken: 10 });
    // The reply echoes the prompt: about a dozen output tokens → ≥ 150 + 120 ms.
    expect(await timed()).toBeGreaterThanOrEqual(250);
  });

  it('is configured over the control endpoint', async () => {
    const put = await fetch(`${emulator.url}/__emulator/quotas`, { method: 'PUT', body: JSON.stringify({ model: NOVA, requestsPerMinute: 60 }) });
    expect(put.status).toBe(201);
    const bad = await fetch(`${emulator.url}/__emulator/quotas`, { method: 'PUT', body: JSON.stringify({ model: NOVA, requestsPerMinute: -5 }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/quota\.requestsPerMinute/);
    const client = clients.sigv4('http1');
    await client.send(converse('hi'));
    await captureError(client.send(converse('hi')));
    const listed = (await (await fetch(`${emulator.url}/__emulator/quotas`)).json()) as { quotas: unknown[]; usage: Array<{ throttledRequests: number }> };
    expect(listed.quotas).toHaveLength(1);
    expect(listed.usage[0]?.throttledRequests).toBe(1);
    expect((await fetch(`${emulator.url}/__emulator/quotas`, { method: 'DELETE' })).status).toBe(200);
    await client.send(converse('hi'));
  });
});
