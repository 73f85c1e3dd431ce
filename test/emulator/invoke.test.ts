import { CountTokensCommand, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity } from '../../src/emulator/embeddings.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { captureError, ClientFactory, TRANSPORTS } from './helpers.js';

let emulator: EmulatorHandle;
const clients = new ClientFactory(() => emulator);

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  clients.destroyAll();
  await emulator.close();
});

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const parse = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;

describe.each(TRANSPORTS)('InvokeModel over %s', (transport) => {
  it('embeds with Titan v2 so similar texts score higher (a tiny offline RAG)', async () => {
    const client = clients.sigv4(transport);
    const embed = async (inputText: string) =>
      parse((await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', contentType: 'application/json', body: json({ inputText, dimensions: 256 }) }))).body)[
        'embedding'
      ] as number[];
    const documents = ['Our office opens at 9am on weekdays', 'Refunds are processed within five business days', 'The cafeteria serves lunch at noon'];
    const vectors = await Promise.all(documents.map(embed));
    const query = await embed('When are refunds processed?');
    const best = vectors.map((vector, index) => [cosineSimilarity(query, vector), index] as const).sort((a, b) => b[0] - a[0])[0];
    expect(documents[best?.[1] ?? -1]).toBe('Refunds are processed within five business days');
  });

  it('reports Cohere usage in the x-amzn-bedrock-input-token-count header', async () => {
    const response = await fetch(`${emulator.url}/model/cohere.embed-english-v3/invoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ texts: ['one two', 'three'], input_type: 'search_document' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amzn-bedrock-input-token-count')).toBe('3');
    const body = (await response.json()) as { embeddings: number[][] };
    expect(body.embeddings).toHaveLength(2);
    expect(body.embeddings[0]).toHaveLength(1024);
    // The SDK path works too.
    const sdk = await clients.sigv4(transport).send(
      new InvokeModelCommand({ modelId: 'cohere.embed-multilingual-v3', body: json({ texts: ['hola'], input_type: 'search_query' }) }),
    );
    expect(parse(sdk.body)['response_type']).toBe('embeddings_floats');
  });

  it('serves Titan v1, Titan multimodal, Cohere v4 and Nova embeddings bodies', async () => {
    const client = clients.sigv4(transport);
    const cases: Array<[string, unknown, (body: Record<string, unknown>) => void]> = [
      ['amazon.titan-embed-text-v1', { inputText: 'hi' }, (body) => expect(body['embedding']).toHaveLength(1536)],
      ['amazon.titan-embed-image-v1', { inputText: 'hi', embeddingConfig: { outputEmbeddingLength: 256 } }, (body) => expect(body['embedding']).toHaveLength(256)],
      ['cohere.embed-v4:0', { texts: ['hi'], input_type: 'search_document', output_dimension: 512 }, (body) => expect((body['embeddings'] as { float: number[][] }).float[0]).toHaveLength(512)],
      [
        'amazon.nova-2-multimodal-embeddings-v1:0',
        { schemaVersion: 'nova-multimodal-embed-v1', taskType: 'SINGLE_EMBEDDING', singleEmbeddingParams: { embeddingPurpose: 'TEXT_RETRIEVAL', embeddingDimension: 1024, text: { truncationMode: 'END', value: 'hi' } } },
        (body) => expect((body['embeddings'] as Array<{ embedding: number[] }>)[0]?.embedding).toHaveLength(1024),
      ],
    ];
    for (const [modelId, body, check] of cases) {
      check(parse((await client.send(new InvokeModelCommand({ modelId, body: json(body) }))).body));
    }
  });

  it('rejects a second Titan text and a bad Cohere batch with Bedrock messages', async () => {
    const client = clients.sigv4(transport);
    const titan = await captureError(client.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: json({ inputText: ['a', 'b'] }) })));
    expect(titan).toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/^Malformed input request: #\/inputText: expected type: String/) });
    const cohere = await captureError(
      client.send(new InvokeModelCommand({ modelId: 'cohere.embed-english-v3', body: json({ texts: Array.from({ length: 97 }, () => 'x'), input_type: 'search_document' }) })),
    );
    expect(cohere.message).toMatch(/expected maxItems: 96, actual: 97/);
  });

  it('answers an Anthropic Messages body', async () => {
    const response = await clients.sigv4(transport).send(
      new InvokeModelCommand({
        modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
        contentType: 'application/json',
        accept: 'application/json',
        body: json({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 50, system: 'Be nice.', messages: [{ role: 'user', content: 'Hello Claude' }] }),
      }),
    );
    expect(parse(response.body)).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'You said: Hello Claude' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 4, output_tokens: 4 },
    });
    const missing = await captureError(
      clients.sigv4(transport).send(new InvokeModelCommand({ modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0', body: json({ max_tokens: 5, messages: [] }) })),
    );
    expect(missing.message).toBe('Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.');
  });

  it('streams Anthropic events as chunk frames, with invocation metrics at the end', async () => {
    const response = await clients.sigv4(transport).send(
      new InvokeModelWithResponseStreamCommand({
        modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
        body: json({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 50,
          messages: [{ role: 'user', content: 'use lookup' }],
          tools: [{ name: 'lookup', input_schema: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }],
        }),
      }),
    );
    expect(response.contentType).toBe('application/json');
    const events: Array<Record<string, unknown>> = [];
    for await (const part of response.body ?? []) if (part.chunk?.bytes !== undefined) events.push(parse(part.chunk.bytes));
    expect(events.map((event) => event['type'])).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events[8]).toMatchObject({ delta: { stop_reason: 'tool_use' } });
    expect(events[9]?.['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: expect.any(Number), outputTokenCount: expect.any(Number) });
  });

  it('refuses to stream an embedding model', async () => {
    const error = await captureError(
      clients.sigv4(transport).send(new InvokeModelWithResponseStreamCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: json({ inputText: 'x' }) })),
    );
    expect(error).toMatchObject({ name: 'ValidationException', message: 'The model is unsupported for streaming.' });
  });

  it('counts tokens for Converse and InvokeModel input', async () => {
    const client = clients.sigv4(transport);
    const converse = await client.send(
      new CountTokensCommand({
        modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
        input: { converse: { system: [{ text: 'Be brief.' }], messages: [{ role: 'user', content: [{ text: 'one two three' }] }] } },
      }),
    );
    expect(converse.inputTokens).toBe(5);
    const invoke = await client.send(
      new CountTokensCommand({
        modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
        input: { invokeModel: { body: json({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [{ role: 'user', content: 'four words right here' }] }) } },
      }),
    );
    expect(invoke.inputTokens).toBe(4);
    const unsupported = await captureError(
      client.send(new CountTokensCommand({ modelId: 'amazon.nova-lite-v1:0', input: { converse: { messages: [{ role: 'user', content: [{ text: 'x' }] }] } } })),
    );
    expect(unsupported.name).toBe('ValidationException');
  });
});
