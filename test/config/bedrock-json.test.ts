import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBedrockJson, loadBedrockJson, parseBedrockJson } from '../../src/config/bedrock-json.js';
import { ConfigurationError } from '../../src/core/errors.js';

function catchError(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected an error');
}

describe('parseBedrockJson', () => {
  it('reads every key', () => {
    const config = parseBedrockJson(
      JSON.stringify({
        profile: 'team',
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:4599',
        aliases: { fast: 'anthropic.claude-3-haiku-20240307-v1:0', app: { id: 'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc', baseModel: 'claude-sonnet-4-5' } },
        crossRegion: 'global',
        maxRetries: 5,
        timeout: 30000,
      }),
      '/p/bedrock.json',
    );
    expect(config).toEqual({
      profile: 'team',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:4599',
      aliases: {
        fast: 'anthropic.claude-3-haiku-20240307-v1:0',
        app: { id: 'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc', baseModel: 'claude-sonnet-4-5' },
      },
      crossRegion: 'global',
      maxRetries: 5,
      timeout: 30000,
    });
  });

  it('accepts an empty object and a byte-order mark', () => {
    expect(parseBedrockJson('\ufeff{}', 'x')).toEqual({});
  });

  it('names line and column of invalid JSON', () => {
    const error = catchError(() => parseBedrockJson('{\n  "region": "eu-west-1",\n  "profile": oops\n}', '/p/bedrock.json'));
    expect(error.message).toContain('/p/bedrock.json');
    expect(error.message).toContain("line 3, column 14");
    expect(error.param).toBe('bedrock.json');
    expect(error.file).toBe('/p/bedrock.json');
  });

  it('names an unknown key with a did-you-mean', () => {
    const error = catchError(() => parseBedrockJson('{"regoin": "eu-west-1"}', '/p/bedrock.json'));
    expect(error.param).toBe('regoin');
    expect(error.message).toContain('Unknown key "regoin"');
    expect(error.message).toContain('Did you mean "region"?');
  });

  it('lists the known keys when nothing is close', () => {
    const error = catchError(() => parseBedrockJson('{"zzzzzzzzzzzz": 1}', 'f'));
    expect(error.message).toContain('Known keys: profile, region, endpoint');
  });

  it.each([
    ['region', 42, 'must be a string'],
    ['region', '', 'must be a string'],
    ['profile', ['a'], 'must be a string'],
    ['endpoint', 'not a url', 'must be a string (URL)'],
    ['crossRegion', 'sometimes', 'one of "auto", "off", "global"'],
    ['maxRetries', -1, 'a whole number ≥ 0'],
    ['maxRetries', 1.5, 'a whole number ≥ 0'],
    ['timeout', 0, 'milliseconds > 0'],
    ['timeout', '100', 'milliseconds > 0'],
    ['aliases', 'x', 'an object mapping alias names'],
  ])('names key, expected type and file for a wrong %s (%j)', (key, value, expected) => {
    const error = catchError(() => parseBedrockJson(JSON.stringify({ [key]: value }), '/p/bedrock.json'));
    expect(error.param).toBe(key);
    expect(error.message).toContain(`"${key}"`);
    expect(error.message).toContain(expected);
    expect(error.message).toContain('/p/bedrock.json');
  });

  it('checks alias entries', () => {
    expect(catchError(() => parseBedrockJson('{"aliases": {"a": 3}}', 'f')).param).toBe('aliases.a');
    expect(catchError(() => parseBedrockJson('{"aliases": {"a": {"baseModel": "x"}}}', 'f')).message).toContain('"aliases.a.id"');
    expect(catchError(() => parseBedrockJson('{"aliases": {"a": {"id": "x", "base": "y"}}}', 'f')).message).toContain('Unknown key "base"');
  });

  it('rejects a non-object document', () => {
    expect(catchError(() => parseBedrockJson('[1]', 'f')).message).toContain('must hold a JSON object');
  });
});

