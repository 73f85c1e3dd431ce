import { describe, expect, it } from 'vitest';
import { APIUserAbortError } from '../../src/core/errors.js';
import { AdaptiveLimiter, initialLimitState, type LimitEvent, type LimitState, nextLimitState } from '../../src/embeddings/pool.js';

function run(state: LimitState, events: LimitEvent[]): LimitState {
  return events.reduce(nextLimitState, state);
}
const success: LimitEvent = { type: 'success' };
const throttle = (startedInEpoch: number): LimitEvent => ({ type: 'throttle', startedInEpoch });

describe('nextLimitState (AIMD)', () => {
  it('starts at the ceiling', () => {
    expect(initialLimitState(16)).toEqual({ limit: 16, ceiling: 16, successes: 0, epoch: 0 });
  });

  it('halves on throttling, down to 1', () => {
    expect(run(initialLimitState(16), [throttle(0)]).limit).toBe(8);
    expect(run(initialLimitState(16), [throttle(0), throttle(1), throttle(2), throttle(3), throttle(4), throttle(5)]).limit).toBe(1);
    expect(run(initialLimitState(3), [throttle(0)]).limit).toBe(1);
  });

  it('halves once per wave: throttles of requests sent before the decrease are ignored', () => {
    const state = run(initialLimitState(16), [throttle(0), throttle(0), throttle(0), throttle(0)]);
    expect(state).toMatchObject({ limit: 8, epoch: 1 });
  });

  it('adds one after `limit` successes, up to the ceiling', () => {
    let state = run(initialLimitState(8), [throttle(0), throttle(1)]);
    expect(state.limit).toBe(2);
    state = run(state, [success]);
    expect(state.limit).toBe(2);
    state = run(state, [success]);
    expect(state.limit).toBe(3);
    state = run(state, [success, success, success]);
    expect(state.limit).toBe(4);
    state = run(state, Array.from({ length: 100 }, () => success));
    expect(state.limit).toBe(8);
    expect(run(state, [success]).limit).toBe(8);
  });

  it('restarts the success count after a decrease', () => {
    const state = run(initialLimitState(8), [throttle(0), success, success, success, throttle(1)]);
    expect(state).toMatchObject({ limit: 2, successes: 0 });
  });
});

describe('AdaptiveLimiter', () => {
  it('grants up to the limit at once and queues the rest', async () => {
    const limiter = new AdaptiveLimiter(2);
    const first = await limiter.acquire();
    const second = await limiter.acquire();
    let thirdGranted = false;
    const third = Promise.resolve(limiter.acquire()).then((permit) => {
      thirdGranted = true;
      return permit;
    });
    await Promise.resolve();
    expect(thirdGranted).toBe(false);
    expect(limiter.inFlight).toBe(2);
    limiter.release(first, 'success');
    await third;
    expect(thirdGranted).toBe(true);
    limiter.release(second, 'success');
    limiter.release(await third, 'success');
    expect(limiter.inFlight).toBe(0);
  });

  it('holds waiters back after throttling until the in-flight count is under the new limit', async () => {
    const limiter = new AdaptiveLimiter(4);
    const permits = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    const granted: number[] = [];
    const waiting = [0, 1, 2].map((id) => Promise.resolve(limiter.acquire()).then((permit) => (granted.push(id), permit)));
    limiter.release(permits[0]!, 'throttled'); // limit 4 → 2, three still in flight
    await Promise.resolve();
    expect(limiter.limit).toBe(2);
    expect(granted).toEqual([]);
    limiter.release(permits[1]!, 'throttled'); // same wave: ignored; two in flight
    limiter.release(permits[2]!, 'success'); // one in flight → one waiter
    await new Promise((resolve) => setImmediate(resolve));
    expect(granted).toEqual([0]);
    expect(limiter.decreases).toBe(1);
    expect(limiter.lowest).toBe(2);
    limiter.release(permits[3]!, 'failed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(granted).toEqual([0, 1]);
    const rest = await Promise.all(waiting.slice(0, 2));
    for (const permit of rest) limiter.release(permit, 'success');
    await waiting[2];
    expect(granted).toEqual([0, 1, 2]);
  });

  it('rejects a waiter whose signal aborts, and drops it from the queue', async () => {
    const limiter = new AdaptiveLimiter(1);
    const held = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
    limiter.release(held, 'success');
    expect(limiter.inFlight).toBe(0);
    await expect(Promise.resolve(limiter.acquire(controller.signal))).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
