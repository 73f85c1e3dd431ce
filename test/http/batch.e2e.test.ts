/**
 * The `openai` package's own batch flow (files.create → batches.create → batches.retrieve until done →
 * files.content of the output and error files) through our in-process fetch, over the emulator's S3 and batch jobs.
 */
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUCKET, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { createBedrockFetch } from '../../src/http/fetch.js';
import { emulatorClientOptions } from './helpers.js';

let emulator: EmulatorHandle;
let openai: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator({ batch: { stepDelayMs: 1 } });
  const client = {
    ...emulatorClientOptions(emulator),
    batch: { s3Uri: `s3://${DEFAULT_BUCKET}/http-batch/`, roleArn: 'arn:aws:iam::123456789012:role/BedrockBatch', s3Endpoint: emulator.url, bedrockEndpoint: emulator.url },
  };
  const baseURL = 'http://bedrock.test/v1';
  openai = new OpenAI({ baseURL, apiKey: 'unused', fetch: createBedrockFetch({ baseURL, client }) });
});
afterAll(async () => {
  await emulator.close();
});

async function runBatch(endpoint: '/v1/chat/completions' | '/v1/responses' | '/v1/embeddings', lines: string[]) {
  const file = await openai.files.create({ file: await toFile(Buffer.from(lines.join('\n')), 'requests.jsonl'), purpose: 'batch' });
  expect(file).toMatchObject({ object: 'file', purpose: 'batch', filename: 'requests.jsonl' });
  let batch = await openai.batches.create({ input_file_id: file.id, endpoint, completion_window: '24h' });
  while (!['completed', 'failed', 'expired', 'cancelled'].includes(batch.status)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    batch = await openai.batches.retrieve(batch.id);
  }
  const read = async (id: string | null | undefined) => (id == null ? [] : (await (await openai.files.content(id)).text()).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>));
  return { batch, output: await read(batch.output_file_id), errors: await read(batch.error_file_id) };
}

