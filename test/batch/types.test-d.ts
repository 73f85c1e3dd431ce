/**
 * Our batch types and `openai`'s (6.x and 7.x): `usage` is `openai`'s `BatchUsage`, and every batch endpoint we
 * serve is one `openai` names. (Our `Batch` types the timestamps OpenAI's API sends as `null` before they happen as
 * `number | null`; `openai`'s types them `number | undefined`, so the two are not assignable as a whole.)
 */
import type * as OpenAI from 'openai/resources/batches';
import type * as OpenAI7 from 'openai-v7/resources/batches';
import type * as OpenAIFiles from 'openai/resources/files';
import type * as OpenAIFiles7 from 'openai-v7/resources/files';
import { describe, expectTypeOf, it } from 'vitest';
import type { Batch, BatchCreateParams, BatchUsage } from '../../src/batch/batches.js';
import type { FileCreateParams, FileListParams } from '../../src/batch/files.js';

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

  it('every param openai 6 and 7 name is one we know (and refuse by reason, not as unknown)', () => {
    expectTypeOf<keyof OpenAI.BatchCreateParams>().toExtend<keyof BatchCreateParams>();
    expectTypeOf<keyof OpenAI7.BatchCreateParams>().toExtend<keyof BatchCreateParams>();
    expectTypeOf<keyof OpenAIFiles.FileCreateParams>().toExtend<keyof FileCreateParams>();
    expectTypeOf<keyof OpenAIFiles7.FileCreateParams>().toExtend<keyof FileCreateParams>();
    expectTypeOf<keyof OpenAIFiles.FileListParams>().toExtend<keyof FileListParams>();
    expectTypeOf<keyof OpenAIFiles7.FileListParams>().toExtend<keyof FileListParams>();
    expectTypeOf<keyof OpenAI.BatchListParams>().toExtend<'limit' | 'after'>();
    expectTypeOf<keyof OpenAI7.BatchListParams>().toExtend<'limit' | 'after'>();
  });
});
