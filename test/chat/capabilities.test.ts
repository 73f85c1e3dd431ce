import { describe, expect, it } from 'vitest';
import { checkCapabilities, dropNoOpTopP } from '../../src/chat/capabilities.js';
import type { RequestFeatures } from '../../src/chat/to-converse-request.js';
import type { ChatCapabilities, ModelEntry } from '../../src/models/types.js';
import { badRequest } from './helpers.js';

const everything: ChatCapabilities = {
  tools: true,
  toolChoice: ['auto', 'any', 'tool'],
  streamingTools: true,
  vision: true,
  documents: true,
  audio: true,
  video: true,
  citations: true,
  systemPrompt: true,
  reasoning: 'none',
  promptCaching: null,
  structuredOutput: false,
  temperatureTopPConflict: false,
  streaming: true,
};

function entry(capabilities: Partial<ChatCapabilities>): ModelEntry {
  return {
    alias: 'test-model',
    aliases: [],
    id: 'vendor.test-model-v1:0',
    name: 'Test',
    provider: 'Vendor',
    kind: 'chat',
    capabilities: { ...everything, ...capabilities },
    contextWindow: null,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: 'all',
  };
}

describe('checkCapabilities', () => {
  it.each<[string, Partial<ChatCapabilities>, RequestFeatures, string, RegExp]>([
    ['system prompts', { systemPrompt: false }, { system: 'messages[0]' }, 'messages[0]', /system prompts/],
    ['tools', { tools: false }, { tools: 'tools' }, 'tools', /tool use/],
    ['tool blocks in the history', { tools: false }, { toolBlocks: 'messages[1].tool_calls[0]' }, 'messages[1].tool_calls[0]', /tool use/],
    ['tool_choice required', { toolChoice: ['auto'] }, { tools: 'tools', toolChoice: { param: 'tool_choice', value: 'any' } }, 'tool_choice', /"required"/],
    ['a named tool choice', { toolChoice: ['auto', 'any'] }, { tools: 'tools', toolChoice: { param: 'tool_choice', value: 'tool' } }, 'tool_choice', /named function/],
    ['images', { vision: false }, { image: 'messages[2].content[1]' }, 'messages[2].content[1]', /image input/],
    ['documents', { documents: false }, { document: 'messages[0].content[0]' }, 'messages[0].content[0]', /document input/],
    ['audio', { audio: false }, { audio: 'messages[0].content[1]' }, 'messages[0].content[1]', /audio input/],
    ['video', { video: false }, { video: 'messages[1].content[0]' }, 'messages[1].content[0]', /video input/],
    ['citations', { citations: false }, { citations: 'messages[0].content[2].citations' }, 'messages[0].content[2].citations', /document citations/],
    ['streaming', { streaming: false }, { stream: 'stream' }, 'stream', /streaming/],
    ['streaming with tools', { streamingTools: false }, { stream: 'stream', tools: 'tools' }, 'stream', /streaming with tools/],
    ['temperature with top_p', { temperatureTopPConflict: true }, { temperatureAndTopP: 'top_p' }, 'top_p', /temperature.*top_p/],
  ])('rejects %s on a model without them, naming model and feature', (_name, capabilities, features, param, message) => {
    const error = badRequest(() => checkCapabilities(entry(capabilities), 'us.vendor.test-model-v1:0', features));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('test-model');
    expect(error.message).toContain('us.vendor.test-model-v1:0');
  });

  it('accepts the same features on a model that has them', () => {
    const features: RequestFeatures = {
      system: 'messages[0]',
      tools: 'tools',
      toolChoice: { param: 'tool_choice', value: 'tool' },
      image: 'messages[1].content[0]',
      document: 'messages[1].content[1]',
      stream: 'stream',
      temperatureAndTopP: 'top_p',
    };
    expect(() => checkCapabilities(entry({}), 'vendor.test-model-v1:0', features)).not.toThrow();
  });

  it('streams without tools on a model that cannot stream tool calls', () => {
    expect(() => checkCapabilities(entry({ streamingTools: false }), 'x', { stream: 'stream' })).not.toThrow();
  });

  it('does not check models the catalog does not know', () => {
    expect(() => checkCapabilities(undefined, 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc', { tools: 'tools', image: 'x' })).not.toThrow();
  });

  it('rejects an embedding model', () => {
    const embedding: ModelEntry = { ...entry({}), kind: 'embedding', capabilities: undefined } as unknown as ModelEntry;
    expect(badRequest(() => checkCapabilities(embedding, 'amazon.titan-embed-text-v2:0', {})).param).toBe('model');
  });
});

describe('dropNoOpTopP', () => {
  const pair: RequestFeatures = { temperatureAndTopP: 'top_p', stream: 'stream' };
  it.each<[string, { temperature?: number; topP?: number } | undefined, RequestFeatures, { temperatureTopPConflict: boolean } | undefined, { temperature?: number; topP?: number } | undefined, RequestFeatures]>([
    ['drops top_p 1 where the pair is refused', { temperature: 0.2, topP: 1 }, pair, { temperatureTopPConflict: true }, { temperature: 0.2 }, { stream: 'stream' }],
    ['keeps any other top_p (still refused later)', { temperature: 0.2, topP: 0.95 }, pair, { temperatureTopPConflict: true }, { temperature: 0.2, topP: 0.95 }, pair],
    ['keeps top_p 1 where the pair is allowed', { temperature: 0.2, topP: 1 }, pair, { temperatureTopPConflict: false }, { temperature: 0.2, topP: 1 }, pair],
    ['keeps top_p 1 on a model the catalog does not know', { temperature: 0.2, topP: 1 }, pair, undefined, { temperature: 0.2, topP: 1 }, pair],
    ['keeps top_p 1 alone (no temperature)', { topP: 1 }, {}, { temperatureTopPConflict: true }, { topP: 1 }, {}],
    ['leaves no inference config alone', undefined, {}, { temperatureTopPConflict: true }, undefined, {}],
  ])('%s', (_name, inference, features, capabilities, expectedInference, expectedFeatures) => {
    const before = structuredClone({ inference, features });
    const result = dropNoOpTopP(inference, features, capabilities);
    expect(result.inference).toEqual(expectedInference);
    expect(result.features).toEqual(expectedFeatures);
    expect({ inference, features }, 'the arguments are not changed').toEqual(before);
  });
});
