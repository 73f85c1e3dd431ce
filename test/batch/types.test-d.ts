/**
 * Our batch types and `openai`'s (6.x and 7.x): `usage` is `openai`'s `BatchUsage`, and every batch endpoint we
 * serve is one `openai` names. (Our `Batch` types the timestamps OpenAI's API sends as `null` before they happen as
 * `number | null`; `openai`'s types them `number | undefined`, so the two are not assignable as a whole.)
 */
import type * as OpenAI from 'openai/resources/batches';
import type * as OpenAI7 from 'openai-v7/resources/batches';
import { describe, expectTypeOf, it } from 'vitest';
import type { Batch, BatchCreateParams, BatchUsage } from '../../src/batch/batches.js';

describe('batch types', () => {
  it('our BatchUsage is openai 6 and 7 ones', () => {
    expectTypeOf<Batch['usage']>().toEqualTypeOf<OpenAI.Batch['usage']>();
    expectTypeOf<Batch['usage']>().toEqualTypeOf<OpenAI7.Batch['usage']>();
    expectTypeOf<BatchUsage>().toEqualTypeOf<OpenAI.BatchUsage>();
    expectTypeOf<BatchUsage>().toEqualTypeOf<OpenAI7.BatchUsage>();
  });

  it('our endpoints are openai endpoints, and /v1/responses is one of ours', () => {
    expectTypeOf<BatchCreateParams['endpoint']>().toExtend<OpenAI.BatchCreateParams['endpoint']>();
    expectTypeOf<BatchCreateParams['endpoint']>().toExtend<OpenAI7.BatchCreateParams['endpoint']>();
    expectTypeOf<'/v1/responses'>().toExtend<BatchCreateParams['endpoint']>();
  });
});
