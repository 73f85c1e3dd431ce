/**
 * The five Bedrock Runtime operations: Converse, ConverseStream, InvokeModel, InvokeModelWithResponseStream and
 * CountTokens. Each gets a resolved model and the parsed body, and writes the response (event streams one
 * `res.write` per frame, honouring injected stream faults and client disconnects).
 */
import http2 from 'node:http2';
import { setTimeout as sleep } from 'node:timers/promises';
import { anthropicStreamEvents, anthropicToConverse, converseReplyToAnthropic } from './anthropic.js';
import type { AuthResult } from './auth.js';
import { countInputTokens, replyFor, type ConverseReply, type ConverseRequestJson, type JsonObject } from './converse.js';
import { embeddingFamilyOf, invokeEmbedding } from './embeddings.js';
import { DEFAULT_EXCEPTION_MESSAGES, EmulatorError, isModeledExceptionName, validationError } from './errors.js';
import {
  chunkEvent,
  converseStreamEvents,
  encodeErrorFrame,
  encodeEvent,
  encodeException,
  streamExceptionMember,
  type StreamEvent,
} from './event-stream.js';
import { pickDelay, type FaultEffect, type OperationName } from './faults.js';
import { applyPrompt, rejectPromptVariables } from './prompts.js';
import { endResponse, sendJson, writeChunk, writeHead } from './http.js';
import type { ModelRegistry, ResolvedModel } from './models.js';
import type { PromptCache } from './prompt-cache.js';
import type { QuotaTicket } from './quotas.js';
import type { RecordedRequest } from './requests.js';
import type { IncomingRequest, OutgoingResponse } from './server.js';
import { countTokens } from './tokens.js';
import { MESSAGES, validateConverseRequest } from './validation.js';

export interface OperationState {
  models: ModelRegistry;
  promptCache: PromptCache;
  guardrailTrigger: string;
  /** Converse only: last-user-text substring that makes Claude 3.7 Sonnet redact its thinking. */
  redactedThinkingTrigger: string;
}

export interface OperationContext {
  state: OperationState;
  requestId: string;
  startedAt: number;
  operation: OperationName;
  auth: AuthResult;
  resolved: ResolvedModel;
  headers: Record<string, string | undefined>;
  /** The request body parsed as JSON. */
  body: unknown;
  request: IncomingRequest;
  response: OutgoingResponse;
  effect: FaultEffect | undefined;
  record: RecordedRequest;
  /** The quota that admitted the request (its latency model, and its reservation to settle), if any. */
  quota?: QuotaTicket | undefined;
}

/** In-stream exceptions each streaming operation models (bedrock-wire.md §1.8, §1.9). */
const STREAM_EXCEPTIONS: Readonly<Record<'ConverseStream' | 'InvokeModelWithResponseStream', readonly string[]>> = {
  ConverseStream: ['InternalServerException', 'ModelStreamErrorException', 'ValidationException', 'ThrottlingException', 'ServiceUnavailableException'],
  InvokeModelWithResponseStream: [
    'InternalServerException',
    'ModelStreamErrorException',
    'ValidationException',
    'ThrottlingException',
    'ModelTimeoutException',
    'ServiceUnavailableException',
  ],
};

function elapsed(context: OperationContext): number {
  return Math.max(1, Math.round(performance.now() - context.startedAt));
}

function withGuardrailHeaders(request: ConverseRequestJson, headers: Record<string, string | undefined>): ConverseRequestJson {
  const identifier = headers['x-amzn-bedrock-guardrailidentifier'];
  if (identifier === undefined) return request;
  const trace = headers['x-amzn-bedrock-trace'];
  return {
    ...request,
    guardrailConfig: {
      guardrailIdentifier: identifier,
      guardrailVersion: headers['x-amzn-bedrock-guardrailversion'] ?? 'DRAFT',
      trace: trace === 'ENABLED' ? 'enabled' : trace === 'ENABLED_FULL' ? 'enabled_full' : 'disabled',
    },
  };
}

