/**
 * One emulator for a test file: started before its tests, closed after them with every client made by `client()`.
 *
 * ```ts
 * const { emulator, client, offline } = useEmulator();
 * it('…', async () => {
 *   await client().chat.completions.create({ model: 'nova-lite', messages });
 *   expect(emulator.requests).toHaveLength(1);
 * });
 * ```
 *
 * `emulator` stands for the started handle (reading it before `beforeAll` ran throws). `client(options)` points a
 * `Client` at it with no bedrock.json, an empty environment, no retries and `us-east-1`; `options` override those.
 * `offline(options)` is a client whose requests could only fail with a connection error, so a `BadRequestError`
 * from it proves that nothing was sent.
 */
import { afterAll, beforeAll } from 'vitest';
import { Client, type ClientOptions } from '../../src/client.js';
import { type EmulatorHandle, type EmulatorOptions, startEmulator } from '../../src/emulator/index.js';

/** An address nothing listens on (the discard port). */
export const DEAD_ENDPOINT = 'http://127.0.0.1:9';

export interface EmulatorFixture {
  readonly emulator: EmulatorHandle;
  client(options?: ClientOptions): Client;
  offline(options?: ClientOptions): Client;
}

export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  let handle: EmulatorHandle | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    handle = await startEmulator(options);
  });
  afterAll(async () => {
    for (const created of clients) created.close();
    await handle?.close();
  });
  const started = (): EmulatorHandle => {
    if (handle === undefined) throw new Error('useEmulator: the emulator starts in beforeAll; read it inside a test or hook.');
    return handle;
  };
  const emulator = new Proxy({} as EmulatorHandle, {
    get: (_target, key) => {
      const value = Reflect.get(started(), key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started()) : value;
    },
  });
  const client = (overrides: ClientOptions = {}): Client => {
    const { url, credentials } = started();
    const created = new Client({ endpoint: url, credentials, configFile: false, maxRetries: 0, env: {}, region: 'us-east-1', ...overrides });
    clients.push(created);
    return created;
  };
  return { emulator, client, offline: (overrides = {}) => client({ endpoint: DEAD_ENDPOINT, ...overrides }) };
}
