/**
 * Bedrock's on-demand quotas and a latency model, per model ID and region (off until a quota is set).
 *
 * What Bedrock documents (quotas-runtime, "How quota reservation works"): each model has, per Region, a quota of
 * requests per minute and one of tokens per minute (input + output). A request **reserves** its input tokens plus
 * its `maxTokens` (the model's maximum when unset) when it starts; when it ends, the reservation is **settled** to
 * the tokens it actually used, and the difference goes back to the quota. A request over either quota is refused
 * with HTTP 429 `ThrottlingException`, "Too many requests, please wait before trying again." or "Too many tokens,
 * please wait before trying again.".
 *
 * How the emulator models it (AWS does not publish its algorithm): two token buckets per quota and Region, refilled
 * continuously at the per-minute rate, each holding at most `burstSeconds` worth of its rate (the burst allowance).
 * A request takes 1 from the requests bucket and its reservation from the tokens bucket, or is throttled. A
 * reservation larger than the whole bucket is admitted only when the bucket is full (and drives it negative), so a
 * single big request is slow rather than impossible. `timeScale` speeds the clock up (60: a quota's minute lasts one
 * second) so that tests and benchmarks run per-minute semantics in seconds.
 *
 * The latency model: `timeToFirstTokenMs` before the first byte (an embedding's whole latency), then
 * `msPerOutputToken` for each output token (spread over a stream's frames). Real milliseconds, not scaled.
 */
import { randomUUID } from 'node:crypto';
import { EmulatorError } from './errors.js';
import type { OperationName } from './faults.js';

export interface QuotaSpec {
  /** The model: matches the ID as sent (a profile ID, say) or the base model it resolves to. */
  model: string;
  /** Only this Region (default: every Region, each with its own buckets, as Bedrock's quotas are per Region). */
  region?: string;
  /** Requests per minute (default: unlimited). */
  requestsPerMinute?: number;
  /** Tokens per minute, input + output (default: unlimited). */
  tokensPerMinute?: number;
  /** Burst allowance: each bucket holds this many seconds of its rate (default 1; at least one request's worth). */
  burstSeconds?: number;
  /** Minutes of quota per real minute (default 1; 60 makes a quota minute last one second). */
  timeScale?: number;
  /** Latency before the first byte, in ms (default 0). */
  timeToFirstTokenMs?: number;
  /** Latency per output token, in ms (default 0). */
  msPerOutputToken?: number;
}

/** What happened under one quota and Region since it was set. */
export interface QuotaUsage {
  model: string;
  region: string;
  /** Requests admitted. */
  admitted: number;
  throttledRequests: number;
  throttledTokens: number;
  /** Tokens settled (actual usage of finished requests). */
  tokensUsed: number;
}

export interface ActiveQuota extends QuotaSpec {
  id: string;
}

/** Bedrock's throttling messages. */
export const TOO_MANY_REQUESTS = 'Too many requests, please wait before trying again.';
export const TOO_MANY_TOKENS = 'Too many tokens, please wait before trying again.';

/** A continuously refilled bucket. Pure arithmetic over an injected clock (milliseconds). */
export class Bucket {
  readonly capacity: number;
  readonly perMs: number;
  #level: number;
  #at: number;

  constructor(perMinute: number, burstSeconds: number, timeScale: number, now: number) {
    this.capacity = Math.max(1, (perMinute * burstSeconds) / 60);
    this.perMs = (perMinute * timeScale) / 60_000;
    this.#level = this.capacity;
    this.#at = now;
  }

  level(now: number): number {
    if (now > this.#at) {
      this.#level = Math.min(this.capacity, this.#level + (now - this.#at) * this.perMs);
      this.#at = now;
    }
    return this.#level;
  }

  /** Takes `amount` if the bucket holds it (or is full); returns whether it did. */
  take(amount: number, now: number): boolean {
    const level = this.level(now);
    if (level < amount && level < this.capacity) return false;
    this.#level = level - amount;
    return true;
  }

  /** Gives back (or, negative, takes more than) the difference between a reservation and the actual use. */
  adjust(amount: number, now: number): void {
    this.#level = Math.min(this.capacity, this.level(now) + amount);
  }
}

/** An admitted request: settle it once its actual token use is known (or with 0 when it failed). */
export interface QuotaTicket {
  /** The latency model of the quota that admitted the request. */
  timeToFirstTokenMs: number;
  msPerOutputToken: number;
  settle(actualTokens: number): void;
}

interface Tracked {
  spec: ActiveQuota;
  region: string;
  requests: Bucket | undefined;
  tokens: Bucket | undefined;
  usage: QuotaUsage;
}

function checkNumber(value: unknown, field: string, min: number, exclusive: boolean): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || (exclusive ? value <= min : value < min)) {
    throw new TypeError(`quota.${field} must be a number ${exclusive ? '>' : '≥'} ${min}`);
  }
}

