/**
 * Deterministic embeddings with real (if simple) semantics, and the native InvokeModel bodies of Bedrock's
 * embedding models (bedrock-wire.md §5).
 *
 * {@link embedText}: lower-cased word tokens (letters and digits), their bigrams and their character trigrams are
 * hashed (FNV-1a) into `dimensions` buckets with a hashed sign (word weight 1, bigram 0.5, trigrams 0.5 shared
 * per word), then L2-normalised. Texts that share
 * words score a higher cosine than unrelated ones, so retrieval examples work offline.
 */
import { createHash } from 'node:crypto';
import { EmulatorError } from './errors.js';
import { countTokens } from './tokens.js';

const WORD = /[\p{L}\p{N}]+/gu;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function addFeature(vector: Float64Array, feature: string, weight: number): void {
  const hash = fnv1a(feature);
  const sign = fnv1a(`sign:${feature}`) & 1 ? 1 : -1;
  const index = hash % vector.length;
  vector[index] = (vector[index] ?? 0) + sign * weight;
}

/** Lower-cased word tokens of a text, as the embedding features see them. */
export function embeddingWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** L2-normalises in place (a zero vector stays zero). */
function normalizeInPlace(vector: Float64Array): void {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm === 0) return;
  for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) / norm;
}

/**
 * A deterministic embedding of `text` with `dimensions` components. Normalised to unit length unless
 * `normalize` is false (then components are raw feature weights). A text without words embeds a fixed
 * "empty" feature, so its vector is never all zeros.
 */
export function embedText(text: string, dimensions: number, normalize = true): number[] {
  const vector = new Float64Array(dimensions);
  const words = embeddingWords(text);
  if (words.length === 0) addFeature(vector, '\u0000empty', 1);
  words.forEach((word, index) => {
    addFeature(vector, word, 1);
    const padded = `<${word}>`;
    const trigrams = padded.length - 2;
    for (let offset = 0; offset < trigrams; offset += 1) addFeature(vector, `#${padded.slice(offset, offset + 3)}`, 0.5 / trigrams);
    const next = words[index + 1];
    if (next !== undefined) addFeature(vector, `${word} ${next}`, 0.5);
  });
  if (normalize) normalizeInPlace(vector);
  return Array.from(vector, (value) => Math.round(value * 1e7) / 1e7);
}

/** A deterministic embedding of binary content (an image): hashed byte-window features. */
export function embedBytes(data: Buffer, dimensions: number): number[] {
  const digest = createHash('sha256').update(data).digest('hex');
  const vector = new Float64Array(dimensions);
  for (let index = 0; index + 8 <= digest.length; index += 4) addFeature(vector, `img:${digest.slice(index, index + 8)}`, 1);
  normalizeInPlace(vector);
  return Array.from(vector, (value) => Math.round(value * 1e7) / 1e7);
}

/** Cosine similarity of two vectors of equal length. */
export function cosineSimilarity(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index += 1) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}

function averageVectors(vectors: number[][]): number[] {
  const first = vectors[0] ?? [];
  const result = new Float64Array(first.length);
  for (const vector of vectors) vector.forEach((value, index) => (result[index] = (result[index] ?? 0) + value / vectors.length));
  normalizeInPlace(result);
  return Array.from(result);
}

/** Quantisations Cohere offers through `embedding_types`. */
export function quantize(vector: readonly number[], type: string): number[] {
  switch (type) {
    case 'int8':
      return vector.map((value) => Math.max(-128, Math.min(127, Math.round(value * 127))));
    case 'uint8':
      return vector.map((value) => Math.max(0, Math.min(255, Math.round((value + 1) * 127.5))));
    case 'binary':
    case 'ubinary': {
      const packed: number[] = [];
      for (let offset = 0; offset < vector.length; offset += 8) {
        let byte = 0;
        for (let bit = 0; bit < 8; bit += 1) if ((vector[offset + bit] ?? 0) > 0) byte |= 1 << (7 - bit);
        packed.push(type === 'binary' ? byte - 128 : byte);
      }
      return packed;
    }
    default:
      return [...vector];
  }
}

// ----- native bodies ---------------------------------------------------------------------------------------

