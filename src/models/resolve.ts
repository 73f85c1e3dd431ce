/**
 * Turns what a user writes as `model` into the model ID the client sends, for the client's Region.
 *
 * Pure: no I/O, no clock, no environment. The client calls {@link resolveModel} before every request, and on the
 * on-demand-throughput `ValidationException` it calls {@link isOnDemandThroughputError} and
 * {@link profileFallbackFor} to retry once with the Region's profile.
 */
import { BadRequestError, NotFoundError } from '../core/errors.js';
import { closestMatches } from '../internal/suggest.js';
import { conformsTo } from '../internal/service-constraints.js';
import { parseBedrockArn, type ParsedArn } from './arn.js';
import { CATALOG_ENTRIES } from './catalog.js';
import { geographiesForRegion, isGovCloudRegion, splitProfilePrefix } from './geography.js';
import type { ModelEntry, ProfilePrefix } from './types.js';

/**
 * `CrossRegionMode` (when to call a cross-region inference profile instead of the base model ID) and
 * `AliasTarget` are defined with `bedrock.json`, which is where users write them:
 * - `auto` (default): only where the model cannot be called on demand in the client's Region; then the Region's
 *   geographic profile (`us.`, `eu.`, `apac.`, `jp.`, `au.`, `us-gov.`), else the `global.` one.
 * - `global`: the `global.` profile whenever the model has one (outside GovCloud); otherwise as `auto`.
 * - `off`: never add a prefix; aliases resolve to base model IDs.
 */
import type { AliasTarget, CrossRegionMode } from '../config/bedrock-json.js';
export type { AliasTarget, CrossRegionMode };

/** User aliases (`bedrock.json` `aliases` and `new Client({ aliases })`); they override the catalog's names. */
export type UserAliases = Readonly<Record<string, AliasTarget>>;

export interface ResolveModelOptions {
  /** The client's Region. An ARN's own Region wins for that call. */
  region: string;
  /** Defaults to `auto`. */
  crossRegion?: CrossRegionMode | undefined;
  aliases?: UserAliases | undefined;
  /**
   * What an ARN or unknown model ID really is (an alias or model ID), so capabilities and prices apply: the
   * request option `bedrock.baseModel`. Ignored when the name already identifies a catalog model.
   */
  baseModel?: string | undefined;
}

export interface ResolvedModel {
  /** What to send as `modelId`: a base ID, a profile ID or an ARN. */
  modelId: string;
  /** The catalog entry whose capabilities and prices apply; `undefined` for a model the catalog does not know. */
  entry: ModelEntry | undefined;
  /** How the name was recognised. */
  via: 'alias' | 'user-alias' | 'model-id' | 'profile-id' | 'arn';
  /** The Region to call: the ARN's Region when the name is an ARN that has one, else the client's. */
  region: string;
  /** The profile prefix `modelId` starts with (added or given), if any. */
  profile: ProfilePrefix | undefined;
  /** Whether the resolver added `profile` (the user named a model, not a profile). */
  profileAdded: boolean;
  /** For ARNs: what the ARN points at. */
  arn?: ParsedArn;
}

const BEDROCK_PREFIX = 'bedrock/';
const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** Context-window variants of provisioned IDs (`amazon.nova-pro-v1:0:300k`) name the same model. */
const CONTEXT_VARIANT_SUFFIX = /:\d+k$/;

const ENTRY_BY_NAME: ReadonlyMap<string, ModelEntry> = new Map(
  CATALOG_ENTRIES.flatMap((entry) => [entry.alias, ...entry.aliases].map((name) => [name, entry] as const)),
);
const ENTRY_BY_ID: ReadonlyMap<string, ModelEntry> = new Map(CATALOG_ENTRIES.map((entry) => [entry.id, entry] as const));

/** The catalog entry whose base model ID is `baseModelId` (a `:NNk` context-variant suffix is ignored). */
export function findEntryByModelId(baseModelId: string): ModelEntry | undefined {
  return ENTRY_BY_ID.get(baseModelId) ?? ENTRY_BY_ID.get(baseModelId.replace(CONTEXT_VARIANT_SUFFIX, ''));
}

