import { describe, expect, it } from 'vitest';
import { adaptRequestToModel } from '../../src/chat/adapt-to-model.js';
import { JSON_OBJECT_INSTRUCTION } from '../../src/chat/structured-output.js';
import { convertToConverseRequest } from '../../src/chat/to-converse-request.js';
import { createUnsupportedParamHandler } from '../../src/chat/unsupported-params.js';
import { findCatalogEntry } from '../../src/models/resolve.js';
import { badRequest } from './helpers.js';

const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
const weather = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } };

/** Converts params and adapts them to a catalog model (or to an unknown model ID). */
function adapt(model: string, params: Record<string, unknown>, drop = false) {
  const unsupported = createUnsupportedParamHandler({ drop, warn: () => undefined });
  const plan = convertToConverseRequest({ model, messages: [{ role: 'user', content: 'Hi' }], ...params }, { imageFetch: true, unsupported });
  const entry = findCatalogEntry(model);
  const adapted = adaptRequestToModel(plan, { entry, modelId: entry?.id ?? model }, unsupported);
  return { ...adapted, plan };
}

describe('structured output per model', () => {
  const jsonSchema = { response_format: { type: 'json_schema', json_schema: { name: 'reply', schema } } };

  it.each([
    ['claude-sonnet-4-5', 'native'],
    ['gpt-oss-20b', 'native'],
    ['vendor.brand-new-model-v1:0', 'native'],
    ['claude-3-haiku', 'tool'],
    ['nova-pro', 'tool'],
  ])('json_schema on %s → %s', (model, via) => {
    const { input, structuredOutput } = adapt(model, jsonSchema);
    expect(structuredOutput).toEqual({ type: 'json_schema', mode: via === 'tool' ? { via, toolName: 'reply' } : { via } });
    if (via === 'native') {
      expect(input.outputConfig?.textFormat?.structure?.jsonSchema?.schema).toBe(JSON.stringify(schema));
      expect(input.toolConfig).toBeUndefined();
    } else {
      expect(input.outputConfig).toBeUndefined();
      expect(input.toolConfig).toEqual({
        tools: [{ toolSpec: { name: 'reply', description: "Give your answer as this tool's input.", inputSchema: { json: schema } } }],
        toolChoice: { tool: { name: 'reply' } },
      });
    }
  });

  it('uses toolChoice.any for the JSON tool on a model without named tool choice', () => {
    expect(adapt('mistral-large', jsonSchema).input.toolConfig?.toolChoice).toEqual({ any: {} });
  });

  it('adds the JSON tool beside the stand-in tools of a tool history', () => {
    const { input } = adapt('claude-3-haiku', {
      ...jsonSchema,
      messages: [
        { role: 'user', content: 'Go' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'done' },
      ],
    });
    expect(input.toolConfig?.tools?.map((tool) => tool.toolSpec?.name)).toEqual(['lookup', 'reply']);
  });

  it('serves json_object with a system instruction when the model cannot be forced to a tool, and checks system support', () => {
    const { input, structuredOutput } = adapt('llama3-1-8b', { response_format: { type: 'json_object' } });
    expect(structuredOutput).toEqual({ type: 'json_object', mode: { via: 'instruction' } });
    expect(input.system).toEqual([{ text: JSON_OBJECT_INSTRUCTION }]);
    const error = badRequest(() => adapt('mistral-7b', { response_format: { type: 'json_object' } }));
    expect(error).toMatchObject({ param: 'response_format', code: 'unsupported_feature' });
    expect(error.message).toMatch(/system prompts/);
  });

  it('checks streaming with tools for the JSON tool', () => {
    const error = badRequest(() => adapt('llama3-1-8b', { ...jsonSchema, stream: true }));
    expect(error.message).toMatch(/does not support structured output/);
  });

  it('never changes the plan it adapts', () => {
    const { plan, input } = adapt('claude-3-7-sonnet', {
      response_format: { type: 'json_object' },
      reasoning_effort: 'low',
      messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Hi' }],
      bedrock: { cache: 'auto' },
    });
    expect(input.system).toEqual([{ text: 'S' }, { text: JSON_OBJECT_INSTRUCTION }, { cachePoint: { type: 'default' } }]);
    expect(plan.input.system).toEqual([{ text: 'S' }]);
    expect(plan.input.messages).toEqual([{ role: 'user', content: [{ text: 'Hi' }] }]);
    expect(plan.input.additionalModelRequestFields).toBeUndefined();
    expect(plan.input.inferenceConfig).toBeUndefined();
  });
});

