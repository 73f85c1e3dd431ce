/**
 * Retries, with p-retry as the engine and the `openai` package's semantics: `maxRetries` (default 2) retries after
 * the first attempt, exponential backoff 0.5 s × 2ⁿ capped at 8 s with up to 25 % jitter taken off, and only
 * for failures that can succeed on a second try. p-retry's own defaults (10 retries, no jitter) are overridden:
 * its delay is set to zero and ours is applied in `shouldRetry`, which p-retry only calls when a retry is still
 * possible. The AWS SDK client runs with `maxAttempts: 1`, so this is the only retry layer, and the SDK signs
 * every attempt afresh.
 */
import pRetry, { AbortError } from 'p-retry';
import { APIConnectionError, APIError, APIUserAbortError, BedrockOpenAIError } from './errors.js';

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** `Retry-After` is honoured only up to this, as in `openai`. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The delay before retry number `retryIndex` (0 for the first retry): 0.5 s × 2ⁿ capped at 8 s, minus up to 25 %
 * jitter. `random` is injectable for tests.
 */
export function retryDelayMs(retryIndex: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retryIndex, MAX_RETRY_DELAY_MS);
  const jitter = 1 - random() * 0.25;
  return Math.round(base * jitter);
}

/** Bedrock exceptions worth retrying. */
const RETRYABLE_EXCEPTIONS = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'InternalServerException',
  'ModelNotReadyException',
  'ModelTimeoutException',
]);

/**
 * Whether an error (already mapped by `fromAwsError`) is worth another attempt. Retried: throttling, service
 * unavailable, internal errors, model not ready, model timeouts, other 429/5xx, connection failures and timeouts,
 * and a `ServiceQuotaExceededException` that speaks of a rate ("too many requests/tokens") rather than a quota.
 * Never: validation, access denied, not found, authentication, and user aborts.
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIConnectionError) return true;
  if (!(error instanceof APIError)) return false;
  const name = error.bedrockErrorName;
  if (name !== undefined && RETRYABLE_EXCEPTIONS.has(name)) return true;
  if (name === 'ServiceQuotaExceededException') return /too many (requests|tokens)|rate/i.test(error.message);
  if (name === 'ValidationException' || name === 'AccessDeniedException' || name === 'ResourceNotFoundException') return false;
  const status = error.status;
  if (status === undefined) return false;
  if (status === 401 || status === 403) return false;
  return status === 408 || status === 429 || status >= 500;
}

export interface RetryInfo {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** Milliseconds until the next attempt. */
  delayMs: number;
  /** The error's class name (`RateLimitError`) and Bedrock exception name, if any. */
  errorName: string;
  bedrockErrorName: string | undefined;
  error: BedrockOpenAIError;
}

export interface RetryPolicy {
  maxRetries: number;
  signal?: AbortSignal | undefined;
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /** Waits between attempts; injectable so tests never sleep. Must reject when `signal` aborts. */
  sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  isRetryable?: ((error: unknown) => boolean) | undefined;
}

export interface RetryOutcome<T> {
  value: T;
  attempts: number;
  totalDelayMs: number;
}

/** Sleeps `ms`, rejecting with `APIUserAbortError` if the signal aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(new APIUserAbortError());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, fails with an error not worth retrying, or runs out of retries. `attempt`
 * gets the attempt number (1-based) and must throw errors already mapped to our classes.
 */
export async function withRetry<T>(attempt: (attemptNumber: number) => Promise<T>, policy: RetryPolicy): Promise<RetryOutcome<T>> {
  if (policy.signal?.aborted === true) throw new APIUserAbortError();
  const retryable = policy.isRetryable ?? isRetryableError;
  // The first attempt runs outside p-retry: nearly every call succeeds at once, and p-retry's set-up (option
  // copies and checks, an async frame) would cost every call; p-retry takes over from the first retry.
  let firstError: unknown;
  try {
    return { value: await attempt(1), attempts: 1, totalDelayMs: 0 };
  } catch (error) {
    if (policy.maxRetries === 0 || !retryable(error)) throw error;
    firstError = error;
  }
  const wait = policy.sleep ?? sleep;
  let attempts = 1;
  let totalDelayMs = 0;
  /** Reports a failed attempt and waits before the next one. */
  const backOff = async (error: unknown, attemptNumber: number): Promise<void> => {
    const delayMs = retryDelayMs(attemptNumber - 1, policy.random);
    policy.onRetry?.({
      attempt: attemptNumber,
      delayMs,
      errorName: (error as Error).name,
      bedrockErrorName: error instanceof APIError ? error.bedrockErrorName : undefined,
      error: error as BedrockOpenAIError,
    });
    await wait(delayMs, policy.signal);
    totalDelayMs += delayMs;
  };
  await backOff(firstError, 1);
  const value = await pRetry(
    async (retryNumber) => {
      const attemptNumber = retryNumber + 1;
      attempts = attemptNumber;
      // The signal is checked here rather than given to p-retry, which would throw the signal's own reason (a
      // DOMException) instead of our APIUserAbortError; the sleep between attempts honours it too.
      if (policy.signal?.aborted === true) throw new AbortError(new APIUserAbortError());
      try {
        return await attempt(attemptNumber);
      } catch (error) {
        // p-retry stops on AbortError and rethrows the wrapped error.
        if (!retryable(error)) throw new AbortError(error as Error);
        throw error;
      }
    },
    {
      retries: policy.maxRetries - 1,
      factor: 1,
      minTimeout: 0,
      maxTimeout: 0,
      randomize: false,
      shouldRetry: async ({ error, attemptNumber }) => {
        await backOff(error, attemptNumber + 1);
        return true;
      },
    },
  );
  return { value, attempts, totalDelayMs };
}
