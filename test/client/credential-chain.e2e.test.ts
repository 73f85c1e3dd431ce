/**
 * Every credential path a user reaches without passing credentials, tried as that user would: the real process
 * environment (cleaned of every AWS_* variable, HOME pointed at an empty folder, no bedrock.json), `new Client()`
 * with no auth option, the real AWS SDK chain, real HTTP to the emulator, which accepts only the key pair the
 * path should produce — so a test passes only if that path, and no other, supplied the credentials.
 *
 * The SDK's chain reads `process.env` itself, so these tests set it (vi.stubEnv, undone after each test).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Client, type ClientOptions } from '../../src/client.js';
import { AuthenticationError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import {
  containerEndpoint,
  instanceMetadata,
  ssoPortal,
  stsEndpoint,
  type CredentialEndpoint,
  type TemporaryCredentials,
} from '../support/credential-endpoints.js';

const envPair = { accessKeyId: 'AKIAENVKEYS000000001', secretAccessKey: 'envKeysSecretEXAMPLE00000000000000000000' };
const profilePair = { accessKeyId: 'AKIAPROFILEKEYS00001', secretAccessKey: 'profileKeysSecretEXAMPLE0000000000000000' };
const temporary = (name: string): TemporaryCredentials => ({
  accessKeyId: `ASIA${name.toUpperCase().padEnd(16, '0').slice(0, 16)}`,
  secretAccessKey: `${name}TemporarySecretEXAMPLE`.padEnd(40, '0'),
  sessionToken: `${name}-session-token-EXAMPLE-0123456789`,
});

const root = mkdtempSync(join(tmpdir(), 'bedrock-openai-chain-'));
const opened: { close(): unknown }[] = [];
let home: string;
let seq = 0;

/** An emulator that accepts only `pair`. */
async function emulatorFor(pair: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): Promise<EmulatorHandle> {
  const emulator = await startEmulator({ credentials: [pair] });
  opened.push(emulator);
  return emulator;
}

async function endpoint(started: Promise<CredentialEndpoint>): Promise<CredentialEndpoint> {
  const value = await started;
  opened.push(value);
  return value;
}

function client(emulator: EmulatorHandle, options: ClientOptions = {}): Client {
  vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', emulator.url);
  vi.stubEnv('AWS_REGION', emulator.region);
  const created = new Client({ configFile: false, maxRetries: 0, ...options });
  opened.push(created);
  return created;
}

async function chat(target: Client): Promise<string | null> {
  const completion = await target.chat.completions.create({ model: 'nova-micro', messages: [{ role: 'user', content: 'Hello' }] });
  return completion.choices[0]?.message.content ?? null;
}

function write(name: string, text: string): string {
  const path = join(home, name);
  writeFileSync(path, text);
  return path;
}

