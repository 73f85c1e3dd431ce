/**
 * Where batch data lives in S3, and the calls that read and write it (through the client's transport, so retries,
 * timeouts, cancellation and error mapping are the online calls'). Layout under `batch.s3Uri`:
 *
 * | key | what |
 * |---|---|
 * | `files/<file id>` | an uploaded file (`x-amz-meta-filename`, `x-amz-meta-purpose`) |
 * | `batches/<token>/input.jsonl` | the Bedrock records of one batch (the job's input) |
 * | `batches/<token>/batch.json` | the batch's OpenAI fields (endpoint, input file, metadata, model, counts) |
 * | `batches/<token>/lines.jsonl` | per input line: `custom_id` and what its answer needs |
 * | `batches/<token>/output/<jobId>/…` | Bedrock's output (`input.jsonl.out`, `manifest.json.out`) |
 * | `batches/<token>/output.jsonl`, `errors.jsonl`, `result.json` | the OpenAI output and error files, once finalized |
 */
import { Readable } from 'node:stream';
import type { RequestOptions } from '../client.js';
import { NotFoundError } from '../core/errors.js';
import { S3_SERVICE, type S3Operations } from '../core/services.js';
import type { BatchContext } from './context.js';

export const FILE_ID = /^file-[0-9a-f]{24}$/;
export const OUTPUT_FILE_ID = /^file-batch-([0-9a-f]{12})-(output|errors)$/;

export function fileKey(context: BatchContext, id: string): string {
  return `${context.config.prefix}files/${id}`;
}

export function batchKey(context: BatchContext, token: string, name: string): string {
  return `${context.config.prefix}batches/${token}/${name}`;
}

export function s3Uri(context: BatchContext, key: string): string {
  return `s3://${context.config.bucket}/${key}`;
}

export async function s3Send<Name extends keyof S3Operations & string>(
  context: BatchContext,
  name: Name,
  input: S3Operations[Name][0],
  options: RequestOptions = {},
): Promise<S3Operations[Name][1]> {
  return context.send(S3_SERVICE, name, input, options);
}

/** An object's bytes as a stream of chunks, or `NotFoundError` naming `what`. */
export async function readObject(context: BatchContext, key: string, what: string, options: RequestOptions = {}): Promise<Readable> {
  try {
    const output = await s3Send(context, 'GetObject', { Bucket: context.config.bucket, Key: key }, options);
    return output.Body as Readable;
  } catch (error) {
    if (isNotFound(error)) throw new NotFoundError(404, `No such ${what}.`, { code: 'not_found', type: 'invalid_request_error' });
    throw error;
  }
}

export async function readJson<T>(context: BatchContext, key: string, what: string, options: RequestOptions = {}): Promise<T> {
  const body = await readObject(context, key, what, options);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

/** Whether an object exists. */
export async function exists(context: BatchContext, key: string, options: RequestOptions = {}): Promise<boolean> {
  try {
    await s3Send(context, 'HeadObject', { Bucket: context.config.bucket, Key: key }, options);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

export function putText(context: BatchContext, key: string, text: string, options: RequestOptions = {}): Promise<unknown> {
  return s3Send(context, 'PutObject', { Bucket: context.config.bucket, Key: key, Body: text, ContentType: 'application/json' }, options);
}

export function isNotFound(error: unknown): boolean {
  const name = (error as { bedrockErrorName?: string }).bedrockErrorName;
  return (error as { status?: number }).status === 404 || name === 'NoSuchKey' || name === 'NotFound';
}

/**
 * Uploads a stream of text chunks as one object with S3 multipart upload (`@aws-sdk/lib-storage`), part by part as
 * they come, so memory stays at a few parts whatever the size. Returns the byte count.
 */
export async function uploadStream(
  context: BatchContext,
  key: string,
  chunks: AsyncIterable<string | Uint8Array>,
  extra: { contentType?: string; metadata?: Record<string, string>; signal?: AbortSignal | undefined } = {},
): Promise<number> {
  const [{ Upload }, client] = await Promise.all([import('@aws-sdk/lib-storage'), context.s3Client()]);
  let bytes = 0;
  const counted = Readable.from(
    (async function* () {
      for await (const chunk of chunks) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        bytes += buffer.length;
        yield buffer;
      }
    })(),
  );
  const upload = new Upload({
    client: client as never,
    params: { Bucket: context.config.bucket, Key: key, Body: counted, ContentType: extra.contentType ?? 'application/jsonl', Metadata: extra.metadata },
    queueSize: 2,
    leavePartsOnError: false,
  });
  const onAbort = (): void => void upload.abort().catch(() => undefined);
  extra.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await upload.done();
  } catch (error) {
    counted.destroy();
    throw context.mapError(error);
  } finally {
    extra.signal?.removeEventListener('abort', onAbort);
  }
  return bytes;
}

/** Splits a byte stream into lines (UTF-8, `\n` or `\r\n`), yielding each with its 1-based number. */
export async function* readLines(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<{ text: string; lineNumber: number }> {
  const decoder = new TextDecoder();
  let pending = '';
  let lineNumber = 0;
  for await (const chunk of body) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      lineNumber += 1;
      const text = pending.slice(0, newline).replace(/\r$/, '');
      pending = pending.slice(newline + 1);
      yield { text, lineNumber };
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending !== '') yield { text: pending.replace(/\r$/, ''), lineNumber: lineNumber + 1 };
}

/** An async iterable fed by `push` (which waits while the consumer is behind), ended by `close`. Bounded: one chunk in flight. */
export class Channel<T> implements AsyncIterable<T> {
  #buffer: T[] = [];
  #closed = false;
  #wakeConsumer: (() => void) | undefined;
  #wakeProducer: (() => void) | undefined;
  readonly #limit: number;

  constructor(limit = 64) {
    this.#limit = limit;
  }

  async push(value: T): Promise<void> {
    this.#buffer.push(value);
    this.#wakeConsumer?.();
    while (this.#buffer.length >= this.#limit && !this.#closed) await new Promise<void>((resolve) => (this.#wakeProducer = resolve));
  }

  close(): void {
    this.#closed = true;
    this.#wakeConsumer?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.#buffer.length > 0) {
        const values = this.#buffer;
        this.#buffer = [];
        this.#wakeProducer?.();
        yield* values;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => (this.#wakeConsumer = resolve));
    }
  }
}
