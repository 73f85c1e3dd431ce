/**
 * The emulator in its own process, for the benchmark: starts `startEmulator({ port: 0 })` from the built package
 * (`dist/`), prints one {@link EmulatorReady} JSON line, then answers `stats` lines on stdin with its CPU time and
 * RSS (one JSON line each). Closes and exits when stdin ends, so it never outlives `bench/run.ts`.
 *
 * Run compiled (see `bench/compile.ts`), with plain `node`: no TypeScript loader in the measured process.
 */
import type { EmulatorReady } from './protocol.js';

const EMULATOR_SPECIFIER = 'bedrock-openai/emulator';

async function main(): Promise<void> {
  const importStarted = performance.now();
  const emulatorModule = (await import(EMULATOR_SPECIFIER)) as typeof import('../src/emulator/index.js');
  const imported = performance.now();
  const emulator = await emulatorModule.startEmulator({ port: 0 });
  const started = performance.now();
  const ready: EmulatorReady = {
    url: emulator.url,
    region: emulator.region,
    credentials: { accessKeyId: emulator.credentials.accessKeyId, secretAccessKey: emulator.credentials.secretAccessKey },
    apiKey: emulator.apiKey,
    importMs: imported - importStarted,
    startMs: started - imported,
    sinceProcessStartMs: started,
    pid: process.pid,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);

  let buffered = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text: string) => {
    buffered += text;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const command = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (command === 'stats') {
        const cpu = process.cpuUsage();
        process.stdout.write(`${JSON.stringify({ cpuUs: cpu.user + cpu.system, rssBytes: process.memoryUsage.rss(), counts: emulator.counts })}\n`);
      }
    }
  });
  process.stdin.on('end', () => {
    void emulator.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator-process: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
