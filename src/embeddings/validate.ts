/**
 * Checks an embeddings request before anything is sent, and turns it into what the family converters need.
 * Pure: every problem is a `BadRequestError` whose `param` names the field (`input[3]`, `dimensions`,
 * `bedrock.truncate`).
 */
import { BadRequestError } from '../core/errors.js';
import { conformsTo } from '../internal/service-constraints.js';
import { closestMatches } from '../internal/suggest.js';
import type { EmbeddingFacts, EmbeddingFamily } from '../models/types.js';
import type { EmbeddingCreateParams, EmbeddingInputType, EmbeddingTruncation } from './types.js';

const KNOWN_PARAMS = {
  input: true,
  model: true,
  dimensions: true,
  encoding_format: true,
  user: true,
  bedrock: true,
} as const satisfies Record<keyof EmbeddingCreateParams, true>;

const BEDROCK_OPTIONS = ['inputType', 'truncate', 'normalize', 'baseModel'] as const;
const INPUT_TYPES: readonly EmbeddingInputType[] = ['search_document', 'search_query', 'classification', 'clustering'];
const TRUNCATIONS: readonly EmbeddingTruncation[] = ['none', 'start', 'end'];


/** What the request asks for, checked but not yet matched against a model. */
export interface EmbeddingRequest {
  /** The inputs, as given (the caller's array is not copied). */
  inputs: readonly string[];
  encodingFormat: 'float' | 'base64';
  dimensions: number | undefined;
  inputType: EmbeddingInputType;
  /** `undefined` when not set (each family then uses its documented default). */
  truncate: EmbeddingTruncation | undefined;
  normalize: boolean | undefined;
  baseModel: string | undefined;
  /** `requestMetadata` JSON (from `user`), or `undefined`. */
  requestMetadata: string | undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/**
 * The inputs as an array of non-empty strings. A token array (`number[]` or `number[][]`), an empty string, an
 * empty array or anything else is refused, naming the index.
 */
export function readInputs(input: unknown): readonly string[] {
  if (typeof input === 'string') {
    if (input === '') throw BadRequestError.forParam('input', '`input` must not be an empty string.');
    return [input];
  }
  if (!Array.isArray(input)) {
    throw BadRequestError.forParam('input', `\`input\` must be a string or an array of strings; got ${describe(input)}.`);
  }
  if (input.length === 0) throw BadRequestError.forParam('input', '`input` must hold at least one string.');
  if (typeof input[0] === 'number') {
    throw BadRequestError.forParam(
      'input',
      '`input` is a token array; Bedrock embedding models take text, so pass the string itself (token IDs from another tokenizer mean nothing to them).',
      'unsupported_value',
    );
  }
  for (let index = 0; index < input.length; index++) {
    const value: unknown = input[index];
    if (typeof value === 'string') {
      if (value === '') throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` is an empty string; every input must hold text.`);
      continue;
    }
    if (Array.isArray(value) || typeof value === 'number') {
      throw BadRequestError.forParam(
        `input[${index}]`,
        `\`input[${index}]\` is a token array; Bedrock embedding models take text, so pass strings.`,
        'unsupported_value',
      );
    }
    throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` must be a string; got ${describe(value)}.`);
  }
  return input as string[];
}

/** Checks everything in the request that does not depend on the model. */
export function readEmbeddingRequest(params: EmbeddingCreateParams): EmbeddingRequest {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw BadRequestError.forParam('body', 'The request must be an object with `model` and `input`.');
  }
  const body = params as unknown as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (Object.hasOwn(KNOWN_PARAMS, key) || body[key] === undefined) continue;
    const suggestions = closestMatches(key, [...Object.keys(KNOWN_PARAMS), ...BEDROCK_OPTIONS, 'input_type'], 1);
    const suggestion = suggestions[0];
    const hint =
      key === 'input_type' || suggestion === 'inputType' || suggestion === 'input_type'
        ? ' Did you mean `bedrock.inputType`?'
        : suggestion === undefined
          ? ''
          : (BEDROCK_OPTIONS as readonly string[]).includes(suggestion)
            ? ` Did you mean \`bedrock.${suggestion}\`?`
            : ` Did you mean \`${suggestion}\`?`;
    throw BadRequestError.forParam(key, `Unrecognized request argument supplied: \`${key}\`.${hint}`, 'unknown_parameter');
  }
  if (typeof params.model !== 'string' || params.model.trim() === '') {
    throw BadRequestError.forParam('model', '`model` must be a model alias, model ID, profile ID or ARN (a non-empty string).');
  }
  const inputs = readInputs(params.input);

  const format = params.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64') {
    throw BadRequestError.forParam('encoding_format', `\`encoding_format\` must be "float" or "base64"; got ${describe(format)}.`);
  }
  const dimensions = params.dimensions;
  if (dimensions !== undefined && (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions <= 0)) {
    throw BadRequestError.forParam('dimensions', `\`dimensions\` must be a positive whole number; got ${describe(dimensions)}.`);
  }
  const extras = readBedrockOptions(params.bedrock);
  return {
    inputs,
    encodingFormat: format,
    dimensions,
    inputType: extras.inputType ?? 'search_document',
    truncate: extras.truncate,
    normalize: extras.normalize,
    baseModel: extras.baseModel,
    requestMetadata: readUser(params.user),
  };
}

