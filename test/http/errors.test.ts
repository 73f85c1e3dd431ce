import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from '../../src/core/errors.js';
import { errorTypeForStatus, httpError, isHttpLayerError, toWireError } from '../../src/http/errors.js';

describe('toWireError: our errors as OpenAI sends them', () => {
  it.each([
    [
      'a validation error naming its param',
      BadRequestError.forParam('messages[0].content', 'bad content'),
      400,
      { message: 'bad content', type: 'invalid_request_error', param: 'messages[0].content', code: 'invalid_value' },
    ],
    [
      'Bedrock throttling',
      new RateLimitError(429, 'Too many requests', { type: 'rate_limit_error', code: 'rate_limit_exceeded', requestID: 'req-1' }),
      429,
      { message: 'Too many requests', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' },
    ],
    [
      'an unknown model',
      new NotFoundError(404, 'no such model', { type: 'not_found_error', code: 'model_not_found' }),
      404,
      { message: 'no such model', type: 'not_found_error', param: null, code: 'model_not_found' },
    ],
    ['a 5xx with no type', new InternalServerError(503, 'unavailable'), 503, { message: 'unavailable', type: 'server_error', param: null, code: null }],
    ['a timeout', new APIConnectionTimeoutError({ message: 'Request timed out.' }), 504, { message: 'Request timed out.', type: 'timeout_error', param: null, code: 'timeout' }],
    ['Bedrock unreachable', new APIConnectionError({ message: 'Connection error.' }), 502, { message: 'Connection error.', type: 'server_error', param: null, code: 'bedrock_unreachable' }],
    ['a cancelled request', new APIUserAbortError(), 499, { message: 'Request was aborted.', type: 'request_aborted', param: null, code: 'aborted' }],
  ])('%s', (_name, error, status, body) => {
    const wire = toWireError(error, { retried: false });
    expect(wire.status).toBe(status);
    expect(wire.body).toEqual({ error: body });
    expect(wire.headers['content-type']).toBe('application/json');
  });

  it('a bug becomes a 500 whose message is scrubbed of secrets', () => {
    const wire = toWireError(new TypeError('boom with Bearer abcdefghijklmnop'), { retried: false });
    expect(wire.status).toBe(500);
    expect(wire.body.error.type).toBe('server_error');
    expect(wire.body.error.message).toBe('Internal error: boom with ***');
  });

  it('carries the Bedrock request ID as x-request-id', () => {
    expect(toWireError(new RateLimitError(429, 'x', { requestID: 'abc-123' }), { retried: false }).headers['x-request-id']).toBe('abc-123');
    expect(toWireError(new RateLimitError(429, 'x', { requestID: null }), { retried: false }).headers).not.toHaveProperty('x-request-id');
  });

  it('says x-should-retry: false only for failures that came out of our retries', () => {
    const error = new RateLimitError(429, 'x');
    expect(toWireError(error, { retried: true }).headers['x-should-retry']).toBe('false');
    expect(toWireError(error, { retried: false }).headers).not.toHaveProperty('x-should-retry');
  });

  it('passes retry-after on a 429 when Bedrock sent one, and only on a 429', () => {
    expect(toWireError(new RateLimitError(429, 'x', { headers: { 'Retry-After': '7' } }), { retried: true }).headers['retry-after']).toBe('7');
    expect(toWireError(new RateLimitError(429, 'x'), { retried: true }).headers).not.toHaveProperty('retry-after');
    expect(toWireError(new InternalServerError(500, 'x', { headers: { 'retry-after': '7' } }), { retried: true }).headers).not.toHaveProperty('retry-after');
  });
});

describe('errorTypeForStatus', () => {
  it.each([
    [400, 'invalid_request_error'],
    [401, 'authentication_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [405, 'invalid_request_error'],
    [409, 'invalid_request_error'],
    [413, 'invalid_request_error'],
    [422, 'invalid_request_error'],
    [429, 'rate_limit_error'],
    [500, 'server_error'],
    [503, 'server_error'],
  ])('%i → %s', (status, type) => {
    expect(errorTypeForStatus(status)).toBe(type);
  });
});

describe('httpError', () => {
  it('builds the status class with OpenAI fields, marked as raised by the HTTP layer', () => {
    const error = httpError(413, 'too big', { code: 'request_too_large' });
    expect(error.status).toBe(413);
    expect(toWireError(error, { retried: false }).body).toEqual({ error: { message: 'too big', type: 'invalid_request_error', param: null, code: 'request_too_large' } });
    expect(isHttpLayerError(error)).toBe(true);
    expect(isHttpLayerError(new RateLimitError(429, 'x'))).toBe(false);
  });
});
