/**
 * What `new Client(options)` accepts ({@link ClientOptions}, every field documented), the type checks run on it
 * before anything else, and the settings resources read once it is built.
 */
import type { BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import type { BatchOptions } from './batch/config.js';
import type { AliasTarget, CrossRegionMode } from './config/bedrock-json.js';
import type { CredentialsOption } from './config/credentials.js';
import type { ConfigOptions } from './config/resolve.js';
import { ConfigurationError } from './core/errors.js';
import type { RetryInfo } from './core/retry.js';
import type { Env } from './internal/env.js';
import { LOG_LEVELS, type Logger, type LogLevel } from './internal/log.js';
import { type DeclaredQuotas, type LimitEvent, Limits, validateDeclaredQuotas } from './limits/limits.js';
import type { ResponseStore } from './responses/store.js';

/** An HTTP handler the AWS SDK accepts (`NodeHttpHandler`, `NodeHttp2Handler`, …). */
export type HttpHandler = NonNullable<BedrockRuntimeClientConfig['requestHandler']>;

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

/** Settings resources read. */
export interface ClientSettings {
  dropUnsupportedParams: boolean;
  imageFetch: false | { maxBytes: number; timeoutMs: number };
}

/** The options the pure config resolver reads (src/config/resolve.ts). */
export function configOptionsOf(options: ClientOptions): ConfigOptions {
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
export function validateClientOptions(options: ClientOptions): void {
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
