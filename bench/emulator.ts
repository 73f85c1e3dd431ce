/**
 * Emulator benchmark (not a test): start-up time and non-streaming throughput.
 *
 *   npx tsx bench/emulator.ts [--requests 4000] [--concurrency 16]
 *
 * Measures: (1) time for `startEmulator()` to resolve; (2) Converse requests/second over HTTP/1.1 keep-alive
 * with SigV4 (a pooled NodeHttpHandler, the realistic high-throughput setup); (3) the same with bearer keys;
 * (4) the SDK's default HTTP/2 transport (one new h2c session per request, `disableConcurrentStreams`).
 * The client runs in this process; the emulator runs first in-process (sharing one core with the client), then
 * as a separate process through the CLI (client and server on their own cores, as in a user's test run).
 * Loopback only, bounded request counts.
 */
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { parseArgs } from 'node:util';
import { startEmulator } from '../src/emulator/index.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '4000' }, concurrency: { type: 'string', default: '16' } } });
const total = Number(values.requests);
const concurrency = Number(values.concurrency);

let serverPidForCpu: number | undefined;

async function measure(name: string, client: BedrockRuntimeClient, count: number): Promise<void> {
  const command = () =>
    new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'benchmark request with a few words' }] }] });
  for (let index = 0; index < 50; index += 1) await client.send(command()); // warm-up
  let next = 0;
  const cpuBefore = processCpuMs(serverPidForCpu);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await client.send(command());
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = processCpuMs(serverPidForCpu);
  const serverCpu = cpuBefore === undefined || cpuAfter === undefined ? '' : `; emulator CPU ${((cpuAfter - cpuBefore) / count).toFixed(3)} ms/request`;
  console.log(`${name.padEnd(52)} ${count} requests in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} req/s${serverCpu}`);
}

const startTimes: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const begin = performance.now();
  const probe = await startEmulator();
  startTimes.push(performance.now() - begin);
  await probe.close();
}
console.log(`startEmulator(): median ${startTimes.sort((a, b) => a - b)[2]?.toFixed(1)} ms (5 runs: ${startTimes.map((time) => time.toFixed(1)).join(', ')})`);

/** CPU time (user + system, ms) used so far by a process, from /proc (Linux); undefined elsewhere. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

async function runSuite(label: string, url: string, credentials: { accessKeyId: string; secretAccessKey: string }, apiKey: string, serverPid?: number): Promise<void> {
  console.log(`-- emulator ${label}`);
  serverPidForCpu = serverPid;
  const sigv4 = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: url, credentials, requestHandler: keepAlive(), maxAttempts: 1 });
  const bearer = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: url,
    token: { token: apiKey },
    authSchemePreference: ['httpBearerAuth'],
    requestHandler: keepAlive(),
    maxAttempts: 1,
  });
  const h2 = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1 });
  await measure('Converse, SigV4, HTTP/1.1 keep-alive', sigv4, total);
  await measure('Converse, bearer, HTTP/1.1 keep-alive', bearer, total);
  await measure('Converse, SigV4, SDK default h2c (new session/req)', h2, Math.min(total, 1000));
  for (const client of [sigv4, bearer, h2]) client.destroy();
}

const keepAlive = () => new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: concurrency }) });
const emulator = await startEmulator({ maxLoggedRequests: 0 });
await runSuite('in-process', emulator.url, emulator.credentials, emulator.apiKey);
console.log(`counts: ${JSON.stringify(emulator.counts)}`);
await emulator.close();

const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
const childUrl = await new Promise<string>((resolve, reject) => {
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
    if (match?.[1] !== undefined) resolve(match[1]);
  });
  child.once('exit', () => reject(new Error(`emulator CLI exited: ${output}`)));
});
await runSuite('in a separate process (CLI)', childUrl, emulator.credentials, emulator.apiKey, child.pid);
child.kill('SIGTERM');
