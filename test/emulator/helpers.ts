/** Shared helpers for the emulator tests: raw BedrockRuntimeClient factories and error capture. */
import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { EmulatorHandle } from '../../src/emulator/index.js';

/** The fields of an SDK service exception the tests look at. */
export interface CapturedError {
  name: string;
  message: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $response?: { headers: Record<string, string> };
}

/** Resolves with the error `promise` rejects with; fails the test if it resolves. */
export async function captureError(promise: Promise<unknown>): Promise<CapturedError> {
  try {
    await promise;
  } catch (error) {
    return error as CapturedError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export type Transport = 'h2c' | 'http1';
export const TRANSPORTS: Transport[] = ['h2c', 'http1'];

/** Tracks clients so a suite can destroy them (and their pooled sockets) in `afterAll`. */
export class ClientFactory {
  readonly #clients: BedrockRuntimeClient[] = [];
  constructor(readonly emulator: () => EmulatorHandle) {}

  /** A SigV4 client with the emulator's key pair, SDK retries off unless `config` says otherwise. */
  sigv4(transport: Transport = 'h2c', config: Partial<BedrockRuntimeClientConfig> = {}): BedrockRuntimeClient {
    const emulator = this.emulator();
    return this.#track(
      new BedrockRuntimeClient({
        region: emulator.region,
        endpoint: emulator.url,
        credentials: emulator.credentials,
        maxAttempts: 1,
        ...(transport === 'http1' ? { requestHandler: new NodeHttpHandler() } : {}),
        ...config,
      }),
    );
  }

  /** A bearer-key client (`authSchemePreference: ['httpBearerAuth']`). */
  bearer(transport: Transport = 'h2c', token?: string, config: Partial<BedrockRuntimeClientConfig> = {}): BedrockRuntimeClient {
    const emulator = this.emulator();
    return this.#track(
      new BedrockRuntimeClient({
        region: emulator.region,
        endpoint: emulator.url,
        token: { token: token ?? emulator.apiKey },
        authSchemePreference: ['httpBearerAuth'],
        maxAttempts: 1,
        ...(transport === 'http1' ? { requestHandler: new NodeHttpHandler() } : {}),
        ...config,
      }),
    );
  }

  destroyAll(): void {
    for (const client of this.#clients.splice(0)) client.destroy();
  }

  #track(client: BedrockRuntimeClient): BedrockRuntimeClient {
    this.#clients.push(client);
    return client;
  }
}
