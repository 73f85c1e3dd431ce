/**
 * What a batch keeps in S3 beside its Bedrock job (`batch.json`, `result.json`, the chat line contexts of
 * `lines.jsonl`), and the OpenAI `Batch` made from the job and them: status, timestamps and request counts. Pure.
 */
import type { GetModelInvocationJobCommandOutput } from '@aws-sdk/client-bedrock';
import { NotFoundError } from '../core/errors.js';
import type { Batch, BatchUsage } from './batches.js';
import type { BatchEndpoint, ChatLineContext, ResponsesLineContext } from './records.js';
import { mapJobStatus } from './status.js';

/** What `batch.json` holds: the OpenAI fields a job does not. */
export interface BatchMeta {
  token: string;
  endpoint: BatchEndpoint;
  input_file_id: string;
  completion_window: string;
  metadata: Record<string, string> | null;
  model: string;
  lines: number;
  records: number;
  created_at: number;
}

export interface BatchResult {
  completed: number;
  failed: number;
  /** Tokens of the answered requests (absent from results written before batches counted them). */
  usage?: BatchUsage;
  finalizing_at: number;
  finished_at: number;
  output: boolean;
  errors: boolean;
}

export type SerializedChatContext = { toolNames: Array<[string, string]>; toolCallIds: Array<[string, string]>; structuredOutput?: ChatLineContext['structuredOutput'] };

export type SerializedResponsesContext = SerializedChatContext & Pick<ResponsesLineContext, 'echo' | 'summary' | 'includeEncrypted'>;

export function serializeResponsesContext(context: ResponsesLineContext): SerializedResponsesContext {
  return { ...(serializeChatContext(context) as SerializedChatContext), echo: context.echo, summary: context.summary, includeEncrypted: context.includeEncrypted };
}

export function deserializeResponsesContext(value: SerializedResponsesContext): ResponsesLineContext {
  return { ...deserializeChatContext(value), echo: value.echo, summary: value.summary, includeEncrypted: value.includeEncrypted };
}

export function serializeChatContext(context: ChatLineContext): SerializedChatContext | Record<string, never> {
  const toolNames = [...context.toolNames.toBedrock.entries()].filter(([from, to]) => from !== to);
  const toolCallIds = [...context.toolCallIds.toBedrock.entries()].filter(([from, to]) => from !== to);
  return { toolNames, toolCallIds, ...(context.structuredOutput === undefined ? {} : { structuredOutput: context.structuredOutput }) };
}

function nameMap(entries: Array<[string, string]> = []) {
  return { toBedrock: new Map(entries), fromBedrock: new Map(entries.map(([from, to]) => [to, from] as [string, string])) };
}

export function deserializeChatContext(value: SerializedChatContext | Record<string, never>): ChatLineContext {
  const serialized = value as Partial<SerializedChatContext>;
  return { toolNames: nameMap(serialized.toolNames), toolCallIds: nameMap(serialized.toolCallIds), structuredOutput: serialized.structuredOutput };
}

/** The Bedrock job ID a batch ID stands for. */
export function jobIdOf(batchId: string): string {
  const match = typeof batchId === 'string' ? /^batch_([a-z0-9]{12})$/.exec(batchId) : null;
  if (match === null) throw new NotFoundError(404, `No such batch: ${JSON.stringify(batchId)}.`, { code: 'not_found', type: 'invalid_request_error', param: 'batch_id' });
  return match[1] ?? '';
}

const seconds = (date: Date | undefined): number | null => (date === undefined ? null : Math.floor(date.getTime() / 1000));

export function describeBatch(
  batchId: string,
  job: GetModelInvocationJobCommandOutput,
  meta: BatchMeta,
  result: BatchResult | undefined,
): Batch {
  const jobStatus = job.status ?? 'Submitted';
  const status = mapJobStatus(jobStatus);
  const ended = seconds(job.endTime ?? job.lastModifiedTime);
  const oneToOne = meta.records === meta.lines;
  const counts =
    result !== undefined
      ? { total: meta.lines, completed: result.completed, failed: result.failed }
      : { total: meta.lines, completed: oneToOne ? (job.successRecordCount ?? 0) : 0, failed: oneToOne ? (job.errorRecordCount ?? 0) : 0 };
  const token = meta.token;
  return {
    id: batchId,
    object: 'batch',
    endpoint: meta.endpoint,
    errors: jobStatus === 'Failed' ? { object: 'list', data: [{ code: 'bedrock_job_failed', message: job.message ?? 'The Bedrock batch inference job failed.', line: null, param: null }] } : null,
    input_file_id: meta.input_file_id,
    completion_window: meta.completion_window,
    status,
    output_file_id: result?.output === true ? `file-batch-${token}-output` : null,
    error_file_id: result?.errors === true ? `file-batch-${token}-errors` : null,
    created_at: meta.created_at,
    in_progress_at: ['InProgress', 'Stopping', 'Stopped', 'Completed', 'PartiallyCompleted', 'Expired'].includes(jobStatus) ? seconds(job.submitTime) : null,
    expires_at: seconds(job.jobExpirationTime),
    finalizing_at: result?.finalizing_at ?? null,
    completed_at: status === 'completed' ? (result?.finished_at ?? ended) : null,
    failed_at: status === 'failed' ? ended : null,
    expired_at: status === 'expired' ? ended : null,
    cancelling_at: jobStatus === 'Stopping' || jobStatus === 'Stopped' ? seconds(job.lastModifiedTime) : null,
    cancelled_at: status === 'cancelled' ? ended : null,
    request_counts: counts,
    metadata: meta.metadata,
    model: meta.model,
    ...(result?.usage === undefined ? {} : { usage: result.usage }),
  };
}
