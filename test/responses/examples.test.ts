/** examples/responses.ts runs against the emulator, as a user runs it (tsx, in a child process). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

it('responses.ts runs its tool loop over previous_response_id, streams, and reads a file by file_id', async () => {
  const env = { PATH: process.env['PATH'] ?? '', HOME: root, BEDROCK_OPENAI_USE_EMULATOR: '1', AWS_EC2_METADATA_DISABLED: 'true' };
  const { stdout } = await run(tsx, ['examples/responses.ts'], { cwd: root, env, timeout: 60_000 });
  expect(stdout).toContain('local Bedrock emulator');
  expect(stdout).toMatch(/turn 1: get_weather\(\{"city":".*"\}\) → \{"city"/);
  expect(stdout).toContain('answer: Tool get_weather returned: {"city"');
  expect(stdout).toMatch(/status: completed; usage: \d+ in, \d+ out/);
  expect(stdout).toMatch(/streamed in \d+ deltas: You said: Say hello to Lisbon/);
  expect(stdout).toMatch(/file file-[0-9a-f]{24} \(report\.pdf\): You said: Summarise the report/);
}, 90_000);
