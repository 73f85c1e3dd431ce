/**
 * Property: every OpenAI-valid request, for any model family, is either refused before sending with a typed error
 * (`BadRequestError` / `NotFoundError`, naming a field) or conforms to AWS's service model of Bedrock Runtime (the
 * emulator's generated validation). The pure pipeline is run — params → Converse plan → model resolution →
 * per-model adaptation → the JSON the SDK sends — so no HTTP is needed; a small sample also goes end to end through
 * the real SDK to the emulator. Embeddings likewise, including the value that becomes an HTTP header.
 */
import { validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptRequestToModel } from '../../src/chat/adapt-to-model.js';
import { convertToConverseRequest } from '../../src/chat/to-converse-request.js';
import { createUnsupportedParamHandler } from '../../src/chat/unsupported-params.js';
import { BedrockOpenAIError, Client, NotFoundError } from '../../src/index.js';
import { buildRequestBody } from '../../src/embeddings/families.js';
import { readEmbeddingRequest, checkRequestForModel } from '../../src/embeddings/validate.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { serviceModelViolations } from '../../src/emulator/service-validation.js';
import { resolveModel } from '../../src/models/resolve.js';
import { BadRequestError } from '../../src/core/errors.js';

const CHAT_MODELS = [
  'claude-3-haiku',
  'claude-3-7-sonnet',
  'claude-sonnet-4-5',
  'claude-opus-4-5',
  'claude-haiku-4-5',
  'nova-lite',
  'nova-pro',
  'nova-2-lite',
  'llama3-3-70b',
  'llama4-maverick',
  'mistral-large-2',
  'pixtral-large',
  'command-r-plus',
  'jamba-1-5-mini',
  'deepseek-r1',
  'deepseek-v3',
  'gpt-oss-120b',
  'qwen3-32b',
];

/** Strings with the characters that trip Bedrock's patterns: Unicode spaces, ASCII whitespace, punctuation, emoji. */
const trickyChar = fc.constantFrom(' ', '\t', '\n', '\u000b', '\f', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0085', '\u2028', '.', '/', ':', '_', '-', '@', '(', ')', '[', ']', '<', '😀', 'é', 'A', 'z', '0');
const trickyString = (min = 0, max = 12) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'b', 'x', '1', 'Q') }, { weight: 2, arbitrary: trickyChar }), { minLength: min, maxLength: max }).map((chars) => chars.join(''));

/** Model names: catalog aliases, base/profile IDs, ARNs (some malformed in ways the service pattern refuses). */
const modelName = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...CHAT_MODELS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'anthropic.claude-3-haiku-20240307-v1:0',
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'amazon.nova-lite-v1:0',
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
      'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz',
      'arn:aws:bedrock:us-east-1::foundation-model/us.anthropic.claude-3-haiku-20240307-v1:0',
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1:200k',
      'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345',
      'my_org.model-v1',
      'vendor.model v1',
      'vendor.model\u00a0v1',
    ),
  },
  { weight: 1, arbitrary: fc.tuple(trickyString(1, 8), trickyString(1, 8)).map(([a, b]) => `${a}.${b}`) },
);

const bucket = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('my-bucket', 'images.example', 'b1c') },
  { weight: 1, arbitrary: trickyString(1, 8).map((name) => name.toLowerCase()) },
  { weight: 1, arbitrary: fc.constantFrom('My_Bucket', 'ab', 'bucket-', '-bucket') },
);
const imagePart = fc.oneof(
  fc.constant({ type: 'image_url', image_url: { url: `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')}` } }),
  fc.tuple(fc.constantFrom(...Array.from({ length: 11 }, () => 's3://'), 'S3://'), bucket, trickyString(1, 8)).map(([scheme, name, key]) => ({ type: 'image_url', image_url: { url: `${scheme}${name}/${key}.png` } })),
);
const filePart = fc
  .tuple(fc.option(trickyString(0, 30), { nil: undefined }), fc.constantFrom('pdf', 'txt', 'csv', 'md'))
  .map(([name, extension]) => ({ type: 'file', file: { file_data: `data:text/plain;base64,${Buffer.from('hello').toString('base64')}`, ...(name === undefined ? {} : { filename: `${name}.${extension}` }) } }));
const textContent = fc.oneof(trickyString(1, 20), fc.constant('Hello there'));
const userMessage = fc.oneof(
  { weight: 3, arbitrary: textContent.map((content) => ({ role: 'user', content })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(textContent, fc.array(fc.oneof(imagePart, filePart), { maxLength: 3 }))
      .map(([text, parts]) => ({ role: 'user', content: [{ type: 'text', text }, ...parts] })),
  },
  {
    weight: 1,
    arbitrary: textContent.map((text) => ({ role: 'user', content: [{ type: 'text', text, cache_control: { type: 'ephemeral' } }] })),
  },
);

const toolName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('get_weather', 'search', 'lookup-v2') }, { weight: 1, arbitrary: trickyString(1, 70) });
const tool = fc
  .record({ name: toolName, description: fc.option(fc.oneof(fc.constant(''), trickyString(0, 20)), { nil: undefined }), strict: fc.option(fc.boolean(), { nil: undefined }) })
  .map(({ name, description, strict }) => ({
    type: 'function',
    function: { name, ...(description === undefined ? {} : { description }), parameters: { type: 'object', properties: { q: { type: 'string' } } }, ...(strict === undefined ? {} : { strict }) },
  }));

