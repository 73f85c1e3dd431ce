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
import type { AwsService } from './transport.js';

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
