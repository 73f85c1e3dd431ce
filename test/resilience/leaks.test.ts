/**
 * 1,000 aborted streams leak nothing: no sockets (client or emulator side, both live in this process), no timers
 * (per-attempt timeouts, idle watchdogs), no listeners on the caller's AbortSignal. Streams are cancelled four
 * ways — `break` after the first chunk, the caller's signal after the first chunk, the caller's signal before the
 * first event, `stream.controller.abort()` — 50 at a time. Half of them share one never-aborted signal, so a
 * listener left behind by any of them would show up on it.
 */
import { getEventListeners, setMaxListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIUserAbortError } from '../../src/core/errors.js';
import type { Client } from '../../src/client.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CHAT_MODEL, Clients } from './helpers.js';

const STREAMS = 1_000;
const AT_ONCE = 50;
/** Requests to this model pause before their first frame, so they can be aborted before it. */
const PAUSED_MODEL = 'amazon.nova-lite-v1:0';

let emulator: EmulatorHandle;
const clients = new Clients();

beforeAll(async () => {
  emulator = await startEmulator({ maxLoggedRequests: 0 });
});
afterAll(async () => {
  clients.closeAll();
  await emulator.close();
});

/** Active handles of this process by type (`TCPSocketWrap`, `Timeout`, …). */
function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Polls until `check` holds or `ms` pass (sockets close a few event-loop turns after an abort). */
async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

type Outcome = 'broke' | 'aborted' | 'aborted-before-first-event' | 'controller-aborted' | 'unexpected';

async function abortedStream(client: Client, index: number, shared: AbortSignal): Promise<Outcome> {
  const messages = [{ role: 'user' as const, content: `stream ${index} one two three four five six seven eight nine` }];
  switch (index % 4) {
    case 0: {
      const stream = await client.chat.completions.create({ model: CHAT_MODEL, messages, stream: true }, { signal: shared });
      for await (const _chunk of stream) break;
      return stream.controller.signal.aborted ? 'broke' : 'unexpected';
    }
    case 1: {
      const controller = new AbortController();
      const stream = await client.chat.completions.create({ model: CHAT_MODEL, messages, stream: true }, { signal: controller.signal });
      try {
        for await (const _chunk of stream) controller.abort();
      } catch (error) {
        if (error instanceof APIUserAbortError && getEventListeners(controller.signal, 'abort').length === 0) return 'aborted';
      }
      return 'unexpected';
    }
    case 2: {
      const controller = new AbortController();
      const pending = client.chat.completions.create({ model: PAUSED_MODEL, messages, stream: true }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      try {
        await pending;
      } catch (error) {
        if (error instanceof APIUserAbortError) return 'aborted-before-first-event';
      }
      return 'unexpected';
    }
    default: {
      const stream = await client.chat.completions.create({ model: CHAT_MODEL, messages, stream: true }, { signal: shared });
      try {
        for await (const _chunk of stream) stream.controller.abort();
      } catch (error) {
        if (error instanceof APIUserAbortError) return 'controller-aborted';
      }
      return 'unexpected';
    }
  }
}

describe('1,000 aborted streams', () => {
  it('leave no sockets, timers or signal listeners behind', async () => {
    const client = clients.for(emulator);
    emulator.faults.add({ operation: 'ConverseStream', model: PAUSED_MODEL, pauseBeforeFirstFrameMs: 2_000, count: Infinity });
    const shared = new AbortController().signal;
    // Up to 50 streams listen at once; keep Node's "possible leak" warning for real leaks.
    setMaxListeners(AT_ONCE * 2, shared);

    // Warm up (loads the SDK, opens pooled connections), then take the baseline.
    for (let index = 0; index < 8; index++) await abortedStream(client, index, shared);
    await eventually(() => (activeResources()['TCPSocketWrap'] ?? 0) <= 2, 2_000);
    const baseline = activeResources();

    const outcomes: Record<Outcome, number> = { broke: 0, aborted: 0, 'aborted-before-first-event': 0, 'controller-aborted': 0, unexpected: 0 };
    for (let start = 0; start < STREAMS; start += AT_ONCE) {
      const batch = Array.from({ length: AT_ONCE }, (_, offset) => abortedStream(client, start + offset, shared));
      for (const outcome of await Promise.all(batch)) outcomes[outcome] += 1;
    }

    expect(outcomes).toEqual({ broke: 250, aborted: 250, 'aborted-before-first-event': 250, 'controller-aborted': 250, unexpected: 0 });
    expect(getEventListeners(shared, 'abort')).toHaveLength(0);
    const settled = await eventually(() => {
      const now = activeResources();
      return (now['TCPSocketWrap'] ?? 0) <= (baseline['TCPSocketWrap'] ?? 0) && (now['Timeout'] ?? 0) <= (baseline['Timeout'] ?? 0) + 2;
    }, 5_000);
    const after = activeResources();
    expect(settled, `resources before ${JSON.stringify(baseline)}, after ${JSON.stringify(after)}`).toBe(true);
    // Every stream that got a first chunk reached the emulator; one aborted 10 ms in may not have.
    expect(emulator.counts.ConverseStream).toBeGreaterThanOrEqual((STREAMS * 3) / 4);
  }, 180_000); // measures leaks and order, not speed: on a busy 2-core machine it can take minutes
});
