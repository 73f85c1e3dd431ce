import { describe, expect, it } from 'vitest';
import { afterThrottle, AttemptLog, BETA, CUBIC_RECOVERY_SECONDS, INITIAL_WINDOW, LOG_SIZE, measureAdmitted, MIN_RATE, nextWindow, rateOf, unknownDimension } from '../../src/limits/adapt.js';

const NOW = 4_000_000;

describe('rateOf / afterThrottle', () => {
  it.each([
    { name: 'unknown and undeclared: no limit', declared: Infinity, throttledAt: Infinity, seconds: 0, rate: Infinity },
    { name: 'unknown, declared: the declared rate', declared: 5, throttledAt: Infinity, seconds: 0, rate: 5 },
    { name: 'just throttled: BETA of the throttled rate', declared: Infinity, throttledAt: 100, seconds: 0, rate: 100 * BETA },
    { name: 'back at the throttled rate after the recovery time', declared: Infinity, throttledAt: 100, seconds: CUBIC_RECOVERY_SECONDS, rate: 100 },
    { name: 'probing above it later', declared: Infinity, throttledAt: 100, seconds: 2 * CUBIC_RECOVERY_SECONDS, rate: 105 },
    { name: 'never above the declared rate', declared: 101, throttledAt: 100, seconds: 3 * CUBIC_RECOVERY_SECONDS, rate: 101 },
    { name: 'never below the minimum', declared: Infinity, throttledAt: MIN_RATE, seconds: 0, rate: MIN_RATE },
  ])('$name', ({ declared, throttledAt, seconds, rate }) => {
    expect(rateOf({ declared, throttledAt, since: 1_000 }, 1_000 + seconds * 1000)).toBeCloseTo(rate, 6);
  });

  it.each([
    { name: 'unknown, measured: the measured rate', before: unknownDimension(), measured: 300, throttledAt: 300 },
    { name: 'known, nothing measured: the current rate', before: { declared: Infinity, throttledAt: 200, since: NOW }, measured: undefined, throttledAt: 190 },
    { name: 'known, measured above: the current rate (a throttle never raises it)', before: { declared: Infinity, throttledAt: 200, since: NOW }, measured: 500, throttledAt: 190 },
    { name: 'known, measured below: still the current rate (the client sent at its rate: the measure says only that)', before: { declared: Infinity, throttledAt: 200, since: NOW }, measured: 120, throttledAt: 190 },
    { name: 'declared: the declared rate', before: unknownDimension(10), measured: 40, throttledAt: 10 },
    { name: 'declared, measured below: the declared rate, then BETA of it', before: unknownDimension(10), measured: 1, throttledAt: 10 },
  ])('$name', ({ before, measured, throttledAt }) => {
    const after = afterThrottle(before, measured, NOW);
    expect(after.throttledAt).toBeCloseTo(throttledAt, 6);
    expect(after.since).toBe(NOW);
    expect(rateOf(after, after.since)).toBeCloseTo(Math.min(before.declared, Math.max(MIN_RATE, throttledAt * BETA)), 6);
  });

  it('a measure too small to trust sets a provisional rate, which the next measure replaces, up or down', () => {
    const provisional = afterThrottle(unknownDimension(), 200, NOW, false);
    expect(provisional).toMatchObject({ throttledAt: 200, provisional: true });
    const raised = afterThrottle(provisional, 300, NOW + 100, true);
    expect(raised.throttledAt).toBe(300);
    expect(raised.provisional).toBeUndefined();
    expect(afterThrottle(provisional, 50, NOW + 100, false)).toMatchObject({ throttledAt: 50, provisional: true });
    // Negative control: once known (trusted), a measure neither raises nor lowers it: a step of BETA from the current rate.
    expect(afterThrottle(raised, 600, NOW + 100, true).throttledAt).toBeCloseTo(300 * BETA, 6);
    expect(afterThrottle(raised, 10, NOW + 100, true).throttledAt).toBeCloseTo(300 * BETA, 6);
  });

  it('unknown with nothing measured stays unknown (the window halves instead)', () => {
    const before = unknownDimension();
    expect(afterThrottle(before, undefined, NOW)).toBe(before);
  });

  it.each([
    { name: 'a success below the threshold (slow start): one more', window: INITIAL_WINDOW, event: { type: 'success' as const, threshold: Infinity }, next: INITIAL_WINDOW + 1 },
    { name: 'a success at or above it (after a halving): one more per window, about one per round trip', window: 4, event: { type: 'success' as const, threshold: 4 }, next: 4.25 },
    { name: 'a throttle with a measured rate: unlimited (the rate governs)', window: INITIAL_WINDOW, event: { type: 'throttle' as const, measured: true, inFlight: 3 }, next: Infinity },
    { name: 'a throttle with nothing measured: half of what was in flight', window: 16, event: { type: 'throttle' as const, measured: false, inFlight: 7 }, next: 4 },
    { name: '…or half the window when smaller', window: 6, event: { type: 'throttle' as const, measured: false, inFlight: 20 }, next: 3 },
    { name: '…never below one', window: 1, event: { type: 'throttle' as const, measured: false, inFlight: 0 }, next: 1 },
  ])('window: $name', ({ window, event, next }) => {
    expect(nextWindow(window, event)).toBe(next);
  });
});

describe('measureAdmitted', () => {
  const logs = () => ({ sent: new AttemptLog(), refused: new AttemptLog(), refunds: new AttemptLog() });

  it('counts what was sent and not refused between two send times, per second', () => {
    const log = logs();
    // 300 a second for one second; every third refused (throttled).
    for (let index = 0; index < 300; index += 1) {
      const time = 10_000 + index * (1000 / 300);
      log.sent.record(time, 1, 10);
      if (index % 3 === 0) log.refused.record(time, 1, 10);
    }
    const measured = measureAdmitted(log, 10_000, 11_000);
    expect(measured.samples).toBe(200);
    expect(measured.requests).toBeCloseTo(200, 0);
    expect(measured.tokens).toBeCloseTo(2000, -1);
    // Only the window asked for: the second half.
    expect(measureAdmitted(log, 10_500, 11_000).samples).toBe(100);
  });

  it('takes settlement refunds off the tokens, not the requests', () => {
    const log = logs();
    for (let index = 0; index < 100; index += 1) {
      log.sent.record(5_000 + index * 10, 1, 1000);
      log.refunds.record(5_000 + index * 10 + 5, 0, 900);
    }
    const measured = measureAdmitted(log, 5_000, 6_000);
    expect(measured.requests).toBeCloseTo(100, 0);
    expect(measured.tokens).toBeCloseTo(10_000, -2);
  });

  it('measures nothing over an empty window, and only back to what the log still holds', () => {
    expect(measureAdmitted(logs(), 1_000, 1_000)).toMatchObject({ samples: 0, ms: 0 });
    const log = logs();
    for (let index = 0; index < LOG_SIZE + 100; index += 1) log.sent.record(index, 1, 0);
    const measured = measureAdmitted(log, 0, LOG_SIZE + 99);
    expect(measured.ms).toBe(LOG_SIZE - 1);
    expect(measured.samples).toBe(LOG_SIZE);
  });
});
