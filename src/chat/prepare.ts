/**
 * The steps every Converse door shares before sending (chat completions, responses): params → the request plan
 * (`convertToConverseRequest`), the model resolved, the plan adapted to it (`adaptRequestToModel`), files given by
 * `file_id` read and remote images fetched (the only I/O), and the warnings of dropped parameters reported once the
 * request is known to be valid. Also the non-streaming call served over ConverseStream, and the cost function from
 * the catalog's prices.
 */
import type { ConverseStreamCommandInput, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { BatchContext } from '../batch/context.js';
import { readFilesForModel } from '../batch/files.js';
import type { Client, InternalRequestOptions } from '../client.js';
import type { ResponseMetadata } from '../core/api-promise.js';
import { APIError, type APIErrorOptions, ConfigurationError } from '../core/errors.js';
import { readRequestOptions, type RequestOptions } from '../core/request-options.js';
import { computeCost } from '../models/cost.js';
import type { ResolvedModel } from '../models/resolve.js';
import type { ModelEntry } from '../models/types.js';
import { adaptRequestToModel, type AdaptedRequest } from './adapt-to-model.js';
import { findFileIds, inlineFiles } from './file-ids.js';
import { DEFAULT_IMAGE_FETCH, fillRemoteImages } from './image-source.js';
import { assembleConverseResponse } from './stream-internally.js';
import { convertToConverseRequest, type ConverseRequestPlan } from './to-converse-request.js';
import type { ChatCompletionCreateParamsBase } from './types.js';
import { createUnsupportedParamHandler, type DroppedParamWarning } from './unsupported-params.js';
import type { CostFunction } from './usage.js';

/** Per-request options: the client's `RequestOptions`, plus the Converse settings a request may override. */
export interface ChatRequestOptions extends RequestOptions {
  /** Drop parameters Bedrock cannot honour (reporting each through `onWarning`) instead of failing. */
  dropUnsupportedParams?: boolean | undefined;
  /** Remote image fetching for this request: `false` to refuse `http(s)` image URLs, or limits. */
  imageFetch?: false | { maxBytes?: number | undefined; timeoutMs?: number | undefined } | undefined;
}

export interface PreparedConverseCall {
  plan: ConverseRequestPlan;
  model: ResolvedModel;
  adapted: AdaptedRequest;
  /** The Converse (or ConverseStream) input, `modelId` included. */
  input: ConverseStreamCommandInput;
  requestOptions: InternalRequestOptions & { region: string };
}

/** The Converse-only options beside the common ones (src/core/request-options.ts). */
const CHAT_OPTION_KEYS = ['dropUnsupportedParams', 'imageFetch'] as const satisfies readonly (keyof ChatRequestOptions)[];

/**
 * Rewrites chat's parameter paths in a text (a `param`, or a message quoting it) into another door's: the
 * Responses API says `input[3].content[0].image_url` where chat says `messages[3].content[0].image_url.url`.
 */
export type ParamRenamer = (text: string) => string;

/**
 * Runs the shared steps for a chat-shaped body (see the module comment). `rename` gives validation errors and
 * dropped-parameter warnings the parameter paths the caller's users wrote.
 */
export async function prepareConverseCall(
  client: Client,
  body: ChatCompletionCreateParamsBase,
  given: ChatRequestOptions,
  rename?: ParamRenamer,
): Promise<PreparedConverseCall> {
  const options = readRequestOptions(given, CHAT_OPTION_KEYS);
  const imageFetch = imageFetchSettings(client, options);
  // Warnings wait until the request is known to be valid, so a failing request reports only its error.
  const dropped: DroppedParamWarning[] = [];
  const unsupported = createUnsupportedParamHandler({
    drop: options.dropUnsupportedParams ?? client._settings.dropUnsupportedParams,
    warn: (warning) => dropped.push(warning),
  });
  let plan: ConverseRequestPlan;
  let model: ResolvedModel;
  let adapted: AdaptedRequest;
  try {
    // Files given by ID are read (from the S3 folder `client.files` writes to) and go on as inline bytes.
    const fileIds = findFileIds(body);
    if (fileIds.length > 0) body = inlineFiles(body, await readFilesForModel(await filesContext(client, fileIds[0]!.param), fileIds, { signal: options.signal }));
    plan = convertToConverseRequest(body, { imageFetch: imageFetch !== false, unsupported });
    model = await client._resolveModel(body.model, { baseModel: plan.baseModel });
    adapted = adaptRequestToModel(plan, model, unsupported);
  } catch (error) {
    throw rename === undefined ? error : renameErrorParams(error, rename);
  }
  if (plan.remoteImages.length > 0 && imageFetch !== false) {
    await fillRemoteImages(plan.remoteImages, { ...imageFetch, signal: options.signal });
  }
  for (const warning of dropped) {
    client._warn(rename === undefined ? warning : { ...warning, param: rename(warning.param), message: rename(warning.message) });
  }
  const requestOptions: InternalRequestOptions & { region: string } = {
    maxRetries: options.maxRetries,
    timeout: options.timeout,
    streamIdleTimeout: options.streamIdleTimeout,
    signal: options.signal,
    onRetry: options.onRetry,
    headers: options.headers,
    region: model.region,
    // What Bedrock reserves from a tokens-per-minute quota when the request sets no maxTokens.
    outputBudget: model.entry?.maxOutputTokens ?? undefined,
  };
  return { plan, model, adapted, input: { modelId: model.modelId, ...adapted.input }, requestOptions };
}

/** Where uploaded files live (the S3 folder `client.files` writes to); without one, a `ConfigurationError` naming `param`. */
async function filesContext(client: Client, param: string): Promise<BatchContext> {
  try {
    return await client._batchContext();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new ConfigurationError(param, `\`${param}\` names an uploaded file, read from the S3 folder \`client.files\` uses, which is not set up. ${error.message}`);
  }
}

/** A validation error (`BadRequestError`, `UnprocessableEntityError`) with its `param` and message renamed. */
export function renameErrorParams(error: unknown, rename: ParamRenamer): unknown {
  if (!(error instanceof APIError) || typeof error.param !== 'string') return error;
  if (error instanceof ConfigurationError) return new ConfigurationError(rename(error.param), rename(error.message), error.file);
  const Class = error.constructor as new (status: number, message: string, options: APIErrorOptions) => APIError;
  return new Class(error.status ?? 400, rename(error.message), {
    param: rename(error.param),
    code: error.code,
    type: error.type,
    requestID: error.requestID,
    bedrockErrorName: error.bedrockErrorName,
    headers: error.headers,
    cause: error.cause,
  });
}

/**
 * A non-streaming call served over ConverseStream (`bedrock.streamInternally`): every event is read, then
 * assembled into the response Converse would have given. Retries cover the request up to the first event.
 */
export async function sendOverStream(
  client: Client,
  input: ConverseStreamCommandInput,
  requestOptions: InternalRequestOptions & { region: string },
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

export function imageFetchSettings(client: Client, options: Pick<ChatRequestOptions, 'imageFetch'>): false | { maxBytes: number; timeoutMs: number } {
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

export function costFunction(modelId: string, entry: ModelEntry | undefined, region: string): CostFunction | undefined {
  if (entry === undefined) return undefined;
  return (counts) => computeCost(modelId, entry, counts, region);
}
