/**
 * Every attempt is signed afresh, so a long backoff never meets "Signature expired". The emulator checks the SigV4
 * signing time against a clock we control (`now`); the client's clock is Node's `Date`, moved with fake timers
 * (only `Date` is faked: sockets and timers stay real). During the backoff both clocks jump 6 minutes: the retry
 * succeeds only if it was signed at the new time. The negative control moves only the emulator's clock and shows
 * that a signature 6 minutes old is refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthenticationError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CHAT_MODEL, Clients, rejection, replyTo, RetryRecorder } from './helpers.js';

const SIX_MINUTES = 6 * 60 * 1000;

/** Real wall-clock milliseconds, unaffected by faked `Date`. */
const realNow = (): number => performance.timeOrigin + performance.now();

let emulator: EmulatorHandle;
let emulatorOffset = 0;
const clients = new Clients();

beforeAll(async () => {
  emulator = await startEmulator({ now: () => realNow() + emulatorOffset });
});
afterEach(() => {
  vi.useRealTimers();
  emulatorOffset = 0;
  emulator.reset();
});
afterAll(async () => {
  clients.closeAll();
  await emulator.close();
});

const params = { model: CHAT_MODEL, messages: [{ role: 'user' as const, content: 'sign me again' }] };

describe('signing on retry', () => {
  it('signs the retry afresh: it succeeds after both clocks jump 6 minutes during the backoff', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(realNow());
    const recorder = new RetryRecorder({
      then: () => {
        emulatorOffset += SIX_MINUTES;
        vi.setSystemTime(Date.now() + SIX_MINUTES);
      },
    });
    const client = clients.for(emulator, { maxRetries: 1, onRetry: recorder.onRetry });
    emulator.faults.failNext(1, 'ThrottlingException', { operation: 'Converse' });

    const { data, response } = await client.chat.completions.create(params).withResponse();

    expect(data.choices[0]?.message.content).toBe(replyTo('sign me again'));
    expect(response.attempts).toBe(2);
    expect(emulator.requests.map((request) => request.status)).toEqual([429, 200]);
    expect(recorder.infos).toHaveLength(1);
  });

  it('signs each stream attempt afresh too', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(realNow());
    const recorder = new RetryRecorder({
      then: () => {
        emulatorOffset += SIX_MINUTES;
        vi.setSystemTime(Date.now() + SIX_MINUTES);
      },
    });
    const client = clients.for(emulator, { maxRetries: 1, onRetry: recorder.onRetry });
    emulator.faults.add({ operation: 'ConverseStream', breakAfterFrames: 0, breakWith: { name: 'ThrottlingException' } });

    const stream = await client.chat.completions.create({ ...params, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';

    expect(text).toBe(replyTo('sign me again'));
    expect(emulator.counts.ConverseStream).toBe(2);
  });

  it('negative control: the emulator refuses a signature 6 minutes older than its clock', async () => {
    const recorder = new RetryRecorder({
      then: () => {
        // Only the emulator's clock moves: the retry is signed at the client's (unchanged) time.
        emulatorOffset += SIX_MINUTES;
      },
    });
    const client = clients.for(emulator, { maxRetries: 2, onRetry: recorder.onRetry });
    emulator.faults.failNext(1, 'ThrottlingException', { operation: 'Converse' });

    const error = await rejection(client.chat.completions.create(params));

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).bedrockErrorName).toBe('InvalidSignatureException');
    expect((error as Error).message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    // The auth failure is not retried: one throttled attempt, one refused.
    expect(emulator.requests.map((request) => [request.status, request.errorType])).toEqual([
      [429, 'ThrottlingException'],
      [403, 'InvalidSignatureException'],
    ]);
  });
});
