/**
 * The AWS SDK clients the transport sends through: each service's SDK package imported on first use, one SDK client
 * per service and region (`maxAttempts: 1`: the transport's `withRetry` is the only retry layer;
 * `cacheMiddleware: true`, with each attempt's abort signal carried as src/core/call-signal.ts explains), one
 * keep-alive HTTP handler shared by them all, and each operation's command class. After the first call of an
 * operation in a region, {@link SdkClients.readyClient} and {@link SdkClients.readyCommand} answer without a promise.
 */
import type { AwsCredentialIdentityProvider, MiddlewareStack, TokenIdentity, TokenIdentityProvider } from '@smithy/types';
import { addCallSignalMiddleware, CallSignalHandler } from './call-signal.js';
import { addRequestHeadersMiddleware } from './request-headers.js';

/** An HTTP handler the AWS SDK accepts (`NodeHttpHandler`, `NodeHttp2Handler`, …). */
export type HttpHandler = object;

/** What the transport uses of an AWS SDK v3 client. */
export interface SdkClient {
  send(command: never): Promise<unknown>;
  destroy(): void;
  readonly middlewareStack: MiddlewareStack<any, any>;
}

/** An SDK command class (`ConverseCommand`, `PutObjectCommand`, …). */
export type CommandClass = new (input: never) => unknown;

/** Operation name → `[input, output]` of one service. */
export type OperationMap = Record<string, [object, object]>;

/** The settings the transport gives every SDK client it builds; a service adds its own (e.g. S3's path style). */
export interface SdkClientSettings {
  region: string;
  maxAttempts: 1;
  cacheMiddleware: true;
  requestHandler: HttpHandler;
  authSchemePreference: string[];
  credentials?: AwsCredentialIdentityProvider;
  token?: TokenIdentity | TokenIdentityProvider;
  endpoint?: string;
}

/** How to load and build one AWS service's SDK client. `Operations` types {@link Transport.send}. */
export interface AwsService<Operations extends OperationMap = OperationMap, Module = any> {
  /** The service's name in messages and endpoint look-ups: `bedrock-runtime`, `bedrock`, `s3`. */
  readonly name: string;
  /** Imports the SDK package (once, on first use). */
  load(): Promise<Module>;
  /** Builds a client from the transport's settings. */
  createClient(module: Module, settings: SdkClientSettings): SdkClient;
  /** The command class of an operation (`Converse` → `ConverseCommand`). */
  commandClass(module: Module, operation: keyof Operations & string): CommandClass;
  /** Adjusts each new command (e.g. a middleware on InvokeModel commands only). */
  prepareCommand?(operation: keyof Operations & string, command: unknown): void;
  /** Only to type `Operations`; never set. */
  readonly _operations?: Operations;
}

export interface SdkClientsOptions {
  /** The SDK's credential settings (see src/config/credentials.ts, `toSdkAuthConfig`). */
  auth: Pick<SdkClientSettings, 'authSchemePreference' | 'credentials' | 'token'>;
  /** The endpoint of a service, or `undefined` for AWS's. Awaited once per SDK client. */
  endpoint(service: AwsService): Promise<string | undefined> | string | undefined;
  /** The HTTP handler. Default: a keep-alive HTTP/1.1 `NodeHttpHandler` shared by every SDK client. */
  requestHandler?: HttpHandler | undefined;
}

/** What the transport keeps per service: the SDK package, command classes, and one SDK client per region. */
interface ServiceState {
  module: Promise<unknown> | undefined;
  clients: Map<string, Promise<SdkClient>>;
  /** The SDK clients and command classes once loaded, so that calls after the first need not wait for promises. */
  readyClients: Map<string, SdkClient>;
  commandClasses: Map<string, CommandClass>;
}

export class SdkClients {
  readonly #options: SdkClientsOptions;
  readonly #states = new Map<AwsService<any>, ServiceState>();
  #handler: Promise<HttpHandler> | undefined;

  constructor(options: SdkClientsOptions) {
    this.#options = options;
  }

