/**
 * The limiter's side of one attempt, for the transport: wait for a permit (cancellable, bounded by the attempt's
 * timeout), then tell the limiter how the attempt went — admitted with the tokens it used, throttled (requests or
 * tokens, from Bedrock's message), or no answer.
 */
import { APIConnectionTimeoutError, APIError, APIUserAbortError } from '../core/errors.js';
import type { AttemptOutcome, ModelLimiter, Permit } from './limiter.js';

/** How a failed attempt counts for the limiter. */
export function outcomeOf(error: unknown): AttemptOutcome {
  if (!(error instanceof APIError) || error.status === undefined) return 'failed';
  const name = error.bedrockErrorName;
  const tooMany = /too many (requests|tokens)/i.exec(error.message);
  if (name === 'ThrottlingException' || (name === 'ServiceQuotaExceededException' && tooMany !== null) || (name === undefined && error.status === 429)) {
    return /too many tokens/i.test(error.message) ? 'throttled-tokens' : 'throttled-requests';
  }
  // Bedrock answered (a validation error, a model error…): the request was admitted.
  return 'admitted';
}

/** Waits for a permit of `limiter`, at most `timeoutMs`; rejects with our abort and timeout errors. */
export function acquirePermit(limiter: ModelLimiter, tokens: number, signal: AbortSignal | undefined, timeoutMs: number): Permit | Promise<Permit> {
  return limiter.acquire({
    tokens,
    signal,
    abortError: () => new APIUserAbortError(),
    deadline: {
      ms: timeoutMs,
      error: () =>
        new APIConnectionTimeoutError({
          message: `Request timed out after ${timeoutMs} ms waiting for the rate limiter of ${limiter.model} (${limiter.queued} calls queued, ${limiter.inFlight} in flight).`,
        }),
    },
  });
}