describe('reasoning per model', () => {
  it.each<[string, Record<string, unknown>, unknown, number | undefined]>([
    ['claude-sonnet-4-5', { reasoning_effort: 'high' }, { thinking: { type: 'enabled', budget_tokens: 16_384 } }, 16_384 + 4096],
    ['claude-sonnet-4-5', { reasoning_effort: 'low', max_tokens: 3000, bedrock: { additionalModelRequestFields: { anthropic_beta: ['x'] } } }, { anthropic_beta: ['x'], thinking: { type: 'enabled', budget_tokens: 1024 } }, 3000],
    ['nova-2-lite', { reasoning_effort: 'low' }, { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' } }, undefined],
    ['gpt-oss-120b', { reasoning_effort: 'medium' }, { reasoning_effort: 'medium' }, undefined],
    ['claude-sonnet-4-5', { reasoning_effort: 'none' }, undefined, undefined],
  ])('%s with %j', (model, params, fields, maxTokens) => {
    const { input } = adapt(model, params);
    expect(input.additionalModelRequestFields).toEqual(fields);
    expect(input.inferenceConfig?.maxTokens).toBe(maxTokens);
  });

  it('asks for bedrock.baseModel when the model is unknown', () => {
    const error = badRequest(() => adapt('arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc', { reasoning_effort: 'low' }));
    expect(error.param).toBe('reasoning_effort');
    expect(error.message).toContain('bedrock.baseModel');
  });

  it('checks forced tool choice with thinking, on the tool choice the user sent', () => {
    expect(badRequest(() => adapt('claude-opus-4', { reasoning_effort: 'low', tools: [weather], tool_choice: { type: 'function', function: { name: 'get_weather' } } })).param).toBe('tool_choice');
    expect(() => adapt('claude-opus-4', { reasoning_effort: 'low', tools: [weather], tool_choice: 'auto' })).not.toThrow();
  });

  it('drops reasoning_effort on an always-on model when asked to', () => {
    expect(adapt('deepseek-r1', { reasoning_effort: 'high' }, true).input.additionalModelRequestFields).toBeUndefined();
  });
});

describe('prompt caching per model', () => {
  const system = { role: 'system', content: 'Rules', cache_control: { type: 'ephemeral' } };

  it('keeps cache points on a model with caching and sends them to unknown models unchecked', () => {
    for (const model of ['claude-sonnet-4-5', 'vendor.brand-new-model-v1:0']) {
      expect(adapt(model, { messages: [system, { role: 'user', content: 'Hi' }] }).input.system).toEqual([{ text: 'Rules' }, { cachePoint: { type: 'default' } }]);
    }
  });

  it("places bedrock.cache: 'auto', and skips the tools on Nova (which caches none)", () => {
    const claude = adapt('claude-sonnet-4-5', { tools: [weather], messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Hi' }], bedrock: { cache: { type: 'auto', ttl: '1h' } } });
    expect(claude.input.toolConfig?.tools?.at(-1)).toEqual({ cachePoint: { type: 'default', ttl: '1h' } });
    expect(claude.input.system?.at(-1)).toEqual({ cachePoint: { type: 'default', ttl: '1h' } });
    expect(claude.input.messages?.at(-1)?.content?.at(-1)).toEqual({ cachePoint: { type: 'default', ttl: '1h' } });
    const nova = adapt('nova-pro', { tools: [weather], messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'Hi' }], bedrock: { cache: 'auto' } });
    expect(nova.input.toolConfig?.tools?.some((tool) => tool.cachePoint !== undefined)).toBe(false);
    expect(nova.input.system?.at(-1)).toEqual({ cachePoint: { type: 'default' } });
  });

  it('places a tool cache_control after that tool', () => {
    const { input } = adapt('claude-sonnet-4-5', { tools: [{ ...weather, cache_control: { type: 'ephemeral' } }, { ...weather, function: { name: 'other' } }] });
    expect(input.toolConfig?.tools?.map((tool) => (tool.cachePoint !== undefined ? 'cache' : tool.toolSpec?.name))).toEqual(['get_weather', 'cache', 'other']);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['claude-3-haiku', { messages: [system, { role: 'user', content: 'Hi' }] }, 'messages[0].cache_control', /`claude-3-haiku`.*prompt caching/],
    ['claude-3-haiku', { bedrock: { cache: 'auto' } }, 'bedrock.cache', /prompt caching/],
    ['nova-pro', { messages: [{ ...system, cache_control: { type: 'ephemeral', ttl: '1h' } }, { role: 'user', content: 'Hi' }] }, 'messages[0].cache_control.ttl', /TTL "1h".*"5m"/],
    ['claude-opus-4', { bedrock: { cache: { type: 'auto', ttl: '1h' } } }, 'bedrock.cache.ttl', /TTL "1h"/],
    ['nova-pro', { tools: [{ ...weather, cache_control: { type: 'ephemeral' } }] }, 'tools[0].cache_control', /caching tool definitions/],
    [
      'claude-sonnet-4-5',
      { tools: [weather], messages: [system, { role: 'user', content: [1, 2, 3].map((index) => ({ type: 'text', text: `p${index}`, cache_control: { type: 'ephemeral' } })) }], bedrock: { cache: 'auto' } },
      'messages[1].content[2].cache_control',
      /at most 4/,
    ],
  ])('rejects on %s: %j', (model, params, param, message) => {
    const error = badRequest(() => adapt(model, params));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });
});

describe('json_object with a schema', () => {
  it.each([
    ['claude-sonnet-4-5', 'native'],
    ['nova-pro', 'tool'],
  ])('is served like json_schema on %s (%s)', (model, via) => {
    const { input, structuredOutput } = adapt(model, { response_format: { type: 'json_object', schema } });
    expect(structuredOutput?.mode.via).toBe(via);
    if (via === 'native') expect(input.outputConfig?.textFormat?.structure?.jsonSchema).toEqual({ schema: JSON.stringify(schema), name: 'json_object' });
    else expect(input.toolConfig?.tools?.[0]?.toolSpec?.inputSchema?.json).toEqual(schema);
    expect(input.system, 'no instruction is added').toBeUndefined();
  });
});

describe('temperature with top_p', () => {
  it('is still rejected on Claude 4.5 (capability check), and allowed on Claude 3', () => {
    expect(badRequest(() => adapt('claude-sonnet-4-5', { temperature: 0.5, top_p: 0.9 })).param).toBe('top_p');
    expect(() => adapt('claude-3-haiku', { temperature: 0.5, top_p: 0.9 })).not.toThrow();
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown> | 'refused']>([
    ['claude-sonnet-4-5', { temperature: 0.5, top_p: 1 }, { temperature: 0.5 }],
    ['claude-haiku-4-5', { temperature: 0, top_p: 1, max_tokens: 100 }, { temperature: 0, maxTokens: 100 }],
    ['claude-sonnet-4-5', { temperature: 0.5, top_p: 0.99 }, 'refused'],
    ['claude-sonnet-4-5', { top_p: 1 }, { topP: 1 }],
    ['claude-3-haiku', { temperature: 0.5, top_p: 1 }, { temperature: 0.5, topP: 1 }],
    ['nova-pro', { temperature: 0.5, top_p: 1 }, { temperature: 0.5, topP: 1 }],
  ])('on %s, %j → inferenceConfig %j', (model, params, expected) => {
    if (expected === 'refused') {
      expect(badRequest(() => adapt(model, params)).param).toBe('top_p');
      return;
    }
    const { input, plan } = adapt(model, params);
    expect(input.inferenceConfig).toEqual(expected);
    expect(plan.input.inferenceConfig?.topP, 'the plan itself is not changed').toBe(params['top_p']);
  });
});

describe('reasoning_effort "max" (Converse outputConfig.effort)', () => {
  it('sends adaptive thinking and outputConfig.effort "max" to a model whose catalog lists it, beside native structured output', () => {
    const { input, reasoning } = adapt('claude-opus-4-6', {
      reasoning_effort: 'max',
      response_format: { type: 'json_schema', json_schema: { name: 'reply', schema } },
    });
    expect(reasoning).toBe(true);
    expect(input.additionalModelRequestFields).toEqual({ thinking: { type: 'adaptive' } });
    expect(input.outputConfig?.effort).toBe('max');
    expect(input.outputConfig?.textFormat?.structure?.jsonSchema?.schema).toBe(JSON.stringify(schema));
    expect(input.inferenceConfig?.maxTokens).toBeUndefined();
  });

  it.each(['claude-sonnet-4-5', 'nova-2-lite', 'gpt-oss-20b', 'llama3-3-70b'])('refuses "max" on %s, naming reasoning_effort', (model) => {
    expect(badRequest(() => adapt(model, { reasoning_effort: 'max' })).param).toBe('reasoning_effort');
  });
});
