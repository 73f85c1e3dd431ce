import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_WINDOW } from '../../src/limits/adapt.js';
import { type LimitEvent, ModelLimiter, type Permit } from '../../src/limits/limiter.js';
import { Limits, validateDeclaredQuotas } from '../../src/limits/limits.js';
import { ConfigurationError } from '../../src/core/errors.js';

class Aborted extends Error {}
class TimedOut extends Error {}
const abortError = (): Error => new Aborted('aborted');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function limiter(declared?: { requestsPerMinute?: number; tokensPerMinute?: number }, onEvent?: (event: LimitEvent) => void): ModelLimiter {
  return new ModelLimiter({ model: 'm', region: 'r', declared, now: () => Date.now(), onEvent });
}

describe('ModelLimiter', () => {
  it('never sends more than a declared requests-per-minute quota in any 60 s', async () => {
    const limits = limiter({ requestsPerMinute: 120 });
    const sent: number[] = [];
    const start = Date.now();
    const callers = Array.from({ length: 400 }, async () => {
      const permit = await limits.acquire({ tokens: 0, abortError });
      sent.push(Date.now() - start);
      permit.finish('admitted');
    });
    await vi.advanceTimersByTimeAsync(260_000);
    await Promise.all(callers);
    expect(sent).toHaveLength(400);
    for (let index = 0; index < sent.length; index += 1) {
      const inWindow = sent.filter((time) => time >= (sent[index] as number) && time < (sent[index] as number) + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(120);
    }
    // …and uses it: about 118 a minute.
    expect(sent.filter((time) => time < 120_000).length).toBeGreaterThanOrEqual(230);
  });

  it('never exceeds a declared tokens-per-minute quota, counting settled usage', async () => {
    const limits = limiter({ tokensPerMinute: 6000 });
    let granted = 0;
    const callers = Array.from({ length: 50 }, async () => {
      const permit = await limits.acquire({ tokens: 1000, abortError });
      granted += 1;
      permit.finish('admitted', 100); // reserved 1000, used 100: 900 back
    });
    await vi.advanceTimersByTimeAsync(10_000);
    // 100 tokens of burst and 98 a second: the reservations pace it, the refunds speed it up.
    expect(granted).toBeGreaterThan(5);
    await vi.advanceTimersByTimeAsync(600_000);
    await Promise.all(callers);
    expect(granted).toBe(50);
  });

  it('serves waiters first in, first out', async () => {
    const limits = limiter({ requestsPerMinute: 60 });
    const order: number[] = [];
    const callers = [0, 1, 2, 3, 4].map(async (index) => {
      const permit = await limits.acquire({ tokens: 0, abortError });
      order.push(index);
      permit.finish('admitted');
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(callers);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('a cancelled or timed-out waiter leaves the queue at once, and the next one moves up', async () => {
    const limits = limiter({ requestsPerMinute: 60 });
    (await limits.acquire({ tokens: 0, abortError })).finish('admitted'); // uses the burst
    const controller = new AbortController();
    const cancelled = limits.acquire({ tokens: 0, abortError, signal: controller.signal });
    const timedOut = limits.acquire({ tokens: 0, abortError, deadline: { ms: 100, error: () => new TimedOut('late') } });
    const third = limits.acquire({ tokens: 0, abortError });
    expect(limits.queued).toBe(3);
    const timeoutChecked = expect(timedOut).rejects.toBeInstanceOf(TimedOut);
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(Aborted);
    await vi.advanceTimersByTimeAsync(150);
    await timeoutChecked;
    expect(limits.queued).toBe(1);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(((await third) as Permit).queuedMs).toBeGreaterThan(0);
    expect(limits.queued).toBe(0);
  });

  it('an already aborted signal rejects without queueing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(limiter().acquire({ tokens: 0, abortError, signal: controller.signal })).rejects.toBeInstanceOf(Aborted);
  });

  it('slow start: at most INITIAL_WINDOW in flight before any quota is known, growing with successes', async () => {
    const limits = limiter();
    const permits: Permit[] = [];
    const waiting = Array.from({ length: INITIAL_WINDOW + 5 }, () => Promise.resolve(limits.acquire({ tokens: 0, abortError })).then((permit) => permits.push(permit)));
    await vi.advanceTimersByTimeAsync(0);
    expect(permits).toHaveLength(INITIAL_WINDOW);
    expect(limits.queued).toBe(5);
    permits[0]?.finish('admitted'); // one done, window +1: two more go
    await vi.advanceTimersByTimeAsync(0);
    expect(permits).toHaveLength(INITIAL_WINDOW + 2);
    for (const permit of permits) permit.finish('admitted');
    await Promise.all(waiting);
    // Negative control: a declared quota has no window.
    expect(limiter({ requestsPerMinute: 6000 }).state().window).toBeNull();
  });

  it('learns the rate Bedrock admitted since a throttling episode began, once per wave, and reports it', async () => {
    const events: LimitEvent[] = [];
    const limits = limiter(undefined, (event) => events.push(event));
    // The episode's first throttle: Bedrock's bucket is empty, nothing to measure yet: fewer in flight, rate unknown.
    (await limits.acquire({ tokens: 0, abortError })).finish('throttled-requests');
    expect(limits.state()).toMatchObject({ requestsPerMinute: null, window: 1 });
    // Then 20 admitted, 20 ms apart (50 a second), and a throttle: the rate is measured since the episode began.
    for (let index = 0; index < 20; index += 1) {
      await vi.advanceTimersByTimeAsync(20);
      (await limits.acquire({ tokens: 0, abortError })).finish('admitted');
    }
    await vi.advanceTimersByTimeAsync(20);
    const wave = await Promise.all(Array.from({ length: 3 }, () => limits.acquire({ tokens: 0, abortError })));
    wave[0]?.finish('throttled-requests');
    const state = limits.state();
    // Since the episode's first throttle: 24 sent, 2 refused (the in-flight two count as admitted until answered)
    // over 420 ms, less 5 %.
    expect(state.requestsPerMinute).toBeCloseTo((22 / 0.42) * 60 * 0.95, 0);
    expect(state.window).toBeNull();
    // The rest of the wave (sent before the decrease) does not decrease again.
    wave[1]?.finish('throttled-requests');
    wave[2]?.finish('throttled-requests');
    expect(limits.state().requestsPerMinute).toBe(state.requestsPerMinute);
    expect(limits.state().throttled).toBe(4);
    expect(events.filter((event) => event.type === 'throttled')).toHaveLength(4);
    // A throttle of an attempt sent after the decrease decreases again (a step of BETA from the current rate).
    await vi.advanceTimersByTimeAsync(500);
    (await limits.acquire({ tokens: 0, abortError })).finish('throttled-requests');
    expect(limits.state().requestsPerMinute).toBeLessThan(state.requestsPerMinute as number);
    expect(limits.state().requestsPerMinute).toBeGreaterThanOrEqual(((state.requestsPerMinute as number) / 2) * 0.95 - 1); // never more than halved
  });

  it('once the rate is known, a throttle steps it down by BETA from where the cubic curve is', async () => {
    const limits = limiter();
    (await limits.acquire({ tokens: 0, abortError })).finish('throttled-requests');
    for (let index = 0; index < 20; index += 1) {
      await vi.advanceTimersByTimeAsync(20);
      (await limits.acquire({ tokens: 0, abortError })).finish('admitted');
    }
    (await limits.acquire({ tokens: 0, abortError })).finish('throttled-requests');
    const learned = limits.state().requestsPerMinute as number;
    await vi.advanceTimersByTimeAsync(60_000); // the cubic curve probes far above it by now
    const probing = limits.state().requestsPerMinute as number;
    expect(probing).toBeGreaterThan(learned * 2);
    (await limits.acquire({ tokens: 0, abortError })).finish('throttled-requests');
    expect(limits.state().requestsPerMinute).toBeCloseTo(probing * 0.95, -1);
  });

  it('halves the requests in flight on a throttle with nothing admitted to measure, and climbs back', async () => {
    const limits = limiter();
    const first = await Promise.all(Array.from({ length: INITIAL_WINDOW }, () => limits.acquire({ tokens: 0, abortError })));
    for (const permit of first) permit.finish('throttled-requests'); // one wave: halves once
    expect(limits.state().window).toBe(INITIAL_WINDOW / 2);
    expect(limits.state().requestsPerMinute).toBeNull();
    const permits: Permit[] = [];
    const waiting = Array.from({ length: INITIAL_WINDOW }, () => Promise.resolve(limits.acquire({ tokens: 0, abortError })).then((permit) => permits.push(permit)));
    await vi.advanceTimersByTimeAsync(0);
    expect(permits).toHaveLength(INITIAL_WINDOW / 2);
    for (const permit of permits.splice(0)) permit.finish('admitted');
    await vi.advanceTimersByTimeAsync(0);
    for (const permit of permits.splice(0)) permit.finish('admitted');
    await Promise.all(waiting);
    // Above the window after the halving it grows by 1/window per success (about one per round trip): 2 → 3.55.
    expect(limits.state().window).toBe(3);
  });

  it('paces at the learned rate after a throttle', async () => {
    const limits = limiter();
    (await limits.acquire({ tokens: 0, abortError })).finish('throttled-requests');
    for (let index = 0; index < 40; index += 1) {
      await vi.advanceTimersByTimeAsync(100); // 10 a second
      (await limits.acquire({ tokens: 0, abortError })).finish('admitted');
    }
    await vi.advanceTimersByTimeAsync(100);
    (await limits.acquire({ tokens: 0, abortError })).finish('throttled-requests');
    let granted = 0;
    const callers = Array.from({ length: 100 }, async () => {
      (await limits.acquire({ tokens: 0, abortError })).finish('admitted');
      granted += 1;
    });
    await vi.advanceTimersByTimeAsync(2_000);
    // About 9.3 a second (95 % of the 40 admitted in 4.1 s).
    expect(granted).toBeGreaterThanOrEqual(17);
    expect(granted).toBeLessThanOrEqual(20);
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(callers);
  });

  it('a storm refusing everything lowers the requests in flight, never the rate toward zero', async () => {
    const limits = limiter();
    for (let attempt = 0; attempt < 40; attempt += 1) {
      (await limits.acquire({ tokens: 0, abortError })).finish('throttled-requests');
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(limits.state()).toMatchObject({ requestsPerMinute: null, window: 1, throttled: 40 });
    // Still sends at once when Bedrock recovers.
    const permit = limits.acquire({ tokens: 0, abortError });
    expect(permit).not.toBeInstanceOf(Promise);
  });

  it('learns nothing from what an idle client admitted (negative control of the busy period)', async () => {
    const limits = limiter();
    for (let index = 0; index < 40; index += 1) {
      (await limits.acquire({ tokens: 0, abortError })).finish('admitted');
      await vi.advanceTimersByTimeAsync(1_500); // idle in between
    }
    (await limits.acquire({ tokens: 0, abortError })).finish('throttled-requests');
    expect(limits.state().requestsPerMinute).toBeNull();
    expect(limits.state().window).toBe(1);
  });
});

describe('Limits and declared quotas', () => {
  it('one limiter per model and Region', () => {
    const limits = new Limits({ declaredFor: (modelId) => (modelId === 'a' ? { requestsPerMinute: 10 } : undefined) });
    expect(limits.for('a', 'us-east-1')).toBe(limits.for('a', 'us-east-1'));
    expect(limits.for('a', 'eu-west-1')).not.toBe(limits.for('a', 'us-east-1'));
    expect(limits.for('a', 'us-east-1').declared).toEqual({ requestsPerMinute: 10 });
    expect(limits.states()).toHaveLength(2);
  });

  it.each([
    { value: [], param: 'quotas' },
    { value: { m: 5 }, param: 'quotas.m' },
    { value: { m: {} }, param: 'quotas.m' },
    { value: { m: { requestsPerMinute: 0 } }, param: 'quotas.m.requestsPerMinute' },
    { value: { m: { tokensPerMinute: '100' } }, param: 'quotas.m.tokensPerMinute' },
    { value: { m: { rpm: 100 } }, param: 'quotas.m.rpm' },
  ])('rejects $value naming $param', ({ value, param }) => {
    try {
      validateDeclaredQuotas(value);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).param).toBe(param);
    }
  });

  it('accepts a valid declaration', () => {
    expect(validateDeclaredQuotas({ 'nova-lite': { requestsPerMinute: 500, tokensPerMinute: 2e5 } })).toEqual({ 'nova-lite': { requestsPerMinute: 500, tokensPerMinute: 2e5 } });
  });
});
