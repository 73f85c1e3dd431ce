/**
 * One model's limiter: every attempt to a model (in a Region) on one `Client` — chat, streams, embeddings — asks it
 * for a permit first. Callers wait in one FIFO queue; the head goes when
 * - fewer requests are in flight than the slow-start window (only until a rate is known, see `adapt.ts`),
 * - the requests bucket holds one request and the tokens bucket the attempt's reservation (or is full),
 * where each bucket refills at its current rate: the declared quota, or the learned one (`adapt.ts`).
 *
 * Tokens are counted as Bedrock counts them: an attempt reserves its input estimate plus its output budget when it
 * is sent, and is settled to its actual usage when it ends (`Permit.finish`). A throttled attempt gives its tokens
 * back. Waiting honours the caller's signal and a deadline (the attempt's timeout), and leaves the queue at once.
 *
 * Declared quotas are never exceeded: the declared per-minute quota `Q` is sent at `Q·59/60` per minute with a burst
 * of at most `Q/60`, so any 60 seconds hold at most `Q` (see `BURST_SECONDS`).
 */
import { afterThrottle, AttemptLog, type Dimension, INITIAL_WINDOW, measureAdmitted, nextWindow, rateOf, trustworthy, unknownDimension } from './adapt.js';

/** A declared quota (per minute, as in the Service Quotas console). */
export interface DeclaredQuota {
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
}

export type AttemptOutcome = 'admitted' | 'throttled-requests' | 'throttled-tokens' | 'failed';

/** The permission to send one attempt. `finish` it exactly once (further calls are ignored). */
export interface Permit {
  /** Milliseconds the attempt waited in the queue. */
  readonly queuedMs: number;
  /**
   * Reports how the attempt went: `admitted` (Bedrock answered, with `actualTokens` used when known; a stream
   * finishes when it ends), a throttle of either kind, or `failed` (no answer: connection error, abort).
   */
  finish(outcome: AttemptOutcome, actualTokens?: number): void;
}

/** What a limiter reports (`client.limits()`, the `onLimit` hook). */
export interface LimiterState {
  model: string;
  region: string;
  inFlight: number;
  queued: number;
  /** Requests per minute allowed now (learned or declared); `null` while unknown and undeclared. */
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  declared: DeclaredQuota;
  /** Requests in flight allowed before any rate is known (slow start); `null` once a rate governs. */
  window: number | null;
  admitted: number;
  throttled: number;
}

export type LimitEvent =
  | { type: 'granted'; queuedMs: number; state: LimiterState }
  | { type: 'throttled'; kind: 'requests' | 'tokens'; state: LimiterState };

export interface LimiterOptions {
  model: string;
  region: string;
  declared?: DeclaredQuota | undefined;
  now?: (() => number) | undefined;
  onEvent?: ((event: LimitEvent) => void) | undefined;
}

export interface AcquireOptions {
  /** Tokens the attempt reserves (input estimate + output budget; 0 for none). */
  tokens: number;
  signal?: AbortSignal | undefined;
  /** Milliseconds the caller may wait in the queue, and the error it then gets. */
  deadline?: { ms: number; error: () => Error } | undefined;
  /** The error a cancelled wait rejects with. */
  abortError: () => Error;
}


interface Waiter {
  tokens: number;
  enqueuedAt: number;
  grant: (permit: Permit) => void;
  /** Detaches the waiter's listeners (signal, deadline timer). */
  detach: () => void;
}

/** A bucket refilled at a rate that changes over time (read at each refill). */
class Bucket {
  level: number;
  at: number;
  constructor(now: number) {
    this.level = Number.POSITIVE_INFINITY;
    this.at = now;
  }
  refill(now: number, perSecond: number, capacity: number): void {
    if (!Number.isFinite(perSecond)) {
      this.level = Number.POSITIVE_INFINITY;
    } else {
      if (!Number.isFinite(this.level)) this.level = capacity;
      this.level = Math.min(capacity, this.level + (Math.max(0, now - this.at) * perSecond) / 1000);
    }
    this.at = now;
  }
}

