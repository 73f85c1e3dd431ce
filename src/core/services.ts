/**
 * The AWS services the client calls, described for {@link Transport}: how to import each SDK package (lazily, so
 * that importing bedrock-openai stays fast), build its client, and find its command classes.
 */
import type {
  ConverseCommandInput,
  ConverseCommandOutput,
  ConverseStreamCommandInput,
  ConverseStreamCommandOutput,
  CountTokensCommandInput,
  CountTokensCommandOutput,
  InvokeModelCommandInput,
  InvokeModelCommandOutput,
  InvokeModelWithResponseStreamCommandInput,
  InvokeModelWithResponseStreamCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { addBedrockHeadersMiddleware } from './response-headers.js';
import type { AwsService } from './sdk-clients.js';

/** Bedrock Runtime's operations, `[input, output]`. */
export type BedrockRuntimeOperations = {
  Converse: [ConverseCommandInput, ConverseCommandOutput];
  ConverseStream: [ConverseStreamCommandInput, ConverseStreamCommandOutput];
  InvokeModel: [InvokeModelCommandInput, InvokeModelCommandOutput];
  InvokeModelWithResponseStream: [InvokeModelWithResponseStreamCommandInput, InvokeModelWithResponseStreamCommandOutput];
  CountTokens: [CountTokensCommandInput, CountTokensCommandOutput];
};

type BedrockRuntimeModule = typeof import('@aws-sdk/client-bedrock-runtime');

/**
 * Bedrock Runtime. InvokeModel commands get the middleware that keeps Bedrock's token-count headers (not modelled
 * by the SDK; Cohere reports usage only there) — on the command, so that the client's own stack, and with it every
 * other operation, stays exactly the SDK's.
 */
export const BEDROCK_RUNTIME: AwsService<BedrockRuntimeOperations, BedrockRuntimeModule> = {
  name: 'bedrock-runtime',
  load: () => import('@aws-sdk/client-bedrock-runtime'),
  createClient: (module, settings) => new module.BedrockRuntimeClient(settings as import('@aws-sdk/client-bedrock-runtime').BedrockRuntimeClientConfig),
  commandClass: (module, operation) => module[`${operation}Command` as keyof BedrockRuntimeModule] as never,
  prepareCommand(operation, command) {
    if (operation === 'InvokeModel') addBedrockHeadersMiddleware((command as { middlewareStack: Parameters<typeof addBedrockHeadersMiddleware>[0] }).middlewareStack);
  },
};

type BedrockModule = typeof import('@aws-sdk/client-bedrock');

/** The Bedrock control plane's batch inference operations, `[input, output]`. */
export type BedrockControlOperations = {
  CreateModelInvocationJob: [import('@aws-sdk/client-bedrock').CreateModelInvocationJobCommandInput, import('@aws-sdk/client-bedrock').CreateModelInvocationJobCommandOutput];
  GetModelInvocationJob: [import('@aws-sdk/client-bedrock').GetModelInvocationJobCommandInput, import('@aws-sdk/client-bedrock').GetModelInvocationJobCommandOutput];
  ListModelInvocationJobs: [import('@aws-sdk/client-bedrock').ListModelInvocationJobsCommandInput, import('@aws-sdk/client-bedrock').ListModelInvocationJobsCommandOutput];
  StopModelInvocationJob: [import('@aws-sdk/client-bedrock').StopModelInvocationJobCommandInput, import('@aws-sdk/client-bedrock').StopModelInvocationJobCommandOutput];
};

/** The Bedrock control plane (`@aws-sdk/client-bedrock`), for batch inference jobs. */
export const BEDROCK_CONTROL: AwsService<BedrockControlOperations, BedrockModule> = {
  name: 'bedrock',
  load: () => import('@aws-sdk/client-bedrock'),
  createClient: (module, settings) => new module.BedrockClient(settings as import('@aws-sdk/client-bedrock').BedrockClientConfig),
  commandClass: (module, operation) => module[`${operation}Command` as keyof BedrockModule] as never,
};

type S3Module = typeof import('@aws-sdk/client-s3');
type S3 = typeof import('@aws-sdk/client-s3');

/** The S3 operations batch inference uses, `[input, output]`. */
export type S3Operations = {
  PutObject: [import('@aws-sdk/client-s3').PutObjectCommandInput, import('@aws-sdk/client-s3').PutObjectCommandOutput];
  GetObject: [import('@aws-sdk/client-s3').GetObjectCommandInput, import('@aws-sdk/client-s3').GetObjectCommandOutput];
  HeadObject: [import('@aws-sdk/client-s3').HeadObjectCommandInput, import('@aws-sdk/client-s3').HeadObjectCommandOutput];
  DeleteObject: [import('@aws-sdk/client-s3').DeleteObjectCommandInput, import('@aws-sdk/client-s3').DeleteObjectCommandOutput];
  ListObjectsV2: [import('@aws-sdk/client-s3').ListObjectsV2CommandInput, import('@aws-sdk/client-s3').ListObjectsV2CommandOutput];
};

/**
 * Amazon S3 (`@aws-sdk/client-s3`). With a custom endpoint (an S3-compatible store, a VPC endpoint, the emulator)
 * requests are path-style (`/bucket/key`): a virtual-hosted name cannot resolve on such an endpoint.
 */
export const S3_SERVICE: AwsService<S3Operations, S3Module> = {
  name: 's3',
  load: () => import('@aws-sdk/client-s3'),
  createClient: (module, settings) =>
    new module.S3Client({ ...(settings as import('@aws-sdk/client-s3').S3ClientConfig), ...(settings.endpoint === undefined ? {} : { forcePathStyle: true }) }),
  commandClass: (module, operation) => module[`${operation}Command` as keyof S3] as never,
};
