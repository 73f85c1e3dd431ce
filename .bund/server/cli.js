#!/usr/bin/env node
import {
  DEFAULT_PORT,
  LOG_LEVELS,
  parseKeyList,
  readKeysFile,
  startServer
} from "../chunks/chunk-7ZVHZSR6.js";
import "../chunks/chunk-MA7DIEUK.js";
import "../chunks/chunk-BKX5MZVJ.js";

// dist/src/server/options.js
import { parseArgs } from "node:util";
var SERVE_USAGE = `Usage: bedrock-openai serve [options]

Serves OpenAI's HTTP API (chat completions, embeddings, models) over Amazon Bedrock.
Region, credentials, profile and bedrock.json are read as the Client reads them (AWS_REGION, AWS_PROFILE, ...).

  --host <address>            interface to listen on (default 127.0.0.1; others need API keys)
  --port, -p <port>           port (default: PORT, else ${DEFAULT_PORT})
  --api-key <key>             accepted "Authorization: Bearer" key (repeatable; also BEDROCK_OPENAI_API_KEYS,
                              comma-separated)
  --api-keys-file <path>      file of accepted keys, one per line (# comments)
  --max-body-bytes <n>        largest request body (default 33554432)
  --max-concurrent <n>        requests served at once; more get 429 (default 256)
  --request-timeout-ms <n>    per-request limit, streams included (default 900000; 0: none)
  --heartbeat-ms <n>          ": ping" after this much stream silence (default 15000; 0: never)
  --shutdown-grace-ms <n>     time in-flight requests get on SIGTERM/SIGINT (default 30000)
  --cors <origin>             allow this CORS origin ("*" for any); off by default
  --region <region>           AWS Region (else as the Client resolves it)
  --profile <name>            shared-config profile
  --endpoint <url>            Bedrock Runtime endpoint (a VPC endpoint, the emulator)
  --config <path>             bedrock.json to read (default: found from the current directory)
  --log-level <level>         off | error | warn | info | debug (default: BEDROCK_OPENAI_LOG, else info)
  --help, -h                  show this help`;
function parseServeArgs(argv, env) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: "string" },
      port: { type: "string", short: "p" },
      "api-key": { type: "string", multiple: true },
      "api-keys-file": { type: "string" },
      "max-body-bytes": { type: "string" },
      "max-concurrent": { type: "string" },
      "request-timeout-ms": { type: "string" },
      "heartbeat-ms": { type: "string" },
      "shutdown-grace-ms": { type: "string" },
      cors: { type: "string" },
      region: { type: "string" },
      profile: { type: "string" },
      endpoint: { type: "string" },
      config: { type: "string" },
      "log-level": { type: "string" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: false
  });
  if (values.help === true)
    return { help: true };
  const envKeys = parseKeyList(env["BEDROCK_OPENAI_API_KEYS"] ?? "");
  const fileKeys = values["api-keys-file"] === void 0 ? [] : readKeysFile(values["api-keys-file"]);
  const apiKeys = [...values["api-key"] ?? [], ...envKeys, ...fileKeys];
  const portText = values.port ?? blankToUndefined(env["PORT"]);
  const server = {
    host: values.host ?? "127.0.0.1",
    port: portText === void 0 ? DEFAULT_PORT : integer(portText, values.port === void 0 ? "PORT" : "--port", 0, 65535),
    apiKeys
  };
  const numeric = [
    ["max-body-bytes", "maxBodyBytes", 1],
    ["max-concurrent", "maxConcurrentRequests", 1],
    ["request-timeout-ms", "requestTimeoutMs", 0],
    ["heartbeat-ms", "heartbeatMs", 0],
    ["shutdown-grace-ms", "shutdownGraceMs", 0]
  ];
  for (const [flag, key, min] of numeric) {
    const text = values[flag];
    if (text !== void 0)
      server[key] = integer(text, `--${flag}`, min, Number.MAX_SAFE_INTEGER);
  }
  if (values.cors !== void 0)
    server.cors = values.cors;
  const logLevelText = values["log-level"] ?? blankToUndefined(env["BEDROCK_OPENAI_LOG"])?.toLowerCase() ?? "info";
  if (!LOG_LEVELS.includes(logLevelText))
    throw new Error(`--log-level must be one of ${LOG_LEVELS.join(", ")}; got ${JSON.stringify(logLevelText)}.`);
  const client = { logLevel: logLevelText };
  if (values.region !== void 0)
    client.region = values.region;
  if (values.profile !== void 0)
    client.profile = values.profile;
  if (values.endpoint !== void 0)
    client.endpoint = values.endpoint;
  if (values.config !== void 0)
    client.configFile = values.config;
  return { help: false, server, client };
}
function integer(text, name, min, max) {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}.`);
  }
  return value;
}
function blankToUndefined(value) {
  return value === void 0 || value.trim() === "" ? void 0 : value.trim();
}

// dist/src/server/cli.js
var USAGE = `Usage: bedrock-openai <command>

Commands:
  serve    serve OpenAI's HTTP API over Amazon Bedrock (bedrock-openai serve --help)`;
async function main(argv) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return command === void 0 ? 1 : 0;
  }
  if (command !== "serve") {
    console.error(`Unknown command "${command}".

${USAGE}`);
    return 1;
  }
  const args = parseServeArgs(rest, process.env);
  if (args.help) {
    console.log(SERVE_USAGE);
    return 0;
  }
  const server = await startServer({ ...args.server, client: args.client });
  const auth = (args.server.apiKeys?.length ?? 0) > 0 ? `${args.server.apiKeys.length} API key(s)` : "no auth (loopback only)";
  console.log(`bedrock-openai: serving OpenAI's API at ${server.url} (${auth}; ${server.client.describe()})`);
  await new Promise((resolve) => {
    const stop = (signal) => {
      console.log(`bedrock-openai: ${signal}: draining ${server.inFlight} request(s)`);
      void server.close().then(({ cutShort }) => {
        console.log(`bedrock-openai: stopped${cutShort > 0 ? ` (${cutShort} request(s) cut short)` : ""}`);
        resolve();
      });
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
  return 0;
}
main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(`bedrock-openai: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
