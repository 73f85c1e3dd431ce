/**
 * `client.files` and `client.batches` end to end: our Client → the real AWS SDK (S3, lib-storage, Bedrock control
 * plane) over HTTP → the emulator's S3 and batch jobs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ClientOptions } from '../../src/client.js';
import { BadRequestError, ConfigurationError, NotFoundError } from '../../src/core/errors.js';
import { DEFAULT_BUCKET, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';

let emulator: EmulatorHandle;
const clients: Client[] = [];
const ROLE = 'arn:aws:iam::123456789012:role/BedrockBatch';

function client(extra: Partial<ClientOptions> = {}): Client {
  const created = new Client({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: emulator.credentials,
    configFile: false,
    env: {},
    batch: { s3Uri: `s3://${DEFAULT_BUCKET}/batch/`, roleArn: ROLE, s3Endpoint: emulator.url, bedrockEndpoint: emulator.url },
    ...extra,
  });
  clients.push(created);
  return created;
}

beforeAll(async () => {
  emulator = await startEmulator({ batch: { stepDelayMs: 1 } });
});
afterAll(async () => {
  for (const each of clients) each.close();
  await emulator.close();
});

const chatLine = (index: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ custom_id: `chat-${index}`, method: 'POST', url: '/v1/chat/completions', body: { model: 'nova-lite', messages: [{ role: 'user', content: `Question ${index}` }], max_tokens: 50, ...extra } });
const embeddingLine = (index: number, input: string | string[]) =>
  JSON.stringify({ custom_id: `emb-${index}`, method: 'POST', url: '/v1/embeddings', body: { model: 'titan-embed-text-v2', input, dimensions: 256 } });

async function lines(target: Client, fileId: string | null): Promise<Array<Record<string, any>>> {
  if (fileId === null) return [];
  const text = await (await target.files.content(fileId)).text();
  return text.trim() === '' ? [] : text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
}

describe('files', () => {
  it('creates, retrieves, lists, reads and deletes a file', async () => {
    const ours = client();
    const file = await ours.files.create({ file: new Blob(['{"a":1}\n']), purpose: 'batch', filename: 'in put.jsonl' });
    expect(file).toMatchObject({ object: 'file', bytes: 8, filename: 'in put.jsonl', purpose: 'batch', status: 'processed' });
    expect(file.id).toMatch(/^file-[0-9a-f]{24}$/);
    expect(await ours.files.retrieve(file.id)).toMatchObject({ id: file.id, bytes: 8, filename: 'in put.jsonl' });
    expect((await ours.files.list()).data.map((each) => each.id)).toContain(file.id);
    expect(await (await ours.files.content(file.id)).text()).toBe('{"a":1}\n');
    expect(await ours.files.delete(file.id)).toEqual({ id: file.id, object: 'file', deleted: true });
    await expect(ours.files.retrieve(file.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads the S3 and control-plane endpoints from the environment it is given, addressing S3 path-style', async () => {
    // `localhost`, not an IP address: virtual-hosted addressing would send the bucket as a host name.
    const url = emulator.url.replace('127.0.0.1', 'localhost');
    const env = {
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: url,
      AWS_ENDPOINT_URL_S3: url,
      AWS_ENDPOINT_URL_BEDROCK: url,
      BEDROCK_OPENAI_BATCH_S3_URI: `s3://${DEFAULT_BUCKET}/env-batch/`,
      BEDROCK_OPENAI_BATCH_ROLE_ARN: ROLE,
    };
    const fromEnv = new Client({ region: 'us-east-1', credentials: emulator.credentials, configFile: false, env });
    clients.push(fromEnv);
    const file = await fromEnv.files.create({ file: Array.from({ length: 100 }, (_, index) => chatLine(index)).join('\n'), purpose: 'batch' });
    expect((await fromEnv.files.retrieve(file.id)).bytes).toBe(file.bytes);
    const batch = await fromEnv.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect((await fromEnv.batches.wait(batch.id, { pollIntervalMs: 10 })).status).toBe('completed');
  });

  it('lists in either order, and no files for another purpose', async () => {
    const ours = client();
    const first = await ours.files.create({ file: 'a\n', purpose: 'batch' });
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // S3 times are whole seconds
    const second = await ours.files.create({ file: 'b\n', purpose: 'batch' });
    const ids = (list: { data: Array<{ id: string }> }) => list.data.map((file) => file.id).filter((id) => id === first.id || id === second.id);
    expect(ids(await ours.files.list({ limit: 10_000 }))).toEqual([second.id, first.id]);
    expect(ids(await ours.files.list({ limit: 10_000, order: 'asc' }))).toEqual([first.id, second.id]);
    expect((await ours.files.list({ purpose: 'assistants' })).data).toEqual([]);
    await expect(ours.files.list({ order: 'newest' as never })).rejects.toThrow(/`order` must be "asc" or "desc"/);
  });

  it.each([
    ['files.create with an unknown field', (c: Client) => c.files.create({ file: 'x', purpose: 'batch', frob: 1 } as never), 'frob', /^Unknown parameter: `frob`\.$/],
    ['files.create with expires_after', (c: Client) => c.files.create({ file: 'x', purpose: 'batch', expires_after: { anchor: 'created_at', seconds: 3600 } }), 'expires_after', /S3 lifecycle rule/],
    ['files.list with an unknown field', (c: Client) => c.files.list({ sort: 'name' } as never), 'sort', /^Unknown parameter: `sort`\.$/],
    ['batches.create with an unknown field', (c: Client) => c.batches.create({ input_file_id: 'file-x', endpoint: '/v1/embeddings', completion_window: '24h', priority: 1 } as never), 'priority', /^Unknown parameter/],
    [
      'batches.create with output_expires_after',
      (c: Client) => c.batches.create({ input_file_id: 'file-x', endpoint: '/v1/embeddings', completion_window: '24h', output_expires_after: { anchor: 'created_at', seconds: 3600 } }),
      'output_expires_after',
      /S3 lifecycle rule/,
    ],
    ['batches.list with an unknown field', (c: Client) => c.batches.list({ status: 'completed' } as never), 'status', /^Unknown parameter/],
    [
      'batches.create with 17 metadata pairs',
      (c: Client) => c.batches.create({ input_file_id: 'file-x', endpoint: '/v1/embeddings', completion_window: '24h', metadata: Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`k${index}`, 'v'])) }),
      'metadata',
      /at most 16 pairs; got 17/,
    ],
    ['batches.create with a metadata value that is not a string', (c: Client) => c.batches.create({ input_file_id: 'file-x', endpoint: '/v1/embeddings', completion_window: '24h', metadata: { run: 1 } as never }), 'metadata.run', /must be a string/],
    ['batches.create with a metadata value over 512 characters', (c: Client) => c.batches.create({ input_file_id: 'file-x', endpoint: '/v1/embeddings', completion_window: '24h', metadata: { note: 'x'.repeat(513) } }), 'metadata.note', /at most 512/],
    ['embedCorpus with a completion_window under Bedrock\'s 24 hours', (c: Client) => c.batches.embedCorpus(['a'], { model: 'titan-embed-text-v2', completion_window: '1h' }), 'completion_window', /"24h" to "168h"/],
    ['embedCorpus with an unknown field', (c: Client) => c.batches.embedCorpus(['a'], { model: 'titan-embed-text-v2', input_type: 'search_document' } as never), 'input_type', /^Unknown parameter/],
  ])('refuses %s by name (the batch calls name a file that does not exist: a 404 would mean the check came too late)', async (_, call, param, message) => {
    const ours = client();
    const filesBefore = (await ours.files.list({ limit: 10_000 })).data.length;
    const error = await call(ours).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe(param);
    expect((error as BadRequestError).message).toMatch(message);
    expect((await ours.files.list({ limit: 10_000 })).data.length).toBe(filesBefore);
  });

  it('drops expires_after with a warning under dropUnsupportedParams', async () => {
    const warnings: string[] = [];
    const dropping = client({ onWarning: (warning) => warnings.push(warning.message) });
    const file = await dropping.files.create({ file: 'x\n', purpose: 'batch', expires_after: { anchor: 'created_at', seconds: 3600 } }, { dropUnsupportedParams: true });
    expect(file).toMatchObject({ bytes: 2, expires_at: null });
    expect(warnings).toEqual([expect.stringMatching(/^Dropped `expires_after`: files stay in S3 until deleted/)]);
  });

  it('names the missing batch setting in a ConfigurationError', async () => {
    const bare = new Client({ region: 'us-east-1', endpoint: emulator.url, credentials: emulator.credentials, configFile: false, env: {} });
    clients.push(bare);
    const error = await bare.files.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('batch.s3Uri');
    const malformed = new Client({ region: 'us-east-1', configFile: false, env: { BEDROCK_OPENAI_BATCH_S3_URI: 's3://Bad_Bucket', BEDROCK_OPENAI_BATCH_ROLE_ARN: ROLE } });
    clients.push(malformed);
    const second = await malformed.files.list().catch((e: unknown) => e);
    expect((second as Error).message).toContain('BEDROCK_OPENAI_BATCH_S3_URI');
  });
});

describe('batches', () => {
  it('runs a chat batch: every custom_id once, bodies from the online converters, retrieved from a second Client', async () => {
    const ours = client();
    const input = Array.from({ length: 120 }, (_, index) => chatLine(index)).join('\n');
    const file = await ours.files.create({ file: input, purpose: 'batch' });
    const created = await ours.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { run: 'one' } });
    expect(created).toMatchObject({ object: 'batch', endpoint: '/v1/chat/completions', input_file_id: file.id, metadata: { run: 'one' } });
    expect(created.id).toMatch(/^batch_[a-z0-9]{12}$/);

    const other = client();
    const seen: string[] = [];
    const done = await other.batches.wait(created.id, { pollIntervalMs: 10, onProgress: (batch) => seen.push(batch.status) });
    expect(done.status).toBe('completed');
    expect(done.request_counts).toEqual({ total: 120, completed: 120, failed: 0 });
    expect(done.error_file_id).toBeNull();
    const output = await lines(other, done.output_file_id);
    expect(output.map((line) => line['custom_id']).sort()).toEqual(Array.from({ length: 120 }, (_, index) => `chat-${index}`).sort());
    const first = output[0] as Record<string, any>;
    expect(first['response'].status_code).toBe(200);
    expect(first['response'].body).toMatchObject({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }] });
    expect(first['error']).toBeNull();
    const prompt = output.reduce((sum, line) => sum + line['response'].body.usage.prompt_tokens, 0);
    const completion = output.reduce((sum, line) => sum + line['response'].body.usage.completion_tokens, 0);
    expect(done.usage).toEqual({ input_tokens: prompt, input_tokens_details: { cached_tokens: 0 }, output_tokens: completion, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: prompt + completion });
    expect(prompt).toBeGreaterThan(0);
    expect((await ours.batches.list()).data.map((batch) => batch.id)).toContain(created.id);
  });

  it('runs an embeddings batch with array inputs put back together, and a partially failed job', async () => {
    const ours = client();
    emulator.batch.addFault({ failRecordsContaining: 'poison' });
    const input = [...Array.from({ length: 99 }, (_, index) => embeddingLine(index, `text ${index}`)), embeddingLine(99, ['a first', 'a second', 'a third']), embeddingLine(100, 'poison pill')].join('\n');
    const file = await ours.files.create({ file: input, purpose: 'batch' });
    const batch = await ours.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
    const done = await ours.batches.wait(batch.id, { pollIntervalMs: 10 });
    expect(done.status).toBe('completed');
    expect(done.request_counts).toEqual({ total: 101, completed: 100, failed: 1 });
    const output = await lines(ours, done.output_file_id);
    const errors = await lines(ours, done.error_file_id);
    expect(errors.map((line) => [line['custom_id'], line['response'].status_code])).toEqual([['emb-100', 400]]);
    const multi = output.find((line) => line['custom_id'] === 'emb-99') as Record<string, any>;
    expect(multi['response'].body.data.map((item: { index: number; embedding: number[] }) => [item.index, item.embedding.length])).toEqual([[0, 256], [1, 256], [2, 256]]);
    expect(new Set([...output, ...errors].map((line) => line['custom_id'])).size).toBe(101);
  });

  it('cancels a batch: unrun requests go to the error file as batch_cancelled', async () => {
    const ours = client();
    emulator.batch.setPacing({ recordsPerTick: 10, tickDelayMs: 30 });
    try {
      const file = await ours.files.create({ file: Array.from({ length: 150 }, (_, index) => chatLine(index)).join('\n'), purpose: 'batch' });
      const batch = await ours.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
      while ((await ours.batches.retrieve(batch.id)).status !== 'in_progress') await new Promise((resolve) => setTimeout(resolve, 5));
      const cancelling = await ours.batches.cancel(batch.id);
      expect(['cancelling', 'cancelled']).toContain(cancelling.status);
      const done = await ours.batches.wait(batch.id, { pollIntervalMs: 10 });
      expect(done.status).toBe('cancelled');
      expect(done.cancelled_at).toEqual(expect.any(Number));
      const output = await lines(ours, done.output_file_id);
      const errors = await lines(ours, done.error_file_id);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]).toMatchObject({ response: null, error: { code: 'batch_cancelled' } });
      expect(done.request_counts).toEqual({ total: 150, completed: output.length, failed: errors.length });
      const ids = [...output, ...errors].map((line) => line['custom_id']);
      expect(ids).toHaveLength(150);
      expect(new Set(ids).size).toBe(150);
    } finally {
      emulator.batch.setPacing({ recordsPerTick: 500, tickDelayMs: 0 });
    }
  });

  it('embeds a corpus from an async iterable: every index once, vectors keyed by index', async () => {
    const ours = client();
    async function* corpus() {
      for (let index = 0; index < 150; index += 1) yield index === 42 ? 'poison text' : `document number ${index}`;
    }
    emulator.batch.addFault({ failRecordsContaining: 'poison' });
    const job = await ours.batches.embedCorpus(corpus(), { model: 'titan-embed-text-v2', dimensions: 256 }, { pollIntervalMs: 10 });
    expect(job.batch.status).toBe('completed');
    const seen = new Map<number, number>();
    let failedIndex: number | undefined;
    for await (const result of job.results()) {
      seen.set(result.index, (seen.get(result.index) ?? 0) + 1);
      if ('error' in result) failedIndex = result.index;
      else expect(result.embedding).toHaveLength(256);
    }
    expect(seen.size).toBe(150);
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
    expect(failedIndex).toBe(42);
  });

  it('refuses an unsupported parameter by line, or drops it from every line with one warning under dropUnsupportedParams', async () => {
    const warnings: Array<{ code: string; message: string }> = [];
    const dropping = client({ dropUnsupportedParams: true, onWarning: (warning) => warnings.push(warning) });
    const text = Array.from({ length: 100 }, (_, index) => chatLine(index, index >= 2 ? { seed: index } : {})).join('\n');
    const file = await dropping.files.create({ file: text, purpose: 'batch' });
    const refused = await dropping.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }, { dropUnsupportedParams: false }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect((refused as BadRequestError).message).toMatch(/^Line 3 \(custom_id "chat-2"\): `seed` is not supported on Bedrock/);
    expect(warnings).toEqual([]);
    const batch = await dropping.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect(warnings.filter((warning) => warning.code === 'unsupported_param_dropped').map((warning) => warning.message)).toEqual([
      'Dropped `seed`: Converse has no sampling seed. (batch input line 3, and every later line that has it)',
    ]);
    expect((await dropping.batches.wait(batch.id, { pollIntervalMs: 10 })).request_counts).toEqual({ total: 100, completed: 100, failed: 0 });
  });

  it('refuses bad input lines naming the line number and custom_id, before any job starts', async () => {
    const ours = client();
    const batchesBefore = (await ours.batches.list({ limit: 100 })).data.length;
    const cases: Array<[string, RegExp]> = [
      [[chatLine(0), chatLine(1, { temperature: 'hot' })].join('\n'), /^Line 2 \(custom_id "chat-1"\): .*temperature/],
      [[chatLine(0), '{not json'].join('\n'), /^Line 2: not valid JSON/],
      [[chatLine(0), chatLine(0)].join('\n'), /^Line 2 \(custom_id "chat-0"\): `custom_id` repeats/],
      [[chatLine(0), JSON.stringify({ custom_id: 'x', method: 'POST', url: '/v1/chat/completions', body: { model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'hi' }] } })].join('\n'), /^Line 2 \(custom_id "x"\): `body.model`.*one model/],
      [Array.from({ length: 5 }, (_, index) => chatLine(index)).join('\n'), /needs at least 100 per job/],
    ];
    for (const [text, pattern] of cases) {
      const file = await ours.files.create({ file: text, purpose: 'batch' });
      const error = await ours.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as Error).message).toMatch(pattern);
    }
    expect((await ours.batches.list({ limit: 100 })).data.length).toBe(batchesBefore);
  });
});
