import { describe, expect, it } from 'vitest';
import { badRequest, convertRequest as convert, weatherTool } from './helpers.js';

describe('inference parameters', () => {
  it('sends nothing for a bare request', () => {
    const { input, stream, includeUsage } = convert({});
    expect(input).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hi' }] }] });
    expect([stream, includeUsage]).toEqual([false, false]);
  });

  it.each([
    [{ max_tokens: 100 }, { maxTokens: 100 }],
    [{ max_completion_tokens: 50 }, { maxTokens: 50 }],
    [{ max_tokens: 50, max_completion_tokens: 50 }, { maxTokens: 50 }],
    [{ max_tokens: null, temperature: null, top_p: null, stop: null }, undefined],
    [{ temperature: 0 }, { temperature: 0 }],
    [{ temperature: 1, top_p: 0.9 }, { temperature: 1, topP: 0.9 }],
    [{ stop: 'END' }, { stopSequences: ['END'] }],
    [{ stop: ['a', 'b'] }, { stopSequences: ['a', 'b'] }],
    [{ stop: [] }, undefined],
  ])('maps %j to inferenceConfig %j', (params, inferenceConfig) => {
    expect(convert(params).input.inferenceConfig).toEqual(inferenceConfig);
  });

  it.each([
    [{ max_tokens: 0 }, 'max_tokens'],
    [{ max_tokens: 1.5 }, 'max_tokens'],
    [{ max_completion_tokens: -1 }, 'max_completion_tokens'],
    [{ max_tokens: 10, max_completion_tokens: 20 }, 'max_completion_tokens'],
    [{ temperature: 1.5 }, 'temperature'],
    [{ temperature: -0.1 }, 'temperature'],
    [{ temperature: '0.5' }, 'temperature'],
    [{ top_p: 2 }, 'top_p'],
    [{ stop: '' }, 'stop'],
    [{ stop: ['ok', ''] }, 'stop[1]'],
    [{ stop: 5 }, 'stop'],
  ])('rejects %j, naming %s', (params, param) => {
    expect(badRequest(() => convert(params)).param).toBe(param);
  });

  it('says temperature is not rescaled', () => {
    expect(badRequest(() => convert({ temperature: 2 })).message).toMatch(/between 0 and 1/);
  });

  it('records temperature with top_p for the capability check', () => {
    expect(convert({ temperature: 0.5, top_p: 0.5 }).features.temperatureAndTopP).toBe('top_p');
    expect(convert({ temperature: 0.5 }).features.temperatureAndTopP).toBeUndefined();
  });
});

describe('unsupported and unknown parameters', () => {
  it.each([
    ['logprobs', true],
    ['top_logprobs', 3],
    ['logit_bias', { '50256': -100 }],
    ['presence_penalty', 0.5],
    ['frequency_penalty', 1],
    ['seed', 42],
    ['n', 2],
    ['audio', { format: 'mp3', voice: 'alloy' }],
    ['modalities', ['text', 'audio']],
    ['prediction', { type: 'content', content: 'x' }],
    ['store', true],
    ['web_search_options', {}],
    ['verbosity', 'low'],
    ['prompt_cache_key', 'k'],
    ['prompt_cache_retention', 'in_memory'],
    ['prompt_cache_retention', 'in-memory'],
    ['prompt_cache_retention', '24h'],
    ['prompt_cache_options', { mode: 'implicit' }],
    ['prompt_cache_options', { ttl: '30m' }],
    ['prompt_cache_options', { mode: 'explicit', ttl: '30m' }],
    ['moderation', { model: 'omni-moderation-latest' }],
    ['parallel_tool_calls', false],
    ['service_tier', 'scale'],
    ['service_tier', 'fast'],
  ])('rejects %s = %j, naming it', (param, value) => {
    const error = badRequest(() => convert({ [param]: value, ...(param === 'parallel_tool_calls' ? { tools: [weatherTool] } : {}) }));
    expect(error.param).toBe(param);
    expect(error.code).toBe('unsupported_parameter');
    expect(error.message).toContain(`\`${param}\``);
    expect(error.message).toContain('dropUnsupportedParams');
  });

  it.each([
    ['logprobs', false],
    ['top_logprobs', 0],
    ['logit_bias', {}],
    ['presence_penalty', 0],
    ['frequency_penalty', 0],
    ['n', 1],
    ['modalities', ['text']],
    ['store', false],
    ['seed', null],
    ['response_format', { type: 'text' }],
    ['parallel_tool_calls', true],
    // Optional fields that openai 6.49+ types as nullable: null is unset.
    ['prompt_cache_key', null],
    ['prompt_cache_retention', null],
    ['moderation', null],
    ['safety_identifier', null],
    ['reasoning_effort', null],
    // What Bedrock does anyway: cache only at the breakpoints given.
    ['prompt_cache_options', { mode: 'explicit' }],
    ['prompt_cache_options', {}],
  ])('accepts %s = %j (OpenAI default, changes nothing)', (param, value) => {
    expect(convert({ [param]: value }).warnings).toEqual([]);
  });

  it('sends nothing for the nullable fields given as null', () => {
    const { input } = convert({ prompt_cache_key: null, safety_identifier: null, moderation: null, user: 'u' });
    expect(input.requestMetadata).toEqual({ user: 'u' });
  });

  it('drops moderation and prompt_cache_options with a warning when asked, never silently', () => {
    const { warnings } = convert({ moderation: { model: 'omni-moderation-latest' }, prompt_cache_options: { mode: 'implicit' } }, true);
    expect(warnings.map((warning) => warning.param)).toEqual(['moderation', 'prompt_cache_options']);
  });

  it('drops unsupported parameters with one warning each when asked', () => {
    const { input, warnings } = convert({ seed: 1, presence_penalty: 0.2, n: 3, max_tokens: 10 }, true);
    expect(input.inferenceConfig).toEqual({ maxTokens: 10 });
    expect(warnings.map((warning) => [warning.code, warning.param])).toEqual([
      ['unsupported_param_dropped', 'presence_penalty'],
      ['unsupported_param_dropped', 'seed'],
      ['unsupported_param_dropped', 'n'],
    ]);
  });

  it('rejects an unknown parameter with a suggestion, even when dropping', () => {
    const error = badRequest(() => convert({ max_token: 5 }, true));
    expect(error.param).toBe('max_token');
    expect(error.code).toBe('unknown_parameter');
    expect(error.message).toContain('`max_tokens`');
  });

  it('rejects a missing model', () => {
    expect(badRequest(() => convert({ model: '' })).param).toBe('model');
  });
});

