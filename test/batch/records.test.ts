/** The pure batch converters and mappings: input lines, record IDs, statuses, configuration. */
import { describe, expect, it } from 'vitest';
import { describeBatchConfig, resolveBatchConfig } from '../../src/batch/config.js';
import { deserializeResponsesContext, serializeResponsesContext } from '../../src/batch/job-record.js';
import {
  addBatchUsage,
  convertChatLine,
  convertChatOutput,
  convertEmbeddingLine,
  convertResponsesLine,
  convertResponsesOutput,
  emptyBatchUsage,
  parseBatchLine,
  parseRecordId,
  recordIdFor,
} from '../../src/batch/records.js';
import { mapJobStatus } from '../../src/batch/status.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { findCatalogEntry } from '../../src/models/resolve.js';

describe('parseBatchLine', () => {
  it.each([
    ['{', /^Line 3: not valid JSON/],
    ['[]', /^Line 3: must be a JSON object/],
    ['{"method":"POST"}', /^Line 3: `custom_id` must be a non-empty string/],
    ['{"custom_id":"a","method":"GET","url":"/v1/embeddings","body":{}}', /^Line 3 \(custom_id "a"\): `method` must be "POST"/],
    ['{"custom_id":"a","method":"POST","url":"/v1/completions","body":{}}', /^Line 3 \(custom_id "a"\): `url` must be one of \/v1\/chat\/completions, \/v1\/responses, \/v1\/embeddings/],
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

describe('Responses lines use the online Responses converter, then chat\'s', () => {
  const model = { entry: findCatalogEntry('nova-lite'), modelId: 'us.amazon.nova-lite-v1:0' };
  const line = (body: Record<string, unknown>) => ({ custom_id: 'r1', method: 'POST' as const, url: '/v1/responses' as const, body: { model: 'nova-lite', ...body } });
  const output = { output: { message: { role: 'assistant', content: [{ text: 'Hello' }] } }, stopReason: 'end_turn', usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 } };

  it('converts instructions, input and limits to a Converse modelInput', () => {
    const { modelInput } = convertResponsesLine(line({ instructions: 'Be brief.', input: 'Hi', max_output_tokens: 10 }), 1, model);
    expect(modelInput).toMatchObject({ system: [{ text: 'Be brief.' }], messages: [{ role: 'user', content: [{ text: 'Hi' }] }], inferenceConfig: { maxTokens: 10 } });
  });

  it('answers with the online converter: a completed response, echoing the request, not stored', () => {
    const tools = [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: {} } }];
    const { context } = convertResponsesLine(line({ input: 'Hi', tools, metadata: { k: 'v' } }), 1, model);
    // The context travels through lines.jsonl as JSON.
    const read = deserializeResponsesContext(JSON.parse(JSON.stringify(serializeResponsesContext(context))));
    const response = convertResponsesOutput(output, read, { model: 'us.amazon.nova-lite-v1:0', created: 7, requestId: 'job-0000000000' });
    expect(response).toMatchObject({ object: 'response', status: 'completed', created_at: 7, output_text: 'Hello', store: false, metadata: { k: 'v' }, usage: { input_tokens: 3, output_tokens: 1, total_tokens: 4 } });
    expect(response.id).toMatch(/^resp_[0-9a-f]{32}$/);
    expect(response.tools).toEqual([{ type: 'function', name: 'get_weather', description: null, parameters: { type: 'object', properties: {} }, strict: null }]);
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello' }] });
  });

  it('gives a tool call under the caller\'s own tool name', () => {
    const tools = [{ type: 'function', name: 'lookup.v2', parameters: { type: 'object', properties: {} } }];
    const { modelInput, context } = convertResponsesLine(line({ input: 'Hi', tools }), 1, model);
    const bedrockName = (modelInput as { toolConfig: { tools: Array<{ toolSpec: { name: string } }> } }).toolConfig.tools[0]!.toolSpec.name;
    expect(bedrockName).not.toBe('lookup.v2');
    const read = deserializeResponsesContext(JSON.parse(JSON.stringify(serializeResponsesContext(context))));
    const call = { output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_1', name: bedrockName, input: { q: 1 } } }] } }, stopReason: 'tool_use', usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 } };
    const response = convertResponsesOutput(call, read, { model: 'm', created: 1, requestId: null });
    expect(response.output[0]).toMatchObject({ type: 'function_call', name: 'lookup.v2', arguments: '{"q":1}' });
  });

  it.each([
    [{ input: 'Hi', stream: true }, /^Line 4 \(custom_id "r1"\): .*stream/, 'body.stream'],
    [{ input: 'Hi', previous_response_id: 'resp_1' }, /previous_response_id.*cannot be used in a batch/, 'body.previous_response_id'],
    [{ input: 'Hi', store: true }, /`store: true` cannot be used in a batch/, 'body.store'],
    [{ input: [{ type: 'item_reference', id: 'msg_1' }] }, /item_reference.*cannot be used in a batch/, 'body.input'],
    [{ input: 'Hi', tools: [{ type: 'web_search' }] }, /web_search/, 'body.tools[0]'],
    [{ input: 'Hi', frobnicate: 1 }, /Unknown parameter: `frobnicate`/, 'body.frobnicate'],
    [{ input: [{ role: 'user', content: [{ type: 'input_text' }] }] }, /input\[0\]/, undefined],
  ])('refuses %j, naming the line and the Responses param', (body, message, param) => {
    const error = (() => {
      try {
        convertResponsesLine(line(body), 4, model);
      } catch (caught) {
        return caught as { message: string; param?: string };
      }
      return undefined;
    })();
    expect(error?.message).toMatch(/^Line 4 \(custom_id "r1"\): /);
    expect(error?.message).toMatch(message);
    if (param !== undefined) expect(error?.param).toBe(param);
    // Chat's parameter names never leak into a Responses line's error.
    expect(error?.message).not.toMatch(/messages\[/);
  });

  it('accepts store: false', () => {
    expect(() => convertResponsesLine(line({ input: 'Hi', store: false }), 1, model)).not.toThrow();
  });
});

describe('addBatchUsage', () => {
  it.each([
    ['a chat completion', { usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens_details: { reasoning_tokens: 2 } } }, [10, 4, 5, 2, 15]],
    ['a response', { usage: { input_tokens: 7, input_tokens_details: { cached_tokens: 3 }, output_tokens: 2, output_tokens_details: { reasoning_tokens: 1 }, total_tokens: 9 } }, [7, 3, 2, 1, 9]],
    ['an embeddings list', { usage: { prompt_tokens: 6, total_tokens: 6 } }, [6, 0, 0, 0, 6]],
    ['a body without usage', { data: [] }, [0, 0, 0, 0, 0]],
    ['details that are null', { usage: { prompt_tokens: 1, completion_tokens: 1, prompt_tokens_details: null } }, [1, 0, 1, 0, 2]],
  ])('adds %s', (_, body, [input, cached, output, reasoning, total]) => {
    const usage = emptyBatchUsage();
    addBatchUsage(usage, body);
    addBatchUsage(usage, body);
    expect(usage).toEqual({
      input_tokens: 2 * input!,
      input_tokens_details: { cached_tokens: 2 * cached! },
      output_tokens: 2 * output!,
      output_tokens_details: { reasoning_tokens: 2 * reasoning! },
      total_tokens: 2 * total!,
    });
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
      sources: { s3Uri: 'the batch.s3Uri option', roleArn: 'BEDROCK_OPENAI_BATCH_ROLE_ARN' },
    });
    expect(resolveBatchConfig({ options: undefined, env: {}, file: { s3Uri: 's3://my-bucket', roleArn: role } }).prefix).toBe('');
  });

  it.each([
    ['the option first', { s3Endpoint: 'http://option:1' }, { AWS_ENDPOINT_URL_S3: 'http://env:2', AWS_ENDPOINT_URL: 'http://all:3' }, { s3Endpoint: 'http://file:4' }, 'http://option:1', 'http://all:3'],
    ['then the service variable', {}, { AWS_ENDPOINT_URL_S3: 'http://env:2', AWS_ENDPOINT_URL_BEDROCK: 'http://control:5', AWS_ENDPOINT_URL: 'http://all:3' }, { s3Endpoint: 'http://file:4' }, 'http://env:2', 'http://control:5'],
    ['then AWS_ENDPOINT_URL', {}, { AWS_ENDPOINT_URL_S3: ' ', AWS_ENDPOINT_URL: 'http://all:3' }, { s3Endpoint: 'http://file:4' }, 'http://all:3', 'http://all:3'],
    ['then bedrock.json', {}, {}, { s3Endpoint: 'http://file:4', bedrockEndpoint: 'http://file:6' }, 'http://file:4', 'http://file:6'],
    ['else none (AWS\'s)', {}, { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://runtime:7' }, undefined, undefined, undefined],
  ])('endpoints: %s', (_, options, env, file, s3Endpoint, bedrockEndpoint) => {
    const resolved = resolveBatchConfig({ options: { s3Uri: 's3://my-bucket/', roleArn: role, ...options }, env, file });
    expect([resolved.s3Endpoint, resolved.bedrockEndpoint]).toEqual([s3Endpoint, bedrockEndpoint]);
  });

  it.each([
    ['not configured', {}, {}, 'batch: not configured'],
    [
      'from the environment, with endpoints',
      {},
      { BEDROCK_OPENAI_BATCH_S3_URI: 's3://my-bucket/jobs', BEDROCK_OPENAI_BATCH_ROLE_ARN: role, AWS_ENDPOINT_URL: 'http://127.0.0.1:4599' },
      `batch s3://my-bucket/jobs/ (BEDROCK_OPENAI_BATCH_S3_URI), role ${role} (BEDROCK_OPENAI_BATCH_ROLE_ARN), S3 http://127.0.0.1:4599 (AWS_ENDPOINT_URL), control plane http://127.0.0.1:4599 (AWS_ENDPOINT_URL)`,
    ],
    ['from the option', { s3Uri: 's3://my-bucket', roleArn: role }, {}, `batch s3://my-bucket/ (the batch.s3Uri option), role ${role} (the batch.roleArn option)`],
    ['half configured', { s3Uri: 's3://my-bucket' }, {}, /^batch: Batch inference needs `batch.roleArn`/],
    ['malformed', {}, { BEDROCK_OPENAI_BATCH_S3_URI: 'my-bucket', BEDROCK_OPENAI_BATCH_ROLE_ARN: role }, /^batch: `batch.s3Uri` \(from BEDROCK_OPENAI_BATCH_S3_URI\) must be an S3 URI/],
  ])('describes the settings: %s', (_, options, env, expected) => {
    const line = describeBatchConfig(() => resolveBatchConfig({ options, env, file: undefined }));
    if (typeof expected === 'string') expect(line).toBe(expected);
    else expect(line).toMatch(expected);
  });

  it('names where a bad endpoint came from', () => {
    expect(() => resolveBatchConfig({ options: { s3Uri: 's3://my-bucket/', roleArn: role }, env: { AWS_ENDPOINT_URL_S3: 'localhost:4599' }, file: undefined })).toThrow(
      /`batch.s3Endpoint` \(from AWS_ENDPOINT_URL_S3\) must be an http\(s\) URL/,
    );
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
