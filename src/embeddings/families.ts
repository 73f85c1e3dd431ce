/**
 * The InvokeModel request and response bodies of each Bedrock embedding family (bedrock-wire.md §5). Pure.
 *
 * | family | inputs per call | request | vectors | tokens |
 * |---|---|---|---|---|
 * | `titan-text-v1` | 1 | `{inputText}` | `embedding` | `inputTextTokenCount` |
 * | `titan-text-v2` | 1 | `{inputText, dimensions, normalize?}` | `embedding` | `inputTextTokenCount` |
 * | `titan-multimodal` | 1 | `{inputText \| inputImage, embeddingConfig: {outputEmbeddingLength}}` | `embedding` | `inputTextTokenCount` |
 * | `cohere-v3` | 96 texts or 1 image | `{texts \| images, input_type, truncate?}` | `embeddings` (or `embeddings.float`) | header |
 * | `cohere-v4` | 96 texts or 96 images | `{texts \| images, input_type, embedding_types, output_dimension, truncate?}` | `embeddings.float` | header |
 * | `nova-multimodal` | 1 | `{schemaVersion, taskType, singleEmbeddingParams: {embeddingPurpose, embeddingDimension, text \| image}}` | `embeddings[0].embedding` | `inputTokenCount`, else header |
 *
 * The token count header is `x-amzn-bedrock-input-token-count` (see `token-count.ts`).
 */
import { BedrockOpenAIError } from '../core/errors.js';
import type { EmbeddingFacts, EmbeddingFamily } from '../models/types.js';
import type { EmbeddingInputType, EmbeddingTruncation } from './types.js';
import { type EmbeddingRequest, parseDataUrlImage } from './validate.js';

/** What every request of one call shares. */
export interface FamilySettings {
  family: EmbeddingFamily;
  /** The vector length to ask for: the requested `dimensions`, else the model's default. */
  dimensions: number;
  inputType: EmbeddingInputType;
  truncate: EmbeddingTruncation | undefined;
  normalize: boolean | undefined;
}

/** The settings of a request for its model: the requested `dimensions`, else the model's default. */
export function familySettingsOf(request: EmbeddingRequest, facts: EmbeddingFacts): FamilySettings {
  return {
    family: facts.family,
    dimensions: request.dimensions ?? facts.defaultDimensions,
    inputType: request.inputType,
    truncate: request.truncate,
    normalize: request.normalize,
  };
}

/** Inputs per request for text and for images. */
export function batchSizesFor(facts: EmbeddingFacts): { text: number; image: number } {
  switch (facts.family) {
    case 'cohere-v3':
      // "The maximum number of images per call is 1" (model-parameters-embed-v3).
      return { text: facts.batchSize, image: 1 };
    case 'cohere-v4':
      return { text: facts.batchSize, image: facts.batchSize };
    default:
      return { text: facts.batchSize, image: 1 };
  }
}

const NOVA_PURPOSE: Readonly<Record<EmbeddingInputType, string>> = {
  search_document: 'GENERIC_INDEX',
  search_query: 'GENERIC_RETRIEVAL',
  classification: 'CLASSIFICATION',
  clustering: 'CLUSTERING',
};

const COHERE_V3_TRUNCATE: Readonly<Record<EmbeddingTruncation, string>> = { none: 'NONE', start: 'START', end: 'END' };
const COHERE_V4_TRUNCATE: Readonly<Record<EmbeddingTruncation, string>> = { none: 'NONE', start: 'LEFT', end: 'RIGHT' };
const NOVA_TRUNCATE: Readonly<Record<EmbeddingTruncation, string>> = { none: 'NONE', start: 'START', end: 'END' };

/**
 * The request body for `inputs[start..end)`, all text or all images (`image`). The caller keeps batches within
 * {@link batchSizesFor}.
 */
