/**
 * `client.files`: OpenAI's Files API over objects in S3 (under `batch.s3Uri`), for batch input and output.
 *
 * ```ts
 * const file = await client.files.create({ file: fs.createReadStream('requests.jsonl'), purpose: 'batch' });
 * const text = await (await client.files.content(outputFileId)).text();
 * ```
 *
 * Stateless: a file ID names its object, so any process with the same `batch.s3Uri` can read it.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { RequestOptions } from '../client.js';
import { APIPromise, type APIResponse } from '../core/api-promise.js';
import { BadRequestError, NotFoundError } from '../core/errors.js';
import { APIResource } from '../core/resource.js';
import { isSet } from '../internal/is-set.js';
import { fieldSet, rejectUnknownKeys } from '../internal/known-keys.js';
import type { BatchContext } from './context.js';
import { unsupportedHandler } from './params.js';
import { batchKey, FILE_ID, fileKey, isNotFound, OUTPUT_FILE_ID, readObject, s3Send, uploadStream } from './storage.js';

/** `batch` (batch input), `user_data` (files chat and the Responses API read by `file_id`), `batch_output` (results). */
export type FilePurpose = 'batch' | 'batch_output' | 'user_data';

/** The purposes a file may be uploaded with. */
const UPLOAD_PURPOSES = ['batch', 'user_data'] as const;

/** `openai`'s `FileObject`. */
export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  /** Unix seconds. */
  created_at: number;
  filename: string;
  purpose: FilePurpose;
  status: 'uploaded' | 'processed' | 'error';
  expires_at?: number | null;
  status_details?: string | null;
}

export interface FileDeleted {
  id: string;
  object: 'file';
  deleted: boolean;
}