/**
 * The catalog entry for a catalog alias (with or without `bedrock/`), a base model ID or a profile ID; `undefined`
 * when the catalog does not know it. User aliases and ARNs are not looked at: use {@link resolveModel} for those.
 */
export function findCatalogEntry(name: string): ModelEntry | undefined {
  const stripped = stripBedrockPrefix(name);
  return ENTRY_BY_NAME.get(stripped) ?? findEntryByModelId(splitProfilePrefix(stripped).baseModelId);
}

/** Whether Bedrock can call `entry`'s base ID on demand in `region`. */
export function isOnDemandIn(entry: ModelEntry, region: string): boolean {
  const regions = entry.onDemandRegions;
  if (regions === 'all') return true;
  if (regions === 'none') return false;
  return regions.includes(region);
}

/**
 * The profile a client in `region` should call for `entry` when it needs one: the narrowest geography of the
 * Region that the model has a profile for, else `global.` (never in GovCloud), else none. With
 * `preferGlobal`, `global.` first.
 */
function pickProfile(entry: ModelEntry, region: string, preferGlobal: boolean): ProfilePrefix | undefined {
  const globalAllowed = !isGovCloudRegion(region) && entry.profiles.includes('global');
  if (preferGlobal && globalAllowed) return 'global';
  for (const geography of geographiesForRegion(region)) {
    if (entry.profiles.includes(geography)) return geography;
  }
  return globalAllowed ? 'global' : undefined;
}

/** The ID a client in `region` calls for catalog entry `entry` under `mode`. */
export function modelIdForRegion(
  entry: ModelEntry,
  region: string,
  mode: CrossRegionMode = 'auto',
): { modelId: string; profile: ProfilePrefix | undefined } {
  if (mode === 'off') return { modelId: entry.id, profile: undefined };
  let profile: ProfilePrefix | undefined;
  if (mode === 'global' && entry.profiles.includes('global') && !isGovCloudRegion(region)) profile = 'global';
  else if (!isOnDemandIn(entry, region)) profile = pickProfile(entry, region, false);
  return profile === undefined ? { modelId: entry.id, profile } : { modelId: `${profile}.${entry.id}`, profile };
}

/**
 * Resolves `name` (an alias, with or without `bedrock/`; a base model ID; a profile ID; an ARN; or a user alias)
 * to the model ID to call in the client's Region.
 *
 * - User aliases win over catalog names. Their target is resolved like a name (but not through other user aliases).
 * - Catalog aliases become the base ID, or the Region's profile where the model needs one (see
 *   {@link CrossRegionMode}).
 * - Model IDs, profile IDs and ARNs pass through unchanged; known ones get their catalog entry (profile prefix
 *   stripped for the lookup). An ARN's Region becomes the call's Region.
 * - An unknown name without a dot is a `NotFoundError` (`model_not_found`, `param: 'model'`) suggesting the
 *   closest names; an unknown name with a dot is taken as a Bedrock model ID with unknown capabilities.
 *
 * @throws {NotFoundError} for unknown aliases; {@link BadRequestError} for malformed names and ARNs.
 */
export function resolveModel(name: string, options: ResolveModelOptions): ResolvedModel {
  return checkModelIdConforms(resolveUnchecked(name, options), name);
}

/**
 * Bedrock validates `modelId` against the service model's pattern (whole value; Converse's
 * `ConversationalModelId` and InvokeModel's `InvokeModelIdentifier`) before anything else: an ID or ARN that only
 * looks well formed (a foundation-model ARN of a profile ID, a prompt ARN whose ID is not 10 characters, a
 * `:200k` suffix on an ARN, an `_` next to a dot) is refused here, naming `model`.
 */
