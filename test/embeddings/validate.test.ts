import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/core/errors.js';
import { checkRequestForModel, isImageInput, parseDataUrlImage, readEmbeddingRequest, readInputs } from '../../src/embeddings/validate.js';
import type { EmbeddingCreateParams } from '../../src/embeddings/types.js';
import type { EmbeddingFacts } from '../../src/models/types.js';

function errorOf(run: () => unknown): BadRequestError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestError);
    return error as BadRequestError;
  }
  throw new Error('expected a BadRequestError');
}

const TITAN_V1: EmbeddingFacts = { family: 'titan-text-v1', dimensions: [1536], defaultDimensions: 1536, batchSize: 1, images: false };
const TITAN_V2: EmbeddingFacts = { family: 'titan-text-v2', dimensions: [1024, 512, 256], defaultDimensions: 1024, batchSize: 1, maxInputChars: 50_000, images: false };
const COHERE_V3: EmbeddingFacts = { family: 'cohere-v3', dimensions: [1024], defaultDimensions: 1024, batchSize: 96, maxInputChars: 2048, images: true };
const NOVA: EmbeddingFacts = { family: 'nova-multimodal', dimensions: [1024, 3072, 384, 256], defaultDimensions: 1024, batchSize: 1, images: true };

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('readInputs', () => {
  it.each<[string, unknown, string[]]>([
    ['a string', 'hello', ['hello']],
    ['an array of strings', ['a', 'b'], ['a', 'b']],
    ['whitespace (not empty)', [' '], [' ']],
  ])('accepts %s', (_, input, expected) => {
    expect(readInputs(input)).toEqual(expected);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['an empty string', '', 'input', /empty string/],
    ['an empty array', [], 'input', /at least one/],
    ['a token array', [1, 2, 3], 'input', /token array/],
    ['an array of token arrays', [[1, 2], [3]], 'input[0]', /token array/],
    ['an empty string at index 2', ['a', 'b', '', 'd'], 'input[2]', /empty string/],
    ['a token array among strings', ['a', [5, 6]], 'input[1]', /token array/],
    ['a number among strings', ['a', 'b', 7], 'input[2]', /token array/],
    ['null among strings', ['a', null], 'input[1]', /must be a string; got null/],
    ['an object', { text: 'a' }, 'input', /string or an array of strings/],
  ])('refuses %s, naming %s', (_, input, param, message) => {
    const error = errorOf(() => readInputs(input));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
    expect(error.status).toBe(400);
  });
});

