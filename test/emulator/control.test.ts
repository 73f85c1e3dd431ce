import { ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '../../src/emulator/control.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { captureError, ClientFactory } from './helpers.js';

const SESSION_PAIR = { accessKeyId: 'ASIAEMULATOREXAMPLE03', secretAccessKey: 'sessionSecretEXAMPLEnotARealSecret000001', sessionToken: 'session-token-SECRET-EXAMPLE' };

let emulator: EmulatorHandle;
const clients = new ClientFactory(() => emulator);

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [SESSION_PAIR] });
});
beforeEach(() => emulator.reset());
afterAll(async () => {
  clients.destroyAll();
  await emulator.close();
});

const control = (path: string, init: RequestInit = {}) => fetch(`${emulator.url}/__emulator/${path}`, init);

describe('request log', () => {
  it('records method, path, operation, model, auth scheme, region and parsed body', async () => {
    await clients.sigv4('h2c', { region: 'us-west-2' }).send(
      new ConverseCommand({ modelId: 'us.amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'logged' }] }], inferenceConfig: { maxTokens: 5 } }),
    );
    await clients.bearer('http1').send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: JSON.stringify({ inputText: 'vector' }) }));
    expect(emulator.requests).toHaveLength(2);
    expect(emulator.requests[0]).toMatchObject({
      method: 'POST',
      path: '/model/us.amazon.nova-lite-v1%3A0/converse',
      httpVersion: '2.0',
      operation: 'Converse',
      modelId: 'us.amazon.nova-lite-v1:0',
      resolvedModelId: 'amazon.nova-lite-v1:0',
      authScheme: 'sigv4',
      region: 'us-west-2',
      body: { messages: [{ role: 'user', content: [{ text: 'logged' }] }], inferenceConfig: { maxTokens: 5 } },
      status: 200,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(emulator.requests[1]).toMatchObject({ operation: 'InvokeModel', authScheme: 'bearer', region: 'us-east-1', httpVersion: '1.1', body: { inputText: 'vector' } });
    expect(emulator.counts).toMatchObject({ Converse: 1, InvokeModel: 1, ConverseStream: 0 });
  });

  it('never records secrets: no Authorization header, signature, secret key, session token or API key', async () => {
    await clients.sigv4('h2c').send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'x' }] }] }));
    await captureError(clients.bearer('h2c', 'bedrock-api-key-d3Jvbmc=').send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'x' }] }] })));
    const serialized = JSON.stringify(emulator.requests) + JSON.stringify(await (await control('requests')).json());
    for (const secret of [SESSION_PAIR.secretAccessKey, SESSION_PAIR.sessionToken, emulator.apiKey, 'Signature=', 'AWS4-HMAC-SHA256', 'authorization']) {
      expect(serialized).not.toContain(secret);
    }
    expect(emulator.requests.map((request) => [request.authScheme, request.status])).toEqual([
      ['sigv4', 200],
      ['bearer', 403],
    ]);
  });

  it('clears the log and the counts', async () => {
    await clients.sigv4('h2c').send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'x' }] }] }));
    emulator.clearRequests();
    expect(emulator.requests).toEqual([]);
    expect(emulator.counts.Converse).toBe(0);
  });
});

describe('control endpoint', () => {
  it('adds a fault over HTTP that the next SDK call hits', async () => {
    const created = await control('faults', { method: 'POST', body: JSON.stringify({ error: { name: 'ThrottlingException' }, operation: 'Converse', count: 1 }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(((await (await control('faults')).json()) as { faults: Array<{ id: string }> }).faults.map((fault) => fault.id)).toEqual([id]);
    const error = await captureError(
      clients.sigv4('http1').send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'x' }] }] })),
    );
    expect(error.name).toBe('ThrottlingException');
    expect(emulator.faults.list()).toEqual([]);
  });

  it('supports "always" faults, removal by id, the request list and reset', async () => {
    const { id } = (await (await control('faults', { method: 'POST', body: JSON.stringify({ latencyMs: 1, count: 'always' }) })).json()) as { id: string };
    await clients.sigv4('h2c').send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'x' }] }] }));
    await clients.sigv4('h2c').send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'y' }] }] }));
    expect(emulator.faults.list()).toHaveLength(1);
    expect((await control(`faults/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect(emulator.faults.list()).toEqual([]);
    const listed = (await (await control('requests')).json()) as { requests: unknown[]; counts: { Converse: number }; total: number };
    expect(listed.counts.Converse).toBe(2);
    expect(listed.requests).toHaveLength(2);
    expect((await control('reset', { method: 'POST' })).status).toBe(200);
    expect(emulator.requests).toEqual([]);
  });

  it('rejects a bad fault spec with a 400 naming the field', async () => {
    const response = await control('faults', { method: 'POST', body: JSON.stringify({ latencyMs: 'soon' }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/fault\.latencyMs/);
  });

  it('accepts only loopback clients', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });
});