/** A conversation: user turns, optionally a tool round trip with generated names and IDs. */
const conversation = fc
  .tuple(
    fc.option(textContent, { nil: undefined }),
    fc.array(userMessage, { minLength: 1, maxLength: 3 }),
    fc.option(fc.tuple(toolName, trickyString(1, 80), trickyString(0, 10)), { nil: undefined }),
  )
  .map(([system, users, toolRound]) => {
    const messages: Record<string, unknown>[] = [];
    if (system !== undefined) messages.push({ role: 'system', content: system });
    users.forEach((message, index) => {
      if (index > 0) messages.push({ role: 'assistant', content: `Reply ${index}` });
      messages.push(message);
    });
    if (toolRound !== undefined) {
      const [name, id, result] = toolRound;
      messages.push({ role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name, arguments: '{"q":"x"}' } }] });
      messages.push({ role: 'tool', tool_call_id: id, content: result === '' ? 'ok' : result });
      messages.push({ role: 'user', content: 'Thanks' });
    }
    return messages;
  });

const metadataValue = fc.oneof({ weight: 12, arbitrary: fc.stringMatching(/^[a-zA-Z0-9 :@.-]{0,12}$/) }, { weight: 1, arbitrary: trickyString(0, 12) });
const chatParams = fc
  .record(
    {
      model: modelName,
      messages: conversation,
      max_tokens: fc.oneof(
        { weight: 30, arbitrary: fc.integer({ min: 1, max: 4096 }) },
        { weight: 1, arbitrary: fc.integer({ min: 2 ** 31 - 2, max: 2 ** 32 }) },
        { weight: 1, arbitrary: fc.constant(Number.MAX_SAFE_INTEGER) },
      ),
      temperature: fc.double({ min: 0, max: 1, noNaN: true }),
      top_p: fc.double({ min: 0, max: 1, noNaN: true }),
      stop: fc.array(trickyString(1, 6), { maxLength: 3 }),
      tools: fc.uniqueArray(tool, { maxLength: 3, selector: (item) => item.function.name }),
      metadata: fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z_]{1,8}$/) }, { weight: 1, arbitrary: trickyString(1, 8) }), metadataValue, { maxKeys: 3 }),
      user: metadataValue,
      safety_identifier: metadataValue,
      service_tier: fc.constantFrom('auto', 'default', 'flex', 'priority'),
      reasoning_effort: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('low', 'medium', 'high') }),
      stream: fc.boolean(),
      response_format: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        fc.oneof(
          fc.constant({ type: 'json_object' }),
          fc.constant({ type: 'text' }),
          fc.oneof({ weight: 6, arbitrary: fc.constant('answer') }, { weight: 1, arbitrary: trickyString(1, 10) }).map((name) => ({
            type: 'json_schema',
            json_schema: { name, schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false } },
          })),
        ),
      ),
    },
    { requiredKeys: ['model', 'messages'] },
  )
  .map((params) => {
    // `tool_choice` only with tools (OpenAI's own rule).
    const first = params.tools?.[0];
    const withChoice =
      first === undefined ? params : { ...params, tool_choice: first.function.name.length % 2 === 0 ? 'auto' : { type: 'function', function: { name: first.function.name } } };
    return withChoice;
  });

/** The JSON the AWS SDK puts on the wire for a Converse input (blobs as base64; `modelId` goes in the path). */
function wireBody(input: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(input, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value)));
}

function isTypedRefusal(error: unknown): boolean {
  return (error instanceof BadRequestError || error instanceof NotFoundError) && typeof (error as BedrockOpenAIError & { param?: unknown }).param === 'string';
}

type Outcome = { refused: BadRequestError | NotFoundError } | { violations: string[]; operation: 'Converse' | 'ConverseStream'; input: Record<string, unknown> };

function runChatPipeline(params: Record<string, unknown>): Outcome {
  const unsupported = createUnsupportedParamHandler({ drop: true, warn: () => undefined });
  try {
    const plan = convertToConverseRequest(params, { imageFetch: false, unsupported });
    const model = resolveModel(params['model'] as string, { region: 'us-east-1', baseModel: plan.baseModel });
    const adapted = adaptRequestToModel(plan, model, unsupported);
    const operation = plan.stream ? 'ConverseStream' : 'Converse';
    const input = adapted.input as Record<string, unknown>;
    return { operation, input, violations: serviceModelViolations(operation, { modelId: model.modelId, headers: {}, body: wireBody(input) }) };
  } catch (error) {
    if (isTypedRefusal(error)) return { refused: error as BadRequestError };
    throw error;
  }
}