/**
 * Bursts, in seconds of the rate. Requests: a declared quota bursts half a second's worth, so that Bedrock's own burst
 * (a second's worth or more) keeps half a second of slack for requests that reach it unevenly (a stalled event loop,
 * a slow connection); a learned rate, a tenth of a second. Tokens: a second's worth either way, since the bucket must
 * hold the reservations of the requests in flight (input + output budget each) or they could not all be sent.
 */
const BURST_SECONDS = { requests: { declared: 0.5, learned: 0.1 }, tokens: { declared: 1, learned: 1 } } as const;

/** Per-second rate and burst capacity of a dimension now. */
function budgetOf(dimension: Dimension, now: number, kind: 'requests' | 'tokens'): { perSecond: number; capacity: number } {
  const rate = rateOf(dimension, now);
  if (!Number.isFinite(rate)) return { perSecond: rate, capacity: rate };
  const burst = BURST_SECONDS[kind];
  if (rate >= dimension.declared) {
    // Q per minute → Q·59/60 per minute with a burst of at most Q/60: never more than Q in any 60 s.
    const perSecond = dimension.declared;
    return { perSecond: (perSecond * 59) / 60, capacity: Math.max(1, perSecond * burst.declared) };
  }
  return { perSecond: rate, capacity: Math.max(1, rate * burst.learned) };
}