/** Bedrock's wording for a body that does not match the model's schema. */
export function malformed(detail: string): EmulatorError {
  return new EmulatorError('ValidationException', 400, `Malformed input request: ${detail}, please reformat your input and try again.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectExtraKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw malformed(`#: extraneous key [${key}] is not permitted`);
}

function requireKey(body: Record<string, unknown>, key: string): unknown {
  if (body[key] === undefined) throw malformed(`#: required key [${key}] not found`);
  return body[key];
}

function requireEnum(value: unknown, allowed: readonly unknown[], path: string): void {
  if (!allowed.includes(value)) throw malformed(`${path}: ${JSON.stringify(value)} is not a valid enum value`);
}

function requireString(value: unknown, path: string, maxLength?: number): string {
  if (typeof value !== 'string') throw malformed(`${path}: expected type: String, found: ${value === null ? 'Null' : typeof value}`);
  if (value.length === 0) throw malformed(`${path}: expected minLength: 1, actual: 0`);
  if (maxLength !== undefined && value.length > maxLength) throw malformed(`${path}: expected maxLength: ${maxLength}, actual: ${value.length}`);
  return value;
}

/** What an embedding invocation returns: the JSON body and the input token count (also sent as a header). */
export interface EmbeddingResult {
  body: Record<string, unknown>;
  inputTokens: number;
}

/** The embedding families the emulator serves, by model ID. */
export type EmbeddingFamily = 'titan-v1' | 'titan-v2' | 'titan-multimodal' | 'cohere-v3' | 'cohere-v4' | 'nova-multimodal';

export function embeddingFamilyOf(modelId: string): EmbeddingFamily | undefined {
  if (modelId === 'amazon.titan-embed-text-v1') return 'titan-v1';
  if (modelId === 'amazon.titan-embed-text-v2:0') return 'titan-v2';
  if (modelId === 'amazon.titan-embed-image-v1') return 'titan-multimodal';
  if (modelId === 'cohere.embed-english-v3' || modelId === 'cohere.embed-multilingual-v3') return 'cohere-v3';
  if (modelId === 'cohere.embed-v4:0') return 'cohere-v4';
  if (modelId === 'amazon.nova-2-multimodal-embeddings-v1:0') return 'nova-multimodal';
  return undefined;
}

const TITAN_MAX_TOKENS = 8192;

function checkTitanTokens(text: string, limit: number): number {
  const tokens = countTokens(text);
  if (tokens > limit) {
    throw new EmulatorError('ValidationException', 400, `400 Bad Request: Too many input tokens. Max input tokens: ${limit}, request input token count: ${tokens}`);
  }
  return tokens;
}

/** Runs an embedding model on its native request body (already parsed JSON). */
export function invokeEmbedding(family: EmbeddingFamily, body: unknown, requestId: string): EmbeddingResult {
  if (!isObject(body)) throw malformed('#: expected type: JSONObject');
  switch (family) {
    case 'titan-v1': {
      rejectExtraKeys(body, ['inputText']);
      const text = requireString(requireKey(body, 'inputText'), '#/inputText');
      const inputTokens = checkTitanTokens(text, TITAN_MAX_TOKENS);
      return { body: { embedding: embedText(text, 1536), inputTextTokenCount: inputTokens }, inputTokens };
    }
    case 'titan-v2': {
      rejectExtraKeys(body, ['inputText', 'dimensions', 'normalize', 'embeddingTypes']);
      const text = requireString(requireKey(body, 'inputText'), '#/inputText', 50_000);
      const dimensions = body['dimensions'] ?? 1024;
      requireEnum(dimensions, [256, 512, 1024], '#/dimensions');
      const normalize = body['normalize'] ?? true;
      if (typeof normalize !== 'boolean') throw malformed(`#/normalize: expected type: Boolean, found: ${typeof normalize}`);
      const types = body['embeddingTypes'] ?? ['float'];
      if (!Array.isArray(types) || types.length === 0) throw malformed('#/embeddingTypes: expected minItems: 1, actual: 0');
      for (const type of types) requireEnum(type, ['float', 'binary'], '#/embeddingTypes');
      const inputTokens = checkTitanTokens(text, TITAN_MAX_TOKENS);
      const embedding = embedText(text, dimensions as number, normalize);
      const byType: Record<string, number[]> = { float: embedding };
      if (types.includes('binary')) byType['binary'] = embedding.map((value) => (value > 0 ? 1 : 0));
      return { body: { embedding, embeddingsByType: byType, inputTextTokenCount: inputTokens }, inputTokens };
    }
    case 'titan-multimodal': {
      rejectExtraKeys(body, ['inputText', 'inputImage', 'embeddingConfig']);
      const text = body['inputText'];
      const image = body['inputImage'];
      if (text === undefined && image === undefined) throw malformed('#: required key [inputText] or [inputImage] not found');
      let length = 1024;
      if (body['embeddingConfig'] !== undefined) {
        if (!isObject(body['embeddingConfig'])) throw malformed('#/embeddingConfig: expected type: JSONObject');
        length = (body['embeddingConfig']['outputEmbeddingLength'] as number | undefined) ?? 1024;
        requireEnum(length, [256, 384, 1024], '#/embeddingConfig/outputEmbeddingLength');
      }
      const vectors: number[][] = [];
      let inputTokens = 0;
      if (text !== undefined) {
        const value = requireString(text, '#/inputText');
        inputTokens = checkTitanTokens(value, 256);
        vectors.push(embedText(value, length));
      }
      if (image !== undefined) vectors.push(embedBytes(Buffer.from(requireString(image, '#/inputImage'), 'base64'), length));
      return { body: { embedding: vectors.length === 1 ? vectors[0] : averageVectors(vectors), inputTextTokenCount: inputTokens, message: null }, inputTokens };
    }
    case 'cohere-v3':
    case 'cohere-v4':
      return invokeCohere(family, body, requestId);
    case 'nova-multimodal':
      return invokeNova(body);
  }
}

const COHERE_INPUT_TYPES = ['search_document', 'search_query', 'classification', 'clustering', 'image'];
const COHERE_EMBEDDING_TYPES = ['float', 'int8', 'uint8', 'binary', 'ubinary'];

function invokeCohere(family: 'cohere-v3' | 'cohere-v4', body: Record<string, unknown>, requestId: string): EmbeddingResult {
  const v4 = family === 'cohere-v4';
  rejectExtraKeys(
    body,
    v4
      ? ['texts', 'images', 'inputs', 'input_type', 'embedding_types', 'output_dimension', 'max_tokens', 'truncate']
      : ['texts', 'images', 'input_type', 'truncate', 'embedding_types'],
  );
  requireEnum(requireKey(body, 'input_type'), COHERE_INPUT_TYPES, '#/input_type');
  const truncate = body['truncate'] ?? (v4 ? 'NONE' : 'NONE');
  requireEnum(truncate, v4 ? ['NONE', 'LEFT', 'RIGHT'] : ['NONE', 'START', 'END'], '#/truncate');
  const dimensions = v4 ? (body['output_dimension'] ?? 1536) : 1024;
  if (v4) requireEnum(dimensions, [256, 512, 1024, 1536], '#/output_dimension');
  const texts: string[] = [];
  const imageInputs: string[] = [];
  if (body['texts'] !== undefined) {
    if (!Array.isArray(body['texts'])) throw malformed('#/texts: expected type: JSONArray');
    body['texts'].forEach((text, index) => {
      if (typeof text !== 'string') throw malformed(`#/texts/${index}: expected type: String`);
      texts.push(text);
    });
  }
  if (body['images'] !== undefined) {
    if (!Array.isArray(body['images'])) throw malformed('#/images: expected type: JSONArray');
    for (const image of body['images']) imageInputs.push(String(image));
  }
  if (v4 && body['inputs'] !== undefined) {
    if (!Array.isArray(body['inputs'])) throw malformed('#/inputs: expected type: JSONArray');
    for (const input of body['inputs']) {
      const parts = isObject(input) && Array.isArray(input['content']) ? input['content'] : [];
      texts.push(parts.map((part) => (isObject(part) && typeof part['text'] === 'string' ? part['text'] : '')).join(' '));
    }
  }
  const count = texts.length + imageInputs.length;
  if (count === 0) throw malformed('#: required key [texts] not found');
  if (texts.length > 0 && imageInputs.length > 0) throw malformed('#: only one of [texts, images] may be provided');
  if (count > 96) throw malformed(`#/texts: expected maxItems: 96, actual: ${count}`);
  if (!v4 && imageInputs.length > 1) throw malformed(`#/images: expected maxItems: 1, actual: ${imageInputs.length}`);
  const limited = texts.map((text, index) => {
    if (v4 || text.length <= 2048) return text;
    if (truncate === 'NONE') throw malformed(`#/texts/${index}: expected maxLength: 2048, actual: ${text.length}`);
    return truncate === 'START' ? text.slice(text.length - 2048) : text.slice(0, 2048);
  });
  const types = body['embedding_types'];
  if (types !== undefined) {
    if (!Array.isArray(types) || types.length === 0) throw malformed('#/embedding_types: expected minItems: 1, actual: 0');
    for (const type of types) requireEnum(type, COHERE_EMBEDDING_TYPES, '#/embedding_types');
  }
  const floats = [...limited.map((text) => embedText(text, dimensions as number)), ...imageInputs.map((image) => embedBytes(Buffer.from(image), dimensions as number))];
  const inputTokens = limited.reduce((sum, text) => sum + countTokens(text), 0);
  const id = requestId;
  if (types === undefined && !v4) {
    return { body: { id, embeddings: floats, texts: limited, response_type: 'embeddings_floats' }, inputTokens };
  }
  const byType: Record<string, number[][]> = {};
  for (const type of (types as string[] | undefined) ?? ['float']) byType[type] = floats.map((vector) => quantize(vector, type));
  return { body: { id, embeddings: byType, texts: limited, response_type: 'embeddings_by_type' }, inputTokens };
}

const NOVA_PURPOSES = [
  'GENERIC_INDEX',
  'GENERIC_RETRIEVAL',
  'TEXT_RETRIEVAL',
  'IMAGE_RETRIEVAL',
  'VIDEO_RETRIEVAL',
  'DOCUMENT_RETRIEVAL',
  'AUDIO_RETRIEVAL',
  'CLASSIFICATION',
  'CLUSTERING',
];

function invokeNova(body: Record<string, unknown>): EmbeddingResult {
  rejectExtraKeys(body, ['schemaVersion', 'taskType', 'singleEmbeddingParams']);
  requireEnum(requireKey(body, 'schemaVersion'), ['nova-multimodal-embed-v1'], '#/schemaVersion');
  requireEnum(requireKey(body, 'taskType'), ['SINGLE_EMBEDDING'], '#/taskType');
  const params = requireKey(body, 'singleEmbeddingParams');
  if (!isObject(params)) throw malformed('#/singleEmbeddingParams: expected type: JSONObject');
  requireEnum(requireKey(params, 'embeddingPurpose'), NOVA_PURPOSES, '#/singleEmbeddingParams/embeddingPurpose');
  const dimensions = params['embeddingDimension'] ?? 1024;
  requireEnum(dimensions, [256, 384, 1024, 3072], '#/singleEmbeddingParams/embeddingDimension');
  const inputs = ['text', 'image', 'audio', 'video'].filter((key) => params[key] !== undefined);
  if (inputs.length !== 1) throw malformed('#/singleEmbeddingParams: exactly one of [text, image, audio, video] is required');
  const kind = inputs[0] as string;
  const input = params[kind];
  if (!isObject(input)) throw malformed(`#/singleEmbeddingParams/${kind}: expected type: JSONObject`);
  if (kind === 'text') {
    const text = requireString(input['value'], '#/singleEmbeddingParams/text/value');
    const inputTokens = countTokens(text);
    if (inputTokens > 8192 && (input['truncationMode'] ?? 'NONE') === 'NONE') {
      throw new EmulatorError('ValidationException', 400, `Input text exceeds 8192 tokens (${inputTokens}). Set truncationMode to START or END.`);
    }
    return { body: { embeddings: [{ embeddingType: 'TEXT', embedding: embedText(text, dimensions as number) }] }, inputTokens };
  }
  const source = isObject(input['source']) ? input['source'] : {};
  const bytes = typeof source['bytes'] === 'string' ? Buffer.from(source['bytes'], 'base64') : Buffer.from(JSON.stringify(source));
  return { body: { embeddings: [{ embeddingType: kind.toUpperCase(), embedding: embedBytes(bytes, dimensions as number) }] }, inputTokens: 0 };
}
