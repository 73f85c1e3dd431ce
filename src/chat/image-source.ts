/**
 * Where an `image_url` comes from, and how it becomes a Bedrock `ImageBlock` source:
 * - `data:` URLs are decoded here (pure);
 * - `s3://` URIs become `s3Location` (the format from the file extension);
 * - `https://` and `http://` URLs are left by the pure conversion as slots, which {@link fillRemoteImages} fetches
 *   (async, before the request is sent) with a size cap, a timeout and a content-type check. `imageFetch: false`
 *   turns it off, and such URLs are then rejected with a `BadRequestError`.
 */
import type { ImageBlock, ImageFormat } from '@aws-sdk/client-bedrock-runtime';
import { APIUserAbortError, BadRequestError, redactSecrets } from '../core/errors.js';

/** Remote `image_url` fetching limits when neither the client nor the request sets them: 20 MB, 10 s. */
export const DEFAULT_IMAGE_FETCH = Object.freeze({ maxBytes: 20 * 1024 * 1024, timeoutMs: 10_000 });

export const IMAGE_FORMATS: readonly ImageFormat[] = ['png', 'jpeg', 'gif', 'webp'];
/** Bedrock's per-image limit (bedrock-wire.md §1.4): 3.75 MB. */
export const MAX_IMAGE_BYTES = 3_932_160;
/** Bedrock's image count limit per request (bedrock-wire.md §1.4). */
export const MAX_IMAGES = 20;

export interface DataUrl {
  /** Lower-cased media type without parameters (`image/png`); `text/plain` when the URL names none. */
  mediaType: string;
  bytes: Uint8Array;
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Decodes a `data:` URL (RFC 2397). Throws a `BadRequestError` naming `param` when it is malformed or empty.
 */
export function parseDataUrl(url: string, param: string): DataUrl {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) {
    throw BadRequestError.forParam(param, `\`${param}\` is not a valid data URL (expected \`data:<media type>;base64,<data>\`).`);
  }
  const header = url.slice(5, comma).split(';').map((piece) => piece.trim());
  const isBase64 = header.slice(1).some((piece) => piece.toLowerCase() === 'base64');
  const mediaType = (header[0] ?? '').toLowerCase() || 'text/plain';
  const payload = url.slice(comma + 1);
  let bytes: Uint8Array;
  if (isBase64) {
    const compact = payload.replace(/\s+/g, '');
    if (!BASE64.test(compact)) throw BadRequestError.forParam(param, `\`${param}\` holds invalid base64 data.`);
    bytes = new Uint8Array(Buffer.from(compact, 'base64'));
  } else {
    try {
      bytes = new TextEncoder().encode(decodeURIComponent(payload));
    } catch {
      throw BadRequestError.forParam(param, `\`${param}\` holds invalid percent-encoded data.`);
    }
  }
  if (bytes.length === 0) throw BadRequestError.forParam(param, `\`${param}\` holds no data.`);
  return { mediaType, bytes };
}

/** `image/png` → `png`; `image/jpg` is accepted as `jpeg`. `undefined` for anything Bedrock cannot take. */
export function imageFormatFromMediaType(mediaType: string): ImageFormat | undefined {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  switch (type) {
    case 'image/png':
      return 'png';
    case 'image/jpeg':
    case 'image/jpg':
      return 'jpeg';
    case 'image/gif':
      return 'gif';
    case 'image/webp':
      return 'webp';
    default:
      return undefined;
  }
}

/** The image format the bytes' magic number says, if it is one Bedrock takes. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  const startsWith = (signature: number[], offset = 0): boolean =>
    bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith([0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith([0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}

/** `photo.JPG` → `jpeg`. */
export function imageFormatFromPath(path: string): ImageFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === 'jpg') return 'jpeg';
  return IMAGE_FORMATS.find((format) => format === extension);
}

/** A URL for messages: scheme, host and path only (query strings may hold signatures or tokens). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return redactSecrets(`${parsed.protocol}//${parsed.host}${parsed.pathname}`);
  } catch {
    return '<invalid URL>';
  }
}

/**
 * Checks that bytes said to be `declared` really are an image Bedrock takes, and returns the format.
 * `declared` undefined means "no usable content type": the magic number decides.
 */
export function checkImageBytes(bytes: Uint8Array, declared: ImageFormat | undefined, param: string, what: string): ImageFormat {
  const sniffed = sniffImageFormat(bytes);
  if (declared !== undefined && sniffed !== undefined && declared !== sniffed) {
    throw BadRequestError.forParam(param, `${what} is labelled ${declared} but its bytes are ${sniffed}.`, 'invalid_image_format');
  }
  const format = declared ?? sniffed;
  if (format === undefined) {
    throw BadRequestError.forParam(param, `${what} is not a PNG, JPEG, GIF or WebP image (the formats Bedrock accepts).`, 'invalid_image_format');
  }
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw BadRequestError.forParam(
      param,
      `${what} is ${formatMegabytes(bytes.length)}; Bedrock accepts images up to 3.75 MB.`,
      'image_too_large',
    );
  }
  return format;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

