/**
 * Which cross-region inference-profile geographies a client in each AWS Region can use.
 *
 * Source: bedrock-wire.md §6.1 (CDK `CrossRegionInferenceProfileRegion` + `getRegionsForGeoArea`), checked
 * 2026-11-21. Decisions where the sources are silent:
 * - `ca.` profiles are unconfirmed (only third-party code uses them), so this package never emits `ca.`.
 *   ca-central-1 maps to `us`: AWS's Canada announcement (AWS ML blog "Accelerate generative AI innovation in Canada
 *   with Amazon Bedrock cross-Region inference", 2025-11) routes requests from ca-central-1 through the US
 *   geographic profiles and the global ones. ca-west-1 is not covered by that announcement and has no geography.
 * - Regions that no geographic profile lists (sa-east-1, af-south-1, ap-east-1, ap-southeast-6, il-central-1,
 *   me-south-1, mx-central-1, ca-west-1) have no geography: there, a model that needs a profile can only use its
 *   `global.` profile (global profiles accept every commercial Region).
 * - Japan and Australia Regions prefer their narrower `jp.` / `au.` profile and fall back to `apac.`, which also
 *   lists them. me-central-1 is in `apac.` (CDK, with a data-residency warning).
 * - GovCloud Regions use `us-gov.`; `global.` profiles are commercial only and never apply there.
 */
import type { Geography, ProfilePrefix } from './types.js';

/**
 * Every commercial Region plus GovCloud, with the geographies whose profiles a client there may call, narrowest
 * first. An empty list means no geographic profile is available from that Region.
 */
export const REGION_GEOGRAPHIES = {
  // United States
  'us-east-1': ['us'],
  'us-east-2': ['us'],
  'us-west-1': ['us'],
  'us-west-2': ['us'],
  // Canada (see the module comment)
  'ca-central-1': ['us'],
  'ca-west-1': [],
  // Mexico, South America, Africa, Middle East (no geographic profile lists them, except me-central-1)
  'mx-central-1': [],
  'sa-east-1': [],
  'af-south-1': [],
  'il-central-1': [],
  'me-south-1': [],
  'me-central-1': ['apac'],
  // Europe
  'eu-central-1': ['eu'],
  'eu-central-2': ['eu'],
  'eu-west-1': ['eu'],
  'eu-west-2': ['eu'],
  'eu-west-3': ['eu'],
  'eu-north-1': ['eu'],
  'eu-south-1': ['eu'],
  'eu-south-2': ['eu'],
  // Asia Pacific
  'ap-northeast-1': ['jp', 'apac'],
  'ap-northeast-2': ['apac'],
  'ap-northeast-3': ['jp', 'apac'],
  'ap-south-1': ['apac'],
  'ap-south-2': ['apac'],
  'ap-southeast-1': ['apac'],
  'ap-southeast-2': ['au', 'apac'],
  'ap-southeast-3': ['apac'],
  'ap-southeast-4': ['au', 'apac'],
  'ap-southeast-5': ['apac'],
  'ap-southeast-6': [],
  'ap-southeast-7': ['apac'],
  'ap-east-1': [],
  'ap-east-2': ['apac'],
  // AWS GovCloud (US)
  'us-gov-east-1': ['us-gov'],
  'us-gov-west-1': ['us-gov'],
} as const satisfies Record<string, readonly Geography[]>;

/** A Region this package knows the geography of. */
export type KnownRegion = keyof typeof REGION_GEOGRAPHIES;

/** Every Region in {@link REGION_GEOGRAPHIES}. */
export const KNOWN_REGIONS = Object.keys(REGION_GEOGRAPHIES) as KnownRegion[];

/** Every inference-profile prefix, geographic or global, as it appears before the first dot of a profile ID. */
export const PROFILE_PREFIXES: readonly ProfilePrefix[] = ['us', 'eu', 'apac', 'jp', 'au', 'ca', 'us-gov', 'global'];

const PROFILE_PREFIX_SET: ReadonlySet<string> = new Set(PROFILE_PREFIXES);

function isKnownRegion(region: string): region is KnownRegion {
  return Object.prototype.hasOwnProperty.call(REGION_GEOGRAPHIES, region);
}

/**
 * The geographies whose profiles a client in `region` may call, narrowest first (`ap-northeast-1` → `['jp', 'apac']`).
 * Empty for Regions without a geographic profile and for Regions this package does not know.
 */
export function geographiesForRegion(region: string): readonly Geography[] {
  return isKnownRegion(region) ? REGION_GEOGRAPHIES[region] : [];
}

/** Whether `region` is an AWS GovCloud (US) Region, where `global.` profiles do not exist. */
export function isGovCloudRegion(region: string): boolean {
  return region.startsWith('us-gov-');
}

/** Whether `value` is a profile prefix (`us`, `eu`, `apac`, `jp`, `au`, `ca`, `us-gov`, `global`). */
export function isProfilePrefix(value: string): value is ProfilePrefix {
  return PROFILE_PREFIX_SET.has(value);
}

/**
 * Splits a system-defined inference-profile ID into its prefix and base model ID
 * (`us.anthropic.claude-…` → `{ prefix: 'us', baseModelId: 'anthropic.claude-…' }`). A base model ID comes back
 * with no prefix.
 */
export function splitProfilePrefix(modelId: string): { prefix: ProfilePrefix | undefined; baseModelId: string } {
  const dot = modelId.indexOf('.');
  if (dot > 0) {
    const head = modelId.slice(0, dot);
    if (isProfilePrefix(head) && modelId.length > dot + 1) return { prefix: head, baseModelId: modelId.slice(dot + 1) };
  }
  return { prefix: undefined, baseModelId: modelId };
}
