import { describe, expect, it } from 'vitest';
import {
  KNOWN_REGIONS,
  REGION_GEOGRAPHIES,
  geographiesForRegion,
  isGovCloudRegion,
  isProfilePrefix,
  splitProfilePrefix,
} from '../../src/models/geography.js';

/** Every commercial Region with a `bedrock` endpoint (bedrock-wire.md §1.1) plus Hong Kong and GovCloud. */
const ALL_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'ca-west-1', 'mx-central-1', 'sa-east-1',
  'af-south-1', 'il-central-1', 'me-south-1', 'me-central-1', 'eu-central-1', 'eu-central-2', 'eu-west-1',
  'eu-west-2', 'eu-west-3', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
  'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ap-east-1', 'ap-east-2',
  'us-gov-east-1', 'us-gov-west-1',
];

describe('REGION_GEOGRAPHIES', () => {
  it('covers every commercial Region and GovCloud, and nothing else', () => {
    expect([...KNOWN_REGIONS].sort()).toEqual([...ALL_REGIONS].sort());
  });

  it.each([
    ['us-east-1', ['us']],
    ['us-west-1', ['us']],
    ['ca-central-1', ['us']],
    ['ca-west-1', []],
    ['eu-central-2', ['eu']],
    ['eu-south-2', ['eu']],
    ['ap-northeast-1', ['jp', 'apac']],
    ['ap-northeast-3', ['jp', 'apac']],
    ['ap-northeast-2', ['apac']],
    ['ap-southeast-2', ['au', 'apac']],
    ['ap-southeast-4', ['au', 'apac']],
    ['ap-southeast-7', ['apac']],
    ['ap-east-2', ['apac']],
    ['me-central-1', ['apac']],
    ['sa-east-1', []],
    ['af-south-1', []],
    ['us-gov-east-1', ['us-gov']],
    ['us-gov-west-1', ['us-gov']],
    ['xx-nowhere-9', []],
  ])('%s → %j', (region, expected) => {
    expect(geographiesForRegion(region)).toEqual(expected);
  });

  it('never routes anywhere through the unconfirmed ca. prefix', () => {
    for (const geographies of Object.values(REGION_GEOGRAPHIES)) expect(geographies).not.toContain('ca');
  });

  it('does not treat inherited object keys as Regions', () => {
    expect(geographiesForRegion('constructor')).toEqual([]);
    expect(geographiesForRegion('__proto__')).toEqual([]);
  });
});

describe('profile prefixes', () => {
  it.each([
    ['us.anthropic.claude-3-haiku-20240307-v1:0', 'us', 'anthropic.claude-3-haiku-20240307-v1:0'],
    ['us-gov.anthropic.claude-3-7-sonnet-20250219-v1:0', 'us-gov', 'anthropic.claude-3-7-sonnet-20250219-v1:0'],
    ['global.amazon.nova-2-lite-v1:0', 'global', 'amazon.nova-2-lite-v1:0'],
    ['apac.amazon.nova-pro-v1:0', 'apac', 'amazon.nova-pro-v1:0'],
    ['ca.anthropic.x', 'ca', 'anthropic.x'],
    ['anthropic.claude-3-haiku-20240307-v1:0', undefined, 'anthropic.claude-3-haiku-20240307-v1:0'],
    ['deepseek.v3.2', undefined, 'deepseek.v3.2'],
    ['usa.model', undefined, 'usa.model'],
    ['us.', undefined, 'us.'],
  ])('%s → %s + %s', (modelId, prefix, baseModelId) => {
    expect(splitProfilePrefix(modelId)).toEqual({ prefix, baseModelId });
  });

  it('recognises exactly the eight prefixes', () => {
    for (const prefix of ['us', 'eu', 'apac', 'jp', 'au', 'ca', 'us-gov', 'global']) expect(isProfilePrefix(prefix)).toBe(true);
    for (const other of ['ap', 'sa', 'ug', 'anthropic', 'US']) expect(isProfilePrefix(other)).toBe(false);
  });

  it('knows GovCloud Regions', () => {
    expect(isGovCloudRegion('us-gov-west-1')).toBe(true);
    expect(isGovCloudRegion('us-east-1')).toBe(false);
  });
});