describe('property: OpenAI-valid chat requests conform to the service model or are refused before sending', () => {
  it('holds across model families', () => {
    let sent = 0;
    let refused = 0;
    const reasons = new Map<string, number>();
    fc.assert(
      fc.property(chatParams, (params) => {
        const outcome = runChatPipeline(params);
        if ('refused' in outcome) {
          refused += 1;
          const reason = outcome.refused.message.slice(0, 60);
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          return;
        }
        sent += 1;
        expect(outcome.violations, JSON.stringify(outcome.input).slice(0, 2000)).toEqual([]);
      }),
      { numRuns: 600 },
    );
    // Both branches are exercised: the generators are not so tame that nothing is refused, nor so wild that nothing is sent.
    const why = JSON.stringify([...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8));
    expect(sent, why).toBeGreaterThan(40);
    expect(refused, why).toBeGreaterThan(40);
  });

  it('refuses each known violation class with a typed error naming the field', () => {
    const base = { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }] };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, max_tokens: 2 ** 31 }, 'max_tokens'],
      [{ ...base, user: 'a\u2003b' }, 'user'],
      [{ ...base, metadata: { team: 'a\u00a0b' } }, 'metadata.team'],
      [{ ...base, model: 'arn:aws:bedrock:us-east-1::foundation-model/us.anthropic.claude-3-haiku-20240307-v1:0' }, 'model'],
      [{ ...base, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 's3://My_Bucket/cat.png' } }] }] }, 'messages[0].content[0].image_url.url'],
    ];
    for (const [params, param] of cases) {
      const outcome = runChatPipeline(params);
      expect('refused' in outcome && outcome.refused.param).toBe(param);
    }
    const empty = runChatPipeline({ ...base, tools: [{ type: 'function', function: { name: 't', description: '' } }] });
    expect('violations' in empty && empty.violations).toEqual([]);
  });
});

const EMBEDDING_MODELS = ['titan-embed-text', 'titan-embed-text-v2', 'embed-english', 'embed-v4', 'nova-multimodal-embeddings'];
const embeddingParams = fc.record(
  {
    model: fc.constantFrom(...EMBEDDING_MODELS),
    input: fc.oneof(textContent, fc.array(textContent, { minLength: 1, maxLength: 4 })),
    user: metadataValue,
    dimensions: fc.constantFrom(256, 512, 1024),
  },
  { requiredKeys: ['model', 'input'] },
);

describe('property: OpenAI-valid embeddings requests conform (body, modelId and the request-metadata header)', () => {
  it('holds for every embedding family', () => {
    let sent = 0;
    fc.assert(
      fc.property(embeddingParams, (params) => {
        let request;
        let model;
        let kinds;
        try {
          request = readEmbeddingRequest(params as never);
          model = resolveModel(params.model, { region: 'us-east-1', baseModel: request.baseModel });
          kinds = checkRequestForModel(request, model.entry!.embedding!, model.modelId);
        } catch (error) {
          expect(isTypedRefusal(error), String(error)).toBe(true);
          return;
        }
        sent += 1;
        const facts = model.entry!.embedding!;
        const body = buildRequestBody(
          { family: facts.family, dimensions: request.dimensions ?? facts.defaultDimensions, inputType: request.inputType, truncate: request.truncate, normalize: request.normalize },
          request.inputs,
          0,
          1,
          kinds.images !== undefined && kinds.images.length > 0,
        );
        const headers = request.requestMetadata === undefined ? {} : { 'x-amzn-bedrock-request-metadata': request.requestMetadata };
        // Node must accept the header value (else the SDK call fails as a connection error).
        for (const [name, value] of Object.entries(headers)) expect(() => validateHeaderValue(name, value)).not.toThrow();
        expect(serviceModelViolations('InvokeModel', { modelId: model.modelId, headers, body: Buffer.from(JSON.stringify(body)) })).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect(sent).toBeGreaterThan(20);
  });
});

describe('property, end to end: a sample through the real SDK to the emulator', () => {
  let emulator: EmulatorHandle;
  let client: Client;
  beforeAll(async () => {
    emulator = await startEmulator();
    client = new Client({ endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials, configFile: false, maxRetries: 0, onWarning: () => undefined, dropUnsupportedParams: true } as never);
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it('never gets a service-model ValidationException or SerializationException back', async () => {
    await fc.assert(
      fc.asyncProperty(chatParams, async (params) => {
        const before = emulator.requests.length;
        try {
          const result = await client.chat.completions.create({ ...params, stream: false } as never);
          expect(result).toBeDefined();
        } catch (error) {
          if (isTypedRefusal(error) && emulator.requests.length === before) return;
          const message = (error as Error).message;
          // Bedrock-behaviour refusals (the model's own rules) may come back; the service model's may not.
          expect(message).not.toMatch(/validation errors? detected|Cannot deserialize/);
          expect((error as { bedrockErrorName?: string }).bedrockErrorName).not.toBe('SerializationException');
        }
      }),
      { numRuns: 25 },
    );
  });
});
