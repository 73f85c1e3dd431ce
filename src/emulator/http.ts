/** Small HTTP helpers shared by the router and the operations: body reading, headers, JSON and error replies. */
import type { IncomingRequest, OutgoingResponse } from './server.js';
import type { EmulatorError } from './errors.js';

/** Reads the whole request body. */
export function readBody(request: IncomingRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Lower-cased request headers as single strings (repeated headers joined with `,`). */
export function headersOf(request: IncomingRequest): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    result[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return result;
}

type HeaderMap = Record<string, string | number>;

/** Writes status and headers; works for HTTP/1.1 and HTTP/2 compatibility responses alike. */
export function writeHead(response: OutgoingResponse, status: number, headers: HeaderMap): void {
  (response as { writeHead(status: number, headers: HeaderMap): unknown }).writeHead(status, headers);
}

/** Writes one chunk; returns false once the client has gone. */
export function writeChunk(response: OutgoingResponse, chunk: Uint8Array): boolean {
  if (response.destroyed || response.writableEnded) return false;
  (response as { write(chunk: Uint8Array): boolean }).write(chunk);
  return true;
}

/** Ends the response (with an optional last chunk), unless the client has already gone. */
export function endResponse(response: OutgoingResponse, chunk?: Uint8Array | string): void {
  if (response.destroyed || response.writableEnded) return;
  (response as { end(chunk?: Uint8Array | string): unknown }).end(chunk);
}

/** Sends a JSON body with Bedrock's headers. */
export function sendJson(
  response: OutgoingResponse,
  status: number,
  body: unknown,
  requestId: string,
  extraHeaders: HeaderMap = {},
): void {
  const payload = Buffer.from(JSON.stringify(body));
  writeHead(response, status, {
    'content-type': 'application/json',
    'content-length': payload.length,
    'x-amzn-requestid': requestId,
    ...extraHeaders,
  });
  endResponse(response, payload);
}

/** Sends an error exactly as Bedrock does: status, `x-amzn-ErrorType`, `{"message": …}`. */
export function sendError(response: OutgoingResponse, error: EmulatorError, requestId: string): void {
  sendJson(response, error.status, error.body, requestId, { 'x-amzn-errortype': error.errorType });
}
