/**
 * The emulator's S3 subset and batch inference jobs, through the real AWS SDK clients (S3, lib-storage, the
 * Bedrock control plane) over HTTP.
 */
import { BedrockClient, CreateModelInvocationJobCommand, GetModelInvocationJobCommand, ListModelInvocationJobsCommand, StopModelInvocationJobCommand } from '@aws-sdk/client-bedrock';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUCKET, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';

let emulator: EmulatorHandle;
let s3: S3Client;
let bedrock: BedrockClient;

beforeAll(async () => {
  emulator = await startEmulator({ batch: { stepDelayMs: 1 } });
  const common = { region: 'us-east-1', endpoint: emulator.url, credentials: emulator.credentials };
  s3 = new S3Client({ ...common, forcePathStyle: true });
  bedrock = new BedrockClient(common);
});
afterAll(async () => {
  s3.destroy();
  bedrock.destroy();
  await emulator.close();
});

const text = async (key: string) => (await s3.send(new GetObjectCommand({ Bucket: DEFAULT_BUCKET, Key: key }))).Body?.transformToString() ?? '';

describe('S3 subset', () => {
  it('puts, heads, gets, lists and deletes objects with metadata', async () => {
    await s3.send(new PutObjectCommand({ Bucket: DEFAULT_BUCKET, Key: 'a/one.txt', Body: 'hello', Metadata: { purpose: 'batch' } }));
    await s3.send(new PutObjectCommand({ Bucket: DEFAULT_BUCKET, Key: 'a/two.txt', Body: 'world!' }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: DEFAULT_BUCKET, Key: 'a/one.txt' }));
    expect(head.ContentLength).toBe(5);
    expect(head.Metadata).toEqual({ purpose: 'batch' });
    expect(await text('a/one.txt')).toBe('hello');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: DEFAULT_BUCKET, Prefix: 'a/', MaxKeys: 1 }));
    expect(listed.Contents?.map((item) => item.Key)).toEqual(['a/one.txt']);
    expect(listed.IsTruncated).toBe(true);
    const rest = await s3.send(new ListObjectsV2Command({ Bucket: DEFAULT_BUCKET, Prefix: 'a/', ContinuationToken: listed.NextContinuationToken }));
    expect(rest.Contents?.map((item) => [item.Key, item.Size])).toEqual([['a/two.txt', 6]]);
    await s3.send(new DeleteObjectCommand({ Bucket: DEFAULT_BUCKET, Key: 'a/one.txt' }));
    const error = await s3.send(new GetObjectCommand({ Bucket: DEFAULT_BUCKET, Key: 'a/one.txt' })).catch((e: unknown) => e);
    expect((error as Error).name).toBe('NoSuchKey');
  });

  it('answers NoSuchBucket and refuses a wrong secret with SignatureDoesNotMatch', async () => {
    const missing = await s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'k', Body: 'x' })).catch((e: unknown) => e);
    expect((missing as Error).name).toBe('NoSuchBucket');
    const wrong = new S3Client({ region: 'us-east-1', endpoint: emulator.url, forcePathStyle: true, credentials: { ...emulator.credentials, secretAccessKey: 'wrong'.repeat(8) } });
    const error = await wrong.send(new PutObjectCommand({ Bucket: DEFAULT_BUCKET, Key: 'k', Body: 'x' })).catch((e: unknown) => e);
    wrong.destroy();
    expect((error as Error).name).toBe('SignatureDoesNotMatch');
  });

  it("assembles a multipart upload (lib-storage) with S3's multipart ETag", async () => {
    const part = Buffer.alloc(5 * 1024 * 1024, 'a');
    const body = Buffer.concat([part, Buffer.from('tail')]);
    await new Upload({ client: s3, params: { Bucket: DEFAULT_BUCKET, Key: 'big.bin', Body: body }, partSize: 5 * 1024 * 1024 }).done();
    const head = await s3.send(new HeadObjectCommand({ Bucket: DEFAULT_BUCKET, Key: 'big.bin' }));
    expect(head.ContentLength).toBe(body.length);
    expect(head.ETag).toMatch(/-2"$/);
  });
});

const ROLE = 'arn:aws:iam::123456789012:role/BatchRole';

async function putRecords(key: string, count: number, line: (index: number) => object): Promise<void> {
  const body = Array.from({ length: count }, (_, index) => JSON.stringify(line(index))).join('\n');
  await s3.send(new PutObjectCommand({ Bucket: DEFAULT_BUCKET, Key: key, Body: body }));
}

