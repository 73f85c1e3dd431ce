/** The stored-response methods send no request: they take the common options, refuse what has nowhere to go. */
import { describe, expect, it } from 'vitest';
import { Client } from '../../src/client.js';
import { APIUserAbortError, BadRequestError, NotFoundError } from '../../src/core/errors.js';

const client = new Client({ configFile: false, env: {}, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } });
const methods = {
  retrieve: (options: object) => client.responses.retrieve('resp_missing', {}, options as never),
  delete: (options: object) => client.responses.delete('resp_missing', options as never),
  'inputItems.list': (options: object) => client.responses.inputItems.list('resp_missing', {}, options as never),
};

describe.each(Object.entries(methods))('responses.%s options', (_name, call) => {
  it('refuses headers, naming options.headers', async () => {
    const error = await call({ headers: { 'x-team': 'a' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('options.headers');
  });

  it('refuses an unknown option by name', async () => {
    const error = await call({ idempotency: 'x' }).catch((caught: unknown) => caught);
    expect((error as BadRequestError).param).toBe('options.idempotency');
  });

  it('fails an aborted signal as a user abort', async () => {
    await expect(call({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('takes signal: null, maxRetries and timeout (then looks the ID up)', async () => {
    await expect(call({ signal: null, maxRetries: 0, timeout: 1000 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
