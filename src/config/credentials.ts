/**
 * How the client authenticates, decided once from the options and the environment:
 *
 * 1. A Bedrock API key (`apiKey` option, else `AWS_BEARER_TOKEN_BEDROCK`) → `Authorization: Bearer`, through the
 *    SDK's own `token` support with `authSchemePreference: ['httpBearerAuth']` (without it SigV4 wins).
 * 2. Explicit `credentials` (static keys, session token honoured, or any AWS credential provider function) → SigV4.
 * 3. Otherwise the AWS credential chain, in the SDK's own order (`fromNodeProviderChain`):
 *    a. AWS keys in the environment (`AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY`, with `AWS_SESSION_TOKEN`),
 *       unless a profile was chosen: by the `profile` option, `AWS_PROFILE` (the SDK's documented rule: the profile
 *       wins and the keys are ignored) or `bedrock.json` (a project file naming a profile is an explicit choice too).
 *       Then the keys are ignored and the client warns once, saying so.
 *    b. The profile (the chosen one, else `default`) in the shared credentials and config files: static keys,
 *       assume-role, SSO, `credential_process`, a web-identity token file.
 *    c. Web identity from `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`, then ECS container and EC2 instance roles.
 *    The chain is imported lazily on the first request and refreshed by the SDK.
 *
 * Step (a) is read here from the client's environment (`env` option, default `process.env`), so that `describe()`
 * names the keys before any request and an injected environment is honoured; the keys are then used exactly as the
 * SDK's `fromEnv` would. The chain is given a profile only when one was chosen (or when the environment is injected,
 * so that keys in `process.env` cannot slip in behind it): given a profile, the SDK skips the environment keys.
 * Its container and instance-role steps read `process.env`, as the SDK does.
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

/** AWS keys read from the environment (the chain's first step), with the SDK's optional companions. */
export interface EnvironmentCredentials extends StaticCredentials {
  expiration?: Date | undefined;
  credentialScope?: string | undefined;
  accountId?: string | undefined;
}

/** The credential chain's plan: which profile it reads, where, and what the environment holds for its steps. */
export interface ChainPlan {
  kind: 'chain';
  /** The profile the chain reads: the chosen one, else `default`. */
  profile: string;
  profileSource: Source;
  /** Whether the chain is given the profile explicitly (a profile was chosen, or the environment is injected). */
  passProfile: boolean;
  credentialsFile: string;
  configFile: string;
  /** `AWS_WEB_IDENTITY_TOKEN_FILE`/`AWS_ROLE_ARN`/`AWS_ROLE_SESSION_NAME` from the client's environment. */
  webIdentity: { tokenFile?: string; roleArn?: string; roleSessionName?: string };
  /** What became of AWS keys in the environment: none, half a pair, or a full pair ignored for the chosen profile. */
  environmentKeys: 'unset' | 'ignored-for-profile' | `incomplete:${string}`;
}

export type AuthPlan =
  | { kind: 'bearer'; token: string; source: Source }
  | { kind: 'static'; credentials: StaticCredentials; source: 'option' }
  | { kind: 'provider'; provider: AwsCredentialIdentityProvider; source: 'option' }
  | { kind: 'environment'; credentials: EnvironmentCredentials; source: `env:${string}` }
  | ChainPlan;

const ENV_KEY = 'AWS_ACCESS_KEY_ID';
const ENV_SECRET = 'AWS_SECRET_ACCESS_KEY';
const ENV_SESSION = 'AWS_SESSION_TOKEN';

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

/**
 * Decides the auth mode. Pure: the environment is injected. `injectedEnv` says the environment is not
 * `process.env` (the SDK's chain reads `process.env` for its environment-key step, so it must then be kept from it).
 */