function checkModelIdConforms(resolved: ResolvedModel, name: string): ResolvedModel {
  const { modelId } = resolved;
  if (conformsTo('ConversationalModelId', modelId) && conformsTo('InvokeModelIdentifier', modelId)) return resolved;
  const target = modelId === name ? `model "${name}"` : `model "${name}" (called as "${modelId}")`;
  throw BadRequestError.forParam(
    'model',
    `${target} does not match the model ID pattern of Bedrock's service model, so Bedrock would refuse it: give a model alias, a Bedrock model ID (e.g. "anthropic.claude-sonnet-4-5-20250929-v1:0"), an inference profile ID (e.g. "us.anthropic.claude-sonnet-4-5-20250929-v1:0") or a Bedrock ARN (foundation-model ARNs take base model IDs; inference-profile ARNs take profile IDs).`,
  );
}

function resolveUnchecked(name: string, options: ResolveModelOptions): ResolvedModel {
  if (typeof name !== 'string' || name.length === 0) {
    throw BadRequestError.forParam('model', 'model is required: give a model alias (e.g. "claude-sonnet-4-5"), a Bedrock model ID, an inference profile ID or an ARN.');
  }
  const mode = options.crossRegion ?? 'auto';
  const aliases = options.aliases ?? {};
  const stripped = stripBedrockPrefix(name);
  const aliasKey = ownKey(aliases, name) ?? ownKey(aliases, stripped);

  if (aliasKey !== undefined) {
    const target: unknown = aliases[aliasKey];
    const targetId: unknown = typeof target === 'string' ? target : (target as { id?: unknown } | null)?.id;
    if (typeof targetId !== 'string' || targetId === '') {
      throw BadRequestError.forParam(`aliases.${aliasKey}`, `The alias "${aliasKey}" must map to a model alias, model ID or ARN, or to { id, baseModel }.`);
    }
    const targetBaseModel = typeof target === 'string' ? undefined : (target as { baseModel?: string }).baseModel;
    const resolved = resolveName(stripBedrockPrefix(targetId), options.region, mode, () =>
      notFound(name, `the alias "${aliasKey}" maps to "${targetId}", which is not a known alias, model ID or ARN`, aliases),
    );
    let entry = resolved.entry;
    if (entry === undefined && targetBaseModel !== undefined) entry = entryForBaseModel(targetBaseModel, `aliases.${aliasKey}.baseModel`);
    if (entry === undefined && options.baseModel !== undefined) entry = entryForBaseModel(options.baseModel, 'bedrock.baseModel');
    return { ...resolved, entry, via: 'user-alias' };
  }

  const resolved = resolveName(stripped, options.region, mode, () => notFound(name, undefined, aliases));
  if (resolved.entry === undefined && options.baseModel !== undefined) {
    return { ...resolved, entry: entryForBaseModel(options.baseModel, 'bedrock.baseModel') };
  }
  return resolved;
}

function resolveName(name: string, region: string, mode: CrossRegionMode, onUnknown: () => never): ResolvedModel {
  const byAlias = ENTRY_BY_NAME.get(name);
  if (byAlias !== undefined) {
    const { modelId, profile } = modelIdForRegion(byAlias, region, mode);
    return { modelId, entry: byAlias, via: 'alias', region, profile, profileAdded: profile !== undefined };
  }
  if (name.startsWith('arn:')) return resolveArn(name, region);
  if (name.includes('.')) {
    if (name.length > 2048 || !MODEL_ID_PATTERN.test(name)) {
      throw BadRequestError.forParam(
        'model',
        `model "${name}" is not a valid Bedrock model ID: IDs use letters, digits, ".", "-", "_" and ":" (e.g. "anthropic.claude-sonnet-4-5-20250929-v1:0").`,
      );
    }
    const { prefix, baseModelId } = splitProfilePrefix(name);
    const entry = findEntryByModelId(baseModelId);
    return { modelId: name, entry, via: prefix === undefined ? 'model-id' : 'profile-id', region, profile: prefix, profileAdded: false };
  }
  return onUnknown();
}

