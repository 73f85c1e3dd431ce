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
