/**
 * `client.embeddings.create()` end to end: the real AWS SDK over HTTP to the local emulator, for every embedding
 * family. The emulator's vectors are a deterministic function of the text (`embedText`), so each vector can be
 * checked against the input it must belong to.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, Client, RateLimitError } from '../../src/index.js';
import { sleep } from '../../src/core/retry.js';
import { Embeddings, embeddingFailureOf } from '../../src/embeddings/embeddings.js';
import { decodeFloat32Base64 } from '../../src/embeddings/encoding.js';
import { embedText, type EmulatorHandle, startEmulator } from '../../src/emulator/index.js';

const ARN = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/embedv4team';
const PNG = `data:image/png;base64,${Buffer.from('not really a png, but bytes').toString('base64')}`;

let emulator: EmulatorHandle;
let client: Client;

beforeAll(async () => {
  emulator = await startEmulator({ applicationProfiles: { [ARN]: 'cohere.embed-v4:0' } });
  client = new Client({ endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials, configFile: false, onWarning: () => undefined });
});
afterEach(() => emulator.reset());
afterAll(async () => {
  client.close();
  await emulator.close();
});

/** Bodies of the InvokeModel requests the emulator received since the last reset. */
function invokeBodies(): Record<string, unknown>[] {
  return emulator.requests.filter((request) => request.operation === 'InvokeModel').map((request) => request.body as Record<string, unknown>);
}

const TEXTS = ['The cat sat on the mat', 'Quarterly revenue grew by ten percent', 'Reset your password from the settings page'];

describe('every family, single input and batch', () => {
  it.each<[string, string, number, number]>([
    // alias, base model ID, default dimensions, requests for 3 inputs
    ['titan-embed-text', 'amazon.titan-embed-text-v1', 1536, 3],
    ['titan-embed-text-v2', 'amazon.titan-embed-text-v2:0', 1024, 3],
    ['titan-embed-image', 'amazon.titan-embed-image-v1', 1024, 3],
    ['embed-english', 'cohere.embed-english-v3', 1024, 1],
    ['embed-multilingual', 'cohere.embed-multilingual-v3', 1024, 1],
    ['embed-v4', 'cohere.embed-v4:0', 1536, 1],
    ['nova-multimodal-embeddings', 'amazon.nova-2-multimodal-embeddings-v1:0', 1024, 3],
  ])('%s', async (model, modelId, dimensions, requests) => {
    const single = await client.embeddings.create({ model, input: TEXTS[0] as string });
    expect(single.object).toBe('list');
    expect(single.model).toBe(modelId);
    expect(single.data).toEqual([{ object: 'embedding', index: 0, embedding: embedText(TEXTS[0] as string, dimensions) }]);

    emulator.reset();
    const batch = await client.embeddings.create({ model, input: TEXTS });
    expect(batch.data.map((entry) => entry.index)).toEqual([0, 1, 2]);
    batch.data.forEach((entry, index) => expect(entry.embedding).toEqual(embedText(TEXTS[index] as string, dimensions)));
    expect(invokeBodies()).toHaveLength(requests);
    expect(emulator.requests.every((request) => request.resolvedModelId === modelId)).toBe(true);
  });

  it('counts tokens from the response body where Bedrock puts them there (Titan), with the cost', async () => {
    const result = await client.embeddings.create({ model: 'titan-embed-text-v2', input: TEXTS });
    // The emulator counts whitespace-separated words: 6 + 6 + 7.
    expect(result.usage).toEqual({ prompt_tokens: 19, total_tokens: 19, cost: 19 * 0.02e-6 });
  });

  it('counts Cohere and Nova tokens from the x-amzn-bedrock-input-token-count header', async () => {
    const cohere = await client.embeddings.create({ model: 'embed-english', input: TEXTS });
    expect(cohere.usage).toEqual({ prompt_tokens: 19, total_tokens: 19, cost: 19 * 0.1e-6 });
    const nova = await client.embeddings.create({ model: 'nova-multimodal-embeddings', input: TEXTS });
    expect(nova.usage).toEqual({ prompt_tokens: 19, total_tokens: 19, cost: 19 * 0.135e-6 });
  });

  it('sends 250 Cohere texts as requests of 96, 96 and 58', async () => {
    const input = Array.from({ length: 250 }, (_, index) => `chunk ${index} of the handbook`);
    const result = await client.embeddings.create({ model: 'embed-english', input });
    expect(invokeBodies().map((body) => (body['texts'] as string[]).length).sort()).toEqual([58, 96, 96]);
    expect(result.data[249]?.embedding).toEqual(embedText('chunk 249 of the handbook', 1024));
  });
});

