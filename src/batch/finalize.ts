/**
 * A batch's last step, once its Bedrock job has ended: Bedrock's output → the OpenAI output and error files and the
 * counts in `result.json` (`batches.retrieve` runs it once; later calls read `result.json`).
 */
import { randomBytes } from 'node:crypto';
import type { Client, RequestOptions } from '../client.js';
import { embeddingFactsOf } from '../embeddings/embeddings.js';
import type { EmbeddingFacts } from '../models/types.js';
import type { BatchContext } from './context.js';
import { type BatchMeta, type BatchResult, deserializeChatContext, deserializeResponsesContext, type SerializedChatContext, type SerializedResponsesContext } from './job-record.js';
import { addBatchUsage, convertChatOutput, convertEmbeddingOutputs, convertResponsesOutput, emptyBatchUsage, parseRecordId } from './records.js';
import { batchKey, Channel, exists, putText, readLines, readObject, uploadStream } from './storage.js';

/**
 * Writes the OpenAI output and error files from Bedrock's output: each record converted by the online response
 * converters, joined to its line by record ID; lines with no record (a stopped, expired or failed job) go to the
 * error file, so every `custom_id` is there exactly once.
 */
export async function finalizeBatch(client: Client, context: BatchContext, meta: BatchMeta, jobId: string, status: string, options: RequestOptions): Promise<BatchResult> {
  const finalizingAt = Math.floor(Date.now() / 1000);
  const lines: Array<{ custom_id: string; chat?: SerializedChatContext; responses?: SerializedResponsesContext; embedding?: { count: number; base64: boolean } }> = [];
  for await (const { text } of readLines(await readObject(context, batchKey(context, meta.token, 'lines.jsonl'), 'batch line index', options))) {
    if (text !== '') lines.push(JSON.parse(text) as (typeof lines)[number]);
  }
  const seen = new Uint8Array(lines.length);
  const pending = new Map<number, { outputs: unknown[]; got: number; error: { errorCode?: number; errorMessage?: string } | undefined }>();
  let completed = 0;
  let failed = 0;
  const usage = emptyBatchUsage();
  let facts: EmbeddingFacts | undefined;
  if (meta.endpoint === '/v1/embeddings') {
    const resolved = await client._resolveModel(meta.model);
    facts = embeddingFactsOf(resolved.entry, meta.model, resolved.modelId);
  }
  const outputKey = batchKey(context, meta.token, `output/${jobId}/input.jsonl.out`);
  const hasOutput = await exists(context, outputKey, options);
  const outputs = new Channel<string>();
  const errors = new Channel<string>();
  let outputCount = 0;
  let errorCount = 0;
  const uploads = Promise.all([
    uploadStream(context, batchKey(context, meta.token, 'output.jsonl'), outputs),
    uploadStream(context, batchKey(context, meta.token, 'errors.jsonl'), errors),
  ]);
  // Ends the channels if reading fails, so the uploads end too (their error, if any, is the reading's).
  uploads.catch(() => undefined);
  const requestIdFor = (recordId: string): string => `${jobId}-${recordId}`;
  const emit = async (lineIndex: number, answer: { status: number; body: unknown } | { error: { code: string; message: string } }, recordId: string): Promise<void> => {
    const line = lines[lineIndex];
    if (line === undefined || seen[lineIndex] === 1) return;
    seen[lineIndex] = 1;
    const id = `batch_req_${randomBytes(12).toString('hex')}`;
    if ('error' in answer) {
      failed += 1;
      errorCount += 1;
      await errors.push(`${JSON.stringify({ id, custom_id: line.custom_id, response: null, error: answer.error })}\n`);
    } else if (answer.status === 200) {
      completed += 1;
      outputCount += 1;
      addBatchUsage(usage, answer.body);
      await outputs.push(`${JSON.stringify({ id, custom_id: line.custom_id, response: { status_code: 200, request_id: requestIdFor(recordId), body: answer.body }, error: null })}\n`);
    } else {
      failed += 1;
      errorCount += 1;
      await errors.push(`${JSON.stringify({ id, custom_id: line.custom_id, response: { status_code: answer.status, request_id: requestIdFor(recordId), body: answer.body }, error: null })}\n`);
    }
  };
  try {
    if (hasOutput) {
      for await (const { text } of readLines(await readObject(context, outputKey, 'batch output', options))) {
        if (text.trim() === '') continue;
        const record = JSON.parse(text) as { recordId?: string; modelOutput?: unknown; error?: { errorCode?: number; errorMessage?: string } };
        const position = parseRecordId(record.recordId);
        if (position === undefined) continue;
        const line = lines[position.lineIndex];
        if (line === undefined) continue;
        const recordId = record.recordId as string;
        if (line.chat !== undefined) {
          if (record.error !== undefined) await emit(position.lineIndex, bedrockErrorAnswer(record.error), recordId);
          else await emit(position.lineIndex, { status: 200, body: convertChatOutput(record.modelOutput, deserializeChatContext(line.chat), { id: `chatcmpl-${randomBytes(12).toString('hex')}`, model: meta.model, created: meta.created_at, requestId: requestIdFor(recordId) }) }, recordId);
        } else if (line.responses !== undefined) {
          if (record.error !== undefined) await emit(position.lineIndex, bedrockErrorAnswer(record.error), recordId);
          else await emit(position.lineIndex, { status: 200, body: convertResponsesOutput(record.modelOutput, deserializeResponsesContext(line.responses), { model: meta.model, created: meta.created_at, requestId: requestIdFor(recordId) }) }, recordId);
        } else if (line.embedding !== undefined) {
          const count = line.embedding.count;
          let entry = pending.get(position.lineIndex);
          if (entry === undefined) pending.set(position.lineIndex, (entry = { outputs: new Array<unknown>(count), got: 0, error: undefined }));
          if (entry.outputs[position.part] === undefined) entry.got += 1;
          entry.outputs[position.part] = record.modelOutput ?? null;
          if (record.error !== undefined) entry.error ??= record.error;
          if (entry.got === count) {
            pending.delete(position.lineIndex);
            await emit(position.lineIndex, entry.error !== undefined ? bedrockErrorAnswer(entry.error) : { status: 200, body: convertEmbeddingOutputs(entry.outputs, line.embedding, facts as EmbeddingFacts, meta.model) }, recordId);
          }
        }
      }
    }
  } catch (error) {
    outputs.close();
    errors.close();
    throw error;
  }
  const missing = missingError(status);
  for (const [index] of lines.entries()) if (seen[index] === 0) await emit(index, { error: missing }, '');
  outputs.close();
  errors.close();
  await uploads;
  const result: BatchResult = { completed, failed, usage, finalizing_at: finalizingAt, finished_at: Math.floor(Date.now() / 1000), output: outputCount > 0, errors: errorCount > 0 };
  await putText(context, batchKey(context, meta.token, 'result.json'), JSON.stringify(result), options);
  return result;
}

function bedrockErrorAnswer(error: { errorCode?: number; errorMessage?: string }): { status: number; body: unknown } {
  const status = typeof error.errorCode === 'number' ? error.errorCode : 500;
  return { status, body: { error: { message: error.errorMessage ?? 'Bedrock reported an error for this record.', type: status >= 500 ? 'server_error' : 'invalid_request_error', param: null, code: null } } };
}

/** The error of a request the job never ran, by how the job ended. */
export function missingError(status: string): { code: string; message: string } {
  if (status === 'Expired') return { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' };
  if (status === 'Stopped') return { code: 'batch_cancelled', message: 'This request was not executed because the batch was cancelled.' };
  return { code: 'batch_failed', message: `This request was not executed: the Bedrock job ended ${status}.` };
}
