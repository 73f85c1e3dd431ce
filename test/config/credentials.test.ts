import { describe, expect, it } from 'vitest';
import {
  authWarning,
  chainInit,
  describeAuth,
  noCredentialsError,
  planAuth,
  secretsOf,
  toSdkAuthConfig,
  validateCredentialOptions,
} from '../../src/config/credentials.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { AuthenticationError, ConfigurationError } from '../../src/core/errors.js';

const keys = { accessKeyId: 'AKIDEXAMPLEPLAN0001', secretAccessKey: 'plan-secret-key-value-0123456789abcdefghij' };

function plan(
  options: { apiKey?: string; credentials?: Parameters<typeof planAuth>[0]['credentials']; profile?: string; fileProfile?: string; injectedEnv?: boolean },
  env: Record<string, string> = {},
) {
  const file = options.fileProfile === undefined ? undefined : { path: '/p/bedrock.json', config: { profile: options.fileProfile } };
  const config = resolveConfig({ options: { apiKey: options.apiKey, profile: options.profile }, env, file });
  return planAuth({ credentials: options.credentials, config, env, injectedEnv: options.injectedEnv });
}

const envKeys = { AWS_ACCESS_KEY_ID: 'AKIDENVKEYS000000001', AWS_SECRET_ACCESS_KEY: 'env-secret-key-value-0123456789abcdefghij' };
const envPair = { accessKeyId: envKeys.AWS_ACCESS_KEY_ID, secretAccessKey: envKeys.AWS_SECRET_ACCESS_KEY };

describe('validateCredentialOptions', () => {
  it.each([
    [{ apiKey: 'k', credentials: keys }, 'apiKey, credentials'],
    [{ apiKey: 'k', profile: 'p' }, 'apiKey, profile'],
    [{ credentials: keys, profile: 'p' }, 'credentials, profile'],
    [{ apiKey: 'k', credentials: keys, profile: 'p' }, 'apiKey, credentials, profile'],
  ])('rejects two explicit modes at once (%#), naming both', (options, param) => {
    try {
      validateCredentialOptions(options);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).param).toBe(param);
      for (const name of param.split(', ')) expect((error as Error).message).toContain(`\`${name}\``);
    }
  });

  it.each([
    [{ credentials: { accessKeyId: 'AKID' } }, 'credentials.secretAccessKey'],
    [{ credentials: { secretAccessKey: 's' } }, 'credentials.accessKeyId'],
    [{ credentials: { accessKeyId: '', secretAccessKey: '' } }, 'credentials.accessKeyId'],
    [{ credentials: 'AKID:secret' }, 'credentials'],
    [{ credentials: { ...keys, sessionToken: 5 } }, 'credentials.sessionToken'],
    [{ apiKey: '' }, 'apiKey'],
    [{ profile: ' ' }, 'profile'],
  ])('rejects malformed options (%#)', (options, param) => {
    expect(() => validateCredentialOptions(options as never)).toThrow(ConfigurationError);
    try {
      validateCredentialOptions(options as never);
    } catch (error) {
      expect((error as ConfigurationError).param).toBe(param);
      expect((error as Error).message).not.toContain('AKID:secret');
    }
  });

  it('accepts one mode, or a provider function', () => {
    expect(() => validateCredentialOptions({ credentials: keys })).not.toThrow();
    expect(() => validateCredentialOptions({ credentials: async () => keys })).not.toThrow();
    expect(() => validateCredentialOptions({})).not.toThrow();
  });
});

describe('planAuth', () => {
  it('uses an explicit API key as bearer', () => {
    expect(plan({ apiKey: 'bedrock-api-key-abc' })).toEqual({ kind: 'bearer', token: 'bedrock-api-key-abc', source: 'option' });
  });

  it('uses AWS_BEARER_TOKEN_BEDROCK when nothing explicit is given', () => {
    expect(plan({}, { AWS_BEARER_TOKEN_BEDROCK: 'env-key' })).toMatchObject({ kind: 'bearer', source: 'env:AWS_BEARER_TOKEN_BEDROCK' });
  });

  it('lets explicit credentials beat AWS_BEARER_TOKEN_BEDROCK', () => {
    expect(plan({ credentials: keys }, { AWS_BEARER_TOKEN_BEDROCK: 'env-key' })).toMatchObject({ kind: 'static' });
  });

  it('falls back to the chain with the resolved profile and injected file paths', () => {
    expect(plan({}, { AWS_PROFILE: 'dev', AWS_SHARED_CREDENTIALS_FILE: '/c/credentials', AWS_CONFIG_FILE: '/c/config' })).toEqual({
      kind: 'chain',
      profile: 'dev',
      profileSource: 'env:AWS_PROFILE',
      passProfile: true,
      credentialsFile: '/c/credentials',
      configFile: '/c/config',
      webIdentity: {},
      environmentKeys: 'unset',
    });
    expect(plan({}, { HOME: '/home/u' })).toMatchObject({ profile: 'default', credentialsFile: '/home/u/.aws/credentials', configFile: '/home/u/.aws/config' });
  });
});