describe('dimensions', () => {
  it.each<[string, number, string]>([
    ['titan-embed-text-v2', 256, 'dimensions'],
    ['titan-embed-image', 384, 'embeddingConfig'],
    ['embed-v4', 512, 'output_dimension'],
    ['nova-multimodal-embeddings', 3072, 'singleEmbeddingParams'],
  ])('%s at %d', async (model, dimensions, field) => {
    const result = await client.embeddings.create({ model, input: 'short text', dimensions });
    expect(result.data[0]?.embedding).toEqual(embedText('short text', dimensions));
    expect(JSON.stringify(invokeBodies()[0]?.[field])).toContain(String(dimensions));
  });

  it('refuses a value the model does not allow, listing the allowed ones, before sending anything', async () => {
    const error = await client.embeddings.create({ model: 'titan-embed-text-v2', input: 'x', dimensions: 768 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('dimensions');
    expect((error as Error).message).toContain('256, 512, 1024');
    const fixed = await client.embeddings.create({ model: 'titan-embed-text', input: 'x', dimensions: 1024 }).catch((caught: unknown) => caught);
    expect((fixed as Error).message).toContain('must be 1536');
    expect(emulator.counts.InvokeModel).toBe(0);
  });
});

describe('encoding_format base64', () => {
  it('returns little-endian float32 that decodes back to the float result', async () => {
    const floats = await client.embeddings.create({ model: 'embed-v4', input: TEXTS, dimensions: 256 });
    const encoded = await client.embeddings.create({ model: 'embed-v4', input: TEXTS, dimensions: 256, encoding_format: 'base64' });
    expect(encoded.data.map((entry) => entry.index)).toEqual([0, 1, 2]);
    encoded.data.forEach((entry, index) => {
      expect(typeof entry.embedding).toBe('string');
      const bytes = Buffer.from(entry.embedding, 'base64');
      expect(bytes.length).toBe(256 * 4);
      expect(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, 256))).toEqual(floats.data[index]?.embedding.map(Math.fround));
      expect(decodeFloat32Base64(entry.embedding)).toEqual(floats.data[index]?.embedding.map(Math.fround));
    });
  });
});

describe('input types', () => {
  it('sends search_document by default and the asked type otherwise (Cohere input_type)', async () => {
    await client.embeddings.create({ model: 'embed-english', input: 'a document' });
    await client.embeddings.create({ model: 'embed-v4', input: 'a question?', bedrock: { inputType: 'search_query' } });
    await client.embeddings.create({ model: 'embed-v4', input: 'a label', bedrock: { inputType: 'classification' } });
    expect(invokeBodies().map((body) => body['input_type'])).toEqual(['search_document', 'search_query', 'classification']);
  });

  it('maps them to Nova purposes', async () => {
    for (const inputType of ['search_document', 'search_query', 'classification', 'clustering'] as const) {
      await client.embeddings.create({ model: 'nova-multimodal-embeddings', input: 'text', bedrock: { inputType } });
    }
    expect(invokeBodies().map((body) => (body['singleEmbeddingParams'] as Record<string, unknown>)['embeddingPurpose'])).toEqual([
      'GENERIC_INDEX',
      'GENERIC_RETRIEVAL',
      'CLASSIFICATION',
      'CLUSTERING',
    ]);
  });

  it('leaves Titan bodies alone (Titan has no input type) and passes truncation and normalize through', async () => {
    await client.embeddings.create({ model: 'titan-embed-text-v2', input: 'q', bedrock: { inputType: 'search_query', normalize: false } });
    await client.embeddings.create({ model: 'embed-english', input: 'q', bedrock: { truncate: 'end' } });
    await client.embeddings.create({ model: 'embed-v4', input: 'q', bedrock: { truncate: 'start' } });
    const [titan, cohereV3, cohereV4] = invokeBodies();
    expect(titan).toEqual({ inputText: 'q', dimensions: 1024, normalize: false });
    expect(cohereV3?.['truncate']).toBe('END');
    expect(cohereV4?.['truncate']).toBe('LEFT');
  });
});

describe('model names', () => {
  it('calls an application-inference-profile ARN with the family of its declared base model', async () => {
    const result = await client.embeddings.create({ model: ARN, input: TEXTS, bedrock: { baseModel: 'embed-v4' }, user: 'team-7' });
    expect(result.model).toBe(ARN);
    expect(result.data[2]?.embedding).toEqual(embedText(TEXTS[2] as string, 1536));
    const [request] = emulator.requests;
    expect(request?.modelId).toBe(ARN);
    expect(request?.resolvedModelId).toBe('cohere.embed-v4:0');
    expect((request?.body as Record<string, unknown>)['texts']).toEqual(TEXTS);
    // An application profile's price is unknown: no cost rather than a guess.
    expect(result.usage.cost).toBeUndefined();
  });

  it.each(['us.cohere.embed-v4:0', 'global.cohere.embed-v4:0', 'bedrock/embed-v4'])('knows the family of %s from the catalog', async (model) => {
    const result = await client.embeddings.create({ model, input: ['one', 'two'] });
    expect(result.data).toHaveLength(2);
    expect(invokeBodies()).toHaveLength(1);
  });
});

