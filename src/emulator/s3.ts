/**
 * An Amazon S3 subset, path-style (`/{bucket}/{key}`), as the S3 API reference documents it: PutObject, GetObject,
 * HeadObject, DeleteObject, ListObjectsV2 and multipart upload (CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, AbortMultipartUpload), with S3's XML error bodies (`<Error><Code>…`) and headers
 * (`ETag`, `Last-Modified`, `x-amz-request-id`, `x-amz-meta-*`).
 *
 * Objects live in files under a temporary directory (removed on close), so corpora of any size stay out of the
 * emulator's heap. Bodies sent with `aws-chunked` content encoding (the SDK's streaming uploads) are decoded; their
 * chunk signatures and trailing checksums are not verified. Parts other than the last must be at least 5 MiB
 * (`EntityTooSmall`), as S3 requires.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { rm, stat, writeFile, appendFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorError } from './errors.js';
import { endResponse, writeHead } from './http.js';
import type { OutgoingResponse } from './server.js';

/** S3's minimum size of every part but the last (5 MiB). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

export interface StoredObject {
  file: string;
  size: number;
  etag: string;
  lastModified: Date;
  contentType: string;
  metadata: Record<string, string>;
}

interface Upload {
  bucket: string;
  key: string;
  contentType: string;
  metadata: Record<string, string>;
  parts: Map<number, { file: string; size: number; etag: string }>;
}

/** An S3 error: status, `Code`, `Message`, and the resource it concerns. */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly resource: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

