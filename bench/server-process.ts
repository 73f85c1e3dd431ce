/**
 * `startServer()` (what `bedrock-openai serve` runs) in its own process, for the `openai-server` implementation:
 * `node [--expose-gc] bench/results/build/server-process.mjs '<ServerTask JSON>'` listens on 127.0.0.1 (a free
 * port), prints one {@link ServerReady} JSON line, then answers lines on stdin with one {@link ServerStats} JSON line
 * each: `stats` (its CPU time and RSS), `mark` (collects garbage when it can, then restarts the RSS peak and samples
 * RSS every 2 ms from then on). It exits when stdin ends, so it never outlives the worker that started it.
 *
 * The server runs apart from the measured client so that the client's CPU is the `openai` package's alone and the
 * server's CPU and memory are its own (`process.cpuUsage()` and RSS of this process). Run compiled (see
 * `bench/compile.ts`), with plain `node`, pinned by the worker's command line (`bench/run.ts` puts it on the
 * emulator's core: the measured client keeps its core to itself).
 */
import type { ServerReady, ServerStats, ServerTask } from './protocol.js';

type OursModule = typeof import('../src/index.js');

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '') as ServerTask;
  const [ours, { NodeHttpHandler }, http] = await Promise.all([
    import(task.target.oursModule) as Promise<OursModule>,
    import('@smithy/node-http-handler'),
    import('node:http'),
  ]);
  // The client's default handler (keep-alive HTTP/1.1) with the socket count asked for: a gateway serving 1,000
  // concurrent streams needs 1,000 sockets to Bedrock, where the default 64 would queue the rest.
  const requestHandler = new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: true, maxSockets: task.maxSockets }) });
  const server = await ours.startServer({
    port: 0,
    maxConcurrentRequests: task.maxConcurrentRequests,
    client: {
      region: task.target.region,
      endpoint: task.target.url,
      credentials: task.target.credentials,
      configFile: false,
      env: {},
      logLevel: 'off',
      requestHandler,
    },
  });
  const ready: ServerReady = { url: server.url, pid: process.pid };
  process.stdout.write(`${JSON.stringify(ready)}\n`);

  let peak = 0;
  let sampler: NodeJS.Timeout | undefined;
  const sample = (): void => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  };
  const stats = (): ServerStats => {
    const cpu = process.cpuUsage();
    const rssBytes = process.memoryUsage.rss();
    if (rssBytes > peak) peak = rssBytes;
    return { cpuUs: cpu.user + cpu.system, rssBytes, peakRssBytes: peak, heapUsedBytes: process.memoryUsage().heapUsed };
  };
  let buffered = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text: string) => {
    buffered += text;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const command = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (command === 'mark') {
        const gc = (globalThis as { gc?: () => void }).gc;
        gc?.();
        gc?.();
        peak = 0;
        sampler ??= setInterval(sample, 2);
      }
      if (command === 'stats' || command === 'mark') process.stdout.write(`${JSON.stringify(stats())}\n`);
    }
  });
  process.stdin.on('end', () => {
    if (sampler !== undefined) clearInterval(sampler);
    void server.close({ graceMs: 1_000 }).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`server-process: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