export function planAuth(input: {
  credentials?: CredentialsOption | undefined;
  config: ResolvedConfig;
  env: Env;
  injectedEnv?: boolean | undefined;
}): AuthPlan {
  const { config, env } = input;
  if (input.credentials !== undefined) {
    return typeof input.credentials === 'function'
      ? { kind: 'provider', provider: input.credentials, source: 'option' }
      : { kind: 'static', credentials: input.credentials, source: 'option' };
  }
  if (config.apiKey !== undefined) return { kind: 'bearer', token: config.apiKey.value, source: config.apiKey.source };

  const profileChosen = config.profile.source !== 'default';
  const accessKeyId = readEnv(env, ENV_KEY);
  const secretAccessKey = readEnv(env, ENV_SECRET);
  if (accessKeyId !== undefined && secretAccessKey !== undefined && !profileChosen) {
    return { kind: 'environment', credentials: environmentCredentials(env, accessKeyId, secretAccessKey), source: `env:${ENV_KEY}` };
  }
  const present = [ENV_KEY, ENV_SECRET].filter((name) => readEnv(env, name) !== undefined);
  const environmentKeys: ChainPlan['environmentKeys'] =
    present.length === 2 ? 'ignored-for-profile' : present.length === 1 ? `incomplete:${present[0]}` : 'unset';

  const home = readEnv(env, 'HOME') ?? readEnv(env, 'USERPROFILE') ?? homedir();
  const webIdentity: ChainPlan['webIdentity'] = {};
  const tokenFile = readEnv(env, 'AWS_WEB_IDENTITY_TOKEN_FILE');
  const roleArn = readEnv(env, 'AWS_ROLE_ARN');
  const roleSessionName = readEnv(env, 'AWS_ROLE_SESSION_NAME');
  if (tokenFile !== undefined) webIdentity.tokenFile = tokenFile;
  if (roleArn !== undefined) webIdentity.roleArn = roleArn;
  if (roleSessionName !== undefined) webIdentity.roleSessionName = roleSessionName;
  return {
    kind: 'chain',
    profile: config.profile.value,
    profileSource: config.profile.source,
    passProfile: profileChosen || input.injectedEnv === true,
    credentialsFile: readEnv(env, 'AWS_SHARED_CREDENTIALS_FILE') ?? join(home, '.aws', 'credentials'),
    configFile: readEnv(env, 'AWS_CONFIG_FILE') ?? join(home, '.aws', 'config'),
    webIdentity,
    environmentKeys,
  };
}

/** The environment's keys as the SDK's `fromEnv` reads them (session token, expiration, scope and account ID). */
function environmentCredentials(env: Env, accessKeyId: string, secretAccessKey: string): EnvironmentCredentials {
  const credentials: EnvironmentCredentials = { accessKeyId, secretAccessKey };
  const sessionToken = readEnv(env, ENV_SESSION);
  const expiration = readEnv(env, 'AWS_CREDENTIAL_EXPIRATION');
  const credentialScope = readEnv(env, 'AWS_CREDENTIAL_SCOPE');
  const accountId = readEnv(env, 'AWS_ACCOUNT_ID');
  if (sessionToken !== undefined) credentials.sessionToken = sessionToken;
  if (expiration !== undefined) credentials.expiration = new Date(expiration);
  if (credentialScope !== undefined) credentials.credentialScope = credentialScope;
  if (accountId !== undefined) credentials.accountId = accountId;
  return credentials;
}

/**
 * A warning for a plan that ignores something the user may expect to be used (AWS keys in the environment beside
 * a chosen profile), or `undefined`. The client logs it once.
 */
export function authWarning(plan: AuthPlan): string | undefined {
  if (plan.kind !== 'chain' || plan.environmentKeys !== 'ignored-for-profile') return undefined;
  return (
    `bedrock-openai: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are set, but profile "${plan.profile}" was chosen by ` +
    `${describeSource(plan.profileSource)}: the profile's credentials are used and the environment keys are ignored. ` +
    'Unset one of them to silence this warning.'
  );
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
    case 'environment':
      return `AWS keys from the ${ENV_KEY}/${ENV_SECRET} environment variables${plan.credentials.sessionToken === undefined ? '' : ` with ${ENV_SESSION}`}`;
    case 'chain':
      return `the AWS credential chain for profile "${plan.profile}" (from ${describeSource(plan.profileSource)}${environmentKeysNote(plan)})`;
  }
}

function environmentKeysNote(plan: ChainPlan): string {
  if (plan.environmentKeys === 'ignored-for-profile') return `; the ${ENV_KEY}/${ENV_SECRET} environment keys are ignored for it`;
  if (plan.environmentKeys.startsWith('incomplete:')) return `; only ${plan.environmentKeys.slice('incomplete:'.length)} of the environment key pair is set`;
  return '';
}

