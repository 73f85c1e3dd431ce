/**
 * How a limiter learns a quota it cannot see: pure arithmetic, table-tested (test/limits/adapt.test.ts).
 *
 * A quota dimension (requests or tokens, per second) starts **unknown** (no limit of its own: only what the user
 * declared, if anything). The first `ThrottlingException` of that kind sets it to what Bedrock actually admitted
 * just before (`measured`, from {@link AdmissionWindow}: while over quota, Bedrock admits exactly its rate), and
 * takes 5 % off. From there the rate follows a cubic curve (as TCP CUBIC and the AWS SDK's adaptive mode do):
 * back to the rate where it was throttled after {@link CUBIC_RECOVERY_SECONDS}, flat around it, then probing
 * faster and faster above it until the next throttle. Each throttle takes the lower of the current rate and the
 * measured one, so a quota that moves down is followed at once. It never goes above a declared quota.
 *
 * Compared with the SDK's adaptive mode: it backs off to what Bedrock *admitted* (the SDK: 70 % of what it *sent*),
 * so it sits close under the quota instead of oscillating far below it; and it is shared by every call to a model.
 */

/** Share of the rate kept on a throttle. */
export const BETA = 0.95;
/** Seconds for the cubic curve to come back to the rate it was throttled at. */
export const CUBIC_RECOVERY_SECONDS = 4;
/** Cubic coefficient (relative to the throttled rate) that gives that recovery time. */
export const CUBIC_C = (1 - BETA) / CUBIC_RECOVERY_SECONDS ** 3;
/** Lowest rate learned, per second (one request a minute). */
export const MIN_RATE = 1 / 60;

/** One quota dimension, in units per second. */
export interface Dimension {
  /** The user's declared quota (never exceeded); `Infinity` when none. */
  declared: number;
  /** The rate at the last throttle; `Infinity` until the first one (unknown). */
  throttledAt: number;
  /** When (ms) that throttle happened. */
  since: number;
}

export function unknownDimension(declared = Number.POSITIVE_INFINITY): Dimension {
  return { declared, throttledAt: Number.POSITIVE_INFINITY, since: 0 };
}

/** The rate allowed at `now` (units per second): the cubic curve, capped by the declared quota. */
export function rateOf(dimension: Dimension, now: number): number {
  if (!Number.isFinite(dimension.throttledAt)) return dimension.declared;
  const seconds = Math.max(0, now - dimension.since) / 1000 - CUBIC_RECOVERY_SECONDS;
  const rate = dimension.throttledAt * (1 + CUBIC_C * seconds ** 3);
  return Math.min(dimension.declared, Math.max(MIN_RATE, rate));
}

/**
 * The dimension after a throttle at `now`, given what Bedrock admitted (`admitted`) and what was sent (`sent`) per
 * second just before. The estimate is what Bedrock admitted, but never less than half of what was sent (admissions
 * are counted when answered, so a measure taken early in a burst lags), and one throttle never more than halves the
 * current rate (multiplicative decrease, as AIMD).
 */
export function afterThrottle(dimension: Dimension, admitted: number, sent: number, now: number): Dimension {
  const current = rateOf(dimension, now);
  const measured = Math.max(Number.isFinite(admitted) ? admitted : 0, Number.isFinite(sent) ? sent / 2 : 0);
  let throttledAt = measured > 0 ? Math.min(current, measured) : current;
  if (Number.isFinite(current)) throttledAt = Math.max(throttledAt, current / 2);
  return { declared: dimension.declared, throttledAt: Number.isFinite(throttledAt) ? Math.max(MIN_RATE, throttledAt) : MIN_RATE, since: now };
}

/**
 * Requests in flight allowed before the quota is known (slow start, as TCP): starts at {@link INITIAL_WINDOW}
 * and grows by one per success (doubling every round trip), so that a burst of callers does not hit an unknown
 * quota all at once. A throttle with a measured rate makes it unlimited (the rate governs from then on). A throttle
 * with too few admissions to measure (Bedrock refusing nearly everything, e.g. a storm at the start) halves the
 * requests in flight instead, down to one, as the AWS SDK's and TCP's multiplicative decrease do; successes raise
 * it again.
 */
export const INITIAL_WINDOW = 16;
/** Admissions in the measuring window needed to trust a measured rate. */
export const MIN_MEASURED = 4;

export function nextWindow(window: number, event: { type: 'success' } | { type: 'throttle'; measuredRequests: number; inFlight: number }): number {
  if (event.type === 'success') return window + 1;
  if (event.measuredRequests >= MIN_MEASURED) return Number.POSITIVE_INFINITY;
  return Math.max(1, Math.floor(Math.min(window, event.inFlight + 1) / 2));
}

/**
 * What Bedrock admitted recently: timestamps of admitted attempts (requests that were not throttled) and token
 * amounts (reservations when admitted, adjustments when settled), in a bounded ring. `rate(now, since)` measures over
 * the last second, or back to the last {@link MIN_SAMPLES} admissions when a second holds fewer (slow quotas), up to
 * {@link MAX_WINDOW_MS} — but never before `since`, the start of the current busy period: an idle client admitted
 * little because it sent little, which says nothing about the quota.
 */
export const MIN_SAMPLES = 20;
const RING = 512;
export const MAX_WINDOW_MS = 10_000;
const WINDOW_MS = 1_000;
/** A measure over less than this is not trusted (reported with 0 samples). */
const MIN_WINDOW_MS = 100;

export class AdmissionWindow {
  readonly #times = new Float64Array(RING);
  readonly #tokens = new Float64Array(RING);
  /** 1 for an admission, 0 for a token adjustment. */
  readonly #requests = new Uint8Array(RING);
  #next = 0;
  #size = 0;

  /** Records an admission (or, with `requests` 0, a token adjustment) at `now`. */
  record(now: number, tokens: number, requests = 1): void {
    this.#times[this.#next] = now;
    this.#tokens[this.#next] = tokens;
    this.#requests[this.#next] = requests;
    this.#next = (this.#next + 1) % RING;
    this.#size = Math.min(RING, this.#size + 1);
  }

  /** Admitted requests and tokens per second, measured at `now` from `since`, and how many admissions it rests on. */
  rate(now: number, since = Number.NEGATIVE_INFINITY): { requests: number; tokens: number; samples: number } {
    // Where the window starts: one second back, or further back to the MIN_SAMPLES-th newest admission, never before
    // `floor` (the busy period's start, at most MAX_WINDOW_MS ago).
    const floor = Math.max(since, now - MAX_WINDOW_MS);
    let start = Math.max(floor, now - WINDOW_MS);
    let seen = 0;
    for (let index = 0; index < this.#size; index += 1) {
      const slot = (this.#next - 1 - index + RING) % RING;
      const time = this.#times[slot] as number;
      if (time < floor) break;
      if ((this.#requests[slot] as number) === 0) continue;
      seen += 1;
      if (time < start) start = time;
      if (seen >= MIN_SAMPLES) break;
    }
    const windowMs = now - start;
    if (windowMs < MIN_WINDOW_MS) return { requests: 0, tokens: 0, samples: 0 };
    let requests = 0;
    let tokens = 0;
    for (let index = 0; index < this.#size; index += 1) {
      const slot = (this.#next - 1 - index + RING) % RING;
      const time = this.#times[slot] as number;
      if (time < start) break;
      requests += this.#requests[slot] as number;
      tokens += this.#tokens[slot] as number;
    }
    return { requests: (requests * 1000) / windowMs, tokens: Math.max(0, (tokens * 1000) / windowMs), samples: requests };
  }
}
