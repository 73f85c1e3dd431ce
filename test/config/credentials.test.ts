import { describe, expect, it } from 'vitest';
import {
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

function plan(options: { apiKey?: string; credentials?: Parameters<typeof planAuth>[0]['credentials']; profile?: string }, env: Record<string, string> = {}) {
  const config = resolveConfig({ options: { apiKey: options.apiKey, profile: options.profile }, env });
  return planAuth({ credentials: options.credentials, config, env });
}

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
      credentialsFile: '/c/credentials',
      configFile: '/c/config',
    });
    expect(plan({}, { HOME: '/home/u' })).toMatchObject({ profile: 'default', credentialsFile: '/home/u/.aws/credentials', configFile: '/home/u/.aws/config' });
  });
});

describe('toSdkAuthConfig', () => {
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
      { kind: 'chain', profile: 'team', profileSource: 'bedrock.json:profile', credentialsFile: '/h/.aws/credentials', configFile: '/h/.aws/config' },
      new Error('Could not load credentials from any providers'),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('aws sso login --profile team');
    expect(error.message).toContain('AWS_ACCESS_KEY_ID');
    expect(error.message).toContain('bedrock.json (profile)');
    expect(error.message).toContain('/h/.aws/credentials');
    expect(error.message).toContain('AWS_BEARER_TOKEN_BEDROCK');
  });
});