describe('openai SDK batch flow through createBedrockFetch', () => {
  it('chat completions: upload, create, poll, download output and error files', async () => {
    emulator.batch.addFault({ failRecordsContaining: 'Question 5"' });
    const lines = Array.from({ length: 110 }, (_, index) =>
      JSON.stringify({ custom_id: `q${index}`, method: 'POST', url: '/v1/chat/completions', body: { model: 'nova-lite', messages: [{ role: 'user', content: `Question ${index}` }] } }),
    );
    const { batch, output, errors } = await runBatch('/v1/chat/completions', lines);
    expect(batch.status).toBe('completed');
    expect(batch.request_counts).toEqual({ total: 110, completed: 109, failed: 1 });
    expect(output[0]?.['response'].body.object).toBe('chat.completion');
    expect(errors.map((line) => line['custom_id'])).toEqual(['q5']);
    const prompt = output.reduce((sum, line) => sum + line['response'].body.usage.prompt_tokens, 0);
    const completion = output.reduce((sum, line) => sum + line['response'].body.usage.completion_tokens, 0);
    expect(prompt).toBeGreaterThan(0);
    expect(batch.usage).toMatchObject({ input_tokens: prompt, output_tokens: completion, total_tokens: prompt + completion });
  });

  it('responses: the output file holds `response` objects, as responses.create would give', async () => {
    const tools = [{ type: 'function', name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }];
    const lines = Array.from({ length: 100 }, (_, index) =>
      JSON.stringify({
        custom_id: `r${index}`,
        method: 'POST',
        url: '/v1/responses',
        body: index === 0 ? { model: 'nova-lite', input: 'Use get_weather for Paris', tools } : { model: 'nova-lite', instructions: 'Be brief.', input: `Question ${index}` },
      }),
    );
    const { batch, output, errors } = await runBatch('/v1/responses', lines);
    expect(batch).toMatchObject({ status: 'completed', endpoint: '/v1/responses', request_counts: { total: 100, completed: 100, failed: 0 } });
    expect(errors).toEqual([]);
    const byId = new Map(output.map((line) => [line['custom_id'], line['response'].body]));
    expect(byId.get('r7')).toMatchObject({ object: 'response', status: 'completed', output_text: 'You said: Question 7', instructions: 'Be brief.', store: false });
    expect(byId.get('r0').output).toContainEqual(expect.objectContaining({ type: 'function_call', name: 'get_weather', arguments: expect.any(String), call_id: expect.any(String) }));
    const input = output.reduce((sum, line) => sum + line['response'].body.usage.input_tokens, 0);
    expect(batch.usage?.input_tokens).toBe(input);
  });

  it('files: expires_after (sent as form fields) is refused by name; list in ascending order', async () => {
    const error = await openai.files
      .create({ file: await toFile(Buffer.from('x\n'), 'x.jsonl'), purpose: 'batch', expires_after: { anchor: 'created_at', seconds: 3600 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'expires_after', code: 'unsupported_parameter' });
    const ids: string[] = [];
    for await (const file of openai.files.list({ order: 'asc', limit: 2 })) ids.push(file.id);
    const descending: string[] = [];
    for await (const file of openai.files.list({ limit: 2 })) descending.push(file.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toEqual([...descending].reverse());
  });

  it('embeddings', async () => {
    const lines = Array.from({ length: 100 }, (_, index) => JSON.stringify({ custom_id: `e${index}`, method: 'POST', url: '/v1/embeddings', body: { model: 'titan-embed-text-v2', input: `text ${index}` } }));
    const { batch, output } = await runBatch('/v1/embeddings', lines);
    expect(batch.status).toBe('completed');
    expect(output).toHaveLength(100);
    expect(output[0]?.['response'].body.data[0].embedding).toHaveLength(1024);
    const tokens = output.reduce((sum, line) => sum + line['response'].body.usage.prompt_tokens, 0);
    expect(batch.usage).toEqual({ input_tokens: tokens, input_tokens_details: { cached_tokens: 0 }, output_tokens: 0, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: tokens });
  });
});

describe('files uploaded with purpose user_data, read by file_id (openai SDK through createBedrockFetch)', () => {
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const sent = () => (emulator.requests.at(-1)!.body as { messages: Array<{ content: Array<Record<string, any>> }> }).messages[0]!.content;

  it('chat reads a document by file_id; responses read a file and an image by file_id; the bytes reach Bedrock', async () => {
    const report = await openai.files.create({ file: await toFile(pdf, 'report.pdf'), purpose: 'user_data' });
    const chart = await openai.files.create({ file: await toFile(png, 'chart.png'), purpose: 'user_data' });
    expect(report).toMatchObject({ purpose: 'user_data', filename: 'report.pdf', bytes: pdf.length });
    expect((await openai.files.retrieve(chart.id)).purpose).toBe('user_data');

    const completion = await openai.chat.completions.create({
      model: 'nova-lite',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Summarise' }, { type: 'file', file: { file_id: report.id } }] }],
    });
    expect(completion.choices[0]?.message.content).toBe('You said: Summarise');
    expect(sent()[1]).toEqual({ document: { format: 'pdf', name: 'report', source: { bytes: pdf.toString('base64') } } });

    const response = await openai.responses.create({
      model: 'nova-lite',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Compare' },
            { type: 'input_file', file_id: report.id },
            { type: 'input_image', detail: 'auto', file_id: chart.id },
          ],
        },
      ],
    });
    expect(response.output_text).toBe('You said: Compare');
    expect(sent().map((block) => Object.keys(block)[0])).toEqual(['text', 'document', 'image']);
    expect(sent()[2]).toEqual({ image: { format: 'png', source: { bytes: png.toString('base64') } } });

    // A user_data file is listed under its purpose, not under batch.
    const userData: string[] = [];
    for await (const file of openai.files.list({ purpose: 'user_data' })) userData.push(file.id);
    expect(userData).toEqual(expect.arrayContaining([report.id, chart.id]));
    const batchFiles: string[] = [];
    for await (const file of openai.files.list({ purpose: 'batch' })) batchFiles.push(file.id);
    expect(batchFiles).not.toContain(report.id);
  });

  it('an unknown file ID is a 400 naming where it was given, before anything is sent', async () => {
    const before = emulator.requests.length;
    const error = await openai.responses
      .create({ model: 'nova-lite', input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'file-000000000000000000000000' }] }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'input[0].content[0].file_id', code: 'file_not_found' });
    expect(emulator.requests.length).toBe(before);
  });
});
