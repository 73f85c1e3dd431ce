/**
 * Timeouts and cancellation end to end. Slowness comes from the emulator's fault injection (`latencyMs` before the
 * headers, `pauseBeforeFirstFrameMs`, `frameDelayMs` between stream frames); the client's limits are set far below
 * it, so no assertion depends on how fast the machine is. Where a test must show that the HTTP request itself was
 * cancelled, the client talks through a TCP proxy: a finished request leaves its keep-alive socket open, a
 * cancelled one destroys it, so "every connection closed" is the proof.
 */
import { getEventListeners } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, APIUserAbortError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import {
  CHAT_MODEL,
  Clients,
  EMBEDDING_MODEL,
  readStream,
  received,
  rejection,
  replyTo,
  RetryRecorder,
  startTcpProxy,
  TEN_WORDS,
  type TcpProxy,
  totalRequests,
} from './helpers.js';

let emulator: EmulatorHandle;
let proxy: TcpProxy;
const clients = new Clients();

beforeAll(async () => {
  emulator = await startEmulator();
  proxy = await startTcpProxy(emulator.port);
  // The first call of a process loads the AWS SDK inside the first attempt's timer: do it before the short-timeout tests.
  await clients.for(emulator).chat.completions.create(params);
  clients.closeAll();
  emulator.reset();
});
afterEach(() => {
  clients.closeAll();
  emulator.reset();
});
afterAll(async () => {
  await proxy.close();
  await emulator.close();
});

/** A per-attempt limit, and an injected delay far beyond it (the gap keeps the tests right on a loaded machine). */
const SHORT_TIMEOUT = 250;
const LONG_DELAY = 3_000;

const params = { model: CHAT_MODEL, messages: [{ role: 'user' as const, content: TEN_WORDS }] };
const streamParams = { ...params, stream: true as const };

/** Whether `promise` settles within `ms` (a bound on a liveness check, not a speed assertion). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether every connection to the proxy has closed (the client cancelled its request, not pooled the socket). */
function connectionsClosed(): Promise<boolean> {
  return settlesWithin(proxy.drained(), 5_000);
}