describe('streaming parameters', () => {
  it.each([
    [{ stream: true }, true, false],
    [{ stream: true, stream_options: { include_usage: true } }, true, true],
    [{ stream: true, stream_options: { include_usage: false, include_obfuscation: true } }, true, false],
    [{ stream: false }, false, false],
  ])('reads %j', (params, stream, includeUsage) => {
    const plan = convert(params);
    expect([plan.stream, plan.includeUsage]).toEqual([stream, includeUsage]);
  });

  it.each([
    [{ stream_options: { include_usage: true } }, 'stream_options'],
    [{ stream: true, stream_options: { include_usage: 'yes' } }, 'stream_options.include_usage'],
    [{ stream: true, stream_options: { chunk_size: 3 } }, 'stream_options.chunk_size'],
    [{ stream: 'true' }, 'stream'],
  ])('rejects %j', (params, param) => {
    expect(badRequest(() => convert(params)).param).toBe(param);
  });
});

describe('service-model conformance of the converted request', () => {
  it.each(['max_tokens', 'max_completion_tokens'])('refuses %s above 2^31-1 (maxTokens is a 32-bit integer), naming it', (param) => {
    expect(convert({ [param]: 2 ** 31 - 1 }).input.inferenceConfig).toEqual({ maxTokens: 2 ** 31 - 1 });
    const error = badRequest(() => convert({ [param]: 2 ** 31 }));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(/32-bit/);
    expect(badRequest(() => convert({ [param]: Number.MAX_SAFE_INTEGER })).param).toBe(param);
  });
});

describe('request metadata, service tier and Bedrock extras', () => {
  it('sends user, safety_identifier and metadata as requestMetadata', () => {
    expect(convert({ user: 'user-42@example.com', safety_identifier: 'abc', metadata: { team: 'search', env: 'prod' } }).input.requestMetadata).toEqual({
      team: 'search',
      env: 'prod',
      user: 'user-42@example.com',
      safety_identifier: 'abc',
    });
  });

  it.each([
    [{ metadata: { bad: 'ünïcode' } }, 'metadata.bad'],
    [{ metadata: { ['k'.repeat(257)]: 'v' } }, `metadata.${'k'.repeat(257)}`],
    [{ metadata: { k: 'v'.repeat(257) } }, 'metadata.k'],
    [{ metadata: { k: 5 } }, 'metadata.k'],
    [{ metadata: { user: 'a' }, user: 'b' }, 'user'],
    [{ metadata: Object.fromEntries(Array.from({ length: 16 }, (_, index) => [`k${index}`, 'v'])), user: 'u' }, 'metadata'],
    [{ user: 'line\u0000break' }, 'user'],
    // The service model's \s is ASCII whitespace: Unicode spaces are refused (JavaScript's \s would take them).
    [{ user: 'no\u00a0break' }, 'user'],
    [{ safety_identifier: 'em\u2003space' }, 'safety_identifier'],
    [{ metadata: { k: 'ideographic\u3000space' } }, 'metadata.k'],
    [{ metadata: { ['bom\ufeff']: 'v' } }, 'metadata.bom\ufeff'],
  ])('rejects request metadata %#', (params, param) => {
    expect(badRequest(() => convert(params)).param).toBe(param);
  });

  it('accepts ASCII whitespace in request metadata, as the service model does', () => {
    expect(convert({ user: 'a b\tc\nd', metadata: { 'k 1': 'x\ry\fz\u000bw' } }).input.requestMetadata).toEqual({ 'k 1': 'x\ry\fz\u000bw', user: 'a b\tc\nd' });
  });

  it.each([
    ['default', { type: 'default' }],
    ['flex', { type: 'flex' }],
    ['priority', { type: 'priority' }],
    ['auto', undefined],
    [null, undefined],
  ])('maps service_tier %j', (tier, expected) => {
    expect(convert({ service_tier: tier }).input.serviceTier).toEqual(expected);
  });

  it('passes the bedrock extras through', () => {
    const plan = convert({
      bedrock: {
        baseModel: 'claude-sonnet-4-5',
        additionalModelRequestFields: { top_k: 40 },
        additionalModelResponseFieldPaths: ['/stop_sequence'],
        latency: 'optimized',
      },
    });
    expect(plan.baseModel).toBe('claude-sonnet-4-5');
    expect(plan.input).toMatchObject({
      additionalModelRequestFields: { top_k: 40 },
      additionalModelResponseFieldPaths: ['/stop_sequence'],
      performanceConfig: { latency: 'optimized' },
    });
  });

  it.each([
    [{ bedrock: { topK: 40 } }, 'bedrock.topK'],
    [{ bedrock: { additionalModelRequestFields: [] } }, 'bedrock.additionalModelRequestFields'],
    [{ bedrock: { additionalModelResponseFieldPaths: ['stop_sequence'] } }, 'bedrock.additionalModelResponseFieldPaths[0]'],
    [{ bedrock: { latency: 'fast' } }, 'bedrock.latency'],
    [{ bedrock: 'x' }, 'bedrock'],
  ])('rejects bedrock extras %j', (params, param) => {
    expect(badRequest(() => convert(params)).param).toBe(param);
  });
});

