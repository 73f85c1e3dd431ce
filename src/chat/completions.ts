/**
 * `client.chat.completions`: OpenAI's Chat Completions over Bedrock's Converse and ConverseStream.
 *
 * `create` only orchestrates; every conversion is a pure module beside this one:
 * params → `convertToConverseRequest` (validation, unsupported params, messages, tools, cache points, Bedrock
 * extras) → model resolution → `adaptRequestToModel` (reasoning, structured output, capability and caching rules)
 * → `fillRemoteImages` (the only I/O before sending) → `Converse` → `convertFromConverseResponse`, or
 * `ConverseStream` → `createChunkMapper` → `Stream<ChatCompletionChunk>`.
 */
import type { ConverseStreamCommandInput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { Client, RequestOptions } from '../client.js';
import { APIPromise, type APIResponse, type ResponseMetadata } from '../core/api-promise.js';
import { APIUserAbortError, ConfigurationError } from '../core/errors.js';
import { APIResource } from '../core/resource.js';
import { Stream } from '../core/streaming.js';
import { computeCost } from '../models/cost.js';
import type { ModelEntry } from '../models/types.js';
import { adaptRequestToModel } from './adapt-to-model.js';
import { convertFromConverseResponse, createCompletionId } from './from-converse-response.js';
import { DEFAULT_IMAGE_FETCH, fillRemoteImages } from './image-source.js';
import { createChunkMapper } from './stream-chunks.js';
import { assembleConverseResponse, shouldStreamInternally } from './stream-internally.js';
import { convertToConverseRequest } from './to-converse-request.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsBase,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from './types.js';
import { createUnsupportedParamHandler, type DroppedParamWarning } from './unsupported-params.js';
import type { CostFunction } from './usage.js';

/** Per-request options: the client's `RequestOptions`, plus the chat settings a request may override. */
export interface ChatRequestOptions extends RequestOptions {
  /** Drop parameters Bedrock cannot honour (reporting each through `onWarning`) instead of failing. */
  dropUnsupportedParams?: boolean | undefined;
  /** Remote image fetching for this request: `false` to refuse `http(s)` image URLs, or limits. */
  imageFetch?: false | { maxBytes?: number | undefined; timeoutMs?: number | undefined } | undefined;
}

export class Completions extends APIResource {
  /**
   * Creates a model response for the given chat conversation, as `openai`'s `chat.completions.create`.
   * With `stream: true` the promise resolves to a `Stream<ChatCompletionChunk>` once the first event has arrived
   * (failures before that are retried; nothing after).
   */
  create(body: ChatCompletionCreateParamsNonStreaming, options?: ChatRequestOptions): APIPromise<ChatCompletion>;
  create(body: ChatCompletionCreateParamsStreaming, options?: ChatRequestOptions): APIPromise<Stream<ChatCompletionChunk>>;
  create(body: ChatCompletionCreateParamsBase, options?: ChatRequestOptions): APIPromise<Stream<ChatCompletionChunk> | ChatCompletion>;
  create(body: ChatCompletionCreateParamsBase, options: ChatRequestOptions = {}): APIPromise<Stream<ChatCompletionChunk> | ChatCompletion> {
    return APIPromise.from(() => this.#create(body, options));
  }

  async #create(body: ChatCompletionCreateParamsBase, options: ChatRequestOptions): Promise<APIResponse<ChatCompletion | Stream<ChatCompletionChunk>>> {
    const client = this._client;
    const imageFetch = imageFetchSettings(client, options);
    // Warnings wait until the request is known to be valid, so a failing request reports only its error.
    const dropped: DroppedParamWarning[] = [];
    const unsupported = createUnsupportedParamHandler({
      drop: options.dropUnsupportedParams ?? client._settings.dropUnsupportedParams,
      warn: (warning) => dropped.push(warning),
    });
    const plan = convertToConverseRequest(body, { imageFetch: imageFetch !== false, unsupported });
    const model = await client._resolveModel(body.model, { baseModel: plan.baseModel });
    const adapted = adaptRequestToModel(plan, model, unsupported);
    if (plan.remoteImages.length > 0 && imageFetch !== false) {
      await fillRemoteImages(plan.remoteImages, { ...imageFetch, signal: options.signal });
    }
    for (const warning of dropped) client._warn(warning);

    const requestOptions: RequestOptions & { region: string } = {
      maxRetries: options.maxRetries,
      timeout: options.timeout,
      streamIdleTimeout: options.streamIdleTimeout,
      signal: options.signal,
      onRetry: options.onRetry,
      region: model.region,
    };
    const input = { modelId: model.modelId, ...adapted.input };
    const created = Math.floor(Date.now() / 1000);

    if (!plan.stream) {
      const streamInternally = shouldStreamInternally(plan.streamInternally, input.inferenceConfig?.maxTokens, model.entry);
      const { output, requestId, metadata, modelId } = streamInternally
        ? await sendOverStream(client, input, requestOptions)
        : await client._send('Converse', input, requestOptions);
      const completion = convertFromConverseResponse(output, {
        id: createCompletionId(requestId),
        // The ID actually called: the client may have retried a base ID with its inference profile.
        model: modelId,
        created,
        toolNames: plan.toolNames,
        toolCallIds: plan.toolCallIds,
        requestId,
        cost: costFunction(modelId, model.entry, model.region),
        structuredOutput: adapted.structuredOutput,
      });
      return { data: completion, request_id: requestId, response: metadata };
    }

    const sent = await client._sendStream('ConverseStream', input, (output) => output.stream, requestOptions);
    const mapper = createChunkMapper({
      id: createCompletionId(sent.requestId),
      model: sent.modelId,
      created,
      toolNames: plan.toolNames,
      toolCallIds: plan.toolCallIds,
      includeUsage: plan.includeUsage,
      requestId: sent.requestId,
      cost: costFunction(sent.modelId, model.entry, model.region),
      structuredOutput: adapted.structuredOutput,
    });
    const stream = new Stream<ChatCompletionChunk>(() => mapEvents(sent.first, sent.rest, mapper, sent.controller.signal), sent.controller);
    return { data: stream, request_id: sent.requestId, response: sent.metadata };
  }
}

/**
 * A non-streaming call served over ConverseStream (`bedrock.streamInternally`): every event is read, then
 * assembled into the response Converse would have given. Retries cover the request up to the first event.
 */
async function sendOverStream(
  client: Client,
  input: ConverseStreamCommandInput,
  requestOptions: RequestOptions & { region: string },
): Promise<{ output: ReturnType<typeof assembleConverseResponse>; requestId: string | null; metadata: ResponseMetadata; modelId: string }> {
  const sent = await client._sendStream<'ConverseStream', ConverseStreamOutput>('ConverseStream', input, (output) => output.stream, requestOptions);
  const events: ConverseStreamOutput[] = [];
  let result = sent.first;
  try {
    while (result.done !== true) {
      events.push(result.value);
      result = await sent.rest.next();
    }
  } catch (error) {
    await sent.rest.return?.();
    throw error;
  }
  return { output: assembleConverseResponse(events), requestId: sent.requestId, metadata: sent.metadata, modelId: sent.modelId };
}

/**
 * The chunks of a stream whose first event has already been read. Once `signal` aborts, no further chunk is
 * given (events the SDK had already buffered included): the stream ends with an `APIUserAbortError`.
 */
async function* mapEvents(
  first: IteratorResult<ConverseStreamOutput>,
  rest: AsyncIterator<ConverseStreamOutput>,
  mapper: ReturnType<typeof createChunkMapper>,
  signal: AbortSignal,
): AsyncGenerator<ChatCompletionChunk> {
  let finished = false;
  try {
    let result = first;
    while (result.done !== true) {
      for (const chunk of mapper.map(result.value)) {
        if (signal.aborted) throw new APIUserAbortError();
        yield chunk;
      }
      result = await rest.next();
    }
    if (signal.aborted) throw new APIUserAbortError();
    finished = true;
    yield* mapper.end();
  } finally {
    // A consumer that stops early (or an error) cancels the HTTP request.
    if (!finished) await rest.return?.();
  }
}

function imageFetchSettings(client: Client, options: ChatRequestOptions): false | { maxBytes: number; timeoutMs: number } {
  const base = client._settings.imageFetch;
  const override = options.imageFetch;
  if (override === false) return false;
  const defaults = base === false ? DEFAULT_IMAGE_FETCH : base;
  if (override === undefined) return base;
  const settings = { maxBytes: override.maxBytes ?? defaults.maxBytes, timeoutMs: override.timeoutMs ?? defaults.timeoutMs };
  if (!Number.isInteger(settings.maxBytes) || settings.maxBytes < 1) throw new ConfigurationError('imageFetch.maxBytes', '`imageFetch.maxBytes` must be a whole number of bytes ≥ 1.');
  if (!Number.isFinite(settings.timeoutMs) || settings.timeoutMs <= 0) throw new ConfigurationError('imageFetch.timeoutMs', '`imageFetch.timeoutMs` must be a number of milliseconds > 0.');
  return settings;
}

function costFunction(modelId: string, entry: ModelEntry | undefined, region: string): CostFunction | undefined {
  if (entry === undefined) return undefined;
  return (counts) => computeCost(modelId, entry, counts, region);
}
