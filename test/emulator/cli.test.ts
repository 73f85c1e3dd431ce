import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clockSkewMessage } from '../../src/emulator/auth.js';

const cliPath = fileURLToPath(new URL('../../src/emulator/cli.ts', import.meta.url));

describe('bedrock-openai-emulator CLI', () => {
  it('prints the URL, region and credentials, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, '--port', '0', '--region', 'eu-west-1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('Ctrl+C')) resolve(text);
      });
      child.once('exit', (code) => reject(new Error(`CLI exited early (${code}): ${text}`)));
    });
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url).toBeDefined();
    expect(output).toMatch(/region:\s+eu-west-1/);
    expect(output).toMatch(/access key ID:\s+AKIAEMULATOREXAMPLE01/);
    expect(output).toMatch(/API key \(bearer\):\s+bedrock-api-key-/);
    const health = await fetch(`${url}/__emulator/health`);
    expect(await health.json()).toEqual({ ok: true });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('rejects a bad --port', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port must be an integer/);
  });
});

describe('clockSkewMessage', () => {
  const now = new Date('2026-01-02T03:04:05Z');
  it.each([
    [new Date('2026-01-02T03:04:05Z'), undefined],
    [new Date('2026-01-02T02:59:05Z'), undefined],
    [new Date('2026-01-02T02:59:04Z'), 'Signature expired: 20260102T025904Z is now earlier than 20260102T025905Z (20260102T030405Z - 5 min.)'],
    [new Date('2026-01-02T03:09:06Z'), 'Signature not yet current: 20260102T030906Z is still later than 20260102T030905Z (20260102T030405Z + 5 min.)'],
  ])('%s', (signedAt, expected) => {
    expect(clockSkewMessage(signedAt, now)).toBe(expected);
  });
});
