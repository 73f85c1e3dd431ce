/**
 * Reading a request's JSON body within a size limit: a declared `content-length` over the limit is refused before
 * reading, a body that grows past it is cancelled at the limit (413); a body that is not a JSON object is a 400.
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

async function readText(request: Request, maxBytes: number): Promise<string> {
  const body = request.body;
  if (body === null) return '';
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
  if (parts.length === 1) return Buffer.from(parts[0]!.buffer, parts[0]!.byteOffset, parts[0]!.byteLength).toString('utf8');
  return Buffer.concat(parts, size).toString('utf8');
}

function tooLarge(maxBytes: number): Error {
  return httpError(413, `The request body is larger than this server accepts (${maxBytes} bytes).`, { code: 'request_too_large' });
}
