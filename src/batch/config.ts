/**
 * Batch inference settings: the S3 location for files and job data, and the service role Bedrock assumes to read
 * and write it. From the `batch` client option, else `BEDROCK_OPENAI_BATCH_S3_URI` / `BEDROCK_OPENAI_BATCH_ROLE_ARN`,
 * else `batch` in bedrock.json (per field, in that order). Pure: the environment and file are passed in.
 */
import { ConfigurationError } from '../core/errors.js';
import type { Env } from '../internal/env.js';

export interface BatchOptions {
  /** Where files and batch data live: `s3://bucket/prefix/`. */
  s3Uri?: string | undefined;
  /** The IAM service role Bedrock assumes for batch jobs: `arn:aws:iam::<account>:role/<name>`. */
  roleArn?: string | undefined;
  /** S3 endpoint (an S3-compatible store, a VPC endpoint, the emulator). Default: AWS's for the region. */
  s3Endpoint?: string | undefined;
  /** Bedrock control-plane endpoint. Default: AWS's for the region. */
  bedrockEndpoint?: string | undefined;
}

export interface BatchConfig {
  bucket: string;
  /** Key prefix, empty or ending in `/`. */
  prefix: string;
  roleArn: string;
  s3Endpoint: string | undefined;
  bedrockEndpoint: string | undefined;
}

/** Bedrock's S3 URI pattern (CreateModelInvocationJob), for the folder part. */
const S3_URI = /^s3:\/\/([a-z0-9][-.a-z0-9]{1,61}[a-z0-9])(?:\/((?:[-!_*'().a-zA-Z0-9]+\/)*(?:[-!_*'().a-zA-Z0-9]+\/?)?))?$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::[0-9]{12}:role\/.+$/;

const ENV = { s3Uri: 'BEDROCK_OPENAI_BATCH_S3_URI', roleArn: 'BEDROCK_OPENAI_BATCH_ROLE_ARN' } as const;

/** Resolves and checks the batch settings; a missing or malformed one is a `ConfigurationError` naming it and where it came from. */
export function resolveBatchConfig(input: { options: BatchOptions | undefined; env: Env; file: BatchOptions | undefined; filePath?: string | undefined }): BatchConfig {
  const pick = (field: 's3Uri' | 'roleArn'): { value: string; source: string } => {
    const option = input.options?.[field];
    if (option !== undefined) return { value: option, source: `the batch.${field} option` };
    const env = input.env[ENV[field]]?.trim();
    if (env !== undefined && env !== '') return { value: env, source: ENV[field] };
    const file = input.file?.[field];
    if (file !== undefined) return { value: file, source: `batch.${field} in ${input.filePath ?? 'bedrock.json'}` };
    throw new ConfigurationError(
      `batch.${field}`,
      `Batch inference needs \`batch.${field}\` (${field === 's3Uri' ? 'the S3 folder for files and job data, e.g. "s3://my-bucket/bedrock-batch/"' : 'the IAM role Bedrock assumes to read and write it, e.g. "arn:aws:iam::123456789012:role/BedrockBatch"'}): set it in the \`batch\` client option, ${ENV[field]}, or "batch" in bedrock.json.`,
    );
  };
  const s3Uri = pick('s3Uri');
  const match = typeof s3Uri.value === 'string' ? S3_URI.exec(s3Uri.value.trim()) : null;
  if (match === null) {
    throw new ConfigurationError('batch.s3Uri', `\`batch.s3Uri\` (from ${s3Uri.source}) must be an S3 URI like "s3://my-bucket/prefix/" (bucket name in lower case; key characters as Bedrock allows: letters, digits and -!_*'().); got ${JSON.stringify(s3Uri.value)}.`);
  }
  const roleArn = pick('roleArn');
  if (typeof roleArn.value !== 'string' || !ROLE_ARN.test(roleArn.value.trim())) {
    throw new ConfigurationError('batch.roleArn', `\`batch.roleArn\` (from ${roleArn.source}) must be an IAM role ARN like "arn:aws:iam::123456789012:role/BedrockBatch"; got ${JSON.stringify(roleArn.value)}.`);
  }
  for (const field of ['s3Endpoint', 'bedrockEndpoint'] as const) {
    const value = input.options?.[field] ?? input.file?.[field];
    if (value !== undefined && !/^https?:\/\/[^\s]+$/.test(value)) throw new ConfigurationError(`batch.${field}`, `\`batch.${field}\` must be an http(s) URL; got ${JSON.stringify(value)}.`);
  }
  const folder = match[2] ?? '';
  return {
    bucket: match[1] ?? '',
    prefix: folder === '' || folder.endsWith('/') ? folder : `${folder}/`,
    roleArn: roleArn.value.trim(),
    s3Endpoint: input.options?.s3Endpoint ?? input.file?.s3Endpoint,
    bedrockEndpoint: input.options?.bedrockEndpoint ?? input.file?.bedrockEndpoint,
  };
}
