/**
 * `bedrock.json`: a project file holding the Bedrock settings a team shares (profile, region, endpoint, model
 * aliases, cross-region mode, retries, timeout, declared quotas). It never holds secrets.
 *
 * Where it is found, first match wins:
 * 1. the `configFile` client option (a path; `false` skips the file entirely);
 * 2. the `BEDROCK_CONFIG_FILE` environment variable;
 * 3. `bedrock.json` in the current directory, then each parent directory, stopping after the nearest directory that
 *    holds `package.json` or `.git` (the project root). It is never looked for beside this package's own install.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import { readEnv, type Env } from '../internal/env.js';
import { closestMatches } from '../internal/suggest.js';
import { type DeclaredQuotas, validateDeclaredQuotas } from '../limits/limits.js';

export type CrossRegionMode = 'auto' | 'off' | 'global';

/** A user alias: a model ID or ARN, optionally with the catalog model it is (for an application profile ARN). */
export type AliasTarget = string | { id: string; baseModel?: string };

export interface BedrockJson {
  profile?: string;
  region?: string;
  endpoint?: string;
  aliases?: Record<string, AliasTarget>;
  crossRegion?: CrossRegionMode;
  maxRetries?: number;
  timeout?: number;
  /** Batch inference settings (see src/batch/config.ts); checked when batch inference is used. */
  batch?: { s3Uri?: string; roleArn?: string; s3Endpoint?: string; bedrockEndpoint?: string };
  /** The account's quotas per model (alias or ID), which the client's limiters never exceed. */
  quotas?: DeclaredQuotas;
}

export interface LoadedBedrockJson {
  path: string;
  config: BedrockJson;
}

const KEYS: Record<keyof BedrockJson, string> = {
  profile: 'a string',
  region: 'a string',
  endpoint: 'a string (URL)',
  aliases: 'an object mapping alias names to model IDs, or to { "id": ..., "baseModel": ... }',
  crossRegion: 'one of "auto", "off", "global"',
  maxRetries: 'a whole number ≥ 0',
  timeout: 'a whole number of milliseconds > 0',
  batch: 'an object with string fields s3Uri, roleArn, s3Endpoint, bedrockEndpoint',
  quotas: 'an object mapping models to { "requestsPerMinute": …, "tokensPerMinute": … }',
};

const BATCH_KEYS = ['s3Uri', 'roleArn', 's3Endpoint', 'bedrockEndpoint'] as const;

/**
 * Finds the `bedrock.json` to use, or `undefined` when there is none (or `configFile: false`).
 * An explicit path (option or env) that does not exist is an error: the user asked for that file.
 */
