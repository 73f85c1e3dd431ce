/**
 * The walking skeleton, end to end: our Client → the real AWS SDK → real HTTP → the emulator (which checks the
 * SigV4 signature) → an OpenAI-shaped ChatCompletion. Every configuration source in the README's table is
 * exercised against the wire, with the environment injected (process.env is never touched).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ClientOptions } from '../../src/client.js';
import { AuthenticationError, ConfigurationError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';

const team = { accessKeyId: 'AKIDTEAMPROFILE00001', secretAccessKey: 'teamProfileSecretKeyEXAMPLE0000000000000' };
const other = { accessKeyId: 'AKIDOTHERPROFILE0001', secretAccessKey: 'otherProfileSecretKeyEXAMPLE00000000000' };

let emulator: EmulatorHandle;
let teamOnly: EmulatorHandle;
const clients: Client[] = [];
const dir = mkdtempSync(join(tmpdir(), 'bedrock-openai-foundation-'));
const deadEndpoint = 'http://127.0.0.1:9'; // discard port: nothing listens, the connection is refused

function client(options: ClientOptions): Client {
  const created = new Client({ configFile: false, maxRetries: 0, env: {}, ...options });
  clients.push(created);
  return created;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function chat(target: Client, content = 'Say hello'): Promise<string | null> {
  const completion = await target.chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content }] });
  return completion.choices[0]?.message.content ?? null;
}

beforeAll(async () => {
  emulator = await startEmulator();
  teamOnly = await startEmulator({ credentials: [team] });
});

afterAll(async () => {
  for (const created of clients) created.close();
  await Promise.all([emulator.close(), teamOnly.close()]);
});

describe('chat round trip', () => {
  it('returns an OpenAI-shaped ChatCompletion', async () => {
    const target = client({ endpoint: emulator.url, credentials: emulator.credentials });
    const completion = await target.chat.completions.create({
      model: 'claude-3-haiku',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Tell me about the walking skeleton' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]?.message.role).toBe('assistant');
    expect(completion.choices[0]?.message.content).toContain('walking skeleton');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));
    expect(typeof (completion as unknown as { _request_id: unknown })._request_id).toBe('string');
    expect(Object.keys(completion)).not.toContain('_request_id');
  });

  it('exposes the request ID through withResponse()', async () => {
    const target = client({ endpoint: emulator.url, credentials: emulator.credentials });
    const { data, request_id, response } = await target.chat.completions
      .create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.httpStatusCode).toBe(200);
    expect(response.attempts).toBe(1);
    expect(data.choices[0]?.message.content).toBeTruthy();
  });
});

describe('authentication on the wire', () => {
  it('accepts SigV4 with the right keys, with and without a session token', async () => {
    expect(await chat(client({ endpoint: emulator.url, credentials: emulator.credentials }))).toBeTruthy();
    const withToken = await startEmulator({ credentials: [{ ...team, sessionToken: 'session-token-EXAMPLE' }] });
    try {
      expect(await chat(client({ endpoint: withToken.url, credentials: { ...team, sessionToken: 'session-token-EXAMPLE' } }))).toBeTruthy();
      await expect(chat(client({ endpoint: withToken.url, credentials: { ...team, sessionToken: 'wrong-token' } }))).rejects.toBeInstanceOf(AuthenticationError);
    } finally {
      await withToken.close();
    }
  });

  it('rejects a wrong secret as an AuthenticationError carrying Bedrock exception name and request ID', async () => {
    const target = client({ endpoint: emulator.url, credentials: { ...emulator.credentials, secretAccessKey: 'wrongSecretKeyEXAMPLE000000000000000000' } });
    const error = await chat(target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).bedrockErrorName).toBe('InvalidSignatureException');
    expect((error as AuthenticationError).requestID).toBeTruthy();
  });

  it('rejects an unknown access key', async () => {
    const error = await chat(client({ endpoint: emulator.url, credentials: other })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).bedrockErrorName).toBe('UnrecognizedClientException');
  });

  it('accepts a bearer API key from the option and from AWS_BEARER_TOKEN_BEDROCK', async () => {
    expect(await chat(client({ endpoint: emulator.url, apiKey: emulator.apiKey }))).toBeTruthy();
    expect(await chat(client({ endpoint: emulator.url, env: { AWS_BEARER_TOKEN_BEDROCK: emulator.apiKey } }))).toBeTruthy();
  });

  it('rejects a wrong bearer API key', async () => {
    await expect(chat(client({ endpoint: emulator.url, apiKey: 'bedrock-api-key-d3Jvbmc=' }))).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('lets explicit credentials win over AWS_BEARER_TOKEN_BEDROCK (which the SDK alone would prefer)', async () => {
    const target = client({ endpoint: teamOnly.url, credentials: team, env: { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key-c3RyYXk=' } });
    expect(await chat(target)).toBeTruthy();
  });

  it('fails with an AuthenticationError explaining the chain when no credentials resolve', async () => {
    const empty = file('empty', '');
    const target = client({ endpoint: emulator.url, env: { AWS_SHARED_CREDENTIALS_FILE: empty, AWS_CONFIG_FILE: empty, HOME: dir } });
    const error = await chat(target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('aws sso login --profile default');
  });
});

describe('profile credentials from shared files, by every source', () => {
  const credentialsFile = () =>
    file(
      'credentials',
      `[default]\naws_access_key_id = ${other.accessKeyId}\naws_secret_access_key = ${other.secretAccessKey}\n\n` +
        `[team]\naws_access_key_id = ${team.accessKeyId}\naws_secret_access_key = ${team.secretAccessKey}\n`,
    );
  const configFile = () => file('config', '[default]\nregion = us-east-1\n[profile team]\nregion = us-east-1\n');

  it.each([
    ['the option', (files: Record<string, string>) => ({ profile: 'team', env: files })],
    ['AWS_PROFILE', (files: Record<string, string>) => ({ env: { ...files, AWS_PROFILE: 'team' } })],
    ['bedrock.json', (files: Record<string, string>) => ({ env: files, configFile: file('profile.json', '{"profile":"team"}') })],
  ])('from %s', async (_source, options) => {
    const files = { AWS_SHARED_CREDENTIALS_FILE: credentialsFile(), AWS_CONFIG_FILE: configFile() };
    expect(await chat(client({ endpoint: teamOnly.url, ...options(files) }))).toBeTruthy();
  });

  it('uses the default profile otherwise (the team-only emulator refuses it)', async () => {
    const files = { AWS_SHARED_CREDENTIALS_FILE: credentialsFile(), AWS_CONFIG_FILE: configFile() };
    await expect(chat(client({ endpoint: teamOnly.url, env: files }))).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('endpoint by every source', () => {
  it.each([
    ['the option', () => ({ endpoint: emulator.url, env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: deadEndpoint } })],
    ['AWS_ENDPOINT_URL_BEDROCK_RUNTIME', () => ({ env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emulator.url, AWS_ENDPOINT_URL: deadEndpoint } })],
    ['AWS_ENDPOINT_URL', () => ({ env: { AWS_ENDPOINT_URL: emulator.url }, configFile: file('dead.json', `{"endpoint":"${deadEndpoint}"}`) })],
    ['bedrock.json', () => ({ configFile: file('endpoint.json', `{"endpoint":"${emulator.url}"}`) })],
  ])('from %s, over lower-precedence sources', async (_source, options) => {
    expect(await chat(client({ credentials: emulator.credentials, ...options() }))).toBeTruthy();
  });
});

describe('region by every source', () => {
  const sharedConfig = () => file('region-config', '[default]\nregion = ap-southeast-2\n[profile eu]\nregion = eu-central-1\n');
  it.each([
    ['the option', () => ({ region: 'eu-west-1', env: { AWS_REGION: 'us-west-2' } }), 'eu-west-1'],
    ['AWS_REGION', () => ({ env: { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-west-3' } }), 'us-west-2'],
    ['AWS_DEFAULT_REGION', () => ({ env: { AWS_DEFAULT_REGION: 'eu-west-3' } }), 'eu-west-3'],
    ['bedrock.json', () => ({ configFile: file('region.json', '{"region":"ap-northeast-1"}'), env: { AWS_CONFIG_FILE: sharedConfig() } }), 'ap-northeast-1'],
    ['the default profile in AWS_CONFIG_FILE', () => ({ env: { AWS_CONFIG_FILE: sharedConfig() } }), 'ap-southeast-2'],
    ['a named profile in AWS_CONFIG_FILE', () => ({ env: { AWS_CONFIG_FILE: sharedConfig(), AWS_PROFILE: 'eu' } }), 'eu-central-1'],
    ['the default', () => ({ env: { AWS_CONFIG_FILE: file('empty-config', '') } }), 'us-east-1'],
  ])('from %s', async (_source, options, expected) => {
    const target = client({ endpoint: emulator.url, credentials: emulator.credentials, ...options() });
    expect((await target.region()).value).toBe(expected);
    // The region reaches the wire: the SDK signs with it and the emulator serves that region.
    await target.chat.completions.create({ model: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: 'hi' }] });
    const last = emulator.requests.at(-1);
    expect(last?.region).toBe(expected);
  });
});

describe('bedrock.json errors reach the user from the constructor', () => {
  it.each([
    ['{"region": "eu-west-1",}', /Invalid JSON in .*bedrock-\d+\.json at line 1, column \d+/],
    ['{"regoin": "eu-west-1"}', /Unknown key "regoin".*Did you mean "region"\?/],
    ['{"maxRetries": "3"}', /"maxRetries" in .* must be a whole number ≥ 0; got the string "3"/],
  ])('%s', (text, message) => {
    const path = file(`bedrock-${Math.random().toString().slice(2)}.json`, text);
    expect(() => new Client({ configFile: path, env: {} })).toThrow(ConfigurationError);
    expect(() => new Client({ configFile: path, env: {} })).toThrow(message);
  });

  it('finds bedrock.json from cwd', () => {
    const project = mkdtempSync(join(tmpdir(), 'bedrock-openai-project-'));
    writeFileSync(join(project, 'package.json'), '{}');
    writeFileSync(join(project, 'bedrock.json'), '{"region":"eu-north-1"}');
    expect(new Client({ cwd: project, env: {} }).describe()).toContain('region eu-north-1 (bedrock.json (region))');
  });
});
