/**
 * `Client`: the entry point, shaped like the `openai` package's `OpenAI` class.
 *
 * ```ts
 * const client = new Client({ region: 'eu-west-1' });
 * const completion = await client.chat.completions.create({ model: 'claude-sonnet-4-5', messages });
 * ```
 *
 * Internal API for resources (not part of the public surface; names start with `_`):
 * - `_resolveModel(name, { baseModel })` → `{ modelId, entry, region, via }`: alias/ID/ARN → what to call, and where.
 * - `_send(name, input, options)` → `{ output, requestId, metadata }`: one Bedrock Runtime operation (`Converse`,
 *   `InvokeModel`, …) through the transport (src/core/transport.ts: retries, per-attempt timeout, cancellation,
 *   error mapping), with the on-demand inference-profile safety net.
 * - `_sendStream(name, input, pick, options)` → `{ first, rest, requestId, controller }`: a streaming operation,
 *   retried until its first event arrives and never after.
 * - `_transport`: the transport, for resources that call other AWS services (the Bedrock control plane, S3).
 * - `_warn(warning)`: reports a warning through the `onWarning` hook.
 * - `_settings`: resolved settings that resources read (`dropUnsupportedParams`, `imageFetch`, …).
 */
import type { BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** An HTTP handler the AWS SDK accepts (`NodeHttpHandler`, `NodeHttp2Handler`, …). */
export type HttpHandler = NonNullable<BedrockRuntimeClientConfig['requestHandler']>;
import { Batches } from './batch/batches.js';
import { type BatchConfig, type BatchOptions, resolveBatchConfig } from './batch/config.js';
import type { BatchContext } from './batch/context.js';
import { Files } from './batch/files.js';
import { Chat } from './chat/chat.js';
import { DEFAULT_IMAGE_FETCH } from './chat/image-source.js';
import { type AliasTarget, type CrossRegionMode, findBedrockJson, type LoadedBedrockJson, loadBedrockJson } from './config/bedrock-json.js';
import {
  type AuthPlan,
  type CredentialsOption,
  authWarning,
  describeAuth,
  planAuth,
  secretsOf,
  toSdkAuthConfig,
  validateCredentialOptions,
} from './config/credentials.js';
import { type ConfigOptions, describeSource, resolveConfig, type ResolvedConfig } from './config/resolve.js';
import type { ResponseMetadata } from './core/api-promise.js';
import * as Errors from './core/errors.js';
import { ConfigurationError, fromAwsError } from './core/errors.js';
import { type ReadRequestOptions, readRequestOptions } from './core/request-options.js';
import type { RetryInfo } from './core/retry.js';
import { BEDROCK_CONTROL, BEDROCK_RUNTIME, type BedrockRuntimeOperations, S3_SERVICE } from './core/services.js';
import { type AttemptLimit, Transport } from './core/transport.js';
import { Embeddings } from './embeddings/embeddings.js';
import type { Env } from './internal/env.js';
import { createLogger, type Logger, type LogLevel } from './internal/log.js';
import { reservedTokens, streamEventTokens, usedTokens } from './limits/cost.js';
import { type DeclaredQuota, type DeclaredQuotas, type LimitEvent, Limits, validateDeclaredQuotas } from './limits/limits.js';
import { Models } from './models/models.js';
import { Responses } from './responses/responses.js';
import { MemoryResponseStore, type ResponseStore } from './responses/store.js';
import { isOnDemandThroughputError, profileFallbackFor, resolveModel, type ResolvedModel } from './models/resolve.js';

export type { CrossRegionMode, AliasTarget };

/** A warning the client reports instead of failing (e.g. a dropped parameter, a profile fallback). */
export interface Warning {
  /** Stable code: `unsupported_param_dropped`, `inference_profile_fallback`, … */
  code: string;
  message: string;
  param?: string | undefined;
}

export interface ClientOptions {
  /** AWS region. Default: see the configuration table in the README (ends at `us-east-1`). */
  region?: string | undefined;
  /** Shared-config profile for the AWS credential chain (and its `region`). */
  profile?: string | undefined;
  /** Static AWS keys (session token honoured) or any AWS credential provider function. */
  credentials?: CredentialsOption | undefined;
  /** A Bedrock API key (`Authorization: Bearer`). Default: `AWS_BEARER_TOKEN_BEDROCK`. */
  apiKey?: string | undefined;
  /** Bedrock Runtime endpoint URL (a VPC endpoint, a proxy, or the local emulator). */
  endpoint?: string | undefined;
  /** Path of a `bedrock.json`, or `false` to read none. Default: found from the current directory upwards. */
  configFile?: string | false | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** Milliseconds per attempt, up to the first event of a stream. Default 600000 (10 minutes). */
  timeout?: number | undefined;
  /**
   * Milliseconds a started stream may go without an event before it fails with `APIConnectionTimeoutError`.
   * Default 300000 (5 minutes: long enough for slow reasoning, short enough to catch a hung connection); `0`
   * turns the watchdog off. The wait for the first event is bounded by `timeout` instead.
   */
  streamIdleTimeout?: number | undefined;
  /** `auto` (default): add the region's inference-profile prefix where a model needs one; `global`: prefer `global.`; `off`: never. */
  crossRegion?: CrossRegionMode | undefined;
  /** Model aliases of your own; they override built-in ones and bedrock.json's. */
  aliases?: Record<string, AliasTarget> | undefined;
  /** Drop parameters Bedrock cannot honour (reporting each through `onWarning`) instead of failing. Default false. */
  dropUnsupportedParams?: boolean | undefined;
  /** Receives warnings. Default: `process.emitWarning`. */
  onWarning?: ((warning: Warning) => void) | undefined;
  /** Called before each retry with the attempt, the delay and the error name. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /**
   * Remote `image_url` fetching (`http://`/`https://`): `false` to refuse remote URLs, or limits. Default: on,
   * 20 MB, 10 s.
   */
  imageFetch?: false | { maxBytes?: number; timeoutMs?: number } | undefined;
  /** `off` | `error` | `warn` | `info` | `debug`. Default: `BEDROCK_OPENAI_LOG`, else `warn`. Secrets are never logged. */
  logLevel?: LogLevel | undefined;
  logger?: Logger | undefined;
  /**
   * The environment to read. Default `process.env`. It supplies the settings' environment variables, the AWS keys
   * (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), the profile and shared-file paths, and the
   * web-identity variables of the credential chain; the chain's container and instance-role steps are the AWS
   * SDK's and read `process.env`.
   */
  env?: Env | undefined;
  /** Where to look for `bedrock.json`. Default `process.cwd()`. */
  cwd?: string | undefined;
  /**
   * The HTTP handler for the AWS SDK. Default: a keep-alive HTTP/1.1 `NodeHttpHandler` shared by the client's
   * calls (the SDK's own default for Bedrock Runtime opens an HTTP/2 session per request). The client wraps it so
   * that each attempt's `abortSignal` reaches it as the SDK would pass it (the SDK clients run with
   * `cacheMiddleware: true`; see src/core/call-signal.ts): its `handle(request, { abortSignal })` is called as usual.
   */
  requestHandler?: HttpHandler | undefined;
  /**
   * Where `client.responses` keeps responses (`store: true`, OpenAI's default) for `retrieve`, `input_items` and
   * `previous_response_id`. Default: a {@link MemoryResponseStore} (1,000 responses, 64 MiB, least recently used
   * evicted); a `FileResponseStore` keeps them across restarts.
   */
  responseStore?: ResponseStore | undefined;
  /**
   * Batch inference (`files`, `batches`): the S3 folder and the IAM role Bedrock assumes. Each field falls back to
   * `BEDROCK_OPENAI_BATCH_S3_URI` / `BEDROCK_OPENAI_BATCH_ROLE_ARN`, then `batch` in bedrock.json; checked on first use.
   */
  batch?: BatchOptions | undefined;
  /**
   * The account's Bedrock quotas per model (alias or model ID), which the client's limiters never exceed; merged over
   * `bedrock.json`'s `quotas`. Undeclared quotas are learned from throttling. See "Throughput at your quota".
   */
  quotas?: DeclaredQuotas | undefined;
  /** Receives the limiters' events: every attempt sent (`granted`, with its wait in the queue) and every throttle. */
  onLimit?: ((event: LimitEvent) => void) | undefined;
  /** The limiters of another client of the same account (`other.limits`), to share its queues and learned rates. */
  limits?: Limits | undefined;
}

/**
 * @internal What resources pass to `_send`/`_sendStream` besides the request options: the Region of an ARN, and the
 * output budget Bedrock reserves when the request sets no `maxTokens` (the model's maximum output).
 */
export interface InternalRequestOptions extends ReadRequestOptions {
  region?: string | undefined;
  outputBudget?: number | undefined;
}

export type { RequestOptions, HeadersLike } from './core/request-options.js';

export type OperationName = 'Converse' | 'ConverseStream' | 'InvokeModel' | 'InvokeModelWithResponseStream' | 'CountTokens';

export type OperationInput<Name extends OperationName> = BedrockRuntimeOperations[Name][0];
export type OperationOutput<Name extends OperationName> = BedrockRuntimeOperations[Name][1];

export interface SendResult<Output> {
  output: Output;
  /** The model ID actually called: the input's, or the inference profile the on-demand safety net switched to. */
  modelId: string;
  requestId: string | null;
  metadata: ResponseMetadata;
}

export interface StreamSendResult<Event> {
  /** The model ID actually called (see {@link SendResult.modelId}). */
  modelId: string;
  /** The first event (already received: the stream is committed). `undefined` if the stream was empty. */
  first: IteratorResult<Event>;
  /** The rest of the events. */
  rest: AsyncIterator<Event>;
  requestId: string | null;
  metadata: ResponseMetadata;
  /** Aborting it cancels the HTTP request. */
  controller: AbortController;
}

/** Settings resources read. */
export interface ClientSettings {
  dropUnsupportedParams: boolean;
  imageFetch: false | { maxBytes: number; timeoutMs: number };
}

const LOG_LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

export class Client {
  static readonly DEFAULT_TIMEOUT = 600_000;
  static readonly DEFAULT_MAX_RETRIES = 2;
  static readonly DEFAULT_STREAM_IDLE_TIMEOUT = 300_000;

  // The error classes as statics, as on `openai`'s `OpenAI` (`catch (e) { if (e instanceof Client.RateLimitError) … }`).
  // They are this package's classes (the same ones `bedrock-openai` exports), with `openai`'s names and fields.
  static readonly OpenAIError = Errors.OpenAIError;
  static readonly APIError = Errors.APIError;
  static readonly APIConnectionError = Errors.APIConnectionError;
  static readonly APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static readonly APIUserAbortError = Errors.APIUserAbortError;
  static readonly NotFoundError = Errors.NotFoundError;
  static readonly ConflictError = Errors.ConflictError;
  static readonly RateLimitError = Errors.RateLimitError;
  static readonly BadRequestError = Errors.BadRequestError;
  static readonly AuthenticationError = Errors.AuthenticationError;
  static readonly InternalServerError = Errors.InternalServerError;
  static readonly PermissionDeniedError = Errors.PermissionDeniedError;
  static readonly UnprocessableEntityError = Errors.UnprocessableEntityError;
  static readonly InvalidWebhookSignatureError = Errors.InvalidWebhookSignatureError;
  /** Ours only: a `BadRequestError` for bad client configuration or `bedrock.json`. */
  static readonly ConfigurationError = Errors.ConfigurationError;

  readonly chat: Chat;
  readonly embeddings: Embeddings;
  readonly models: Models;
  readonly responses: Responses;

  /** @internal */
  readonly _responseStore: ResponseStore;
  /** OpenAI's Files API over S3 (batch input and output). */
  readonly files: Files;
  /** OpenAI's Batches API over Bedrock batch inference. */
  readonly batches: Batches;
  /**
   * One limiter per model and Region, shared by every call of this client (and of clients given it as `limits`):
   * `client.limits.states()` reports each one's requests in flight and queued and its current rates.
   */
  readonly limits: Limits;

  /** @internal */
  readonly _settings: ClientSettings;
  /** @internal */
  readonly _logger: Required<Logger> & { level: LogLevel };

  readonly #options: ClientOptions;
  readonly #env: Env;
  readonly #file: LoadedBedrockJson | undefined;
  /** Settings resolved without the shared config file (which is read lazily, only when needed for the region). */
  #config: ResolvedConfig;
  #configReady: Promise<ResolvedConfig> | undefined;
  /** The final config once {@link Client.#resolvedConfig} has settled: calls after the first read it without awaiting. */
  #configSettled: ResolvedConfig | undefined;
  readonly #auth: AuthPlan;
  readonly #secrets: string[];
  /** Sends every AWS call: retries, timeouts, cancellation, error mapping, one SDK client per service and region. */
  readonly #transport: Transport;
  #batchConfig: BatchConfig | undefined;
  /** Models already warned about for a `global.` fallback (once per model and region). */
  readonly #globalWarned = new Set<string>();

  constructor(options: ClientOptions = {}) {
    validateClientOptions(options);
    this.#options = options;
    this.#env = options.env ?? process.env;
    const envLevel = this.#env['BEDROCK_OPENAI_LOG']?.trim().toLowerCase();
    const level = options.logLevel ?? (LOG_LEVELS.includes(envLevel as LogLevel) ? (envLevel as LogLevel) : 'warn');
    this._logger = createLogger(level, options.logger);
    validateCredentialOptions(options);

    const path = findBedrockJson({ configFile: options.configFile, env: this.#env, cwd: options.cwd ?? process.cwd() });
    this.#file = path === undefined ? undefined : loadBedrockJson(path);
    this.#config = resolveConfig({ options: configOptionsOf(options), env: this.#env, file: this.#file });
    this.#auth = planAuth({ credentials: options.credentials, config: this.#config, env: this.#env, injectedEnv: this.#env !== process.env });
    this.#secrets = secretsOf(this.#auth);
    const authNote = authWarning(this.#auth);
    if (authNote !== undefined) this._logger.warn(authNote);
    const auth = toSdkAuthConfig(this.#auth);
    this.#transport = new Transport({
      auth: {
        authSchemePreference: auth.authSchemePreference,
        ...(auth.credentials === undefined ? {} : { credentials: auth.credentials as AwsCredentialIdentityProvider }),
        ...(auth.token === undefined ? {} : { token: auth.token }),
      },
      secrets: this.#secrets,
      requestHandler: options.requestHandler,
      endpoint: async (service) => {
        if (service === BEDROCK_RUNTIME) return (await this.#resolvedConfig()).endpoint?.value;
        if (service === S3_SERVICE) return this.#batchConfig?.s3Endpoint;
        if (service === BEDROCK_CONTROL) return this.#batchConfig?.bedrockEndpoint;
        return undefined;
      },
    });
    const declared: DeclaredQuotas = { ...this.#file?.config.quotas, ...options.quotas };
    this.limits =
      options.limits ??
      new Limits({
        declaredFor: (modelId, region) => this.#declaredQuotaFor(declared, modelId, region),
        onEvent: options.onLimit,
      });

    const imageFetch = options.imageFetch;
    this._settings = {
      dropUnsupportedParams: options.dropUnsupportedParams ?? false,
      imageFetch:
        imageFetch === false
          ? false
          : { maxBytes: imageFetch?.maxBytes ?? DEFAULT_IMAGE_FETCH.maxBytes, timeoutMs: imageFetch?.timeoutMs ?? DEFAULT_IMAGE_FETCH.timeoutMs },
    };

    this.chat = new Chat(this);
    this.embeddings = new Embeddings(this);
    this._responseStore = options.responseStore ?? new MemoryResponseStore();
    this.responses = new Responses(this);
    this.files = new Files(this);
    this.batches = new Batches(this);
    this.models = new Models(async () => {
      const config = await this.#resolvedConfig();
      return { region: config.region.value, crossRegion: config.crossRegion.value, aliases: config.aliases };
    });
    this._logger.debug(`bedrock-openai: ${this.describe()}`);
  }

  /**
   * @internal The batch settings (a `ConfigurationError` naming the missing or malformed field) and calls to S3 and
   * the Bedrock control plane through the transport.
   */
  async _batchContext(): Promise<BatchContext> {
    this.#batchConfig ??= resolveBatchConfig({ options: this.#options.batch, env: this.#env, file: this.#file?.config.batch, filePath: this.#file?.path });
    const config = this.#batchConfig;
    const region = (await this.#resolvedConfig()).region.value;
    const transport = this.#transport;
    return {
      config,
      region,
      send: async (service, name, input, options = {}) => {
        // `openai`'s request options, read as everywhere (src/core/request-options.ts): `signal: null`, `headers` sent.
        // Only the common keys: the batch methods' own options (e.g. `waitFor`'s) are theirs to check.
        const { maxRetries, timeout, streamIdleTimeout, signal, onRetry, headers, query, idempotencyKey, fetchOptions } = options;
        const read = readRequestOptions({ maxRetries, timeout, streamIdleTimeout, signal, onRetry, headers, query, idempotencyKey, fetchOptions });
        const policy = this._retryPolicy(read);
        return (await transport.send(service, name, input, { region, maxRetries: policy.maxRetries, timeoutMs: policy.timeoutMs, signal: read.signal, onRetry: policy.onRetry, headers: read.headers })).output;
      },
      s3Client: () => transport.sdkClient(S3_SERVICE, region),
      mapError: (error) => fromAwsError(error, this.#secrets),
    };
  }

  /** @internal The transport (src/core/transport.ts), for resources that call other AWS services. */
  get _transport(): Transport {
    return this.#transport;
  }

  /** The resolved settings and where each came from, without secrets (for debugging). */
  describe(): string {
    const config = this.#config;
    const parts = [
      `region ${config.region.value} (${describeSource(config.region.source)})`,
      `auth: ${describeAuth(this.#auth)}`,
      config.endpoint === undefined ? 'endpoint: AWS default' : `endpoint ${config.endpoint.value} (${describeSource(config.endpoint.source)})`,
      `maxRetries ${config.maxRetries.value}`,
      `timeout ${config.timeout.value} ms`,
      `crossRegion ${config.crossRegion.value}`,
      this.#file === undefined ? 'no bedrock.json' : `bedrock.json at ${this.#file.path}`,
    ];
    const limits = this.limits.states();
    if (limits.length > 0) {
      const perMinute = (rate: number | null, declared: number | undefined, unit: string): string =>
        rate === null ? `${unit}/min unknown` : `${Math.round(rate)} ${unit}/min (${declared !== undefined && rate >= declared ? 'declared' : 'learned'})`;
      const described = limits.map(
        (state) =>
          `${state.model} in ${state.region}: ${state.inFlight} in flight, ${state.queued} queued, ` +
          `${perMinute(state.requestsPerMinute, state.declared.requestsPerMinute, 'requests')}, ${perMinute(state.tokensPerMinute, state.declared.tokensPerMinute, 'tokens')}, ` +
          `${state.throttled} throttled of ${state.admitted + state.throttled}`,
      );
      parts.push(`limits: ${described.join('; ')}`);
    }
    return parts.join('; ');
  }

  /** The declared quota of a model ID in a Region: a `quotas` key that is that ID or resolves to it. */
  #declaredQuotaFor(declared: DeclaredQuotas, modelId: string, region: string): DeclaredQuota | undefined {
    if (declared[modelId] !== undefined) return declared[modelId];
    const config = this.#configSettled ?? this.#config;
    for (const [name, quota] of Object.entries(declared)) {
      try {
        if (resolveModel(name, { region, crossRegion: config.crossRegion.value, aliases: config.aliases }).modelId === modelId) return quota;
      } catch {
        // A name that does not resolve declares nothing for this model.
      }
    }
    return undefined;
  }

  /** The limiter and costs of a Bedrock Runtime model call (CountTokens is not limited). */
  #limitOf(name: OperationName, input: { modelId?: string | undefined }, region: string, outputBudget: number | undefined): AttemptLimit | undefined {
    if (name === 'CountTokens' || input.modelId === undefined) return undefined;
    return {
      limiter: this.limits.for(input.modelId, region),
      tokens: reservedTokens(name, input, outputBudget),
      used: (output) => usedTokens(name, output),
      usedByEvent: name === 'ConverseStream' ? streamEventTokens : undefined,
    };
  }

  /** The region the client calls, and where that setting came from. */
  async region(): Promise<{ value: string; source: string }> {
    const config = await this.#resolvedConfig();
    return { value: config.region.value, source: describeSource(config.region.source) };
  }

  /** Closes pooled connections. The client can still be used afterwards (new connections are opened). */
  close(): void {
    this.#transport.close();
  }

  /** Reads the shared config file's region for the profile, only when no higher-precedence source set one. */
  #resolvedConfig(): Promise<ResolvedConfig> {
    this.#configReady ??= (async () => {
      if (this.#config.region.source !== 'default') return this.#config;
      const sharedConfig = await loadSharedConfig(this.#env);
      this.#config = resolveConfig({ options: configOptionsOf(this.#options), env: this.#env, file: this.#file, sharedConfig });
      this._logger.debug(`bedrock-openai: region ${this.#config.region.value} (${describeSource(this.#config.region.source)})`);
      return this.#config;
    })();
    void this.#configReady.then((config) => (this.#configSettled = config), () => undefined);
    return this.#configReady;
  }

  /**
   * @internal Resolves a model name for a call. In `auto` mode a model with no profile for the Region's geography
   * is sent to its `global.` profile; that crosses the geography, so it is reported through `onWarning` (once per
   * model and region).
   */
  async _resolveModel(name: string, extra: { baseModel?: string | undefined } = {}): Promise<ResolvedModel> {
    const config = await this.#resolvedConfig();
    const resolved = resolveModel(name, {
      region: config.region.value,
      crossRegion: config.crossRegion.value,
      aliases: config.aliases,
      ...(extra.baseModel === undefined ? {} : { baseModel: extra.baseModel }),
    });
    const warningKey = `${name}\u0000${resolved.region}`;
    if (resolved.profileAdded && resolved.profile === 'global' && config.crossRegion.value === 'auto' && !this.#globalWarned.has(warningKey)) {
      this.#globalWarned.add(warningKey);
      this._warn({
        code: 'global_inference_profile',
        message:
          `${name} has no inference profile for the geography of ${resolved.region}, so it is called through ${resolved.modelId}, ` +
          'which may route the request to any commercial Region. Set crossRegion: "off" to prevent this.',
        param: 'model',
      });
    }
    return resolved;
  }

  /** @internal Reports a warning. */
  _warn(warning: Warning): void {
    if (this.#options.onWarning !== undefined) {
      this.#options.onWarning(warning);
      return;
    }
    process.emitWarning(warning.message, { type: 'BedrockOpenAIWarning', code: warning.code });
  }

  /**
   * @internal The retry settings for a call: the request's, else the client's. Embeddings run their own retry loop
   * (each attempt must wait for a slot of the adaptive limiter) and read these.
   */
  _retryPolicy(options: ReadRequestOptions): { maxRetries: number; timeoutMs: number; onRetry: (info: RetryInfo) => void } {
    const maxRetries = options.maxRetries ?? this.#config.maxRetries.value;
    const timeoutMs = options.timeout ?? this.#config.timeout.value;
    if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new ConfigurationError('maxRetries', '`maxRetries` must be a whole number ≥ 0.');
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new ConfigurationError('timeout', '`timeout` must be a number of milliseconds > 0.');
    const onRetry = (info: RetryInfo): void => {
      this._logger.info(`bedrock-openai: attempt ${info.attempt} failed (${info.bedrockErrorName ?? info.errorName}); retrying in ${info.delayMs} ms`);
      options.onRetry?.(info);
      this.#options.onRetry?.(info);
    };
    return { maxRetries, timeoutMs, onRetry };
  }

  /**
   * The safety net for a base model ID that Bedrock refuses on demand in this Region ("…with on-demand
   * throughput isn't supported…"): the inference profile to retry with once, reported through `onWarning`.
   */
  async #profileFallback(error: unknown, modelId: string | undefined, region: string): Promise<string | undefined> {
    if (modelId === undefined || !isOnDemandThroughputError(error)) return undefined;
    const config = await this.#resolvedConfig();
    const fallback = profileFallbackFor(modelId, region, config.crossRegion.value);
    if (fallback === undefined) return undefined;
    this._warn({
      code: 'inference_profile_fallback',
      message: `Bedrock does not serve ${modelId} on demand in ${region}; retried once with the inference profile ${fallback}.`,
      param: 'model',
    });
    return fallback;
  }

  /** @internal Sends one operation with retries. `region` overrides the client's region (an ARN's region). */
  async _send<Name extends OperationName>(
    name: Name,
    input: OperationInput<Name>,
    options: InternalRequestOptions = {},
  ): Promise<SendResult<OperationOutput<Name>>> {
    try {
      return await this.#sendWithRetries(name, input, options);
    } catch (error) {
      const region = options.region ?? (await this.#resolvedConfig()).region.value;
      const fallback = await this.#profileFallback(error, input.modelId, region);
      if (fallback === undefined) throw error;
      return await this.#sendWithRetries(name, { ...input, modelId: fallback }, options);
    }
  }

  async #sendWithRetries<Name extends OperationName>(
    name: Name,
    input: OperationInput<Name>,
    options: InternalRequestOptions,
  ): Promise<SendResult<OperationOutput<Name>>> {
    const config = this.#configSettled ?? (await this.#resolvedConfig());
    const { maxRetries, timeoutMs, onRetry } = this._retryPolicy(options);
    const region = options.region ?? config.region.value;
    const sent = await this.#transport.send(BEDROCK_RUNTIME, name, input, {
      region,
      maxRetries,
      timeoutMs,
      signal: options.signal,
      onRetry,
      headers: options.headers,
      limit: this.#limitOf(name, input, region, options.outputBudget),
    });
    return { output: sent.output, modelId: input.modelId ?? '', requestId: sent.requestId, metadata: sent.metadata };
  }

  /**
   * @internal Sends a streaming operation. Retries cover the request and the wait for the first event (an HTTP
   * error, or an exception frame before any event); once the first event has arrived, nothing is retried.
   */
  async _sendStream<Name extends 'ConverseStream' | 'InvokeModelWithResponseStream', Event>(
    name: Name,
    input: OperationInput<Name>,
    pick: (output: OperationOutput<Name>) => AsyncIterable<Event> | undefined,
    options: InternalRequestOptions = {},
  ): Promise<StreamSendResult<Event>> {
    try {
      return await this.#sendStreamWithRetries(name, input, pick, options);
    } catch (error) {
      const region = options.region ?? (await this.#resolvedConfig()).region.value;
      const fallback = await this.#profileFallback(error, input.modelId, region);
      if (fallback === undefined) throw error;
      return await this.#sendStreamWithRetries(name, { ...input, modelId: fallback }, pick, options);
    }
  }

  async #sendStreamWithRetries<Name extends 'ConverseStream' | 'InvokeModelWithResponseStream', Event>(
    name: Name,
    input: OperationInput<Name>,
    pick: (output: OperationOutput<Name>) => AsyncIterable<Event> | undefined,
    options: InternalRequestOptions,
  ): Promise<StreamSendResult<Event>> {
    const config = await this.#resolvedConfig();
    const { maxRetries, timeoutMs, onRetry } = this._retryPolicy(options);
    const idleTimeoutMs = options.streamIdleTimeout ?? this.#options.streamIdleTimeout ?? Client.DEFAULT_STREAM_IDLE_TIMEOUT;
    if (!Number.isFinite(idleTimeoutMs) || idleTimeoutMs < 0) {
      throw new ConfigurationError('streamIdleTimeout', '`streamIdleTimeout` must be a number of milliseconds ≥ 0 (0 turns it off).');
    }
    const region = options.region ?? config.region.value;
    const sent = await this.#transport.sendStream(BEDROCK_RUNTIME, name, input, pick, {
      region,
      maxRetries,
      timeoutMs,
      signal: options.signal,
      onRetry,
      headers: options.headers,
      idleTimeoutMs,
      limit: this.#limitOf(name, input, region, options.outputBudget),
    });
    return { modelId: input.modelId ?? '', ...sent };
  }
}