/** Checks a quota spec, throwing a `TypeError` naming the bad field. */
export function validateQuotaSpec(spec: QuotaSpec): void {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('quota must be an object');
  if (typeof spec.model !== 'string' || spec.model.trim() === '') throw new TypeError('quota.model must be a model ID');
  if (spec.region !== undefined && (typeof spec.region !== 'string' || spec.region === '')) throw new TypeError('quota.region must be a Region name');
  checkNumber(spec.requestsPerMinute, 'requestsPerMinute', 0, true);
  checkNumber(spec.tokensPerMinute, 'tokensPerMinute', 0, true);
  checkNumber(spec.burstSeconds, 'burstSeconds', 0, true);
  checkNumber(spec.timeScale, 'timeScale', 0, true);
  checkNumber(spec.timeToFirstTokenMs, 'timeToFirstTokenMs', 0, false);
  checkNumber(spec.msPerOutputToken, 'msPerOutputToken', 0, false);
}

/** The quotas of an emulator instance. */
export class QuotaRegistry {
  readonly #now: () => number;
  #specs: ActiveQuota[] = [];
  /** Buckets per spec and Region, created on first use. */
  #tracked = new Map<string, Tracked>();

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  get active(): boolean {
    return this.#specs.length > 0;
  }

  /** Sets the quota of a model (and Region): replaces an earlier one for the same model and Region, with full buckets. */
  set(spec: QuotaSpec): string {
    validateQuotaSpec(spec);
    this.remove(this.#specs.find((active) => active.model === spec.model && active.region === spec.region)?.id ?? '');
    const id = randomUUID();
    this.#specs.push({ ...spec, id });
    return id;
  }

  remove(id: string): boolean {
    const before = this.#specs.length;
    this.#specs = this.#specs.filter((spec) => spec.id !== id);
    for (const [key, tracked] of this.#tracked) if (tracked.spec.id === id) this.#tracked.delete(key);
    return this.#specs.length !== before;
  }

  clear(): void {
    this.#specs = [];
    this.#tracked.clear();
  }

  list(): ActiveQuota[] {
    return this.#specs.map((spec) => ({ ...spec }));
  }

  usage(): QuotaUsage[] {
    return [...this.#tracked.values()].map((tracked) => ({ ...tracked.usage }));
  }

  /**
   * Admits a request for a model in a Region, reserving `reservedTokens`, or throws Bedrock's `ThrottlingException`.
   * `modelIds`: the ID as sent and the resolved base model. `undefined` when no quota applies.
   */
  admit(operation: OperationName, modelIds: readonly string[], region: string, reservedTokens: number): QuotaTicket | undefined {
    if (this.#specs.length === 0 || operation === 'CountTokens') return undefined;
    const spec = this.#specs.find((candidate) => modelIds.includes(candidate.model) && (candidate.region === undefined || candidate.region === region));
    if (spec === undefined) return undefined;
    const now = this.#now();
    const tracked = this.#trackedFor(spec, region, now);
    const { requests, tokens, usage } = tracked;
    if (requests !== undefined && requests.level(now) < 1) {
      usage.throttledRequests += 1;
      throw new EmulatorError('ThrottlingException', 429, TOO_MANY_REQUESTS);
    }
    if (tokens !== undefined && !tokens.take(reservedTokens, now)) {
      usage.throttledTokens += 1;
      throw new EmulatorError('ThrottlingException', 429, TOO_MANY_TOKENS);
    }
    requests?.take(1, now);
    usage.admitted += 1;
    let settled = false;
    return {
      timeToFirstTokenMs: spec.timeToFirstTokenMs ?? 0,
      msPerOutputToken: spec.msPerOutputToken ?? 0,
      settle: (actualTokens) => {
        if (settled) return;
        settled = true;
        usage.tokensUsed += actualTokens;
        tokens?.adjust(reservedTokens - actualTokens, this.#now());
      },
    };
  }

  #trackedFor(spec: ActiveQuota, region: string, now: number): Tracked {
    const key = `${spec.id}\u0000${region}`;
    let tracked = this.#tracked.get(key);
    if (tracked === undefined) {
      const burst = spec.burstSeconds ?? 1;
      const scale = spec.timeScale ?? 1;
      tracked = {
        spec,
        region,
        requests: spec.requestsPerMinute === undefined ? undefined : new Bucket(spec.requestsPerMinute, burst, scale, now),
        tokens: spec.tokensPerMinute === undefined ? undefined : new Bucket(spec.tokensPerMinute, burst, scale, now),
        usage: { model: spec.model, region, admitted: 0, throttledRequests: 0, throttledTokens: 0, tokensUsed: 0 },
      };
      this.#tracked.set(key, tracked);
    }
    return tracked;
  }
}
