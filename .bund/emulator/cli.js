#!/usr/bin/env node
import {
  startEmulator
} from "../chunks/chunk-LUUJKZCC.js";
import "../chunks/chunk-MA7DIEUK.js";

// dist/src/emulator/cli.js
import { parseArgs } from "node:util";
var USAGE = `Usage: bedrock-openai-emulator [--port <port>] [--region <region>]

Runs a local Amazon Bedrock Runtime emulator on 127.0.0.1 (HTTP/1.1 and h2c on one port).
  --port, -p     port to listen on (default: a free port)
  --region, -r   region for bearer-key requests (default: us-east-1)
  --help, -h     show this help`;
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      region: { type: "string", short: "r" },
      help: { type: "boolean", short: "h" }
    },
    strict: true
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const options = {};
  if (values.port !== void 0) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);
      process.exitCode = 2;
      return;
    }
    options.port = port;
  }
  if (values.region !== void 0)
    options.region = values.region;
  const emulator = await startEmulator(options);
  console.log(`Bedrock emulator listening on ${emulator.url}
  region:            ${emulator.region}
  access key ID:     ${emulator.credentials.accessKeyId}
  secret access key: ${emulator.credentials.secretAccessKey}
  API key (bearer):  ${emulator.apiKey}

  export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${emulator.url}
  export AWS_REGION=${emulator.region}
  export AWS_ACCESS_KEY_ID=${emulator.credentials.accessKeyId}
  export AWS_SECRET_ACCESS_KEY=${emulator.credentials.secretAccessKey}
(these are the emulator's fake, built-in credentials; press Ctrl+C to stop)`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
