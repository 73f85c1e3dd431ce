import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand, type ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry, pickDelay, validateFaultSpec } from '../../src/emulator/faults.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { captureError, ClientFactory, TRANSPORTS } from './helpers.js';

let emulator: EmulatorHandle;
const clients = new ClientFactory(() => emulator);

beforeAll(async () => {
  emulator = await startEmulator();
});
afterEach(() => emulator.faults.clear());
afterAll(async () => {
  clients.destroyAll();
  await emulator.close();
});

const converse = (text = 'hi', modelId = 'amazon.nova-lite-v1:0') => new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text }] }] });
const converseStream = (text = 'one two three four five six seven eight nine') =>
  new ConverseStreamCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text }] }] });

describe('FaultRegistry (unit)', () => {
  it('uses up counts and filters by operation and model', () => {
    const registry = new FaultRegistry();
    registry.add({ error: { name: 'ThrottlingException' }, count: 2, operation: 'Converse', model: 'amazon.nova-lite-v1:0' });
    expect(registry.take('ConverseStream', ['amazon.nova-lite-v1:0'])).toBeUndefined();
    expect(registry.take('Converse', ['other'])).toBeUndefined();
    expect(registry.take('Converse', ['x', 'amazon.nova-lite-v1:0'])?.error).toEqual({ name: 'ThrottlingException', status: 429 });
    expect(registry.take('Converse', ['amazon.nova-lite-v1:0'])?.error?.status).toBe(429);
    expect(registry.take('Converse', ['amazon.nova-lite-v1:0'])).toBeUndefined();
  });

  it('skips stream-only faults for non-streaming operations', () => {
    const registry = new FaultRegistry();
    registry.add({ breakAfterFrames: 1 });
    expect(registry.take('Converse', [])).toBeUndefined();
    expect(registry.take('ConverseStream', [])?.breakAfterFrames).toBe(1);
  });

  it('picks random delays inside the range', () => {
    expect(pickDelay({ min: 10, max: 20 }, () => 0)).toBe(10);
    expect(pickDelay({ min: 10, max: 20 }, () => 0.9999)).toBe(20);
    expect(pickDelay(5)).toBe(5);
    expect(pickDelay(undefined)).toBe(0);
  });

  it('names the bad field of an invalid spec', () => {
    expect(() => validateFaultSpec({ count: 0, error: { name: 'X' } })).toThrow(/fault\.count/);
    expect(() => validateFaultSpec({ latencyMs: -1 })).toThrow(/fault\.latencyMs/);
    expect(() => validateFaultSpec({})).toThrow(/at least one of/);
  });
});

describe.each(TRANSPORTS)('injected errors over %s', (transport) => {
  it.each([
    ['ThrottlingException', 429, 'client'],
    ['ServiceUnavailableException', 503, 'server'],
    ['ModelNotReadyException', 429, 'client'],
    ['InternalServerException', 500, 'server'],
    ['ModelTimeoutException', 408, 'client'],
    ['ValidationException', 400, 'client'],
    ['ModelErrorException', 424, 'client'],
    ['AccessDeniedException', 403, 'client'],
    ['ServiceQuotaExceededException', 400, 'client'],
  ])('fails the next request with %s (%i)', async (name, status, fault) => {
    emulator.faults.failNext(1, name, { message: `injected ${name}` });
    const error = await captureError(clients.sigv4(transport).send(converse()));
    expect(error).toMatchObject({ name, message: `injected ${name}`, $fault: fault, $metadata: { httpStatusCode: status } });
    await expect(clients.sigv4(transport).send(converse())).resolves.toMatchObject({ stopReason: 'end_turn' });
  });

  it('lets the SDK retry retryable faults', async () => {
    emulator.faults.failNext(2, 'InternalServerException');
    const response = await clients.sigv4(transport, { maxAttempts: 3 }).send(converse());
    expect(response.$metadata.attempts).toBe(3);
  });

  it('applies only to the given operation and model', async () => {
    emulator.faults.failNext(1, 'ThrottlingException', { operation: 'InvokeModel', model: 'amazon.titan-embed-text-v2:0' });
    await expect(clients.sigv4(transport).send(converse())).resolves.toBeDefined();
    await expect(
      clients.sigv4(transport).send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v1', body: JSON.stringify({ inputText: 'x' }) })),
    ).resolves.toBeDefined();
    const error = await captureError(
      clients.sigv4(transport).send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: JSON.stringify({ inputText: 'x' }) })),
    );
    expect(error.name).toBe('ThrottlingException');
  });

  it('delays the headers of a request, so a later request finishes first', async () => {
    emulator.faults.add({ latencyMs: 300, model: 'amazon.nova-pro-v1:0' });
    const finished: string[] = [];
    const slow = clients.sigv4(transport).send(converse('slow', 'amazon.nova-pro-v1:0')).then(() => finished.push('slow'));
    const fast = clients.sigv4(transport).send(converse('fast')).then(() => finished.push('fast'));
    await Promise.all([slow, fast]);
    expect(finished).toEqual(['fast', 'slow']);
  });
});

