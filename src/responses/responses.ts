/**
 * `client.responses`: OpenAI's Responses API over Bedrock's Converse and ConverseStream, for every model.
 *
 * `create` only orchestrates: the `previous_response_id` chain and `item_reference`s are read from the store →
 * `convertToChatRequest` (Responses params → the chat-shaped body) → chat's shared steps (`prepareConverseCall`:
 * validation, model resolution, model rules, remote images) → `Converse` → `convertConverseResponse`, or
 * `ConverseStream` → `createResponseEventMapper` → `Stream<ResponseStreamEvent>`; the response is stored (unless
 * `store: false`) before it is returned, or before the stream's last event is given.
 */
import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { Client } from '../client.js';
import { mapEvents } from '../chat/completions.js';
import { type ChatRequestOptions, prepareConverseCall, renameErrorParams, sendOverStream } from '../chat/prepare.js';
import { shouldStreamInternally } from '../chat/stream-internally.js';
import { createUnsupportedParamHandler, type DroppedParamWarning } from '../chat/unsupported-params.js';
import { APIPromise, type APIResponse } from '../core/api-promise.js';
import { BadRequestError, NotFoundError } from '../core/errors.js';
import { readLocalOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { Stream } from '../core/streaming.js';
import { convertConverseResponse } from './from-converse-response.js';
import { createResponseId, type ItemPrefix, inputItemId, parseItemId } from './ids.js';
import { echoOf } from './response-object.js';
import type { ResponseStore, StoredResponse } from './store.js';
import { createResponseEventMapper, type ResponseEventContext } from './stream-events.js';
import { convertToChatRequest, normaliseInput, type ResponsesRequestPlan, type SourcedItem } from './to-chat-request.js';
import type {
  InputItemListParams,
  InputTokenCountParams,
  InputTokenCountResponse,
  Response,
  ResponseCreateParamsBase,
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
  ResponseDeleted,
  ResponseItem,
  ResponseItemList,
  ResponseOutputItem,
  ResponseRetrieveParams,
  ResponseStreamEvent,
} from './types.js';

/** Per-request options: as chat's (`dropUnsupportedParams`, `imageFetch`, retries, timeouts, `signal`). */
export type ResponsesRequestOptions = ChatRequestOptions;

/** The longest `previous_response_id` chain followed (a guard against a store that loops). */
const MAX_CHAIN = 100_000;

export class Responses extends APIResource {
  readonly inputItems: InputItems;
  readonly inputTokens: InputTokens;

  constructor(client: Client) {
    super(client);
    this.inputItems = new InputItems(client);
    this.inputTokens = new InputTokens(client);
  }

  /**
   * Creates a model response, as `openai`'s `responses.create`. With `stream: true` the promise resolves to a
   * `Stream<ResponseStreamEvent>` once Bedrock's first event has arrived (failures before that are retried).
   */
  create(body: ResponseCreateParamsNonStreaming, options?: ResponsesRequestOptions): APIPromise<Response>;
  create(body: ResponseCreateParamsStreaming, options?: ResponsesRequestOptions): APIPromise<Stream<ResponseStreamEvent>>;
  create(body: ResponseCreateParamsBase, options?: ResponsesRequestOptions): APIPromise<Stream<ResponseStreamEvent> | Response>;
  create(body: ResponseCreateParamsBase, options: ResponsesRequestOptions = {}): APIPromise<Stream<ResponseStreamEvent> | Response> {
    return APIPromise.from(() => this.#create(body, options));
  }

  /** A stored response (404 `NotFoundError` for an unknown ID, as OpenAI's). */
  retrieve(id: string, query: ResponseRetrieveParams = {}, options: ResponsesRequestOptions = {}): APIPromise<Response> {
    return APIPromise.from(async () => {
      readLocalOptions(options, 'responses.retrieve()', 'reads the response store');
      const record = await findResponse(this._client, id, 'response_id');
      return local(presentResponse(record.response, includesEncrypted(query.include)));
    });
  }

  /**
   * As `openai`'s `responses.cancel`, which cancels a `background: true` response. Bedrock serves no background
   * responses (`background` is refused), so every stored response has already ended: a 400 `BadRequestError` for
   * one, a 404 `NotFoundError` for an unknown ID.
   */
  cancel(id: string, options: ResponsesRequestOptions = {}): APIPromise<Response> {
    return APIPromise.from(async () => {
      readLocalOptions(options, 'responses.cancel()', 'reads the response store');
      await findResponse(this._client, id, 'response_id');
      throw BadRequestError.forParam(
        'response_id',
        `Only a response created with \`background: true\` can be cancelled; '${id}' was not (Bedrock serves no background responses) and has already ended.`,
      );
    });
  }

  /** Deletes a stored response (404 `NotFoundError` for an unknown ID). */
  delete(id: string, options: ResponsesRequestOptions = {}): APIPromise<ResponseDeleted> {
    return APIPromise.from(async () => {
      readLocalOptions(options, 'responses.delete()', 'deletes from the response store');
      if (!(await this._client._responseStore.delete(id))) throw notFound(id, 'response_id');
      return local({ id, object: 'response' as const, deleted: true as const });
    });
  }

  async #create(params: ResponseCreateParamsBase, options: ResponsesRequestOptions): Promise<APIResponse<Response | Stream<ResponseStreamEvent>>> {
    const client = this._client;
    const store = client._responseStore;
    const stream = params?.stream === true;
    if (params?.stream !== undefined && params.stream !== null && typeof params.stream !== 'boolean') throw BadRequestError.forParam('stream', '`stream` must be a boolean.');
    const { plan, warnings } = await planRequest(client, params, options, stream);
    const prepared = await prepareConverseCall(client, plan.body, options, plan.rename);
    for (const warning of warnings) client._warn(warning);
    const { id, hex } = createResponseId();
    const keep = params.store !== false;
    const context: ResponseEventContext = {
      id,
      hex,
      createdAt: Math.floor(Date.now() / 1000),
      model: prepared.model.modelId,
      echo: echoOf(params),
      toolNames: prepared.plan.toolNames,
      toolCallIds: prepared.plan.toolCallIds,
      requestId: null,
      structuredOutput: prepared.adapted.structuredOutput,
      summary: plan.summary,
      includeEncrypted: plan.includeEncrypted,
    };
    const record = (response: Response): StoredResponse => ({ response, input: inputItemsOf(plan.input, hex) });

    if (!stream) {
      const { input, requestOptions } = prepared;
      // The caller's own `max_output_tokens`, not one filled in for the model: see shouldStreamInternally.
      const streamInternally = shouldStreamInternally(prepared.plan.streamInternally, prepared.plan.input.inferenceConfig?.maxTokens);
      const sent = streamInternally ? await sendOverStream(client, input, requestOptions) : await client._send('Converse', input, requestOptions);
      let converted: { shown: Response; stored: Response };
      try {
        converted = convertConverseResponse(sent.output, { ...context, model: sent.modelId, requestId: sent.requestId });
      } catch (error) {
        throw renameErrorParams(error, plan.rename);
      }
      if (keep) await store.set(id, record(converted.stored));
      return { data: converted.shown, request_id: sent.requestId, response: sent.metadata };
    }

    const sent = await client._sendStream<'ConverseStream', ConverseStreamOutput>('ConverseStream', prepared.input, (output) => output.stream, prepared.requestOptions);
    const mapper = createResponseEventMapper({ ...context, model: sent.modelId, requestId: sent.requestId });
    // A thin iterator over the chat path's event iterator (no async generator: that would cost a resumption and two
    // promises per event): the last event waits for the store, and errors name the Responses API's params.
    const events = (): AsyncIterator<ResponseStreamEvent> => {
      const inner = mapEvents(sent.first, sent.rest, mapper, sent.controller.signal);
      const onResult = (result: IteratorResult<ResponseStreamEvent>): IteratorResult<ResponseStreamEvent> | Promise<IteratorResult<ResponseStreamEvent>> => {
        const type = result.done === true ? undefined : result.value.type;
        // Stored before the last event is given: a caller that stops there can still chain on it.
        if (keep && (type === 'response.completed' || type === 'response.incomplete')) return store.set(id, record(mapper.stored()!)).then(() => result, onError);
        return result;
      };
      const onError = (error: unknown): never => {
        throw renameErrorParams(error, plan.rename);
      };
      return {
        next: () => inner.next().then(onResult, onError),
        return: () => inner.return?.() ?? Promise.resolve({ done: true, value: undefined }),
      };
    };
    return { data: new Stream<ResponseStreamEvent>(() => events(), sent.controller), request_id: sent.requestId, response: sent.metadata };
  }
}

export class InputItems extends APIResource {
  /** The input items of a stored response (this request's own; `order` `desc` by default, as OpenAI's). */
  list(responseId: string, query: InputItemListParams = {}, options: ResponsesRequestOptions = {}): APIPromise<ResponseItemList> {
    return APIPromise.from(async () => {
      readLocalOptions(options, 'responses.inputItems.list()', 'reads the response store');
      const record = await findResponse(this._client, responseId, 'response_id');
      return local(listItems(record.input, query));
    });
  }
}

export class InputTokens extends APIResource {
  /**
   * Counts the input tokens a `responses.create` with these params would send, with Bedrock's CountTokens: served
   * for Anthropic Claude models; any other model is a 400 naming `model`.
   */
  count(body: InputTokenCountParams, options: ResponsesRequestOptions = {}): APIPromise<InputTokenCountResponse> {
    return APIPromise.from(async () => {
      const client = this._client;
      const { plan, warnings } = await planRequest(client, body as ResponseCreateParamsBase, options, false);
      const prepared = await prepareConverseCall(client, plan.body, options, plan.rename);
      for (const warning of warnings) client._warn(warning);
      const baseId = prepared.model.entry?.id ?? bareModelId(prepared.model.modelId);
      if (!baseId.startsWith('anthropic.')) {
        throw BadRequestError.forParam(
          'model',
          `Bedrock counts tokens (CountTokens) only for Anthropic Claude models; \`${String(body.model)}\` is not one, so its input tokens cannot be counted before a call (\`usage.input_tokens\` of a response reports them).`,
          'unsupported_model',
        );
      }
      const { input } = prepared;
      const converse = {
        messages: input.messages,
        ...(input.system === undefined ? {} : { system: input.system }),
        ...(input.toolConfig === undefined ? {} : { toolConfig: input.toolConfig }),
        ...(input.additionalModelRequestFields === undefined ? {} : { additionalModelRequestFields: input.additionalModelRequestFields }),
      };
      const sent = await client._send('CountTokens', { modelId: baseId, input: { converse } } as never, prepared.requestOptions);
      const counted = (sent.output as { inputTokens?: number }).inputTokens ?? 0;
      return { data: { object: 'response.input_tokens' as const, input_tokens: counted }, request_id: sent.requestId, response: sent.metadata };
    });
  }
}

/** Reads the chain and references from the store, and converts the params (warnings held until the request is valid). */
async function planRequest(
  client: Client,
  params: ResponseCreateParamsBase,
  options: ResponsesRequestOptions,
  stream: boolean,
): Promise<{ plan: ResponsesRequestPlan; warnings: DroppedParamWarning[] }> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw BadRequestError.forParam('body', 'The request body must be an object.');
  const warnings: DroppedParamWarning[] = [];
  const unsupported = createUnsupportedParamHandler({
    drop: options.dropUnsupportedParams ?? client._settings.dropUnsupportedParams,
    warn: (warning) => warnings.push(warning),
  });
  const previous = params.previous_response_id;
  const history = typeof previous === 'string' && previous !== '' ? await readChain(client._responseStore, previous) : [];
  const references = await readReferences(client._responseStore, params.input);
  const plan = convertToChatRequest(params, { history, resolveItem: (id) => references.get(id), unsupported, stream });
  return { plan, warnings };
}

