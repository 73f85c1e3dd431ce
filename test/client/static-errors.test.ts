/**
 * `Client.APIError`, `Client.RateLimitError`, …: the statics are the very classes the package exports, and the
 * errors a call throws are instances of them (openai-node's examples catch `OpenAI.APIUserAbortError` and the like).
 */
import { describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import * as Package from '../../src/index.js';
import { Client } from '../../src/client.js';

/** The statics of `openai`'s `OpenAI` class that are error classes (read at run time, so new ones are caught). */
const openAIErrorStatics = Object.keys(OpenAI).filter((key) => {
  const value = (OpenAI as unknown as Record<string, unknown>)[key];
  return typeof value === 'function' && value.prototype instanceof Error;
});

describe('static error classes', () => {
  it('finds openai\'s error statics (guard)', () => {
    expect(openAIErrorStatics).toEqual(expect.arrayContaining(['APIError', 'APIUserAbortError', 'RateLimitError', 'InvalidWebhookSignatureError']));
  });

  it.each(openAIErrorStatics)('Client.%s is our exported class of that name', (name) => {
    const ours = (Client as unknown as Record<string, unknown>)[name];
    expect(ours).toBeTypeOf('function');
    expect(ours).toBe((Package as Record<string, unknown>)[name]);
    expect(ours).not.toBe((OpenAI as unknown as Record<string, unknown>)[name]);
  });

  it('an error thrown by a call is an instance of the statics', async () => {
    const client = new Client({ configFile: false, env: {}, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, endpoint: 'http://127.0.0.1:9' });
    const error = await client.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'Hi' }], seed: 1 }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Client.BadRequestError);
    expect(error).toBeInstanceOf(Client.APIError);
    expect(error).toBeInstanceOf(Client.OpenAIError);
    const aborted = await client.chat.completions
      .create({ model: 'nova-lite', messages: [{ role: 'user', content: 'Hi' }] }, { signal: AbortSignal.abort(), maxRetries: 0 })
      .then(() => undefined, (caught: unknown) => caught);
    expect(aborted).toBeInstanceOf(Client.APIUserAbortError);
  });
});
