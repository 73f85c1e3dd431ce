/**
 * The orchestration of `embeddings.create()` (workers, retries, failures, abort, usage) against a
 * scripted stand-in for the client's `_send`, so throttling waves and failures happen exactly where a test puts
 * them. The end-to-end tests (`embeddings.e2e.test.ts`) run the same paths through the real SDK and the emulator.
 */
import type { InvokeModelCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import type { Client, Warning } from '../../src/client.js';
import { APIError, APIUserAbortError, BadRequestError, PermissionDeniedError, RateLimitError } from '../../src/core/errors.js';
import { Embeddings, embeddingFailureOf } from '../../src/embeddings/embeddings.js';
import { resolveModel } from '../../src/models/resolve.js';

type Reply = { body: Record<string, unknown>; inputTokens?: number } | Error;

interface Harness {
  embeddings: Embeddings;
  warnings: Warning[];
  /** Bodies of every `_send`, in call order. */
  calls: Record<string, unknown>[];
  /** Requests in flight when each call started (that call included). */
  inFlightAtStart: number[];
  peakInFlight: () => number;
  /** Signals every call got. */
  signals: AbortSignal[];
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A client whose `_send` answers with `reply(body, callNumber)` after `delay()` turns of the event loop. */
function harness(reply: (body: Record<string, unknown>, call: number) => Reply, options: { delay?: () => number } = {}): Harness {
  const calls: Record<string, unknown>[] = [];
  const inFlightAtStart: number[] = [];
  const signals: AbortSignal[] = [];
  const warnings: Warning[] = [];
  let inFlight = 0;
  let peak = 0;
  const client = {
    _resolveModel: async (name: string, extra: { baseModel?: string } = {}) =>
      resolveModel(name, { region: 'us-east-1', ...(extra.baseModel === undefined ? {} : { baseModel: extra.baseModel }) }),
    _warn: (warning: Warning) => warnings.push(warning),
    _retryPolicy: (requestOptions: { maxRetries?: number; timeout?: number; onRetry?: unknown }) => ({
      maxRetries: requestOptions.maxRetries ?? 2,
      timeoutMs: requestOptions.timeout ?? 600_000,
      onRetry: typeof requestOptions.onRetry === 'function' ? requestOptions.onRetry : () => undefined,
    }),
    _send: async (name: string, input: InvokeModelCommandInput, sendOptions: { signal?: AbortSignal; maxRetries?: number }) => {
      expect(name).toBe('InvokeModel');
      expect(sendOptions.maxRetries).toBe(0);
      const body = JSON.parse(String(input.body)) as Record<string, unknown>;
      const call = calls.push(body);
      inFlight++;
      peak = Math.max(peak, inFlight);
      inFlightAtStart.push(inFlight);
      const signal = sendOptions.signal;
      if (signal !== undefined) signals.push(signal);
      try {
        for (let turns = options.delay?.() ?? 1; turns > 0; turns--) {
          await tick();
          if (signal?.aborted === true) throw new APIUserAbortError();
        }
        const answer = reply(body, call);
        if (answer instanceof Error) throw answer;
        const output = { body: new TextEncoder().encode(JSON.stringify(answer.body)), contentType: 'application/json', $metadata: { httpStatusCode: 200, requestId: `req-${call}` } };
        return { output, requestId: `req-${call}`, metadata: { httpStatusCode: 200, requestId: `req-${call}`, attempts: 1, totalRetryDelay: 0 } };
      } finally {
        inFlight--;
      }
    },
  } as unknown as Client;
  // Backoff without waiting: retries still go through the limiter, in order.
  const embeddings = new Embeddings(client, { sleep: async (_ms, signal) => { await tick(); if (signal?.aborted === true) throw new APIUserAbortError(); }, random: () => 0 });
  return { embeddings, warnings, calls, inFlightAtStart, peakInFlight: () => peak, signals };
}

/** Titan v2: the vector encodes the input's number (`doc 17` → [17]) and the token count is 2. */
function titanReply(body: Record<string, unknown>): Reply {
  const text = String(body['inputText']);
  return { body: { embedding: [Number(text.split(' ')[1])], inputTextTokenCount: 2 } };
}

/** Cohere: one vector per text, numbered the same way; no token count (Bedrock sends it as a header). */
function cohereReply(body: Record<string, unknown>): Reply {
  const texts = body['texts'] as string[];
  return { body: { embeddings: texts.map((text) => [Number(text.split(' ')[1])]), response_type: 'embeddings_floats' } };
}

const docs = (count: number): string[] => Array.from({ length: count }, (_, index) => `doc ${index}`);
const throttling = (): RateLimitError => new RateLimitError(429, 'Too many requests, please wait before trying again.', { bedrockErrorName: 'ThrottlingException' });
const validation = (message: string): BadRequestError => new BadRequestError(400, message, { bedrockErrorName: 'ValidationException' });

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('ordering and bounded concurrency', () => {
  it('puts every vector at its input index whatever order requests finish in', async () => {
    const test = harness(titanReply, { delay: () => Math.floor(Math.random() * 6) });
    const result = await test.embeddings.create({ model: 'titan-embed-text-v2', input: docs(300) }, { concurrency: 7 });
    expect(result.data.map((entry) => entry.index)).toEqual(docs(300).map((_, index) => index));
    expect(result.data.map((entry) => entry.embedding[0])).toEqual(docs(300).map((_, index) => index));
    expect(test.calls).toHaveLength(300);
    expect(test.peakInFlight()).toBe(7);
    expect(result.usage).toEqual({ prompt_tokens: 600, total_tokens: 600, cost: 600 * 0.02e-6 });
  });

  it('embeds 100,000 inputs with at most `concurrency` requests (and promises) in flight', async () => {
    const test = harness(cohereReply);
    const result = await test.embeddings.create({ model: 'embed-english', input: docs(100_000) }, { concurrency: 5 });
    expect(test.calls).toHaveLength(Math.ceil(100_000 / 96));
    expect(test.peakInFlight()).toBe(5);
    let ordered = true;
    for (let index = 0; index < 100_000; index++) if (result.data[index]?.index !== index || result.data[index]?.embedding[0] !== index) ordered = false;
    expect(ordered).toBe(true);
  });

  it('reports progress after each request, ending at the total', async () => {
    const test = harness(cohereReply);
    const progress: number[] = [];
    await test.embeddings.create({ model: 'embed-english', input: docs(250) }, { concurrency: 1, onProgress: ({ done, total }) => progress.push(done * 1000 + total) });
    expect(progress).toEqual([96_250, 192_250, 250_250]);
  });
});

describe('throttling', () => {
  it('rides out a storm: retries every throttled request, loses and duplicates nothing', async () => {
    // Calls 1–8 (the whole first wave) and 9–10 are throttled. (Pacing is the client's limiter's job, shared with
    // every call to the model: test/limits/ and the end-to-end tests against the emulator's quotas.)
    const test = harness((body, call) => (call <= 10 ? throttling() : titanReply(body)));
    const retries: string[] = [];
    const result = await test.embeddings.create({ model: 'titan-embed-text-v2', input: docs(200) }, { concurrency: 8, onRetry: (info) => retries.push(info.bedrockErrorName ?? '') });
    expect(result.data.map((entry) => entry.embedding[0])).toEqual(docs(200).map((_, index) => index));
    expect(test.calls).toHaveLength(210);
    expect(retries).toHaveLength(10);
    expect(new Set(retries)).toEqual(new Set(['ThrottlingException']));
    expect(test.peakInFlight()).toBeLessThanOrEqual(8);
    expect(result.usage.prompt_tokens).toBe(400);
  });

  it('fails with a RateLimitError naming the inputs once a request has used its throttle retries', async () => {
    const test = harness((body) => (body['inputText'] === 'doc 3' ? throttling() : titanReply(body)));
    const error = await rejectionOf(test.embeddings.create({ model: 'titan-embed-text-v2', input: docs(6) }, { concurrency: 1, throttleRetries: 2 }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).bedrockErrorName).toBe('ThrottlingException');
    expect((error as Error).message).toContain('input 3 (ThrottlingException: Too many requests');
    expect(embeddingFailureOf(error)).toEqual({ failedInputs: [3], notEmbedded: 3 });
    expect(test.calls.filter((body) => body['inputText'] === 'doc 3')).toHaveLength(3);
    // The call stopped: inputs after the failed one were never sent.
    expect(test.calls.some((body) => body['inputText'] === 'doc 4')).toBe(false);
  });

  it('retries other retryable errors up to maxRetries', async () => {
    let failures = 0;
    const test = harness((body) => (body['inputText'] === 'doc 1' && failures++ < 2 ? new APIError(503, 'Service unavailable', { bedrockErrorName: 'ServiceUnavailableException' }) : titanReply(body)));
    const result = await test.embeddings.create({ model: 'titan-embed-text-v2', input: docs(3) }, { maxRetries: 2 });
    expect(result.data[1]?.embedding).toEqual([1]);
    failures = 0;
    const error = await rejectionOf(test.embeddings.create({ model: 'titan-embed-text-v2', input: docs(3) }, { maxRetries: 1 }));
    expect(embeddingFailureOf(error)?.failedInputs).toEqual([1]);
    expect((error as APIError).status).toBe(503);
  });
});

describe('failures', () => {
  it('names the failing index (one input per request) and returns nothing', async () => {
    const test = harness((body) => (body['inputText'] === 'doc 37' ? validation('Too many input tokens.') : titanReply(body)));
    const error = await rejectionOf(test.embeddings.create({ model: 'titan-embed-text-v2', input: docs(60) }, { concurrency: 4 }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('input[37]');
    expect((error as Error).message).toMatch(/^Embedding failed for input 37 \(ValidationException: Too many input tokens\.\)\. The call stopped there: \d+ of 60 inputs have no vector/);
    expect(((error as Error).cause as BadRequestError).message).toBe('Too many input tokens.');
    expect(embeddingFailureOf(error)?.failedInputs).toEqual([37]);
    expect(test.calls.length).toBeLessThan(60);
  });

  it('narrows a ValidationException on a 96-input request down to the input that causes it', async () => {
    const test = harness((body) => ((body['texts'] as string[]).includes('doc 150') ? validation('Malformed input request: bad text') : cohereReply(body)));
    const error = await rejectionOf(test.embeddings.create({ model: 'embed-english', input: docs(200) }, { concurrency: 1 }));
    expect((error as BadRequestError).param).toBe('input[150]');
    expect(embeddingFailureOf(error)?.failedInputs).toEqual([150]);
    // 0–95 succeeds, 96–191 fails, then at most two requests per halving (96 → 1 is 7 halvings).
    expect(test.calls.length).toBeLessThanOrEqual(2 + 2 * 7);
    expect(test.calls.at(-1)?.['texts']).toEqual(['doc 150']);
  });

  it('reports the whole request when its halves succeed on their own', async () => {
    let first = true;
    const test = harness((body) => {
      if (first && (body['texts'] as string[]).length === 96) {
        first = false;
        return validation('Request too large');
      }
      return cohereReply(body);
    });
    const error = await rejectionOf(test.embeddings.create({ model: 'embed-english', input: docs(96) }));
    expect(embeddingFailureOf(error)?.failedInputs).toHaveLength(96);
    expect((error as BadRequestError).param).toBe('input');
    expect((error as Error).message).toContain('inputs 0–95 (ValidationException: Request too large)');
  });

  it('does not bisect errors other than validation', async () => {
    const test = harness(() => new PermissionDeniedError(403, 'You do not have access', { bedrockErrorName: 'AccessDeniedException' }));
    const error = await rejectionOf(test.embeddings.create({ model: 'embed-english', input: docs(10) }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(test.calls).toHaveLength(1);
    expect(embeddingFailureOf(error)).toEqual({ failedInputs: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], notEmbedded: 10 });
  });

  it('refuses a response with the wrong number of vectors', async () => {
    const test = harness(() => ({ body: { embeddings: [[1]], response_type: 'embeddings_floats' } }));
    const error = await rejectionOf(test.embeddings.create({ model: 'embed-english', input: docs(2) }));
    expect((error as Error).message).toContain('1 vectors for 2 inputs');
    expect(embeddingFailureOf(error)?.failedInputs).toEqual([0, 1]);
  });

  it('fails before any request for a chat model or an unknown one', async () => {
    const test = harness(titanReply);
    const chat = await rejectionOf(test.embeddings.create({ model: 'nova-micro', input: 'x' }));
    expect((chat as BadRequestError).param).toBe('model');
    expect((chat as Error).message).toContain('not an embedding model');
    const unknown = await rejectionOf(test.embeddings.create({ model: 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc', input: 'x' }));
    expect((unknown as Error).message).toContain('bedrock.baseModel');
    expect(test.calls).toHaveLength(0);
  });
});

describe('abort', () => {
  it('aborts every request in flight and rejects with APIUserAbortError', async () => {
    const controller = new AbortController();
    const test = harness(titanReply, { delay: () => 50 });
    const call = test.embeddings.create({ model: 'titan-embed-text-v2', input: docs(100) }, { concurrency: 6, signal: controller.signal });
    while (test.calls.length < 6) await tick();
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
    expect(test.calls).toHaveLength(6);
    expect(test.signals.every((signal) => signal.aborted)).toBe(true);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const test = harness(titanReply);
    await expect(test.embeddings.create({ model: 'titan-embed-text-v2', input: 'x' }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(test.calls).toHaveLength(0);
  });
});

describe('usage', () => {
  it('warns and leaves out the cost when Bedrock reports no token count', async () => {
    const test = harness(cohereReply);
    const result = await test.embeddings.create({ model: 'embed-english', input: docs(3) });
    expect(result.usage).toEqual({ prompt_tokens: 0, total_tokens: 0 });
    expect(test.warnings.map((warning) => warning.code)).toEqual(['embedding_usage_unreported']);
  });

  it('has no cost for an application-profile ARN (its price is unknown), but counts its tokens', async () => {
    const test = harness(titanReply);
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc';
    const result = await test.embeddings.create({ model: arn, input: docs(2), bedrock: { baseModel: 'titan-embed-text-v2' } });
    expect(result.model).toBe(arn);
    expect(result.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
  });

  it('checks the batching options', async () => {
    const test = harness(titanReply);
    for (const [options, param] of [
      [{ concurrency: 0 }, 'concurrency'],
      [{ concurrency: 1.5 }, 'concurrency'],
      [{ throttleRetries: -1 }, 'throttleRetries'],
      [{ onProgress: 'yes' }, 'onProgress'],
    ] as const) {
      const error = await rejectionOf(test.embeddings.create({ model: 'titan-embed-text-v2', input: 'x' }, options as never));
      expect((error as BadRequestError).param).toBe(param);
    }
    expect(test.calls).toHaveLength(0);
  });
});