export function buildRequestBody(settings: FamilySettings, inputs: readonly string[], start: number, end: number, image: boolean): Record<string, unknown> {
  const first = inputs[start] as string;
  switch (settings.family) {
    case 'titan-text-v1':
      return { inputText: first };
    case 'titan-text-v2':
      return settings.normalize === undefined
        ? { inputText: first, dimensions: settings.dimensions }
        : { inputText: first, dimensions: settings.dimensions, normalize: settings.normalize };
    case 'titan-multimodal': {
      const embeddingConfig = { outputEmbeddingLength: settings.dimensions };
      return image ? { inputImage: imageOf(first).data, embeddingConfig } : { inputText: first, embeddingConfig };
    }
    case 'cohere-v3': {
      if (image) return { images: [first], input_type: 'image' };
      const body: Record<string, unknown> = { texts: inputs.slice(start, end), input_type: settings.inputType };
      if (settings.truncate !== undefined) body['truncate'] = COHERE_V3_TRUNCATE[settings.truncate];
      return body;
    }
    case 'cohere-v4': {
      const body: Record<string, unknown> = image
        ? { images: inputs.slice(start, end), input_type: settings.inputType }
        : { texts: inputs.slice(start, end), input_type: settings.inputType };
      body['embedding_types'] = ['float'];
      body['output_dimension'] = settings.dimensions;
      if (settings.truncate !== undefined) body['truncate'] = COHERE_V4_TRUNCATE[settings.truncate];
      return body;
    }
    case 'nova-multimodal': {
      const params: Record<string, unknown> = { embeddingPurpose: NOVA_PURPOSE[settings.inputType], embeddingDimension: settings.dimensions };
      if (image) {
        const { format, data } = imageOf(first);
        params['image'] = { format, source: { bytes: data } };
      } else {
        // Nova requires a truncation mode; `NONE` (reject over-long text) unless one was asked for.
        params['text'] = { truncationMode: NOVA_TRUNCATE[settings.truncate ?? 'none'], value: first };
      }
      return { schemaVersion: 'nova-multimodal-embed-v1', taskType: 'SINGLE_EMBEDDING', singleEmbeddingParams: params };
    }
    default: {
      const unknown: never = settings.family;
      throw new BedrockOpenAIError(`Unknown embedding family ${String(unknown)}.`);
    }
  }
}

function imageOf(input: string): { format: string; data: string } {
  const image = parseDataUrlImage(input);
  // Validation already refused anything else.
  if (image === undefined) throw new BedrockOpenAIError('Not an image data URL.');
  return image;
}

/** Vectors and the input token count a response body reports (`undefined` when the body has none). */
export interface ParsedEmbeddings {
  vectors: number[][];
  inputTokens: number | undefined;
}

function unexpected(family: EmbeddingFamily, what: string): BedrockOpenAIError {
  return new BedrockOpenAIError(`Unexpected ${family} embedding response from Bedrock: ${what}.`);
}

function isVectorList(value: unknown): value is number[][] {
  return Array.isArray(value) && value.every((vector) => Array.isArray(vector));
}

/** Reads the vectors (`count` of them) and the token count out of a parsed response body. */
export function parseResponseBody(family: EmbeddingFamily, body: unknown, count: number): ParsedEmbeddings {
  if (typeof body !== 'object' || body === null) throw unexpected(family, 'the body is not a JSON object');
  const json = body as Record<string, unknown>;
  let vectors: number[][];
  let inputTokens: unknown;
  switch (family) {
    case 'titan-text-v1':
    case 'titan-text-v2':
    case 'titan-multimodal': {
      const byType = json['embeddingsByType'] as { float?: unknown } | undefined;
      const vector = Array.isArray(json['embedding']) ? json['embedding'] : byType?.float;
      if (!Array.isArray(vector)) throw unexpected(family, 'no `embedding` array');
      vectors = [vector as number[]];
      inputTokens = json['inputTextTokenCount'];
      break;
    }
    case 'cohere-v3':
    case 'cohere-v4': {
      const embeddings = json['embeddings'];
      // `embeddings_floats`: [[…]]; `embeddings_by_type` (asked for with `embedding_types`): {float: [[…]]}.
      const list = Array.isArray(embeddings) ? embeddings : (embeddings as { float?: unknown } | undefined)?.float;
      if (!isVectorList(list)) throw unexpected(family, 'no `embeddings` (or `embeddings.float`) list of vectors');
      vectors = list;
      break;
    }
    case 'nova-multimodal': {
      const embeddings = json['embeddings'];
      if (!Array.isArray(embeddings)) throw unexpected(family, 'no `embeddings` list');
      vectors = embeddings.map((entry: unknown) => {
        const vector = (entry as { embedding?: unknown } | null)?.embedding;
        if (!Array.isArray(vector)) throw unexpected(family, 'an `embeddings` entry without an `embedding` array');
        return vector as number[];
      });
      inputTokens = json['inputTokenCount'];
      break;
    }
    default: {
      const unknown: never = family;
      throw new BedrockOpenAIError(`Unknown embedding family ${String(unknown)}.`);
    }
  }
  if (vectors.length !== count) throw unexpected(family, `${vectors.length} vectors for ${count} inputs`);
  return { vectors, inputTokens: typeof inputTokens === 'number' && Number.isFinite(inputTokens) && inputTokens >= 0 ? inputTokens : undefined };
}