export function findBedrockJson(input: {
  configFile?: string | false | undefined;
  env: Env;
  cwd: string;
  exists?: (path: string) => boolean;
}): string | undefined {
  const exists = input.exists ?? existsSync;
  if (input.configFile === false) return undefined;
  const explicit = input.configFile ?? readEnv(input.env, 'BEDROCK_CONFIG_FILE');
  if (explicit !== undefined) {
    const path = resolve(input.cwd, explicit);
    if (!exists(path)) {
      const source = input.configFile !== undefined ? 'the configFile option' : 'BEDROCK_CONFIG_FILE';
      throw new ConfigurationError('configFile', `bedrock.json not found: ${path} (named by ${source}).`, path);
    }
    return path;
  }
  let directory = resolve(input.cwd);
  for (;;) {
    const candidate = join(directory, 'bedrock.json');
    if (exists(candidate)) return candidate;
    if (exists(join(directory, 'package.json')) || exists(join(directory, '.git'))) return undefined;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Reads and validates a `bedrock.json`. */
export function loadBedrockJson(path: string): LoadedBedrockJson {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError('configFile', `Cannot read bedrock.json at ${path}: ${(error as Error).message}`, path);
  }
  return { path, config: parseBedrockJson(text, path) };
}

/**
 * Parses and validates the text of a `bedrock.json`. Invalid JSON names the line and column; an unknown key is
 * named with a did-you-mean; a wrong type names the key, the expected type and the file.
 */
export function parseBedrockJson(text: string, path: string): BedrockJson {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const { line, column } = locateJsonError(text, error as Error);
    throw new ConfigurationError(
      'bedrock.json',
      `Invalid JSON in ${path} at line ${line}, column ${column}: ${(error as Error).message}`,
      path,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigurationError('bedrock.json', `${path} must hold a JSON object, like { "region": "us-east-1" }.`, path);
  }
  const record = data as Record<string, unknown>;
  const config: BedrockJson = {};
  for (const [key, value] of Object.entries(record)) {
    if (!(key in KEYS)) {
      const [suggestion] = closestMatches(key, Object.keys(KEYS), 1);
      const hint = suggestion === undefined ? ` Known keys: ${Object.keys(KEYS).join(', ')}.` : ` Did you mean "${suggestion}"?`;
      throw new ConfigurationError(key, `Unknown key "${key}" in ${path}.${hint}`, path);
    }
    const wrongType = (): ConfigurationError =>
      new ConfigurationError(key, `"${key}" in ${path} must be ${KEYS[key as keyof BedrockJson]}; got ${describe(value)}.`, path);
    switch (key as keyof BedrockJson) {
      case 'profile':
      case 'region':
      case 'endpoint':
        if (typeof value !== 'string' || value.trim() === '') throw wrongType();
        if (key === 'endpoint' && !isUrl(value)) throw wrongType();
        config[key as 'profile' | 'region' | 'endpoint'] = value.trim();
        break;
      case 'crossRegion':
        if (value !== 'auto' && value !== 'off' && value !== 'global') throw wrongType();
        config.crossRegion = value;
        break;
      case 'maxRetries':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw wrongType();
        config.maxRetries = value;
        break;
      case 'timeout':
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw wrongType();
        config.timeout = value;
        break;
      case 'aliases':
        config.aliases = parseAliases(value, path, wrongType);
        break;
      case 'batch': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType();
        const batch: NonNullable<BedrockJson['batch']> = {};
        for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
          if (!(BATCH_KEYS as readonly string[]).includes(field)) {
            throw new ConfigurationError(`batch.${field}`, `Unknown key "batch.${field}" in ${path}. Known keys: ${BATCH_KEYS.join(', ')}.`, path);
          }
          if (typeof fieldValue !== 'string' || fieldValue.trim() === '') {
            throw new ConfigurationError(`batch.${field}`, `"batch.${field}" in ${path} must be a non-empty string; got ${describe(fieldValue)}.`, path);
          }
          batch[field as (typeof BATCH_KEYS)[number]] = fieldValue.trim();
        }
        config.batch = batch;
        break;
      }
      case 'quotas':
        config.quotas = validateDeclaredQuotas(value, path);
        break;
    }
  }
  return config;
}

function parseAliases(value: unknown, path: string, wrongType: () => ConfigurationError): Record<string, AliasTarget> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType();
  const aliases: Record<string, AliasTarget> = {};
  for (const [name, target] of Object.entries(value as Record<string, unknown>)) {
    const param = `aliases.${name}`;
    if (typeof target === 'string' && target.trim() !== '') {
      aliases[name] = target.trim();
      continue;
    }
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
      const { id, baseModel, ...rest } = target as Record<string, unknown>;
      const [extra] = Object.keys(rest);
      if (extra !== undefined) {
        throw new ConfigurationError(param, `Unknown key "${extra}" in "${param}" in ${path}; an alias takes "id" and "baseModel".`, path);
      }
      if (typeof id !== 'string' || id.trim() === '') {
        throw new ConfigurationError(param, `"${param}.id" in ${path} must be a model ID or ARN (a string).`, path);
      }
      if (baseModel !== undefined && (typeof baseModel !== 'string' || baseModel.trim() === '')) {
        throw new ConfigurationError(param, `"${param}.baseModel" in ${path} must be a model alias or ID (a string).`, path);
      }
      aliases[name] = baseModel === undefined ? { id: id.trim() } : { id: id.trim(), baseModel: (baseModel as string).trim() };
      continue;
    }
    throw new ConfigurationError(param, `"${param}" in ${path} must be a model ID string or { "id": ..., "baseModel": ... }; got ${describe(target)}.`, path);
  }
  return aliases;
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Line and column (1-based) of a JSON.parse error. V8 names a position for some errors and not for others
 * ("Unexpected token 'o', …"), so the position is found by bisecting prefixes of the text: a prefix that only
 * runs out early ("Unexpected end", or an error at its very end) is fine so far; the shortest prefix that fails
 * otherwise ends at the offending character.
 */
export function locateJsonError(text: string, error: Error): { line: number; column: number } {
  const failsBefore = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (prefixError) {
      const message = (prefixError as Error).message;
      if (/Unexpected end/i.test(message)) return false;
      const position = /position (\d+)/.exec(message);
      return !(position !== null && Number(position[1]) >= length);
    }
  };
  let offset: number;
  const stated = /position (\d+)/.exec(error.message);
  if (stated !== null) {
    offset = Number(stated[1]);
  } else {
    let low = 1;
    let high = text.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (failsBefore(middle)) high = middle;
      else low = middle + 1;
    }
    offset = low - 1;
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}