describe('timeout', () => {
  it('fails an attempt that runs past the per-request timeout with APIConnectionTimeoutError', async () => {
    const client = clients.for(emulator, { maxRetries: 0, endpoint: proxy.url });
    emulator.faults.add({ operation: 'Converse', latencyMs: LONG_DELAY });
    const error = await rejection(client.chat.completions.create(params, { timeout: SHORT_TIMEOUT }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe(`Request timed out after ${SHORT_TIMEOUT} ms (Converse).`);
    expect(emulator.counts.Converse).toBe(1);
    expect(await connectionsClosed()).toBe(true);
  });

  it('takes the timeout from the client options too', async () => {
    const client = clients.for(emulator, { maxRetries: 0, timeout: SHORT_TIMEOUT });
    emulator.faults.add({ operation: 'Converse', latencyMs: LONG_DELAY });
    await expect(client.chat.completions.create(params)).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('bounds each attempt, not the call: a timed-out attempt is retried', async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 1, timeout: SHORT_TIMEOUT, onRetry: recorder.onRetry });
    emulator.faults.add({ operation: 'Converse', latencyMs: LONG_DELAY });
    const completion = await client.chat.completions.create(params);
    expect(completion.choices[0]?.message.content).toBe(replyTo(TEN_WORDS));
    expect(emulator.counts.Converse).toBe(2);
    expect(recorder.infos.map((info) => info.errorName)).toEqual(['APIConnectionTimeoutError']);
  });

  it('bounds the wait for the first event of a stream', async () => {
    const client = clients.for(emulator, { maxRetries: 0 });
    emulator.faults.add({ operation: 'ConverseStream', pauseBeforeFirstFrameMs: LONG_DELAY });
    const error = await rejection(client.chat.completions.create(streamParams, { timeout: SHORT_TIMEOUT }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe(`Request timed out after ${SHORT_TIMEOUT} ms (ConverseStream).`);
  });

  it('bounds each embeddings request', async () => {
    const client = clients.for(emulator, { maxRetries: 0 });
    emulator.faults.add({ operation: 'InvokeModel', latencyMs: LONG_DELAY });
    const error = await rejection(client.embeddings.create({ model: EMBEDDING_MODEL, input: 'slow' }, { timeout: SHORT_TIMEOUT }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain(`Request timed out after ${SHORT_TIMEOUT} ms (InvokeModel)`);
  });
});

describe('stream idle timeout', () => {
  it('fails a started stream that goes quiet, after the chunks already delivered, and cancels the request', async () => {
    const client = clients.for(emulator, { maxRetries: 2, streamIdleTimeout: 100, endpoint: proxy.url });
    // Each frame waits 300 ms: the first arrives within `timeout`, the second is too late for the idle watchdog.
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 300 });

    const read = await readStream(await client.chat.completions.create(streamParams));

    expect(read.error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((read.error as Error).message).toBe('The ConverseStream stream sent no event for 100 ms (streamIdleTimeout).');
    expect(read.chunks.map((chunk) => chunk.choices[0]?.delta.role)).toEqual(['assistant']);
    expect(emulator.counts.ConverseStream).toBe(1);
    expect(await connectionsClosed()).toBe(true);
  });

  // `Completions.#create` (src/chat/completions.ts) builds the options for `_sendStream` without
  // `streamIdleTimeout`, so the per-request value is dropped. See the report.
  it('takes streamIdleTimeout per request', async () => {
    const client = clients.for(emulator, { maxRetries: 0 });
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 300 });
    const stream = await client.chat.completions.create(streamParams, { streamIdleTimeout: 100 });
    const error = await rejection(
      (async () => {
        let chunks = 0;
        for await (const _chunk of stream) if (++chunks === 2) break;
      })(),
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('is off with 0: a slow stream completes', async () => {
    const client = clients.for(emulator, { streamIdleTimeout: 0 });
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 20 });
    const read = await readStream(await client.chat.completions.create(streamParams));
    expect(read.error).toBeUndefined();
    expect(read.text).toBe(replyTo(TEN_WORDS));
  });
});

describe('signal → APIUserAbortError', () => {
  it('chat: aborting during the request cancels it, and nothing is retried', async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 2, onRetry: recorder.onRetry, endpoint: proxy.url });
    emulator.faults.add({ operation: 'Converse', latencyMs: LONG_DELAY });
    const controller = new AbortController();
    const pending = client.chat.completions.create(params, { signal: controller.signal });
    await received(emulator, 'Converse');
    controller.abort();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(emulator.counts.Converse).toBe(1);
    expect(recorder.infos).toEqual([]);
    expect(await connectionsClosed()).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  // p-retry (src/core/retry.ts passes it `signal`) calls `signal.throwIfAborted()` before the first attempt, which
  // throws the signal's reason — a DOMException — past our error mapping. See the report.
  it('chat: an already aborted signal rejects with APIUserAbortError and sends nothing', async () => {
    const client = clients.for(emulator);
    const error = await rejection(client.chat.completions.create(params, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(totalRequests(emulator)).toBe(0);
  });

  it('stream: an already aborted signal rejects with APIUserAbortError and sends nothing', async () => {
    const client = clients.for(emulator);
    const error = await rejection(client.chat.completions.create(streamParams, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(totalRequests(emulator)).toBe(0);
  });

  it('chat: aborting during the backoff stops the retries', async () => {
    const controller = new AbortController();
    const recorder = new RetryRecorder({ then: () => controller.abort() });
    const client = clients.for(emulator, { maxRetries: 3, onRetry: recorder.onRetry });
    emulator.faults.failNext(3, 'ThrottlingException', { operation: 'Converse' });
    const error = await rejection(client.chat.completions.create(params, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(emulator.counts.Converse).toBe(1);
    expect(recorder.infos).toHaveLength(1);
  });

  it('stream: aborting before the first event rejects create()', async () => {
    const client = clients.for(emulator, { endpoint: proxy.url });
    emulator.faults.add({ operation: 'ConverseStream', pauseBeforeFirstFrameMs: LONG_DELAY });
    const controller = new AbortController();
    const pending = client.chat.completions.create(streamParams, { signal: controller.signal });
    await received(emulator, 'ConverseStream');
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect(emulator.counts.ConverseStream).toBe(1);
    expect(await connectionsClosed()).toBe(true);
  });

  it('stream: aborting mid-stream ends the iterator with APIUserAbortError and cancels the request', async () => {
    const client = clients.for(emulator, { endpoint: proxy.url });
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 30 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(streamParams, { signal: controller.signal });
    const received: string[] = [];
    let error: unknown;
    try {
      for await (const chunk of stream) {
        received.push(chunk.choices[0]?.delta.content ?? '');
        if (received.length === 2) controller.abort();
      }
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(received).toHaveLength(2);
    expect(stream.controller.signal.aborted).toBe(true);
    expect(await connectionsClosed()).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('stream: breaking out of for await cancels the request', async () => {
    const client = clients.for(emulator, { endpoint: proxy.url });
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 30 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(streamParams, { signal: controller.signal });
    for await (const chunk of stream) {
      expect(chunk.choices[0]?.delta.role).toBe('assistant');
      break;
    }
    expect(stream.controller.signal.aborted).toBe(true);
    expect(await connectionsClosed()).toBe(true);
    // The caller's signal is no longer listened to once the stream is over.
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('stream: stream.controller.abort() ends the iterator with APIUserAbortError', async () => {
    const client = clients.for(emulator);
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 30 });
    const stream = await client.chat.completions.create(streamParams);
    let count = 0;
    const error = await rejection(
      (async () => {
        for await (const _chunk of stream) {
          count += 1;
          stream.controller.abort();
        }
      })(),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(count).toBe(1);
  });

  it('embeddings: aborting during the request rejects with APIUserAbortError', async () => {
    const client = clients.for(emulator, { endpoint: proxy.url });
    emulator.faults.add({ operation: 'InvokeModel', latencyMs: LONG_DELAY, count: Infinity });
    const controller = new AbortController();
    const pending = client.embeddings.create({ model: EMBEDDING_MODEL, input: ['a', 'b', 'c'] }, { signal: controller.signal });
    await received(emulator, 'InvokeModel');
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect(await connectionsClosed()).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('embeddings: an already aborted signal rejects with APIUserAbortError and sends nothing', async () => {
    const client = clients.for(emulator);
    const error = await rejection(client.embeddings.create({ model: EMBEDDING_MODEL, input: 'x' }, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(totalRequests(emulator)).toBe(0);
  });

  // `client.models.list()` and `retrieve(name)` take no request options at all (src/models/models.ts), so a
  // caller's signal is ignored. They do no I/O, but the issue asks for `signal` on every call. See the report.
  it('models: list and retrieve honour an aborted signal', async () => {
    const client = clients.for(emulator);
    const models = client.models as unknown as {
      list(options: { signal: AbortSignal }): Promise<unknown>;
      retrieve(name: string, options: { signal: AbortSignal }): Promise<unknown>;
    };
    expect(await rejection(models.list({ signal: AbortSignal.abort() }))).toBeInstanceOf(APIUserAbortError);
    expect(await rejection(models.retrieve(CHAT_MODEL, { signal: AbortSignal.abort() }))).toBeInstanceOf(APIUserAbortError);
  });
});
