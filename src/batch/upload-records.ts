/**
 * A batch's input, uploaded: the Bedrock records (`input.jsonl`, the job's input) and the per-line contexts
 * (`lines.jsonl`, what each answer needs) from one pass over the converted lines, held back until Bedrock's minimum
 * record count is reached.
 */
import type { RequestOptions } from '../client.js';
import { BadRequestError } from '../core/errors.js';
import type { BatchContext } from './context.js';
import { batchKey, uploadStream } from './storage.js';

/** Bedrock's minimum number of records in a batch inference job (service quota, adjustable per account). */
export const MIN_BATCH_RECORDS = 100;

/**
 * Uploads a batch's records (`input.jsonl`) and line contexts (`lines.jsonl`) from one pass over `source`, each with
 * multipart upload as it comes, but only once Bedrock's minimum record count is reached, so a small or bad input
 * uploads nothing that stays (an error mid-way aborts both uploads).
 */
export async function uploadRecords(
  context: BatchContext,
  token: string,
  source: AsyncGenerator<{ record: string; line: string }>,
  counts: () => { lines: number; records: number },
  options: RequestOptions,
): Promise<void> {
  // Two objects from one pass: the records stream into one upload, the line contexts into another.
  const head: Array<{ record: string; line: string }> = [];
  for (;;) {
    if (counts().records >= MIN_BATCH_RECORDS) break;
    const next = await source.next();
    if (next.done === true) break;
    head.push(next.value);
  }
  const { lines, records } = counts();
  if (records < MIN_BATCH_RECORDS) {
    throw BadRequestError.forParam(
      'input_file_id',
      `The input file makes ${records} Bedrock record${records === 1 ? '' : 's'} (${lines} request${lines === 1 ? '' : 's'}); Bedrock batch inference needs at least ${MIN_BATCH_RECORDS} per job. Send fewer requests online, or add more to the batch.`,
      'batch_too_small',
    );
  }
  const lineChunks: string[] = [];
  let linesWaiting: (() => void) | undefined;
  let sourceDone = false;
  const recordStream = async function* (): AsyncGenerator<string> {
    for (const item of head) {
      lineChunks.push(item.line);
      yield item.record;
    }
    linesWaiting?.();
    for (;;) {
      const next = await source.next();
      if (next.done === true) break;
      lineChunks.push(next.value.line);
      linesWaiting?.();
      yield next.value.record;
    }
    sourceDone = true;
    linesWaiting?.();
  };
  const lineStream = async function* (): AsyncGenerator<string> {
    for (;;) {
      if (lineChunks.length > 0) {
        yield lineChunks.splice(0, lineChunks.length).join('');
        continue;
      }
      if (sourceDone) return;
      await new Promise<void>((resolve) => (linesWaiting = resolve));
    }
  };
  const controller = new AbortController();
  const relay = (): void => controller.abort();
  options.signal?.addEventListener('abort', relay, { once: true });
  try {
    const uploads = [
      uploadStream(context, batchKey(context, token, 'input.jsonl'), recordStream(), { signal: controller.signal }),
      uploadStream(context, batchKey(context, token, 'lines.jsonl'), lineStream(), { signal: controller.signal }),
    ];
    const settled = await Promise.allSettled(uploads);
    const failure = settled.find((result) => result.status === 'rejected');
    if (failure !== undefined) {
      controller.abort();
      throw (failure as PromiseRejectedResult).reason;
    }
  } finally {
    options.signal?.removeEventListener('abort', relay);
  }
}