export interface FileList {
  object: 'list';
  data: FileObject[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

/** What `create` takes as `file`: text, bytes, a `Blob`/`File`, a web `ReadableStream`, or any async iterable of chunks (e.g. `fs.createReadStream`). */
export type Uploadable = string | Uint8Array | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

export interface FileCreateParams {
  file: Uploadable;
  /** `batch` for batch input; `user_data` for a file that chat and the Responses API read by `file_id`. */
  purpose: 'batch' | 'user_data';
  /** The file name to record. Default: the `File`'s or stream's name, else `upload.jsonl`. */
  filename?: string;
  /**
   * `openai`'s expiry of the file. Not supported: files stay in S3 until deleted (expire them with an S3 lifecycle
   * rule on the folder); refused, or dropped with a warning under `dropUnsupportedParams`.
   */
  expires_after?: { anchor: 'created_at'; seconds: number };
}

/** `files.create`'s options: the request options, and `dropUnsupportedParams` as chat's. */
export interface FileCreateOptions extends RequestOptions {
  /** Drop parameters S3 storage cannot honour (`expires_after`) with a warning instead of refusing. Default: the client's. */
  dropUnsupportedParams?: boolean | undefined;
}

/** `files.list`' params. */
export interface FileListParams {
  /** Only files uploaded with this purpose (`batch`, `user_data`; `batch_output` files are reached from their batch, not listed). */
  purpose?: string;
  /** Default 20, at most 10,000. */
  limit?: number;
  /** A file ID from a previous page. */
  after?: string;
  /** By creation time: `desc` (newest first, the default) or `asc`. */
  order?: 'asc' | 'desc';
}

const FILE_CREATE_KEYS = fieldSet<FileCreateParams>({ file: true, purpose: true, filename: true, expires_after: true });
const FILE_LIST_KEYS = fieldSet<FileListParams>({ purpose: true, limit: true, after: true, order: true });

/** Reads an uploadable as chunks. */
export function chunksOf(file: Uploadable): AsyncIterable<Uint8Array | string> {
  if (typeof file === 'string' || file instanceof Uint8Array) return (async function* () { yield file; })();
  if (typeof Blob !== 'undefined' && file instanceof Blob) return file.stream() as unknown as AsyncIterable<Uint8Array>;
  if (typeof (file as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') return file as AsyncIterable<Uint8Array>;
  if (typeof (file as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (file as ReadableStream<Uint8Array>).getReader();
    return (async function* () {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    })();
  }
  throw BadRequestError.forParam('file', '`file` must be a string, bytes, a Blob/File, a ReadableStream or an async iterable (e.g. fs.createReadStream).');
}

function filenameOf(params: FileCreateParams): string {
  if (params.filename !== undefined) return params.filename;
  const named = params.file as { name?: unknown; path?: unknown };
  if (typeof named.name === 'string' && named.name !== '') return named.name;
  if (typeof named.path === 'string') return named.path.slice(named.path.lastIndexOf('/') + 1);
  return 'upload.jsonl';
}

export class Files extends APIResource {
  /**
   * Uploads a file to S3 (under `batch.s3Uri`) with multipart upload as it is read: batch input (`purpose: 'batch'`), or
   * a document, image or video for chat and the Responses API to read by `file_id` (`purpose: 'user_data'`).
   */
  create(params: FileCreateParams, options: FileCreateOptions = {}): APIPromise<FileObject> {
    return APIPromise.from(async () => {
      if (typeof params !== 'object' || params === null) throw BadRequestError.forParam('params', '`files.create` takes { file, purpose }.');
      rejectUnknownKeys(params, FILE_CREATE_KEYS, '');
      const purpose = params.purpose;
      if (!UPLOAD_PURPOSES.includes(purpose)) {
        throw BadRequestError.forParam('purpose', `\`purpose\` must be "batch" (batch input) or "user_data" (a file for chat and the Responses API); got ${JSON.stringify(purpose)}.`);
      }
      if (isSet(params.expires_after)) {
        unsupportedHandler(this._client, options.dropUnsupportedParams)('expires_after', 'files stay in S3 until deleted; expire them with an S3 lifecycle rule on the files folder.');
      }
      const context = await this._client._batchContext();
      const id = `file-${randomBytes(12).toString('hex')}`;
      const filename = filenameOf(params);
      const bytes = await uploadStream(context, fileKey(context, id), chunksOf(params.file), {
        metadata: { filename: encodeURIComponent(filename), purpose },
        signal: options.signal ?? undefined,
      });
      return respond({ id, object: 'file', bytes, created_at: Math.floor(Date.now() / 1000), filename, purpose, status: 'processed', expires_at: null, status_details: null });
    });
  }

  /** A file's description. */
  retrieve(fileId: string, options: RequestOptions = {}): APIPromise<FileObject> {
    return APIPromise.from(async () => respond(await describeFile(await this._client._batchContext(), fileId, options)));
  }

  /** Uploaded files, newest first unless `order: 'asc'` (`limit` default 20, max 10,000; `after` a file ID from a previous page). */
  list(params: FileListParams = {}, options: RequestOptions = {}): APIPromise<FileList> {
    return APIPromise.from(async () => {
      rejectUnknownKeys(params, FILE_LIST_KEYS, '');
      const limit = params.limit ?? 20;
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw BadRequestError.forParam('limit', '`limit` must be a whole number from 1 to 10000.');
      const order = params.order ?? 'desc';
      if (order !== 'asc' && order !== 'desc') throw BadRequestError.forParam('order', `\`order\` must be "asc" or "desc"; got ${JSON.stringify(order)}.`);
      const context = await this._client._batchContext();
      // Only uploaded files are listed: any other purpose has none.
      if (params.purpose !== undefined && !(UPLOAD_PURPOSES as readonly string[]).includes(params.purpose)) return respond({ object: 'list' as const, data: [], has_more: false, first_id: null, last_id: null });
      const entries: Array<{ id: string; modified: number }> = [];
      let token: string | undefined;
      do {
        const page = await s3Send(context, 'ListObjectsV2', { Bucket: context.config.bucket, Prefix: `${context.config.prefix}files/`, ContinuationToken: token }, options);
        for (const item of page.Contents ?? []) {
          const id = item.Key?.slice(item.Key.lastIndexOf('/') + 1) ?? '';
          if (FILE_ID.test(id)) entries.push({ id, modified: item.LastModified?.getTime() ?? 0 });
        }
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
      entries.sort((left, right) => right.modified - left.modified || (left.id < right.id ? 1 : -1));
      if (order === 'asc') entries.reverse();
      // A purpose is in each file's metadata: filtering by it reads every file's description (one HEAD each), which
      // then serves the page; without a filter only the page's files are described.
      const described = params.purpose === undefined ? undefined : (await Promise.all(entries.map((entry) => describeFile(context, entry.id, options)))).filter((file) => file.purpose === params.purpose);
      const ids = described?.map((file) => file.id) ?? entries.map((entry) => entry.id);
      const start = params.after === undefined ? 0 : ids.indexOf(params.after) + 1;
      const data = described?.slice(start, start + limit) ?? (await Promise.all(ids.slice(start, start + limit).map((id) => describeFile(context, id, options))));
      return respond({ object: 'list', data, has_more: start + limit < ids.length, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    });
  }

  /** A file's bytes, as a fetch `Response` (like `openai`'s `files.content`): `.text()`, `.body`, … */
  content(fileId: string, options: RequestOptions = {}): APIPromise<Response> {
    return APIPromise.from(async () => {
      const context = await this._client._batchContext();
      const body = await readObject(context, keyOf(context, fileId), `file ${fileId}`, options);
      return respond(new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { headers: { 'content-type': 'application/octet-stream' } }));
    });
  }

  /** Deletes a file. */
  delete(fileId: string, options: RequestOptions = {}): APIPromise<FileDeleted> {
    return APIPromise.from(async () => {
      const context = await this._client._batchContext();
      await describeFile(context, fileId, options);
      await s3Send(context, 'DeleteObject', { Bucket: context.config.bucket, Key: keyOf(context, fileId) }, options);
      return respond({ id: fileId, object: 'file', deleted: true });
    });
  }
}

function respond<T>(data: T): APIResponse<T> {
  return { data, request_id: null, response: { httpStatusCode: 200, requestId: undefined, attempts: 1, totalRetryDelay: 0 } };
}

/** The S3 key of a file ID, or `NotFoundError` for an ID this package does not issue. */
export function keyOf(context: BatchContext, fileId: string): string {
  if (typeof fileId === 'string' && FILE_ID.test(fileId)) return fileKey(context, fileId);
  const output = typeof fileId === 'string' ? OUTPUT_FILE_ID.exec(fileId) : null;
  if (output !== null) return batchKey(context, output[1] ?? '', `${output[2]}.jsonl`);
  throw new NotFoundError(404, `No such file: ${JSON.stringify(fileId)}.`, { code: 'not_found', type: 'invalid_request_error', param: 'file_id' });
}

export async function describeFile(context: BatchContext, fileId: string, options: RequestOptions = {}): Promise<FileObject> {
  const key = keyOf(context, fileId);
  let head;
  try {
    head = await s3Send(context, 'HeadObject', { Bucket: context.config.bucket, Key: key }, options);
  } catch (error) {
    if (isNotFound(error)) throw new NotFoundError(404, `No such file: ${fileId}.`, { code: 'not_found', type: 'invalid_request_error', param: 'file_id' });
    throw error;
  }
  const output = OUTPUT_FILE_ID.test(fileId);
  const metadataName = head.Metadata?.['filename'];
  return {
    id: fileId,
    object: 'file',
    bytes: head.ContentLength ?? 0,
    created_at: Math.floor((head.LastModified?.getTime() ?? Date.now()) / 1000),
    filename: metadataName !== undefined ? decodeURIComponent(metadataName) : output ? `${fileId}.jsonl` : fileId,
    purpose: output ? 'batch_output' : head.Metadata?.['purpose'] === 'user_data' ? 'user_data' : 'batch',
    status: 'processed',
    expires_at: null,
    status_details: null,
  };
}

/** The most bytes a file read by `file_id` may have: Bedrock takes inline media up to 25 MB (video), documents 4.5 MB. */
const MAX_INLINE_FILE_BYTES = 25 * 1024 * 1024;

/**
 * A file's bytes and name, for chat and the Responses API reading it by `file_id`; `undefined` when there is no such
 * file. A file larger than anything Bedrock takes inline is refused before it is read.
 */
export async function readFileForModel(context: BatchContext, fileId: string, param: string, options: RequestOptions = {}): Promise<{ bytes: Uint8Array; filename: string } | undefined> {
  let described: FileObject;
  try {
    described = await describeFile(context, fileId, options);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
  if (described.bytes > MAX_INLINE_FILE_BYTES) {
    throw BadRequestError.forParam(param, `File ${fileId} is ${(described.bytes / 1024 / 1024).toFixed(1)} MB; Bedrock takes files inline up to 25 MB (documents 4.5 MB).`, 'file_too_large');
  }
  const body = await readObject(context, keyOf(context, fileId), `file ${fileId}`, options);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), filename: described.filename };
}

/**
 * The files `refs` name, read for chat and the Responses API (each ID once); an ID with no file is a
 * `BadRequestError` naming where it was given.
 */
export async function readFilesForModel(context: BatchContext, refs: ReadonlyArray<{ fileId: string; param: string }>, options: RequestOptions = {}): Promise<Map<string, { bytes: Uint8Array; filename: string }>> {
  const files = new Map<string, { bytes: Uint8Array; filename: string }>();
  for (const { fileId, param } of refs) {
    if (files.has(fileId)) continue;
    const file = await readFileForModel(context, fileId, param, options);
    if (file === undefined) {
      throw BadRequestError.forParam(param, `No such file: ${JSON.stringify(fileId)}. Upload it first with \`files.create({ file, purpose: 'user_data' })\`.`, 'file_not_found');
    }
    files.set(fileId, file);
  }
  return files;
}