describe('model-dependent parameters carried in the plan', () => {
  it('validates reasoning_effort and response_format and carries them for adaptRequestToModel', () => {
    const plan = convert({ reasoning_effort: 'medium', response_format: { type: 'json_object' }, max_completion_tokens: 9000 });
    expect([plan.reasoningEffort, plan.responseFormat, plan.maxTokensParam]).toEqual(['medium', { type: 'json_object' }, 'max_completion_tokens']);
    expect(plan.input.additionalModelRequestFields).toBeUndefined();
    expect(convert({ response_format: { type: 'text' } }).responseFormat).toBeUndefined();
  });

  it.each([
    [{ reasoning_effort: 'extreme' }, 'reasoning_effort'],
    [{ response_format: { type: 'yaml' } }, 'response_format.type'],
  ])('rejects %j before the model is known', (params, param) => {
    expect(badRequest(() => convert(params)).param).toBe(param);
  });

  it('records tool cache_control after the tool, tools first in the cache point list', () => {
    const plan = convert({
      tools: [{ ...weatherTool, cache_control: { type: 'ephemeral', ttl: '1h' } }],
      messages: [{ role: 'user', content: 'Hi', cache_control: { type: 'ephemeral' } }],
    });
    expect(plan.input.toolConfig?.tools).toEqual([expect.objectContaining({ toolSpec: expect.any(Object) }), { cachePoint: { type: 'default', ttl: '1h' } }]);
    expect(plan.cachePoints).toEqual([
      { param: 'tools[0].cache_control', ttl: '1h', tools: true },
      { param: 'messages[0].cache_control', ttl: undefined },
    ]);
  });

  it('carries bedrock.cache and the guardrail', () => {
    const plan = convert({ stream: true, bedrock: { cache: 'auto', guardrail: { guardrailIdentifier: 'g1', guardrailVersion: '2', streamProcessingMode: 'sync' } } });
    expect(plan.autoCache).toEqual({});
    expect(plan.input.guardrailConfig).toEqual({ guardrailIdentifier: 'g1', guardrailVersion: '2', streamProcessingMode: 'sync' });
  });
});

describe('Prompt-management prompts', () => {
  const prompt = 'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT1234';

  it('sends promptVariables, and no messages when the request adds none', () => {
    const plan = convert({ model: prompt, messages: [], bedrock: { promptVariables: { topic: { text: 'tea' } } } });
    expect(plan.input).toEqual({ promptVariables: { topic: { text: 'tea' } } });
  });

  it.each<[Record<string, unknown>, string, RegExp]>([
    [{ model: 'claude-3-haiku', bedrock: { promptVariables: { a: { text: 'b' } } } }, 'bedrock.promptVariables', /prompt ARN/],
    [{ model: prompt, messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'Hi' }] }, 'model', /system/],
    [{ model: prompt, temperature: 0.5 }, 'model', /inferenceConfig/],
    [{ model: prompt, tools: [weatherTool] }, 'model', /toolConfig/],
    [{ model: prompt, bedrock: { additionalModelRequestFields: { top_k: 1 } } }, 'model', /additionalModelRequestFields/],
  ])('rejects %j', (params, param, message) => {
    const error = badRequest(() => convert(params));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });
});
