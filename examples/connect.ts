/**
 * Shared by the examples: a `Client` for real AWS when credentials are configured, otherwise for a local
 * Bedrock emulator started on the spot (said in one line, so nobody mistakes its replies for a model's).
 *
 * "Configured" is checked without touching the network: a Bedrock API key, AWS keys or a web-identity token in
 * the environment, a container credentials endpoint, or the profile's section in the shared config or
 * credentials file. EC2 instance roles are not probed (that needs the metadata service): set
 * `BEDROCK_OPENAI_USE_AWS=1` to use AWS regardless, or `BEDROCK_OPENAI_USE_EMULATOR=1` to never use it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Client, type ClientOptions } from '../src/index.js';
import { DEFAULT_BUCKET, startEmulator } from '../src/emulator/index.js';

// The AWS SDK warns on Node 20 that its 2027 releases will need Node 22 (the README's Requirements say so); the
// examples keep their output to what they show.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

export interface Connection {
  client: Client;
  /** True when talking to the local emulator. */
  offline: boolean;
  close(): Promise<void>;
}

export function awsCredentialsConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  const set = (name: string): boolean => (env[name]?.trim() ?? '') !== '';
  if (set('BEDROCK_OPENAI_USE_EMULATOR')) return false;
  if (set('BEDROCK_OPENAI_USE_AWS')) return true;
  if (set('AWS_BEARER_TOKEN_BEDROCK') || (set('AWS_ACCESS_KEY_ID') && set('AWS_SECRET_ACCESS_KEY'))) return true;
  if (set('AWS_WEB_IDENTITY_TOKEN_FILE') || set('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI') || set('AWS_CONTAINER_CREDENTIALS_FULL_URI')) return true;
  const profile = env['AWS_PROFILE']?.trim() || 'default';
  const home = env['HOME'] ?? homedir();
  const files = [env['AWS_CONFIG_FILE'] || join(home, '.aws', 'config'), env['AWS_SHARED_CREDENTIALS_FILE'] || join(home, '.aws', 'credentials')];
  const headers = profile === 'default' ? ['[default]', '[profile default]'] : [`[profile ${profile}]`, `[${profile}]`];
  return files.some((path) => existsSync(path) && readFileSync(path, 'utf8').split('\n').some((line) => headers.includes(line.trim())));
}

export async function connect(options: ClientOptions = {}): Promise<Connection> {
  if (awsCredentialsConfigured()) {
    const client = new Client(options);
    console.log(`Using Amazon Bedrock: ${client.describe()}`);
    return { client, offline: false, close: async () => client.close() };
  }
  const emulator = await startEmulator();
  console.log(`No AWS credentials found: using the local Bedrock emulator at ${emulator.url} (replies are synthetic).`);
  // Batch inference goes to the emulator's S3 and control plane too (any service role ARN will do there).
  const batch = { s3Uri: `s3://${DEFAULT_BUCKET}/batch/`, roleArn: 'arn:aws:iam::123456789012:role/EmulatorBatch', s3Endpoint: emulator.url, bedrockEndpoint: emulator.url };
  const client = new Client({ batch, ...options, endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials, configFile: false });
  return {
    client,
    offline: true,
    close: async () => {
      client.close();
      await emulator.close();
    },
  };
}
