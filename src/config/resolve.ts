/**
 * One pure resolver for every client setting. Precedence, highest first:
 *
 * | setting     | option        | environment                                                  | bedrock.json  | shared config file              | default     |
 * |-------------|---------------|--------------------------------------------------------------|---------------|---------------------------------|-------------|
 * | region      | `region`      | `AWS_REGION`, then `AWS_DEFAULT_REGION`                      | `region`      | the profile's `region`          | `us-east-1` |
 * | profile     | `profile`     | `AWS_PROFILE`                                                | `profile`     | –                               | `default`   |
 * | endpoint    | `endpoint`    | `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, then `AWS_ENDPOINT_URL`  | `endpoint`    | –                               | AWS's       |
 * | apiKey      | `apiKey`      | `AWS_BEARER_TOKEN_BEDROCK`                                   | –             | –                               | none        |
 * | maxRetries  | `maxRetries`  | –                                                            | `maxRetries`  | –                               | `2`         |
 * | timeout     | `timeout`     | –                                                            | `timeout`     | –                               | 600000 ms   |
 * | crossRegion | `crossRegion` | –                                                            | `crossRegion` | –                               | `auto`      |
 *
 * Blank environment values count as unset. Every resolved value carries its source, for error messages and
 * debug output.
 */
import { ConfigurationError } from '../core/errors.js';
import { readEnv, type Env } from '../internal/env.js';
import type { AliasTarget, BedrockJson, CrossRegionMode } from './bedrock-json.js';

export type Source =
  | 'option'
  | `env:${string}`
  | `bedrock.json:${string}`
  | `shared-config:${string}`
  | 'default';

export interface Resolved<T> {
  value: T;
  source: Source;
}

/** What the resolver reads from the client's options (already type-checked). */
export interface ConfigOptions {
  region?: string | undefined;
  profile?: string | undefined;
  endpoint?: string | undefined;
  apiKey?: string | undefined;
  maxRetries?: number | undefined;
  timeout?: number | undefined;
  crossRegion?: CrossRegionMode | undefined;
  aliases?: Record<string, AliasTarget> | undefined;
}

export interface ResolvedConfig {
  region: Resolved<string>;
  profile: Resolved<string>;
  endpoint: Resolved<string> | undefined;
  apiKey: Resolved<string> | undefined;
  maxRetries: Resolved<number>;
  timeout: Resolved<number>;
  crossRegion: Resolved<CrossRegionMode>;
  /** Built-in aliases are overridden by bedrock.json's, which are overridden by the option's. */
  aliases: Record<string, AliasTarget>;
}

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_MAX_RETRIES = 2;
/** Ten minutes per attempt, as the `openai` package. */
export const DEFAULT_TIMEOUT_MS = 600_000;

function first<T>(...candidates: (Resolved<T | undefined> | undefined)[]): Resolved<T> | undefined {
  for (const candidate of candidates) {
    if (candidate !== undefined && candidate.value !== undefined) return candidate as Resolved<T>;
  }
  return undefined;
}

function fromEnv(env: Env, name: string): Resolved<string | undefined> {
  return { value: readEnv(env, name), source: `env:${name}` };
}

/**
 * Resolves every setting from the options, the environment, `bedrock.json` (with its path, for sources) and the
 * shared config file's profile sections (`sharedConfig[profile].region`). Pure: no I/O, no `process.env`.
 */
export function resolveConfig(input: {
  options: ConfigOptions;
  env: Env;
  file?: { path: string; config: BedrockJson } | undefined;
  sharedConfig?: Record<string, Record<string, string | undefined>> | undefined;
}): ResolvedConfig {
  const { options, env } = input;
  const file = input.file?.config ?? {};
  const fileSource = (key: string): Source => `bedrock.json:${key}`;
  const option = <T>(value: T | undefined): Resolved<T | undefined> => ({ value, source: 'option' });
  const fromFile = <T>(key: keyof BedrockJson, value: T | undefined): Resolved<T | undefined> => ({ value, source: fileSource(key) });

  const profile = first(option(options.profile), fromEnv(env, 'AWS_PROFILE'), fromFile('profile', file.profile)) ?? {
    value: 'default',
    source: 'default' as const,
  };

  const sharedRegion = input.sharedConfig?.[profile.value]?.['region']?.trim();
  const region = first(
    option(options.region),
    fromEnv(env, 'AWS_REGION'),
    fromEnv(env, 'AWS_DEFAULT_REGION'),
    fromFile('region', file.region),
    { value: sharedRegion === '' ? undefined : sharedRegion, source: `shared-config:${profile.value}` },
  ) ?? { value: DEFAULT_REGION, source: 'default' as const };

  const endpoint = first(
    option(options.endpoint),
    fromEnv(env, 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME'),
    fromEnv(env, 'AWS_ENDPOINT_URL'),
    fromFile('endpoint', file.endpoint),
  );

  const apiKey = first(option(options.apiKey), fromEnv(env, 'AWS_BEARER_TOKEN_BEDROCK'));

  const maxRetries = first(option(options.maxRetries), fromFile('maxRetries', file.maxRetries)) ?? {
    value: DEFAULT_MAX_RETRIES,
    source: 'default' as const,
  };
  const timeout = first(option(options.timeout), fromFile('timeout', file.timeout)) ?? {
    value: DEFAULT_TIMEOUT_MS,
    source: 'default' as const,
  };
  const crossRegion = first<CrossRegionMode>(option(options.crossRegion), fromFile('crossRegion', file.crossRegion)) ?? {
    value: 'auto' as const,
    source: 'default' as const,
  };

  if (endpoint !== undefined) assertUrl(endpoint);

  return {
    region,
    profile,
    endpoint,
    apiKey,
    maxRetries,
    timeout,
    crossRegion,
    aliases: { ...file.aliases, ...options.aliases },
  };
}

function assertUrl(endpoint: Resolved<string>): void {
  let url: URL | undefined;
  try {
    url = new URL(endpoint.value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigurationError('endpoint', `The endpoint from ${describeSource(endpoint.source)} is not an http(s) URL: ${JSON.stringify(endpoint.value)}.`);
  }
}

/** A source in words, for messages: `the AWS_REGION environment variable`, `bedrock.json (region)`. */
export function describeSource(source: Source): string {
  if (source === 'option') return 'the client option';
  if (source === 'default') return 'the default';
  if (source.startsWith('env:')) return `the ${source.slice(4)} environment variable`;
  if (source.startsWith('bedrock.json:')) return `bedrock.json (${source.slice('bedrock.json:'.length)})`;
  return `the shared AWS config file (profile ${source.slice('shared-config:'.length)})`;
}
