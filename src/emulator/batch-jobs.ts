/**
 * Bedrock batch inference (the control plane's CreateModelInvocationJob, GetModelInvocationJob,
 * ListModelInvocationJobs, StopModelInvocationJob), as the Bedrock user guide and API reference describe it.
 *
 * A job reads its JSONL input (`{ recordId, modelInput }` per line) from the emulator's S3, moves through
 * `Submitted → Validating → Scheduled → InProgress` and ends `Completed`, `PartiallyCompleted` (some records
 * failed), `Failed`, `Stopped` or `Expired`. Each record runs on the emulator's own Converse (`modelInvocationType:
 * 'Converse'`) or embedding (`InvokeModel`) logic. Output goes to `<output s3Uri>/<jobId>/<input file name>.out`
 * (`{ recordId, modelInput, modelOutput }` or `{ recordId, modelInput, error: { errorCode, errorMessage } }`), not
 * in input order (Bedrock does not keep it), and `<output s3Uri>/<jobId>/manifest.json.out` holds the counts.
 *
 * Pacing ({@link BatchPacing}) and faults ({@link BatchFaultSpec}: a record that errors, a job that fails or
 * expires) are set through the emulator handle's `batch` or the control endpoints `/__emulator/batch/…`.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { replyFor } from './converse.js';
import { embeddingFamilyOf, invokeEmbedding } from './embeddings.js';
import { EmulatorError, validationError } from './errors.js';
import type { ModelRegistry } from './models.js';
import type { OperationState } from './operations.js';
import { parseS3Uri, type S3Store } from './s3.js';
import { validateConverseRequest } from './validation.js';

export type JobStatus = 'Submitted' | 'Validating' | 'Scheduled' | 'InProgress' | 'Completed' | 'PartiallyCompleted' | 'Failed' | 'Stopping' | 'Stopped' | 'Expired';

/** Bedrock's documented minimum number of records in a job (service quotas: "Minimum number of records per batch inference job"). */
export const DEFAULT_MIN_RECORDS = 100;

/** How fast jobs move. */
export interface BatchPacing {
  /** Milliseconds between status steps (Submitted → Validating → Scheduled → InProgress). Default 5. */
  stepDelayMs?: number;
  /** Records processed before yielding. Default 500. */
  recordsPerTick?: number;
  /** Milliseconds to wait after each tick. Default 0. */
  tickDelayMs?: number;
  /** Minimum records per job (below it the job fails validation). Default {@link DEFAULT_MIN_RECORDS}. */
  minRecords?: number;
  /** Maximum records per job, if any (Bedrock's per-job quota; adjustable, so unset by default). */
  maxRecords?: number;
}

/** A fault for batch jobs: matching records error, or the job ends Failed/Expired. */
export interface BatchFaultSpec {
  /** Only jobs for this model ID (as given to CreateModelInvocationJob). */
  model?: string;
  /** Records whose `modelInput` JSON contains this string fail with `error` (default 400, "Injected record error."). */
  failRecordsContaining?: string;
  error?: { code?: number; message?: string };
  /** The job ends so after `afterRecords` records (default 0), keeping the output written so far. */
  outcome?: 'Failed' | 'Expired';
  afterRecords?: number;
  /** How many jobs it applies to (default 1; `Infinity` for all). */
  count?: number;
}

interface Job {
  id: string;
  arn: string;
  request: Record<string, unknown>;
  modelId: string;
  region: string;
  invocationType: 'InvokeModel' | 'Converse';
  status: JobStatus;
  message: string | undefined;
  submitTime: Date;
  lastModifiedTime: Date;
  endTime: Date | undefined;
  expirationTime: Date;
  total: number | undefined;
  processed: number;
  success: number;
  error: number;
  stopRequested: boolean;
  faults: BatchFaultSpec[];
}