const noSuchBucket = (bucket: string) => new S3Error('NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: bucket });
const noSuchKey = (key: string) => new S3Error('NoSuchKey', 404, 'The specified key does not exist.', { Key: key });
const noSuchUpload = (id: string) =>
  new S3Error('NoSuchUpload', 404, 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', { UploadId: id });

/** The buckets and objects of one emulator. */
export class S3Store {
  readonly #directory = mkdtempSync(join(tmpdir(), 'bedrock-openai-emulator-s3-'));
  readonly #buckets = new Map<string, Map<string, StoredObject>>();
  readonly #uploads = new Map<string, Upload>();

  constructor(buckets: readonly string[]) {
    for (const bucket of buckets) this.createBucket(bucket);
  }

  createBucket(name: string): void {
    if (!this.#buckets.has(name)) this.#buckets.set(name, new Map());
  }

  #bucket(name: string): Map<string, StoredObject> {
    const bucket = this.#buckets.get(name);
    if (bucket === undefined) throw noSuchBucket(name);
    return bucket;
  }

  get(bucket: string, key: string): StoredObject | undefined {
    return this.#bucket(bucket).get(key);
  }

  /** Keys under a prefix, in UTF-8 binary order (as ListObjectsV2 returns them). */
  keys(bucket: string, prefix: string): string[] {
    return [...this.#bucket(bucket).keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  /** Stores an object from a buffer. */
  async put(bucket: string, key: string, body: Uint8Array, contentType = 'binary/octet-stream', metadata: Record<string, string> = {}): Promise<StoredObject> {
    const objects = this.#bucket(bucket);
    const file = join(this.#directory, randomUUID());
    await writeFile(file, body);
    return this.#commit(objects, key, file, body.length, `"${createHash('md5').update(body).digest('hex')}"`, contentType, metadata);
  }

  /** A new empty file the caller appends to, then {@link commitFile}s (for large outputs written piecemeal). */
  newFile(): string {
    return join(this.#directory, randomUUID());
  }

  async commitFile(bucket: string, key: string, file: string, contentType = 'application/octet-stream'): Promise<StoredObject> {
    const objects = this.#bucket(bucket);
    const size = (await stat(file)).size;
    const hash = createHash('md5');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return this.#commit(objects, key, file, size, `"${hash.digest('hex')}"`, contentType, {});
  }

  #commit(objects: Map<string, StoredObject>, key: string, file: string, size: number, etag: string, contentType: string, metadata: Record<string, string>): StoredObject {
    const previous = objects.get(key);
    const stored: StoredObject = { file, size, etag, lastModified: new Date(Math.floor(Date.now() / 1000) * 1000), contentType, metadata };
    objects.set(key, stored);
    if (previous !== undefined) void rm(previous.file, { force: true });
    return stored;
  }

  delete(bucket: string, key: string): void {
    const objects = this.#bucket(bucket);
    const previous = objects.get(key);
    objects.delete(key);
    if (previous !== undefined) void rm(previous.file, { force: true });
  }

  createUpload(bucket: string, key: string, contentType: string, metadata: Record<string, string>): string {
    this.#bucket(bucket);
    const id = randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');
    this.#uploads.set(id, { bucket, key, contentType, metadata, parts: new Map() });
    return id;
  }

  #upload(bucket: string, key: string, id: string): Upload {
    const upload = this.#uploads.get(id);
    if (upload === undefined || upload.bucket !== bucket || upload.key !== key) throw noSuchUpload(id);
    return upload;
  }

  async uploadPart(bucket: string, key: string, id: string, partNumber: number, body: Uint8Array): Promise<string> {
    const upload = this.#upload(bucket, key, id);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
      throw new S3Error('InvalidArgument', 400, 'Part number must be an integer between 1 and 10000, inclusive', { ArgumentName: 'partNumber' });
    }
    const file = join(this.#directory, randomUUID());
    await writeFile(file, body);
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    const previous = upload.parts.get(partNumber);
    upload.parts.set(partNumber, { file, size: body.length, etag });
    if (previous !== undefined) void rm(previous.file, { force: true });
    return etag;
  }

  async completeUpload(bucket: string, key: string, id: string, parts: ReadonlyArray<{ partNumber: number; etag: string }>): Promise<StoredObject> {
    const upload = this.#upload(bucket, key, id);
    if (parts.length === 0) throw new S3Error('MalformedXML', 400, 'The XML you provided was not well-formed or did not validate against our published schema');
    let previousNumber = 0;
    const chosen: Array<{ file: string; size: number; etag: string }> = [];
    for (const [index, part] of parts.entries()) {
      if (part.partNumber <= previousNumber) throw new S3Error('InvalidPartOrder', 400, 'The list of parts was not in ascending order. The parts list must be specified in order by part number.');
      previousNumber = part.partNumber;
      const stored = upload.parts.get(part.partNumber);
      if (stored === undefined || stored.etag.replace(/"/g, '') !== part.etag.replace(/"/g, '')) {
        throw new S3Error('InvalidPart', 400, 'One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part\'s entity tag.');
      }
      if (index < parts.length - 1 && stored.size < MIN_PART_SIZE) {
        throw new S3Error('EntityTooSmall', 400, 'Your proposed upload is smaller than the minimum allowed object size.');
      }
      chosen.push(stored);
    }
    const file = join(this.#directory, randomUUID());
    await writeFile(file, new Uint8Array());
    let size = 0;
    const md5s: Buffer[] = [];
    for (const part of chosen) {
      await appendFile(file, await readAll(part.file));
      size += part.size;
      md5s.push(Buffer.from(part.etag.replace(/"/g, ''), 'hex'));
    }
    // S3's multipart ETag: the MD5 of the parts' binary MD5s, a dash, and the part count.
    const etag = `"${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-${chosen.length}"`;
    this.#discardUpload(id);
    return this.#commit(this.#bucket(bucket), key, file, size, etag, upload.contentType, upload.metadata);
  }

  abortUpload(bucket: string, key: string, id: string): void {
    this.#upload(bucket, key, id);
    this.#discardUpload(id);
  }

  #discardUpload(id: string): void {
    const upload = this.#uploads.get(id);
    if (upload === undefined) return;
    this.#uploads.delete(id);
    for (const part of upload.parts.values()) void rm(part.file, { force: true }).catch(() => undefined);
  }

  /** Copies an object's file to `target` (for readers that must not see a later overwrite). */
  async snapshot(stored: StoredObject, target: string): Promise<void> {
    await copyFile(stored.file, target);
  }

  close(): void {
    rmSync(this.#directory, { recursive: true, force: true });
  }
}

async function readAll(file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Decodes an `aws-chunked` body (`<hex size>[;chunk-signature=…]\r\n<data>\r\n … 0\r\n<trailers>\r\n\r\n`). */
export function decodeAwsChunked(body: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd === -1) break;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size)) throw new S3Error('IncompleteBody', 400, 'The request body terminated unexpectedly');
    if (size === 0) break;
    chunks.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(chunks);
}

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sendXml(response: OutgoingResponse, status: number, xml: string, requestId: string, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
  writeHead(response, status, { 'content-type': 'application/xml', 'content-length': payload.length, 'x-amz-request-id': requestId, ...headers });
  endResponse(response, payload);
}

/** Sends an S3 error: XML body, except for HEAD (no body, as S3 answers). */
export function sendS3Error(response: OutgoingResponse, error: S3Error, requestId: string, method: string): void {
  if (method === 'HEAD') {
    writeHead(response, error.status, { 'x-amz-request-id': requestId, 'content-length': 0 });
    endResponse(response);
    return;
  }
  const resource = Object.entries(error.resource)
    .map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`)
    .join('');
  sendXml(response, error.status, `<Error><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message>${resource}<RequestId>${requestId}</RequestId></Error>`, requestId);
}

/** The S3 error for an authentication failure of the shared SigV4 verifier. */
export function s3AuthError(error: EmulatorError): S3Error {
  switch (error.name) {
    case 'UnrecognizedClientException':
      return new S3Error('InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.');
    case 'InvalidSignatureException':
      return /Signature (expired|not yet current)/.test(error.message)
        ? new S3Error('RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.')
        : new S3Error('SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
    case 'MissingAuthenticationTokenException':
      return new S3Error('AccessDenied', 403, 'Access Denied');
    default:
      return new S3Error('AuthorizationHeaderMalformed', 400, error.message);
  }
}

function metadataOf(headers: Record<string, string | undefined>): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (name.startsWith('x-amz-meta-') && value !== undefined) metadata[name.slice(11)] = value;
  return metadata;
}

function objectHeaders(stored: StoredObject, requestId: string): Record<string, string | number> {
  const headers: Record<string, string | number> = {
    'content-type': stored.contentType,
    'content-length': stored.size,
    etag: stored.etag,
    'last-modified': stored.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    'x-amz-request-id': requestId,
  };
  for (const [name, value] of Object.entries(stored.metadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}

export interface S3Request {
  method: string;
  rawPath: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/** Serves one S3 request. */
export async function handleS3(store: S3Store, request: S3Request, response: OutgoingResponse, requestId: string): Promise<void> {
  const questionMark = request.rawPath.indexOf('?');
  const path = questionMark === -1 ? request.rawPath : request.rawPath.slice(0, questionMark);
  const query = new URLSearchParams(questionMark === -1 ? '' : request.rawPath.slice(questionMark + 1));
  const slash = path.indexOf('/', 1);
  const bucket = decodeURIComponent(slash === -1 ? path.slice(1) : path.slice(1, slash));
  const key = slash === -1 ? '' : decodeURIComponent(path.slice(slash + 1));
  const { method, headers } = request;
  const body = (headers['content-encoding'] ?? '').includes('aws-chunked') || (headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-')
    ? decodeAwsChunked(request.body)
    : request.body;
  if (bucket === '') throw new S3Error('MethodNotAllowed', 405, 'The specified method is not allowed against this resource.');

  if (key === '') {
    if (method === 'GET' && query.get('list-type') === '2') return listObjects(store, bucket, query, response, requestId);
    throw new S3Error('NotImplemented', 501, 'A header you provided implies functionality that is not implemented');
  }
  const uploadId = query.get('uploadId');
  if (method === 'POST' && query.has('uploads')) {
    const id = store.createUpload(bucket, key, headers['content-type'] ?? 'binary/octet-stream', metadataOf(headers));
    return sendXml(response, 200, `<InitiateMultipartUploadResult><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`, requestId);
  }
  if (method === 'PUT' && uploadId !== null) {
    const etag = await store.uploadPart(bucket, key, uploadId, Number(query.get('partNumber')), body);
    writeHead(response, 200, { etag, 'content-length': 0, 'x-amz-request-id': requestId });
    return endResponse(response);
  }
  if (method === 'POST' && uploadId !== null) {
    const xml = body.toString('utf8');
    const parts = [...xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map((match) => ({
      partNumber: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(match[1] ?? '')?.[1]),
      etag: (/<ETag>([^<]*)<\/ETag>/.exec(match[1] ?? '')?.[1] ?? '').replace(/&quot;/g, '"'),
    }));
    const stored = await store.completeUpload(bucket, key, uploadId, parts);
    return sendXml(
      response,
      200,
      `<CompleteMultipartUploadResult><Location>/${xmlEscape(bucket)}/${xmlEscape(key)}</Location><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(stored.etag)}</ETag></CompleteMultipartUploadResult>`,
      requestId,
    );
  }
  if (method === 'DELETE' && uploadId !== null) {
    store.abortUpload(bucket, key, uploadId);
    writeHead(response, 204, { 'x-amz-request-id': requestId });
    return endResponse(response);
  }
  if (method === 'PUT') {
    const stored = await store.put(bucket, key, body, headers['content-type'] ?? 'binary/octet-stream', metadataOf(headers));
    writeHead(response, 200, { etag: stored.etag, 'content-length': 0, 'x-amz-request-id': requestId });
    return endResponse(response);
  }
  if (method === 'GET' || method === 'HEAD') {
    const stored = store.get(bucket, key);
    if (stored === undefined) throw noSuchKey(key);
    writeHead(response, 200, objectHeaders(stored, requestId));
    if (method === 'HEAD') return endResponse(response);
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(stored.file);
      stream.on('error', reject);
      stream.on('end', () => resolve());
      stream.pipe(response as NodeJS.WritableStream);
    });
    return;
  }
  if (method === 'DELETE') {
    store.delete(bucket, key);
    writeHead(response, 204, { 'x-amz-request-id': requestId });
    return endResponse(response);
  }
  throw new S3Error('MethodNotAllowed', 405, 'The specified method is not allowed against this resource.');
}

function listObjects(store: S3Store, bucket: string, query: URLSearchParams, response: OutgoingResponse, requestId: string): void {
  const prefix = query.get('prefix') ?? '';
  const maxKeys = Math.min(1000, Math.max(0, Number(query.get('max-keys') ?? 1000) || 0));
  const token = query.get('continuation-token');
  const startAfter = token !== null ? Buffer.from(token, 'base64url').toString('utf8') : (query.get('start-after') ?? '');
  const keys = store.keys(bucket, prefix).filter((key) => key > startAfter);
  const page = keys.slice(0, maxKeys);
  const truncated = keys.length > page.length;
  const contents = page
    .map((key) => {
      const stored = store.get(bucket, key) as StoredObject;
      return `<Contents><Key>${xmlEscape(key)}</Key><LastModified>${stored.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(stored.etag)}</ETag><Size>${stored.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
    })
    .join('');
  const next = truncated ? `<NextContinuationToken>${Buffer.from(page.at(-1) ?? '').toString('base64url')}</NextContinuationToken>` : '';
  const continuation = token === null ? '' : `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>`;
  sendXml(
    response,
    200,
    `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${continuation}${next}${contents}</ListBucketResult>`,
    requestId,
  );
}

/** Reads an S3 URI (`s3://bucket/key`). */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (match === null) return undefined;
  return { bucket: match[1] ?? '', key: match[2] ?? '' };
}