describe('parseBedrockJson quotas', () => {
  it('reads declared quotas', () => {
    expect(parseBedrockJson('{"quotas": {"nova-lite": {"requestsPerMinute": 500, "tokensPerMinute": 200000}}}', 'f').quotas).toEqual({
      'nova-lite': { requestsPerMinute: 500, tokensPerMinute: 200000 },
    });
  });

  it.each([
    ['{"quotas": {"nova-lite": {"requestsPerMinute": -1}}}', 'quotas.nova-lite.requestsPerMinute'],
    ['{"quotas": {"nova-lite": {"rpm": 5}}}', 'quotas.nova-lite.rpm'],
    ['{"quotas": []}', 'quotas'],
  ])('names the bad field of %s', (text, param) => {
    const error = catchError(() => parseBedrockJson(text, '/p/bedrock.json'));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).param).toBe(param);
    expect((error as ConfigurationError).message).toContain('/p/bedrock.json');
  });
});

describe('findBedrockJson', () => {
  function tree(): string {
    const root = mkdtempSync(join(tmpdir(), 'bedrock-json-'));
    mkdirSync(join(root, 'project', 'src', 'deep'), { recursive: true });
    writeFileSync(join(root, 'project', 'package.json'), '{}');
    return root;
  }

  it('walks up to the project root', () => {
    const root = tree();
    writeFileSync(join(root, 'project', 'bedrock.json'), '{}');
    expect(findBedrockJson({ env: {}, cwd: join(root, 'project', 'src', 'deep') })).toBe(join(root, 'project', 'bedrock.json'));
  });

  it('prefers the nearest file', () => {
    const root = tree();
    writeFileSync(join(root, 'project', 'bedrock.json'), '{}');
    writeFileSync(join(root, 'project', 'src', 'bedrock.json'), '{}');
    expect(findBedrockJson({ env: {}, cwd: join(root, 'project', 'src', 'deep') })).toBe(join(root, 'project', 'src', 'bedrock.json'));
  });

  it('stops at the directory holding package.json', () => {
    const root = tree();
    writeFileSync(join(root, 'bedrock.json'), '{}');
    expect(findBedrockJson({ env: {}, cwd: join(root, 'project', 'src') })).toBeUndefined();
  });

  it('stops at a .git directory too', () => {
    const root = mkdtempSync(join(tmpdir(), 'bedrock-json-'));
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    mkdirSync(join(root, 'repo', 'a'));
    writeFileSync(join(root, 'bedrock.json'), '{}');
    expect(findBedrockJson({ env: {}, cwd: join(root, 'repo', 'a') })).toBeUndefined();
  });

  it('uses BEDROCK_CONFIG_FILE, then the option over it', () => {
    const root = tree();
    const fromEnv = join(root, 'env.json');
    const fromOption = join(root, 'option.json');
    writeFileSync(fromEnv, '{}');
    writeFileSync(fromOption, '{}');
    expect(findBedrockJson({ env: { BEDROCK_CONFIG_FILE: fromEnv }, cwd: root })).toBe(fromEnv);
    expect(findBedrockJson({ configFile: fromOption, env: { BEDROCK_CONFIG_FILE: fromEnv }, cwd: root })).toBe(fromOption);
  });

  it('skips everything with configFile: false', () => {
    const root = tree();
    writeFileSync(join(root, 'project', 'bedrock.json'), '{}');
    expect(findBedrockJson({ configFile: false, env: {}, cwd: join(root, 'project') })).toBeUndefined();
  });

  it('fails for an explicit path that does not exist, naming who asked for it', () => {
    const error = catchError(() => findBedrockJson({ env: { BEDROCK_CONFIG_FILE: '/nope/bedrock.json' }, cwd: '/' }));
    expect(error.message).toContain('/nope/bedrock.json');
    expect(error.message).toContain('BEDROCK_CONFIG_FILE');
  });

  it('treats a blank BEDROCK_CONFIG_FILE as unset', () => {
    const root = tree();
    expect(findBedrockJson({ env: { BEDROCK_CONFIG_FILE: '  ' }, cwd: join(root, 'project') })).toBeUndefined();
  });

  it('loads a file from disk', () => {
    const root = tree();
    const path = join(root, 'project', 'bedrock.json');
    writeFileSync(path, '{"region":"ap-southeast-2"}');
    expect(loadBedrockJson(path)).toEqual({ path, config: { region: 'ap-southeast-2' } });
  });
});