/** The inputs and outputs of a `previous_response_id` chain, oldest first (instructions are not carried over). */
async function readChain(store: ResponseStore, id: string): Promise<SourcedItem[]> {
  const records: Array<{ id: string; record: StoredResponse }> = [];
  const seen = new Set<string>();
  let current: string | null | undefined = id;
  while (typeof current === 'string' && current !== '' && !seen.has(current) && records.length < MAX_CHAIN) {
    seen.add(current);
    const record = await store.get(current);
    if (record === undefined) {
      if (current === id) throw notFound(id, 'previous_response_id', 'Previous response');
      throw new NotFoundError(404, `Previous response with id '${id}' cannot be continued: the earlier response '${current}' it builds on is no longer stored.`, {
        param: 'previous_response_id',
        type: 'invalid_request_error',
        code: 'previous_response_not_found',
      });
    }
    records.push({ id: current, record });
    current = record.response.previous_response_id;
  }
  const items: SourcedItem[] = [];
  for (const { id: responseId, record } of records.reverse()) {
    record.input.forEach((item, index) => items.push({ item, param: `previous_response_id (${responseId} input[${index}])` }));
    record.response.output.forEach((item, index) => items.push({ item, param: `previous_response_id (${responseId} output[${index}])` }));
  }
  return items;
}