function converseReply(context: OperationContext, operation: 'Converse' | 'ConverseStream'): ConverseReply {
  const model = context.resolved.model;
  const prompt = context.resolved.prompt;
  // A prompt ARN: the stored template, filled from promptVariables, opens the conversation.
  if (prompt === undefined) rejectPromptVariables(context.body);
  const body = prompt === undefined ? context.body : applyPrompt(context.body, prompt);
  const request = validateConverseRequest(body, { model, operation });
  return replyFor(request, {
    model,
    promptCache: context.state.promptCache,
    guardrailTrigger: context.state.guardrailTrigger,
    redactedThinkingTrigger: context.state.redactedThinkingTrigger,
  });
}

export async function handleConverse(context: OperationContext): Promise<void> {
  const reply = converseReply(context, 'Converse');
  await generate(context, reply.usage.inputTokens, reply.usage.outputTokens);
  sendJson(
    context.response,
    200,
    {
      output: { message: { role: 'assistant', content: reply.content } },
      stopReason: reply.stopReason,
      usage: reply.usage,
      metrics: { latencyMs: elapsed(context) },
      ...(reply.additionalModelResponseFields === undefined ? {} : { additionalModelResponseFields: reply.additionalModelResponseFields }),
      ...(reply.trace === undefined ? {} : { trace: reply.trace }),
    },
    context.requestId,
  );
}

export async function handleConverseStream(context: OperationContext): Promise<void> {
  const reply = converseReply(context, 'ConverseStream');
  const frames = converseStreamEvents(reply, elapsed(context)).map((event) => encodeEvent(event.type, event.payload));
  await sendEventStream(context, frames, {}, reply.usage);
}

function anthropicRequest(context: OperationContext): ConverseRequestJson {
  const model = context.resolved.model;
  const converse = withGuardrailHeaders(anthropicToConverse(context.body, model), context.headers);
  return validateConverseRequest(converse, { model, operation: 'Converse' });
}

function unsupportedNativeBody(model: string): EmulatorError {
  return validationError(
    `The emulator implements native InvokeModel bodies only for Anthropic Claude and the embedding models; use Converse for ${model}.`,
  );
}

function invokeHeaders(inputTokens: number, outputTokens: number, latencyMs: number): Record<string, string | number> {
  return {
    'x-amzn-bedrock-input-token-count': inputTokens,
    'x-amzn-bedrock-output-token-count': outputTokens,
    'x-amzn-bedrock-invocation-latency': latencyMs,
  };
}

export async function handleInvokeModel(context: OperationContext): Promise<void> {
  const model = context.resolved.model;
  const family = embeddingFamilyOf(model.id);
  if (family !== undefined) {
    const result = invokeEmbedding(family, context.body, context.requestId);
    await generate(context, result.inputTokens, 0);
    sendJson(context.response, 200, result.body, context.requestId, invokeHeaders(result.inputTokens, 0, elapsed(context)));
    return;
  }
  if (!model.id.startsWith('anthropic.')) throw unsupportedNativeBody(model.id);
  const request = anthropicRequest(context);
  const reply = replyFor(request, { model, promptCache: context.state.promptCache, guardrailTrigger: context.state.guardrailTrigger });
  await generate(context, reply.usage.inputTokens, reply.usage.outputTokens);
  const body: JsonObject = converseReplyToAnthropic(reply, model, context.requestId);
  if (reply.stopReason === 'guardrail_intervened') body['amazon-bedrock-guardrailAction'] = 'INTERVENED';
  if (reply.trace !== undefined) body['amazon-bedrock-trace'] = reply.trace;
  sendJson(context.response, 200, body, context.requestId, invokeHeaders(reply.usage.inputTokens, reply.usage.outputTokens, elapsed(context)));
}