const TERMINAL: ReadonlySet<JobStatus> = new Set(['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired']);
const JOB_NAME = /^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
const S3_URI = /^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:\/[-!_*'().a-z0-9A-Z]+(?:\/[-!_*'().a-z0-9A-Z]+)*)?\/?$/;
const JOB_IDENTIFIER = /^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-invocation-job\/)?([a-z0-9]{12})$/;
const ACCOUNT = '123456789012';

export interface BatchState {
  models: ModelRegistry;
  operations: OperationState;
  s3: S3Store;
}

/** The batch jobs of one emulator. */
export class BatchJobs {
  readonly #state: BatchState;
  readonly #jobs = new Map<string, Job>();
  readonly #faults: Array<BatchFaultSpec & { id: string; remaining: number }> = [];
  #pacing: Required<Omit<BatchPacing, 'maxRecords'>> & { maxRecords: number | undefined } = {
    stepDelayMs: 5,
    recordsPerTick: 500,
    tickDelayMs: 0,
    minRecords: DEFAULT_MIN_RECORDS,
    maxRecords: undefined,
  };

  constructor(state: BatchState, pacing: BatchPacing = {}) {
    this.#state = state;
    this.setPacing(pacing);
  }

  setPacing(pacing: BatchPacing): void {
    for (const [key, value] of Object.entries(pacing)) {
      if (value !== undefined && (typeof value !== 'number' || !(value >= 0))) throw new TypeError(`batch pacing ${key} must be a number >= 0`);
    }
    this.#pacing = { ...this.#pacing, ...(Object.fromEntries(Object.entries(pacing).filter(([, value]) => value !== undefined)) as BatchPacing) };
  }

  addFault(spec: BatchFaultSpec): string {
    if (spec.failRecordsContaining === undefined && spec.outcome === undefined) throw new TypeError('batch fault must set failRecordsContaining or outcome');
    if (spec.outcome !== undefined && spec.outcome !== 'Failed' && spec.outcome !== 'Expired') throw new TypeError('batch fault outcome must be "Failed" or "Expired"');
    const id = randomUUID();
    this.#faults.push({ ...spec, id, remaining: spec.count ?? 1 });
    return id;
  }

  clearFaults(): void {
    this.#faults.length = 0;
  }

  /** Resolves once every job has reached a terminal status (for tests and shutdown). */
  async settled(): Promise<void> {
    while ([...this.#jobs.values()].some((job) => !TERMINAL.has(job.status))) await sleep(5);
  }

  /** Serves one control-plane request (`/model-invocation-job…`). Returns the JSON body. */
  async handle(method: string, rawPath: string, body: unknown, region: string): Promise<unknown> {
    const questionMark = rawPath.indexOf('?');
    const path = questionMark === -1 ? rawPath : rawPath.slice(0, questionMark);
    const query = new URLSearchParams(questionMark === -1 ? '' : rawPath.slice(questionMark + 1));
    if (method === 'POST' && path === '/model-invocation-job') return this.#create(body, region);
    if (method === 'GET' && path === '/model-invocation-jobs') return this.#list(query);
    const match = /^\/model-invocation-job\/([^/]+)(\/stop)?$/.exec(path);
    if (match !== null) {
      const job = this.#find(decodeURIComponent(match[1] ?? ''));
      if (method === 'GET' && match[2] === undefined) return describeJob(job);
      if (method === 'POST' && match[2] === '/stop') return this.#stop(job);
    }
    throw new EmulatorError('UnknownOperationException', 404, 'Unknown operation');
  }

  #find(identifier: string): Job {
    const match = JOB_IDENTIFIER.exec(identifier);
    if (match === null) {
      throw validationError(
        `1 validation error detected: Value '${identifier}' at 'jobIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ((arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-invocation-job/)?[a-z0-9]{12})`,
      );
    }
    const job = this.#jobs.get(match[3] ?? '');
    if (job === undefined) throw new EmulatorError('ResourceNotFoundException', 404, `The specified job ${identifier} was not found.`);
    return job;
  }

  #create(raw: unknown, region: string): { jobArn: string } {
    const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const errors: string[] = [];
    const jobName = body['jobName'];
    const roleArn = body['roleArn'];
    const modelId = body['modelId'];
    const input = (body['inputDataConfig'] as { s3InputDataConfig?: { s3Uri?: unknown; s3InputFormat?: unknown } } | undefined)?.s3InputDataConfig;
    const output = (body['outputDataConfig'] as { s3OutputDataConfig?: { s3Uri?: unknown } } | undefined)?.s3OutputDataConfig;
    if (typeof jobName !== 'string' || !JOB_NAME.test(jobName)) errors.push(`Value '${String(jobName)}' at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}`);
    if (typeof roleArn !== 'string' || !ROLE_ARN.test(roleArn)) errors.push(`Value '${String(roleArn)}' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+`);
    if (typeof modelId !== 'string' || modelId === '') errors.push(`Value null at 'modelId' failed to satisfy constraint: Member must not be null`);
    if (typeof input?.s3Uri !== 'string' || !S3_URI.test(input.s3Uri)) errors.push(`Value '${String(input?.s3Uri)}' at 'inputDataConfig.s3InputDataConfig.s3Uri' failed to satisfy constraint: Member must satisfy regular expression pattern: s3://[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:/[-!_*'().a-z0-9A-Z]+(?:/[-!_*'().a-z0-9A-Z]+)*)?/?`);
    if (typeof output?.s3Uri !== 'string' || !S3_URI.test(output.s3Uri)) errors.push(`Value '${String(output?.s3Uri)}' at 'outputDataConfig.s3OutputDataConfig.s3Uri' failed to satisfy constraint: Member must satisfy regular expression pattern: s3://[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:/[-!_*'().a-z0-9A-Z]+(?:/[-!_*'().a-z0-9A-Z]+)*)?/?`);
    const timeout = body['timeoutDurationInHours'] ?? 24;
    if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 24 || timeout > 168) errors.push(`Value '${String(timeout)}' at 'timeoutDurationInHours' failed to satisfy constraint: Member must have value between 24 and 168`);
    const invocationType = body['modelInvocationType'] ?? 'InvokeModel';
    if (invocationType !== 'InvokeModel' && invocationType !== 'Converse') errors.push(`Value '${String(invocationType)}' at 'modelInvocationType' failed to satisfy constraint: Member must satisfy enum value set: [InvokeModel, Converse]`);
    if (errors.length > 0) throw validationError(`${errors.length} validation error${errors.length === 1 ? '' : 's'} detected: ${errors.join('; ')}`);
    const resolved = this.#state.models.resolve(modelId as string, region);
    if (invocationType === 'InvokeModel' && embeddingFamilyOf(resolved.model.id) === undefined) {
      throw validationError(`The emulator runs InvokeModel batch jobs for embedding models only; use modelInvocationType Converse for ${String(modelId)}.`);
    }
    for (const job of this.#jobs.values()) {
      if (job.request['jobName'] === jobName) throw new EmulatorError('ConflictException', 400, `A job with the name ${String(jobName)} already exists.`);
    }
    const id = randomUUID().replace(/-/g, '').slice(0, 12);
    const now = new Date();
    const job: Job = {
      id,
      arn: `arn:aws:bedrock:${region}:${ACCOUNT}:model-invocation-job/${id}`,
      request: { ...body, timeoutDurationInHours: timeout, modelInvocationType: invocationType },
      modelId: modelId as string,
      region,
      invocationType: invocationType as 'InvokeModel' | 'Converse',
      status: 'Submitted',
      message: undefined,
      submitTime: now,
      lastModifiedTime: now,
      endTime: undefined,
      expirationTime: new Date(now.getTime() + (timeout as number) * 3_600_000),
      total: undefined,
      processed: 0,
      success: 0,
      error: 0,
      stopRequested: false,
      faults: this.#takeFaults(modelId as string),
    };
    this.#jobs.set(id, job);
    void this.#run(job).catch((error: unknown) => this.#finish(job, 'Failed', `Internal error: ${(error as Error).message}`));
    return { jobArn: job.arn };
  }

  #takeFaults(modelId: string): BatchFaultSpec[] {
    const taken: BatchFaultSpec[] = [];
    for (const fault of [...this.#faults]) {
      if (fault.model !== undefined && fault.model !== modelId) continue;
      taken.push(fault);
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    }
    return taken;
  }

  #stop(job: Job): Record<string, never> {
    if (TERMINAL.has(job.status) || job.status === 'Stopping') {
      throw validationError(`The job ${job.arn} can't be stopped because it is in the ${job.status} state.`);
    }
    job.stopRequested = true;
    this.#setStatus(job, 'Stopping');
    return {};
  }

  #list(query: URLSearchParams): unknown {
    const maxResults = Number(query.get('maxResults') ?? 1000);
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
      throw validationError(`1 validation error detected: Value '${query.get('maxResults')}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`);
    }
    const status = query.get('statusEquals');
    const name = query.get('nameContains');
    const after = query.get('submitTimeAfter');
    const before = query.get('submitTimeBefore');
    const ascending = query.get('sortOrder') === 'Ascending';
    let jobs = [...this.#jobs.values()].filter(
      (job) =>
        (status === null || job.status === status) &&
        (name === null || String(job.request['jobName']).includes(name)) &&
        (after === null || job.submitTime > new Date(after)) &&
        (before === null || job.submitTime < new Date(before)),
    );
    jobs = jobs.sort((left, right) => (ascending ? 1 : -1) * (left.submitTime.getTime() - right.submitTime.getTime()));
    const start = Number(query.get('nextToken') ?? 0) || 0;
    const page = jobs.slice(start, start + maxResults);
    const next = start + maxResults < jobs.length ? String(start + maxResults) : undefined;
    return { invocationJobSummaries: page.map(describeJob), ...(next === undefined ? {} : { nextToken: next }) };
  }

  #setStatus(job: Job, status: JobStatus, message?: string): void {
    job.status = status;
    job.lastModifiedTime = new Date();
    if (message !== undefined) job.message = message;
  }

  #finish(job: Job, status: JobStatus, message?: string): void {
    if (TERMINAL.has(job.status)) return;
    this.#setStatus(job, status, message);
    job.endTime = job.lastModifiedTime;
  }

  async #step(job: Job, status: JobStatus): Promise<boolean> {
    await sleep(this.#pacing.stepDelayMs);
    if (job.stopRequested) {
      this.#finish(job, 'Stopped');
      return false;
    }
    this.#setStatus(job, status);
    return true;
  }

  async #run(job: Job): Promise<void> {
    const s3 = this.#state.s3;
    const inputUri = parseS3Uri(String((job.request['inputDataConfig'] as { s3InputDataConfig: { s3Uri: string } }).s3InputDataConfig.s3Uri));
    const outputUri = parseS3Uri(String((job.request['outputDataConfig'] as { s3OutputDataConfig: { s3Uri: string } }).s3OutputDataConfig.s3Uri));
    if (inputUri === undefined || outputUri === undefined) return this.#finish(job, 'Failed', 'Invalid S3 URI.');
    if (!(await this.#step(job, 'Validating'))) return;
    // The input: one object, or every .jsonl object under a prefix.
    let inputKeys: string[];
    try {
      inputKeys = s3.get(inputUri.bucket, inputUri.key) !== undefined ? [inputUri.key] : s3.keys(inputUri.bucket, inputUri.key).filter((key) => key.endsWith('.jsonl'));
      s3.get(outputUri.bucket, '');
    } catch (error) {
      return this.#finish(job, 'Failed', `Unable to access the S3 location: ${(error as Error).message}`);
    }
    if (inputKeys.length === 0) return this.#finish(job, 'Failed', `No input files were found at ${inputUri.bucket}/${inputUri.key}.`);
    let total = 0;
    for (const key of inputKeys) {
      const stored = s3.get(inputUri.bucket, key);
      if (stored === undefined) continue;
      let lineNumber = 0;
      for await (const line of createInterface({ input: createReadStream(stored.file), crlfDelay: Infinity })) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        const record = parseRecord(line);
        if (record === undefined) return this.#finish(job, 'Failed', `Invalid JSON at line ${lineNumber} of ${key}: each line must be a JSON object with a modelInput field.`);
        total += 1;
      }
    }
    job.total = total;
    if (total < this.#pacing.minRecords) {
      return this.#finish(job, 'Failed', `The number of records in the input (${total}) is less than the minimum required (${this.#pacing.minRecords}).`);
    }
    if (this.#pacing.maxRecords !== undefined && total > this.#pacing.maxRecords) {
      return this.#finish(job, 'Failed', `The number of records in the input (${total}) exceeds the maximum allowed (${this.#pacing.maxRecords}).`);
    }
    if (!(await this.#step(job, 'Scheduled'))) return;
    if (!(await this.#step(job, 'InProgress'))) return;

    const outcomeFault = job.faults.find((fault) => fault.outcome !== undefined);
    const prefix = outputUri.key === '' || outputUri.key.endsWith('/') ? outputUri.key : `${outputUri.key}/`;
    let inputTokens = 0;
    let outputTokens = 0;
    let ended: JobStatus | undefined;
    for (const key of inputKeys) {
      const stored = s3.get(inputUri.bucket, key);
      if (stored === undefined) continue;
      const outFile = s3.newFile();
      const out = createWriteStream(outFile);
      let block: string[] = [];
      for await (const line of createInterface({ input: createReadStream(stored.file), crlfDelay: Infinity })) {
        if (line.trim() === '') continue;
        if (ended === undefined && job.stopRequested) ended = 'Stopped';
        if (ended === undefined && outcomeFault !== undefined && job.processed >= (outcomeFault.afterRecords ?? 0)) ended = outcomeFault.outcome;
        if (ended !== undefined) break;
        const record = parseRecord(line) as { recordId?: string; modelInput: unknown };
        const result = this.#runRecord(job, record.modelInput);
        const recordId = record.recordId ?? randomUUID().replace(/-/g, '').slice(0, 11).toUpperCase();
        if ('error' in result) job.error += 1;
        else {
          job.success += 1;
          inputTokens += result.inputTokens;
          outputTokens += result.outputTokens;
        }
        job.processed += 1;
        block.push(JSON.stringify({ recordId, modelInput: record.modelInput, ...('error' in result ? { error: result.error } : { modelOutput: result.modelOutput }) }));
        if (block.length >= this.#pacing.recordsPerTick) {
          await writeBlock(out, block);
          block = [];
          await sleep(this.#pacing.tickDelayMs);
        }
      }
      await writeBlock(out, block);
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      const fileName = key.slice(key.lastIndexOf('/') + 1);
      await s3.commitFile(outputUri.bucket, `${prefix}${job.id}/${fileName}.out`, outFile, 'application/octet-stream');
      if (ended !== undefined) break;
    }
    const manifest = {
      totalRecordCount: job.total,
      processedRecordCount: job.processed,
      successRecordCount: job.success,
      errorRecordCount: job.error,
      inputTokenCount: inputTokens,
      outputTokenCount: outputTokens,
    };
    await s3.put(outputUri.bucket, `${prefix}${job.id}/manifest.json.out`, Buffer.from(JSON.stringify(manifest)), 'application/octet-stream');
    if (ended === 'Stopped') return this.#finish(job, 'Stopped');
    if (ended === 'Failed') return this.#finish(job, 'Failed', 'Injected job failure.');
    if (ended === 'Expired') return this.#finish(job, 'Expired', 'The job did not complete within the timeout duration.');
    this.#finish(job, job.error === 0 ? 'Completed' : 'PartiallyCompleted');
  }

  #runRecord(job: Job, modelInput: unknown): { modelOutput: unknown; inputTokens: number; outputTokens: number } | { error: { errorCode: number; errorMessage: string } } {
    const text = JSON.stringify(modelInput);
    const fault = job.faults.find((candidate) => candidate.failRecordsContaining !== undefined && text.includes(candidate.failRecordsContaining));
    if (fault !== undefined) return { error: { errorCode: fault.error?.code ?? 400, errorMessage: fault.error?.message ?? 'Injected record error.' } };
    try {
      const model = this.#state.models.resolve(job.modelId, job.region).model;
      if (job.invocationType === 'Converse') {
        const request = validateConverseRequest(modelInput, { model, operation: 'Converse' });
        const reply = replyFor(request, {
          model,
          promptCache: this.#state.operations.promptCache,
          guardrailTrigger: this.#state.operations.guardrailTrigger,
          redactedThinkingTrigger: this.#state.operations.redactedThinkingTrigger,
        });
        const modelOutput = {
          output: { message: { role: 'assistant', content: reply.content } },
          stopReason: reply.stopReason,
          usage: reply.usage,
          metrics: { latencyMs: 1 },
          ...(reply.additionalModelResponseFields === undefined ? {} : { additionalModelResponseFields: reply.additionalModelResponseFields }),
        };
        return { modelOutput, inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens };
      }
      const family = embeddingFamilyOf(model.id);
      if (family === undefined) throw validationError(`The emulator cannot run ${model.id} through InvokeModel in a batch job.`);
      const result = invokeEmbedding(family, modelInput, job.id);
      return { modelOutput: result.body, inputTokens: result.inputTokens, outputTokens: 0 };
    } catch (error) {
      if (error instanceof EmulatorError) return { error: { errorCode: error.status, errorMessage: error.message } };
      throw error;
    }
  }
}

function parseRecord(line: string): { recordId?: string; modelInput: unknown } | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value !== 'object' || value === null || !('modelInput' in value)) return undefined;
    return value as { recordId?: string; modelInput: unknown };
  } catch {
    return undefined;
  }
}

