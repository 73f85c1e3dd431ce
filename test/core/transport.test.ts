/**
 * The transport (src/core/transport.ts) with a service of its own: any SDK-shaped client gets the same retries,
 * per-attempt timeout, cancellation, error mapping, lazy loading and one client per region as Bedrock Runtime
 * (whose end-to-end behaviour test/resilience/ covers through the real SDK and the emulator).
 */
import { describe, expect, it } from 'vitest';
import { callSignalOf } from '../../src/core/call-signal.js';
import { APIConnectionTimeoutError, APIUserAbortError, NotFoundError, RateLimitError } from '../../src/core/errors.js';
import type { RetryInfo } from '../../src/core/retry.js';
import type { AwsService, SdkClientSettings } from '../../src/core/sdk-clients.js';
import { Transport } from '../../src/core/transport.js';

type Operations = { Get: [{ Key: string }, { Body: string; $metadata: { httpStatusCode: number; requestId: string } }] };

/** A service whose client answers `Get` from a script of replies (an error to throw, `'hang'`, or a body). */
function scriptedService(script: Array<Error | 'hang' | string>) {
  const built: SdkClientSettings[] = [];
  const inputs: unknown[] = [];
  let loads = 0;
  class GetCommand {
    constructor(readonly input: { Key: string }) {}
  }
  const service: AwsService<Operations, { GetCommand: typeof GetCommand }> = {
    name: 'test-service',
    load: async () => {
      loads += 1;
      return { GetCommand };
    },
    createClient: (_module, settings) => {
      built.push(settings);
      return {
        middlewareStack: { add: () => undefined } as never,
        destroy: () => undefined,
        send: (async (command: GetCommand) => {
          inputs.push({ Key: command.input.Key });
          const next = script.shift();
          if (next === undefined) throw new Error('script exhausted');
          if (next instanceof Error) throw next;
          // As the SDK's HTTP handler does with the attempt's signal (src/core/call-signal.ts): abort ends the request.
          if (next === 'hang') {
            return new Promise((_resolve, reject) =>
              callSignalOf(command.input)?.addEventListener('abort', () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }))),
            );
          }
          return { Body: next, $metadata: { httpStatusCode: 200, requestId: 'req-1' } };
        }) as never,
      };
    },
    commandClass: () => GetCommand as never,
  };
  return { service, built, inputs, loads: () => loads };
}

function awsError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} happened`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
}

const transport = (endpoint?: string) =>
  new Transport({ auth: { authSchemePreference: ['sigv4'] }, secrets: ['s3cr3t'], endpoint: () => endpoint, requestHandler: {} });

describe('Transport.send', () => {
  it('retries a throttled call, reporting the retry, and returns the output with the request ID and attempts', async () => {
    const { service, inputs } = scriptedService([awsError('ThrottlingException', 429), 'body']);
    const retries: RetryInfo[] = [];
    const sent = await transport().send(service, 'Get', { Key: 'k' }, { region: 'us-east-1', maxRetries: 2, timeoutMs: 1000, onRetry: (info) => retries.push(info) });
    expect(sent.output.Body).toBe('body');
    expect(sent.requestId).toBe('req-1');
    expect(sent.metadata.attempts).toBe(2);
    expect(retries.map((info) => info.bedrockErrorName)).toEqual(['ThrottlingException']);
    expect(inputs).toEqual([{ Key: 'k' }, { Key: 'k' }]);
  });

  it('maps errors through the one error mapping, without retrying what cannot succeed', async () => {
    const { service, inputs } = scriptedService([awsError('ResourceNotFoundException', 404)]);
    const error = await transport().send(service, 'Get', { Key: 'k' }, { region: 'us-east-1', maxRetries: 2, timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(inputs).toHaveLength(1);
  });

  it('gives up after maxRetries with the last error', async () => {
    const { service } = scriptedService([awsError('ThrottlingException', 429), awsError('ThrottlingException', 429)]);
    const error = await transport().send(service, 'Get', { Key: 'k' }, { region: 'us-east-1', maxRetries: 1, timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
  });

  it('bounds each attempt with timeoutMs', async () => {
    const { service } = scriptedService(['hang']);
    const error = await transport().send(service, 'Get', { Key: 'k' }, { region: 'us-east-1', maxRetries: 0, timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out after 30 ms (Get).');
  });

  it("stops at the caller's signal", async () => {
    const { service } = scriptedService([]);
    const controller = new AbortController();
    controller.abort();
    const error = await transport().send(service, 'Get', { Key: 'k' }, { region: 'us-east-1', maxRetries: 2, timeoutMs: 1000, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  it('loads the SDK package once and builds one client per region with maxAttempts 1, the middleware cache and the endpoint', async () => {
    const { service, built, loads } = scriptedService(['a', 'b', 'c']);
    const shared = transport('http://127.0.0.1:1');
    await Promise.all([
      shared.send(service, 'Get', { Key: '1' }, { region: 'us-east-1', maxRetries: 0, timeoutMs: 1000 }),
      shared.send(service, 'Get', { Key: '2' }, { region: 'us-east-1', maxRetries: 0, timeoutMs: 1000 }),
    ]);
    await shared.send(service, 'Get', { Key: '3' }, { region: 'eu-west-1', maxRetries: 0, timeoutMs: 1000 });
    expect(loads()).toBe(1);
    expect(built.map((settings) => [settings.region, settings.maxAttempts, settings.cacheMiddleware, settings.endpoint])).toEqual([
      ['us-east-1', 1, true, 'http://127.0.0.1:1'],
      ['eu-west-1', 1, true, 'http://127.0.0.1:1'],
    ]);
    expect(await shared.sdkClient(service, 'eu-west-1')).toBe(await shared.sdkClient(service, 'eu-west-1'));
  });

  it('scrubs the secrets it was given from error messages', async () => {
    const { service } = scriptedService([awsError('AccessDeniedException', 403)]);
    const leaking = scriptedService([Object.assign(awsError('AccessDeniedException', 403), { message: 'denied for s3cr3t' })]);
    await transport().send(service, 'Get', { Key: 'k' }, { region: 'us-east-1', maxRetries: 0, timeoutMs: 1000 }).catch(() => undefined);
    const error = await transport().send(leaking.service, 'Get', { Key: 'k' }, { region: 'us-east-1', maxRetries: 0, timeoutMs: 1000 }).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain('s3cr3t');
  });
});