beforeEach(() => {
  // A clean environment: no AWS_* variable from the machine, an empty home, the metadata service off.
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) vi.stubEnv(name, undefined);
  home = join(root, `home-${++seq}`);
  mkdirSync(home);
  vi.stubEnv('HOME', home);
  vi.stubEnv('USERPROFILE', home);
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

afterAll(async () => {
  for (const item of opened) await item.close();
});

describe('AWS keys in the environment', () => {
  it('are used on their own (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION)', async () => {
    const emulator = await emulatorFor(envPair);
    vi.stubEnv('AWS_ACCESS_KEY_ID', envPair.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', envPair.secretAccessKey);
    const target = client(emulator);
    expect(target.describe()).toContain('auth: AWS keys from the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables');
    expect(await chat(target)).toBeTruthy();
  });

  it('carry AWS_SESSION_TOKEN (assumed roles, SSO exports)', async () => {
    const pair = temporary('session');
    const emulator = await emulatorFor(pair);
    vi.stubEnv('AWS_ACCESS_KEY_ID', pair.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', pair.secretAccessKey);
    vi.stubEnv('AWS_SESSION_TOKEN', pair.sessionToken);
    const target = client(emulator);
    expect(target.describe()).toContain('with AWS_SESSION_TOKEN');
    expect(await chat(target)).toBeTruthy();
  });

  it('without the session token, temporary keys are refused by Bedrock (negative control)', async () => {
    const pair = temporary('session');
    const emulator = await emulatorFor(pair);
    vi.stubEnv('AWS_ACCESS_KEY_ID', pair.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', pair.secretAccessKey);
    await expect(chat(client(emulator))).rejects.toBeInstanceOf(AuthenticationError);
  });

  const credentialsFile = (): string =>
    write('credentials', `[team]\naws_access_key_id = ${profilePair.accessKeyId}\naws_secret_access_key = ${profilePair.secretAccessKey}\n`);

  it.each([
    ['AWS_PROFILE (the SDK documents that the profile wins)', () => (vi.stubEnv('AWS_PROFILE', 'team'), {}), 'the AWS_PROFILE environment variable'],
    ['a bedrock.json profile (a project file naming a profile is an explicit choice)', () => ({ configFile: write('bedrock.json', '{"profile":"team"}') }), 'bedrock.json (profile)'],
    ['the profile option', () => ({ profile: 'team' }), 'the client option'],
  ] as const)('lose to a profile chosen by %s, with one accurate warning', async (_name, choose, source) => {
    const emulator = await emulatorFor(profilePair);
    vi.stubEnv('AWS_ACCESS_KEY_ID', envPair.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', envPair.secretAccessKey);
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', credentialsFile());
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const warnings: string[] = [];
    const target = client(emulator, { ...choose(), logger: { warn: (line) => warnings.push(line) } });
    expect(await chat(target)).toBeTruthy();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`profile "team" was chosen by ${source}`);
    expect(warnings[0]).not.toContain(envPair.secretAccessKey);
    // The SDK's own "Multiple credential sources detected … AWS_PROFILE" warning is not printed (it would name
    // AWS_PROFILE even when bedrock.json chose the profile).
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(target.describe()).toContain('environment keys are ignored');
  });

  it('are used before the default profile of the shared files', async () => {
    const emulator = await emulatorFor(envPair);
    vi.stubEnv('AWS_ACCESS_KEY_ID', envPair.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', envPair.secretAccessKey);
    vi.stubEnv(
      'AWS_SHARED_CREDENTIALS_FILE',
      write('credentials', `[default]\naws_access_key_id = ${profilePair.accessKeyId}\naws_secret_access_key = ${profilePair.secretAccessKey}\n`),
    );
    expect(await chat(client(emulator))).toBeTruthy();
  });
});

describe('the rest of the chain', () => {
  it('reads the default profile from ~/.aws/credentials', async () => {
    const emulator = await emulatorFor(profilePair);
    mkdirSync(join(home, '.aws'));
    write('.aws/credentials', `[default]\naws_access_key_id = ${profilePair.accessKeyId}\naws_secret_access_key = ${profilePair.secretAccessKey}\n`);
    expect(await chat(client(emulator))).toBeTruthy();
  });

  it('runs credential_process for the profile', async () => {
    const pair = temporary('process');
    const emulator = await emulatorFor(pair);
    const script = write(
      'credentials.mjs',
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(pair.accessKeyId)}, SecretAccessKey: ${JSON.stringify(pair.secretAccessKey)}, SessionToken: ${JSON.stringify(pair.sessionToken)}, Expiration: new Date(Date.now() + 3600000).toISOString() }));\n`,
    );
    vi.stubEnv('AWS_CONFIG_FILE', write('config', `[profile proc]\ncredential_process = ${JSON.stringify(process.execPath)} ${script}\n`));
    vi.stubEnv('AWS_PROFILE', 'proc');
    expect(await chat(client(emulator))).toBeTruthy();
  });

  it('assumes a role with a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN) through STS', async () => {
    const pair = temporary('webidentity');
    const emulator = await emulatorFor(pair);
    const sts = await endpoint(stsEndpoint(pair, { webIdentityToken: 'oidc-token-EXAMPLE' }));
    vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', write('token', 'oidc-token-EXAMPLE'));
    vi.stubEnv('AWS_ROLE_ARN', 'arn:aws:iam::123456789012:role/bedrock-caller');
    vi.stubEnv('AWS_ROLE_SESSION_NAME', 'test-session');
    vi.stubEnv('AWS_ENDPOINT_URL_STS', sts.url);
    expect(await chat(client(emulator))).toBeTruthy();
    expect(sts.requests).toHaveLength(1);
    expect(new URLSearchParams(sts.requests[0]?.body).get('RoleArn')).toBe('arn:aws:iam::123456789012:role/bedrock-caller');
  });

  it('assumes a role from a profile (role_arn + source_profile) through STS, signed with the source keys', async () => {
    const pair = temporary('assumed');
    const emulator = await emulatorFor(pair);
    const sts = await endpoint(stsEndpoint(pair, { sourceAccessKeyId: profilePair.accessKeyId }));
    vi.stubEnv(
      'AWS_SHARED_CREDENTIALS_FILE',
      write('credentials', `[base]\naws_access_key_id = ${profilePair.accessKeyId}\naws_secret_access_key = ${profilePair.secretAccessKey}\n`),
    );
    vi.stubEnv('AWS_CONFIG_FILE', write('config', '[profile bedrock]\nrole_arn = arn:aws:iam::123456789012:role/bedrock-caller\nsource_profile = base\nregion = us-east-1\n'));
    vi.stubEnv('AWS_PROFILE', 'bedrock');
    vi.stubEnv('AWS_ENDPOINT_URL_STS', sts.url);
    expect(await chat(client(emulator))).toBeTruthy();
    expect(new URLSearchParams(sts.requests[0]?.body).get('Action')).toBe('AssumeRole');
  });

  it('gets role credentials through IAM Identity Center (SSO) from the cached token of `aws sso login`', async () => {
    const pair = temporary('sso');
    const emulator = await emulatorFor(pair);
    const portal = await endpoint(ssoPortal(pair, 'sso-access-token-EXAMPLE'));
    vi.stubEnv(
      'AWS_CONFIG_FILE',
      write(
        'config',
        '[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = BedrockUser\n\n' +
          '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n',
      ),
    );
    mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    const cacheName = createHash('sha1').update('corp').digest('hex');
    write(
      `.aws/sso/cache/${cacheName}.json`,
      JSON.stringify({ startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1', accessToken: 'sso-access-token-EXAMPLE', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    vi.stubEnv('AWS_PROFILE', 'dev');
    vi.stubEnv('AWS_ENDPOINT_URL_SSO', portal.url);
    expect(await chat(client(emulator))).toBeTruthy();
    expect(portal.requests[0]?.line).toContain('account_id=123456789012');
    expect(portal.requests[0]?.line).toContain('role_name=BedrockUser');
  });

  it('uses the ECS/EKS container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI)', async () => {
    const pair = temporary('container');
    const emulator = await emulatorFor(pair);
    const container = await endpoint(containerEndpoint(pair, 'container-auth-token'));
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', `${container.url}/v2/credentials`);
    vi.stubEnv('AWS_CONTAINER_AUTHORIZATION_TOKEN', 'container-auth-token');
    expect(await chat(client(emulator))).toBeTruthy();
    expect(container.requests[0]?.line).toBe('GET /v2/credentials');
  });

  it('uses the EC2 instance role through IMDSv2 when the metadata service is enabled', async () => {
    const pair = temporary('instance');
    const emulator = await emulatorFor(pair);
    const imds = await endpoint(instanceMetadata(pair, 'bedrock-instance-role'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', undefined);
    vi.stubEnv('AWS_EC2_METADATA_SERVICE_ENDPOINT', imds.url);
    expect(await chat(client(emulator))).toBeTruthy();
    expect(imds.requests.map((request) => request.line)).toContain('PUT /latest/api/token');
  });

  it('says what it tried when nothing resolves, truthfully for this environment', async () => {
    const emulator = await emulatorFor(envPair);
    vi.stubEnv('AWS_ACCESS_KEY_ID', envPair.accessKeyId);
    const error = await chat(client(emulator)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    const message = (error as Error).message;
    expect(message).toContain('only AWS_ACCESS_KEY_ID is set: both are needed');
    expect(message).toContain(`profile "default" (from the default) in ${join(home, '.aws', 'credentials')}`);
    expect(message).toContain('the EC2 instance metadata service is disabled');
  });
});

describe('npm start', () => {
  it('uses AWS keys from the environment and AWS_ENDPOINT_URL_BEDROCK_RUNTIME instead of starting its own emulator', async () => {
    const emulator = await emulatorFor(envPair);
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: home,
      AWS_ACCESS_KEY_ID: envPair.accessKeyId,
      AWS_SECRET_ACCESS_KEY: envPair.secretAccessKey,
      AWS_REGION: emulator.region,
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emulator.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const { stdout } = await promisify(execFile)('npm', ['start', '--silent'], { cwd: repo, env, timeout: 60_000 });
    expect(stdout).not.toContain('local Bedrock emulator');
    expect(stdout).toContain('auth: AWS keys from the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables');
    expect(stdout).toContain(`endpoint ${emulator.url}`);
    expect(stdout).toMatch(/chat \(.+\): \S/);
    expect(stdout).toContain('[finish_reason: stop]');
    // The chat and the streamed chat reached the emulator this test started, signed with the environment's keys.
    expect(emulator.counts.Converse).toBe(1);
    expect(emulator.counts.ConverseStream).toBe(1);
  }, 60_000);
});