function resolveArn(arn: string, region: string): ResolvedModel {
  const parsed = parseBedrockArn(arn);
  if (parsed === undefined) {
    throw BadRequestError.forParam(
      'model',
      `model "${arn}" is not a well-formed ARN: expected arn:<partition>:bedrock:<region>:<account>:<resource-type>/<id>.`,
    );
  }
  let entry: ModelEntry | undefined;
  let profile: ProfilePrefix | undefined;
  if (parsed.resourceType === 'foundation-model') {
    entry = findEntryByModelId(parsed.resourceId);
  } else if (parsed.resourceType === 'inference-profile') {
    const split = splitProfilePrefix(parsed.resourceId);
    profile = split.prefix;
    entry = findEntryByModelId(split.baseModelId);
  }
  return {
    modelId: arn,
    entry,
    via: 'arn',
    region: parsed.region === '' ? region : parsed.region,
    profile,
    profileAdded: false,
    arn: parsed,
  };
}

/** The entry a `baseModel` hint names (alias, model ID or profile ID); unknown dotted IDs give `undefined`. */
function entryForBaseModel(baseModel: string, param: string): ModelEntry | undefined {
  const stripped = stripBedrockPrefix(baseModel);
  const entry = findCatalogEntry(stripped);
  if (entry !== undefined || stripped.includes('.')) return entry;
  const suggestions = closestMatches(stripped, ENTRY_BY_NAME.keys());
  throw new NotFoundError(404, `${param} "${baseModel}" is not a known model alias${didYouMean(suggestions)}`, {
    code: 'model_not_found',
    param,
    type: 'invalid_request_error',
  });
}

function notFound(name: string, detail: string | undefined, aliases: UserAliases): never {
  const candidates = [...ENTRY_BY_NAME.keys(), ...Object.keys(aliases)];
  const suggestions = closestMatches(stripBedrockPrefix(name), candidates);
  const reason = detail ?? `"${name}" is not a known model alias`;
  throw new NotFoundError(
    404,
    `Model not found: ${reason}${didYouMean(suggestions)} To call a model the catalog does not list, pass its Bedrock model ID (e.g. "anthropic.claude-sonnet-4-5-20250929-v1:0"), an inference profile ID or an ARN.`,
    { code: 'model_not_found', param: 'model', type: 'invalid_request_error' },
  );
}

function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length === 0 ? '.' : `. Did you mean ${suggestions.map((item) => `"${item}"`).join(', ')}?`;
}

function stripBedrockPrefix(name: string): string {
  return name.startsWith(BEDROCK_PREFIX) ? name.slice(BEDROCK_PREFIX.length) : name;
}

function ownKey(record: UserAliases, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? key : undefined;
}

// --- The on-demand-throughput safety net -----------------------------------------------------------------------

const ON_DEMAND_MESSAGE = /on-demand throughput isn.?t supported/i;

/**
 * Whether `error` is Bedrock's "Invocation of model ID … with on-demand throughput isn't supported. Retry your
 * request with the ID or ARN of an inference profile …" `ValidationException`, raw from the SDK or mapped by
 * `fromAwsError` (a `BadRequestError` whose `bedrockErrorName` is `ValidationException`).
 */
export function isOnDemandThroughputError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; bedrockErrorName?: unknown; message?: unknown };
  const exceptionName = typeof candidate.bedrockErrorName === 'string' ? candidate.bedrockErrorName : candidate.name;
  if (exceptionName !== 'ValidationException') return false;
  return typeof candidate.message === 'string' && ON_DEMAND_MESSAGE.test(candidate.message);
}

/**
 * The profile ID to retry with after the on-demand-throughput error for base model ID `modelId` in `region`, or
 * `undefined` when there is none to try (the ID already has a prefix, is an ARN, the mode is `off`, or no profile
 * fits the Region). For a model the catalog knows, only profiles it has are used; for an unknown model, the
 * Region's first geography (`us.`, `eu.`, …), since the error itself says a profile exists.
 */
export function profileFallbackFor(modelId: string, region: string, crossRegion: CrossRegionMode = 'auto'): string | undefined {
  if (crossRegion === 'off' || modelId.startsWith('arn:')) return undefined;
  const { prefix, baseModelId } = splitProfilePrefix(modelId);
  if (prefix !== undefined) return undefined;
  const entry = findEntryByModelId(baseModelId);
  const profile = entry === undefined ? geographiesForRegion(region)[0] : pickProfile(entry, region, crossRegion === 'global');
  return profile === undefined ? undefined : `${profile}.${modelId}`;
}
