/** The bench's statistics (`bench/stats.ts`): pure functions, tested like the library's. */
import { describe, expect, it } from 'vitest';
import { median, orderFor, pairedDifferences, pairedRatios, ratioOf, summarize } from '../../bench/stats.js';

describe('median and summarize', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('keeps the values in the order measured (pairing relies on it)', () => {
    const summary = summarize([5, 1, 3]);
    expect(summary).toMatchObject({ median: 3, min: 1, max: 5, repetitions: 3, values: [5, 1, 3] });
    expect(summary.spread).toBeCloseTo(4 / 3);
  });
});

describe('pairedRatios', () => {
  it('divides within each repetition, so a slow repetition does not skew the ratio', () => {
    // Repetition 2 ran on a slow machine for both: the medians' ratio says 1.25, every pair says 1.1.
    const ours = [110, 220, 132];
    const raw = [100, 200, 120];
    expect(ratioOf(summarize(ours), summarize(raw))).toBeCloseTo(132 / 120);
    const paired = pairedRatios(ours, raw);
    expect(paired?.median).toBeCloseTo(1.1);
    expect(paired?.min).toBeCloseTo(1.1);
    expect(paired?.max).toBeCloseTo(1.1);
  });

  it('pairs only complete repetitions and skips a zero denominator', () => {
    expect(pairedRatios([2, 6, 9], [1, 3])?.values).toEqual([2, 2]);
    expect(pairedRatios([2, 6], [0, 3])?.values).toEqual([2]);
    expect(pairedRatios([], [])).toBeUndefined();
  });
});

describe('pairedDifferences', () => {
  it('subtracts within each repetition, pairing only complete repetitions', () => {
    // The second repetition ran slow for both: every pair still says 0.5 ms.
    const server = [2.5, 4.5, 3, 9];
    const inProcess = [2, 4, 2.5];
    const paired = pairedDifferences(server, inProcess);
    expect(paired?.values).toEqual([0.5, 0.5, 0.5]);
    expect(paired?.median).toBe(0.5);
    expect(pairedDifferences([1, 2], [3, 1])?.values).toEqual([-2, 1]);
    expect(pairedDifferences([], [1])).toBeUndefined();
  });
});

describe('orderFor', () => {
  it('alternates the order of the implementations between repetitions', () => {
    const names = ['ours', 'raw', 'raw-default'];
    expect(orderFor(names, 0)).toEqual(['ours', 'raw', 'raw-default']);
    expect(orderFor(names, 1)).toEqual(['raw-default', 'raw', 'ours']);
    expect(orderFor(names, 2)).toEqual(['ours', 'raw', 'raw-default']);
    expect(names).toEqual(['ours', 'raw', 'raw-default']);
  });
});
