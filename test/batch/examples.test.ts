/** examples/batch-embeddings.ts runs against the emulator (as a user runs it, with tsx, in a child process). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

it('batch-embeddings.ts embeds the corpus and runs the OpenAI batch flow (embeddings, Responses) on the emulator', async () => {
  const env = { PATH: process.env['PATH'] ?? '', HOME: root, BEDROCK_OPENAI_USE_EMULATOR: '1', AWS_EC2_METADATA_DISABLED: 'true' };
  const { stdout, stderr } = await run(tsx, ['examples/batch-embeddings.ts'], { cwd: root, env, timeout: 60_000 });
  expect(stdout).toContain('local Bedrock emulator');
  expect(stdout).toMatch(/corpus: 500 vectors, 0 failures \(batch_[a-z0-9]{12}\)/);
  expect(stdout).toMatch(/batch batch_[a-z0-9]{12}: completed, 100\/100 completed/);
  expect(stdout).toMatch(/first output line: doc-\d+, status 200, 256 dimensions/);
  expect(stdout).toMatch(/responses batch: completed, 100\/100 completed, [1-9]\d* input and [1-9]\d* output tokens/);
  expect(stdout).toMatch(/summary-\d+: You said: Document \d+/);
  // One warning for the parameter dropped from 100 lines.
  expect(stderr.match(/Dropped `prompt_cache_key`/g)).toHaveLength(1);
}, 90_000);