describe('images', () => {
  it('embeds data-URL images next to text, never mixing them in one Cohere request', async () => {
    const result = await client.embeddings.create({ model: 'embed-v4', input: ['caption one', PNG, PNG, 'caption two'] });
    expect(result.data.map((entry) => entry.embedding.length)).toEqual([1536, 1536, 1536, 1536]);
    expect(invokeBodies().map((body) => Object.keys(body).filter((key) => key === 'texts' || key === 'images'))).toEqual([['texts'], ['images'], ['texts']]);
  });

  it.each([
    ['titan-embed-image', (body: Record<string, unknown>) => typeof body['inputImage'] === 'string'],
    ['embed-english', (body: Record<string, unknown>) => body['input_type'] === 'image'],
    ['nova-multimodal-embeddings', (body: Record<string, unknown>) => 'image' in (body['singleEmbeddingParams'] as object)],
  ])('%s', async (model, isImageBody) => {
    const result = await client.embeddings.create({ model, input: [PNG] });
    expect(result.data).toHaveLength(1);
    expect(isImageBody(invokeBodies()[0] as Record<string, unknown>)).toBe(true);
  });

  it('refuses an image for a text-only model, naming the index', async () => {
    const error = await client.embeddings.create({ model: 'titan-embed-text-v2', input: ['text', PNG] }).catch((caught: unknown) => caught);
    expect((error as BadRequestError).param).toBe('input[1]');
    expect(emulator.counts.InvokeModel).toBe(0);
  });
});