/** The stored items the input's `item_reference`s name (by the response their ID points at). */
async function readReferences(store: ResponseStore, input: unknown): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  if (!Array.isArray(input)) return found;
  const records = new Map<string, StoredResponse | undefined>();
  for (const item of input as Array<{ type?: unknown; id?: unknown; role?: unknown }>) {
    if (typeof item !== 'object' || item === null || typeof item.id !== 'string') continue;
    const reference = item.type === 'item_reference' || ((item.type === undefined || item.type === null) && item.role === undefined);
    if (!reference) continue;
    const where = parseItemId(item.id);
    if (where === undefined) continue;
    if (!records.has(where.responseId)) records.set(where.responseId, await store.get(where.responseId));
    const record = records.get(where.responseId);
    const stored: { id?: unknown } | undefined = where.input ? record?.input[where.index] : record?.response.output[where.index];
    if (stored?.id === item.id) found.set(item.id, stored);
  }
  return found;
}

async function findResponse(client: Client, id: string, param: string): Promise<StoredResponse> {
  if (typeof id !== 'string' || id === '') throw BadRequestError.forParam(param, `\`${param}\` must be a non-empty string.`);
  const record = await client._responseStore.get(id);
  if (record === undefined) throw notFound(id, param);
  return record;
}

function notFound(id: string, param: string, what = 'Response'): NotFoundError {
  return new NotFoundError(404, `${what} with id '${id}' not found.`, { param, type: 'invalid_request_error', code: null });
}

