/**
 * The USD cost of one call, from the catalog's prices for the model ID that was called. Pure.
 *
 * How a call is priced depends on how the model was called (bedrock-wire.md §0.9): a base ID and `global.` at the
 * base price; a geographic profile at its own price where AWS charges more (Claude 4.5+ and Nova 2: +10 %; Nova and
 * some others in the EU), else the base price; `us-gov.` and base IDs called in GovCloud only where the catalog
 * has a GovCloud price. Application-inference-profile, provisioned, custom and imported model ARNs are not priced:
 * the catalog cannot know what they route to or how they are billed. Unknown prices give `undefined`, never 0.
 */
import { parseBedrockArn } from './arn.js';
import { isGovCloudRegion, splitProfilePrefix } from './geography.js';
import type { ModelEntry, Prices } from './types.js';

/** Token counts as Bedrock reports them: `inputTokens` excludes cache reads and writes. */
export interface CostUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number | undefined;
  cacheWriteTokens?: number | undefined;
}

/**
 * The prices (USD per million tokens) that apply to a call of `modelId`, or `undefined` when unknown.
 * `region` is the Region the call went to; it matters only for GovCloud, whose prices differ.
 */
export function pricesFor(modelId: string, entry: ModelEntry | undefined, region?: string): Prices | undefined {
  const prices = entry?.prices;
  if (prices === undefined) return undefined;
  let profileId = modelId;
  let callRegion = region;
  if (modelId.startsWith('arn:')) {
    const arn = parseBedrockArn(modelId);
    if (arn === undefined) return undefined;
    if (arn.resourceType !== 'foundation-model' && arn.resourceType !== 'inference-profile') return undefined;
    profileId = arn.resourceId;
    if (arn.region !== '') callRegion = arn.region;
  }
  const { prefix } = splitProfilePrefix(profileId);
  if (prefix === undefined) {
    return callRegion !== undefined && isGovCloudRegion(callRegion) ? prices['us-gov'] : prices.base;
  }
  if (prefix === 'us-gov') return prices['us-gov'];
  if (prefix === 'global') return prices.global ?? prices.base;
  return prices[prefix] ?? prices.base;
}

/**
 * The cost in USD of a call of `modelId` (base ID, profile ID or ARN) with catalog entry `entry`, or `undefined`
 * when any price the usage needs is unknown (no entry, no price for that profile, cache tokens without a cache
 * price). Rounded to 12 decimal places to drop floating-point noise.
 */
export function computeCost(modelId: string, entry: ModelEntry | undefined, usage: CostUsage, region?: string): number | undefined {
  const prices = pricesFor(modelId, entry, region);
  if (prices === undefined) return undefined;
  const counts = [usage.inputTokens, usage.outputTokens, usage.cacheReadTokens ?? 0, usage.cacheWriteTokens ?? 0];
  if (counts.some((count) => !Number.isFinite(count) || count < 0)) return undefined;
  const [inputTokens = 0, outputTokens = 0, cacheReadTokens = 0, cacheWriteTokens = 0] = counts;
  if (cacheReadTokens > 0 && prices.cacheRead === undefined) return undefined;
  if (cacheWriteTokens > 0 && prices.cacheWrite === undefined) return undefined;
  const total =
    inputTokens * prices.input +
    outputTokens * prices.output +
    cacheReadTokens * (prices.cacheRead ?? 0) +
    cacheWriteTokens * (prices.cacheWrite ?? 0);
  return Math.round((total / 1_000_000) * 1e12) / 1e12;
}

