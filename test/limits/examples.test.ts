/** examples/quota.ts runs against the emulator, as a user runs it (tsx, in a child process). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

it('examples/quota.ts paces 60 calls under a declared quota without a throttle', async () => {
  const env = { PATH: process.env['PATH'] ?? '', HOME: root, AWS_EC2_METADATA_DISABLED: 'true' };
  const { stdout } = await run(tsx, ['examples/quota.ts'], { cwd: root, env, timeout: 60_000 });
  expect(stdout).toMatch(/60 replies in \d+\.\d s/);
  expect(stdout).toContain('limiter: amazon.nova-lite-v1:0, 60 admitted, 0 throttled, 600 requests/min');
  expect(stdout).toContain('emulator: 0 throttled');
  expect(stdout).not.toContain('throttled (');
}, 90_000);