function readUser(user: unknown): string | undefined {
  if (user === undefined) return undefined;
  if (typeof user !== 'string') throw BadRequestError.forParam('user', `\`user\` must be a string; got ${describe(user)}.`);
  if (user.length > 256) throw BadRequestError.forParam('user', `\`user\` is ${user.length} characters; Bedrock request metadata values hold at most 256.`);
  // The service model's pattern (`\s` is ASCII whitespace only). A value outside it would also reach the
  // X-Amzn-Bedrock-Request-Metadata header, where Node refuses most non-ASCII characters before sending.
  if (!conformsTo('RequestMetadataValueString', user)) {
    throw BadRequestError.forParam(
      'user',
      '`user` holds characters Bedrock request metadata does not allow (ASCII letters, digits, ASCII whitespace (space, tab, line breaks) and : _ @ $ # = / + , . - only).',
    );
  }
  return JSON.stringify({ user });
}

function readBedrockOptions(extras: unknown): {
  inputType?: EmbeddingInputType;
  truncate?: EmbeddingTruncation;
  normalize?: boolean;
  baseModel?: string;
} {
  if (extras === undefined) return {};
  if (typeof extras !== 'object' || extras === null || Array.isArray(extras)) throw BadRequestError.forParam('bedrock', '`bedrock` must be an object.');
  const options = extras as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if ((BEDROCK_OPTIONS as readonly string[]).includes(key) || options[key] === undefined) continue;
    const [suggestion] = closestMatches(key, BEDROCK_OPTIONS, 1);
    throw BadRequestError.forParam(
      `bedrock.${key}`,
      `Unrecognized Bedrock option \`bedrock.${key}\`.${suggestion === undefined ? '' : ` Did you mean \`bedrock.${suggestion}\`?`}`,
      'unknown_parameter',
    );
  }
  const result: { inputType?: EmbeddingInputType; truncate?: EmbeddingTruncation; normalize?: boolean; baseModel?: string } = {};
  const { inputType, truncate, normalize, baseModel } = options;
  if (inputType !== undefined) {
    if (!INPUT_TYPES.includes(inputType as EmbeddingInputType)) {
      throw BadRequestError.forParam('bedrock.inputType', `\`bedrock.inputType\` must be one of ${INPUT_TYPES.map((value) => `"${value}"`).join(', ')}; got ${describe(inputType)}.`);
    }
    result.inputType = inputType as EmbeddingInputType;
  }
  if (truncate !== undefined) {
    if (!TRUNCATIONS.includes(truncate as EmbeddingTruncation)) {
      throw BadRequestError.forParam('bedrock.truncate', `\`bedrock.truncate\` must be "none", "start" or "end"; got ${describe(truncate)}.`);
    }
    result.truncate = truncate as EmbeddingTruncation;
  }
  if (normalize !== undefined) {
    if (typeof normalize !== 'boolean') throw BadRequestError.forParam('bedrock.normalize', `\`bedrock.normalize\` must be true or false; got ${describe(normalize)}.`);
    result.normalize = normalize;
  }
  if (baseModel !== undefined) {
    if (typeof baseModel !== 'string' || baseModel.trim() === '') throw BadRequestError.forParam('bedrock.baseModel', '`bedrock.baseModel` must be a non-empty string.');
    result.baseModel = baseModel.trim();
  }
  return result;
}

/** Image formats each family accepts in a `data:` URL (bedrock-wire.md §5 and the model pages). */
const IMAGE_FORMATS: Readonly<Record<EmbeddingFamily, readonly ImageFormat[]>> = {
  'titan-text-v1': [],
  'titan-text-v2': [],
  'titan-multimodal': ['png', 'jpeg'],
  'cohere-v3': ['png', 'jpeg'],
  'cohere-v4': ['png', 'jpeg', 'gif', 'webp'],
  'nova-multimodal': ['png', 'jpeg', 'gif', 'webp'],
};

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

/** A `data:image/<format>;base64,<data>` URL, split. */
export interface DataUrlImage {
  format: ImageFormat;
  /** The media type as written (`image/jpeg`). */
  mediaType: string;
  /** The base64 payload (without the `data:…,` head). */
  data: string;
}

const DATA_URL = /^data:(image\/([a-z0-9.+-]+));base64,/i;

