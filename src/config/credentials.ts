/**
 * How the client authenticates, decided once from the options and the environment:
 *
 * 1. A Bedrock API key (`apiKey` option, else `AWS_BEARER_TOKEN_BEDROCK`) → `Authorization: Bearer`, through the
 *    SDK's own `token` support with `authSchemePreference: ['httpBearerAuth']` (without it SigV4 wins).
 * 2. Explicit `credentials` (static keys, session token honoured, or any AWS credential provider function) → SigV4.
 * 3. Otherwise the full AWS credential chain, `fromNodeProviderChain({ profile })` (environment keys, SSO, shared
 *    ini files, `credential_process`, web identity, ECS and EC2 instance roles), imported lazily on the first
 *    request and refreshed by the SDK.
 *
 * Explicit options win over the environment: `credentials` given as an option beats `AWS_BEARER_TOKEN_BEDROCK`.
 * Two explicit modes at once (`apiKey` with `credentials` or `profile`; `credentials` with `profile`) is an error.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AuthenticationError, ConfigurationError, redactSecrets } from '../core/errors.js';
import { readEnv, type Env } from '../internal/env.js';
import { describeSource, type ResolvedConfig, type Source } from './resolve.js';

/** Static AWS keys. `sessionToken` is required for temporary (`ASIA…`) keys. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export type CredentialsOption = StaticCredentials | AwsCredentialIdentityProvider;

export type AuthPlan =
  | { kind: 'bearer'; token: string; source: Source }
  | { kind: 'static'; credentials: StaticCredentials; source: 'option' }
  | { kind: 'provider'; provider: AwsCredentialIdentityProvider; source: 'option' }
  | { kind: 'chain'; profile: string; profileSource: Source; credentialsFile: string; configFile: string };

/** The auth settings handed to `BedrockRuntimeClient`. */
export interface SdkAuthConfig {
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  token?: { token: string };
  authSchemePreference: string[];
}

/** Checks explicit options for conflicts and half-filled keys. Throws `ConfigurationError`. */
export function validateCredentialOptions(options: {
  apiKey?: unknown;
  credentials?: unknown;
  profile?: unknown;
}): void {
  const explicit = (['apiKey', 'credentials', 'profile'] as const).filter((name) => options[name] !== undefined);
  if (explicit.length > 1) {
    throw new ConfigurationError(
      explicit.join(', '),
      `Pass only one of ${explicit.map((name) => `\`${name}\``).join(' and ')}: they are different ways to authenticate. ` +
        'Use `apiKey` for a Bedrock API key, `credentials` for AWS keys or a credential provider, or `profile` for a shared-config profile.',
    );
  }
  if (options.apiKey !== undefined && (typeof options.apiKey !== 'string' || options.apiKey.trim() === '')) {
    throw new ConfigurationError('apiKey', '`apiKey` must be a non-empty string (a Bedrock API key).');
  }
  if (options.profile !== undefined && (typeof options.profile !== 'string' || options.profile.trim() === '')) {
    throw new ConfigurationError('profile', '`profile` must be a non-empty string (a profile name from ~/.aws/config).');
  }
  const credentials = options.credentials;
  if (credentials === undefined || typeof credentials === 'function') return;
  if (typeof credentials !== 'object' || credentials === null) {
    throw new ConfigurationError('credentials', '`credentials` must be { accessKeyId, secretAccessKey, sessionToken? } or a credential provider function.');
  }
  const { accessKeyId, secretAccessKey, sessionToken } = credentials as Record<string, unknown>;
  const missing = [
    typeof accessKeyId === 'string' && accessKeyId.trim() !== '' ? undefined : 'accessKeyId',
    typeof secretAccessKey === 'string' && secretAccessKey.trim() !== '' ? undefined : 'secretAccessKey',
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    throw new ConfigurationError(
      `credentials.${missing[0]}`,
      `\`credentials\` needs both accessKeyId and secretAccessKey; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing or empty.`,
    );
  }
  if (sessionToken !== undefined && typeof sessionToken !== 'string') {
    throw new ConfigurationError('credentials.sessionToken', '`credentials.sessionToken` must be a string.');
  }
}

/** Decides the auth mode. Pure: the environment is injected. */
export function planAuth(input: {
  credentials?: CredentialsOption | undefined;
  config: ResolvedConfig;
  env: Env;
}): AuthPlan {
  const { config, env } = input;
  if (input.credentials !== undefined) {
    return typeof input.credentials === 'function'
      ? { kind: 'provider', provider: input.credentials, source: 'option' }
      : { kind: 'static', credentials: input.credentials, source: 'option' };
  }
  if (config.apiKey !== undefined) return { kind: 'bearer', token: config.apiKey.value, source: config.apiKey.source };
  const home = readEnv(env, 'HOME') ?? readEnv(env, 'USERPROFILE') ?? homedir();
  return {
    kind: 'chain',
    profile: config.profile.value,
    profileSource: config.profile.source,
    credentialsFile: readEnv(env, 'AWS_SHARED_CREDENTIALS_FILE') ?? join(home, '.aws', 'credentials'),
    configFile: readEnv(env, 'AWS_CONFIG_FILE') ?? join(home, '.aws', 'config'),
  };
}