/** An image fetched from an `http(s)` URL, keyed by that URL. */
export interface FetchedImage {
  format: ImageFormat;
  bytes: Uint8Array;
}

export interface ImageFetchOptions {
  /** Largest response body read, in bytes. */
  maxBytes: number;
  /** Milliseconds per image (connection and body). */
  timeoutMs: number;
  /** The caller's signal: aborting it aborts the fetches. */
  signal?: AbortSignal | undefined;
  /** Injectable for tests. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Fetches at a time. Default 4. */
  concurrency?: number | undefined;
}

/** An image block whose bytes are at a remote URL, to be fetched before the request is sent. */
export interface RemoteImageSlot {
  url: string;
  /** Where the URL is in the request (`messages[1].content[0].image_url.url`). */
  param: string;
  /** The block to fill in (its `format` and `source` are unset until then). */
  block: ImageBlock;
}

/**
 * Fetches the image of every slot (each URL once, a few at a time) and fills the blocks in. Each fetch is bounded
 * by `timeoutMs` and `maxBytes`, and its `content-type` must be an image type Bedrock takes (a missing or generic
 * type is settled by the magic number). Failures are `BadRequestError`s naming the message part; URLs in messages
 * are cut to scheme, host and path.
 */
export async function fillRemoteImages(slots: readonly RemoteImageSlot[], options: ImageFetchOptions): Promise<void> {
  const fetched = await fetchRemoteImages(slots, options);
  for (const slot of slots) {
    const image = fetched.get(slot.url)!;
    slot.block.format = image.format;
    slot.block.source = { bytes: image.bytes };
  }
}

/** Fetches each distinct URL of `slots` (see {@link fillRemoteImages}). */
export async function fetchRemoteImages(slots: readonly { url: string; param: string }[], options: ImageFetchOptions): Promise<Map<string, FetchedImage>> {
  const urls = [...new Map(slots.map((slot) => [slot.url, slot.param])).entries()];
  const results = new Map<string, FetchedImage>();
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const [url, param] = urls[next++]!;
      results.set(url, await fetchImage(url, param, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  return results;
}

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

async function fetchImage(url: string, param: string, options: ImageFetchOptions): Promise<FetchedImage> {
  const shown = describeUrl(url);
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
  const fail = (reason: string, code = 'image_fetch_failed'): BadRequestError =>
    BadRequestError.forParam(param, `Could not use the image at ${shown}: ${reason}.`, code);
  let response: Response;
  try {
    response = await fetchFunction(url, { signal, redirect: 'follow', headers: { accept: 'image/png, image/jpeg, image/gif, image/webp' } });
  } catch (error) {
    if (options.signal?.aborted === true) throw new APIUserAbortError({ cause: error });
    if (timeout.aborted) throw fail(`no response within ${options.timeoutMs} ms (imageFetch.timeoutMs)`, 'image_fetch_timeout');
    throw fail(`the request failed (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    if (!response.ok) throw fail(`HTTP ${response.status}`);
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const declared = imageFormatFromMediaType(contentType);
    if (declared === undefined && !GENERIC_TYPES.has(contentType)) {
      throw fail(`its content-type is ${contentType}, not image/png, image/jpeg, image/gif or image/webp`, 'invalid_image_format');
    }
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length > options.maxBytes) {
      throw fail(`it is ${length} bytes, over the ${options.maxBytes}-byte limit (imageFetch.maxBytes)`, 'image_too_large');
    }
    const bytes = await readCapped(response, options.maxBytes, () =>
      fail(`it is over the ${options.maxBytes}-byte limit (imageFetch.maxBytes)`, 'image_too_large'),
    );
    if (bytes.length === 0) throw fail('the response was empty');
    return { format: checkImageBytes(bytes, declared, param, `The image at ${shown}`), bytes };
  } catch (error) {
    if (error instanceof BadRequestError) throw error;
    if (options.signal?.aborted === true) throw new APIUserAbortError({ cause: error });
    if (timeout.aborted) throw fail(`it did not arrive within ${options.timeoutMs} ms (imageFetch.timeoutMs)`, 'image_fetch_timeout');
    throw fail(`reading it failed (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    // Release the connection if the body was not read to the end.
    await response.body?.cancel().catch(() => undefined);
  }
}

async function readCapped(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  reader.releaseLock();
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
