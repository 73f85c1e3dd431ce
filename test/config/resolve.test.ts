import { describe, expect, it } from 'vitest';
import { describeSource, resolveConfig } from '../../src/config/resolve.js';
import { ConfigurationError } from '../../src/core/errors.js';

const file = {
  path: '/p/bedrock.json',
  config: { region: 'eu-west-1', profile: 'file-profile', endpoint: 'http://file.example', maxRetries: 4, timeout: 1000, crossRegion: 'off' as const },
};
const sharedConfig = { 'file-profile': { region: 'ap-south-1' }, default: { region: 'ca-central-1' }, 'env-profile': { region: 'sa-east-1' } };

describe('resolveConfig: region', () => {
  it.each([
    ['option', { options: { region: 'us-west-2' }, env: { AWS_REGION: 'eu-central-1' }, file, sharedConfig }, 'us-west-2', 'option'],
    ['AWS_REGION', { options: {}, env: { AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'eu-north-1' }, file, sharedConfig }, 'eu-central-1', 'env:AWS_REGION'],
    ['AWS_DEFAULT_REGION', { options: {}, env: { AWS_DEFAULT_REGION: 'eu-north-1' }, file, sharedConfig }, 'eu-north-1', 'env:AWS_DEFAULT_REGION'],
    ['blank env counts as unset', { options: {}, env: { AWS_REGION: '  ', AWS_DEFAULT_REGION: '' }, file, sharedConfig }, 'eu-west-1', 'bedrock.json:region'],
    ['bedrock.json', { options: {}, env: {}, file, sharedConfig }, 'eu-west-1', 'bedrock.json:region'],
    ['shared config of the file profile', { options: {}, env: {}, file: { path: 'f', config: { profile: 'file-profile' } }, sharedConfig }, 'ap-south-1', 'shared-config:file-profile'],
    ['shared config of the env profile', { options: {}, env: { AWS_PROFILE: 'env-profile' }, sharedConfig }, 'sa-east-1', 'shared-config:env-profile'],
    ['shared config of the default profile', { options: {}, env: {}, sharedConfig }, 'ca-central-1', 'shared-config:default'],
    ['default', { options: {}, env: {} }, 'us-east-1', 'default'],
  ] as const)('from %s', (_name, input, value, source) => {
    const config = resolveConfig(input as Parameters<typeof resolveConfig>[0]);
    expect(config.region).toEqual({ value, source });
  });
});

describe('resolveConfig: profile', () => {
  it.each([
    [{ options: { profile: 'opt' }, env: { AWS_PROFILE: 'env' }, file }, 'opt', 'option'],
    [{ options: {}, env: { AWS_PROFILE: 'env' }, file }, 'env', 'env:AWS_PROFILE'],
    [{ options: {}, env: { AWS_PROFILE: ' ' }, file }, 'file-profile', 'bedrock.json:profile'],
    [{ options: {}, env: {} }, 'default', 'default'],
  ] as const)('%#', (input, value, source) => {
    expect(resolveConfig(input as Parameters<typeof resolveConfig>[0]).profile).toEqual({ value, source });
  });
});

describe('resolveConfig: endpoint', () => {
  it.each([
    [{ options: { endpoint: 'http://127.0.0.1:1' }, env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://a', AWS_ENDPOINT_URL: 'http://b' }, file }, 'http://127.0.0.1:1', 'option'],
    [{ options: {}, env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://a', AWS_ENDPOINT_URL: 'http://b' }, file }, 'http://a', 'env:AWS_ENDPOINT_URL_BEDROCK_RUNTIME'],
    [{ options: {}, env: { AWS_ENDPOINT_URL: 'http://b' }, file }, 'http://b', 'env:AWS_ENDPOINT_URL'],
    [{ options: {}, env: {}, file }, 'http://file.example', 'bedrock.json:endpoint'],
  ] as const)('%#', (input, value, source) => {
    expect(resolveConfig(input as Parameters<typeof resolveConfig>[0]).endpoint).toEqual({ value, source });
  });

  it('is undefined (the AWS default) when nothing sets it', () => {
    expect(resolveConfig({ options: {}, env: {} }).endpoint).toBeUndefined();
  });

  it('rejects a non-URL endpoint naming its source', () => {
    expect(() => resolveConfig({ options: {}, env: { AWS_ENDPOINT_URL: 'localhost:4599' } })).toThrow(ConfigurationError);
    expect(() => resolveConfig({ options: {}, env: { AWS_ENDPOINT_URL: 'localhost:4599' } })).toThrow(/AWS_ENDPOINT_URL environment variable/);
  });
});

describe('resolveConfig: other settings', () => {
  it('takes the API key from the option, then AWS_BEARER_TOKEN_BEDROCK', () => {
    expect(resolveConfig({ options: { apiKey: 'k1' }, env: { AWS_BEARER_TOKEN_BEDROCK: 'k2' } }).apiKey).toEqual({ value: 'k1', source: 'option' });
    expect(resolveConfig({ options: {}, env: { AWS_BEARER_TOKEN_BEDROCK: 'k2' } }).apiKey).toEqual({ value: 'k2', source: 'env:AWS_BEARER_TOKEN_BEDROCK' });
    expect(resolveConfig({ options: {}, env: { AWS_BEARER_TOKEN_BEDROCK: '' } }).apiKey).toBeUndefined();
  });

  it('takes retries, timeout and crossRegion from the option, then bedrock.json, then defaults', () => {
    const fromFile = resolveConfig({ options: {}, env: {}, file });
    expect([fromFile.maxRetries, fromFile.timeout, fromFile.crossRegion]).toEqual([
      { value: 4, source: 'bedrock.json:maxRetries' },
      { value: 1000, source: 'bedrock.json:timeout' },
      { value: 'off', source: 'bedrock.json:crossRegion' },
    ]);
    const fromOptions = resolveConfig({ options: { maxRetries: 0, timeout: 5, crossRegion: 'global' }, env: {}, file });
    expect([fromOptions.maxRetries.value, fromOptions.timeout.value, fromOptions.crossRegion.value]).toEqual([0, 5, 'global']);
    const defaults = resolveConfig({ options: {}, env: {} });
    expect([defaults.maxRetries, defaults.timeout, defaults.crossRegion]).toEqual([
      { value: 2, source: 'default' },
      { value: 600000, source: 'default' },
      { value: 'auto', source: 'default' },
    ]);
  });

  it('merges aliases, the option over bedrock.json', () => {
    const config = resolveConfig({
      options: { aliases: { b: 'option-b', c: 'option-c' } },
      env: {},
      file: { path: 'f', config: { aliases: { a: 'file-a', b: 'file-b' } } },
    });
    expect(config.aliases).toEqual({ a: 'file-a', b: 'option-b', c: 'option-c' });
  });

  it('describes sources in words', () => {
    expect(describeSource('env:AWS_REGION')).toBe('the AWS_REGION environment variable');
    expect(describeSource('bedrock.json:region')).toBe('bedrock.json (region)');
    expect(describeSource('shared-config:dev')).toBe('the shared AWS config file (profile dev)');
    expect(describeSource('option')).toBe('the client option');
  });
});
