/**
 * `client.embeddings.create()`: OpenAI's embeddings call for every Bedrock embedding family, in one call however
 * many inputs there are.
 *
 * How a call runs:
 * 1. The request is checked (inputs, `dimensions`, Bedrock options) before anything is sent.
 * 2. The model is resolved through the catalog; its entry decides the family (so profile IDs and
 *    application-profile ARNs with `bedrock.baseModel` work), never the spelling of the ID.
 * 3. Inputs are split into requests of the family's batch size ({@link BatchPlanner}, on demand) and sent by a
 *    fixed number of workers, each pulling the next batch, so at most `concurrency` requests and promises exist
 *    at once and results land in a preallocated array at their input's index.
 * 4. Every attempt goes through the client's limiter for the model (src/limits/), shared with every other call to
 *    it: the limiter paces requests at the quota it knows or learns from throttling. Failed attempts are retried
 *    with the client's backoff (`withRetry`): throttling up to `throttleRetries` times, other retryable failures up
 *    to `maxRetries` times.
 * 5. A request that still fails stops the call: requests in flight are cancelled and the call rejects with an
 *    error naming the failed input indexes (a Bedrock `ValidationException` on a multi-input request is narrowed
 *    down to the input that causes it by bisection). No partial result is returned.
 */
import type { Client } from '../client.js';
import { readRequestOptions } from '../core/request-options.js';
import { APIPromise, type APIResponse } from '../core/api-promise.js';
import { BadRequestError } from '../core/errors.js';
import { APIResource } from '../core/resource.js';
import { CATALOG_ENTRIES } from '../models/catalog.js';
import { computeCost } from '../models/cost.js';
import type { EmbeddingFacts, ModelEntry } from '../models/types.js';
import { BatchPlanner } from './batching.js';
import { batchSizesFor, familySettingsOf } from './families.js';
import { EMBEDDING_OPTION_KEYS, EmbeddingRun, type EmbeddingsInternals } from './run.js';
import type { CreateEmbeddingBase64Response, CreateEmbeddingResponse, EmbeddingCreateParams, EmbeddingRequestOptions, EmbeddingUsage } from './types.js';
import { checkRequestForModel, readEmbeddingRequest } from './validate.js';

export { DEFAULT_EMBEDDING_CONCURRENCY, DEFAULT_THROTTLE_RETRIES, embeddingFailureOf, type EmbeddingFailureDetails, type EmbeddingsInternals } from './run.js';

/** Largest `concurrency` accepted (the default HTTP agent pools 64 sockets; more would only queue). */
export const MAX_EMBEDDING_CONCURRENCY = 256;

function checkWholeNumber(name: string, value: unknown, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw BadRequestError.forParam(name, `\`${name}\` must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}.`);
  }
}

function checkRequestOptions(options: EmbeddingRequestOptions): void {
  if (typeof options !== 'object' || options === null) throw BadRequestError.forParam('options', 'Request options must be an object.');
  checkWholeNumber('concurrency', options.concurrency, 1, MAX_EMBEDDING_CONCURRENCY);
  checkWholeNumber('throttleRetries', options.throttleRetries, 0, 100);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw BadRequestError.forParam('onProgress', '`onProgress` must be a function.');
  }
}


/** The embedding facts of a resolved model, or a `BadRequestError` naming `model`. */
export function embeddingFactsOf(entry: ModelEntry | undefined, name: string, modelId: string): EmbeddingFacts {
  const known = CATALOG_ENTRIES.filter((candidate) => candidate.kind === 'embedding').map((candidate) => candidate.alias);
  if (entry === undefined) {
    throw BadRequestError.forParam(
      'model',
      `${JSON.stringify(name)} (${modelId}) is not an embedding model the catalog knows, so its request format is unknown. ` +
        `Use one of ${known.join(', ')}, or a model/profile ID of one; for an application-inference-profile ARN, set \`bedrock.baseModel\` to the model it runs.`,
      'model_not_found',
    );
  }
  if (entry.embedding === undefined) {
    throw BadRequestError.forParam('model', `${entry.alias} (${modelId}) is a ${entry.kind} model, not an embedding model. Embedding models: ${known.join(', ')}.`, 'invalid_model');
  }
  return entry.embedding;
}

export class Embeddings extends APIResource {
  readonly #internals: EmbeddingsInternals;

  constructor(client: Client, internals: EmbeddingsInternals = {}) {
    super(client);
    this.#internals = internals;
  }

  /**
   * Creates embedding vectors for `input` (a string or an array of strings), in `openai`'s response shape, however
   * many inputs there are: they are batched, sent with bounded adaptive concurrency and retried on throttling.
   *
   * ```ts
   * const { data } = await client.embeddings.create({ model: 'titan-embed-text-v2', input: ['first', 'second'] });
   * ```
   */
  create(params: EmbeddingCreateParams & { encoding_format: 'base64' }, options?: EmbeddingRequestOptions): APIPromise<CreateEmbeddingBase64Response>;
  create(params: EmbeddingCreateParams, options?: EmbeddingRequestOptions): APIPromise<CreateEmbeddingResponse>;
  create(params: EmbeddingCreateParams, options: EmbeddingRequestOptions = {}): APIPromise<CreateEmbeddingResponse | CreateEmbeddingBase64Response> {
    return APIPromise.from(() => this.#create(params, options));
  }

  async #create(params: EmbeddingCreateParams, given: EmbeddingRequestOptions): Promise<APIResponse<CreateEmbeddingResponse | CreateEmbeddingBase64Response>> {
    const request = readEmbeddingRequest(params);
    checkRequestOptions(given);
    const options = readRequestOptions(given, EMBEDDING_OPTION_KEYS);
    const resolved = await this._client._resolveModel(params.model, { baseModel: request.baseModel });
    const facts = embeddingFactsOf(resolved.entry, params.model, resolved.modelId);
    const kinds = checkRequestForModel(request, facts, resolved.modelId);
    const settings = familySettingsOf(request, facts);
    const run = new EmbeddingRun(this._client, request, settings, resolved.modelId, resolved.region, options, this.#internals);
    const planner = new BatchPlanner(request.inputs.length, batchSizesFor(facts), kinds.images);
    const outcome = await run.execute(planner);

    const usage: EmbeddingUsage = { prompt_tokens: outcome.promptTokens, total_tokens: outcome.promptTokens };
    if (outcome.unreportedRequests > 0) {
      this._client._warn({
        code: 'embedding_usage_unreported',
        message: `Bedrock reported no token count for ${outcome.unreportedRequests} of ${outcome.requests} embedding requests to ${resolved.modelId}; usage counts only the others and has no cost.`,
      });
    } else {
      const cost = computeCost(resolved.modelId, resolved.entry, { inputTokens: outcome.promptTokens, outputTokens: 0 }, resolved.region);
      if (cost !== undefined) usage.cost = cost;
    }
    const data = { object: 'list' as const, data: outcome.data, model: resolved.modelId, usage };
    return { data: data as CreateEmbeddingResponse | CreateEmbeddingBase64Response, request_id: outcome.metadata.requestId ?? null, response: outcome.metadata };
  }
}

