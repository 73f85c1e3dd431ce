#!/usr/bin/env node
/**
 * `npx bedrock-openai-emulator [--port 4599] [--region us-east-1] [--bucket <name>]…`: runs the Bedrock emulator until
 * SIGINT/SIGTERM and prints the URL, region, key pair, API key and buckets, with `export` lines for the Runtime and
 * for batch inference (S3 and the control plane, served on the same port).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_BUCKET, startEmulator, type EmulatorOptions } from './index.js';

/** The account in the emulator's ARNs (`batch-jobs.ts`); its control plane takes any `arn:aws:iam::<12 digits>:role/…`. */
const BATCH_ROLE_ARN = 'arn:aws:iam::123456789012:role/BedrockBatch';
/** S3's bucket naming rule (3–63 lower-case letters, digits, dots and hyphens), which `s3://` URIs for batch need. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const USAGE = `Usage: bedrock-openai-emulator [--port <port>] [--region <region>] [--bucket <name>]...

Runs a local Amazon Bedrock Runtime emulator on 127.0.0.1 (HTTP/1.1 and h2c on one port), with path-style S3 and
the control plane's batch operations on the same port.
  --port, -p     port to listen on (default: a free port)
  --region, -r   region for bearer-key requests (default: us-east-1)
  --bucket, -b   an S3 bucket to create besides ${DEFAULT_BUCKET} (repeatable)
  --help, -h     show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      region: { type: 'string', short: 'r' },
      bucket: { type: 'string', short: 'b', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const options: EmulatorOptions = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);
      process.exitCode = 2;
      return;
    }
    options.port = port;
  }
  if (values.region !== undefined) options.region = values.region;
  const extraBuckets = values.bucket ?? [];
  const badBucket = extraBuckets.find((name) => !BUCKET_NAME.test(name));
  if (badBucket !== undefined) {
    console.error(`--bucket must be an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens), got ${JSON.stringify(badBucket)}`);
    process.exitCode = 2;
    return;
  }
  options.buckets = [...new Set([DEFAULT_BUCKET, ...extraBuckets])];
  const emulator = await startEmulator(options);
  console.log(`Bedrock emulator listening on ${emulator.url}
  region:            ${emulator.region}
  access key ID:     ${emulator.credentials.accessKeyId}
  secret access key: ${emulator.credentials.secretAccessKey}
  API key (bearer):  ${emulator.apiKey}
  S3 buckets:        ${options.buckets.join(', ')}

  export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${emulator.url}
  export AWS_ENDPOINT_URL_BEDROCK=${emulator.url}
  export AWS_ENDPOINT_URL_S3=${emulator.url}
  export AWS_REGION=${emulator.region}
  export AWS_ACCESS_KEY_ID=${emulator.credentials.accessKeyId}
  export AWS_SECRET_ACCESS_KEY=${emulator.credentials.secretAccessKey}
  # for batch inference (Files and Batches)
  export BEDROCK_OPENAI_BATCH_S3_URI=s3://${DEFAULT_BUCKET}/batch/
  export BEDROCK_OPENAI_BATCH_ROLE_ARN=${BATCH_ROLE_ARN}
(these are the emulator's fake, built-in credentials; press Ctrl+C to stop)`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
