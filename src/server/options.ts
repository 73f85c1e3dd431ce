/**
 * `bedrock-openai serve` arguments and environment → {@link ServerOptions}. Pure (no I/O but reading a keys file),
 * so every flag is table-tested. The Client's own settings (region, credentials, profile, endpoint, bedrock.json)
 * are read by the Client itself, from the same environment, exactly as `new Client()` reads them.
 */
import { parseArgs } from 'node:util';
import type { ClientOptions } from '../client.js';
import { LOG_LEVELS, type LogLevel } from '../internal/log.js';
import { parseKeyList, readKeysFile } from './auth.js';
import { DEFAULT_PORT, type ServerOptions } from './server.js';

export const SERVE_USAGE = `Usage: bedrock-openai serve [options]

Serves OpenAI's HTTP API (chat completions, responses, embeddings, models, files, batches) over Amazon Bedrock.
Region, credentials, profile and bedrock.json are read as the Client reads them (AWS_REGION, AWS_PROFILE, ...).

  --host <address>            interface to listen on (default 127.0.0.1; others need API keys)
  --port, -p <port>           port (default: PORT, else ${DEFAULT_PORT})
  --api-key <key>             accepted "Authorization: Bearer" key (repeatable; also BEDROCK_OPENAI_API_KEYS,
                              comma-separated)
  --api-keys-file <path>      file of accepted keys, one per line (# comments)
  --max-body-bytes <n>        largest request body, file uploads included (default 33554432)
  --max-concurrent <n>        requests served at once; more get 429 (default 256)
  --request-timeout-ms <n>    per-request limit, streams included (default 900000; 0: none)
  --heartbeat-ms <n>          ": ping" after this much stream silence (default 15000; 0: never)
  --shutdown-grace-ms <n>     time in-flight requests get on SIGTERM/SIGINT (default 30000)
  --keep-alive-timeout-ms <n> how long an idle connection is kept (default 72000: longer than a load
                              balancer's 60 s idle timeout)
  --cors <origin>             allow this CORS origin ("*" for any); off by default
  --region <region>           AWS Region (else as the Client resolves it)
  --profile <name>            shared-config profile
  --endpoint <url>            Bedrock Runtime endpoint (a VPC endpoint, the emulator)
  --config <path>             bedrock.json to read (default: found from the current directory)
  --log-level <level>         off | error | warn | info | debug (default: BEDROCK_OPENAI_LOG, else info)
  --help, -h                  show this help`;

export type ServeArgs = { help: true } | { help: false; server: ServerOptions; client: ClientOptions };

export function parseServeArgs(argv: readonly string[], env: Record<string, string | undefined>): ServeArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string' },
      port: { type: 'string', short: 'p' },
      'api-key': { type: 'string', multiple: true },
      'api-keys-file': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'max-concurrent': { type: 'string' },
      'request-timeout-ms': { type: 'string' },
      'heartbeat-ms': { type: 'string' },
      'shutdown-grace-ms': { type: 'string' },
      'keep-alive-timeout-ms': { type: 'string' },
      cors: { type: 'string' },
      region: { type: 'string' },
      profile: { type: 'string' },
      endpoint: { type: 'string' },
      config: { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help === true) return { help: true };

  const envKeys = parseKeyList(env['BEDROCK_OPENAI_API_KEYS'] ?? '');
  const fileKeys = values['api-keys-file'] === undefined ? [] : readKeysFile(values['api-keys-file']);
  const apiKeys = [...(values['api-key'] ?? []), ...envKeys, ...fileKeys];

  const portText = values.port ?? blankToUndefined(env['PORT']);
  const server: ServerOptions = {
    host: values.host ?? '127.0.0.1',
    port: portText === undefined ? DEFAULT_PORT : integer(portText, values.port === undefined ? 'PORT' : '--port', 0, 65_535),
    apiKeys,
  };
  const numeric = [
    ['max-body-bytes', 'maxBodyBytes', 1],
    ['max-concurrent', 'maxConcurrentRequests', 1],
    ['request-timeout-ms', 'requestTimeoutMs', 0],
    ['heartbeat-ms', 'heartbeatMs', 0],
    ['shutdown-grace-ms', 'shutdownGraceMs', 0],
    ['keep-alive-timeout-ms', 'keepAliveTimeoutMs', 1],
  ] as const;
  for (const [flag, key, min] of numeric) {
    const text = values[flag];
    if (text !== undefined) server[key] = integer(text, `--${flag}`, min, Number.MAX_SAFE_INTEGER);
  }
  if (values.cors !== undefined) server.cors = values.cors;

  const logLevelText = values['log-level'] ?? blankToUndefined(env['BEDROCK_OPENAI_LOG'])?.toLowerCase() ?? 'info';
  if (!LOG_LEVELS.includes(logLevelText as LogLevel)) throw new Error(`--log-level must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(logLevelText)}.`);
  const client: ClientOptions = { logLevel: logLevelText as LogLevel };
  if (values.region !== undefined) client.region = values.region;
  if (values.profile !== undefined) client.profile = values.profile;
  if (values.endpoint !== undefined) client.endpoint = values.endpoint;
  if (values.config !== undefined) client.configFile = values.config;
  return { help: false, server, client };
}

function integer(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}.`);
  }
  return value;
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
