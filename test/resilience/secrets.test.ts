/**
 * Privacy: every error path is driven with distinctive access keys, secret keys, session tokens and bearer keys,
 * and none of them may appear in an error's `message`, `stack`, `JSON.stringify(error)`, its `cause` chain (walked
 * and inspected with hidden properties), the debug log, or the payloads of `onRetry` and `onWarning`. Signatures
 * and `Authorization` header values must not appear either.
 *
 * The access key ID is deliberately not in the `AKIA…`/`ASIA…` form, so that only the client's knowledge of its
 * own secrets (not a pattern) can scrub it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ClientOptions } from '../../src/client.js';
import { BedrockOpenAIError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CHAT_MODEL, Clients, closedPort, readStream, rejection, RetryRecorder, startTcpProxy, thrown, type TcpProxy } from './helpers.js';

const ACCESS_KEY = 'AKIDPRIVACYPROBE0042';
const SECRET_KEY = 'privacyProbeSecretKeyQWERTY0123456789zzzz';
const SESSION_TOKEN = 'IQoJprivacyProbeSessionTokenFwoGZXIvYXdzEJr0123456789abcdef';
const BEARER_PAYLOAD = Buffer.from('privacy-probe-bearer-key-7788:AbCdEf').toString('base64');
const BEARER = `bedrock-api-key-${BEARER_PAYLOAD}`;
const LONG_TERM_KEY = 'ABSKcHJpdmFjeVByb2JlTG9uZ1Rlcm1LZXk5OTk5OTk=';
const BAD_PREFIX_KEY = 'sk-privacyProbeNotABedrockKey0123456789';
const SECRETS = [ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, BEARER, BEARER_PAYLOAD, LONG_TERM_KEY, BAD_PREFIX_KEY];
const keys = { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, sessionToken: SESSION_TOKEN };

/** Things that must never be shown even when they hold no secret of ours. */
const FORBIDDEN_PATTERNS = [/Signature=[0-9a-f]{16,}/i, /AWS4-HMAC-SHA256 Credential=/, /Bearer\s+[A-Za-z0-9]/, /x-amz-security-token:\s*[^*\s]/i];

/** Knows our key pair and session token. */
let trusting: EmulatorHandle;
/** Knows our access key with another secret key. */
let otherSecret: EmulatorHandle;
/** Knows our key pair with another session token. */
let otherToken: EmulatorHandle;
/** Knows none of our keys. */
let stranger: EmulatorHandle;
let proxy: TcpProxy;
const clients = new Clients();
const dir = mkdtempSync(join(tmpdir(), 'bedrock-openai-secrets-'));

beforeAll(async () => {
  [trusting, otherSecret, otherToken, stranger] = await Promise.all([
    startEmulator({ credentials: [keys], apiKeys: [BEARER, LONG_TERM_KEY] }),
    startEmulator({ credentials: [{ ...keys, secretAccessKey: 'someOtherSecretKeyEXAMPLE000000000000000' }] }),
    startEmulator({ credentials: [{ ...keys, sessionToken: 'some-other-session-token' }] }),
    startEmulator(),
  ]);
  proxy = await startTcpProxy(trusting.port);
});
afterAll(async () => {
  clients.closeAll();
  await proxy.close();
  await Promise.all([trusting, otherSecret, otherToken, stranger].map((emulator) => emulator.close()));
});

/** Everything one error path produced that a user could see or log. */
interface Observed {
  error: unknown;
  logs: string[];
  retries: unknown[];
  warnings: unknown[];
}

/** A client that logs everything at debug level and records every hook payload into `observed`. */
function observedClient(emulator: EmulatorHandle, options: ClientOptions, observed: Observed): Client {
  const log = (level: string) => (line: string) => observed.logs.push(`${level}: ${line}`);
  const recorder = new RetryRecorder({ then: (info) => observed.retries.push(info) });
  return clients.for(emulator, {
    credentials: keys,
    logLevel: 'debug',
    logger: { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') },
    onRetry: recorder.onRetry,
    onWarning: (warning) => observed.warnings.push(warning),
    maxRetries: 0,
    ...options,
  });
}

/** Every text a user could see from an error: message, stack, JSON, headers, and the whole cause chain. */
function errorTexts(error: unknown): string[] {
  const texts: string[] = [inspect(error, { showHidden: true, depth: 10 })];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    if (current instanceof Error) {
      texts.push(current.message, current.stack ?? '', JSON.stringify(current), String(current));
      current = current.cause;
    } else {
      texts.push(typeof current === 'string' ? current : JSON.stringify(current) ?? String(current));
      break;
    }
  }
  return texts;
}

