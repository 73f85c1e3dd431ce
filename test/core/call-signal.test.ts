/**
 * The per-attempt abort signal with the SDK's middleware cache on (`src/core/call-signal.ts`): the pure parts, and
 * end to end, that concurrent calls sharing one cached handler each keep their own signal, reply and fate.
 */
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callSignalOf, CallSignalHandler, withCallSignal } from '../../src/core/call-signal.js';
import { APIConnectionTimeoutError, APIUserAbortError } from '../../src/core/errors.js';
import { LightAbortController } from '../../src/core/light-abort.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CHAT_MODEL, Clients, exposeGc, readStream, received, rejection, replyTo, settledHeapUsed } from '../resilience/helpers.js';

describe('withCallSignal', () => {
  it('returns a copy carrying the signal and leaves the input as it was', () => {
    const input = { modelId: 'm', messages: [{ role: 'user', content: [{ text: 'hi' }] }] };
    const { signal } = new LightAbortController();
    const signalled = withCallSignal(input, signal);
    expect(signalled).not.toBe(input);
    expect(callSignalOf(signalled)).toBe(signal);
    expect(callSignalOf(input)).toBeUndefined();
    expect(signalled.messages).toBe(input.messages);
    // The signal sits under a symbol: no string key, nothing in JSON (the SDK serializes modelled members only).
    expect(Object.keys(signalled)).toEqual(['modelId', 'messages']);
    expect(JSON.stringify(signalled)).toBe(JSON.stringify(input));
  });

  it('reads nothing from values that are not objects', () => {
    expect(callSignalOf(undefined)).toBeUndefined();
    expect(callSignalOf(null)).toBeUndefined();
    expect(callSignalOf('input')).toBeUndefined();
  });
});

describe('CallSignalHandler', () => {
  /** An HTTP handler that records what it was handed (the wrapper under test is ours; no SDK client is faked). */
  function recordingHandler() {
    const calls: Array<{ request: object; options: unknown }> = [];
    const updates: unknown[] = [];
    let destroyed = 0;
    return {
      calls,
      updates,
      get destroyed() {
        return destroyed;
      },
      metadata: { handlerProtocol: 'h2' },
      handle(request: object, options?: unknown) {
        calls.push({ request, options });
        return Promise.resolve({ response: { statusCode: 200, headers: {} } });
      },
      updateHttpClientConfig(key: never, value: never) {
        updates.push([key, value]);
      },
      httpHandlerConfigs() {
        return { requestTimeout: 5 };
      },
      destroy() {
        destroyed++;
      },
    };
  }

  it('passes the handler options through untouched for a request no middleware filed', async () => {
    const inner = recordingHandler();
    const handler = new CallSignalHandler(inner);
    const request = {};
    const options = { isEventStream: true } as unknown as { requestTimeout: number };
    await handler.handle(request, options);
    expect(inner.calls).toEqual([{ request, options }]);
    expect(inner.calls[0]?.options).toBe(options);
  });

  it('delegates metadata, configuration and destroy to the inner handler', () => {
    const inner = recordingHandler();
    const handler = new CallSignalHandler(inner);
    expect(handler.metadata).toEqual({ handlerProtocol: 'h2' });
    handler.updateHttpClientConfig('requestTimeout' as never, 9 as never);
    expect(inner.updates).toEqual([['requestTimeout', 9]]);
    expect(handler.httpHandlerConfigs()).toEqual({ requestTimeout: 5 });
    handler.destroy();
    expect(inner.destroyed).toBe(1);
    expect(new CallSignalHandler({ handle: inner.handle }).httpHandlerConfigs()).toEqual({});
  });
});

