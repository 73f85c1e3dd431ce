import type { Model } from 'openai/resources/models';
import type { Model as Model7 } from 'openai-v7/resources/models';
import { expectTypeOf, test } from 'vitest';
import type { BedrockModel, Models, ModelsPage } from '../../src/models/models.js';

test('a BedrockModel is an OpenAI Model', () => {
  expectTypeOf<BedrockModel>().toExtend<Model>();
  expectTypeOf<ModelsPage['data'][number]>().toExtend<Model>();
  expectTypeOf<ModelsPage>().toExtend<AsyncIterable<Model>>();
  expectTypeOf<ModelsPage['object']>().toEqualTypeOf<'list'>();
  expectTypeOf<BedrockModel>().toExtend<Model7>();
});

test('list() is iterable without awaiting, as openai\'s PagePromise', () => {
  expectTypeOf<ReturnType<Models['list']>>().toExtend<AsyncIterable<Model>>();
  expectTypeOf<ModelsPage['hasNextPage']>().returns.toEqualTypeOf<boolean>();
});

test('list and retrieve resolve to the OpenAI shapes', () => {
  expectTypeOf<Models['list']>().returns.resolves.toEqualTypeOf<ModelsPage>();
  expectTypeOf<Models['retrieve']>().returns.resolves.toExtend<Model>();
  expectTypeOf<Models['retrieve']>().parameter(0).toEqualTypeOf<string>();
});

test('a plain object missing the OpenAI fields is not a BedrockModel', () => {
  expectTypeOf<{ id: string }>().not.toExtend<BedrockModel>();
});
