import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BedrockClient, CreateModelInvocationJobCommand, GetModelInvocationJobCommand } from '@aws-sdk/client-bedrock';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { resolveBatchConfig } from '../../src/batch/config.js';
import { clockSkewMessage } from '../../src/emulator/auth.js';
import { DEFAULT_BUCKET } from '../../src/emulator/index.js';

const cliPath = fileURLToPath(new URL('../../src/emulator/cli.ts', import.meta.url));

type Cli = ChildProcessByStdio<null, Readable, Readable>;

/** Starts the CLI (killed after the test if still running) and resolves with its banner once it is serving. */
async function startCli(args: string[]): Promise<{ child: Cli; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const output = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('Ctrl+C')) resolve(text);
    });
    child.once('exit', (code) => reject(new Error(`CLI exited early (${code}): ${text}`)));
  });
  return { child, output };
}

async function stopCli(child: Cli): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

/** The banner's `export NAME=value` lines. */
function exportsOf(output: string): Record<string, string> {
  return Object.fromEntries([...output.matchAll(/^\s*export ([A-Z0-9_]+)=(\S+)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

describe('bedrock-openai-emulator CLI', () => {
  it('prints the URL, region and credentials, serves, and stops on SIGTERM', async () => {
    const { child, output } = await startCli(['--port', '0', '--region', 'eu-west-1']);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url).toBeDefined();
    expect(output).toMatch(/region:\s+eu-west-1/);
    expect(output).toMatch(/access key ID:\s+AKIAEMULATOREXAMPLE01/);
    expect(output).toMatch(/API key \(bearer\):\s+bedrock-api-key-/);
    expect(output).toMatch(/S3 buckets:\s+bedrock-openai-emulator$/m);
    expect(exportsOf(output)).toEqual({
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: url,
      AWS_ENDPOINT_URL_BEDROCK: url,
      AWS_ENDPOINT_URL_S3: url,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIAEMULATOREXAMPLE01',
      AWS_SECRET_ACCESS_KEY: 'emulatorSecretKeyEXAMPLEnotARealSecret00',
      BEDROCK_OPENAI_BATCH_S3_URI: `s3://${DEFAULT_BUCKET}/batch/`,
      BEDROCK_OPENAI_BATCH_ROLE_ARN: 'arn:aws:iam::123456789012:role/BedrockBatch',
    });
    expect(output).toMatch(/^\s*# for batch inference \(Files and Batches\)\n\s*export BEDROCK_OPENAI_BATCH_S3_URI=/m);
    const health = await fetch(`${url}/__emulator/health`);
    expect(await health.json()).toEqual({ ok: true });
    expect(await stopCli(child)).toBe(0);
  });

  it("prints batch settings the client accepts and the emulator serves: the bucket exists, the role ARN passes", async () => {
    const { child, output } = await startCli(['--bucket', 'my-app-data']);
    const env = exportsOf(output);
    expect(output).toMatch(/S3 buckets:\s+bedrock-openai-emulator, my-app-data$/m);
    // The package's own check of BEDROCK_OPENAI_BATCH_S3_URI / BEDROCK_OPENAI_BATCH_ROLE_ARN; the bucket is then
    // used as printed, so a bucket the emulator lacks fails below with NoSuchBucket.
    const config = resolveBatchConfig({ options: undefined, env, file: undefined });
    const credentials = { accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? '', secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? '' };
    const region = env['AWS_REGION'] ?? '';
    const s3 = new S3Client({ region, endpoint: env['AWS_ENDPOINT_URL_S3'] ?? '', credentials, forcePathStyle: true });
    const bedrock = new BedrockClient({ region, endpoint: env['AWS_ENDPOINT_URL_BEDROCK'] ?? '', credentials });
    try {
      const key = `${config.prefix}cli-test/input.jsonl`;
      const line = JSON.stringify({ recordId: 'r1', modelInput: { messages: [{ role: 'user', content: [{ text: 'Hi' }] }] } });
      await s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: line }));
      const read = await s3.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
      expect(await read.Body?.transformToString()).toBe(line);
      await s3.send(new PutObjectCommand({ Bucket: 'my-app-data', Key: 'k', Body: 'x' }));
      const created = await bedrock.send(
        new CreateModelInvocationJobCommand({
          jobName: 'cli-test',
          roleArn: config.roleArn,
          modelId: 'amazon.nova-lite-v1:0',
          modelInvocationType: 'Converse',
          inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${config.bucket}/${key}` } },
          outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${config.bucket}/${config.prefix}cli-test/output/` } },
        }),
      );
      const job = await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: created.jobArn }));
      expect(job.roleArn).toBe(env['BEDROCK_OPENAI_BATCH_ROLE_ARN']);
    } finally {
      s3.destroy();
      bedrock.destroy();
    }
    expect(await stopCli(child)).toBe(0);
  });

  it('lists --bucket in --help and rejects a bad bucket name', async () => {
    const help = spawn(process.execPath, ['--import', 'tsx', cliPath, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let usage = '';
    help.stdout.on('data', (chunk: Buffer) => (usage += chunk.toString()));
    expect(await new Promise<number | null>((resolve) => help.once('exit', resolve))).toBe(0);
    expect(usage).toMatch(/--bucket, -b/);
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, '--bucket', 'My_Bucket'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise<number | null>((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr).toMatch(/--bucket must be an S3 bucket name/);
  });

  it('rejects a bad --port', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port must be an integer/);
  });
});

describe('clockSkewMessage', () => {
  const now = new Date('2026-01-02T03:04:05Z');
  it.each([
    [new Date('2026-01-02T03:04:05Z'), undefined],
    [new Date('2026-01-02T02:59:05Z'), undefined],
    [new Date('2026-01-02T02:59:04Z'), 'Signature expired: 20260102T025904Z is now earlier than 20260102T025905Z (20260102T030405Z - 5 min.)'],
    [new Date('2026-01-02T03:09:06Z'), 'Signature not yet current: 20260102T030906Z is still later than 20260102T030905Z (20260102T030405Z + 5 min.)'],
  ])('%s', (signedAt, expected) => {
    expect(clockSkewMessage(signedAt, now)).toBe(expected);
  });
});
