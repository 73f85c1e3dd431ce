import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ImageBlock } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIUserAbortError, BadRequestError } from '../../src/core/errors.js';
import { fillRemoteImages, imageFormatFromPath, parseDataUrl, type RemoteImageSlot, sniffImageFormat } from '../../src/chat/image-source.js';
import { badRequest, GIF, JPEG, PNG, rejection, WEBP } from './helpers.js';

describe('parseDataUrl', () => {
  it.each([
    ['data:image/png;base64,iVBORw0KGgo=', 'image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['data:Image/PNG;charset=x;base64,iVBO\nRw0KGgo=', 'image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['data:,hello%20world', 'text/plain', [...Buffer.from('hello world')]],
    ['data:text/csv,a%2Cb', 'text/csv', [...Buffer.from('a,b')]],
  ])('decodes %s', (url, mediaType, bytes) => {
    const parsed = parseDataUrl(url, 'p');
    expect(parsed.mediaType).toBe(mediaType);
    expect([...parsed.bytes]).toEqual(bytes);
  });

  it.each(['image/png;base64,AAAA', 'data:image/png;base64', 'data:image/png;base64,!!', 'data:image/png;base64,', 'data:,%E0%A4%A'])('rejects %s', (url) => {
    expect(badRequest(() => parseDataUrl(url, 'messages[0].content[0].image_url.url')).param).toBe('messages[0].content[0].image_url.url');
  });
});

describe('image formats', () => {
  it.each([
    [PNG, 'png'],
    [JPEG, 'jpeg'],
    [GIF, 'gif'],
    [WEBP, 'webp'],
    [Uint8Array.from([0x42, 0x4d, 0, 0]), undefined],
    [new Uint8Array(0), undefined],
  ])('sniffs %#', (bytes, format) => {
    expect(sniffImageFormat(bytes)).toBe(format);
  });

  it.each([
    ['s3://b/a.png', 'png'],
    ['s3://b/a.JPEG', 'jpeg'],
    ['s3://b/a.jpg', 'jpeg'],
    ['s3://b/a.webp', 'webp'],
    ['s3://b/a', undefined],
  ])('reads the format of %s', (path, format) => {
    expect(imageFormatFromPath(path)).toBe(format);
  });
});

describe('fillRemoteImages (against a local server)', () => {
  let server: Server;
  let base: string;
  const hits = new Map<string, number>();
  const big = Buffer.alloc(2048, 1);
  big.set(PNG);

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const send = (status: number, type: string | undefined, body: Uint8Array | string) => {
        response.writeHead(status, type === undefined ? {} : { 'content-type': type });
        response.end(body);
      };
      switch (path) {
        case '/cat.png':
          return send(200, 'image/png', PNG);
        case '/generic':
          return send(200, 'application/octet-stream', JPEG);
        case '/untyped':
          return send(200, undefined, GIF);
        case '/page':
          return send(200, 'text/html; charset=utf-8', '<html></html>');
        case '/mislabelled':
          return send(200, 'image/png', GIF);
        case '/not-an-image':
          return send(200, 'application/octet-stream', 'hello');
        case '/big':
          return send(200, 'image/png', big);
        case '/big-chunked': {
          response.writeHead(200, { 'content-type': 'image/png', 'transfer-encoding': 'chunked' });
          response.write(big.subarray(0, 1024));
          response.end(big.subarray(1024));
          return;
        }
        case '/redirect':
          response.writeHead(302, { location: '/cat.png' });
          response.end();
          return;
        case '/hang':
          return; // never answers
        default:
          return send(404, 'text/plain', 'missing');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const slot = (path: string, param = 'messages[0].content[0].image_url.url'): RemoteImageSlot => ({
    url: `${base}${path}`,
    param,
    block: { format: undefined, source: undefined } as ImageBlock,
  });
  const options = { maxBytes: 1000, timeoutMs: 5000 };

  it.each([
    ['/cat.png', 'png', PNG],
    ['/generic', 'jpeg', JPEG],
    ['/untyped', 'gif', GIF],
    ['/redirect', 'png', PNG],
  ])('fills %s in as %s', async (path, format, bytes) => {
    const target = slot(path);
    await fillRemoteImages([target], options);
    expect(target.block).toEqual({ format, source: { bytes } });
  });

  it('fetches a URL used twice once, and fills both blocks', async () => {
    const before = hits.get('/cat.png') ?? 0;
    const first = slot('/cat.png');
    const second = slot('/cat.png', 'messages[2].content[0].image_url.url');
    await fillRemoteImages([first, second], options);
    expect(hits.get('/cat.png')).toBe(before + 1);
    expect(second.block.format).toBe('png');
  });

  it.each([
    ['/page', 'invalid_image_format', /content-type is text\/html/],
    ['/mislabelled', 'invalid_image_format', /labelled png but its bytes are gif/],
    ['/not-an-image', 'invalid_image_format', /not a PNG, JPEG, GIF or WebP/],
    ['/missing', 'image_fetch_failed', /HTTP 404/],
    ['/big', 'image_too_large', /1000-byte limit/],
    ['/big-chunked', 'image_too_large', /1000-byte limit/],
  ])('rejects %s', async (path, code, message) => {
    const error = await rejection(fillRemoteImages([slot(path, 'messages[3].content[1].image_url.url')], options));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code, param: 'messages[3].content[1].image_url.url' });
    expect((error as Error).message).toMatch(message);
  });

  it('gives up after timeoutMs', async () => {
    const error = await rejection(fillRemoteImages([slot('/hang')], { maxBytes: 1000, timeoutMs: 50 }));
    expect(error).toMatchObject({ code: 'image_fetch_timeout' });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fillRemoteImages([slot('/hang')], { ...options, signal: controller.signal });
    controller.abort();
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
  });

  it('keeps query strings (which may hold signatures) out of messages', async () => {
    const target = { ...slot('/missing'), url: `${base}/missing?X-Amz-Signature=deadbeefdeadbeef&token=secret` };
    const error = (await rejection(fillRemoteImages([target], options))) as Error;
    expect(error.message).toContain('/missing');
    expect(error.message).not.toMatch(/deadbeef|secret/);
  });

  it('reports a connection failure', async () => {
    const error = await rejection(fillRemoteImages([{ ...slot('/x'), url: 'http://127.0.0.1:1/x.png' }], options));
    expect(error).toMatchObject({ code: 'image_fetch_failed' });
  });
});