/** Writes a block of output lines in reverse: Bedrock's output order is not the input's, and readers must join by recordId. */
function writeBlock(out: WriteStream, block: string[]): Promise<void> {
  if (block.length === 0) return Promise.resolve();
  const text = `${block.reverse().join('\n')}\n`;
  return new Promise((resolve, reject) => {
    if (out.write(text)) resolve();
    else out.once('drain', resolve).once('error', reject);
  });
}

function describeJob(job: Job): Record<string, unknown> {
  const request = job.request;
  return {
    jobArn: job.arn,
    jobName: request['jobName'],
    modelId: job.modelId,
    ...(request['clientRequestToken'] === undefined ? {} : { clientRequestToken: request['clientRequestToken'] }),
    roleArn: request['roleArn'],
    status: job.status,
    ...(job.message === undefined ? {} : { message: job.message }),
    submitTime: job.submitTime.toISOString(),
    lastModifiedTime: job.lastModifiedTime.toISOString(),
    ...(job.endTime === undefined ? {} : { endTime: job.endTime.toISOString() }),
    inputDataConfig: request['inputDataConfig'],
    outputDataConfig: request['outputDataConfig'],
    timeoutDurationInHours: request['timeoutDurationInHours'],
    jobExpirationTime: job.expirationTime.toISOString(),
    modelInvocationType: job.invocationType,
    ...(job.total === undefined ? {} : { totalRecordCount: job.total }),
    processedRecordCount: job.processed,
    successRecordCount: job.success,
    errorRecordCount: job.error,
  };
}
