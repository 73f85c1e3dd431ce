/**
 * `bedrock-openai serve`: its arguments (table tests of parseServeArgs) and, in a child process against the
 * emulator, the printed URL and the SIGTERM drain: in-flight streams finish within the grace period, streams that
 * outlast it end with an error event, and the process exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { parseServeArgs } from '../../src/server/options.js';
import { chatBody, readSse } from '../http/helpers.js';

const cliPath = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));

describe('parseServeArgs', () => {
  const parse = (argv: string[], env: Record<string, string> = {}) => {
    const args = parseServeArgs(argv, env);
    if (args.help) throw new Error('help');
    return args;
  };

  it('defaults: loopback, port 8080, no keys, info logs, nothing else set', () => {
    expect(parse([])).toEqual({ help: false, server: { host: '127.0.0.1', port: 8080, apiKeys: [] }, client: { logLevel: 'info' } });
  });

  it.each([
    [['--port', '9000'], {}, { port: 9000 }],
    [[], { PORT: '7000' }, { port: 7000 }],
    [['-p', '9001'], { PORT: '7000' }, { port: 9001 }],
    [['--host', '0.0.0.0', '--api-key', 'k1-0123456789abcdef', '--api-key', 'k2-0123456789abcdef'], {}, { host: '0.0.0.0', apiKeys: ['k1-0123456789abcdef', 'k2-0123456789abcdef'] }],
    [[], { BEDROCK_OPENAI_API_KEYS: ' a-0123456789abcdef , b-0123456789abcdef,' }, { apiKeys: ['a-0123456789abcdef', 'b-0123456789abcdef'] }],
    [['--max-body-bytes', '1000', '--max-concurrent', '4', '--request-timeout-ms', '0', '--heartbeat-ms', '500', '--shutdown-grace-ms', '100'], {}, {
      maxBodyBytes: 1000,
      maxConcurrentRequests: 4,
      requestTimeoutMs: 0,
      heartbeatMs: 500,
      shutdownGraceMs: 100,
    }],
    [['--cors', '*'], {}, { cors: '*' }],
    [['--keep-alive-timeout-ms', '65000'], {}, { keepAliveTimeoutMs: 65_000 }],
  ])('%j with %j', (argv, env, expected) => {
    expect(parse(argv, env).server).toMatchObject(expected);
  });

  it('reads a keys file (one per line, # comments) on top of the flag and the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bedrock-openai-keys-'));
    const file = join(dir, 'keys');
    writeFileSync(file, '# gateway keys\nfile-key-0123456789ab\n\n');
    expect(parse(['--api-keys-file', file, '--api-key', 'flag-key-0123456789a'], { BEDROCK_OPENAI_API_KEYS: 'env-key-0123456789ab' }).server.apiKeys).toEqual([
      'flag-key-0123456789a',
      'env-key-0123456789ab',
      'file-key-0123456789ab',
    ]);
    expect(() => parse(['--api-keys-file', join(dir, 'missing')])).toThrow(/Cannot read the API keys file .*ENOENT/);
  });

  it('passes the Client settings through for the Client to resolve', () => {
    expect(parse(['--region', 'eu-west-1', '--profile', 'dev', '--endpoint', 'http://127.0.0.1:4599', '--config', './bedrock.json', '--log-level', 'warn']).client).toEqual({
      region: 'eu-west-1',
      profile: 'dev',
      endpoint: 'http://127.0.0.1:4599',
      configFile: './bedrock.json',
      logLevel: 'warn',
    });
    expect(parse([], { BEDROCK_OPENAI_LOG: 'debug' }).client.logLevel).toBe('debug');
  });

  it.each<[string[], RegExp, Record<string, string>]>([
    [['--port', 'eighty'], /--port must be a whole number/, {}],
    [[], /PORT must be a whole number/, { PORT: '70000' }],
    [['--max-concurrent', '0'], /--max-concurrent must be a whole number from 1/, {}],
    [['--keep-alive-timeout-ms', '0'], /--keep-alive-timeout-ms must be a whole number from 1/, {}],
    [['--log-level', 'loud'], /--log-level must be one of/, {}],
    [['--bogus'], /Unknown option '--bogus'/, {}],
  ])('%j is refused', (argv, message, env) => {
    expect(() => parseServeArgs(argv, env)).toThrow(message);
  });

  it('--help', () => {
    expect(parseServeArgs(['--help'], {})).toEqual({ help: true });
  });
});

describe('bedrock-openai serve (child process)', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  async function startCli(extra: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
    const env = {
      PATH: process.env['PATH'] ?? '',
      AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    };
    const config = join(mkdtempSync(join(tmpdir(), 'bedrock-openai-serve-')), 'bedrock.json');
    writeFileSync(config, '{}');
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, 'serve', '--port', '0', '--endpoint', emulator.url, '--config', config, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (): void => {
        const match = /serving OpenAI's API at (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(text);
        if (match !== null) resolve(match[1]!);
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`serve exited early (${code}): ${text}`)));
    });
    return { child, url, output: () => text };
  }

  it('prints its URL and refuses a public bind without keys (exit 1)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, 'serve', '--host', '0.0.0.0', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    expect(stderr).toMatch(/Refusing to listen on 0\.0\.0\.0 without API keys/);
  });

  it('SIGTERM: an in-flight stream finishes within the grace period, new requests are refused, exit 0', async () => {
    const { child, url, output } = await startCli(['--shutdown-grace-ms', '10000']);
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 100 });
    const response = await fetch(`${url}/chat/completions`, { method: 'POST', body: chatBody('one two three four five', { stream: true }) });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const body = readSse(response);
    await expect.poll(() => fetch(`${url}/models`).then((refused) => refused.status, () => 'refused'), { timeout: 5_000 }).toBe('refused');
    const { events } = await body.catch((error: unknown) => {
      throw new Error(`${String(error)}; output: ${output()}`);
    });
    expect(events.at(-1)!.data).toBe('[DONE]');
    expect(events.slice(0, -1).map((event) => (JSON.parse(event.data) as { choices: Array<{ delta: { content?: string } }> }).choices[0]?.delta.content ?? '').join('')).toBe(
      'You said: one two three four five',
    );
    expect(await exited).toBe(0);
    expect(output()).toMatch(/SIGTERM: draining 1 request/);
    expect(output()).toMatch(/stopped\n/);
  }, 60_000);

  it('SIGTERM: a stream that outlasts the grace period ends with an error event; exit 0', async () => {
    const { child, url, output } = await startCli(['--shutdown-grace-ms', '300']);
    emulator.faults.add({ operation: 'ConverseStream', frameDelayMs: 200 });
    const response = await fetch(`${url}/chat/completions`, { method: 'POST', body: chatBody('a b c d e f g h i j k l m n o p', { stream: true }) });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const { events, text } = await readSse(response);
    expect(text).not.toContain('[DONE]');
    expect(events.at(-1)!.event).toBe('error');
    expect(JSON.parse(events.at(-1)!.data).error).toMatchObject({ code: 'server_shutting_down', type: 'server_error' });
    expect(await exited).toBe(0);
    expect(output()).toMatch(/cut short/);
  }, 60_000);
});
