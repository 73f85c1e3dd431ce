/**
 * How a limiter learns a quota it cannot see: pure arithmetic, table-tested (test/limits/adapt.test.ts).
 *
 * A quota dimension (requests or tokens, per second) starts **unknown** (no limit of its own: only what the user
 * declared, if anything); until a rate is known, a slow-start window bounds the requests in flight
 * ({@link nextWindow}). The first throttle says that Bedrock's bucket is empty at the moment that attempt was sent
 * (the episode begins); from then on, while the client keeps sending at least as fast as the quota (it knows no
 * rate yet), Bedrock admits exactly its rate. So a later throttle **measures** the quota: what was sent since the
 * episode began and not refused ({@link measureAdmitted}), which leaves out the burst Bedrock allowed before it. The
 * rate is set just under the measure (provisionally while the measure rests on too little, see {@link trustworthy});
 * without any measure (the first throttle) the requests in flight are halved instead.
 *
 * From a throttle the rate follows a cubic curve (as TCP CUBIC and the AWS SDK's adaptive mode do): {@link BETA} of
 * the rate where it was throttled, back to it after {@link CUBIC_RECOVERY_SECONDS}, flat around it, then probing
 * faster and faster above it until the next throttle, which starts the curve again from there. It never goes above a
 * declared quota.
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
  /**
   * Whether `throttledAt` rests on a measure too small to trust (set while the quota is first being learned, so that
   * a burst of throttles at a short round trip slows down at once); the next measure replaces it, up or down.
   */
  provisional?: boolean | undefined;
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
 * The dimension after a throttle at `now`:
 * - unknown or provisional (still learning): what Bedrock was `measured` admitting since the episode began,
 *   provisional unless the measure is `trusted` (see {@link trustworthy}); with no measure at all an unknown dimension
 *   stays unknown (the caller halves the requests in flight instead);
 * - known: throttled at the current rate, so the cubic curve starts again at {@link BETA} of it. A quota that went
 *   down (or is shared with others) is followed one wave of throttles at a time. A measure is not used here: once the
 *   rate is known the client sends at it, not faster, so what Bedrock admitted says only what was sent.
 */
export function afterThrottle(dimension: Dimension, measured: number | undefined, now: number, trusted = true): Dimension {
  const current = rateOf(dimension, now);
  const learning = !Number.isFinite(current) || dimension.provisional === true;
  if (!learning) return { declared: dimension.declared, throttledAt: Math.max(MIN_RATE, current), since: now };
  const usable = measured !== undefined && Number.isFinite(measured) && measured > 0 ? measured : undefined;
  if (usable === undefined) return Number.isFinite(current) ? { ...dimension, throttledAt: current, since: now } : dimension;
  return { declared: dimension.declared, throttledAt: Math.max(MIN_RATE, usable), since: now, ...(trusted ? {} : { provisional: true }) };
}

/**
 * Requests in flight allowed before the quota is known (slow start, as TCP): starts at {@link INITIAL_WINDOW}
 * and grows by one per success (doubling every round trip), so that a burst of callers does not hit an unknown
 * quota all at once. A measured throttle makes it unlimited (the rate governs from then on); a throttle with
 * nothing to measure halves the requests in flight, down to one (multiplicative decrease, as the AWS SDK and TCP),
 * and from there (the `threshold`, the window after the last halving) it grows by about one per round trip
 * (`1/window` per success, TCP's congestion avoidance) instead of doubling.
 */
export const INITIAL_WINDOW = 4;
/** Admissions since an episode began needed to trust a measure. */
export const MIN_MEASURED = 16;
/** Milliseconds since an episode began needed to trust a measure. */
export const MIN_MEASURE_MS = 20;
/** A token measure must rest on at least this many reservations' worth of tokens (its error: one reservation). */
export const MIN_MEASURED_RESERVATIONS = 10;

/** Whether a measure is precise enough to set a rate from: enough admissions, time and (tokens) reservations. */
export function trustworthy(measure: { samples: number; netTokens: number; ms: number }, kind: 'requests' | 'tokens', reserved: number): boolean {
  if (measure.samples < MIN_MEASURED || measure.ms < MIN_MEASURE_MS) return false;
  return kind === 'requests' || measure.netTokens >= MIN_MEASURED_RESERVATIONS * reserved;
}


export function nextWindow(window: number, event: { type: 'success'; threshold: number } | { type: 'throttle'; measured: boolean; inFlight: number }): number {
  if (event.type === 'success') return window < event.threshold ? window + 1 : window + 1 / window;
  if (event.measured) return Number.POSITIVE_INFINITY;
  return Math.max(1, Math.floor(Math.min(window, event.inFlight + 1) / 2));
}

/** Entries an {@link AttemptLog} keeps (the measure reaches back at most this many attempts). */
export const LOG_SIZE = 4096;

/**
 * A bounded log of (time, requests, tokens) entries: attempts sent, attempts refused (throttled, or never
 * answered) at their send time, and token refunds at settlement.
 */
export class AttemptLog {
  readonly #times = new Float64Array(LOG_SIZE);
  readonly #tokens = new Float64Array(LOG_SIZE);
  readonly #requests = new Uint8Array(LOG_SIZE);
  #next = 0;
  #size = 0;

  record(time: number, requests: number, tokens: number): void {
    this.#times[this.#next] = time;
    this.#requests[this.#next] = requests;
    this.#tokens[this.#next] = tokens;
    this.#next = (this.#next + 1) % LOG_SIZE;
    this.#size = Math.min(LOG_SIZE, this.#size + 1);
  }

  /** The time of the oldest entry kept when the log is full (`-Infinity` while it has never overflowed). */
  get horizon(): number {
    return this.#size < LOG_SIZE ? Number.NEGATIVE_INFINITY : (this.#times[this.#next] as number);
  }

  /** Requests and tokens of the entries with `from ≤ time ≤ to`. */
  sum(from: number, to: number): { requests: number; tokens: number } {
    let requests = 0;
    let tokens = 0;
    for (let index = 0; index < this.#size; index += 1) {
      const time = this.#times[index] as number;
      if (time < from || time > to) continue;
      requests += this.#requests[index] as number;
      tokens += this.#tokens[index] as number;
    }
    return { requests, tokens };
  }
}

/**
 * What Bedrock admitted per second between `from` and `to` (send times): attempts sent and not refused (those still
 * in flight count as admitted: a throttle is answered at once, long before a generation), and their tokens less the
 * refunds settled meanwhile. Bedrock's bucket held less than one attempt at each end (the throttles that bound the
 * window say so), so the measure is off by at most one attempt (a request, or a reservation of tokens) over the
 * window: {@link trustworthy} says when that is small enough. `samples` is the number of admitted attempts.
 */
export function measureAdmitted(
  logs: { sent: AttemptLog; refused: AttemptLog; refunds: AttemptLog },
  from: number,
  to: number,
): { requests: number; tokens: number; samples: number; netTokens: number; ms: number } {
  const start = Math.max(from, logs.sent.horizon);
  const ms = to - start;
  if (!(ms > 0)) return { requests: 0, tokens: 0, samples: 0, netTokens: 0, ms: 0 };
  const sent = logs.sent.sum(start, to);
  const refused = logs.refused.sum(start, to);
  const refunds = logs.refunds.sum(start, to);
  const samples = Math.max(0, sent.requests - refused.requests);
  const tokens = Math.max(0, sent.tokens - refused.tokens - refunds.tokens);
  return { requests: (samples * 1000) / ms, tokens: (tokens * 1000) / ms, samples, netTokens: tokens, ms };
}