async function drain(stream: AsyncIterable<ConverseStreamOutput> | undefined): Promise<{ events: ConverseStreamOutput[]; error?: unknown }> {
  const events: ConverseStreamOutput[] = [];
  try {
    for await (const event of stream ?? []) events.push(event);
  } catch (error) {
    return { events, error };
  }
  return { events };
}

describe.each(TRANSPORTS)('injected stream faults over %s', (transport) => {
  it('breaks a stream after K frames with a modelled exception frame', async () => {
    emulator.faults.add({ operation: 'ConverseStream', breakAfterFrames: 3, breakWith: { name: 'ThrottlingException', message: 'slow down' } });
    const response = await clients.sigv4(transport).send(converseStream());
    expect(response.$metadata.httpStatusCode).toBe(200);
    const { events, error } = await drain(response.stream);
    expect(events).toHaveLength(3);
    expect(error).toMatchObject({ name: 'ThrottlingException', message: 'slow down' });
  });

  it('breaks with modelStreamErrorException by default, carrying originalStatusCode', async () => {
    emulator.faults.add({ breakAfterFrames: 1 });
    const { events, error } = await drain((await clients.sigv4(transport).send(converseStream())).stream);
    expect(events).toEqual([{ messageStart: { role: 'assistant' } }]);
    expect(error).toMatchObject({ name: 'ModelStreamErrorException', originalStatusCode: 500 });
  });

  it('sends an unmodelled exception as an error frame (plain Error named by the code)', async () => {
    emulator.faults.add({ breakAfterFrames: 2, breakWith: { name: 'ServiceQuotaExceededException', message: 'quota' } });
    const { error } = await drain((await clients.sigv4(transport).send(converseStream())).stream);
    expect(error).toMatchObject({ name: 'ServiceQuotaExceededException', message: 'quota' });
  });

  it('resets the connection after K frames', async () => {
    emulator.faults.add({ breakAfterFrames: 2, breakWith: 'reset' });
    const outcome = await clients
      .sigv4(transport)
      .send(converseStream())
      .then((response) => drain(response.stream))
      .catch((error: unknown) => ({ events: [], error }));
    expect(outcome.error).toBeInstanceOf(Error);
    await expect(clients.sigv4(transport).send(converse())).resolves.toBeDefined();
  });

  it('delays frames and pauses before the first one without changing the content', async () => {
    emulator.faults.add({ frameDelayMs: { min: 1, max: 5 }, pauseBeforeFirstFrameMs: 20 });
    const { events, error } = await drain((await clients.sigv4(transport).send(converseStream('a b c'))).stream);
    expect(error).toBeUndefined();
    expect(events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('')).toBe('You said: a b c');
    expect(emulator.faults.list()).toEqual([]);
  });

  it('stops writing when the client goes away mid-stream', async () => {
    emulator.faults.add({ frameDelayMs: 50 });
    const controller = new AbortController();
    const response = await clients.sigv4(transport).send(converseStream(), { abortSignal: controller.signal });
    const iterator = response.stream?.[Symbol.asyncIterator]();
    await iterator?.next();
    controller.abort();
    await iterator?.return?.();
    await expect(clients.sigv4(transport).send(converse('still alive'))).resolves.toMatchObject({ output: { message: { content: [{ text: 'You said: still alive' }] } } });
  });
});
