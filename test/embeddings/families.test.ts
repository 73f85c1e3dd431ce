import { describe, expect, it } from 'vitest';
import { BedrockOpenAIError } from '../../src/core/errors.js';
import { batchSizesFor, buildRequestBody, type FamilySettings, parseResponseBody } from '../../src/embeddings/families.js';
import type { EmbeddingFamily } from '../../src/models/types.js';

const settings = (family: EmbeddingFamily, extra: Partial<FamilySettings> = {}): FamilySettings => ({
  family,
  dimensions: 1024,
  inputType: 'search_document',
  truncate: undefined,
  normalize: undefined,
  ...extra,
});

const PNG_DATA = 'iVBORw0KGgo=';
const PNG = `data:image/png;base64,${PNG_DATA}`;
const INPUTS = ['alpha', 'beta', 'gamma', PNG, 'delta'];

describe('buildRequestBody', () => {
  it.each<[string, FamilySettings, [number, number, boolean], Record<string, unknown>]>([
    ['Titan v1: inputText only', settings('titan-text-v1', { dimensions: 1536 }), [1, 2, false], { inputText: 'beta' }],
    ['Titan v2: dimensions always sent', settings('titan-text-v2', { dimensions: 256 }), [0, 1, false], { inputText: 'alpha', dimensions: 256 }],
    [
      'Titan v2: normalize when set',
      settings('titan-text-v2', { normalize: false }),
      [0, 1, false],
      { inputText: 'alpha', dimensions: 1024, normalize: false },
    ],
    [
      'Titan Multimodal: text',
      settings('titan-multimodal', { dimensions: 384 }),
      [2, 3, false],
      { inputText: 'gamma', embeddingConfig: { outputEmbeddingLength: 384 } },
    ],
    [
      'Titan Multimodal: image (base64 without the data URL head)',
      settings('titan-multimodal'),
      [3, 4, true],
      { inputImage: PNG_DATA, embeddingConfig: { outputEmbeddingLength: 1024 } },
    ],
    [
      'Cohere v3: texts batch with input_type',
      settings('cohere-v3', { inputType: 'search_query' }),
      [0, 3, false],
      { texts: ['alpha', 'beta', 'gamma'], input_type: 'search_query' },
    ],
    [
      'Cohere v3: truncate START/END',
      settings('cohere-v3', { truncate: 'start' }),
      [0, 1, false],
      { texts: ['alpha'], input_type: 'search_document', truncate: 'START' },
    ],
    ['Cohere v3: one image with input_type image', settings('cohere-v3'), [3, 4, true], { images: [PNG], input_type: 'image' }],
    [
      'Cohere v4: texts, float type, output_dimension, truncate RIGHT',
      settings('cohere-v4', { dimensions: 512, inputType: 'clustering', truncate: 'end' }),
      [0, 2, false],
      { texts: ['alpha', 'beta'], input_type: 'clustering', embedding_types: ['float'], output_dimension: 512, truncate: 'RIGHT' },
    ],
    [
      'Cohere v4: images keep the input type',
      settings('cohere-v4', { dimensions: 1536, truncate: 'start' }),
      [3, 4, true],
      { images: [PNG], input_type: 'search_document', embedding_types: ['float'], output_dimension: 1536, truncate: 'LEFT' },
    ],
    [
      'Nova: document text, no truncation by default',
      settings('nova-multimodal', { dimensions: 3072 }),
      [4, 5, false],
      {
        schemaVersion: 'nova-multimodal-embed-v1',
        taskType: 'SINGLE_EMBEDDING',
        singleEmbeddingParams: { embeddingPurpose: 'GENERIC_INDEX', embeddingDimension: 3072, text: { truncationMode: 'NONE', value: 'delta' } },
      },
    ],
    [
      'Nova: query text, truncate END',
      settings('nova-multimodal', { inputType: 'search_query', truncate: 'end' }),
      [0, 1, false],
      {
        schemaVersion: 'nova-multimodal-embed-v1',
        taskType: 'SINGLE_EMBEDDING',
        singleEmbeddingParams: { embeddingPurpose: 'GENERIC_RETRIEVAL', embeddingDimension: 1024, text: { truncationMode: 'END', value: 'alpha' } },
      },
    ],
    [
      'Nova: image',
      settings('nova-multimodal', { inputType: 'classification', dimensions: 256 }),
      [3, 4, true],
      {
        schemaVersion: 'nova-multimodal-embed-v1',
        taskType: 'SINGLE_EMBEDDING',
        singleEmbeddingParams: { embeddingPurpose: 'CLASSIFICATION', embeddingDimension: 256, image: { format: 'png', source: { bytes: PNG_DATA } } },
      },
    ],
  ])('%s', (_, familySettings, [start, end, image], expected) => {
    expect(buildRequestBody(familySettings, INPUTS, start, end, image)).toEqual(expected);
  });

  it('maps clustering to Nova CLUSTERING', () => {
    const body = buildRequestBody(settings('nova-multimodal', { inputType: 'clustering' }), INPUTS, 0, 1, false);
    expect((body['singleEmbeddingParams'] as Record<string, unknown>)['embeddingPurpose']).toBe('CLUSTERING');
  });
});

