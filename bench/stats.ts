/** Summary statistics of repeated measurements. Pure. */

export interface Summary {
  /** The median of the repetitions: the figure the table reports. */
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: the spread, as a fraction of the median. */
  spread: number;
  repetitions: number;
  values: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarize(values: readonly number[]): Summary {
  const result = median(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { median: result, min, max, spread: result === 0 ? 0 : (max - min) / Math.abs(result), repetitions: values.length, values: [...values] };
}

/** `numerator / denominator` of two medians (NaN when either is missing). */
export function ratioOf(numerator: Summary | undefined, denominator: Summary | undefined): number {
  if (numerator === undefined || denominator === undefined || denominator.median === 0) return Number.NaN;
  return numerator.median / denominator.median;
}

/**
 * Ratios of paired measurements: `numerators[i] / denominators[i]` for each repetition, summarized. The processes
 * of one repetition run one after the other, so they share the machine's state of that minute (a noisy neighbour,
 * a slow period); the ratio within a pair cancels most of it, where a ratio of two medians does not.
 */
export function pairedRatios(numerators: readonly number[], denominators: readonly number[]): Summary | undefined {
  const count = Math.min(numerators.length, denominators.length);
  const ratios: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const denominator = denominators[index] as number;
    if (denominator !== 0) ratios.push((numerators[index] as number) / denominator);
  }
  return ratios.length === 0 ? undefined : summarize(ratios);
}

/** Differences of paired measurements, `minuends[i] − subtrahends[i]` per repetition, summarized (see {@link pairedRatios}). */
export function pairedDifferences(minuends: readonly number[], subtrahends: readonly number[]): Summary | undefined {
  const count = Math.min(minuends.length, subtrahends.length);
  if (count === 0) return undefined;
  return summarize(Array.from({ length: count }, (_, index) => (minuends[index] as number) - (subtrahends[index] as number)));
}

/**
 * The order of the implementations in repetition `repetition`: as given in even repetitions, reversed in odd ones
 * (A B C, C B A, A B C, …), so that no implementation always runs right after the same other one, and a drift over
 * the run falls on every implementation alike.
 */
export function orderFor<T>(items: readonly T[], repetition: number): T[] {
  return repetition % 2 === 0 ? [...items] : [...items].reverse();
}

/** A number with about three significant digits (`1234` → `1,234`, `12.345` → `12.3`, `0.01234` → `0.0123`). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `median (min–max)`. */
export function formatSummary(summary: Summary | undefined): string {
  if (summary === undefined) return '–';
  return `${formatNumber(summary.median)} (${formatNumber(summary.min)}–${formatNumber(summary.max)})`;
}
