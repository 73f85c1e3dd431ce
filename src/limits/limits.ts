/**
 * The limiters of one `Client`: one per model ID and Region, created on first use, shared by every call that
 * reaches that model (chat, streams, embeddings, the HTTP handler's requests through the client), and the quotas
 * the user declares (`quotas` in the client options or bedrock.json, keyed by alias or model ID).
 */
import { ConfigurationError } from '../core/errors.js';
import { type DeclaredQuota, type LimitEvent, type LimiterState, ModelLimiter } from './limiter.js';

export type { AttemptOutcome, DeclaredQuota, LimitEvent, LimiterState, Permit } from './limiter.js';
export { ModelLimiter } from './limiter.js';

/** Declared quotas by model (an alias of the catalog or bedrock.json, or a model/profile ID). */
export type DeclaredQuotas = Record<string, DeclaredQuota>;

const QUOTA_FIELDS = ['requestsPerMinute', 'tokensPerMinute'] as const;

/**
 * Checks declared quotas (`quotas` option or bedrock.json key), throwing a `ConfigurationError` naming the field
 * (`quotas.<model>.requestsPerMinute`). Returns a clean copy.
 */
export function validateDeclaredQuotas(value: unknown, file?: string): DeclaredQuotas {
  const where = file === undefined ? '' : ` in ${file}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigurationError('quotas', `\`quotas\`${where} must be an object mapping models to { "requestsPerMinute", "tokensPerMinute" }.`, file);
  }
  const quotas: DeclaredQuotas = {};
  for (const [model, quota] of Object.entries(value as Record<string, unknown>)) {
    const param = `quotas.${model}`;
    if (model.trim() === '') throw new ConfigurationError('quotas', `\`quotas\`${where} has an empty model name.`, file);
    if (typeof quota !== 'object' || quota === null || Array.isArray(quota)) {
      throw new ConfigurationError(param, `\`${param}\`${where} must be an object such as { "requestsPerMinute": 500, "tokensPerMinute": 200000 }.`, file);
    }
    const clean: DeclaredQuota = {};
    for (const [key, amount] of Object.entries(quota as Record<string, unknown>)) {
      if (!(QUOTA_FIELDS as readonly string[]).includes(key)) {
        throw new ConfigurationError(`${param}.${key}`, `\`${param}.${key}\`${where} is not a quota; use ${QUOTA_FIELDS.join(' or ')}.`, file);
      }
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
        throw new ConfigurationError(`${param}.${key}`, `\`${param}.${key}\`${where} must be a number > 0 (per minute); got ${JSON.stringify(amount)}.`, file);
      }
      clean[key as (typeof QUOTA_FIELDS)[number]] = amount;
    }
    if (Object.keys(clean).length === 0) {
      throw new ConfigurationError(param, `\`${param}\`${where} declares neither requestsPerMinute nor tokensPerMinute.`, file);
    }
    quotas[model] = clean;
  }
  return quotas;
}

export interface LimitsOptions {
  /** The declared quota for a model ID in a Region (the client resolves the names the user declared). */
  declaredFor: (modelId: string, region: string) => DeclaredQuota | undefined;
  onEvent?: ((event: LimitEvent) => void) | undefined;
  now?: (() => number) | undefined;
}

export class Limits {
  readonly #limiters = new Map<string, ModelLimiter>();
  readonly #options: LimitsOptions;

  constructor(options: LimitsOptions) {
    this.#options = options;
  }

  /** The limiter of a model ID in a Region. */
  for(modelId: string, region: string): ModelLimiter {
    const key = `${region}\u0000${modelId}`;
    let limiter = this.#limiters.get(key);
    if (limiter === undefined) {
      limiter = new ModelLimiter({
        model: modelId,
        region,
        declared: this.#options.declaredFor(modelId, region),
        onEvent: this.#options.onEvent,
        now: this.#options.now,
      });
      this.#limiters.set(key, limiter);
    }
    return limiter;
  }

  states(): LimiterState[] {
    return [...this.#limiters.values()].map((limiter) => limiter.state());
  }

  /** One line per limiter for `client.describe()`: in flight, queued, rates (declared or learned), throttles. */
  describe(): string[] {
    const perMinute = (rate: number | null, declared: number | undefined, unit: string): string =>
      rate === null ? `${unit}/min unknown` : `${Math.round(rate)} ${unit}/min (${declared !== undefined && rate >= declared ? 'declared' : 'learned'})`;
    return this.states().map(
      (state) =>
        `${state.model} in ${state.region}: ${state.inFlight} in flight, ${state.queued} queued, ` +
        `${perMinute(state.requestsPerMinute, state.declared.requestsPerMinute, 'requests')}, ${perMinute(state.tokensPerMinute, state.declared.tokensPerMinute, 'tokens')}, ` +
        `${state.throttled} throttled of ${state.admitted + state.throttled}`,
    );
  }
}
