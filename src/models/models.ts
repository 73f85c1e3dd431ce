/**
 * `client.models`: the catalog in OpenAI's `models.list()` / `models.retrieve()` shapes. No network: Bedrock's
 * control plane (ListFoundationModels) is a different service and needs other permissions; the catalog says what
 * this client would call in its Region.
 */
import { APIUserAbortError, BadRequestError, NotFoundError, OpenAIError } from '../core/errors.js';
import { readLocalOptions, type RequestOptions } from '../core/request-options.js';
import { CATALOG_ENTRIES } from './catalog.js';
import { pricesFor } from './cost.js';
import { resolveModel, modelIdForRegion, type CrossRegionMode, type UserAliases } from './resolve.js';
import type { ChatCapabilities, EmbeddingFacts, ModelEntry, ModelKind, ProfilePrefix } from './types.js';

/** USD per million tokens for the listed `id`; `null` where unknown. */
export interface BedrockModelPricing {
  input: number;
  output: number;
  cache_read: number | null;
  cache_write: number | null;
}

/** An OpenAI `Model` (`id`, `object`, `created`, `owned_by`) plus what the catalog knows about it. */
export interface BedrockModel {
  /** The model ID this client calls in its Region (a `us.`/`eu.`/… profile where the model needs one). */
  id: string;
  object: 'model';
  /** Release date as Unix seconds; 0 when the catalog has no release date. */
  created: number;
  /** The provider segment of the model ID (`anthropic`, `amazon`, `meta`, …). */
  owned_by: string;
  /** The base Bedrock model ID, without a profile prefix. */
  base_model_id: string;
  name: string;
  provider: string;
  /** The canonical alias (`claude-sonnet-4-5`). */
  alias: string;
  /** Other names for the same model. */
  aliases: string[];
  kind: ModelKind;
  capabilities: ChatCapabilities | null;
  embedding: EmbeddingFacts | null;
  context_window: number | null;
  max_output_tokens: number | null;
  /** Profile prefixes that exist for the model. */
  profiles: ProfilePrefix[];
  /** The profile `id` uses, or `null` for the base ID. */
  inference_profile: ProfilePrefix | null;
  /** The Region `id` is called in. */
  region: string;
  pricing: BedrockModelPricing | null;
}

/**
 * An OpenAI-shaped list page, as `openai`'s `Page`: `{ object: 'list', data }`, async-iterable over `data`, with
 * `getPaginatedItems()`, `hasNextPage()` (always `false`: the catalog is one page), `getNextPage()` and
 * `iterPages()`. The methods are not enumerable, so the page serializes as `{ object, data }`.
 */
export interface ModelsPage extends AsyncIterable<BedrockModel> {
  object: 'list';
  data: BedrockModel[];
  getPaginatedItems(): BedrockModel[];
  hasNextPage(): boolean;
  /** @throws {OpenAIError} always: there is no next page (as `openai` does when `hasNextPage()` is false). */
  getNextPage(): Promise<ModelsPage>;
  iterPages(): AsyncGenerator<ModelsPage>;
}

/**
 * What `models.list()` returns, as `openai`'s `PagePromise`: await it for the page, or iterate it directly
 * (`for await (const model of client.models.list())`).
 */
export interface ModelsPagePromise extends Promise<ModelsPage>, AsyncIterable<BedrockModel> {}

export interface ModelsContext {
  region: string;
  crossRegion: CrossRegionMode;
  aliases: UserAliases;
}

export class Models {
  readonly #context: () => Promise<ModelsContext>;

  /**
   * @param context the client's settings, or a function resolving them (the client reads its Region lazily, as the
   *   shared config file may supply it).
   */
  constructor(context: ModelsContext | (() => Promise<ModelsContext>)) {
    this.#context = typeof context === 'function' ? context : async () => context;
  }

  /**
   * Every catalog model, with the ID this client would call for it in its Region. Await the result for the page,
   * or iterate it directly: `for await (const model of client.models.list())`.
   */
  list(options?: RequestOptions): ModelsPagePromise {
    const page = (async () => {
      readLocalOptions(options, 'models.list()', 'reads the local catalog');
      const { region, crossRegion } = await this.#context();
      const data = CATALOG_ENTRIES.map((entry) => {
        const { modelId, profile } = modelIdForRegion(entry, region, crossRegion);
        return describeModel(entry, modelId, profile, region);
      });
      return createModelsPage(data);
    })();
    return Object.defineProperty(page, Symbol.asyncIterator, {
      enumerable: false,
      value: async function* iterate(): AsyncGenerator<BedrockModel> {
        yield* (await page).data;
      },
    }) as ModelsPagePromise;
  }

  /**
   * One model, by alias (catalog or user), model ID, profile ID or ARN with a known base model.
   * @throws {NotFoundError} when the name is unknown or the catalog has no entry for it.
   */
  async retrieve(name: string, options?: RequestOptions): Promise<BedrockModel> {
    readLocalOptions(options, 'models.retrieve()', 'reads the local catalog');
    const resolved = resolveModel(name, await this.#context());
    if (resolved.entry === undefined) {
      throw new NotFoundError(
        404,
        `The model catalog has no entry for "${name}". It can still be called by that ID, but its capabilities and prices are unknown.`,
        { code: 'model_not_found', param: 'model', type: 'invalid_request_error' },
      );
    }
    return describeModel(resolved.entry, resolved.modelId, resolved.profile, resolved.region);
  }
}

/** Builds a {@link ModelsPage} over `data`. */
export function createModelsPage(data: BedrockModel[]): ModelsPage {
  const page = { object: 'list' as const, data } as ModelsPage;
  const methods: Omit<ModelsPage, 'object' | 'data'> = {
    async *[Symbol.asyncIterator]() {
      yield* page.data;
    },
    getPaginatedItems: () => page.data,
    hasNextPage: () => false,
    getNextPage: () => Promise.reject(new OpenAIError('No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.')),
    async *iterPages() {
      yield page;
    },
  };
  for (const key of Reflect.ownKeys(methods)) {
    Object.defineProperty(page, key, { enumerable: false, value: (methods as Record<PropertyKey, unknown>)[key] });
  }
  return page;
}

/** The listing shape of catalog entry `entry` when called as `modelId` in `region`. */
export function describeModel(entry: ModelEntry, modelId: string, profile: ProfilePrefix | undefined, region: string): BedrockModel {
  const prices = pricesFor(modelId, entry, region);
  return {
    id: modelId,
    object: 'model',
    created: entry.releaseDate === undefined ? 0 : Math.floor(Date.parse(`${entry.releaseDate}T00:00:00Z`) / 1000),
    owned_by: entry.id.slice(0, entry.id.indexOf('.')),
    base_model_id: entry.id,
    name: entry.name,
    provider: entry.provider,
    alias: entry.alias,
    aliases: [...entry.aliases],
    kind: entry.kind,
    capabilities: entry.capabilities === undefined ? null : structuredClone(entry.capabilities) as ChatCapabilities,
    embedding: entry.embedding === undefined ? null : structuredClone(entry.embedding) as EmbeddingFacts,
    context_window: entry.contextWindow,
    max_output_tokens: entry.maxOutputTokens,
    profiles: [...entry.profiles],
    inference_profile: profile ?? null,
    region,
    pricing:
      prices === undefined
        ? null
        : { input: prices.input, output: prices.output, cache_read: prices.cacheRead ?? null, cache_write: prices.cacheWrite ?? null },
  };
}