/** Whether an input is an image (a `data:image/…` URL) rather than text. Cheap: only looks at the first bytes. */
export function isImageInput(input: string): boolean {
  return input.charCodeAt(0) === 100 /* d */ && input.startsWith('data:image/');
}

/** Splits an image `data:` URL; `undefined` when it is not a base64 image data URL. */
export function parseDataUrlImage(input: string): DataUrlImage | undefined {
  const match = DATA_URL.exec(input.slice(0, 64));
  if (match === null) return undefined;
  const subtype = (match[2] ?? '').toLowerCase();
  const format: ImageFormat | undefined =
    subtype === 'png' ? 'png' : subtype === 'jpeg' || subtype === 'jpg' ? 'jpeg' : subtype === 'gif' ? 'gif' : subtype === 'webp' ? 'webp' : undefined;
  if (format === undefined) return undefined;
  return { format, mediaType: (match[1] ?? '').toLowerCase(), data: input.slice(match[0].length) };
}

/** Characters (code points) in `text`, counted only as far as needed to compare with `limit`. */
function exceedsCharacters(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > limit) return true;
  }
  return false;
}

/** What validation found about the inputs, for batching. */
export interface InputKinds {
  /** `1` at the index of every image input; `undefined` when every input is text. */
  images: Uint8Array | undefined;
}

/** InvokeModel's `Body` maximum (25,000,000 bytes), less room for the rest of the JSON body. */
const MAX_INPUT_BODY_BYTES = 25_000_000 - 1024;

/**
 * Checks the request against the model's facts: `dimensions` is one of the allowed values, the Bedrock options
 * apply to the family, every text fits `maxInputChars`, and images are only sent to models that embed them, in a
 * format they take. Returns which inputs are images.
 */
export function checkRequestForModel(request: EmbeddingRequest, facts: EmbeddingFacts, model: string): InputKinds {
  const { family } = facts;
  if (request.dimensions !== undefined && !facts.dimensions.includes(request.dimensions)) {
    const allowed = [...facts.dimensions].sort((left, right) => left - right);
    throw BadRequestError.forParam(
      'dimensions',
      allowed.length === 1
        ? `\`dimensions\` must be ${allowed[0]} for ${model}, which has a fixed vector length; got ${request.dimensions}.`
        : `\`dimensions\` must be one of ${allowed.join(', ')} for ${model}; got ${request.dimensions}.`,
    );
  }
  const titan = family === 'titan-text-v1' || family === 'titan-text-v2' || family === 'titan-multimodal';
  if (titan && request.truncate !== undefined && request.truncate !== 'none') {
    throw BadRequestError.forParam(
      'bedrock.truncate',
      `${model} cannot truncate inputs (Titan models reject over-long text); remove \`bedrock.truncate\` or shorten the input.`,
      'unsupported_parameter',
    );
  }
  if (request.normalize !== undefined && family !== 'titan-text-v2') {
    throw BadRequestError.forParam('bedrock.normalize', `\`bedrock.normalize\` applies only to Titan Text Embeddings V2, not ${model}.`, 'unsupported_parameter');
  }

  const formats = IMAGE_FORMATS[family];
  const maxChars = facts.maxInputChars;
  const inputs = request.inputs;
  let images: Uint8Array | undefined;
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index] as string;
    // InvokeModel's `body` holds at most 25,000,000 bytes (service model); an input alone past that can never be sent.
    if (input.length > MAX_INPUT_BODY_BYTES / 6 && Buffer.byteLength(JSON.stringify(input)) > MAX_INPUT_BODY_BYTES) {
      throw BadRequestError.forParam(
        `input[${index}]`,
        `\`input[${index}]\` is larger than the 25,000,000 bytes an InvokeModel request body may hold; send a smaller ${isImageInput(input) ? 'image' : 'text'}.`,
        'input_too_long',
      );
    }
    if (isImageInput(input)) {
      const image = parseDataUrlImage(input);
      if (!facts.images || formats.length === 0) {
        throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` is an image, but ${model} embeds text only.`, 'unsupported_value');
      }
      if (image === undefined || !formats.includes(image.format)) {
        throw BadRequestError.forParam(
          `input[${index}]`,
          `\`input[${index}]\` must be a base64 \`data:\` URL of a ${formats.join(', ')} image for ${model}.`,
          'invalid_image',
        );
      }
      if (image.data === '') throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` is an image data URL without data.`, 'invalid_image');
      images ??= new Uint8Array(inputs.length);
      images[index] = 1;
      continue;
    }
    if (maxChars !== undefined && exceedsCharacters(input, maxChars)) {
      throw BadRequestError.forParam(
        `input[${index}]`,
        `\`input[${index}]\` has more than ${maxChars.toLocaleString('en-US')} characters, the most ${model} takes per input; split it into smaller chunks.`,
        'input_too_long',
      );
    }
  }
  return { images };
}
