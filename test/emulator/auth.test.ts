import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { captureError, ClientFactory, TRANSPORTS } from './helpers.js';

const SESSION_PAIR = { accessKeyId: 'ASIAEMULATOREXAMPLE02', secretAccessKey: 'sessionSecretEXAMPLEnotARealSecret000000', sessionToken: 'session-token-EXAMPLE' };

let emulator: EmulatorHandle;
let skewed: EmulatorHandle;
const clients = new ClientFactory(() => emulator);
const skewedClients = new ClientFactory(() => skewed);

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [{ accessKeyId: 'AKIAEMULATOREXAMPLE01', secretAccessKey: 'emulatorSecretKeyEXAMPLEnotARealSecret00' }, SESSION_PAIR], region: 'eu-west-1' });
  // Its clock runs 10 minutes ahead, so every signature looks expired to it.
  skewed = await startEmulator({ now: () => Date.now() + 10 * 60 * 1000 });
});
afterAll(async () => {
  clients.destroyAll();
  skewedClients.destroyAll();
  await Promise.all([emulator.close(), skewed.close()]);
});

const hello = (modelId = 'amazon.nova-lite-v1:0') => new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'hello' }] }] });

describe.each(TRANSPORTS)('authentication over %s', (transport) => {
  it('accepts a key pair with its session token', async () => {
    const response = await clients.sigv4(transport, { credentials: SESSION_PAIR, region: 'us-east-1' }).send(hello());
    expect(response.output?.message?.content).toEqual([{ text: 'You said: hello' }]);
  });

  it('rejects a session-token pair without (or with a wrong) token: UnrecognizedClientException', async () => {
    for (const credentials of [
      { accessKeyId: SESSION_PAIR.accessKeyId, secretAccessKey: SESSION_PAIR.secretAccessKey },
      { ...SESSION_PAIR, sessionToken: 'another-token' },
    ]) {
      const error = await captureError(clients.sigv4(transport, { credentials, region: 'us-east-1' }).send(hello()));
      expect(error).toMatchObject({ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.', $metadata: { httpStatusCode: 403 } });
    }
  });

  it('rejects an expired signature with InvalidSignatureException', async () => {
    const error = await captureError(skewedClients.sigv4(transport, { region: 'us-east-1' }).send(hello()));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it('rejects a malformed bearer key with the pre-defined-prefix message', async () => {
    const error = await captureError(clients.bearer(transport, 'sk-not-a-bedrock-key').send(hello()));
    expect(error).toMatchObject({ name: 'AccessDeniedException', message: 'Invalid API Key format: Must start with pre-defined prefix', $metadata: { httpStatusCode: 403 } });
  });

  it('serves SigV4 requests in the credential scope region, bearer requests in the emulator region', async () => {
    // us. profiles serve us-east-1 (SigV4 scope) but not eu-west-1 (the emulator's bearer region).
    const profile = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
    await expect(clients.sigv4(transport, { region: 'us-east-1' }).send(hello(profile))).resolves.toBeDefined();
    const error = await captureError(clients.bearer(transport).send(hello(profile)));
    expect(error).toMatchObject({ name: 'ValidationException', message: 'The provided model identifier is invalid.' });
    await expect(clients.bearer(transport).send(hello('eu.anthropic.claude-haiku-4-5-20251001-v1:0'))).resolves.toBeDefined();
  });
});

describe('raw HTTP error shapes', () => {
  it('answers a request without Authorization with MissingAuthenticationTokenException', async () => {
    const response = await fetch(`${emulator.url}/model/amazon.nova-lite-v1%3A0/converse`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('answers an unknown bearer key with AccessDeniedException and a {"Message"} body', async () => {
    const response = await fetch(`${emulator.url}/model/amazon.nova-lite-v1%3A0/converse`, {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'Bearer bedrock-api-key-bm9wZQ==', 'content-type': 'application/json' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^AccessDeniedException:/);
    expect(await response.json()).toEqual({ Message: 'Authentication failed: Please make sure your API Key is valid.' });
  });

  it('sends Bedrock ValidationException headers for model errors', async () => {
    const response = await fetch(`${emulator.url}/model/gpt-4o/converse`, {
      method: 'POST',
      body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'x' }] }] }),
      headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(await response.json()).toEqual({ message: 'The provided model identifier is invalid.' });
  });
});