export class ModelLimiter {
  readonly model: string;
  readonly region: string;
  readonly declared: DeclaredQuota;
  readonly #now: () => number;
  readonly #onEvent: ((event: LimitEvent) => void) | undefined;
  #requests: Dimension;
  #tokens: Dimension;
  #window: number;
  /** The window after the last halving: below it the window doubles per round trip, above it it grows by one. */
  #threshold = Number.POSITIVE_INFINITY;
  /** Bumped on every decrease, per kind: a throttle of an attempt sent before it does not decrease again. */
  readonly #epochs = { requests: 0, tokens: 0 };
  readonly #requestBucket: Bucket;
  readonly #tokenBucket: Bucket;
  /** Attempts sent (admitted or not) and refused (throttled or unanswered), at their send time; refunds when settled. */
  readonly #logs = { sent: new AttemptLog(), refused: new AttemptLog(), refunds: new AttemptLog() };
  /** The send time of the first throttled attempt of each kind (where the measure of a quota being learned starts). */
  readonly #episodes: { requests: number | undefined; tokens: number | undefined } = { requests: undefined, tokens: undefined };
  readonly #queue: Waiter[] = [];
  #head = 0;
  #inFlight = 0;
  #admitted = 0;
  #throttled = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: LimiterOptions) {
    this.model = options.model;
    this.region = options.region;
    this.declared = { ...options.declared };
    this.#now = options.now ?? (() => performance.now());
    this.#onEvent = options.onEvent;
    const perSecond = (perMinute: number | undefined): number => (perMinute === undefined ? Number.POSITIVE_INFINITY : perMinute / 60);
    this.#requests = unknownDimension(perSecond(this.declared.requestsPerMinute));
    this.#tokens = unknownDimension(perSecond(this.declared.tokensPerMinute));
    const declared = this.declared.requestsPerMinute !== undefined || this.declared.tokensPerMinute !== undefined;
    this.#window = declared ? Number.POSITIVE_INFINITY : INITIAL_WINDOW;
    const now = this.#now();
    this.#requestBucket = new Bucket(now);
    this.#tokenBucket = new Bucket(now);
  }

  get queued(): number {
    return this.#queue.length - this.#head;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  state(): LimiterState {
    const now = this.#now();
    const perMinute = (dimension: Dimension): number | null => {
      const rate = rateOf(dimension, now);
      return Number.isFinite(rate) ? Math.round(rate * 60 * 100) / 100 : null;
    };
    return {
      model: this.model,
      region: this.region,
      inFlight: this.#inFlight,
      queued: this.queued,
      requestsPerMinute: perMinute(this.#requests),
      tokensPerMinute: perMinute(this.#tokens),
      declared: { ...this.declared },
      window: Number.isFinite(this.#window) ? Math.floor(this.#window) : null,
      admitted: this.#admitted,
      throttled: this.#throttled,
    };
  }

  /** Waits for a permit. Synchronous (no promise) when the queue is empty and the budget allows. */
  acquire(options: AcquireOptions): Permit | Promise<Permit> {
    const signal = options.signal;
    if (signal?.aborted === true) return Promise.reject(options.abortError());
    const now = this.#now();
    if (this.queued === 0 && this.#canSend(options.tokens, now)) {
      return this.#grant(options.tokens, now, now);
    }
    return new Promise<Permit>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const leave = (error: Error): void => {
        const index = this.#queue.indexOf(waiter, this.#head);
        if (index === -1) return;
        this.#queue.splice(index, 1);
        waiter.detach();
        reject(error);
        this.#pump();
      };
      const onAbort = (): void => leave(options.abortError());
      const waiter: Waiter = {
        tokens: options.tokens,
        enqueuedAt: now,
        grant: resolve,
        detach: () => {
          signal?.removeEventListener('abort', onAbort);
          if (timer !== undefined) clearTimeout(timer);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const deadline = options.deadline;
      if (deadline !== undefined && Number.isFinite(deadline.ms)) timer = setTimeout(() => leave(deadline.error()), deadline.ms);
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  #refill(now: number): void {
    const requests = budgetOf(this.#requests, now, 'requests');
    const tokens = budgetOf(this.#tokens, now, 'tokens');
    this.#requestBucket.refill(now, requests.perSecond, requests.capacity);
    this.#tokenBucket.refill(now, tokens.perSecond, tokens.capacity);
  }

  #canSend(tokens: number, now: number): boolean {
    if (this.#inFlight >= this.#window) return false;
    this.#refill(now);
    if (this.#requestBucket.level < 1) return false;
    const tokenBudget = budgetOf(this.#tokens, now, 'tokens');
    return this.#tokenBucket.level >= tokens || this.#tokenBucket.level >= tokenBudget.capacity;
  }

  /** Milliseconds until the buckets hold what `tokens` needs (0 if now; `Infinity` if only a release helps). */
  #waitMs(tokens: number, now: number): number {
    if (this.#inFlight >= this.#window) return Number.POSITIVE_INFINITY;
    const requests = budgetOf(this.#requests, now, 'requests');
    const tokenBudget = budgetOf(this.#tokens, now, 'tokens');
    const needRequests = Math.max(0, 1 - this.#requestBucket.level);
    const needTokens = Math.max(0, Math.min(tokens, tokenBudget.capacity) - this.#tokenBucket.level);
    const ms = (need: number, perSecond: number): number => (need === 0 ? 0 : (need * 1000) / perSecond);
    return Math.max(ms(needRequests, requests.perSecond), ms(needTokens, tokenBudget.perSecond));
  }

  #pump(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    while (this.#head < this.#queue.length) {
      const waiter = this.#queue[this.#head] as Waiter;
      const now = this.#now();
      if (!this.#canSend(waiter.tokens, now)) {
        const wait = this.#waitMs(waiter.tokens, now);
        if (Number.isFinite(wait)) this.#timer = setTimeout(() => this.#pump(), Math.max(1, Math.ceil(wait)));
        return;
      }
      this.#head += 1;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue.splice(0, this.#head);
        this.#head = 0;
      }
      waiter.detach();
      waiter.grant(this.#grant(waiter.tokens, waiter.enqueuedAt, now));
    }
  }

  #grant(tokens: number, enqueuedAt: number, now: number): Permit {
    this.#logs.sent.record(now, 1, tokens);
    this.#requestBucket.level -= 1;
    this.#tokenBucket.level -= tokens;
    this.#inFlight += 1;
    const epochs = { ...this.#epochs };
    const queuedMs = now - enqueuedAt;
    let finished = false;
    const permit: Permit = {
      queuedMs,
      finish: (outcome, actualTokens) => {
        if (finished) return;
        finished = true;
        this.#finish(outcome, tokens, actualTokens, epochs, now);
      },
    };
    if (this.#onEvent !== undefined) this.#onEvent({ type: 'granted', queuedMs, state: this.state() });
    return permit;
  }

  /**
   * A throttle of `kind` of an attempt sent at `sentAt` (see adapt.ts). The first of its wave (`decrease`: the
   * attempt was sent after the last decrease) lowers the rate: while the quota is being learned, to what Bedrock was
   * measured admitting since the first throttle of this kind (provisionally while that rests on too little), halving
   * the requests in flight until a trusted rate is known; once known, by a step of BETA.
   */
  #onThrottle(kind: 'requests' | 'tokens', sentAt: number, reserved: number, now: number, decrease: boolean): void {
    // The episode begins at the first throttle of its kind: Bedrock's bucket was empty when that attempt was sent.
    const start = this.#episodes[kind];
    const fresh = start === undefined;
    if (fresh) this.#episodes[kind] = sentAt;
    if (!decrease) return;
    const current = kind === 'tokens' ? this.#tokens : this.#requests;
    this.#epochs[kind] += 1;
    let measured: number | undefined;
    let trusted = false;
    if (!fresh) {
      const admitted = measureAdmitted(this.#logs, start, sentAt);
      trusted = trustworthy(admitted, kind, reserved);
      if (admitted.samples > 0) measured = kind === 'tokens' ? admitted.tokens : admitted.requests;
    }
    const dimension = afterThrottle(current, measured, now, trusted);
    if (kind === 'tokens') this.#tokens = dimension;
    else this.#requests = dimension;
    const limited = Number.isFinite(rateOf(dimension, now));
    if (limited) {
      const bucket = kind === 'tokens' ? this.#tokenBucket : this.#requestBucket;
      bucket.level = Math.min(bucket.level, 0);
    }
    const known = limited && dimension.provisional !== true;
    this.#window = nextWindow(this.#window, { type: 'throttle', measured: known, inFlight: this.#inFlight });
    this.#threshold = this.#window;
  }

  /** Returns tokens Bedrock did not keep (a refund at settlement, or a reservation it never took) to the bucket. */
  #giveBackTokens(tokens: number, now: number): void {
    this.#tokenBucket.level = Math.min(budgetOf(this.#tokens, now, 'tokens').capacity, this.#tokenBucket.level + tokens);
  }

  #finish(outcome: AttemptOutcome, reserved: number, actual: number | undefined, epochs: { requests: number; tokens: number }, sentAt: number): void {
    this.#inFlight -= 1;
    const now = this.#now();
    this.#refill(now);
    if (outcome === 'admitted') {
      this.#admitted += 1;
      const refund = actual === undefined ? 0 : reserved - actual;
      if (refund !== 0) {
        this.#logs.refunds.record(now, 0, refund);
        this.#giveBackTokens(refund, now);
      }
      if (Number.isFinite(this.#window)) this.#window = nextWindow(this.#window, { type: 'success', threshold: this.#threshold });
    } else if (outcome === 'throttled-requests' || outcome === 'throttled-tokens') {
      this.#throttled += 1;
      // Bedrock took none of its tokens.
      this.#logs.refused.record(sentAt, 1, reserved);
      this.#giveBackTokens(reserved, now);
      const kind = outcome === 'throttled-tokens' ? 'tokens' : 'requests';
      this.#onThrottle(kind, sentAt, reserved, now, epochs[kind] === this.#epochs[kind]);
      if (this.#onEvent !== undefined) this.#onEvent({ type: 'throttled', kind, state: this.state() });
    } else {
      // No answer from Bedrock: give the tokens back; nothing learned.
      this.#logs.refused.record(sentAt, 1, reserved);
      this.#giveBackTokens(reserved, now);
    }
    this.#pump();
  }
}
