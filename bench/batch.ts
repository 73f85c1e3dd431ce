/**
 * `npm run bench -- --only batch-embed` (or `tsx bench/batch.ts [records]`): 100,000 embedding records through the
 * emulator in one batch job with `client.batches.embedCorpus`, the emulator in its own process. Reports the
 * client's peak RSS growth over its baseline (sampled every 20 ms; target ≤ 200 MB), the conversion and upload
 * rate (records/s from the first text read to the job created), the result read-back rate, and the total time.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Client } from '../src/index.js';

const RECORDS = Number(process.argv[2] ?? 100_000);
const TARGET_RSS_MB = 200;

export interface BatchBenchResult {
  records: number;
  peakRssGrowthMb: number;
  conversionRecordsPerSecond: number;
  readBackRecordsPerSecond: number;
  totalSeconds: number;
  targetMet: boolean;
}

export async function runBatchBench(records = RECORDS): Promise<BatchBenchResult> {
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const child = spawn(tsx, [fileURLToPath(new URL('./batch-emulator.ts', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const { url, credentials } = JSON.parse(first) as { url: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  const client = new Client({
    region: 'us-east-1',
    endpoint: url,
    credentials,
    configFile: false,
    env: {},
    batch: { s3Uri: 's3://bedrock-openai-emulator/bench/', roleArn: 'arn:aws:iam::123456789012:role/Bench', s3Endpoint: url, bedrockEndpoint: url },
  });
  try {
    // Warm the lazy imports and connections with one small file, then take the baseline.
    await client.files.create({ file: 'warm-up\n', purpose: 'batch' });
    global.gc?.();
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
    const started = performance.now();
    let uploaded = started;
    async function* corpus(): AsyncGenerator<string> {
      for (let index = 0; index < records; index += 1) yield `Passage ${index}: a paragraph of a document about topic ${index % 97}, long enough to look like a chunk.`;
      uploaded = performance.now();
    }
    const job = await client.batches.embedCorpus(corpus(), { model: 'titan-embed-text-v2', dimensions: 256 }, { pollIntervalMs: 100 });
    const readStarted = performance.now();
    let vectors = 0;
    for await (const result of job.results()) if ('embedding' in result) vectors += 1;
    const finished = performance.now();
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    if (vectors !== records) throw new Error(`expected ${records} vectors, got ${vectors} (${job.batch.status})`);
    const peakRssGrowthMb = (peak - baseline) / 1024 / 1024;
    return {
      records,
      peakRssGrowthMb: Math.round(peakRssGrowthMb * 10) / 10,
      conversionRecordsPerSecond: Math.round(records / ((uploaded - started) / 1000)),
      readBackRecordsPerSecond: Math.round(records / ((finished - readStarted) / 1000)),
      totalSeconds: Math.round((finished - started) / 100) / 10,
      targetMet: peakRssGrowthMb <= TARGET_RSS_MB,
    };
  } finally {
    client.close();
    child.stdin.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runBatchBench();
  console.log(JSON.stringify(result));
  console.log(
    `batch-embed: ${result.records} records, client peak RSS growth ${result.peakRssGrowthMb} MB (target ≤ ${TARGET_RSS_MB} MB: ${result.targetMet ? 'met' : 'NOT met'}), ` +
      `conversion+upload ${result.conversionRecordsPerSecond} records/s, read-back ${result.readBackRecordsPerSecond} records/s, total ${result.totalSeconds} s`,
  );
}