function expectNoSecrets(observed: Observed): void {
  const texts = [
    ...errorTexts(observed.error),
    ...observed.logs,
    ...observed.retries.flatMap((info) => [inspect(info, { showHidden: true, depth: 10 }), ...errorTexts((info as { error: unknown }).error)]),
    ...observed.warnings.map((warning) => JSON.stringify(warning)),
  ];
  for (const text of texts) {
    for (const secret of SECRETS) expect(text, `a secret leaked into: ${text.slice(0, 300)}`).not.toContain(secret);
    for (const pattern of FORBIDDEN_PATTERNS) expect(text, `a signature or auth header leaked into: ${text.slice(0, 300)}`).not.toMatch(pattern);
  }
}

const params = { model: CHAT_MODEL, messages: [{ role: 'user' as const, content: 'one two three four five six seven eight nine' }] };

type Path = [string, (observed: Observed) => Promise<unknown>];

const PATHS: Path[] = [
  ['SigV4 with a wrong secret key (InvalidSignatureException)', (o) => observedClient(otherSecret, {}, o).chat.completions.create(params)],
  ['SigV4 with a wrong session token (UnrecognizedClientException)', (o) => observedClient(otherToken, {}, o).chat.completions.create(params)],
  ['SigV4 with an unknown access key', (o) => observedClient(stranger, {}, o).chat.completions.create(params)],
  ['SigV4 through a credential provider function, wrong secret', (o) => observedClient(otherSecret, { credentials: async () => keys }, o).chat.completions.create(params)],
  ['an unknown short-term bearer key', (o) => observedClient(stranger, { credentials: undefined, apiKey: BEARER }, o).chat.completions.create(params)],
  ['an unknown long-term (ABSK) bearer key', (o) => observedClient(stranger, { credentials: undefined, apiKey: LONG_TERM_KEY }, o).chat.completions.create(params)],
  ['a bearer key without a Bedrock prefix', (o) => observedClient(trusting, { credentials: undefined, apiKey: BAD_PREFIX_KEY }, o).chat.completions.create(params)],
  [
    'throttling until the retries run out (onRetry payloads)',
    (o) => {
      trusting.faults.failNext(3, 'ThrottlingException', { operation: 'Converse' });
      return observedClient(trusting, { maxRetries: 2 }, o).chat.completions.create(params);
    },
  ],
  [
    'a bearer-key client throttled until the retries run out',
    (o) => {
      trusting.faults.failNext(2, 'ServiceUnavailableException', { operation: 'Converse' });
      return observedClient(trusting, { credentials: undefined, apiKey: BEARER, maxRetries: 1 }, o).chat.completions.create(params);
    },
  ],
  [
    'a server message echoing the canonical request (static keys)',
    (o) => {
      trusting.faults.failNext(1, 'InvalidSignatureException', { operation: 'Converse', status: 403, message: CANONICAL_ECHO });
      return observedClient(trusting, {}, o).chat.completions.create(params);
    },
  ],
  [
    'a ValidationException from Bedrock',
    (o) => {
      trusting.faults.failNext(1, 'ValidationException', { operation: 'Converse', message: 'Malformed input request.' });
      return observedClient(trusting, {}, o).chat.completions.create(params);
    },
  ],
  [
    'a stream broken by an exception frame after its first chunks',
    async (o) => {
      trusting.faults.add({ operation: 'ConverseStream', breakAfterFrames: 2, breakWith: { name: 'ModelStreamErrorException' } });
      const read = await readStream(await observedClient(trusting, {}, o).chat.completions.create({ ...params, stream: true }));
      throw read.error;
    },
  ],
  [
    'a stream reset after its first chunks',
    async (o) => {
      trusting.faults.add({ operation: 'ConverseStream', breakAfterFrames: 2, breakWith: 'reset' });
      const read = await readStream(await observedClient(trusting, {}, o).chat.completions.create({ ...params, stream: true }));
      throw read.error;
    },
  ],
  [
    'a stream idle timeout',
    async (o) => {
      trusting.faults.add({ operation: 'ConverseStream', frameDelayMs: 300 });
      const read = await readStream(await observedClient(trusting, { streamIdleTimeout: 50 }, o).chat.completions.create({ ...params, stream: true }));
      throw read.error;
    },
  ],
  [
    'a request timeout',
    (o) => {
      trusting.faults.add({ operation: 'Converse', latencyMs: 300 });
      return observedClient(trusting, { timeout: 50 }, o).chat.completions.create(params);
    },
  ],
  [
    'a user abort',
    (o) => {
      trusting.faults.add({ operation: 'Converse', latencyMs: 300 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 30);
      return observedClient(trusting, {}, o).chat.completions.create(params, { signal: controller.signal });
    },
  ],
  ['a refused connection', async (o) => observedClient(trusting, { endpoint: `http://127.0.0.1:${await closedPort()}`, maxRetries: 1 }, o).chat.completions.create(params)],
  [
    'a connection reset',
    (o) => {
      proxy.resetNext(1);
      return observedClient(trusting, { endpoint: proxy.url }, o).chat.completions.create(params);
    },
  ],
  [
    'an embeddings failure',
    (o) => {
      trusting.faults.failNext(1, 'AccessDeniedException', { operation: 'InvokeModel' });
      return observedClient(trusting, {}, o).embeddings.create({ model: 'titan-embed-text-v2', input: ['a', 'b'] });
    },
  ],
  [
    'an unsupported parameter dropped with a warning, then a failure',
    (o) => {
      trusting.faults.failNext(1, 'InternalServerException', { operation: 'Converse' });
      return observedClient(trusting, { dropUnsupportedParams: true }, o).chat.completions.create({ ...params, seed: 7 });
    },
  ],
  [
    'the AWS credential chain reading our keys from a credentials file, wrong secret',
    (o) => {
      const credentialsFile = join(dir, 'credentials');
      writeFileSync(credentialsFile, `[default]\naws_access_key_id = ${ACCESS_KEY}\naws_secret_access_key = ${SECRET_KEY}\naws_session_token = ${SESSION_TOKEN}\n`);
      const configFile = join(dir, 'config');
      writeFileSync(configFile, '[default]\nregion = us-east-1\n');
      const env = { AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_CONFIG_FILE: configFile, HOME: dir };
      return observedClient(otherSecret, { credentials: undefined, env }, o).chat.completions.create(params);
    },
  ],
  [
    'the AWS credential chain finding a key ID without its secret',
    (o) => {
      const credentialsFile = join(dir, 'half-credentials');
      writeFileSync(credentialsFile, `[default]\naws_access_key_id = ${ACCESS_KEY}\n`);
      const configFile = join(dir, 'empty-config');
      writeFileSync(configFile, '');
      const env = { AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_CONFIG_FILE: configFile, HOME: dir };
      return observedClient(trusting, { credentials: undefined, env }, o).chat.completions.create(params);
    },
  ],
];

/**
 * What an AWS front end may say about a signature mismatch (API Gateway-fronted services do): the canonical request,
 * with the session token header, and the string to sign.
 */
const CANONICAL_ECHO =
  'The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n' +
  `'POST\n/model/x/converse\n\nhost:bedrock-runtime.us-east-1.amazonaws.com\nx-amz-date:20260101T000000Z\nx-amz-security-token:${SESSION_TOKEN}\n\n` +
  `host;x-amz-date;x-amz-security-token\nUNSIGNED-PAYLOAD'\n\nAuthorization=AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20260101/us-east-1/bedrock/aws4_request`;

describe('no secret in any error path', () => {
  it.each(PATHS)('%s', async (_name, run) => {
    const observed: Observed = { error: undefined, logs: [], retries: [], warnings: [] };
    observed.error = await rejection(run(observed));
    expect(observed.error).toBeInstanceOf(BedrockOpenAIError);
    // The debug log did run (the client logs its resolved settings when created).
    expect(observed.logs.some((line) => line.startsWith('debug: bedrock-openai:'))).toBe(true);
    expectNoSecrets(observed);
    trusting.reset();
  });

  // With a credential provider (SSO, assume-role, the default chain) the client never sees the session token, so
  // only a pattern can scrub it; `SECRET_PATTERNS` in src/core/errors.ts knows `X-Amz-Security-Token=` (query form)
  // but not the `x-amz-security-token:` header line of a canonical request. See the report.
  it('a server message echoing the canonical request (credential provider)', async () => {
    const observed: Observed = { error: undefined, logs: [], retries: [], warnings: [] };
    trusting.faults.failNext(1, 'InvalidSignatureException', { operation: 'Converse', status: 403, message: CANONICAL_ECHO });
    observed.error = await rejection(observedClient(trusting, { credentials: async () => keys }, observed).chat.completions.create(params));
    trusting.reset();
    expectNoSecrets(observed);
  });

  it('the checker itself finds a secret in a cause chain, a hidden property, a log line and a hook payload', () => {
    const hidden = new Error('outer');
    Object.defineProperty(hidden, 'request', { value: { headers: { 'x-amz-security-token': SESSION_TOKEN } }, enumerable: false });
    const cases: Observed[] = [
      { error: new Error('outer', { cause: new Error(`inner ${SECRET_KEY}`) }), logs: [], retries: [], warnings: [] },
      { error: hidden, logs: [], retries: [], warnings: [] },
      { error: new Error('clean'), logs: [`debug: key ${ACCESS_KEY}`], retries: [], warnings: [] },
      { error: new Error('clean'), logs: [], retries: [{ error: new Error('clean'), note: BEARER }], warnings: [] },
      { error: new Error('clean'), logs: ['Authorization: Bearer abc'], retries: [], warnings: [] },
    ];
    for (const observed of cases) expect(() => expectNoSecrets(observed)).toThrow();
  });

  it('the retry path really carried payloads to check', async () => {
    const observed: Observed = { error: undefined, logs: [], retries: [], warnings: [] };
    trusting.faults.failNext(3, 'ThrottlingException', { operation: 'Converse' });
    observed.error = await rejection(observedClient(trusting, { maxRetries: 2 }, observed).chat.completions.create(params));
    expect(observed.retries).toHaveLength(2);
    expect(observed.logs.filter((line) => line.startsWith('info: bedrock-openai: attempt'))).toHaveLength(2);
    expectNoSecrets(observed);
    trusting.reset();
  });

  it.each<[string, ClientOptions]>([
    ['apiKey with credentials', { apiKey: BEARER, credentials: keys }],
    ['apiKey with profile', { apiKey: LONG_TERM_KEY, profile: 'team' }],
    ['credentials with profile', { credentials: keys, profile: 'team' }],
    ['credentials without a secret key', { credentials: { accessKeyId: ACCESS_KEY, sessionToken: SESSION_TOKEN } as never }],
    ['credentials with a blank access key', { credentials: { accessKeyId: ' ', secretAccessKey: SECRET_KEY } }],
  ])('configuration errors: %s', (_name, options) => {
    const logs: string[] = [];
    const error = thrown(() =>
      clients.for(trusting, { credentials: undefined, logLevel: 'debug', logger: { debug: (line) => logs.push(line) }, ...options }),
    );
    expect(error).toBeInstanceOf(BedrockOpenAIError);
    expectNoSecrets({ error, logs, retries: [], warnings: [] });
  });

  it('describe() and the debug log name the auth mode, never the keys', () => {
    for (const options of [{ credentials: keys }, { credentials: undefined, apiKey: BEARER }, { credentials: undefined, env: { AWS_BEARER_TOKEN_BEDROCK: LONG_TERM_KEY } }]) {
      const logs: string[] = [];
      const client = clients.for(trusting, { logLevel: 'debug', logger: { debug: (line) => logs.push(line) }, ...options });
      expect(client.describe()).toMatch(/auth: (static AWS keys|Bedrock API key)/);
      expectNoSecrets({ error: client.describe(), logs, retries: [], warnings: [] });
    }
  });
});
