/**
 * Every error class `openai`'s `OpenAI` carries as a static (6.x and 7.x) is on our `Client` too, as ours.
 */
import type OpenAI from 'openai';
import type OpenAI7 from 'openai-v7';
import { expectTypeOf, test } from 'vitest';
import type { Client } from '../../src/client.js';
import type * as Errors from '../../src/core/errors.js';

/** The static members of a class whose values are error classes. */
type ErrorStatics<T> = { [K in keyof T]: T[K] extends abstract new (...args: never) => Error ? K : never }[keyof T];

test('Client has every static error class OpenAI has (6.x and 7.x)', () => {
  expectTypeOf<ErrorStatics<typeof OpenAI>>().toExtend<keyof typeof Client>();
  expectTypeOf<ErrorStatics<typeof OpenAI7>>().toExtend<keyof typeof Client>();
  // Guards the check above against an empty key set.
  expectTypeOf<'RateLimitError'>().toExtend<ErrorStatics<typeof OpenAI>>();
  expectTypeOf<'InvalidWebhookSignatureError'>().toExtend<ErrorStatics<typeof OpenAI7>>();
});

test('they are our classes', () => {
  expectTypeOf<(typeof Client)['APIError']>().toEqualTypeOf<typeof Errors.APIError>();
  expectTypeOf<(typeof Client)['RateLimitError']>().toEqualTypeOf<typeof Errors.RateLimitError>();
  expectTypeOf<(typeof Client)['OpenAIError']>().toEqualTypeOf<typeof Errors.BedrockOpenAIError>();
});
