import { describe, expect, it } from 'vitest';
import { cosineSimilarity, embedText, invokeEmbedding, quantize } from '../../src/emulator/embeddings.js';
import { EmulatorError } from '../../src/emulator/errors.js';

const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));

describe('embedText', () => {
  it('is deterministic, unit-length and sized as asked', () => {
    const vector = embedText('The cat sat on the mat', 256);
    expect(vector).toHaveLength(256);
    expect(embedText('The cat sat on the mat', 256)).toEqual(vector);
    expect(norm(vector)).toBeCloseTo(1, 5);
    expect(norm(embedText('The cat sat on the mat', 256, false))).toBeGreaterThan(1);
  });

  it('scores related texts higher than unrelated ones', () => {
    const query = embedText('how do I reset my password', 1024);
    const related = embedText('Reset your password from the account settings page', 1024);
    const unrelated = embedText('The quarterly revenue grew by ten percent', 1024);
    expect(cosineSimilarity(query, related)).toBeGreaterThan(cosineSimilarity(query, unrelated) + 0.2);
    expect(cosineSimilarity(query, query)).toBeCloseTo(1, 5);
  });

  it('never returns a zero vector, even for text without words', () => {
    expect(norm(embedText('  !!! ', 64))).toBeCloseTo(1, 5);
  });
});

describe('quantize', () => {
  it.each([
    ['int8', [1, -1, 0.5], [127, -127, 64]],
    ['uint8', [1, -1, 0], [255, 0, 128]],
    ['ubinary', [1, -1, 1, -1, 1, -1, 1, -1], [0b10101010]],
    ['binary', [1, -1, 1, -1, 1, -1, 1, -1], [0b10101010 - 128]],
  ])('%s', (type, vector, expected) => {
    expect(quantize(vector, type)).toEqual(expected);
  });
});

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorError);
    return (error as EmulatorError).message;
  }
  throw new Error('expected an error');
}

describe('invokeEmbedding bodies', () => {
  it('Titan v1: one text, 1536 dimensions, inputTextTokenCount', () => {
    const result = invokeEmbedding('titan-v1', { inputText: 'two words' }, 'r');
    expect(result.inputTokens).toBe(2);
    expect(result.body).toEqual({ embedding: expect.any(Array), inputTextTokenCount: 2 });
    expect((result.body['embedding'] as number[]).length).toBe(1536);
    expect(errorOf(() => invokeEmbedding('titan-v1', { inputText: 'x', dimensions: 256 }, 'r'))).toBe(
      'Malformed input request: #: extraneous key [dimensions] is not permitted, please reformat your input and try again.',
    );
  });

  it('Titan v2: dimensions, normalize, embeddingTypes', () => {
    const result = invokeEmbedding('titan-v2', { inputText: 'hello', dimensions: 512, normalize: false, embeddingTypes: ['float', 'binary'] }, 'r');
    const byType = result.body['embeddingsByType'] as Record<string, number[]>;
    expect(byType['float']).toHaveLength(512);
    expect(byType['binary']?.every((bit) => bit === 0 || bit === 1)).toBe(true);
    expect(errorOf(() => invokeEmbedding('titan-v2', { inputText: 'x', dimensions: 300 }, 'r'))).toBe(
      'Malformed input request: #/dimensions: 300 is not a valid enum value, please reformat your input and try again.',
    );
    expect(errorOf(() => invokeEmbedding('titan-v2', { inputText: '' }, 'r'))).toMatch(/#\/inputText: expected minLength: 1/);
    expect(errorOf(() => invokeEmbedding('titan-v2', { texts: ['x'] }, 'r'))).toMatch(/extraneous key \[texts\]/);
  });

  it('Titan multimodal: text and/or image, outputEmbeddingLength', () => {
    const both = invokeEmbedding('titan-multimodal', { inputText: 'a red car', inputImage: Buffer.from('png').toString('base64'), embeddingConfig: { outputEmbeddingLength: 384 } }, 'r');
    expect(both.body['embedding']).toHaveLength(384);
    expect(both.body['inputTextTokenCount']).toBe(3);
    expect(errorOf(() => invokeEmbedding('titan-multimodal', {}, 'r'))).toMatch(/required key/);
  });

  it('Cohere v3: up to 96 texts, input_type required, embedding_types', () => {
    const floats = invokeEmbedding('cohere-v3', { texts: ['a b', 'c'], input_type: 'search_document' }, 'req-1');
    expect(floats.body).toMatchObject({ id: 'req-1', response_type: 'embeddings_floats', texts: ['a b', 'c'] });
    expect(floats.inputTokens).toBe(3);
    const typed = invokeEmbedding('cohere-v3', { texts: ['a'], input_type: 'search_query', embedding_types: ['int8', 'float'] }, 'r');
    expect(typed.body['response_type']).toBe('embeddings_by_type');
    expect(Object.keys(typed.body['embeddings'] as object)).toEqual(['int8', 'float']);
    expect(errorOf(() => invokeEmbedding('cohere-v3', { texts: ['a'] }, 'r'))).toBe(
      'Malformed input request: #: required key [input_type] not found, please reformat your input and try again.',
    );
    expect(errorOf(() => invokeEmbedding('cohere-v3', { texts: Array.from({ length: 97 }, () => 'x'), input_type: 'search_document' }, 'r'))).toMatch(
      /#\/texts: expected maxItems: 96, actual: 97/,
    );
  });

  it('Cohere v4: output_dimension and by-type embeddings', () => {
    const result = invokeEmbedding('cohere-v4', { texts: ['a'], input_type: 'search_document', output_dimension: 256 }, 'r');
    expect(((result.body['embeddings'] as Record<string, number[][]>)['float'] ?? [])[0]).toHaveLength(256);
    expect(errorOf(() => invokeEmbedding('cohere-v4', { texts: ['a'], input_type: 'search_document', output_dimension: 100 }, 'r'))).toMatch(/output_dimension/);
  });

  it('Nova multimodal embeddings: text input, dimension', () => {
    const body = { schemaVersion: 'nova-multimodal-embed-v1', taskType: 'SINGLE_EMBEDDING', singleEmbeddingParams: { embeddingPurpose: 'GENERIC_INDEX', embeddingDimension: 384, text: { truncationMode: 'END', value: 'hello there' } } };
    const result = invokeEmbedding('nova-multimodal', body, 'r');
    expect(result.body).toEqual({ embeddings: [{ embeddingType: 'TEXT', embedding: expect.any(Array) }] });
    expect(result.inputTokens).toBe(2);
    expect(errorOf(() => invokeEmbedding('nova-multimodal', { ...body, taskType: 'SEGMENTED_EMBEDDING' }, 'r'))).toMatch(/taskType/);
  });
});
