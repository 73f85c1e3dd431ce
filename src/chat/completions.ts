/**
 * `client.chat.completions`: OpenAI's Chat Completions over Bedrock's Converse and ConverseStream.
 *
 * `create` only orchestrates; every conversion is a pure module beside this one:
 * params → `convertToConverseRequest` (validation, unsupported params, messages, tools, cache points, Bedrock
 * extras) → model resolution → `adaptRequestToModel` (reasoning, structured output, capability and caching rules)
 * → `fillRemoteImages` (the only I/O before sending) → `Converse` → `convertFromConverseResponse`, or
 * `ConverseStream` → `createChunkMapper` → `Stream<ChatCompletionChunk>`.
 */
import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { APIPromise, type APIResponse } from '../core/api-promise.js';
import { APIUserAbortError } from '../core/errors.js';
import { APIResource } from '../core/resource.js';
import { Stream } from '../core/streaming.js';
import { convertFromConverseResponse, createCompletionId } from './from-converse-response.js';
import { type ChatRequestOptions, costFunction, prepareConverseCall, sendOverStream } from './prepare.js';
import { createChunkMapper } from './stream-chunks.js';
import { shouldStreamInternally } from './stream-internally.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsBase,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from './types.js';

export type { ChatRequestOptions };

export class Completions extends APIResource {
  /**
   * Creates a model response for the given chat conversation, as `openai`'s `chat.completions.create`.
   * With `stream: true` the promise resolves to a `Stream<ChatCompletionChunk>` once the first event has arrived
   * (failures before that are retried; nothing after).
   *
   * IAM: a non-streaming call is sent as Converse (`bedrock:InvokeModel`), unless its own `max_tokens` is 21,333 or
   * more or `bedrock.streamInternally` is true: then, as with `stream: true`, as ConverseStream
   * (`bedrock:InvokeModelWithResponseStream`). `options` are `openai`'s request options (see `RequestOptions`:
   * `headers` are sent; `query`, `idempotencyKey` and `fetchOptions` are refused) plus the chat settings.
   */
  create(body: ChatCompletionCreateParamsNonStreaming, options?: ChatRequestOptions): APIPromise<ChatCompletion>;
  create(body: ChatCompletionCreateParamsStreaming, options?: ChatRequestOptions): APIPromise<Stream<ChatCompletionChunk>>;
  create(body: ChatCompletionCreateParamsBase, options?: ChatRequestOptions): APIPromise<Stream<ChatCompletionChunk> | ChatCompletion>;
  create(body: ChatCompletionCreateParamsBase, options: ChatRequestOptions = {}): APIPromise<Stream<ChatCompletionChunk> | ChatCompletion> {
    return APIPromise.from(() => this.#create(body, options));
  }

  async #create(body: ChatCompletionCreateParamsBase, options: ChatRequestOptions): Promise<APIResponse<ChatCompletion | Stream<ChatCompletionChunk>>> {
    const client = this._client;
    const { plan, model, adapted, input, requestOptions } = await prepareConverseCall(client, body, options);
    const created = Math.floor(Date.now() / 1000);

    if (!plan.stream) {
      // The caller's own `max_tokens`, not one filled in for the model (Claude thinking): see shouldStreamInternally.
      const streamInternally = shouldStreamInternally(plan.streamInternally, plan.input.inferenceConfig?.maxTokens);
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
        legacyFunctions: plan.legacyFunctions,
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
      legacyFunctions: plan.legacyFunctions,
    });
    const stream = new Stream<ChatCompletionChunk>(() => mapEvents(sent.first, sent.rest, mapper, sent.controller.signal), sent.controller);
    return { data: stream, request_id: sent.requestId, response: sent.metadata };
  }
}

/**
 * The items (chat chunks, Responses events) of a stream whose first event has already been read. Once `signal`
 * aborts, no further item is given (events the SDK had already buffered included): the stream ends with an
 * `APIUserAbortError`. A consumer that stops early, or a failure, cancels the HTTP request.
 *
 * A hand-written iterator rather than an async generator: an item already mapped is handed out without a generator
 * resumption, and an event costs one promise (this is the per-delta path of every stream).
 */
export function mapEvents<Item>(
  first: IteratorResult<ConverseStreamOutput>,
  rest: AsyncIterator<ConverseStreamOutput>,
  mapper: { map(event: ConverseStreamOutput): Item[]; end(): Item[] },
  signal: AbortSignal,
): AsyncIterableIterator<Item> {
  let pending: IteratorResult<ConverseStreamOutput> | undefined = first;
  let items: Item[] = [];
  let position = 0;
  /** Every event has been read (the request needs no cancelling). */
  let finished = false;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    items = [];
    // A consumer that stops early (or an error) cancels the HTTP request.
    if (!finished) await rest.return?.();
  };
  const advance = async (): Promise<IteratorResult<Item>> => {
    try {
      for (;;) {
        if (closed || (finished && position >= items.length)) {
          closed = true;
          return { done: true, value: undefined };
        }
        const result: IteratorResult<ConverseStreamOutput> = pending ?? (await rest.next());
        pending = undefined;
        if (signal.aborted) throw new APIUserAbortError();
        position = 0;
        if (result.done === true) {
          finished = true;
          items = mapper.end();
        } else {
          items = mapper.map(result.value);
        }
        if (position < items.length) return { done: false, value: items[position++]! };
      }
    } catch (error) {
      await close();
      throw error;
    }
  };
  return {
    next() {
      if (position < items.length) {
        if (signal.aborted) return close().then(() => Promise.reject(new APIUserAbortError()));
        return Promise.resolve({ done: false, value: items[position++]! });
      }
      return advance();
    },
    async return() {
      await close();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
