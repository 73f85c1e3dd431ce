import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  BedrockOpenAIError,
  ConflictError,
  fromAwsError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  redactHeaders,
  redactSecrets,
  UnprocessableEntityError,
} from '../../src/core/errors.js';

function awsError(name: string, status: number | undefined, message = `${name} happened`): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status !== undefined && status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'req-123', attempts: 1 },
  });
}

describe('fromAwsError maps every Bedrock Runtime exception', () => {
  it.each([
    ['ValidationException', 400, BadRequestError, 400],
    ['AccessDeniedException', 403, PermissionDeniedError, 403],
    ['ResourceNotFoundException', 404, NotFoundError, 404],
    ['ConflictException', 400, ConflictError, 409],
    ['ServiceQuotaExceededException', 400, RateLimitError, 429],
    ['ThrottlingException', 429, RateLimitError, 429],
    ['ModelNotReadyException', 429, RateLimitError, 429],
    ['ModelTimeoutException', 408, APIError, 408],
    ['ModelErrorException', 424, UnprocessableEntityError, 422],
    ['ModelStreamErrorException', 424, UnprocessableEntityError, 422],
    ['InternalServerException', 500, InternalServerError, 500],
    ['ServiceUnavailableException', 503, InternalServerError, 503],
    ['UnrecognizedClientException', 403, AuthenticationError, 401],
    ['InvalidSignatureException', 403, AuthenticationError, 401],
    ['ExpiredTokenException', 403, AuthenticationError, 401],
    ['SomethingNewException', 502, InternalServerError, 502],
    ['SomethingNewException', 418, APIError, 418],
  ] as const)('%s (HTTP %s)', (name, wireStatus, errorClass, status) => {
    const error = fromAwsError(awsError(name, wireStatus));
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(BedrockOpenAIError);
    expect((error as APIError).status).toBe(status);
    expect((error as APIError).bedrockErrorName).toBe(name);
    expect((error as APIError).requestID).toBe('req-123');
    expect(error.message).toBe(`${name} happened`);
    expect(error.name).toBe(errorClass.name);
  });

  it.each(['Invalid API Key format: Must start with pre-defined prefix', 'Authentication failed: Please make sure your API Key is valid.'])(
    'maps a rejected API key (403 %s) to AuthenticationError',
    (message) => {
      const error = fromAwsError(awsError('AccessDeniedException', 403, message)) as APIError;
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.code).toBe('invalid_api_key');
    },
  );

  it.each([
    ['Input is too long for requested model.', 'context_length_exceeded'],
    ['The model returned the following errors: Input is too long for requested model.', 'context_length_exceeded'],
    ['The model returned the following errors: prompt is too long: 200049 tokens > 200000 maximum', 'context_length_exceeded'],
    ['input length and `max_tokens` exceed context limit: 199759 + 8192 > 200000, decrease input length or `max_tokens` and try again', 'context_length_exceeded'],
    ["This model's maximum context length is 131072 tokens. However, you requested 131134 tokens.", 'context_length_exceeded'],
    ['400 Bad Request: Too many input tokens. Max input tokens: 8192, request input token count: 9875 ', 'context_length_exceeded'],
    // Other validation errors keep no code; a long tool name is not a context window.
    ['Malformed input request: #/texts: expected type: JSONArray, found: String, please reformat your input and try again.', null],
    ['1 validation error detected: Value at \'toolConfig.tools.1.member.toolSpec.name\' failed to satisfy constraint: Member must have length less than or equal to 64', null],
  ])('a ValidationException saying %j has code %j', (message, code) => {
    const error = fromAwsError(awsError('ValidationException', 400, message)) as APIError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe(code);
    expect(error.type).toBe('invalid_request_error');
    expect(error.message).toBe(message);
  });

  it('gives context_length_exceeded to a ValidationException only (a throttle that mentions length is a throttle)', () => {
    const error = fromAwsError(awsError('ThrottlingException', 429, 'Too many tokens: prompt is too long for your quota')) as APIError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.code).toBe('rate_limit_exceeded');
  });

  it('maps in-stream exceptions, which have no $metadata, by name', () => {
    const error = fromAwsError(Object.assign(new Error('slow down'), { name: 'ThrottlingException', $fault: 'client' }));
    expect(error).toBeInstanceOf(RateLimitError);
  });

  it('maps connection failures, timeouts and aborts', () => {
    expect(fromAwsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBeInstanceOf(APIConnectionError);
    expect(fromAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBeInstanceOf(APIConnectionError);
    expect(fromAwsError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBeInstanceOf(APIUserAbortError);
    expect(fromAwsError(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBeInstanceOf(APIConnectionTimeoutError);
    expect(fromAwsError(Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' }))).toBeInstanceOf(AuthenticationError);
  });

  it('passes our own errors through unchanged', () => {
    const original = BadRequestError.forParam('messages', 'bad');
    expect(fromAwsError(original)).toBe(original);
  });

  it('scrubs secrets from message, cause and headers', () => {
    const raw = Object.assign(new Error('bad header Authorization: AWS4-HMAC-SHA256 Credential=AKIAABCDEFGHIJKLMNOP/20260101/us-east-1/bedrock/aws4_request, Signature=' + 'a'.repeat(64) + ' key my-very-secret'), {
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403 },
      $response: { headers: { authorization: 'Bearer bedrock-api-key-abc', 'x-amzn-requestid': 'r' } },
    });
    const error = fromAwsError(raw, ['my-very-secret']) as APIError;
    const everything = `${error.message} ${error.stack} ${JSON.stringify(error)} ${String((error.cause as Error).message)} ${(error.cause as Error).stack} ${JSON.stringify(error.headers)}`;
    expect(everything).not.toMatch(/AKIAABCDEFGHIJKLMNOP|aaaaaaaaaaaaaaaa|my-very-secret|bedrock-api-key-abc/);
    expect(error.headers?.['x-amzn-requestid']).toBe('r');
  });
});

describe('BadRequestError.forParam', () => {
  it('names the parameter in OpenAI shape', () => {
    const error = BadRequestError.forParam('messages[0].role', 'Unknown role "bot".', 'invalid_role');
    expect(error.status).toBe(400);
    expect(error.param).toBe('messages[0].role');
    expect(error.code).toBe('invalid_role');
    expect(error.type).toBe('invalid_request_error');
    expect(error.error).toEqual({ message: 'Unknown role "bot".', type: 'invalid_request_error', param: 'messages[0].role', code: 'invalid_role' });
  });
});

describe('redaction', () => {
  it.each([
    'Bearer abc.def-ghi',
    'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t',
    'ABSKQmVkcm9ja0FQSUtleS1zZWNyZXQ=',
    'AKIAIOSFODNN7EXAMPLE',
    'ASIAIOSFODNN7EXAMPLE',
    'X-Amz-Signature=deadbeef',
    'X-Amz-Security-Token=FwoGZXIvYXdz',
  ])('removes %s', (secret) => {
    expect(redactSecrets(`before ${secret} after`)).toBe('before *** after');
  });

  it('redacts secret headers by name', () => {
    expect(redactHeaders({ Authorization: 'x', 'X-Amz-Security-Token': 'y', 'content-type': 'application/json' })).toEqual({
      Authorization: '***',
      'X-Amz-Security-Token': '***',
      'content-type': 'application/json',
    });
  });
});
