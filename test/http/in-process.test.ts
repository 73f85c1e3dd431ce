import { describe, expect, it } from 'vitest';
import { inProcessBody, requestSignal, toHandlerRequest } from '../../src/http/in-process.js';

const URL_ = 'http://bedrock-openai.invalid/v1/chat/completions';
const JSON_HEADERS = { 'content-type': 'application/json' };

describe('toHandlerRequest', () => {
  it.each([
    ['a JSON string body', { method: 'POST', body: '{"a":1}', headers: JSON_HEADERS }, true],
    ['a JSON string body, method in lower case', { method: 'post', body: '{"a":1}', headers: JSON_HEADERS }, true],
    ['a +json media type with parameters', { method: 'POST', body: '{"a":1}', headers: { 'Content-Type': 'application/vnd.api+json; charset=utf-8' } }, true],
    ['a text/plain string body', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'text/plain' } }, false],
    ['a string body without a content type', { method: 'POST', body: '{"a":1}' }, false],
    ['a media type that only starts like JSON', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/jsonx' } }, false],
    ['a byte body', { method: 'POST', body: new TextEncoder().encode('{"a":1}'), headers: JSON_HEADERS }, false],
    ['no body', { method: 'GET' }, false],
  ] as const)('%s → in process: %s', async (_name, init, inProcess) => {
    const request = toHandlerRequest(URL_, init as RequestInit);
    expect(request).toBeInstanceOf(Request);
    expect(request.method).toBe(String(init.method).toUpperCase());
    expect(inProcessBody(request) !== undefined).toBe(inProcess);
    if (inProcess) {
      expect(request.body).toBeNull();
      expect(inProcessBody(request)).toBe('{"a":1}');
    } else if ('body' in init) {
      expect(await request.text()).toBe('{"a":1}');
    }
    expect(request.headers.get('content-type')).toBe(new Request(URL_, init as RequestInit).headers.get('content-type'));
  });

  it('hands the caller’s own signal to the handler, and the request’s when the caller gave none', () => {
    const controller = new AbortController();
    const request = toHandlerRequest(URL_, { method: 'POST', body: '{}', headers: JSON_HEADERS, signal: controller.signal });
    expect(requestSignal(request)).toBe(controller.signal);
    const unsignalled = toHandlerRequest(URL_, { method: 'POST', body: '{}', headers: JSON_HEADERS });
    expect(requestSignal(unsignalled)).toBe(unsignalled.signal);
    const plain = new Request(URL_);
    expect(requestSignal(plain)).toBe(plain.signal);
  });

  it('passes a Request through, or rebuilds it with init as fetch does', async () => {
    const request = new Request(URL_, { method: 'POST', body: '{}', headers: JSON_HEADERS });
    expect(toHandlerRequest(request, undefined)).toBe(request);
    const rebuilt = toHandlerRequest(new Request(URL_, { method: 'POST', body: '{"b":2}', headers: JSON_HEADERS }), { headers: { 'x-extra': '1' } });
    expect(rebuilt.headers.get('x-extra')).toBe('1');
    expect(await rebuilt.text()).toBe('{"b":2}');
  });

  it('throws what new Request throws', () => {
    expect(() => toHandlerRequest(URL_, { method: 'GET', body: '{}', headers: JSON_HEADERS })).toThrow(TypeError);
    expect(() => toHandlerRequest(URL_, { body: '{}', headers: JSON_HEADERS })).toThrow(TypeError);
    expect(() => toHandlerRequest('not a url', { method: 'POST', body: '{}', headers: JSON_HEADERS })).toThrow(TypeError);
    expect(() => toHandlerRequest(URL_, { method: 'POST', body: '{}', headers: { 'bad header': 'x' } })).toThrow(TypeError);
  });
});
