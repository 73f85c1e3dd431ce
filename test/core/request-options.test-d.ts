/**
 * `openai`'s request options (6.x and 7.x) are ours: every option a caller sets (not `openai`'s internal
 * `method`/`path`/`body`/`__…`, nor its internal `NullableHeaders` form of `headers`) type-checks here.
 */
import type OpenAI from 'openai';
import type OpenAI7 from 'openai-v7';
import { expectTypeOf, test } from 'vitest';
import type { Client, RequestOptions } from '../../src/client.js';

type CallerOptions<T extends { signal?: unknown; timeout?: unknown; maxRetries?: unknown; query?: unknown; idempotencyKey?: unknown; fetchOptions?: unknown }> = Pick<
  T,
  'signal' | 'timeout' | 'maxRetries' | 'query' | 'idempotencyKey' | 'fetchOptions'
>;

test('openai\'s caller options are ours', () => {
  expectTypeOf<CallerOptions<OpenAI.RequestOptions>>().toExtend<RequestOptions>();
  expectTypeOf<CallerOptions<OpenAI7.RequestOptions>>().toExtend<RequestOptions>();
  expectTypeOf<{ signal: null }>().toExtend<RequestOptions>();
  expectTypeOf<{ headers: Record<string, string | null> }>().toExtend<RequestOptions>();
  expectTypeOf<{ headers: Headers }>().toExtend<RequestOptions>();
  expectTypeOf<{ headers: [string, string][] }>().toExtend<RequestOptions>();
});

test('every method takes them', () => {
  expectTypeOf<Client['chat']['completions']['create']>().toBeCallableWith({ model: 'm', messages: [] }, { signal: null, headers: { 'x-a': '1' } });
  expectTypeOf<Client['embeddings']['create']>().toBeCallableWith({ model: 'm', input: 'x' }, { signal: null, headers: { 'x-a': '1' } });
  expectTypeOf<Client['models']['list']>().toBeCallableWith({ signal: null });
  expectTypeOf<Client['models']['retrieve']>().toBeCallableWith('nova-lite', { signal: null });
});
