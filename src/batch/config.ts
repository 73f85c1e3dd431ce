/**
 * Batch inference settings: the S3 location for files and job data, and the service role Bedrock assumes to read
 * and write it. From the `batch` client option, else `BEDROCK_OPENAI_BATCH_S3_URI` / `BEDROCK_OPENAI_BATCH_ROLE_ARN`,
 * else `batch` in bedrock.json (per field, in that order). The endpoints, as the runtime endpoint is read: the option,
 * else AWS's service-specific variable (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL_BEDROCK`), else `AWS_ENDPOINT_URL`,
 * else bedrock.json; unset means AWS's for the region. Pure: the environment and file are passed in.
 */
import { ConfigurationError } from '../core/errors.js';
import type { Env } from '../internal/env.js';

export interface BatchOptions {
  /** Where files and batch data live: `s3://bucket/prefix/`. */
  s3Uri?: string | undefined;
  /** The IAM service role Bedrock assumes for batch jobs: `arn:aws:iam::<account>:role/<name>`. */
  roleArn?: string | undefined;
  /**
   * S3 endpoint (an S3-compatible store, a VPC endpoint, the emulator), addressed path-style. Default:
   * `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`, then bedrock.json, then AWS's for the region.
   */
  s3Endpoint?: string | undefined;
  /** Bedrock control-plane endpoint. Default: `AWS_ENDPOINT_URL_BEDROCK`, then `AWS_ENDPOINT_URL`, then bedrock.json, then AWS's for the region. */
  bedrockEndpoint?: string | undefined;
}

export interface BatchConfig {
  bucket: string;
  /** Key prefix, empty or ending in `/`. */
  prefix: string;
  roleArn: string;
  s3Endpoint: string | undefined;
  bedrockEndpoint: string | undefined;
  /** Where each setting came from ("the batch.s3Uri option", "BEDROCK_OPENAI_BATCH_S3_URI", …), for `describe()`. */
  sources: { s3Uri: string; roleArn: string; s3Endpoint?: string; bedrockEndpoint?: string };
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
  const endpoint = (field: 's3Endpoint' | 'bedrockEndpoint'): { value: string; source: string } | undefined => {
    const found = pickEndpoint(input, field);
    if (found !== undefined && !/^https?:\/\/[^\s]+$/.test(found.value)) {
      throw new ConfigurationError(`batch.${field}`, `\`batch.${field}\` (from ${found.source}) must be an http(s) URL; got ${JSON.stringify(found.value)}.`);
    }
    return found;
  };
  const s3Endpoint = endpoint('s3Endpoint');
  const bedrockEndpoint = endpoint('bedrockEndpoint');
  const folder = match[2] ?? '';
  return {
    bucket: match[1] ?? '',
    prefix: folder === '' || folder.endsWith('/') ? folder : `${folder}/`,
    roleArn: roleArn.value.trim(),
    s3Endpoint: s3Endpoint?.value,
    bedrockEndpoint: bedrockEndpoint?.value,
    sources: {
      s3Uri: s3Uri.source,
      roleArn: roleArn.source,
      ...(s3Endpoint === undefined ? {} : { s3Endpoint: s3Endpoint.source }),
      ...(bedrockEndpoint === undefined ? {} : { bedrockEndpoint: bedrockEndpoint.source }),
    },
  };
}

/**
 * The batch settings in a line, without secrets: `batch s3://my-bucket/prefix/ (BEDROCK_OPENAI_BATCH_S3_URI), role
 * arn:… (…)`, and the endpoints when set; `batch: not configured` when neither the S3 folder nor the role is set
 * anywhere; else what is wrong with them.
 */
export function describeBatchConfig(resolve: () => BatchConfig): string {
  let config: BatchConfig;
  try {
    config = resolve();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return /^Batch inference needs `batch\.s3Uri`/.test(error.message) ? 'batch: not configured' : `batch: ${error.message}`;
  }
  const endpoints = (['s3Endpoint', 'bedrockEndpoint'] as const)
    .filter((field) => config[field] !== undefined)
    .map((field) => `, ${field === 's3Endpoint' ? 'S3' : 'control plane'} ${config[field]} (${config.sources[field]})`)
    .join('');
  return `batch s3://${config.bucket}/${config.prefix} (${config.sources.s3Uri}), role ${config.roleArn} (${config.sources.roleArn})${endpoints}`;
}

const ENDPOINT_ENV = { s3Endpoint: 'AWS_ENDPOINT_URL_S3', bedrockEndpoint: 'AWS_ENDPOINT_URL_BEDROCK' } as const;

/** An endpoint and where it came from: the option, the service's variable, `AWS_ENDPOINT_URL`, bedrock.json. */
function pickEndpoint(input: { options: BatchOptions | undefined; env: Env; file: BatchOptions | undefined; filePath?: string | undefined }, field: 's3Endpoint' | 'bedrockEndpoint'): { value: string; source: string } | undefined {
  const option = input.options?.[field];
  if (option !== undefined) return { value: option, source: `the batch.${field} option` };
  for (const name of [ENDPOINT_ENV[field], 'AWS_ENDPOINT_URL']) {
    const value = input.env[name]?.trim();
    if (value !== undefined && value !== '') return { value, source: name };
  }
  const file = input.file?.[field];
  return file === undefined ? undefined : { value: file, source: `batch.${field} in ${input.filePath ?? 'bedrock.json'}` };
}
