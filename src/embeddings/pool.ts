/**
 * Bounded, adaptive concurrency for the requests of one embeddings call: an AIMD limiter (additive increase,
 * multiplicative decrease, as TCP and the AWS SDK's adaptive retry mode do). Throttling halves the limit (once per
 * wave of throttling: requests that were already in flight when it was halved do not halve it again); every
 * `limit` successes raise it by one, up to the ceiling. The arithmetic is a pure function, {@link nextLimitState};
 * {@link AdaptiveLimiter} adds the waiting.
 */
import { APIUserAbortError } from '../core/errors.js';

/** The limiter's state. */
export interface LimitState {
  /** Requests allowed in flight now (1 ≤ limit ≤ ceiling). */
  limit: number;
  ceiling: number;
  /** Successes since the limit last changed. */
  successes: number;
  /** Bumped on every decrease; a throttled request that started in an older epoch does not decrease again. */
  epoch: number;
}

export type LimitEvent = { type: 'success' } | { type: 'throttle'; startedInEpoch: number };

/** The state after an event. Pure. */
export function nextLimitState(state: LimitState, event: LimitEvent): LimitState {
  if (event.type === 'throttle') {
    if (event.startedInEpoch !== state.epoch) return state;
    return { ...state, limit: Math.max(1, Math.floor(state.limit / 2)), successes: 0, epoch: state.epoch + 1 };
  }
  const successes = state.successes + 1;
  if (state.limit < state.ceiling && successes >= state.limit) return { ...state, limit: state.limit + 1, successes: 0 };
  return { ...state, successes };
}

/** The initial state: optimistic, at the ceiling (the limit only drops once Bedrock throttles). */
export function initialLimitState(ceiling: number): LimitState {
  return { limit: ceiling, ceiling, successes: 0, epoch: 0 };
}

/** A permit to send one request; `epoch` is the limiter's epoch when it was granted. */
export interface Permit {
  epoch: number;
}

/**
 * Gates requests by the adaptive limit. `acquire()` waits while `limit` requests are in flight; `release()` gives
 * the slot back. Waiters are at most the number of workers, so memory stays bounded.
 */
export class AdaptiveLimiter {
  #state: LimitState;
  #inFlight = 0;
  readonly #waiters: Array<() => void> = [];
  /** Lowest limit reached and how many times it was lowered (for diagnostics and tests). */
  lowest: number;
  decreases = 0;

  constructor(ceiling: number) {
    this.#state = initialLimitState(ceiling);
    this.lowest = ceiling;
  }

  get limit(): number {
    return this.#state.limit;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Waits for a slot. Rejects with `APIUserAbortError` if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<Permit> | Permit {
    if (signal?.aborted === true) return Promise.reject(new APIUserAbortError());
    if (this.#inFlight < this.#state.limit) {
      this.#inFlight++;
      return { epoch: this.#state.epoch };
    }
    return new Promise<Permit>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.#inFlight++;
        resolve({ epoch: this.#state.epoch });
      };
      const onAbort = (): void => {
        const at = this.#waiters.indexOf(grant);
        if (at !== -1) this.#waiters.splice(at, 1);
        reject(new APIUserAbortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(grant);
    });
  }

  /** Gives a slot back and records how the request went. */
  release(permit: Permit, outcome: 'success' | 'throttled' | 'failed'): void {
    this.#inFlight--;
    if (outcome === 'success') this.#state = nextLimitState(this.#state, { type: 'success' });
    else if (outcome === 'throttled') {
      const before = this.#state.epoch;
      this.#state = nextLimitState(this.#state, { type: 'throttle', startedInEpoch: permit.epoch });
      if (this.#state.epoch !== before) {
        this.decreases++;
        this.lowest = Math.min(this.lowest, this.#state.limit);
      }
    }
    this.#wake();
  }

  #wake(): void {
    while (this.#inFlight < this.#state.limit) {
      const next = this.#waiters.shift();
      if (next === undefined) return;
      next();
    }
  }
}
