import { describe, expect, it } from 'vitest';
import { EmulatorError } from '../../src/emulator/errors.js';
import { ModelRegistry, MODELS, profilePrefixServesRegion } from '../../src/emulator/models.js';

const registry = new ModelRegistry({
  applicationProfiles: { 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/app1': 'amazon.nova-pro-v1:0' },
});

function resolveError(modelId: string, region: string): { name: string; message: string } {
  try {
    registry.resolve(modelId, region);
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorError);
    return { name: (error as EmulatorError).name, message: (error as EmulatorError).message };
  }
  throw new Error(`expected ${modelId} in ${region} to fail`);
}

const INVALID = { name: 'ValidationException', message: 'The provided model identifier is invalid.' };
const onDemand = (id: string) => ({
  name: 'ValidationException',
  message: `Invocation of model ID ${id} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
});

describe('ModelRegistry.resolve: accepted identifiers', () => {
  it.each([
    ['amazon.nova-lite-v1:0', 'us-east-1', 'amazon.nova-lite-v1:0', 'base-id'],
    ['anthropic.claude-3-haiku-20240307-v1:0', 'ap-southeast-1', 'anthropic.claude-3-haiku-20240307-v1:0', 'base-id'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-west-2', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'inference-profile-id'],
    ['eu.anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu-west-1', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'inference-profile-id'],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'ap-southeast-1', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'inference-profile-id'],
    ['apac.amazon.nova-lite-v1:0', 'ap-southeast-1', 'amazon.nova-lite-v1:0', 'inference-profile-id'],
    ['jp.anthropic.claude-haiku-4-5-20251001-v1:0', 'ap-northeast-1', 'anthropic.claude-haiku-4-5-20251001-v1:0', 'inference-profile-id'],
    ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0', 'us-east-1', 'amazon.nova-lite-v1:0', 'foundation-model-arn'],
    [
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'us-east-1',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'inference-profile-arn',
    ],
    ['arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/app1', 'us-east-1', 'amazon.nova-pro-v1:0', 'application-inference-profile-arn'],
    ['arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/other', 'us-east-1', 'anthropic.claude-haiku-4-5-20251001-v1:0', 'application-inference-profile-arn'],
    ['arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123def456', 'us-east-1', 'anthropic.claude-haiku-4-5-20251001-v1:0', 'provisioned-model-arn'],
    ['arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1:0/abc123def456', 'us-east-1', 'anthropic.claude-haiku-4-5-20251001-v1:0', 'custom-model-arn'],
    ['arn:aws:bedrock:us-east-1:123456789012:imported-model/abc123def456', 'us-east-1', 'anthropic.claude-haiku-4-5-20251001-v1:0', 'imported-model-arn'],
    ['amazon.titan-embed-text-v2:0', 'us-east-1', 'amazon.titan-embed-text-v2:0', 'base-id'],
  ])('%s in %s → %s (%s)', (modelId, region, base, reference) => {
    const resolved = registry.resolve(modelId, region);
    expect(resolved.model.id).toBe(base);
    expect(resolved.reference).toBe(reference);
  });
});

describe('ModelRegistry.resolve: rejected identifiers', () => {
  it.each([
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', onDemand('anthropic.claude-sonnet-4-5-20250929-v1:0')],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'us-west-2', onDemand('anthropic.claude-3-5-sonnet-20241022-v2:0')],
    ['amazon.nova-lite-v1:0', 'ap-southeast-1', onDemand('amazon.nova-lite-v1:0')],
    ['arn:aws:bedrock:ap-southeast-1::foundation-model/amazon.nova-pro-v1:0', 'ap-southeast-1', onDemand('arn:aws:bedrock:ap-southeast-1::foundation-model/amazon.nova-pro-v1:0')],
    ['eu.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', INVALID],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu-west-1', INVALID],
    ['apac.anthropic.claude-sonnet-4-5-20250929-v1:0', 'ap-southeast-1', INVALID],
    ['ca.anthropic.claude-sonnet-4-5-20250929-v1:0', 'ca-central-1', INVALID],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-gov-west-1', INVALID],
    ['anthropic.claude-sonnet-9', 'us-east-1', INVALID],
    ['gpt-4o', 'us-east-1', INVALID],
    ['arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0', 'us-east-1', INVALID],
    ['arn:aws:bedrock:us-east-1:123456789012:prompt/ABC', 'us-east-1', INVALID],
    [
      'anthropic.claude-instant-v1',
      'us-east-1',
      { name: 'ResourceNotFoundException', message: 'This model version has reached the end of its life. Please refer to the AWS documentation for more details.' },
    ],
  ])('%s in %s', (modelId, region, expected) => {
    expect(resolveError(modelId, region)).toEqual(expected);
  });
});

describe('model table', () => {
  it('has unique IDs and the reference facts for key models', () => {
    expect(new Set(MODELS.map((model) => model.id)).size).toBe(MODELS.length);
    expect(MODELS).toHaveLength(100);
    const get = (id: string) => MODELS.find((model) => model.id === id);
    expect(get('anthropic.claude-sonnet-4-5-20250929-v1:0')).toMatchObject({ onDemand: 'profile-only', samplingParametersExclusive: true, extendedCacheTtl: true, reasoning: 'anthropic-thinking' });
    expect(get('anthropic.claude-3-7-sonnet-20250219-v1:0')).toMatchObject({ onDemand: 'profile-only', samplingParametersExclusive: false, extendedCacheTtl: false });
    expect(get('amazon.nova-lite-v1:0')?.onDemand).toEqual({ profileOnlyIn: ['ap-southeast-1'] });
    expect(get('meta.llama4-scout-17b-instruct-v1:0')).toMatchObject({ converseStream: false });
  });

  it('maps profile prefixes to source regions', () => {
    expect(profilePrefixServesRegion('us', 'us-east-1')).toBe(true);
    expect(profilePrefixServesRegion('us', 'eu-west-1')).toBe(false);
    expect(profilePrefixServesRegion('apac', 'me-central-1')).toBe(true);
    expect(profilePrefixServesRegion('jp', 'ap-northeast-3')).toBe(true);
    expect(profilePrefixServesRegion('au', 'ap-southeast-1')).toBe(false);
    expect(profilePrefixServesRegion('global', 'sa-east-1')).toBe(true);
    expect(profilePrefixServesRegion('global', 'us-gov-east-1')).toBe(false);
  });

  it('rejects an application profile mapped to an unknown model at start-up', () => {
    expect(() => new ModelRegistry({ applicationProfiles: { arn: 'nope' } })).toThrow(/unknown base model "nope"/);
  });
});