describe('one cached handler, many concurrent calls (end to end)', () => {
  let emulator: EmulatorHandle;
  const clients = new Clients();
  const SLOW = 'nova-lite';
  const SLOW_ID = 'amazon.nova-lite-v1:0';

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => {
    clients.closeAll();
    emulator.reset();
  });
  afterAll(async () => {
    await emulator.close();
  });

  const ask = (text: string, model = CHAT_MODEL) => ({ model, messages: [{ role: 'user' as const, content: text }], max_tokens: 64 });

  it('aborting one call cancels that one only; every other call gets its own reply', async () => {
    const client = clients.for(emulator, { maxRetries: 0 });
    // Warm: the SDK has resolved and cached the Converse handler before the concurrent calls share it.
    await client.chat.completions.create(ask('warm'));
    emulator.faults.add({ operation: 'Converse', model: SLOW_ID, latencyMs: 20_000 });
    const controller = new AbortController();
    const slow = client.chat.completions.create(ask('slow', SLOW), { signal: controller.signal });
    const others = Array.from({ length: 24 }, (_, index) => client.chat.completions.create(ask(`call ${index}`)));
    await received(emulator, 'Converse', 2);
    controller.abort();
    expect(await rejection(slow)).toBeInstanceOf(APIUserAbortError);
    const replies = await Promise.all(others);
    expect(replies.map((reply) => reply.choices[0]?.message.content)).toEqual(others.map((_, index) => replyTo(`call ${index}`)));
  });

  it('a timed-out call fails alone while concurrent calls and streams finish', async () => {
    const client = clients.for(emulator, { maxRetries: 0 });
    await client.chat.completions.create(ask('warm'));
    emulator.faults.add({ operation: 'Converse', model: SLOW_ID, latencyMs: 20_000 });
    const slow = client.chat.completions.create(ask('slow', SLOW), { timeout: 300 });
    const calls = Array.from({ length: 8 }, (_, index) => client.chat.completions.create(ask(`call ${index}`)));
    const streams = Array.from({ length: 8 }, (_, index) =>
      client.chat.completions.create({ ...ask(`stream ${index}`), stream: true }).then((stream) => readStream(stream)),
    );
    expect(await rejection(slow)).toBeInstanceOf(APIConnectionTimeoutError);
    expect((await Promise.all(calls)).map((reply) => reply.choices[0]?.message.content)).toEqual(calls.map((_, index) => replyTo(`call ${index}`)));
    expect((await Promise.all(streams)).map((read) => read.text)).toEqual(streams.map((_, index) => replyTo(`stream ${index}`)));
  });

  it('cancels through a caller-supplied HTTP/2 handler as well', async () => {
    const client = clients.for(emulator, { maxRetries: 0, requestHandler: new NodeHttp2Handler() });
    await client.chat.completions.create(ask('warm'));
    emulator.faults.add({ operation: 'Converse', latencyMs: 20_000 });
    const controller = new AbortController();
    const pending = client.chat.completions.create(ask('slow'), { signal: controller.signal });
    await received(emulator, 'Converse', 2);
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect(emulator.counts.Converse).toBe(2);
  });

  // The SDK's handler cache keeps the first command of each operation in the cached handler's context for as long
  // as the SDK client lives; the client empties that command's input once its attempt is over.
  it('keeps no reference to the first request of an operation after it is over', async () => {
    const gc = exposeGc();
    const client = clients.for(emulator, { maxRetries: 0 });
    await client.models.list();
    const before = await settledHeapUsed(gc);
    await (async () => {
      // 16 MB of text in an earlier turn (one "token" for the emulator); the reply echoes the short last turn.
      const big = 'x'.repeat(16 * 1024 * 1024);
      const messages = [
        { role: 'user' as const, content: big },
        { role: 'assistant' as const, content: 'ok' },
        { role: 'user' as const, content: 'short' },
      ];
      const reply = await client.chat.completions.create({ model: CHAT_MODEL, messages, max_tokens: 16 });
      expect(reply.choices[0]?.message.content).toBe(replyTo('short'));
    })();
    emulator.reset();
    const after = await settledHeapUsed(gc);
    expect(after - before).toBeLessThan(8 * 1024 * 1024);
    // The client still works, with its cached handler.
    expect((await client.chat.completions.create(ask('again'))).choices[0]?.message.content).toBe(replyTo('again'));
  });
});