function configOptionsOf(options: ClientOptions): ConfigOptions {
  return {
    region: options.region,
    profile: options.profile,
    endpoint: options.endpoint,
    apiKey: options.apiKey,
    maxRetries: options.maxRetries,
    timeout: options.timeout,
    crossRegion: options.crossRegion,
    aliases: options.aliases,
  };
}

/** Type checks for options a JavaScript caller may get wrong. */
function validateClientOptions(options: ClientOptions): void {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('options', 'Client options must be an object.');
  const strings = ['region', 'profile', 'endpoint'] as const;
  for (const key of strings) {
    const value = options[key];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      throw new ConfigurationError(key, `\`${key}\` must be a non-empty string; got ${JSON.stringify(value)}.`);
    }
  }
  if (options.maxRetries !== undefined && (!Number.isInteger(options.maxRetries) || options.maxRetries < 0)) {
    throw new ConfigurationError('maxRetries', `\`maxRetries\` must be a whole number ≥ 0; got ${JSON.stringify(options.maxRetries)}.`);
  }
  if (options.timeout !== undefined && (typeof options.timeout !== 'number' || !Number.isFinite(options.timeout) || options.timeout <= 0)) {
    throw new ConfigurationError('timeout', `\`timeout\` must be a number of milliseconds > 0; got ${JSON.stringify(options.timeout)}.`);
  }
  if (
    options.streamIdleTimeout !== undefined &&
    (typeof options.streamIdleTimeout !== 'number' || !Number.isFinite(options.streamIdleTimeout) || options.streamIdleTimeout < 0)
  ) {
    throw new ConfigurationError('streamIdleTimeout', `\`streamIdleTimeout\` must be a number of milliseconds ≥ 0 (0 turns it off); got ${JSON.stringify(options.streamIdleTimeout)}.`);
  }
  if (options.crossRegion !== undefined && !['auto', 'off', 'global'].includes(options.crossRegion)) {
    throw new ConfigurationError('crossRegion', `\`crossRegion\` must be "auto", "off" or "global"; got ${JSON.stringify(options.crossRegion)}.`);
  }
  if (options.configFile !== undefined && options.configFile !== false && typeof options.configFile !== 'string') {
    throw new ConfigurationError('configFile', '`configFile` must be a path or false.');
  }
  if (options.logLevel !== undefined && !LOG_LEVELS.includes(options.logLevel)) {
    throw new ConfigurationError('logLevel', `\`logLevel\` must be one of ${LOG_LEVELS.join(', ')}.`);
  }
  if (options.quotas !== undefined) validateDeclaredQuotas(options.quotas);
  if (options.onLimit !== undefined && typeof options.onLimit !== 'function') throw new ConfigurationError('onLimit', '`onLimit` must be a function.');
  if (options.limits !== undefined && !(options.limits instanceof Limits)) {
    throw new ConfigurationError('limits', '`limits` must be another client\'s `limits` (`new Client({ limits: other.limits })`).');
  }
}

/** The shared config file's profile sections, read with the SDK's own loader (honours AWS_CONFIG_FILE via `env`). */
async function loadSharedConfig(env: Env): Promise<Record<string, Record<string, string | undefined>>> {
  const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
  const configFilepath = env['AWS_CONFIG_FILE']?.trim();
  const filepath = env['AWS_SHARED_CREDENTIALS_FILE']?.trim();
  try {
    const files = await loadSharedConfigFiles({
      ...(configFilepath === undefined || configFilepath === '' ? {} : { configFilepath }),
      ...(filepath === undefined || filepath === '' ? {} : { filepath }),
      ignoreCache: true,
    });
    return files.configFile as Record<string, Record<string, string | undefined>>;
  } catch {
    return {};
  }
}
