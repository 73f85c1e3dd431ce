/**
 * The model catalog and resolver. The package root re-exports the public part of this module (see the report in
 * the project notes): types users write against, `resolveModel` for tooling, `CATALOG` for inspection.
 */
export { CATALOG, CATALOG_CHECKED, CATALOG_ENTRIES } from './catalog.js';
export type { CanonicalAlias, CatalogAlias, ModelName } from './catalog.js';
export { parseBedrockArn } from './arn.js';
export type { ArnResourceType, ParsedArn } from './arn.js';
export { computeCost, pricesFor } from './cost.js';
export type { CostUsage } from './cost.js';
export {
  KNOWN_REGIONS,
  PROFILE_PREFIXES,
  REGION_GEOGRAPHIES,
  geographiesForRegion,
  isGovCloudRegion,
  isProfilePrefix,
  splitProfilePrefix,
} from './geography.js';
export type { KnownRegion } from './geography.js';
export { Models, createModelsPage, describeModel } from './models.js';
export type { BedrockModel, BedrockModelPricing, ModelsContext, ModelsPage } from './models.js';
export {
  findCatalogEntry,
  findEntryByModelId,
  isOnDemandIn,
  isOnDemandThroughputError,
  modelIdForRegion,
  profileFallbackFor,
  resolveModel,
} from './resolve.js';
export type { AliasTarget, CrossRegionMode, ResolveModelOptions, ResolvedModel, UserAliases } from './resolve.js';
export type * from './types.js';
