/**
 * Retries end to end: our Client → the real AWS SDK → HTTP → the emulator, whose fault injection fails the first
 * attempts. Attempts are counted on the server (`emulator.counts`, `emulator.requests`) and through `onRetry`.
 * Backoffs are skipped with {@link RetryRecorder} (the delays themselves are still reported and checked), so the
 * file sleeps no real backoff.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHttp } from '@aws-sdk/credential-providers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  PermissionDeniedError,
  NotFoundError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import {
  CHAT_MODEL,
  Clients,
  closedPort,
  EMBEDDING_MODEL,
  firstDeltas,
  readStream,
  rejection,
  replyTo,
  RetryRecorder,
  startTcpProxy,
  TEN_WORDS,
} from './helpers.js';

let emulator: EmulatorHandle;
const clients = new Clients();
const dir = mkdtempSync(join(tmpdir(), 'bedrock-openai-retries-'));

beforeAll(async () => {
  emulator = await startEmulator();
});
afterEach(() => emulator.reset());
afterAll(async () => {
  clients.closeAll();
  await emulator.close();
});

const params = { model: CHAT_MODEL, messages: [{ role: 'user' as const, content: TEN_WORDS }] };

describe('maxRetries against emulator faults', () => {
  it('retries per the client setting, reporting attempt, delay and error name to onRetry', async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 2, onRetry: recorder.onRetry });
    emulator.faults.failNext(2, 'ThrottlingException', { operation: 'Converse' });

    const { data, response } = await client.chat.completions.create(params).withResponse();

    expect(data.choices[0]?.message.content).toBe(replyTo(TEN_WORDS));
    expect(emulator.counts.Converse).toBe(3);
    expect(emulator.requests.map((request) => request.status)).toEqual([429, 429, 200]);
    expect(response.attempts).toBe(3);
    expect(recorder.infos.map((info) => [info.attempt, info.errorName, info.bedrockErrorName])).toEqual([
      [1, 'RateLimitError', 'ThrottlingException'],
      [2, 'RateLimitError', 'ThrottlingException'],
    ]);
    expect(recorder.infos[0]?.error).toBeInstanceOf(RateLimitError);
    // 0.5 s × 2ⁿ minus up to 25 % jitter.
    expect(recorder.infos[0]?.delayMs).toBeGreaterThanOrEqual(375);
    expect(recorder.infos[0]?.delayMs).toBeLessThanOrEqual(500);
    expect(recorder.infos[1]?.delayMs).toBeGreaterThanOrEqual(750);
    expect(recorder.infos[1]?.delayMs).toBeLessThanOrEqual(1000);
    expect(response.totalRetryDelay).toBe((recorder.infos[0]?.delayMs ?? 0) + (recorder.infos[1]?.delayMs ?? 0));
    expect(recorder.skipped).toBe(2);
  });

  it('gives up after the client maxRetries with the last error', async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 2, onRetry: recorder.onRetry });
    emulator.faults.failNext(3, 'ThrottlingException', { operation: 'Converse', message: 'Too many requests, third time.' });

    const error = await rejection(client.chat.completions.create(params));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).bedrockErrorName).toBe('ThrottlingException');
    expect((error as RateLimitError).requestID).toBe(emulator.requests.at(-1)?.requestId);
    expect(emulator.counts.Converse).toBe(3);
    expect(recorder.infos).toHaveLength(2);
  });

  it('lets a per-request maxRetries override the client, both ways', async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 5, onRetry: recorder.onRetry });
    emulator.faults.failNext(5, 'ServiceUnavailableException', { operation: 'Converse' });
    await expect(client.chat.completions.create(params, { maxRetries: 1 })).rejects.toBeInstanceOf(InternalServerError);
    expect(emulator.counts.Converse).toBe(2);

    emulator.reset();
    emulator.faults.failNext(1, 'ServiceUnavailableException', { operation: 'Converse' });
    await expect(client.chat.completions.create(params, { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(emulator.counts.Converse).toBe(1);

    emulator.reset();
    const strict = clients.for(emulator, { maxRetries: 0, onRetry: recorder.onRetry });
    emulator.faults.failNext(3, 'ServiceUnavailableException', { operation: 'Converse' });
    const completion = await strict.chat.completions.create(params, { maxRetries: 3 });
    expect(completion.choices[0]?.message.content).toBe(replyTo(TEN_WORDS));
    expect(emulator.counts.Converse).toBe(4);
  });

  it('calls both the request and the client onRetry hooks', async () => {
    const fromClient = new RetryRecorder({ skipBackoff: false });
    const fromRequest = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 1, onRetry: fromClient.onRetry });
    emulator.faults.failNext(1, 'InternalServerException', { operation: 'Converse' });
    await client.chat.completions.create(params, { onRetry: fromRequest.onRetry });
    expect(fromRequest.infos.map((info) => info.bedrockErrorName)).toEqual(['InternalServerException']);
    expect(fromClient.infos).toEqual(fromRequest.infos);
  });

  it('honours maxRetries from bedrock.json', async () => {
    const path = join(dir, 'retries.json');
    writeFileSync(path, JSON.stringify({ maxRetries: 1 }));
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { configFile: path, onRetry: recorder.onRetry });
    emulator.faults.failNext(2, 'ThrottlingException', { operation: 'Converse' });
    await expect(client.chat.completions.create(params)).rejects.toBeInstanceOf(RateLimitError);
    expect(emulator.counts.Converse).toBe(2);
  });
});

describe('what is retried', () => {
  it.each<[string, { message?: string; status?: number }, string]>([
    ['ThrottlingException', {}, 'RateLimitError'],
    ['ServiceQuotaExceededException', { message: 'Too many tokens, please wait before trying again.' }, 'RateLimitError'],
    ['ServiceUnavailableException', {}, 'InternalServerError'],
    ['InternalServerException', {}, 'InternalServerError'],
    ['ModelNotReadyException', {}, 'RateLimitError'],
    ['ModelTimeoutException', {}, 'APIError'],
    ['TooManyRequestsException', { status: 429 }, 'RateLimitError'],
    ['BadGatewayException', { status: 502 }, 'InternalServerError'],
    ['GatewayTimeoutException', { status: 504 }, 'InternalServerError'],
  ])('%s, once, then success', async (name, options, errorName) => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 1, onRetry: recorder.onRetry });
    emulator.faults.failNext(1, name, { operation: 'Converse', ...options });

    const completion = await client.chat.completions.create(params);

    expect(completion.choices[0]?.message.content).toBe(replyTo(TEN_WORDS));
    expect(emulator.counts.Converse).toBe(2);
    expect(recorder.infos.map((info) => [info.attempt, info.errorName, info.bedrockErrorName])).toEqual([[1, errorName, name]]);
  });

  it('retries a connection reset (TCP RST) and counts the attempts at the socket', async () => {
    const proxy = await startTcpProxy(emulator.port);
    try {
      const recorder = new RetryRecorder();
      const client = clients.for(emulator, { endpoint: proxy.url, maxRetries: 2, onRetry: recorder.onRetry });
      proxy.resetNext(2);
      const completion = await client.chat.completions.create(params);
      expect(completion.choices[0]?.message.content).toBe(replyTo(TEN_WORDS));
      expect(proxy.accepted).toBe(3);
      expect(emulator.counts.Converse).toBe(1);
      expect(recorder.infos.map((info) => info.error)).toEqual([expect.any(APIConnectionError), expect.any(APIConnectionError)]);
      client.close();
    } finally {
      await proxy.close();
    }
  });

  // The SDK's NodeHttpHandler renames ECONNRESET/EPIPE errors to `TimeoutError` (to make its own retry strategy
  // treat them as transient); `fromAwsError` then reports a reset as "Request timed out: connect ECONNRESET …", an
  // APIConnectionTimeoutError. Still retried, but the README promises APIConnectionError for resets. See the report.
  it('reports a connection reset as an APIConnectionError, not a timeout', async () => {
    const proxy = await startTcpProxy(emulator.port);
    try {
      const client = clients.for(emulator, { endpoint: proxy.url, maxRetries: 0 });
      proxy.resetNext(1);
      const error = await rejection(client.chat.completions.create(params));
      expect(error).toBeInstanceOf(APIConnectionError);
      expect((error as Error).name).toBe('APIConnectionError');
      expect((error as Error).message).not.toMatch(/timed out/i);
      client.close();
    } finally {
      await proxy.close();
    }
  });

  it('retries a refused connection, then fails with an APIConnectionError', async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { endpoint: `http://127.0.0.1:${await closedPort()}`, maxRetries: 2, onRetry: recorder.onRetry });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(recorder.infos.map((info) => [info.attempt, info.errorName])).toEqual([
      [1, 'APIConnectionError'],
      [2, 'APIConnectionError'],
    ]);
  });

  it('retries a credential provider that cannot reach its endpoint (a network error)', async () => {
    let calls = 0;
    const provider = async () => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('connect ECONNREFUSED 169.254.169.254:80'), { code: 'ECONNREFUSED' });
      return emulator.credentials;
    };
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { credentials: provider, maxRetries: 1, onRetry: recorder.onRetry });
    const completion = await client.chat.completions.create(params);
    expect(completion.choices[0]?.message.content).toBe(replyTo(TEN_WORDS));
    expect(calls).toBe(2);
    expect(emulator.counts.Converse).toBe(1);
    expect(recorder.infos.map((info) => info.errorName)).toEqual(['APIConnectionError']);
  });

  // The SDK's own HTTP (container) credential provider wraps a refused connection in a CredentialsProviderError,
  // which the client maps to a non-retryable AuthenticationError: see the report (bug: credential network failures).
  it('retries the SDK container-credentials provider (fromHttp) when its endpoint refuses the connection', async () => {
    const session = { accessKeyId: 'AKIDCONTAINERROLE001', secretAccessKey: 'containerRoleSecretKeyEXAMPLE00000000000', sessionToken: 'container-session-token' };
    const tokenEmulator = await startEmulator({ credentials: [session] });
    const port = await closedPort();
    let server: http.Server | undefined;
    try {
      const recorder = new RetryRecorder({
        then: () => {
          // The credentials endpoint comes up during the backoff.
          server = http.createServer((_request, response) => {
            response.setHeader('content-type', 'application/json');
            response.end(
              JSON.stringify({
                AccessKeyId: session.accessKeyId,
                SecretAccessKey: session.secretAccessKey,
                Token: session.sessionToken,
                Expiration: new Date(Date.now() + 3_600_000).toISOString(),
              }),
            );
          });
          server.listen(port, '127.0.0.1');
        },
      });
      const provider = fromHttp({ awsContainerCredentialsFullUri: `http://127.0.0.1:${port}/credentials`, maxRetries: 0, timeout: 1_000 });
      const client = clients.for(tokenEmulator, { credentials: provider, maxRetries: 2, onRetry: recorder.onRetry });
      const completion = await client.chat.completions.create(params);
      expect(completion.choices[0]?.message.content).toBe(replyTo(TEN_WORDS));
      expect(recorder.infos[0]?.errorName).toBe('APIConnectionError');
    } finally {
      server?.close();
      await tokenEmulator.close();
    }
  });
});

describe('what is never retried', () => {
  it.each<[string, { message?: string; status?: number }, new (...args: never[]) => APIError]>([
    ['ValidationException', {}, BadRequestError],
    ['AccessDeniedException', {}, PermissionDeniedError],
    ['ResourceNotFoundException', {}, NotFoundError],
    ['ServiceQuotaExceededException', { message: 'You have reached the maximum number of provisioned models for your account.' }, RateLimitError],
    ['ModelErrorException', {}, UnprocessableEntityError],
    ['UnrecognizedClientException', { status: 403, message: 'The security token included in the request is invalid.' }, AuthenticationError],
    ['InvalidSignatureException', { status: 403, message: 'Signature expired.' }, AuthenticationError],
    ['ExpiredTokenException', { status: 403, message: 'The security token included in the request is expired' }, AuthenticationError],
  ])('%s', async (name, options, errorClass) => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 2, onRetry: recorder.onRetry });
    emulator.faults.failNext(1, name, { operation: 'Converse', ...options });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(errorClass);
    expect((error as APIError).bedrockErrorName).toBe(name);
    expect(emulator.counts.Converse).toBe(1);
    expect(recorder.infos).toEqual([]);
  });

  it('a real authentication failure (wrong secret key, wrong API key)', async () => {
    const recorder = new RetryRecorder();
    const wrongSecret = clients.for(emulator, {
      credentials: { ...emulator.credentials, secretAccessKey: 'wrongSecretKeyEXAMPLE000000000000000000' },
      maxRetries: 2,
      onRetry: recorder.onRetry,
    });
    await expect(wrongSecret.chat.completions.create(params)).rejects.toBeInstanceOf(AuthenticationError);
    const wrongKey = clients.for(emulator, { credentials: undefined, apiKey: 'bedrock-api-key-d3Jvbmcta2V5', maxRetries: 2, onRetry: recorder.onRetry });
    await expect(wrongKey.chat.completions.create(params)).rejects.toBeInstanceOf(AuthenticationError);
    expect(emulator.counts.Converse).toBe(2);
    expect(recorder.infos).toEqual([]);
  });
});

describe('streams', () => {
  const streamParams = { ...params, stream: true as const };

  it.each<[string, Parameters<EmulatorHandle['faults']['add']>[0], string]>([
    ['an HTTP error', { error: { name: 'ThrottlingException' } }, 'ThrottlingException'],
    ['an exception frame before any event', { breakAfterFrames: 0, breakWith: { name: 'ServiceUnavailableException' } }, 'ServiceUnavailableException'],
    ['an internal error frame before any event', { breakAfterFrames: 0, breakWith: { name: 'InternalServerException' } }, 'InternalServerException'],
  ])('retries %s before the first chunk, and the text is whole', async (_what, fault, bedrockErrorName) => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 1, onRetry: recorder.onRetry });
    emulator.faults.add({ operation: 'ConverseStream', ...fault });

    const { data: stream, response } = await client.chat.completions.create(streamParams).withResponse();
    const read = await readStream(stream);

    expect(read.error).toBeUndefined();
    expect(read.text).toBe(replyTo(TEN_WORDS));
    expect(read.finishReason).toBe('stop');
    expect(emulator.counts.ConverseStream).toBe(2);
    expect(response.attempts).toBe(2);
    expect(recorder.infos.map((info) => info.bedrockErrorName)).toEqual([bedrockErrorName]);
  });

  // The reset arrives while the SDK reads the first event: its error carries `$metadata.httpStatusCode: 200` and
  // `code: 'ECONNRESET'` ("aborted"), and `fromAwsError` maps it by the 200 to a plain, non-retryable APIError.
  // See the report (bug: stream reset before the first event).
  it('retries a connection reset before the first event', async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 1, onRetry: recorder.onRetry });
    emulator.faults.add({ operation: 'ConverseStream', breakAfterFrames: 0, breakWith: 'reset' });
    const read = await readStream(await client.chat.completions.create(streamParams));
    expect(read.error).toBeUndefined();
    expect(read.text).toBe(replyTo(TEN_WORDS));
    expect(emulator.counts.ConverseStream).toBe(2);
    expect(recorder.infos.map((info) => info.errorName)).toEqual(['APIConnectionError']);
  });

  it('does not retry a non-retryable exception frame before the first event', async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 2, onRetry: recorder.onRetry });
    emulator.faults.add({ operation: 'ConverseStream', breakAfterFrames: 0, breakWith: { name: 'ValidationException', message: 'Bad stream input.' } });
    const error = await rejection(client.chat.completions.create(streamParams));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toContain('Bad stream input.');
    expect(emulator.counts.ConverseStream).toBe(1);
    expect(recorder.infos).toEqual([]);
  });

  // Frame 0 is messageStart (the role chunk); frames 1 and 2 carry three words each.
  it.each<[string, 'reset' | { name: string; message?: string }, new (...args: never[]) => APIError]>([
    ['a ModelStreamErrorException frame', { name: 'ModelStreamErrorException', message: 'The model stream broke.' }, UnprocessableEntityError],
    ['a ThrottlingException frame (retryable before the first chunk, not after)', { name: 'ThrottlingException' }, RateLimitError],
    ['an InternalServerException frame', { name: 'InternalServerException' }, InternalServerError],
    ['a connection reset', 'reset', APIConnectionError],
  ])('after the first chunk, %s is thrown after the chunks already delivered, and nothing is replayed', async (_what, breakWith, errorClass) => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 2, onRetry: recorder.onRetry });
    emulator.faults.add({ operation: 'ConverseStream', breakAfterFrames: 3, breakWith });

    const read = await readStream(await client.chat.completions.create(streamParams));

    expect(read.error).toBeInstanceOf(errorClass);
    expect(read.text).toBe(firstDeltas(replyTo(TEN_WORDS), 2));
    expect(read.chunks.map((chunk) => chunk.choices[0]?.delta.content ?? null)).toEqual([
      null, // the role chunk
      firstDeltas(replyTo(TEN_WORDS), 1),
      firstDeltas(replyTo(TEN_WORDS), 2).slice(firstDeltas(replyTo(TEN_WORDS), 1).length),
    ]);
    expect(read.chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(read.finishReason).toBeNull();
    expect(emulator.counts.ConverseStream).toBe(1);
    expect(recorder.infos).toEqual([]);
  });
});

describe('embeddings', () => {
  it('honours a per-request maxRetries', async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator);
    emulator.faults.failNext(2, 'InternalServerException', { operation: 'InvokeModel' });
    await expect(client.embeddings.create({ model: EMBEDDING_MODEL, input: 'hello' }, { maxRetries: 1, onRetry: recorder.onRetry })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(emulator.counts.InvokeModel).toBe(2);
    expect(recorder.infos.map((info) => info.bedrockErrorName)).toEqual(['InternalServerException']);
  });

  it("honours the client's maxRetries", async () => {
    const client = clients.for(emulator, { maxRetries: 0 });
    emulator.faults.failNext(1, 'InternalServerException', { operation: 'InvokeModel' });
    await expect(client.embeddings.create({ model: EMBEDDING_MODEL, input: 'hello' })).rejects.toBeInstanceOf(InternalServerError);
    expect(emulator.counts.InvokeModel).toBe(1);
  });

  it("reports retries to the client's onRetry", async () => {
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 1, onRetry: recorder.onRetry });
    emulator.faults.failNext(1, 'ServiceUnavailableException', { operation: 'InvokeModel' });
    const result = await client.embeddings.create({ model: EMBEDDING_MODEL, input: 'hello' });
    expect(result.data).toHaveLength(1);
    expect(emulator.counts.InvokeModel).toBe(2);
    expect(recorder.infos.map((info) => info.bedrockErrorName)).toEqual(['ServiceUnavailableException']);
  });
});

describe('the retry log line', () => {
  it('is written at info level, naming the attempt, the exception and the delay', async () => {
    const lines: string[] = [];
    const recorder = new RetryRecorder();
    const client = clients.for(emulator, { maxRetries: 1, onRetry: recorder.onRetry, logLevel: 'info', logger: { info: (line) => lines.push(line) } });
    emulator.faults.failNext(1, 'ThrottlingException', { operation: 'Converse' });
    await client.chat.completions.create(params);
    expect(lines).toEqual([`bedrock-openai: attempt 1 failed (ThrottlingException); retrying in ${recorder.infos[0]?.delayMs} ms`]);
  });
});