describe('batchSizesFor', () => {
  it.each<[EmbeddingFamily, number, { text: number; image: number }]>([
    ['titan-text-v2', 1, { text: 1, image: 1 }],
    ['cohere-v3', 96, { text: 96, image: 1 }],
    ['cohere-v4', 96, { text: 96, image: 96 }],
    ['nova-multimodal', 1, { text: 1, image: 1 }],
  ])('%s', (family, batchSize, expected) => {
    expect(batchSizesFor({ family, dimensions: [1024], defaultDimensions: 1024, batchSize, images: true })).toEqual(expected);
  });
});

describe('parseResponseBody', () => {
  it.each<[string, EmbeddingFamily, unknown, number, { vectors: number[][]; inputTokens: number | undefined }]>([
    ['Titan v1', 'titan-text-v1', { embedding: [0.1, 0.2], inputTextTokenCount: 3 }, 1, { vectors: [[0.1, 0.2]], inputTokens: 3 }],
    [
      'Titan v2 with embeddingsByType',
      'titan-text-v2',
      { embedding: [1, 2], embeddingsByType: { float: [1, 2] }, inputTextTokenCount: 2 },
      1,
      { vectors: [[1, 2]], inputTokens: 2 },
    ],
    ['Titan v2 with only embeddingsByType', 'titan-text-v2', { embeddingsByType: { float: [3] }, inputTextTokenCount: 1 }, 1, { vectors: [[3]], inputTokens: 1 }],
    ['Titan Multimodal', 'titan-multimodal', { embedding: [5], inputTextTokenCount: 0, message: null }, 1, { vectors: [[5]], inputTokens: 0 }],
    [
      'Cohere v3 embeddings_floats (no count in the body)',
      'cohere-v3',
      { id: 'x', embeddings: [[1], [2]], texts: ['a', 'b'], response_type: 'embeddings_floats' },
      2,
      { vectors: [[1], [2]], inputTokens: undefined },
    ],
    [
      'Cohere v3 embeddings_by_type',
      'cohere-v3',
      { embeddings: { float: [[1], [2]] }, response_type: 'embeddings_by_type' },
      2,
      { vectors: [[1], [2]], inputTokens: undefined },
    ],
    ['Cohere v4', 'cohere-v4', { embeddings: { float: [[7, 8]] }, response_type: 'embeddings_by_type' }, 1, { vectors: [[7, 8]], inputTokens: undefined }],
    ['Nova', 'nova-multimodal', { embeddings: [{ embeddingType: 'TEXT', embedding: [9] }] }, 1, { vectors: [[9]], inputTokens: undefined }],
    ['Nova with inputTokenCount', 'nova-multimodal', { embeddings: [{ embeddingType: 'TEXT', embedding: [9] }], inputTokenCount: 4 }, 1, { vectors: [[9]], inputTokens: 4 }],
  ])('%s', (_, family, body, count, expected) => {
    expect(parseResponseBody(family, body, count)).toEqual(expected);
  });

  it.each<[string, EmbeddingFamily, unknown, number, RegExp]>([
    ['a non-object body', 'titan-text-v2', 'nope', 1, /not a JSON object/],
    ['Titan without embedding', 'titan-text-v2', { inputTextTokenCount: 1 }, 1, /no `embedding` array/],
    ['Cohere with fewer vectors than inputs', 'cohere-v3', { embeddings: [[1]] }, 2, /1 vectors for 2 inputs/],
    ['Cohere with int8 only', 'cohere-v4', { embeddings: { int8: [[1]] } }, 1, /embeddings\.float/],
    ['Nova entry without a vector', 'nova-multimodal', { embeddings: [{ embeddingType: 'TEXT' }] }, 1, /without an `embedding`/],
  ])('refuses %s', (_, family, body, count, message) => {
    expect(() => parseResponseBody(family, body, count)).toThrow(BedrockOpenAIError);
    expect(() => parseResponseBody(family, body, count)).toThrow(message);
  });

  it('ignores a token count that is not a count', () => {
    expect(parseResponseBody('titan-text-v1', { embedding: [1], inputTextTokenCount: -1 }, 1).inputTokens).toBeUndefined();
    expect(parseResponseBody('titan-text-v1', { embedding: [1], inputTextTokenCount: '3' }, 1).inputTokens).toBeUndefined();
  });
});
