/**
 * `client.batches`: OpenAI's Batches API over Bedrock batch inference jobs.
 *
 * ```ts
 * const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
 * const done = await client.batches.wait(batch.id, { onProgress: (b) => console.log(b.status, b.request_counts) });
 * ```
 *
 * `create` streams the OpenAI input file from S3, checks every line with the online converters (a bad line fails
 * before anything is uploaded or started), writes the Bedrock records with multipart upload as it reads, and starts
 * one `CreateModelInvocationJob`. `retrieve` maps the job's status; once the job has ended it writes the OpenAI
 * output and error files (finalizing), joined by record ID, so every `custom_id` appears exactly once. Stateless: the
 * batch ID is `batch_<job ID>`, and what the answer needs sits in S3 beside the job's input (see storage.ts).
 *
 * This module holds the API and the Bedrock job calls; the input upload is `upload-records.ts`, the output files
 * `finalize.ts`, and what is kept in S3 and the `Batch` made from it `job-record.ts`.
 */
import { randomBytes } from 'node:crypto';
import type { RequestOptions } from '../client.js';
import { APIPromise, type APIResponse } from '../core/api-promise.js';
import { APIUserAbortError, BadRequestError, NotFoundError } from '../core/errors.js';
import { APIResource } from '../core/resource.js';
import { BEDROCK_CONTROL } from '../core/services.js';
import { embeddingFactsOf } from '../embeddings/embeddings.js';
import { parseResponseBody } from '../embeddings/families.js';
import { isSet } from '../internal/is-set.js';
import { fieldSet, rejectUnknownKeys } from '../internal/known-keys.js';
import type { EmbeddingFacts } from '../models/types.js';
import type { BatchContext } from './context.js';
import { describeFile, keyOf } from './files.js';
import { finalizeBatch, missingError } from './finalize.js';
import { type BatchMeta, type BatchResult, describeBatch, jobIdOf, serializeChatContext, serializeResponsesContext } from './job-record.js';
import { type BatchEndpoint, BATCH_ENDPOINTS, convertChatLine, convertEmbeddingLine, convertResponsesLine, lineError, parseBatchLine, parseRecordId, recordIdFor } from './records.js';
import { type BatchStatus, TERMINAL_JOB_STATUSES } from './status.js';
import { readBatchMetadata, readCompletionWindow, unsupportedHandler } from './params.js';
import { batchKey, exists, putText, readJson, readLines, readObject, s3Uri } from './storage.js';
import { uploadRecords } from './upload-records.js';

export { MIN_BATCH_RECORDS } from './upload-records.js';

/** `openai`'s `Batch`. */
export interface Batch {
  id: string;
  object: 'batch';
  endpoint: string;
  errors: { object: 'list'; data: Array<{ code: string; message: string; line?: number | null; param?: string | null }> } | null;
  input_file_id: string;
  completion_window: string;
  status: BatchStatus;
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  expires_at: number | null;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
  model?: string;
  /** Tokens of the requests answered, summed over the output file; present once the batch has ended. */
  usage?: BatchUsage;
}

/** `openai`'s `BatchUsage`. */
export interface BatchUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export interface BatchCreateParams {
  input_file_id: string;
  endpoint: BatchEndpoint;
  /** `24h` (Bedrock's minimum job timeout) up to `168h`. */
  completion_window: string;
  metadata?: Record<string, string> | null;
  /**
   * `openai`'s expiry of the output and error files. Not supported: they stay in S3 until deleted (expire them with
   * an S3 lifecycle rule on the folder); refused, or dropped with a warning under `dropUnsupportedParams`.
   */
  output_expires_after?: { anchor: 'created_at'; seconds: number };
}

const BATCH_LIST_KEYS = new Set(['limit', 'after']);
const CORPUS_KEYS = fieldSet<CorpusParams>({ model: true, dimensions: true, bedrock: true, completion_window: true, metadata: true });
const BATCH_CREATE_KEYS = fieldSet<BatchCreateParams>({ input_file_id: true, endpoint: true, completion_window: true, metadata: true, output_expires_after: true });

/** `batches.create`'s options: the request options, and `dropUnsupportedParams` as chat's. */
export interface BatchCreateOptions extends RequestOptions {
  /** Drop parameters Bedrock cannot honour from the lines (one warning per parameter) instead of refusing the batch. Default: the client's. */
  dropUnsupportedParams?: boolean | undefined;
}