/** A short description of the auth mode, without secrets, for debug output. */
export function describeAuth(plan: AuthPlan): string {
  switch (plan.kind) {
    case 'bearer':
      return `Bedrock API key from ${describeSource(plan.source)}`;
    case 'static':
      return 'static AWS keys from the credentials option';
    case 'provider':
      return 'the credential provider from the credentials option';
    case 'chain':
      return `the AWS credential chain (profile "${plan.profile}" from ${describeSource(plan.profileSource)})`;
  }
}

/** The secrets of a plan, so that messages can be scrubbed of them. */
export function secretsOf(plan: AuthPlan): string[] {
  if (plan.kind === 'bearer') return [plan.token];
  if (plan.kind === 'static') {
    return [plan.credentials.secretAccessKey, plan.credentials.sessionToken ?? '', plan.credentials.accessKeyId].filter((value) => value !== '');
  }
  return [];
}

/**
 * The SDK client's auth settings for a plan. The scheme preference is always explicit, so that an
 * `AWS_BEARER_TOKEN_BEDROCK` left in the environment cannot silently override keys the user passed.
 */
export function toSdkAuthConfig(plan: AuthPlan): SdkAuthConfig {
  switch (plan.kind) {
    case 'bearer':
      return {
        token: { token: plan.token },
        authSchemePreference: ['httpBearerAuth'],
        // The SigV4 identity is never used with this preference; a provider that fails clearly keeps the SDK
        // from running its own default chain.
        credentials: async () => {
          throw new AuthenticationError(401, 'SigV4 credentials are not used when a Bedrock API key is configured.');
        },
      };
    case 'static': {
      const { accessKeyId, secretAccessKey, sessionToken } = plan.credentials;
      return {
        credentials: sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken },
        authSchemePreference: ['sigv4'],
      };
    }
    case 'provider':
      return { credentials: plan.provider, authSchemePreference: ['sigv4'] };
    case 'chain':
      return { credentials: createChainProvider(plan), authSchemePreference: ['sigv4'] };
  }
}

/**
 * The Node credential chain, imported on first use (it is large and most programs never need its SSO or STS
 * code at start-up). A chain that finds nothing becomes an `AuthenticationError` saying what was tried.
 */
export function createChainProvider(plan: Extract<AuthPlan, { kind: 'chain' }>): AwsCredentialIdentityProvider {
  let provider: AwsCredentialIdentityProvider | undefined;
  return async (identityProperties) => {
    if (provider === undefined) {
      const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
      provider = fromNodeProviderChain({
        profile: plan.profile,
        filepath: plan.credentialsFile,
        configFilepath: plan.configFile,
      });
    }
    try {
      return await provider(identityProperties);
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === 'CredentialsProviderError' || name === 'ProviderError') throw noCredentialsError(plan, error);
      throw error;
    }
  };
}

/** The error for a credential chain that found nothing: what was tried, and how to fix it. Never a secret. */
export function noCredentialsError(plan: Extract<AuthPlan, { kind: 'chain' }>, cause: unknown): AuthenticationError {
  const detail = cause instanceof Error ? ` (last provider said: ${redactSecrets(cause.message)})` : '';
  const message = [
    `No AWS credentials found for Bedrock${detail}.`,
    `Tried, in order: the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables; SSO, web identity,`,
    `shared ini and credential_process for profile "${plan.profile}" (from ${describeSource(plan.profileSource)})`,
    `in ${plan.credentialsFile} and ${plan.configFile}; ECS and EC2 instance roles.`,
    'To fix it, do one of:',
    `  - run \`aws sso login --profile ${plan.profile}\` (or \`aws configure\`) for that profile;`,
    '  - set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys);',
    '  - name another profile with "profile" in bedrock.json, AWS_PROFILE, or the profile option;',
    '  - use a Bedrock API key: the apiKey option or AWS_BEARER_TOKEN_BEDROCK.',
  ].join('\n');
  const scrubbedCause = cause instanceof Error ? Object.assign(new Error(redactSecrets(cause.message)), { name: cause.name }) : undefined;
  return new AuthenticationError(401, message, {
    cause: scrubbedCause,
    code: 'no_credentials',
    type: 'authentication_error',
    bedrockErrorName: 'CredentialsProviderError',
  });
}