/** The secrets of a plan, so that messages can be scrubbed of them. */
export function secretsOf(plan: AuthPlan): string[] {
  if (plan.kind === 'bearer') return [plan.token];
  if (plan.kind === 'static' || plan.kind === 'environment') {
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
    case 'environment': {
      const { expiration, ...rest } = plan.credentials;
      const identity: AwsCredentialIdentity = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as unknown as AwsCredentialIdentity;
      // Keys with an expiration are served through a provider, as the SDK's fromEnv serves them.
      return expiration === undefined
        ? { credentials: identity, authSchemePreference: ['sigv4'] }
        : { credentials: async () => ({ ...identity, expiration }), authSchemePreference: ['sigv4'] };
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
export function createChainProvider(plan: ChainPlan): AwsCredentialIdentityProvider {
  let provider: AwsCredentialIdentityProvider | undefined;
  return async (identityProperties) => {
    if (provider === undefined) {
      const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
      provider = fromNodeProviderChain(chainInit(plan));
    }
    try {
      return await provider(identityProperties);
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === 'CredentialsProviderError' || name === 'ProviderError') throw noCredentialsError(plan, error, process.env);
      throw error;
    }
  };
}

/**
 * What `fromNodeProviderChain` is given for a plan: the profile only when one was chosen (or the environment is
 * injected: given a profile the SDK skips `process.env`'s keys, which step (a) has already read from the client's
 * environment), the file paths and web-identity settings from the client's environment, and a logger that keeps
 * the SDK's "Multiple credential sources detected" console warning out (the client says it once, accurately).
 */
export function chainInit(plan: ChainPlan): {
  profile?: string;
  filepath: string;
  configFilepath: string;
  webIdentityTokenFile?: string;
  roleArn?: string;
  roleSessionName?: string;
  logger: Required<Pick<Console, 'debug' | 'info' | 'warn' | 'error'>>;
} {
  const { tokenFile, roleArn, roleSessionName } = plan.webIdentity;
  const quiet = (): void => undefined;
  return {
    ...(plan.passProfile ? { profile: plan.profile } : {}),
    filepath: plan.credentialsFile,
    configFilepath: plan.configFile,
    ...(tokenFile === undefined ? {} : { webIdentityTokenFile: tokenFile }),
    ...(roleArn === undefined ? {} : { roleArn }),
    ...(roleSessionName === undefined ? {} : { roleSessionName }),
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  };
}

/** The error for a credential chain that found nothing: what was tried, and how to fix it. Never a secret. */
/** `remoteEnv` is what the SDK's container and instance-role steps read: `process.env`. */
export function noCredentialsError(plan: ChainPlan, cause: unknown, remoteEnv: Env = {}): AuthenticationError {
  const detail = cause instanceof Error ? ` (last provider said: ${redactSecrets(cause.message)})` : '';
  const set = (name: string): boolean => readEnv(remoteEnv, name) !== undefined;
  const environmentStep =
    plan.environmentKeys === 'ignored-for-profile'
      ? `the ${ENV_KEY}/${ENV_SECRET} environment variables were skipped, since profile "${plan.profile}" was chosen`
      : plan.environmentKeys === 'unset'
        ? `the ${ENV_KEY}/${ENV_SECRET} environment variables (not set)`
        : `the ${ENV_KEY}/${ENV_SECRET} environment variables (only ${plan.environmentKeys.slice('incomplete:'.length)} is set: both are needed)`;
  const webIdentityStep =
    plan.webIdentity.tokenFile !== undefined && plan.webIdentity.roleArn !== undefined
      ? `web identity with the token in ${plan.webIdentity.tokenFile}`
      : 'web identity (AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not both set)';
  const container = set('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI') || set('AWS_CONTAINER_CREDENTIALS_FULL_URI');
  const imdsDisabled = (readEnv(remoteEnv, 'AWS_EC2_METADATA_DISABLED') ?? 'false').toLowerCase() !== 'false';
  const remoteStep = container
    ? 'the ECS container credentials endpoint'
    : imdsDisabled
      ? 'no ECS container endpoint set, and the EC2 instance metadata service is disabled (AWS_EC2_METADATA_DISABLED)'
      : 'no ECS container endpoint set, then the EC2 instance metadata service';
  const message = [
    `No AWS credentials found for Bedrock${detail}.`,
    `Tried, in order: ${environmentStep};`,
    `profile "${plan.profile}" (from ${describeSource(plan.profileSource)}) in ${plan.credentialsFile} and ${plan.configFile}`,
    `(static keys, assume-role, SSO, credential_process, web identity); ${webIdentityStep}; ${remoteStep}.`,
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
