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
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { Batches } from './batch/batches.js';
import { type BatchConfig, describeBatchConfig, resolveBatchConfig } from './batch/config.js';
import type { BatchContext } from './batch/context.js';
import { Files } from './batch/files.js';
import { Chat } from './chat/chat.js';
import { DEFAULT_IMAGE_FETCH } from './chat/image-source.js';
import { type ClientOptions, type ClientSettings, configOptionsOf, validateClientOptions, type Warning } from './client-options.js';
import { type AliasTarget, type CrossRegionMode, findBedrockJson, type LoadedBedrockJson, loadBedrockJson } from './config/bedrock-json.js';
import {
  type AuthPlan,
  authWarning,
  describeAuth,
  planAuth,
  secretsOf,
  toSdkAuthConfig,
  validateCredentialOptions,
} from './config/credentials.js';
import { describeSource, resolveConfig, type ResolvedConfig } from './config/resolve.js';
import { loadSharedConfig } from './config/shared-config.js';
import * as Errors from './core/errors.js';
import { ConfigurationError, fromAwsError } from './core/errors.js';
import type { InternalRequestOptions, OperationInput, OperationName, OperationOutput, SendResult, StreamSendResult } from './core/operations.js';
import { type ReadRequestOptions, readRequestOptions } from './core/request-options.js';
import type { RetryInfo } from './core/retry.js';
import { BEDROCK_CONTROL, BEDROCK_RUNTIME, S3_SERVICE } from './core/services.js';
import { type AttemptLimit, type SendOptions, Transport } from './core/transport.js';
import { Embeddings } from './embeddings/embeddings.js';
import type { Env } from './internal/env.js';
import { createLogger, LOG_LEVELS, type Logger, type LogLevel } from './internal/log.js';
import { reservedTokens, streamEventTokens, usedTokens } from './limits/cost.js';
import { type DeclaredQuota, type DeclaredQuotas, Limits } from './limits/limits.js';
import { Models } from './models/models.js';
import { Responses } from './responses/responses.js';
import { MemoryResponseStore, type ResponseStore } from './responses/store.js';
import { isOnDemandThroughputError, profileFallbackFor, resolveModel, type ResolvedModel } from './models/resolve.js';

export type { CrossRegionMode, AliasTarget };
export { type ClientOptions, type ClientSettings, type HttpHandler, type Warning } from './client-options.js';
export type { InternalRequestOptions, OperationInput, OperationName, OperationOutput, SendResult, StreamSendResult } from './core/operations.js';
export type { RequestOptions, HeadersLike } from './core/request-options.js';

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
    const config = this.#resolveBatchConfig();
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

  #resolveBatchConfig(): BatchConfig {
    this.#batchConfig ??= resolveBatchConfig({ options: this.#options.batch, env: this.#env, file: this.#file?.config.batch, filePath: this.#file?.path });
    return this.#batchConfig;
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
      describeBatchConfig(() => this.#resolveBatchConfig()),
    ];
    const limits = this.limits.describe();
    if (limits.length > 0) parts.push(`limits: ${limits.join('; ')}`);
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
    return this.#withProfileFallback(input, options, async (modelInput) => {
      const config = this.#configSettled ?? (await this.#resolvedConfig());
      const sent = await this.#transport.send(BEDROCK_RUNTIME, name, modelInput, this.#attemptOptions(name, modelInput, options, config));
      return { output: sent.output, modelId: modelInput.modelId ?? '', requestId: sent.requestId, metadata: sent.metadata };
    });
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
    const idleTimeoutMs = options.streamIdleTimeout ?? this.#options.streamIdleTimeout ?? Client.DEFAULT_STREAM_IDLE_TIMEOUT;
    if (!Number.isFinite(idleTimeoutMs) || idleTimeoutMs < 0) {
      throw new ConfigurationError('streamIdleTimeout', '`streamIdleTimeout` must be a number of milliseconds ≥ 0 (0 turns it off).');
    }
    return this.#withProfileFallback(input, options, async (modelInput) => {
      const config = this.#configSettled ?? (await this.#resolvedConfig());
      const attempt = this.#attemptOptions(name, modelInput, options, config);
      const sent = await this.#transport.sendStream(BEDROCK_RUNTIME, name, modelInput, pick, { ...attempt, idleTimeoutMs });
      return { modelId: modelInput.modelId ?? '', ...sent };
    });
  }

  /**
   * Runs `call` (one operation with its retries); when Bedrock refuses the base model ID on demand in this Region,
   * runs it once more with the inference profile the safety net picks (see {@link Client.#profileFallback}).
   */
  async #withProfileFallback<Input extends { modelId?: string | undefined }, Result>(
    input: Input,
    options: InternalRequestOptions,
    call: (input: Input) => Promise<Result>,
  ): Promise<Result> {
    try {
      return await call(input);
    } catch (error) {
      const region = options.region ?? (await this.#resolvedConfig()).region.value;
      const fallback = await this.#profileFallback(error, input.modelId, region);
      if (fallback === undefined) throw error;
      return await call({ ...input, modelId: fallback });
    }
  }

  /**
   * The transport options of a Bedrock Runtime call: Region, retries, per-attempt timeout, signal, headers, limiter.
   * Synchronous: once the config has settled, a call awaits nothing before the transport.
   */
  #attemptOptions(name: OperationName, input: { modelId?: string | undefined }, options: InternalRequestOptions, config: ResolvedConfig): SendOptions {
    const { maxRetries, timeoutMs, onRetry } = this._retryPolicy(options);
    const region = options.region ?? config.region.value;
    return {
      region,
      maxRetries,
      timeoutMs,
      signal: options.signal,
      onRetry,
      headers: options.headers,
      limit: this.#limitOf(name, input, region, options.outputBudget),
    };
  }
}
