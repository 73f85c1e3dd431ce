/**
 * What resources send through the client's `_send`/`_sendStream` (src/client.ts): Bedrock Runtime's operation names,
 * their inputs and outputs, the request options besides the caller's, and what comes back.
 */
import type { ResponseMetadata } from './api-promise.js';
import type { ReadRequestOptions } from './request-options.js';
import type { BedrockRuntimeOperations } from './services.js';

/**
 * @internal What resources pass to `_send`/`_sendStream` besides the request options: the Region of an ARN, and the
 * output budget Bedrock reserves when the request sets no `maxTokens` (the model's maximum output).
 */
export interface InternalRequestOptions extends ReadRequestOptions {
  region?: string | undefined;
  outputBudget?: number | undefined;
}

export type OperationName = 'Converse' | 'ConverseStream' | 'InvokeModel' | 'InvokeModelWithResponseStream' | 'CountTokens';

export type OperationInput<Name extends OperationName> = BedrockRuntimeOperations[Name][0];
export type OperationOutput<Name extends OperationName> = BedrockRuntimeOperations[Name][1];

export interface SendResult<Output> {
  output: Output;
  /** The model ID actually called: the input's, or the inference profile the on-demand safety net switched to. */
  modelId: string;
  requestId: string | null;
  metadata: ResponseMetadata;
}

export interface StreamSendResult<Event> {
  /** The model ID actually called (see {@link SendResult.modelId}). */
  modelId: string;
  /** The first event (already received: the stream is committed). `undefined` if the stream was empty. */
  first: IteratorResult<Event>;
  /** The rest of the events. */
  rest: AsyncIterator<Event>;
  requestId: string | null;
  metadata: ResponseMetadata;
  /** Aborting it cancels the HTTP request. */
  controller: AbortController;
}