export interface BatchList {
  object: 'list';
  data: Batch[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

export interface CorpusParams {
  model: string;
  dimensions?: number;
  /** Bedrock embedding options (`inputType`, `truncate`, `normalize`), as `embeddings.create` takes them. */
  bedrock?: Record<string, unknown>;
  completion_window?: string;
  metadata?: Record<string, string>;
}

/** One corpus text's result: its vector, or why Bedrock could not embed it. */
export type CorpusResult = { index: number; embedding: number[] } | { index: number; error: { code: number | string; message: string } };

export interface CorpusJob {
  /** The batch, ended. */
  batch: Batch;
  /** The results, streamed from S3 in Bedrock's order, each keyed by input index; every index exactly once. */
  results(): AsyncIterable<CorpusResult>;
}

export interface WaitOptions extends RequestOptions {
  /** Called with the batch after every poll. */
  onProgress?: ((batch: Batch) => void) | undefined;
  /** Milliseconds between polls. Default 30000 (Bedrock jobs take minutes to hours). */
  pollIntervalMs?: number | undefined;
}

const TOKEN = /\/batches\/([0-9a-f]{12})\/input\.jsonl$/;

export class Batches extends APIResource {
  /**
   * Validates the input file, writes Bedrock's records and starts the job. A parameter Bedrock cannot honour in a
   * line is refused with its line number, or, with `dropUnsupportedParams` (this call's option, else the client's),
   * dropped from every line that has it, with one warning per parameter.
   */
  create(params: BatchCreateParams, options: BatchCreateOptions = {}): APIPromise<Batch> {
    return APIPromise.from(async () => respond(await this.#create(params, options)));
  }

  /** The batch's status and, once it has ended, its output and error files. */
  retrieve(batchId: string, options: RequestOptions = {}): APIPromise<Batch> {
    return APIPromise.from(async () => respond(await this.#retrieve(await this._client._batchContext(), batchId, options)));
  }

  /** Batches made by this package, newest first. */
  list(params: { limit?: number; after?: string } = {}, options: RequestOptions = {}): APIPromise<BatchList> {
    return APIPromise.from(async () => {
      rejectUnknownKeys(params, BATCH_LIST_KEYS, '');
      const context = await this._client._batchContext();
      const limit = params.limit ?? 20;
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw BadRequestError.forParam('limit', '`limit` must be a whole number from 1 to 100.');
      const summaries: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await context.send(BEDROCK_CONTROL, 'ListModelInvocationJobs', { nameContains: 'bedrock-openai-', sortOrder: 'Descending', maxResults: 100, nextToken }, options);
        for (const summary of page.invocationJobSummaries ?? []) {
          const inputUri = summary.inputDataConfig?.s3InputDataConfig?.s3Uri ?? '';
          if (inputUri.startsWith(s3Uri(context, `${context.config.prefix}batches/`))) summaries.push(`batch_${summary.jobArn?.split('/').at(-1) ?? ''}`);
        }
        nextToken = page.nextToken;
      } while (nextToken !== undefined && summaries.length < 10_000);
      const start = params.after === undefined ? 0 : summaries.indexOf(params.after) + 1;
      const ids = summaries.slice(start, start + limit);
      const data = await Promise.all(ids.map((id) => this.#retrieve(context, id, options)));
      return respond({ object: 'list', data, has_more: start + limit < summaries.length, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    });
  }

  /** Stops the job (`StopModelInvocationJob`); the batch goes `cancelling`, then `cancelled`. */
  cancel(batchId: string, options: RequestOptions = {}): APIPromise<Batch> {
    return APIPromise.from(async () => {
      const context = await this._client._batchContext();
      await context.send(BEDROCK_CONTROL, 'StopModelInvocationJob', { jobIdentifier: jobIdOf(batchId) }, options);
      return respond(await this.#retrieve(context, batchId, options));
    });
  }

  /** Polls until the batch has ended (completed, failed, expired or cancelled); `signal` stops waiting (not the job). */
  async wait(batchId: string, options: WaitOptions = {}): Promise<Batch> {
    const interval = options.pollIntervalMs ?? 30_000;
    if (!Number.isFinite(interval) || interval < 0) throw BadRequestError.forParam('pollIntervalMs', '`pollIntervalMs` must be a number of milliseconds ≥ 0.');
    for (;;) {
      const batch = await this.retrieve(batchId, options);
      options.onProgress?.(batch);
      if (['completed', 'failed', 'expired', 'cancelled'].includes(batch.status)) return batch;
      await new Promise<void>((resolve, reject) => {
        if (options.signal?.aborted === true) return reject(new APIUserAbortError());
        const timer = setTimeout(() => {
          options.signal?.removeEventListener('abort', onAbort);
          resolve();
        }, interval);
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(new APIUserAbortError());
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
  }

  /**
   * Embeds a corpus as one batch job, for RAG indexing: reads `texts` (any iterable or async iterable, e.g. lines of
   * a file) and uploads the records with multipart upload as it reads, waits for the job, then gives the vectors back
   * as they stream out of S3, keyed by input index (in no particular order). Neither the corpus nor the vectors are
   * ever held in memory; a text Bedrock could not embed comes back as `{ index, error }`.
   *
   * ```ts
   * const job = await client.batches.embedCorpus(readLines('corpus.txt'), { model: 'titan-embed-text-v2', dimensions: 256 });
   * for await (const result of job.results()) if ('embedding' in result) await index.upsert(result.index, result.embedding);
   * ```
   */
  async embedCorpus(texts: AsyncIterable<string> | Iterable<string>, params: CorpusParams, options: WaitOptions = {}): Promise<CorpusJob> {
    if (typeof params !== 'object' || params === null) throw BadRequestError.forParam('params', '`embedCorpus` takes { model, dimensions?, bedrock?, completion_window?, metadata? }.');
    rejectUnknownKeys(params, CORPUS_KEYS, '');
    if (typeof params.model !== 'string') throw BadRequestError.forParam('model', '`model` must be an embedding model name.');
    const completionWindow = readCompletionWindow(params.completion_window ?? '24h');
    const metadata = readBatchMetadata(params.metadata);
    const context = await this._client._batchContext();
    const resolved = await this._client._resolveModel(params.model);
    const facts = embeddingFactsOf(resolved.entry, params.model, resolved.modelId);
    const token = randomBytes(6).toString('hex');
    let count = 0;
    const source = async function* (): AsyncGenerator<{ record: string; line: string }> {
      for await (const text of texts as AsyncIterable<string>) {
        const index = count;
        const line = { custom_id: String(index), method: 'POST' as const, url: '/v1/embeddings' as const, body: { model: params.model, input: text, ...(params.dimensions === undefined ? {} : { dimensions: params.dimensions }), ...(params.bedrock === undefined ? {} : { bedrock: params.bedrock }) } };
        const { modelInputs } = convertEmbeddingLine(line, index + 1, resolved, facts);
        count += 1;
        yield { record: `${JSON.stringify({ recordId: recordIdFor(index, 0), modelInput: modelInputs[0] })}\n`, line: `{"custom_id":"${index}","embedding":{"count":1,"base64":false}}\n` };
      }
    };
    await uploadRecords(context, token, source(), () => ({ lines: count, records: count }), options);
    const meta: BatchMeta = { token, endpoint: '/v1/embeddings', input_file_id: '', completion_window: completionWindow, metadata, model: resolved.modelId, lines: count, records: count, created_at: Math.floor(Date.now() / 1000) };
    const jobId = await this.#startJob(context, meta, options);
    const batch = await this.wait(`batch_${jobId}`, options);
    const family = facts.family;
    const total = count;
    return {
      batch,
      async *results(): AsyncGenerator<CorpusResult> {
        const seen = new Uint8Array(total);
        const outputKey = batchKey(context, token, `output/${jobId}/input.jsonl.out`);
        if (await exists(context, outputKey, options)) {
          for await (const { text } of readLines(await readObject(context, outputKey, 'batch output', options))) {
            if (text.trim() === '') continue;
            const record = JSON.parse(text) as { recordId?: string; modelOutput?: unknown; error?: { errorCode?: number; errorMessage?: string } };
            const position = parseRecordId(record.recordId);
            if (position === undefined || position.lineIndex >= total || seen[position.lineIndex] === 1) continue;
            seen[position.lineIndex] = 1;
            if (record.error !== undefined) yield { index: position.lineIndex, error: { code: record.error.errorCode ?? 500, message: record.error.errorMessage ?? 'Bedrock reported an error for this record.' } };
            else yield { index: position.lineIndex, embedding: parseResponseBody(family, record.modelOutput, 1).vectors[0] ?? [] };
          }
        }
        const missing = missingError(batch.status === 'cancelled' ? 'Stopped' : batch.status === 'expired' ? 'Expired' : 'Failed');
        for (let index = 0; index < total; index += 1) if (seen[index] === 0) yield { index, error: { code: missing.code, message: missing.message } };
      },
    };
  }

  async #startJob(context: BatchContext, meta: BatchMeta, options: RequestOptions): Promise<string> {
    await putText(context, batchKey(context, meta.token, 'batch.json'), JSON.stringify(meta), options);
    const hours = Number(/^(\d+)h$/.exec(meta.completion_window)?.[1] ?? 24);
    const { jobArn } = await context.send(
      BEDROCK_CONTROL,
      'CreateModelInvocationJob',
      {
        jobName: `bedrock-openai-${meta.token}`,
        roleArn: context.config.roleArn,
        modelId: meta.model,
        modelInvocationType: meta.endpoint === '/v1/embeddings' ? 'InvokeModel' : 'Converse',
        timeoutDurationInHours: hours,
        inputDataConfig: { s3InputDataConfig: { s3InputFormat: 'JSONL', s3Uri: s3Uri(context, batchKey(context, meta.token, 'input.jsonl')) } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: s3Uri(context, batchKey(context, meta.token, 'output/')) } },
      },
      options,
    );
    return jobArn?.split('/').at(-1) ?? '';
  }

  async #create(params: BatchCreateParams, options: BatchCreateOptions): Promise<Batch> {
    if (typeof params !== 'object' || params === null) throw BadRequestError.forParam('params', '`batches.create` takes { input_file_id, endpoint, completion_window }.');
    rejectUnknownKeys(params, BATCH_CREATE_KEYS, '');
    if (isSet(params.output_expires_after)) {
      unsupportedHandler(this._client, options.dropUnsupportedParams)(
        'output_expires_after',
        'batch output and error files stay in S3 until deleted; expire them with an S3 lifecycle rule on the batch folder.',
      );
    }
    if (!BATCH_ENDPOINTS.includes(params.endpoint)) throw BadRequestError.forParam('endpoint', `\`endpoint\` must be one of ${BATCH_ENDPOINTS.join(', ')} on Bedrock; got ${JSON.stringify(params.endpoint)}.`);
    readCompletionWindow(params.completion_window);
    const metadata = readBatchMetadata(params.metadata);
    const context = await this._client._batchContext();
    await describeFile(context, params.input_file_id, options);
    const token = randomBytes(6).toString('hex');
    const converted = await this.#convertInput(context, params, token, options);
    const meta: BatchMeta = {
      token,
      endpoint: params.endpoint,
      input_file_id: params.input_file_id,
      completion_window: params.completion_window,
      metadata,
      model: converted.modelId,
      lines: converted.lines,
      records: converted.records,
      created_at: Math.floor(Date.now() / 1000),
    };
    const jobId = await this.#startJob(context, meta, options);
    return this.#retrieve(context, `batch_${jobId}`, options);
  }

  /**
   * Streams the input file line by line: each line is checked and converted; the records and per-line contexts are
   * uploaded as they come (multipart), but only once Bedrock's minimum record count is reached, so a small or bad
   * file uploads nothing that stays.
   */
  async #convertInput(context: BatchContext, params: BatchCreateParams, token: string, options: BatchCreateOptions): Promise<{ modelId: string; lines: number; records: number }> {
    const body = await readObject(context, keyOf(context, params.input_file_id), `file ${params.input_file_id}`, options);
    let model: { modelId: string; entry: Parameters<typeof convertChatLine>[2]['entry']; name: string } | undefined;
    let facts: EmbeddingFacts | undefined;
    let lines = 0;
    let records = 0;
    const customIds = new Set<string>();
    const client = this._client;
    // Dropped parameters are reported once each, at the first line that has them, not once per line.
    const warned = new Set<string>();
    let currentLine = 0;
    const unsupported = unsupportedHandler(client, options.dropUnsupportedParams, (warning) => {
      if (warned.has(warning.param)) return;
      warned.add(warning.param);
      client._warn({ ...warning, message: `${warning.message} (batch input line ${currentLine}, and every later line that has it)` });
    });
    const convert = async function* (): AsyncGenerator<{ record: string; line: string }> {
      for await (const { text, lineNumber } of readLines(body)) {
        if (text.trim() === '') continue;
        const line = parseBatchLine(text, lineNumber);
        if (line.url !== params.endpoint) throw lineError(lineNumber, line.custom_id, `\`url\` ${line.url} differs from the batch's endpoint ${params.endpoint}.`, 'url');
        if (customIds.has(line.custom_id)) throw lineError(lineNumber, line.custom_id, '`custom_id` repeats an earlier line; each must be unique.', 'custom_id');
        customIds.add(line.custom_id);
        const name = line.body['model'];
        if (typeof name !== 'string' || name === '') throw lineError(lineNumber, line.custom_id, '`body.model` must be a model name.', 'body.model');
        if (model === undefined) {
          const resolved = await client._resolveModel(name);
          model = { modelId: resolved.modelId, entry: resolved.entry, name };
          if (params.endpoint === '/v1/embeddings') facts = embeddingFactsOf(resolved.entry, name, resolved.modelId);
        } else if (name !== model.name) {
          throw lineError(lineNumber, line.custom_id, `\`body.model\` is ${JSON.stringify(name)}, but a batch runs one model (${JSON.stringify(model.name)} from the first line).`, 'body.model');
        }
        const lineIndex = lines;
        lines += 1;
        currentLine = lineNumber;
        if (params.endpoint === '/v1/chat/completions') {
          const { modelInput, context: lineContext } = convertChatLine(line, lineNumber, model, unsupported);
          records += 1;
          yield { record: `${JSON.stringify({ recordId: recordIdFor(lineIndex, 0), modelInput })}\n`, line: `${JSON.stringify({ custom_id: line.custom_id, chat: serializeChatContext(lineContext) })}\n` };
        } else if (params.endpoint === '/v1/responses') {
          const { modelInput, context: lineContext } = convertResponsesLine(line, lineNumber, model, unsupported);
          records += 1;
          yield { record: `${JSON.stringify({ recordId: recordIdFor(lineIndex, 0), modelInput })}\n`, line: `${JSON.stringify({ custom_id: line.custom_id, responses: serializeResponsesContext(lineContext) })}\n` };
        } else {
          const { modelInputs, context: lineContext } = convertEmbeddingLine(line, lineNumber, model, facts as EmbeddingFacts);
          let recordText = '';
          for (const [part, modelInput] of modelInputs.entries()) recordText += `${JSON.stringify({ recordId: recordIdFor(lineIndex, part), modelInput })}\n`;
          records += modelInputs.length;
          yield { record: recordText, line: `${JSON.stringify({ custom_id: line.custom_id, embedding: lineContext })}\n` };
        }
      }
    };
    await uploadRecords(context, token, convert(), () => ({ lines, records }), options);
    return { modelId: (model as { modelId: string }).modelId, lines, records };
  }

  async #retrieve(context: BatchContext, batchId: string, options: RequestOptions): Promise<Batch> {
    const jobId = jobIdOf(batchId);
    let job;
    try {
      job = await context.send(BEDROCK_CONTROL, 'GetModelInvocationJob', { jobIdentifier: jobId }, options);
    } catch (error) {
      if ((error as { status?: number }).status === 404) throw new NotFoundError(404, `No such batch: ${batchId}.`, { code: 'not_found', type: 'invalid_request_error', param: 'batch_id' });
      throw error;
    }
    const token = TOKEN.exec(job.inputDataConfig?.s3InputDataConfig?.s3Uri ?? '')?.[1];
    if (token === undefined) throw new NotFoundError(404, `No such batch: ${batchId} (job ${jobId} was not made by bedrock-openai).`, { code: 'not_found', type: 'invalid_request_error', param: 'batch_id' });
    const meta = await readJson<BatchMeta>(context, batchKey(context, token, 'batch.json'), `batch ${batchId}`, options);
    const status = job.status ?? 'Submitted';
    let result: BatchResult | undefined;
    if (TERMINAL_JOB_STATUSES.has(status)) {
      const resultKey = batchKey(context, token, 'result.json');
      result = (await exists(context, resultKey, options)) ? await readJson<BatchResult>(context, resultKey, 'batch result', options) : await finalizeBatch(this._client, context, meta, jobId, status, options);
    }
    return describeBatch(batchId, job, meta, result);
  }
}

function respond<T>(data: T): APIResponse<T> {
  return { data, request_id: null, response: { httpStatusCode: 200, requestId: undefined, attempts: 1, totalRetryDelay: 0 } };
}
