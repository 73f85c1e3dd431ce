/**
 * Reading a request's body within a size limit, as JSON or as a multipart form (a file upload): a declared
 * `content-length` over the limit is refused before reading, a body that grows past it is cancelled at the limit
 * (413); a body that is not a JSON object, or not a form, is a 400.
 */
import { httpError } from './errors.js';
import { inProcessBody } from './in-process.js';

/** Default limit of a request body: 32 MiB (images and documents travel inline as base64). */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function readJsonBody(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  // A declared length bounds the body (Node's HTTP parser reads that many bytes and no more), so it is read whole,
  // by the request's own `text()`: a server's request (@hono/node-server) then reads the socket directly, without
  // making a web stream of it. Without one, the body is read as a stream and cancelled at the limit.
  const text = inProcessBody(request) ?? (Number.isFinite(declared) ? await request.text() : await readText(request, maxBytes));
  // An in-process body, or a `Request` made in memory that declares less than it holds, is measured once read.
  if (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes) throw tooLarge(maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw httpError(400, 'We could not parse the JSON body of your request. The body must be a JSON object.', { code: 'invalid_json' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw httpError(400, 'The request body must be a JSON object.', { code: 'invalid_json' });
  }
  return value as Record<string, unknown>;
}

/** Reads a `multipart/form-data` (or urlencoded) body within `maxBytes`. */
export async function readFormBody(request: Request, maxBytes: number): Promise<FormData> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const notAForm = (): never => {
    throw httpError(400, 'Expected a multipart/form-data body with `file` and `purpose`.', { code: 'invalid_request' });
  };
  // A declared length bounds the body (Node's HTTP parser reads no more); otherwise it is read up to the limit first.
  if (!Number.isFinite(declared)) {
    const bytes = await readBytes(request, maxBytes);
    return new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData().catch(notAForm);
  }
  const form = await request.formData().catch(notAForm);
  // A `Request` made in memory may declare less than it holds: measured once read, as a JSON body is.
  let size = 0;
  for (const [, value] of form) size += typeof value === 'string' ? value.length : value.size;
  if (size > maxBytes) throw tooLarge(maxBytes);
  return form;
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBytes(request, maxBytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** The body's bytes, cancelled with a 413 once they pass `maxBytes`. */
async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const body = request.body;
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    parts.push(value);
  }
  if (parts.length === 1) return parts[0]!;
  return Buffer.concat(parts, size);
}

function tooLarge(maxBytes: number): Error {
  return httpError(413, `The request body is larger than this server accepts (${maxBytes} bytes).`, { code: 'request_too_large' });
}