describe('planAuth: AWS keys in the environment against a chosen profile', () => {
  // [case, options, env, expected kind, expected extra]
  it.each([
    ['keys alone: used, first in the chain', {}, envKeys, { kind: 'environment', source: 'env:AWS_ACCESS_KEY_ID', credentials: envPair }],
    [
      'keys with a session token',
      {},
      { ...envKeys, AWS_SESSION_TOKEN: 'session-token-value' },
      { kind: 'environment', credentials: { ...envPair, sessionToken: 'session-token-value' } },
    ],
    ['keys and AWS_PROFILE: the profile wins (the SDK\'s documented rule)', {}, { ...envKeys, AWS_PROFILE: 'dev' }, { kind: 'chain', profile: 'dev', passProfile: true, environmentKeys: 'ignored-for-profile' }],
    ['keys and a bedrock.json profile: the project file is an explicit choice', { fileProfile: 'team' }, envKeys, { kind: 'chain', profile: 'team', profileSource: 'bedrock.json:profile', environmentKeys: 'ignored-for-profile' }],
    ['keys and the profile option', { profile: 'opt' }, envKeys, { kind: 'chain', profile: 'opt', profileSource: 'option', environmentKeys: 'ignored-for-profile' }],
    ['half a pair: the chain, noting it', {}, { AWS_ACCESS_KEY_ID: 'AKIDHALF' }, { kind: 'chain', passProfile: false, environmentKeys: 'incomplete:AWS_ACCESS_KEY_ID' }],
    ['blank keys count as unset', {}, { AWS_ACCESS_KEY_ID: ' ', AWS_SECRET_ACCESS_KEY: '' }, { kind: 'chain', environmentKeys: 'unset' }],
    ['nothing chosen: no profile is passed, the SDK runs its own order', {}, {}, { kind: 'chain', profile: 'default', passProfile: false }],
    ['an injected environment always passes the profile (process.env keys stay out)', { injectedEnv: true }, {}, { kind: 'chain', profile: 'default', passProfile: true }],
    ['a bearer key beats environment keys', {}, { ...envKeys, AWS_BEARER_TOKEN_BEDROCK: 'bk' }, { kind: 'bearer' }],
  ] as const)('%s', (_name, options, env, expected) => {
    expect(plan(options, env as Record<string, string>)).toMatchObject(expected);
  });

  it('passes web identity settings from the client environment to the chain', () => {
    const chain = plan({}, { AWS_WEB_IDENTITY_TOKEN_FILE: '/t/token', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/r', AWS_ROLE_SESSION_NAME: 's' });
    expect(chain.kind === 'chain' && chainInit(chain)).toMatchObject({
      webIdentityTokenFile: '/t/token',
      roleArn: 'arn:aws:iam::123456789012:role/r',
      roleSessionName: 's',
    });
  });

  it('gives the chain a profile only when one was chosen (or the environment is injected)', () => {
    const unchosen = plan({}, {});
    const chosen = plan({}, { AWS_PROFILE: 'dev' });
    expect(unchosen.kind === 'chain' && 'profile' in chainInit(unchosen)).toBe(false);
    expect(chosen.kind === 'chain' && chainInit(chosen).profile).toBe('dev');
  });

  it('warns once about ignored keys, naming the profile and where it was chosen, without secrets', () => {
    const warning = authWarning(plan({ fileProfile: 'team' }, envKeys));
    expect(warning).toContain('profile "team"');
    expect(warning).toContain('bedrock.json (profile)');
    expect(warning).not.toContain(envKeys.AWS_SECRET_ACCESS_KEY);
    expect(authWarning(plan({}, envKeys))).toBeUndefined();
    expect(authWarning(plan({}, { AWS_PROFILE: 'dev' }))).toBeUndefined();
  });

  it('describes what will be used', () => {
    expect(describeAuth(plan({}, { ...envKeys, AWS_SESSION_TOKEN: 't' }))).toBe(
      'AWS keys from the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables with AWS_SESSION_TOKEN',
    );
    expect(describeAuth(plan({}, { ...envKeys, AWS_PROFILE: 'dev' }))).toContain('environment keys are ignored');
    expect(describeAuth(plan({}, {}))).toBe('the AWS credential chain for profile "default" (from the default)');
  });

  it('scrubs the environment keys from messages', () => {
    expect(secretsOf(plan({}, envKeys))).toEqual([envKeys.AWS_SECRET_ACCESS_KEY, envKeys.AWS_ACCESS_KEY_ID]);
  });
});

describe('toSdkAuthConfig', () => {
  it('sends environment keys as SigV4 credentials, with an expiration through a provider', async () => {
    const plain = toSdkAuthConfig({ kind: 'environment', credentials: { ...keys, sessionToken: 'tok' }, source: 'env:AWS_ACCESS_KEY_ID' });
    expect(plain.credentials).toEqual({ ...keys, sessionToken: 'tok' });
    expect(plain.authSchemePreference).toEqual(['sigv4']);
    const expiration = new Date('2030-01-01T00:00:00Z');
    const expiring = toSdkAuthConfig({ kind: 'environment', credentials: { ...keys, expiration }, source: 'env:AWS_ACCESS_KEY_ID' });
    expect(typeof expiring.credentials).toBe('function');
    expect(await (expiring.credentials as () => Promise<unknown>)()).toEqual({ ...keys, expiration });
  });

  it('forces the bearer scheme for API keys (SigV4 would win otherwise)', () => {
    const config = toSdkAuthConfig({ kind: 'bearer', token: 'tok', source: 'option' });
    expect(config.authSchemePreference).toEqual(['httpBearerAuth']);
    expect(config.token).toEqual({ token: 'tok' });
  });

  it('forces SigV4 for keys, so a stray AWS_BEARER_TOKEN_BEDROCK cannot override them', () => {
    const config = toSdkAuthConfig({ kind: 'static', credentials: { ...keys, sessionToken: 'tok' }, source: 'option' });
    expect(config.authSchemePreference).toEqual(['sigv4']);
    expect(config.credentials).toEqual({ ...keys, sessionToken: 'tok' });
    expect(config.token).toBeUndefined();
  });
});

describe('messages without secrets', () => {
  it('describes each mode without the secret', () => {
    const bearer = describeAuth({ kind: 'bearer', token: 'bedrock-api-key-SECRET', source: 'env:AWS_BEARER_TOKEN_BEDROCK' });
    expect(bearer).toBe('Bedrock API key from the AWS_BEARER_TOKEN_BEDROCK environment variable');
    expect(describeAuth({ kind: 'static', credentials: keys, source: 'option' })).not.toContain(keys.secretAccessKey);
  });

  it('lists the secrets of a plan for scrubbing', () => {
    expect(secretsOf({ kind: 'static', credentials: { ...keys, sessionToken: 'session-token' }, source: 'option' })).toEqual([
      keys.secretAccessKey,
      'session-token',
      keys.accessKeyId,
    ]);
  });

  it('explains a chain that found nothing: what was tried and how to fix it', () => {
    const error = noCredentialsError(
      {
        kind: 'chain',
        profile: 'team',
        profileSource: 'bedrock.json:profile',
        passProfile: true,
        credentialsFile: '/h/.aws/credentials',
        configFile: '/h/.aws/config',
        webIdentity: {},
        environmentKeys: 'unset',
      },
      new Error('Could not load credentials from any providers'),
      { AWS_EC2_METADATA_DISABLED: 'true' },
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('aws sso login --profile team');
    expect(error.message).toContain('AWS_ACCESS_KEY_ID');
    expect(error.message).toContain('bedrock.json (profile)');
    expect(error.message).toContain('/h/.aws/credentials');
    expect(error.message).toContain('AWS_BEARER_TOKEN_BEDROCK');
    expect(error.message).toContain('(not set)');
    expect(error.message).toContain('instance metadata service is disabled');
  });

  it.each([
    ['ignored-for-profile', 'were skipped, since profile "team" was chosen'],
    ['incomplete:AWS_SECRET_ACCESS_KEY', 'only AWS_SECRET_ACCESS_KEY is set: both are needed'],
  ] as const)('says truthfully what became of environment keys (%s)', (environmentKeys, text) => {
    const chain = {
      kind: 'chain',
      profile: 'team',
      profileSource: 'option',
      passProfile: true,
      credentialsFile: '/c',
      configFile: '/f',
      webIdentity: { tokenFile: '/t', roleArn: 'arn:aws:iam::1:role/r' },
      environmentKeys,
    } as const;
    const message = noCredentialsError(chain, new Error('x'), { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:1/c' }).message;
    expect(message).toContain(text);
    expect(message).toContain('web identity with the token in /t');
    expect(message).toContain('ECS container credentials endpoint');
  });
});
