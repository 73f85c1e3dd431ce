/** The pure batch converters and mappings: input lines, record IDs, statuses, configuration. */
import { describe, expect, it } from 'vitest';
import { resolveBatchConfig } from '../../src/batch/config.js';
import { convertChatLine, convertChatOutput, convertEmbeddingLine, parseBatchLine, parseRecordId, recordIdFor } from '../../src/batch/records.js';
import { mapJobStatus } from '../../src/batch/status.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { findCatalogEntry } from '../../src/models/resolve.js';

describe('parseBatchLine', () => {
  it.each([
    ['{', /^Line 3: not valid JSON/],
    ['[]', /^Line 3: must be a JSON object/],
    ['{"method":"POST"}', /^Line 3: `custom_id` must be a non-empty string/],
    ['{"custom_id":"a","method":"GET","url":"/v1/embeddings","body":{}}', /^Line 3 \(custom_id "a"\): `method` must be "POST"/],
    ['{"custom_id":"a","method":"POST","url":"/v1/responses","body":{}}', /^Line 3 \(custom_id "a"\): `url` must be one of/],
    ['{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":"x"}', /^Line 3 \(custom_id "a"\): `body` must be a JSON object/],
  ])('refuses %s', (text, message) => {
    expect(() => parseBatchLine(text, 3)).toThrow(message);
  });

  it('reads a good line', () => {
    expect(parseBatchLine('{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"model":"m","input":"x"}}', 1)).toEqual({
      custom_id: 'a',
      method: 'POST',
      url: '/v1/embeddings',
      body: { model: 'm', input: 'x' },
    });
  });
});

describe('record IDs', () => {
  it.each([
    [0, 0, '00000000000'],
    [1, 0, '00000010000'],
    [99_999, 2, '000255r0002'],
  ])('line %i part %i ⇄ %s', (line, part, id) => {
    expect(recordIdFor(line, part)).toBe(id);
    expect(parseRecordId(id)).toEqual({ lineIndex: line, part });
  });

  it('ignores IDs it did not write', () => {
    expect(parseRecordId('CALL0000001')).toBeUndefined();
    expect(parseRecordId(undefined)).toBeUndefined();
  });
});

describe('chat lines use the online converters', () => {
  const model = { entry: findCatalogEntry('nova-lite'), modelId: 'us.amazon.nova-lite-v1:0' };
  const line = (body: Record<string, unknown>) => ({ custom_id: 'c1', method: 'POST' as const, url: '/v1/chat/completions' as const, body: { model: 'nova-lite', ...body } });

  it('converts messages and limits to a Converse modelInput', () => {
    const { modelInput } = convertChatLine(line({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], max_tokens: 10 }), 1, model);
    expect(modelInput).toMatchObject({ system: [{ text: 'Be brief.' }], messages: [{ role: 'user', content: [{ text: 'Hi' }] }], inferenceConfig: { maxTokens: 10 } });
  });

  it('names the line and custom_id in the online error', () => {
    expect(() => convertChatLine(line({ messages: [] }), 7, model)).toThrow(/^Line 7 \(custom_id "c1"\): /);
    expect(() => convertChatLine(line({ messages: [{ role: 'user', content: 'x' }], stream: true }), 2, model)).toThrow(/stream/);
  });

  it('answers with the online response converter', () => {
    const { context } = convertChatLine(line({ messages: [{ role: 'user', content: 'Hi' }] }), 1, model);
    const completion = convertChatOutput(
      { output: { message: { role: 'assistant', content: [{ text: 'Hello' }] } }, stopReason: 'end_turn', usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 } },
      context,
      { id: 'chatcmpl-1', model: 'us.amazon.nova-lite-v1:0', created: 1, requestId: 'r' },
    );
    expect(completion.choices[0]).toMatchObject({ message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' });
    expect(completion.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 });
  });
});

describe('embedding lines', () => {
  const entry = findCatalogEntry('titan-embed-text-v2');
  const facts = (entry as { embedding?: unknown }).embedding as never;
  it('makes one Titan v2 body per input', () => {
    const { modelInputs, context } = convertEmbeddingLine(
      { custom_id: 'e', method: 'POST', url: '/v1/embeddings', body: { model: 'titan-embed-text-v2', input: ['a', 'b'], dimensions: 256 } },
      1,
      { modelId: 'amazon.titan-embed-text-v2:0' },
      facts,
    );
    expect(modelInputs).toEqual([{ inputText: 'a', dimensions: 256 }, { inputText: 'b', dimensions: 256 }]);
    expect(context).toEqual({ count: 2, base64: false });
  });
});

describe('mapJobStatus', () => {
  it.each([
    ['Submitted', 'validating'],
    ['Validating', 'validating'],
    ['Scheduled', 'validating'],
    ['InProgress', 'in_progress'],
    ['Completed', 'completed'],
    ['PartiallyCompleted', 'completed'],
    ['Failed', 'failed'],
    ['Stopping', 'cancelling'],
    ['Stopped', 'cancelled'],
    ['Expired', 'expired'],
  ])('%s → %s', (bedrock, openai) => expect(mapJobStatus(bedrock)).toBe(openai));
});

describe('resolveBatchConfig', () => {
  const role = 'arn:aws:iam::123456789012:role/R';
  it('takes the option, then the environment, then bedrock.json, per field', () => {
    expect(resolveBatchConfig({ options: { s3Uri: 's3://my-bucket/a/b' }, env: { BEDROCK_OPENAI_BATCH_ROLE_ARN: role }, file: { s3Uri: 's3://other-bucket' } })).toEqual({
      bucket: 'my-bucket',
      prefix: 'a/b/',
      roleArn: role,
      s3Endpoint: undefined,
      bedrockEndpoint: undefined,
    });
    expect(resolveBatchConfig({ options: undefined, env: {}, file: { s3Uri: 's3://my-bucket', roleArn: role } }).prefix).toBe('');
  });

  it.each([
    [{}, 'batch.s3Uri'],
    [{ s3Uri: 's3://my-bucket/' }, 'batch.roleArn'],
    [{ s3Uri: 'https://my-bucket', roleArn: role }, 'batch.s3Uri'],
    [{ s3Uri: 's3://my-bucket/', roleArn: 'role' }, 'batch.roleArn'],
  ])('names the bad field: %j', (options, field) => {
    const error = (() => {
      try {
        resolveBatchConfig({ options, env: {}, file: undefined });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toContain(field);
  });
});