  /** The SDK client of a service and region once built, else `undefined`. */
  readyClient(service: AwsService<any>, region: string): SdkClient | undefined {
    return this.#states.get(service)?.readyClients.get(region);
  }

  /** The command class of an operation once loaded, else `undefined`. */
  readyCommand(service: AwsService<any>, name: string): CommandClass | undefined {
    return this.#states.get(service)?.commandClasses.get(name);
  }

  /** Imports the service's package (once) and builds the region's SDK client and the operation's command class. */
  load(service: AwsService<any>, region: string, name: string): Promise<[SdkClient, CommandClass]> {
    const state = this.#state(service);
    return Promise.all([this.#sdkClient(state, service, region), state.commandClasses.get(name) ?? this.#loadCommandClass(state, service, name)]);
  }

  /** The SDK client of a service and region, built on first use. */
  client(service: AwsService<any>, region: string): Promise<SdkClient> {
    return this.#sdkClient(this.#state(service), service, region);
  }

  /** Destroys every SDK client (closing pooled connections); later calls build new ones. */
  close(): void {
    for (const state of this.#states.values()) {
      for (const client of state.clients.values()) void client.then((sdkClient) => sdkClient.destroy()).catch(() => undefined);
      state.clients.clear();
      state.readyClients.clear();
    }
    this.#handler = undefined;
  }

  #state(service: AwsService<any>): ServiceState {
    let state = this.#states.get(service);
    if (state === undefined) {
      state = { module: undefined, clients: new Map(), readyClients: new Map(), commandClasses: new Map() };
      this.#states.set(service, state);
    }
    return state;
  }

  #loadModule(state: ServiceState, service: AwsService<any>): Promise<unknown> {
    if (state.module === undefined) {
      const module = service.load();
      state.module = module;
      module.catch(() => {
        if (state.module === module) state.module = undefined;
      });
    }
    return state.module;
  }

  #loadHandler(): Promise<HttpHandler> {
    if (this.#options.requestHandler !== undefined) return Promise.resolve(this.#options.requestHandler);
    this.#handler ??= (async () => {
      const [{ NodeHttpHandler }, http, https] = await Promise.all([
        import('@smithy/node-http-handler'),
        import('node:http'),
        import('node:https'),
      ]);
      return new NodeHttpHandler({
        httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
        httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 }),
      });
    })();
    return this.#handler;
  }

  #sdkClient(state: ServiceState, service: AwsService<any>, region: string): Promise<SdkClient> {
    let client = state.clients.get(region);
    if (client === undefined) {
      client = (async () => {
        const [module, handler, endpoint] = await Promise.all([
          this.#loadModule(state, service),
          this.#loadHandler(),
          this.#options.endpoint(service),
        ]);
        const { auth } = this.#options;
        const settings: SdkClientSettings = {
          region,
          maxAttempts: 1,
          // The SDK resolves each command class's middleware once instead of on every call (src/core/call-signal.ts
          // explains how each attempt's abort signal still reaches the HTTP handler).
          cacheMiddleware: true,
          requestHandler: new CallSignalHandler(handler as ConstructorParameters<typeof CallSignalHandler>[0]),
          authSchemePreference: auth.authSchemePreference,
          ...(auth.credentials === undefined ? {} : { credentials: auth.credentials }),
          ...(auth.token === undefined ? {} : { token: auth.token }),
          ...(endpoint === undefined ? {} : { endpoint }),
        };
        const sdkClient = service.createClient(module, settings);
        addCallSignalMiddleware(sdkClient.middlewareStack);
        addRequestHeadersMiddleware(sdkClient.middlewareStack);
        if (state.clients.get(region) === client) state.readyClients.set(region, sdkClient);
        return sdkClient;
      })();
      state.clients.set(region, client);
      client.catch(() => state.clients.delete(region));
    }
    return client;
  }

  async #loadCommandClass(state: ServiceState, service: AwsService<any>, name: string): Promise<CommandClass> {
    const module = await this.#loadModule(state, service);
    const Command = service.commandClass(module, name);
    state.commandClasses.set(name, Command);
    return Command;
  }
}