/** A result produced without calling Bedrock. */
function local<T>(data: T): APIResponse<T> {
  return { data, request_id: null, response: { httpStatusCode: undefined, requestId: undefined, attempts: 0, totalRetryDelay: 0 } };
}

function includesEncrypted(include: unknown): boolean {
  return Array.isArray(include) && include.includes('reasoning.encrypted_content');
}

/** The response as shown: `encrypted_content` only when asked for. */
export function presentResponse(response: Response, includeEncrypted: boolean): Response {
  if (includeEncrypted) return response;
  return { ...response, output: response.output.map((item) => hideEncrypted(item)) };
}

function hideEncrypted(item: ResponseOutputItem): ResponseOutputItem {
  if (item.type !== 'reasoning' || item.encrypted_content === undefined) return item;
  const { encrypted_content: _hidden, ...shown } = item;
  return shown;
}

const PREFIXES: Record<string, ItemPrefix> = { message: 'msg', function_call: 'fc', function_call_output: 'fco', reasoning: 'rs' };

/** The request's own input items as stored: each with an ID (its own, or a new one), messages with part arrays. */
function inputItemsOf(input: unknown[], hex: string): ResponseItem[] {
  return input.map((raw, index) => {
    const item = raw as { type?: string; id?: unknown; role?: string; content?: unknown; status?: unknown };
    const type = item.type ?? 'message';
    const id = typeof item.id === 'string' && item.id !== '' ? item.id : inputItemId(PREFIXES[type] ?? 'msg', hex, index);
    if (type === 'message') {
      const content = typeof item.content === 'string' ? [{ type: item.role === 'assistant' ? 'output_text' : 'input_text', text: item.content, ...(item.role === 'assistant' ? { annotations: [] } : {}) }] : item.content;
      return { ...item, type: 'message', id, content, status: item.status ?? 'completed' } as ResponseItem;
    }
    return { ...item, id } as ResponseItem;
  });
}

function listItems(items: ResponseItem[], query: InputItemListParams): ResponseItemList {
  const order = query.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw BadRequestError.forParam('order', '`order` must be "asc" or "desc".');
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw BadRequestError.forParam('limit', '`limit` must be a whole number from 1 to 100.');
  const ordered = order === 'asc' ? items : [...items].reverse();
  let start = 0;
  if (query.after !== undefined) {
    const position = ordered.findIndex((item) => item.id === query.after);
    if (position === -1) throw BadRequestError.forParam('after', `\`after\` (\`${query.after}\`) is not an item of this response.`);
    start = position + 1;
  }
  const data = ordered.slice(start, start + limit);
  return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < ordered.length };
}

/** A model or profile ID without its inference-profile prefix (`us.anthropic…` → `anthropic…`). */
function bareModelId(modelId: string): string {
  return modelId.replace(/^(us|eu|apac|jp|au|ca|us-gov|global)\./, '');
}
