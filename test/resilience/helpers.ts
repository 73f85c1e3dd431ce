/**
 * Shared helpers for the resilience suites: clients wired to the emulator, stream readers, a backoff skipper that
 * keeps end-to-end retry tests from sleeping real seconds, and a TCP proxy that can reset or count connections.
 */
import net from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Client as ClientType, ClientOptions } from '../../src/client.js';
import { Client } from '../../src/client.js';
import type { RetryInfo } from '../../src/core/retry.js';
import type { Stream } from '../../src/core/streaming.js';
import type { ChatCompletionChunk } from '../../src/chat/types.js';
import type { EmulatorHandle } from '../../src/emulator/index.js';

/** Claude 3 Haiku is served on demand by its base ID in us-east-1: no profile, no warning. */
export const CHAT_MODEL = 'claude-3-haiku';
export const CHAT_MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
export const EMBEDDING_MODEL = 'titan-embed-text-v2';

/** Ten words: the emulator streams its reply (`You said: …`) in deltas of three words. */
export const TEN_WORDS = 'one two three four five six seven eight nine ten';

/** The emulator's reply to a last user message (`src/emulator/converse.ts`). */
export function replyTo(userText: string): string {
  return `You said: ${userText}`;
}

/** The text the emulator's first `deltas` text deltas carry: three words each, whitespace kept. */
export function firstDeltas(text: string, deltas: number): string {
  const words = text.match(/\s*\S+/g) ?? [];
  return words.slice(0, deltas * 3).join('');
}

/** Tracks clients so a suite can close them (and their pooled sockets) in `afterAll`. */
export class Clients {
  readonly #clients: ClientType[] = [];

  /** A client for `emulator` (SigV4 with its key pair, no bedrock.json, an empty environment) plus `options`. */
  for(emulator: EmulatorHandle, options: ClientOptions = {}): ClientType {
    const client = new Client({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
      configFile: false,
      env: {},
      onWarning: () => undefined,
      ...options,
    });
    this.#clients.push(client);
    return client;
  }

  /** Tracks a client made elsewhere. */
  track(client: ClientType): ClientType {
    this.#clients.push(client);
    return client;
  }

  closeAll(): void {
    for (const client of this.#clients.splice(0)) client.close();
  }
}

/** Awaits `promise`, expects it to reject, and returns the error. */
export async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Runs `action`, expects it to throw synchronously, and returns the error. */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** What reading a chat stream to its end gave: the chunks, the concatenated text, and the error it ended with. */
export interface ReadStream {
  chunks: ChatCompletionChunk[];
  text: string;
  finishReason: string | null;
  error: unknown;
}

/** Reads a chat stream to its end (or its error), concatenating `delta.content`. */
export async function readStream(stream: Stream<ChatCompletionChunk>): Promise<ReadStream> {
  const chunks: ChatCompletionChunk[] = [];
  let text = '';
  let finishReason: string | null = null;
  let error: unknown;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      for (const choice of chunk.choices) {
        if (typeof choice.delta.content === 'string') text += choice.delta.content;
        if (choice.finish_reason !== null) finishReason = choice.finish_reason;
      }
    }
  } catch (caught) {
    error = caught;
  }
  return { chunks, text, finishReason, error };
}

/**
 * Records retries and lets the backoff after each one pass at once, so end-to-end retry tests never sleep real
 * seconds. The client calls `onRetry` and then, synchronously, starts its backoff timer (`sleep(delayMs)` in
 * `src/core/retry.ts`); the next `setTimeout` with exactly `delayMs` is therefore run with a 0 ms delay instead.
 * Only for tests that make one request at a time. `skipped` counts the backoffs skipped, so a test can tell the
 * trick worked (if the client ever stops starting its timer right after `onRetry`, the test just sleeps for real).
 *
 * A proper seam would be better: see the report (a `sleep` test hook on the client, as `Embeddings` has).
 */
export class RetryRecorder {
  readonly infos: RetryInfo[] = [];
  skipped = 0;
  readonly #skip: boolean;
  /** Called after recording, e.g. to move clocks in the signing test. */
  readonly #then: ((info: RetryInfo) => void) | undefined;

  constructor(options: { skipBackoff?: boolean; then?: (info: RetryInfo) => void } = {}) {
    this.#skip = options.skipBackoff ?? true;
    this.#then = options.then;
  }

  readonly onRetry = (info: RetryInfo): void => {
    this.infos.push(info);
    this.#then?.(info);
    if (this.#skip) this.#skipNextSleep(info.delayMs);
  };

  #skipNextSleep(delayMs: number): void {
    const original = globalThis.setTimeout;
    const restore = (): void => {
      if (globalThis.setTimeout === patched) globalThis.setTimeout = original;
    };
    const patched = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      if (ms === delayMs) {
        restore();
        this.skipped += 1;
        return original(handler, 0, ...args);
      }
      return original(handler, ms, ...args);
    }) as unknown as typeof setTimeout;
    globalThis.setTimeout = patched;
    // The backoff timer starts in the same synchronous run as `onRetry`; never leave the patch in place longer.
    queueMicrotask(restore);
  }
}

/** A TCP proxy on 127.0.0.1 in front of the emulator: counts connections and can reset the next ones. */
export interface TcpProxy {
  url: string;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections open right now (client side). */
  readonly open: number;
  /** Resets (TCP RST) the next `count` connections as soon as they are accepted. */
  resetNext(count: number): void;
  /** Resolves when no client connection is open. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let resets = 0;
  let waiters: Array<() => void> = [];
  const settle = (): void => {
    if (sockets.size > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  const server = net.createServer((client) => {
    accepted += 1;
    client.on('error', () => undefined);
    if (resets > 0) {
      resets -= 1;
      client.resetAndDestroy();
      return;
    }
    sockets.add(client);
    const upstream = net.connect(targetPort, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
      settle();
    });
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    get accepted() {
      return accepted;
    },
    get open() {
      return sockets.size;
    },
    resetNext(count) {
      resets += count;
    },
    drained() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port nothing listens on (bound, then released), for connection-refused tests. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The total of an emulator's per-operation request counts. */
export function totalRequests(emulator: EmulatorHandle): number {
  return Object.values(emulator.counts).reduce((sum, count) => sum + count, 0);
}

/** Resolves once the emulator has received `count` requests for `operation` (polled; bounded by the test timeout). */
export async function received(emulator: EmulatorHandle, operation: keyof EmulatorHandle['counts'], count = 1): Promise<void> {
  while (emulator.counts[operation] < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** V8's `gc()`, made available without restarting the process with `--expose-gc`. */
export function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** `heapUsed` after four rounds of forced garbage collection, each followed by a turn of the event loop. */
export async function settledHeapUsed(gc: () => void): Promise<number> {
  for (let round = 0; round < 4; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}