async function waitFor(jobArn: string) {
  for (;;) {
    const job = await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
    if (['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired'].includes(job.status ?? '')) return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('batch inference jobs', () => {
  it('runs an embedding job: output lines joined by recordId, manifest, record errors', async () => {
    emulator.batch.addFault({ failRecordsContaining: 'record 7"' });
    await putRecords('jobs/emb/input.jsonl', 120, (index) => ({ recordId: `R${String(index).padStart(10, '0')}`, modelInput: { inputText: `record ${index}`, dimensions: 256 } }));
    const { jobArn } = await bedrock.send(
      new CreateModelInvocationJobCommand({
        jobName: 'emb-job',
        roleArn: ROLE,
        modelId: 'amazon.titan-embed-text-v2:0',
        inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${DEFAULT_BUCKET}/jobs/emb/input.jsonl` } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${DEFAULT_BUCKET}/jobs/emb/out/` } },
      }),
    );
    const job = await waitFor(jobArn ?? '');
    expect(job.status).toBe('PartiallyCompleted');
    expect([job.totalRecordCount, job.successRecordCount, job.errorRecordCount]).toEqual([120, 119, 1]);
    const id = (jobArn ?? '').split('/').at(-1) ?? '';
    const lines = (await text(`jobs/emb/out/${id}/input.jsonl.out`)).trim().split('\n').map((line) => JSON.parse(line) as { recordId: string; modelOutput?: { embedding: number[] }; error?: unknown });
    expect(lines).toHaveLength(120);
    expect(lines.map((line) => line.recordId)).not.toEqual([...lines.map((line) => line.recordId)].sort());
    expect(lines.find((line) => line.recordId === 'R0000000007')?.error).toEqual({ errorCode: 400, errorMessage: 'Injected record error.' });
    expect(lines.find((line) => line.recordId === 'R0000000008')?.modelOutput?.embedding).toHaveLength(256);
    const manifest = JSON.parse(await text(`jobs/emb/out/${id}/manifest.json.out`)) as Record<string, number>;
    expect(manifest).toMatchObject({ totalRecordCount: 120, processedRecordCount: 120, successRecordCount: 119, errorRecordCount: 1 });
    const listed = await bedrock.send(new ListModelInvocationJobsCommand({ nameContains: 'emb-job' }));
    expect(listed.invocationJobSummaries?.map((summary) => summary.jobArn)).toEqual([jobArn]);
  });

  it('fails a job under the minimum record count, and validates the request as Bedrock does', async () => {
    await putRecords('jobs/small/input.jsonl', 3, () => ({ modelInput: { inputText: 'x' } }));
    const { jobArn } = await bedrock.send(
      new CreateModelInvocationJobCommand({
        jobName: 'small-job',
        roleArn: ROLE,
        modelId: 'amazon.titan-embed-text-v2:0',
        inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${DEFAULT_BUCKET}/jobs/small/input.jsonl` } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${DEFAULT_BUCKET}/jobs/small/out/` } },
      }),
    );
    const job = await waitFor(jobArn ?? '');
    expect(job.status).toBe('Failed');
    expect(job.message).toContain('less than the minimum required (100)');
    const bad = await bedrock
      .send(new CreateModelInvocationJobCommand({ jobName: 'bad name!', roleArn: 'role', modelId: 'amazon.titan-embed-text-v2:0', inputDataConfig: { s3InputDataConfig: { s3Uri: 'x' } }, outputDataConfig: { s3OutputDataConfig: { s3Uri: 'y' } } }))
      .catch((e: unknown) => e);
    expect((bad as Error).name).toBe('ValidationException');
    const missing = await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: 'abcdefabcdef' })).catch((e: unknown) => e);
    expect((missing as Error).name).toBe('ResourceNotFoundException');
  });

  it('runs Converse records, stops a job on request, and expires one by fault', async () => {
    emulator.batch.setPacing({ tickDelayMs: 20, recordsPerTick: 10 });
    await putRecords('jobs/chat/input.jsonl', 200, (index) => ({ recordId: `C${String(index).padStart(10, '0')}`, modelInput: { messages: [{ role: 'user', content: [{ text: `hi ${index}` }] }] } }));
    const create = (jobName: string) =>
      bedrock.send(
        new CreateModelInvocationJobCommand({
          jobName,
          roleArn: ROLE,
          modelId: 'amazon.nova-lite-v1:0',
          modelInvocationType: 'Converse',
          inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${DEFAULT_BUCKET}/jobs/chat/input.jsonl` } },
          outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${DEFAULT_BUCKET}/jobs/chat/out/` } },
        }),
      );
    const stopped = await create('chat-stop');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: stopped.jobArn }));
    const stoppedJob = await waitFor(stopped.jobArn ?? '');
    expect(stoppedJob.status).toBe('Stopped');
    expect(stoppedJob.processedRecordCount).toBeLessThan(200);

    emulator.batch.setPacing({ tickDelayMs: 0, recordsPerTick: 500 });
    emulator.batch.addFault({ outcome: 'Expired', afterRecords: 50 });
    const expired = await waitFor((await create('chat-expire')).jobArn ?? '');
    expect(expired.status).toBe('Expired');
    expect(expired.processedRecordCount).toBe(50);

    const done = await waitFor((await create('chat-done')).jobArn ?? '');
    expect(done.status).toBe('Completed');
    const id = (done.jobArn ?? '').split('/').at(-1) ?? '';
    const first = JSON.parse((await text(`jobs/chat/out/${id}/input.jsonl.out`)).split('\n')[0] ?? '') as { modelOutput: { output: { message: { content: Array<{ text: string }> } }; stopReason: string } };
    expect(first.modelOutput.stopReason).toBe('end_turn');
    expect(first.modelOutput.output.message.content[0]?.text).toEqual(expect.any(String));
  });
});

describe('batch control endpoints', () => {
  it('sets pacing and adds and clears batch faults over HTTP', async () => {
    const pacing = await fetch(`${emulator.url}/__emulator/batch/pacing`, { method: 'PUT', body: JSON.stringify({ stepDelayMs: 1 }) });
    expect(pacing.status).toBe(200);
    const added = await fetch(`${emulator.url}/__emulator/batch/faults`, { method: 'POST', body: JSON.stringify({ outcome: 'Failed', count: 'always' }) });
    expect(added.status).toBe(201);
    expect(((await added.json()) as { id: string }).id).toEqual(expect.any(String));
    const refused = await fetch(`${emulator.url}/__emulator/batch/faults`, { method: 'POST', body: JSON.stringify({ outcome: 'Exploded' }) });
    expect(refused.status).toBe(400);
    expect((await fetch(`${emulator.url}/__emulator/batch/faults`, { method: 'DELETE' })).status).toBe(200);
  });
});