describe('under load', () => {
  it('keeps data[i] for input i under randomized latency', async () => {
    emulator.faults.add({ operation: 'InvokeModel', latencyMs: { min: 0, max: 25 }, count: Infinity });
    const input = Array.from({ length: 80 }, (_, index) => `passage ${index} mentions topic ${index % 7}`);
    const result = await client.embeddings.create({ model: 'titan-embed-text-v2', input, dimensions: 256 }, { concurrency: 12 });
    expect(result.data.map((entry) => entry.index)).toEqual(input.map((_, index) => index));
    result.data.forEach((entry, index) => expect(entry.embedding).toEqual(embedText(input[index] as string, 256)));
  });

  it('rides out a throttling storm (real backoff) with no lost or duplicated vector', async () => {
    emulator.faults.failNext(6, 'ThrottlingException', { operation: 'InvokeModel' });
    const input = Array.from({ length: 24 }, (_, index) => `record ${index}`);
    const retries: string[] = [];
    const result = await client.embeddings.create({ model: 'titan-embed-text-v2', input }, { concurrency: 4, onRetry: (info) => retries.push(info.bedrockErrorName ?? '') });
    result.data.forEach((entry, index) => expect(entry.embedding).toEqual(embedText(`record ${index}`, 1024)));
    expect(retries).toEqual(Array.from({ length: 6 }, () => 'ThrottlingException'));
    // Every input sent until it succeeded, and never again after: 24 successes + 6 throttled attempts.
    expect(emulator.counts.InvokeModel).toBe(30);
    const succeeded = emulator.requests.filter((request) => request.status === 200).map((request) => (request.body as { inputText: string }).inputText);
    expect(new Set(succeeded).size).toBe(24);
    expect(result.usage.prompt_tokens).toBe(48);
  });

  it('rides out a long storm over Cohere batches (backoff scaled down 100×)', async () => {
    emulator.faults.failNext(40, 'ThrottlingException', { operation: 'InvokeModel' });
    const embeddings = new Embeddings(client, { sleep: (ms, signal) => sleep(ms / 100, signal) });
    const input = Array.from({ length: 960 }, (_, index) => `row ${index}`);
    const result = await embeddings.create({ model: 'embed-english', input }, { concurrency: 8 });
    result.data.forEach((entry, index) => expect(entry.embedding).toEqual(embedText(`row ${index}`, 1024)));
    expect(emulator.counts.InvokeModel).toBe(10 + 40);
    const sent = emulator.requests.filter((request) => request.status === 200).flatMap((request) => (request.body as { texts: string[] }).texts);
    expect(sent).toHaveLength(960);
    expect(new Set(sent).size).toBe(960);
  });

  it('gives up on a request once its throttle retries are used, naming its inputs', async () => {
    emulator.faults.failNext(10, 'ThrottlingException', { operation: 'InvokeModel' });
    const embeddings = new Embeddings(client, { sleep: (ms, signal) => sleep(ms / 100, signal) });
    const error = await embeddings
      .create({ model: 'embed-english', input: ['a', 'b', 'c'] }, { throttleRetries: 3, concurrency: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(embeddingFailureOf(error)).toEqual({ failedInputs: [0, 1, 2], notEmbedded: 3 });
    expect(emulator.counts.InvokeModel).toBe(4);
  });
});

describe('failures', () => {
  it('reports a failing input by its index (Bedrock rejects it) and returns no partial result', async () => {
    const input = Array.from({ length: 30 }, (_, index) => `ordinary chunk ${index}`);
    input[13] = 'word '.repeat(9000);
    const error = await client.embeddings.create({ model: 'titan-embed-text-v2', input }, { concurrency: 4 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('input[13]');
    expect((error as BadRequestError).bedrockErrorName).toBe('ValidationException');
    expect((error as Error).message).toContain('Embedding failed for input 13 (ValidationException: 400 Bad Request: Too many input tokens');
    expect(embeddingFailureOf(error)?.failedInputs).toEqual([13]);
    expect((error as BadRequestError).requestID).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses token arrays and empty strings, naming the index, before sending anything', async () => {
    const tokens = await client.embeddings.create({ model: 'embed-v4', input: [[101, 102], [103]] }).catch((caught: unknown) => caught);
    expect((tokens as BadRequestError).param).toBe('input[0]');
    const empty = await client.embeddings.create({ model: 'embed-v4', input: ['fine', ''] }).catch((caught: unknown) => caught);
    expect((empty as BadRequestError).param).toBe('input[1]');
    expect(emulator.counts.InvokeModel).toBe(0);
  });

  it('aborts every request in flight when the signal fires', async () => {
    emulator.faults.add({ operation: 'InvokeModel', latencyMs: 2_000, count: Infinity });
    const controller = new AbortController();
    const input = Array.from({ length: 40 }, (_, index) => `item ${index}`);
    const call = client.embeddings.create({ model: 'titan-embed-text-v2', input }, { concurrency: 5, signal: controller.signal });
    const sent = (): number => emulator.requests.filter((request) => String((request.body as { inputText?: string }).inputText).startsWith('item ')).length;
    while (sent() < 5) await sleep(5, undefined);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'APIUserAbortError' });
    await sleep(50, undefined);
    expect(sent()).toBe(5);
  });
});

describe('withResponse', () => {
  it('gives the first request ID and the attempts over every request', async () => {
    emulator.faults.failNext(1, 'ThrottlingException', { operation: 'InvokeModel' });
    const { data, request_id, response } = await client.embeddings.create({ model: 'embed-english', input: TEXTS }).withResponse();
    expect(data.data).toHaveLength(3);
    expect(request_id).toBe(emulator.requests.at(-1)?.requestId);
    expect(response).toMatchObject({ httpStatusCode: 200, attempts: 2 });
    expect(response.totalRetryDelay).toBeGreaterThan(0);
  });
});

describe('client settings', () => {
  it("follows the client's maxRetries and reports retries through the client's onRetry hook", async () => {
    const retried: string[] = [];
    const strict = new Client({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: emulator.credentials,
      configFile: false,
      maxRetries: 0,
      onRetry: (info) => retried.push(info.bedrockErrorName ?? info.errorName),
    });
    try {
      emulator.faults.failNext(1, 'ServiceUnavailableException', { operation: 'InvokeModel' });
      const error = await strict.embeddings.create({ model: 'titan-embed-text-v2', input: 'x' }).catch((caught: unknown) => caught);
      expect((error as { status?: number }).status).toBe(503);
      expect(emulator.counts.InvokeModel).toBe(1);
      // Throttling has its own budget (`throttleRetries`), so it is still retried, and the hook hears of it.
      emulator.faults.failNext(1, 'ThrottlingException', { operation: 'InvokeModel' });
      await strict.embeddings.create({ model: 'titan-embed-text-v2', input: 'x' });
      expect(retried).toEqual(['ThrottlingException']);
    } finally {
      strict.close();
    }
  });
});

describe('values that would reach an HTTP header', () => {
  it.each(['a\u2003b', 'a\u3000b', 'a\u00a0b', '\ufeffa'])('refuses user %j before sending, as a BadRequestError naming user (not a retried connection error)', async (user) => {
    const error = await client.embeddings.create({ model: 'titan-embed-text-v2', input: 'x', user }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('user');
    expect(emulator.requests).toHaveLength(0);
  });

  it('sends ASCII whitespace in user JSON-escaped in the header, which Bedrock accepts', async () => {
    await client.embeddings.create({ model: 'titan-embed-text-v2', input: 'x', user: 'team a\tb' });
    expect(invokeBodies()).toHaveLength(1);
  });
});
