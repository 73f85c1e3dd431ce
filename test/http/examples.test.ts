/**
 * examples/openai-sdk.ts, examples/gateway.ts and examples/langchain.ts run against the emulator, as a user runs
 * them (tsx, in a child process whose environment says to use the emulator). LangChain and the AI SDK need
 * Node ≥ 22: that example is skipped on Node 20.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const major = Number(process.versions.node.split('.')[0]);

async function runExample(name: string): Promise<string> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: root, BEDROCK_OPENAI_USE_EMULATOR: '1', AWS_EC2_METADATA_DISABLED: 'true' };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', `examples/${name}.ts`], { cwd: root, env, timeout: 60_000 });
  return stdout;
}

describe('HTTP API examples', () => {
  it('openai-sdk.ts: create, stream, parse, embeddings and openai’s own error class', async () => {
    const output = await runExample('openai-sdk');
    expect(output).toMatch(/^create: You said: Say hello\. \(request [0-9a-f-]{36}\)$/m);
    expect(output).toContain('stream: You said: Count to five.');
    expect(output).toMatch(/^parse: \{"city":".*","country":".*"\}$/m);
    expect(output).toContain('embeddings: 2 vectors of 1024');
    expect(output).toContain('error: 400 temperature');
  }, 90_000);

  it('gateway.ts: a started server answers the openai SDK, /health, and a wrong key with 401', async () => {
    const output = await runExample('gateway');
    expect(output).toMatch(/^gateway: http:\/\/127\.0\.0\.1:\d+\/v1$/m);
    expect(output).toContain('reply: You said: Hello, gateway!');
    expect(output).toContain('health: 200');
    expect(output).toContain('wrong key: 401');
    expect(output).toContain('closed (0 cut short)');
  }, 90_000);

  it.skipIf(major < 22)('langchain.ts: LangChain and the AI SDK (needs Node ≥ 22: skipped on Node 20)', async () => {
    const output = await runExample('langchain');
    expect(output).toContain('langchain: You said: Say hello from LangChain.');
    expect(output).toMatch(/^langchain structured: \{"name":".*","age":\d+\}$/m);
    expect(output).toContain('langchain embeddings: 2');
    expect(output).toContain('ai sdk: You said: Say hello from the AI SDK.');
    expect(output).toMatch(/^ai sdk object: \{"name":".*","age":\d+\}$/m);
  }, 90_000);
});
