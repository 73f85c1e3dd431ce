import { describe, expect, it } from 'vitest';
import { readBedrockExtras } from '../../src/chat/bedrock-extras.js';
import { badRequest } from './helpers.js';

describe('readBedrockExtras', () => {
  it('reads nothing from undefined', () => expect(readBedrockExtras(undefined, false)).toEqual({}));

  it('reads every extra', () => {
    expect(
      readBedrockExtras(
        {
          baseModel: 'claude-haiku-4-5',
          additionalModelRequestFields: { top_k: 40 },
          additionalModelResponseFieldPaths: ['/stop_sequence'],
          performanceConfig: { latency: 'optimized' },
          guardrail: { guardrailIdentifier: 'abc123', guardrailVersion: 'DRAFT', trace: 'enabled_full', streamProcessingMode: 'async' },
          promptVariables: { topic: { text: 'tea' } },
          cache: { type: 'auto', ttl: '1h' },
        },
        true,
      ),
    ).toEqual({
      baseModel: 'claude-haiku-4-5',
      additionalModelRequestFields: { top_k: 40 },
      additionalModelResponseFieldPaths: ['/stop_sequence'],
      latency: 'optimized',
      guardrailConfig: { guardrailIdentifier: 'abc123', guardrailVersion: 'DRAFT', trace: 'enabled_full', streamProcessingMode: 'async' },
      promptVariables: { topic: { text: 'tea' } },
      cache: { ttl: '1h' },
    });
  });

  it.each([
    [{ latency: 'standard' }, 'standard'],
    [{ performanceConfig: { latency: 'standard' } }, 'standard'],
  ])('reads latency from %j', (extras, latency) => expect(readBedrockExtras(extras, false).latency).toBe(latency));

  it.each([
    ['auto', {}],
    [{ type: 'auto' }, {}],
    [{ type: 'auto', ttl: '5m' }, { ttl: '5m' }],
  ])('reads cache %j', (cache, expected) => expect(readBedrockExtras({ cache }, false).cache).toEqual(expected));

  it('accepts a guardrail ARN and a numbered version', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123';
    expect(readBedrockExtras({ guardrail: { guardrailIdentifier: arn, guardrailVersion: '12' } }, false).guardrailConfig).toEqual({ guardrailIdentifier: arn, guardrailVersion: '12' });
  });

  it.each<[unknown, string]>([
    ['x', 'bedrock'],
    [{ topK: 1 }, 'bedrock.topK'],
    [{ guardrails: {} }, 'bedrock.guardrails'],
    [{ additionalModelRequestFields: [] }, 'bedrock.additionalModelRequestFields'],
    [{ additionalModelResponseFieldPaths: ['nope'] }, 'bedrock.additionalModelResponseFieldPaths[0]'],
    [{ latency: 'fast' }, 'bedrock.latency'],
    [{ performanceConfig: 'optimized' }, 'bedrock.performanceConfig'],
    [{ performanceConfig: { latency: 'fast' } }, 'bedrock.performanceConfig.latency'],
    [{ performanceConfig: { tier: 'x' } }, 'bedrock.performanceConfig.tier'],
    [{ latency: 'optimized', performanceConfig: { latency: 'optimized' } }, 'bedrock.latency'],
    [{ guardrail: 'gr1' }, 'bedrock.guardrail'],
    [{ guardrail: { guardrailIdentifier: 'gr1' } }, 'bedrock.guardrail.guardrailVersion'],
    [{ guardrail: { guardrailIdentifier: 'Not Valid', guardrailVersion: '1' } }, 'bedrock.guardrail.guardrailIdentifier'],
    [{ guardrail: { guardrailIdentifier: 'gr1', guardrailVersion: 1 } }, 'bedrock.guardrail.guardrailVersion'],
    [{ guardrail: { guardrailIdentifier: 'gr1', guardrailVersion: '01' } }, 'bedrock.guardrail.guardrailVersion'],
    [{ guardrail: { guardrailIdentifier: 'gr1', guardrailVersion: '1', trace: true } }, 'bedrock.guardrail.trace'],
    [{ guardrail: { guardrailIdentifier: 'gr1', guardrailVersion: '1', streamProcessingMode: 'sync' } }, 'bedrock.guardrail.streamProcessingMode'],
    [{ guardrail: { guardrailIdentifier: 'gr1', guardrailVersion: '1', tracing: 'enabled' } }, 'bedrock.guardrail.tracing'],
    [{ promptVariables: { topic: 'tea' } }, 'bedrock.promptVariables.topic'],
    [{ promptVariables: [] }, 'bedrock.promptVariables'],
    [{ cache: true }, 'bedrock.cache'],
    [{ cache: { type: 'auto', ttl: '2h' } }, 'bedrock.cache.ttl'],
    [{ cache: { type: 'auto', points: 2 } }, 'bedrock.cache.points'],
  ])('rejects %j, naming %s', (extras, param) => {
    expect(badRequest(() => readBedrockExtras(extras, false)).param).toBe(param);
  });

  it('suggests the closest option for a typo', () => {
    expect(badRequest(() => readBedrockExtras({ guardrial: {} }, false)).message).toContain('bedrock.guardrail');
  });
});