export async function handleInvokeModelWithResponseStream(context: OperationContext): Promise<void> {
  const model = context.resolved.model;
  if (model.kind === 'embedding') throw validationError(MESSAGES.streamingUnsupported);
  if (!model.converseStream) throw validationError(MESSAGES.streamingUnsupported);
  if (!model.id.startsWith('anthropic.')) throw unsupportedNativeBody(model.id);
  const request = anthropicRequest(context);
  const reply = replyFor(request, { model, promptCache: context.state.promptCache, guardrailTrigger: context.state.guardrailTrigger });
  const events: StreamEvent[] = anthropicStreamEvents(reply, model, context.requestId, elapsed(context)).map(chunkEvent);
  await sendEventStream(
    context,
    events.map((event) => encodeEvent(event.type, event.payload)),
    { 'x-amzn-bedrock-content-type': 'application/json' },
    reply.usage,
  );
}

export function handleCountTokens(context: OperationContext): void {
  const model = context.resolved.model;
  if (!model.id.startsWith('anthropic.') || model.kind !== 'chat') {
    throw validationError("The provided model doesn't support counting tokens.");
  }
  const body = context.body as JsonObject;
  const input = typeof body === 'object' && body !== null ? (body['input'] as JsonObject | undefined) : undefined;
  if (input === undefined || typeof input !== 'object') {
    throw validationError("1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null");
  }
  let inputTokens: number;
  if (input['converse'] !== undefined) {
    const converse = { ...(input['converse'] as JsonObject) } as ConverseRequestJson;
    validateConverseRequest(converse, { model, operation: 'Converse' });
    inputTokens = countInputTokens(converse);
  } else if (input['invokeModel'] !== undefined) {
    const encoded = (input['invokeModel'] as JsonObject)['body'];
    if (typeof encoded !== 'string') throw validationError("1 validation error detected: Value null at 'input.invokeModel.body' failed to satisfy constraint: Member must not be null");
    let native: unknown;
    try {
      native = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    } catch {
      throw validationError('Malformed input request: the invokeModel body is not valid JSON, please reformat your input and try again.');
    }
    inputTokens = countInputTokens(anthropicToConverse(native, model));
  } else {
    throw validationError('The input field must contain exactly one of converse or invokeModel.');
  }
  sendJson(context.response, 200, { inputTokens }, context.requestId);
}

function streamBreakFrame(operation: OperationName, breakWith: { name: string; message?: string }): Uint8Array {
  const allowed = STREAM_EXCEPTIONS[operation === 'InvokeModelWithResponseStream' ? 'InvokeModelWithResponseStream' : 'ConverseStream'];
  const message = breakWith.message ?? (isModeledExceptionName(breakWith.name) ? DEFAULT_EXCEPTION_MESSAGES[breakWith.name] : 'Injected stream error.');
  if (!allowed.includes(breakWith.name)) return encodeErrorFrame(breakWith.name, message);
  const payload: JsonObject = { message };
  if (breakWith.name === 'ModelStreamErrorException') {
    payload['originalStatusCode'] = 500;
    payload['originalMessage'] = message;
  }
  return encodeException(streamExceptionMember(breakWith.name), payload);
}

/** Resets the connection under a response (HTTP/1.1: destroys the socket; HTTP/2: RST_STREAM). */
export function resetConnection(request: IncomingRequest, response: OutgoingResponse): void {
  if ('stream' in response && response.stream !== undefined) {
    response.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
    return;
  }
  request.socket?.destroy();
}

/**
 * The latency model of a non-streaming answer: waits the time to first token and the output tokens' time, then
 * settles the quota reservation to the tokens actually used.
 */
async function generate(context: OperationContext, inputTokens: number, outputTokens: number): Promise<void> {
  const quota = context.quota;
  if (quota === undefined) return;
  const ms = quota.timeToFirstTokenMs + quota.msPerOutputToken * outputTokens;
  if (ms > 0) await sleep(ms);
  quota.settle(inputTokens + outputTokens);
}

/**
 * The tokens a request reserves from a tokens-per-minute quota when it starts: its input tokens plus its output
 * budget (`maxTokens`, else the model's maximum), as Bedrock documents. Embeddings reserve their input only. A body
 * the operation will reject reserves what can be read of it (the rejection settles it to 0).
 */
