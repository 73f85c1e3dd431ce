/**
 * Public types of `client.embeddings.create()`. The request and response shapes are structurally the `openai`
 * package's `EmbeddingCreateParams` and `CreateEmbeddingResponse` (type-tested both ways), plus the Bedrock-only
 * `bedrock` options, `usage.cost` and the per-call batching options.
 */
import type { RequestOptions } from '../client.js';
import type { CanonicalAlias, CATALOG } from '../models/catalog.js';

/** How an input will be used. Cohere's `input_type`; Nova's `embeddingPurpose`; Titan has none. */
export type EmbeddingInputType = 'search_document' | 'search_query' | 'classification' | 'clustering';

/** Which end of an over-long input Bedrock cuts off; `none` (the default) makes Bedrock reject it instead. */
export type EmbeddingTruncation = 'none' | 'start' | 'end';

/** Bedrock-only options of an embeddings request. */
export interface BedrockEmbeddingOptions {
  /**
   * What the inputs are for. Default `search_document` (inputs stored in an index); embed queries with
   * `search_query`. Sent as Cohere's `input_type` and Nova's `embeddingPurpose` (`GENERIC_INDEX`,
   * `GENERIC_RETRIEVAL`, `CLASSIFICATION`, `CLUSTERING`). Titan models have no such setting and ignore it.
   */
  inputType?: EmbeddingInputType | undefined;
  /**
   * What Bedrock does with an input longer than the model takes: `none` (default) rejects it, `start` cuts its
   * beginning, `end` its end. Cohere and Nova only; Titan models cannot truncate (`start`/`end` are refused).
   */
  truncate?: EmbeddingTruncation | undefined;
  /** Titan Text Embeddings V2 only: return unit-length vectors. Bedrock's default is `true`. */
  normalize?: boolean | undefined;
  /** What model an application-inference-profile ARN (or other unknown ID) runs: an alias or a base model ID. */
  baseModel?: string | undefined;
}

/** The parameters of `client.embeddings.create()`: `openai`'s `EmbeddingCreateParams` plus `bedrock`. */
export interface EmbeddingCreateParams {
  /**
   * A string or an array of strings (at most one input per element). Strings that are `data:image/…;base64,`
   * URLs are images, for models that embed images (Titan Multimodal, Cohere, Nova). Token arrays are refused:
   * Bedrock models take text, not another tokenizer's token IDs. Empty strings are refused.
   */
  input: string | Array<string> | Array<number> | Array<Array<number>>;
  /** A catalog alias (`titan-embed-text-v2`, `embed-v4`, …), a Bedrock model ID, a profile ID or an ARN. */
  model: (string & {}) | EmbeddingModel;
  /** Vector length; one of the model's allowed values (the error lists them). Default: the model's default. */
  dimensions?: number;
  /** `float` (default): arrays of numbers. `base64`: little-endian float32 bytes in base64, as OpenAI sends them. */
  encoding_format?: 'float' | 'base64';
  /** Sent as Bedrock request metadata (`user`), which appears in model invocation logs. */
  user?: string;
  /** Bedrock-only options. */
  bedrock?: BedrockEmbeddingOptions;
}

/** Catalog aliases of the embedding models (any other model ID, profile ID or ARN is accepted too). */
export type EmbeddingModel = {
  [Alias in CanonicalAlias]: (typeof CATALOG)[Alias]['kind'] extends 'embedding' ? Alias : never;
}[CanonicalAlias];

/** One embedding vector. */
export interface Embedding {
  /** The vector. */
  embedding: Array<number>;
  /** The position of its input in `input`. */
  index: number;
  object: 'embedding';
}

/** One embedding with `encoding_format: 'base64'`: little-endian float32 bytes, base64-encoded. */
export interface Base64Embedding {
  embedding: string;
  index: number;
  object: 'embedding';
}

/** Token counts as Bedrock reports them, summed over every request the call made, and the cost when known. */
export interface EmbeddingUsage {
  prompt_tokens: number;
  total_tokens: number;
  /**
   * USD, from the catalog's price for the model ID that was called. Absent when the price is unknown (an
   * application-profile ARN, a model the catalog does not know) or when Bedrock did not report every count.
   */
  cost?: number;
}

/** The result of `client.embeddings.create()`: `openai`'s `CreateEmbeddingResponse` (plus `usage.cost`). */
export interface CreateEmbeddingResponse {
  /** One entry per input, in input order (`data[i].index === i`). */
  data: Array<Embedding>;
  /** The model ID that was called (a base ID, a profile ID or an ARN). */
  model: string;
  object: 'list';
  usage: EmbeddingUsage;
}

/** The result with `encoding_format: 'base64'`. */
export interface CreateEmbeddingBase64Response {
  data: Array<Base64Embedding>;
  model: string;
  object: 'list';
  usage: EmbeddingUsage;
}

/** Progress of a long call: inputs embedded so far, out of all inputs. */
export interface EmbeddingProgress {
  done: number;
  total: number;
}

/** The second argument of `client.embeddings.create()`: the usual request options plus batching controls. */
export interface EmbeddingRequestOptions extends RequestOptions {
  /**
   * Most Bedrock requests in flight at once (each carries one input, or up to 96 for Cohere). Default 16. The call
   * lowers it on throttling (halving, down to 1) and raises it again, one step at a time, once requests succeed.
   */
  concurrency?: number | undefined;
  /**
   * Retries of a request Bedrock throttled (`ThrottlingException`, 429), on top of `maxRetries` for other
   * failures. Default 8 (with backoff, about a minute of sustained throttling per request before the call fails).
   */
  throttleRetries?: number | undefined;
  /** Called after each Bedrock request that completes, with the number of inputs embedded so far. */
  onProgress?: ((progress: EmbeddingProgress) => void) | undefined;
}
