/**
 * The published package works: `npm pack` ships the built `dist/`, the tarball installs in an empty folder, and
 * plain Node (no TypeScript, no tsx) imports `bedrock-openai` and `bedrock-openai/emulator` and makes a call.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');

describe('npm pack', () => {
  it('installs in an empty folder and works from plain Node', () => {
    const work = mkdtempSync(join(tmpdir(), 'bedrock-openai-pack-'));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((file) => file.path);
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/src/emulator/index.js');
    expect(files).toContain('dist/src/emulator/cli.js');
    expect(files.some((path) => path.startsWith('test/') || path.startsWith('src/'))).toBe(false);

    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', type: 'module', private: true }));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed[0]!.filename)], {
      cwd: app,
      stdio: 'ignore',
    });
    expect(readdirSync(join(app, 'node_modules', 'bedrock-openai'))).toContain('dist');

    writeFileSync(
      join(app, 'main.mjs'),
      `import { Client, RateLimitError } from 'bedrock-openai';
import { startEmulator } from 'bedrock-openai/emulator';
const emulator = await startEmulator();
const client = new Client({ endpoint: emulator.url, credentials: emulator.credentials, configFile: false });
const completion = await client.chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'packed hello' }] });
console.log(JSON.stringify({ object: completion.object, content: completion.choices[0].message.content, rateLimit: typeof RateLimitError }));
client.close();
await emulator.close();
`,
    );
    const output = execFileSync(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    const result = JSON.parse(output.trim().split('\n').at(-1)!) as { object: string; content: string; rateLimit: string };
    expect(result.object).toBe('chat.completion');
    expect(result.content).toContain('packed hello');
    expect(result.rateLimit).toBe('function');
  }, 240_000);
});