describe('readEmbeddingRequest', () => {
  const base = { model: 'titan-embed-text-v2', input: 'hi' } as const;

  it('applies the documented defaults', () => {
    expect(readEmbeddingRequest(base)).toEqual({
      inputs: ['hi'],
      encodingFormat: 'float',
      dimensions: undefined,
      inputType: 'search_document',
      truncate: undefined,
      normalize: undefined,
      baseModel: undefined,
      requestMetadata: undefined,
    });
  });

  it('reads every option', () => {
    const request = readEmbeddingRequest({
      ...base,
      dimensions: 256,
      encoding_format: 'base64',
      user: 'user-42',
      bedrock: { inputType: 'search_query', truncate: 'end', normalize: false, baseModel: ' embed-v4 ' },
    });
    expect(request).toMatchObject({
      encodingFormat: 'base64',
      dimensions: 256,
      inputType: 'search_query',
      truncate: 'end',
      normalize: false,
      baseModel: 'embed-v4',
      requestMetadata: '{"user":"user-42"}',
    });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an unknown parameter', { input_type: 'search_query' }, 'input_type', /bedrock\.inputType/],
    ['a misspelt parameter', { dimension: 256 }, 'dimension', /Did you mean `dimensions`/],
    ['a bad encoding_format', { encoding_format: 'binary' }, 'encoding_format', /"float" or "base64"/],
    ['fractional dimensions', { dimensions: 12.5 }, 'dimensions', /positive whole number/],
    ['zero dimensions', { dimensions: 0 }, 'dimensions', /positive whole number/],
    ['a non-string user', { user: 42 }, 'user', /must be a string/],
    ['a user with characters metadata refuses', { user: 'a<b>' }, 'user', /does not allow/],
    ['a user with a no-break space (not ASCII whitespace)', { user: 'a\u00a0b' }, 'user', /does not allow/],
    ['a user with an ideographic space', { user: 'a\u3000b' }, 'user', /does not allow/],
    ['a user with a byte-order mark', { user: '\ufeffa' }, 'user', /does not allow/],
    ['an unknown bedrock option', { bedrock: { inputTyp: 'x' } }, 'bedrock.inputTyp', /bedrock\.inputType/],
    ['a bad inputType', { bedrock: { inputType: 'query' } }, 'bedrock.inputType', /search_document/],
    ['a bad truncate', { bedrock: { truncate: 'LEFT' } }, 'bedrock.truncate', /"none", "start" or "end"/],
    ['a non-boolean normalize', { bedrock: { normalize: 'yes' } }, 'bedrock.normalize', /true or false/],
    ['an empty baseModel', { bedrock: { baseModel: ' ' } }, 'bedrock.baseModel', /non-empty/],
    ['bedrock as an array', { bedrock: [] }, 'bedrock', /must be an object/],
  ])('refuses %s', (_, extra, param, message) => {
    const error = errorOf(() => readEmbeddingRequest({ ...base, ...extra } as unknown as EmbeddingCreateParams));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it('refuses a missing model', () => {
    expect(errorOf(() => readEmbeddingRequest({ input: 'x' } as unknown as EmbeddingCreateParams)).param).toBe('model');
  });
});

describe('checkRequestForModel', () => {
  const request = (extra: Partial<EmbeddingCreateParams> = {}, input: string | string[] = 'text') =>
    readEmbeddingRequest({ model: 'm', input, ...extra });

  it('lists the allowed dimensions when the value is not one of them', () => {
    const error = errorOf(() => checkRequestForModel(request({ dimensions: 768 }), TITAN_V2, 'amazon.titan-embed-text-v2:0'));
    expect(error.param).toBe('dimensions');
    expect(error.message).toContain('one of 256, 512, 1024');
    expect(error.message).toContain('got 768');
  });

  it('says a fixed-length model takes only its length', () => {
    const error = errorOf(() => checkRequestForModel(request({ dimensions: 1024 }), TITAN_V1, 'amazon.titan-embed-text-v1'));
    expect(error.message).toContain('must be 1536');
    expect(checkRequestForModel(request({ dimensions: 1536 }), TITAN_V1, 'amazon.titan-embed-text-v1')).toEqual({ images: undefined });
  });

  it('refuses truncation for Titan but accepts "none"', () => {
    expect(errorOf(() => checkRequestForModel(request({ bedrock: { truncate: 'end' } }), TITAN_V2, 't')).param).toBe('bedrock.truncate');
    expect(() => checkRequestForModel(request({ bedrock: { truncate: 'none' } }), TITAN_V2, 't')).not.toThrow();
    expect(() => checkRequestForModel(request({ bedrock: { truncate: 'start' } }), COHERE_V3, 'c')).not.toThrow();
  });

  it('accepts normalize only for Titan V2', () => {
    expect(() => checkRequestForModel(request({ bedrock: { normalize: false } }), TITAN_V2, 't')).not.toThrow();
    expect(errorOf(() => checkRequestForModel(request({ bedrock: { normalize: false } }), COHERE_V3, 'c')).param).toBe('bedrock.normalize');
  });

  it('refuses a text longer than the model takes, naming its index', () => {
    const error = errorOf(() => checkRequestForModel(request({}, ['short', 'x'.repeat(2049)]), COHERE_V3, 'cohere.embed-english-v3'));
    expect(error.param).toBe('input[1]');
    expect(error.message).toContain('2,048');
    // 2,048 characters exactly is fine, and characters are code points, not UTF-16 units.
    expect(() => checkRequestForModel(request({}, ['x'.repeat(2048), '😀'.repeat(2048)]), COHERE_V3, 'c')).not.toThrow();
  });

  it('refuses an input that alone exceeds InvokeModel\'s 25,000,000-byte body (service model), naming its index', () => {
    const huge = `data:image/png;base64,${'A'.repeat(25_000_000)}`;
    const error = errorOf(() => checkRequestForModel(request({}, ['ok', huge]), NOVA, 'nova'));
    expect(error.param).toBe('input[1]');
    expect(error.message).toMatch(/25,000,000 bytes/);
    // Just under the limit is not refused for size.
    expect(() => checkRequestForModel(request({}, ['ok', `data:image/png;base64,${'A'.repeat(24_000_000)}`]), NOVA, 'nova')).not.toThrow();
  });

  it('marks image inputs for models that embed images', () => {
    const kinds = checkRequestForModel(request({}, ['text', PNG, 'more text']), NOVA, 'nova');
    expect(Array.from(kinds.images ?? [])).toEqual([0, 1, 0]);
  });

  it.each<[string, EmbeddingFacts, string, RegExp]>([
    ['an image for a text-only model', TITAN_V2, PNG, /embeds text only/],
    ['a format the model does not take', COHERE_V3, 'data:image/webp;base64,AAAA', /png, jpeg image/],
    ['a non-base64 data URL', NOVA, 'data:image/png,rawbytes', /base64 `data:` URL/],
    ['an image without data', NOVA, 'data:image/png;base64,', /without data/],
  ])('refuses %s', (_, facts, image, message) => {
    const error = errorOf(() => checkRequestForModel(request({}, ['ok', image]), facts, 'model'));
    expect(error.param).toBe('input[1]');
    expect(error.message).toMatch(message);
  });
});

describe('data URL images', () => {
  it.each<[string, boolean]>([
    [PNG, true],
    ['data:text/plain;base64,aGk=', false],
    ['the word data:image/ inside text', false],
  ])('isImageInput(%j) is %s', (input, expected) => {
    expect(isImageInput(input)).toBe(expected);
  });

  it('splits a data URL', () => {
    expect(parseDataUrlImage('data:image/JPG;base64,/9j/4AAQ')).toEqual({ format: 'jpeg', mediaType: 'image/jpg', data: '/9j/4AAQ' });
    expect(parseDataUrlImage('data:image/tiff;base64,AAAA')).toBeUndefined();
  });
});
