import { describe, expect, it } from 'vitest';
import { AdmissionWindow, afterThrottle, BETA, CUBIC_RECOVERY_SECONDS, INITIAL_WINDOW, MIN_MEASURED, MIN_RATE, nextWindow, rateOf, unknownDimension } from '../../src/limits/adapt.js';

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
    { name: 'first throttle: what Bedrock admitted', before: unknownDimension(), admitted: 300, sent: 400, throttledAt: 300 },
    { name: 'first throttle, admissions lagging: half of what was sent', before: unknownDimension(), admitted: 20, sent: 400, throttledAt: 200 },
    { name: 'measured above the current rate: the current rate', before: { declared: Infinity, throttledAt: 200, since: NOW }, admitted: 500, sent: 600, throttledAt: 190 },
    { name: 'measured below: the measured rate (a quota that went down)', before: { declared: Infinity, throttledAt: 200, since: NOW }, admitted: 120, sent: 150, throttledAt: 120 },
    { name: 'never more than halved by one throttle', before: { declared: Infinity, throttledAt: 200, since: NOW }, admitted: 10, sent: 20, throttledAt: 95 },
    { name: 'nothing measured, first throttle: the minimum', before: unknownDimension(), admitted: 0, sent: 0, throttledAt: MIN_RATE },
    { name: 'declared: at most the declared rate', before: unknownDimension(10), admitted: 40, sent: 40, throttledAt: 10 },
    { name: 'declared: at least half of it', before: unknownDimension(10), admitted: 1, sent: 2, throttledAt: 5 },
  ])('$name', ({ before, admitted, sent, throttledAt }) => {
    const after = afterThrottle(before, admitted, sent, NOW);
    expect(after.throttledAt).toBeCloseTo(throttledAt, 6);
    expect(after.since).toBe(NOW);
    expect(rateOf(after, after.since)).toBeCloseTo(Math.min(before.declared, Math.max(MIN_RATE, throttledAt * BETA)), 6);
  });

  it.each([
    { name: 'a success: one more', window: INITIAL_WINDOW, event: { type: 'success' as const }, next: INITIAL_WINDOW + 1 },
    { name: 'a throttle with a measured rate: unlimited (the rate governs)', window: INITIAL_WINDOW, event: { type: 'throttle' as const, measuredRequests: MIN_MEASURED, inFlight: 3 }, next: Infinity },
    { name: 'a throttle with nothing measured: half of what was in flight', window: INITIAL_WINDOW, event: { type: 'throttle' as const, measuredRequests: 0, inFlight: 7 }, next: 4 },
    { name: '…or half the window when smaller', window: 6, event: { type: 'throttle' as const, measuredRequests: 1, inFlight: 20 }, next: 3 },
    { name: '…never below one', window: 1, event: { type: 'throttle' as const, measuredRequests: 0, inFlight: 0 }, next: 1 },
  ])('window: $name', ({ window, event, next }) => {
    expect(nextWindow(window, event)).toBe(next);
  });
});

describe('AdmissionWindow', () => {
  it('measures admissions and tokens over the last second', () => {
    const window = new AdmissionWindow();
    for (let index = 0; index < 300; index += 1) window.record(10_000 + index * (1000 / 300), 10);
    const rate = window.rate(11_000);
    expect(rate.requests).toBeCloseTo(300, 0);
    expect(rate.tokens).toBeCloseTo(3000, -1);
  });

  it('counts settlement refunds against the tokens, not the requests', () => {
    const window = new AdmissionWindow();
    for (let index = 0; index < 100; index += 1) {
      window.record(5_000 + index * 10, 1000);
      window.record(5_000 + index * 10 + 5, -900, 0);
    }
    const rate = window.rate(6_000);
    expect(rate.requests).toBeCloseTo(100, 0);
    expect(rate.tokens).toBeCloseTo(10_000, -2);
  });

  it('looks further back for slow quotas (at least 20 admissions, up to a minute)', () => {
    const window = new AdmissionWindow();
    for (let index = 0; index < 30; index += 1) window.record(index * 2000, 0); // one every 2 s
    expect(window.rate(60_000).requests).toBeCloseTo(0.5, 1);
    expect(new AdmissionWindow().rate(1_000).requests).toBe(0);
  });
});
