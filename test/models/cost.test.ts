import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/models/catalog.js';
import { computeCost, pricesFor } from '../../src/models/cost.js';
import type { ModelEntry } from '../../src/models/types.js';

const SONNET_4_5 = CATALOG['claude-sonnet-4-5'] as ModelEntry;
const SONNET_ID = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const MILLION = { inputTokens: 1_000_000, outputTokens: 1_000_000 };

describe('computeCost: prices by how the model was called', () => {
  it.each([
    ['base ID', SONNET_ID, 18],
    ['global. (base price)', `global.${SONNET_ID}`, 18],
    ['us. (+10 %)', `us.${SONNET_ID}`, 19.8],
    ['eu. (+10 %)', `eu.${SONNET_ID}`, 19.8],
    ['jp. (+10 %)', `jp.${SONNET_ID}`, 19.8],
    ['au. (+10 %)', `au.${SONNET_ID}`, 19.8],
    ['us-gov. (own price)', `us-gov.${SONNET_ID}`, 21.6],
    ['foundation-model ARN', `arn:aws:bedrock:us-east-1::foundation-model/${SONNET_ID}`, 18],
    ['inference-profile ARN', `arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.${SONNET_ID}`, 19.8],
  ])('Claude Sonnet 4.5 via %s: 1M in + 1M out = $%d', (_label, modelId, dollars) => {
    expect(computeCost(modelId, SONNET_4_5, MILLION)).toBe(dollars);
  });

  it.each([
    ['amazon.nova-pro-v1:0', 4],
    ['us.amazon.nova-pro-v1:0', 4],
    ['eu.amazon.nova-pro-v1:0', 5.25],
    ['apac.amazon.nova-pro-v1:0', 4.2],
  ])('Nova Pro via %s: $%d', (modelId, dollars) => {
    expect(computeCost(modelId, CATALOG['nova-pro'], MILLION)).toBe(dollars);
  });

  it('prices cache reads and writes separately from input', () => {
    // 1,000 × $1 + 200 × $5 + 10,000 × $0.10 + 2,000 × $1.25, per million.
    const usage = { inputTokens: 1000, outputTokens: 200, cacheReadTokens: 10_000, cacheWriteTokens: 2000 };
    expect(computeCost('anthropic.claude-haiku-4-5-20251001-v1:0', CATALOG['claude-haiku-4-5'], usage)).toBe(0.0055);
    // The geo profile's cache prices carry the same +10 %.
    expect(computeCost('us.anthropic.claude-haiku-4-5-20251001-v1:0', CATALOG['claude-haiku-4-5'], usage)).toBe(0.00605);
  });

  it('gives exact small amounts (no floating-point noise)', () => {
    expect(computeCost(`us.${SONNET_ID}`, SONNET_4_5, { inputTokens: 1000, outputTokens: 500 })).toBe(0.01155);
    // 3 × $0.035 + 7 × $0.14 per million.
    expect(computeCost('amazon.nova-micro-v1:0', CATALOG['nova-micro'], { inputTokens: 3, outputTokens: 7 })).toBe(0.000001085);
  });

  it('prices embeddings by input tokens', () => {
    expect(computeCost('amazon.titan-embed-text-v2:0', CATALOG['titan-embed-text-v2'], { inputTokens: 1000, outputTokens: 0 })).toBe(0.00002);
    expect(computeCost('cohere.embed-v4:0', CATALOG['embed-v4'], { inputTokens: 500_000, outputTokens: 0 })).toBe(0.06);
  });

  it('is 0 only for a known price and no tokens', () => {
    expect(computeCost(SONNET_ID, SONNET_4_5, { inputTokens: 0, outputTokens: 0 })).toBe(0);
  });
});

describe('computeCost: unknown prices give undefined, never 0', () => {
  it.each([
    ['no catalog entry', 'acme.frontier-9-v1:0', undefined, MILLION, undefined],
    ['an entry without prices', 'acme.x', { ...SONNET_4_5, prices: undefined } as unknown as ModelEntry, MILLION, undefined],
    ['an application-profile ARN', 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc', SONNET_4_5, MILLION, undefined],
    ['a provisioned-model ARN', 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc', SONNET_4_5, MILLION, undefined],
    ['us-gov. cache tokens without a us-gov cache price', `us-gov.${SONNET_ID}`, SONNET_4_5, { ...MILLION, cacheReadTokens: 10 }, undefined],
    ['Nova cache writes (price unknown)', 'amazon.nova-pro-v1:0', CATALOG['nova-pro'], { inputTokens: 1, outputTokens: 1, cacheWriteTokens: 5 }, undefined],
    ['a us-gov. profile the catalog has no price for', 'us-gov.anthropic.claude-3-7-sonnet-20250219-v1:0', CATALOG['claude-3-7-sonnet'], MILLION, undefined],
    ['negative token counts', SONNET_ID, SONNET_4_5, { inputTokens: -1, outputTokens: 0 }, undefined],
  ] as const)('%s', (_label, modelId, entry, usage, expected) => {
    expect(computeCost(modelId, entry as ModelEntry | undefined, usage)).toBe(expected);
  });

  it('does not apply commercial prices to a base ID called in GovCloud', () => {
    expect(computeCost('anthropic.claude-3-haiku-20240307-v1:0', CATALOG['claude-3-haiku'], MILLION, 'us-gov-west-1')).toBeUndefined();
    expect(computeCost('anthropic.claude-3-haiku-20240307-v1:0', CATALOG['claude-3-haiku'], MILLION, 'us-east-1')).toBe(1.5);
    expect(computeCost(`arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/${SONNET_ID}`, SONNET_4_5, MILLION)).toBe(21.6);
  });

  it('still prices Nova cache reads', () => {
    expect(computeCost('amazon.nova-pro-v1:0', CATALOG['nova-pro'], { inputTokens: 0, outputTokens: 0, cacheReadTokens: 1_000_000 })).toBe(0.2);
  });
});

describe('pricesFor', () => {
  it('falls back to the base price for a geography without its own', () => {
    expect(pricesFor('eu.anthropic.claude-3-7-sonnet-20250219-v1:0', CATALOG['claude-3-7-sonnet'])).toEqual(CATALOG['claude-3-7-sonnet'].prices.base);
    expect(pricesFor('global.anthropic.claude-sonnet-4-20250514-v1:0', CATALOG['claude-sonnet-4'])).toEqual(CATALOG['claude-sonnet-4'].prices.base);
  });
});
