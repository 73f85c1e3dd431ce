/**
 * Our embeddings types and `openai`'s pass both ways: code typed against `openai` compiles against this package,
 * and our results can be handed to code that expects `openai`'s types.
 */
import type * as OpenAI from 'openai/resources/embeddings';
import type * as OpenAI7 from 'openai-v7/resources/embeddings';
import { describe, expectTypeOf, it } from 'vitest';
import type { Client } from '../../src/client.js';
import type { APIPromise } from '../../src/core/api-promise.js';
import type * as Ours from '../../src/embeddings/types.js';

describe('params', () => {
  it('openai params are our params, and ours are openai params', () => {
    expectTypeOf<OpenAI.EmbeddingCreateParams>().toExtend<Ours.EmbeddingCreateParams>();
    expectTypeOf<Ours.EmbeddingCreateParams>().toExtend<OpenAI.EmbeddingCreateParams>();
  });

  it('the same with openai 7.x', () => {
    expectTypeOf<OpenAI7.EmbeddingCreateParams>().toExtend<Ours.EmbeddingCreateParams>();
    expectTypeOf<Ours.EmbeddingCreateParams>().toExtend<OpenAI7.EmbeddingCreateParams>();
  });

  it('create accepts an openai params object', () => {
    expectTypeOf<Client['embeddings']['create']>().toBeCallableWith({ model: 'titan-embed-text-v2', input: ['a', 'b'] } satisfies OpenAI.EmbeddingCreateParams);
    expectTypeOf<Client['embeddings']['create']>().toBeCallableWith({ model: 'embed-v4', input: 'query', bedrock: { inputType: 'search_query' } }, { concurrency: 4 });
  });

  it('refuses a wrong inputType', () => {
    // @ts-expect-error: not an input type
    expectTypeOf<Client['embeddings']['create']>().toBeCallableWith({ model: 'embed-v4', input: 'q', bedrock: { inputType: 'query' } });
  });
});

describe('responses', () => {
  it('our response is openai\'s, and openai\'s is ours', () => {
    expectTypeOf<Ours.CreateEmbeddingResponse>().toExtend<OpenAI.CreateEmbeddingResponse>();
    expectTypeOf<OpenAI.CreateEmbeddingResponse>().toExtend<Ours.CreateEmbeddingResponse>();
    expectTypeOf<Ours.Embedding>().toEqualTypeOf<OpenAI.Embedding>();
    expectTypeOf<Ours.CreateEmbeddingResponse>().toExtend<OpenAI7.CreateEmbeddingResponse>();
    expectTypeOf<OpenAI7.CreateEmbeddingResponse>().toExtend<Ours.CreateEmbeddingResponse>();
    expectTypeOf<Ours.Embedding>().toEqualTypeOf<OpenAI7.Embedding>();
  });

  it('create returns an APIPromise of the float response, or of the base64 one for encoding_format base64', () => {
    const create = null as unknown as Client['embeddings']['create'];
    expectTypeOf(create({ model: 'm', input: 'x' })).toEqualTypeOf<APIPromise<Ours.CreateEmbeddingResponse>>();
    expectTypeOf(create({ model: 'm', input: 'x', encoding_format: 'float' })).toEqualTypeOf<APIPromise<Ours.CreateEmbeddingResponse>>();
    expectTypeOf(create({ model: 'm', input: 'x', encoding_format: 'base64' })).toEqualTypeOf<APIPromise<Ours.CreateEmbeddingBase64Response>>();
    expectTypeOf<Ours.CreateEmbeddingBase64Response['data'][number]['embedding']>().toEqualTypeOf<string>();
  });
});

describe('model names', () => {
  it('EmbeddingModel is the catalog\'s embedding aliases', () => {
    expectTypeOf<Ours.EmbeddingModel>().toEqualTypeOf<
      'titan-embed-text' | 'titan-embed-text-v2' | 'titan-embed-image' | 'embed-english' | 'embed-multilingual' | 'embed-v4' | 'nova-multimodal-embeddings'
    >();
  });
});
