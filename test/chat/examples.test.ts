/**
 * The structured-output, reasoning and caching examples run against the emulator (as a user runs them, with tsx,
 * in a child process whose environment says to use the emulator).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

async function runExample(name: string): Promise<string> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: root, BEDROCK_OPENAI_USE_EMULATOR: '1', AWS_EC2_METADATA_DISABLED: 'true' };
  const { stdout } = await run(tsx, [`examples/${name}.ts`], { cwd: root, env, timeout: 30_000 });
  return stdout;
}

describe('examples', () => {
  it('json-schema.ts parses the JSON it gets, streamed and not', async () => {
    const output = await runExample('json-schema');
    expect(output).toContain('local Bedrock emulator');
    expect(output).toMatch(/finish_reason: stop/);
    expect(output).toMatch(/streamed in \d+ deltas/);
    expect(output).toMatch(/json_object: \{/);
  });

  it('reasoning.ts shows signed reasoning and finishes the tool loop', async () => {
    const output = await runExample('reasoning');
    expect(output).toContain("reasoning blocks: [ 'text (signed)' ]");
    expect(output).toContain('answer: Tool get_weather returned: 17°C, light rain');
  });

  it('stream.ts streams, cancels by break and by signal (Client.APIUserAbortError), and iterates models.list()', async () => {
    const output = await runExample('stream');
    expect(output).toMatch(/\[finish_reason: stop\]/);
    expect(output).toMatch(/request cancelled: true/);
    expect(output).toContain('aborted by the signal: APIUserAbortError');
    expect(output).toMatch(/the catalog lists [1-9]\d* Claude models/);
  });

  it('caching.ts writes the cache, then reads it', async () => {
    const output = await runExample('caching');
    expect(output).toMatch(/first request \(writes the cache\): prompt (\d+) \(cache read 0, cache write [1-9]\d*\)/);
    expect(output).toMatch(/second request \(reads it\): prompt \d+ \(cache read [1-9]\d*, cache write 0\)/);
  });

  it('legacy-functions.ts runs a function loop in the legacy shape', async () => {
    const output = await runExample('legacy-functions');
    expect(output).toContain('finish_reason: function_call');
    expect(output).toContain('function_call: get_weather({"city":"Lisbon"})');
    expect(output).toContain('streamed arguments: {"city":"Lisbon"}');
    expect(output).toContain('answer: Tool get_weather returned: {"city":"Lisbon","temperature_c":21,"sky":"clear"}');
  });
});