export function reservedTokensOf(operation: OperationName, body: unknown, model: ResolvedModel['model']): number {
  if (operation === 'CountTokens') return 0;
  const object = typeof body === 'object' && body !== null ? (body as JsonObject) : {};
  if (embeddingFamilyOf(model.id) !== undefined) return stringTokens(object);
  let input = 0;
  let budget: unknown;
  try {
    if (operation === 'Converse' || operation === 'ConverseStream') {
      input = countInputTokens(object as ConverseRequestJson);
      budget = (object['inferenceConfig'] as JsonObject | undefined)?.['maxTokens'];
    } else {
      input = countInputTokens(anthropicToConverse(object, model));
      budget = object['max_tokens'];
    }
  } catch {
    input = stringTokens(object);
  }
  return input + (typeof budget === 'number' && budget > 0 ? budget : model.maxOutputTokens);
}

/** Tokens of every string in a JSON value (the emulator's word rule). */
function stringTokens(value: unknown): number {
  if (typeof value === 'string') return countTokens(value);
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + stringTokens(item), 0);
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce((sum: number, item) => sum + stringTokens(item), 0);
  return 0;
}

/**
 * Writes an event stream: status 200, then one `write` per frame, with the request's stream faults and the quota's
 * latency model applied (time to first token before the first frame, the output tokens' time spread over the frames);
 * the reservation is settled to `usage` at the end.
 */
async function sendEventStream(
  context: OperationContext,
  frames: Uint8Array[],
  extraHeaders: Record<string, string>,
  usage: { inputTokens: number; outputTokens: number },
): Promise<void> {
  try {
    await writeEventStream(context, frames, extraHeaders, usage.outputTokens);
  } finally {
    context.quota?.settle(usage.inputTokens + usage.outputTokens);
  }
}

async function writeEventStream(context: OperationContext, frames: Uint8Array[], extraHeaders: Record<string, string>, outputTokens: number): Promise<void> {
  const { response, effect } = context;
  const quota = context.quota;
  const firstTokenMs = quota?.timeToFirstTokenMs ?? 0;
  const perFrameMs = quota === undefined || frames.length === 0 ? 0 : (quota.msPerOutputToken * outputTokens) / frames.length;
  let clientGone = false;
  context.record.clientClosed = false;
  response.once('close', () => {
    if (!response.writableFinished) clientGone = context.record.clientClosed = true;
  });
  writeHead(response, 200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': context.requestId, ...extraHeaders });
  const breakAt = effect?.breakAfterFrames;
  if (effect !== undefined && effect.pauseBeforeFirstFrameMs > 0) {
    (response as { flushHeaders(): void }).flushHeaders();
    await sleep(effect.pauseBeforeFirstFrameMs);
  }
  if (firstTokenMs > 0) {
    (response as { flushHeaders(): void }).flushHeaders();
    await sleep(firstTokenMs);
  }
  for (let index = 0; index <= frames.length; index += 1) {
    if (clientGone) return;
    if (perFrameMs > 0 && index > 0 && index < frames.length) {
      await sleep(perFrameMs);
      if (clientGone) return;
    }
    if (breakAt !== undefined && index === breakAt) {
      const breakWith = effect?.breakWith ?? { name: 'ModelStreamErrorException' };
      if (breakWith === 'reset') {
        (response as { flushHeaders(): void }).flushHeaders();
        // Give already-written frames a moment to leave before the reset.
        await sleep(5);
        resetConnection(context.request, response);
        return;
      }
      writeChunk(response, streamBreakFrame(context.operation, breakWith));
      endResponse(response);
      return;
    }
    const frame = frames[index];
    if (frame === undefined) break;
    const delay = pickDelay(effect?.frameDelay);
    if (delay > 0) {
      (response as { flushHeaders(): void }).flushHeaders();
      await sleep(delay);
      if (clientGone) return;
    }
    writeChunk(response, frame);
  }
  endResponse(response);
}
