import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  fromAwsError,
} from '../../src/core/errors.js';
import { isRetryableError, retryDelayMs, withRetry, type RetryInfo } from '../../src/core/retry.js';

const bedrock = (name: string, status: number, message = name): APIError =>
  fromAwsError(Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } })) as APIError;

describe('retryDelayMs', () => {
  it.each([
    [0, 0, 500],
    [1, 0, 1000],
    [2, 0, 2000],
    [3, 0, 4000],
    [4, 0, 8000],
    [5, 0, 8000],
    [12, 0, 8000],
    [0, 1, 375],
    [4, 1, 6000],
    [2, 0.5, 1750],
  ])('retry %i with random %d waits %i ms', (retryIndex, random, expected) => {
    expect(retryDelayMs(retryIndex, () => random)).toBe(expected);
  });
});

describe('isRetryableError', () => {
  it.each([
    ['ThrottlingException', 429, true],
    ['ServiceUnavailableException', 503, true],
    ['InternalServerException', 500, true],
    ['ModelNotReadyException', 429, true],
    ['ModelTimeoutException', 408, true],
    ['UnknownGatewayError', 502, true],
    ['ValidationException', 400, false],
    ['AccessDeniedException', 403, false],
    ['ResourceNotFoundException', 404, false],
    ['UnrecognizedClientException', 403, false],
    ['ExpiredTokenException', 403, false],
    ['ModelErrorException', 424, false],
  ] as const)('%s → %s', (name, status, expected) => {
    expect(isRetryableError(bedrock(name, status))).toBe(expected);
  });

  it('retries a rate-type ServiceQuotaExceededException, not a quota', () => {
    expect(isRetryableError(bedrock('ServiceQuotaExceededException', 400, 'Too many tokens, please wait before trying again.'))).toBe(true);
    expect(isRetryableError(bedrock('ServiceQuotaExceededException', 400, 'You have reached the maximum number of provisioned models.'))).toBe(false);
  });

  it('retries connection failures and timeouts, never aborts or local validation', () => {
    expect(isRetryableError(new APIConnectionError())).toBe(true);
    expect(isRetryableError(new APIConnectionTimeoutError())).toBe(true);
    expect(isRetryableError(new APIUserAbortError())).toBe(false);
    expect(isRetryableError(BadRequestError.forParam('model', 'x'))).toBe(false);
    expect(isRetryableError(new Error('plain'))).toBe(false);
  });
});

describe('withRetry', () => {
  const noSleep = { sleep: async () => undefined, random: () => 0 };

  it('retries retryable errors up to maxRetries, reporting each retry', async () => {
    const seen: RetryInfo[] = [];
    let calls = 0;
    const outcome = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw bedrock('ThrottlingException', 429);
        return 'ok';
      },
      { maxRetries: 2, onRetry: (info) => seen.push(info), ...noSleep },
    );
    expect(outcome).toEqual({ value: 'ok', attempts: 3, totalDelayMs: 1500 });
    expect(seen.map((info) => [info.attempt, info.delayMs, info.errorName, info.bedrockErrorName])).toEqual([
      [1, 500, 'RateLimitError', 'ThrottlingException'],
      [2, 1000, 'RateLimitError', 'ThrottlingException'],
    ]);
  });

  it('gives up after maxRetries with the last error', async () => {
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw bedrock('ServiceUnavailableException', 503);
      },
      { maxRetries: 2, ...noSleep },
    ).catch((caught: unknown) => caught);
    expect(calls).toBe(3);
    expect((error as APIError).bedrockErrorName).toBe('ServiceUnavailableException');
  });

  it('never retries a non-retryable error', async () => {
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw bedrock('ValidationException', 400);
      },
      { maxRetries: 5, ...noSleep },
    ).catch((caught: unknown) => caught);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it('waits the scheduled delays through the injected sleep', async () => {
    const waits: number[] = [];
    await withRetry(
      async (attempt) => {
        if (attempt <= 4) throw new APIConnectionError();
        return attempt;
      },
      { maxRetries: 4, sleep: async (ms) => void waits.push(ms), random: () => 0 },
    );
    expect(waits).toEqual([500, 1000, 2000, 4000]);
  });

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const promise = withRetry(
      async () => {
        throw bedrock('ThrottlingException', 429);
      },
      { maxRetries: 3, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(promise).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
