/**
 * OpenAI batch JSONL ⇄ Bedrock batch records. Pure, and built on the online converters, so a batch line is read
 * and answered exactly as the same request sent to `chat.completions.create` or `embeddings.create`:
 *
 * - {@link parseBatchLine}: one input line → `{ custom_id, method, url, body }`, or a `BadRequestError` naming the
 *   line number and `custom_id`.
 * - {@link convertChatLine} / {@link convertResponsesLine} / {@link convertEmbeddingLine}: a line's body → Bedrock
 *   `modelInput`s (Converse records; one InvokeModel body per embedding input) and the small context its answer needs.
 * - {@link convertChatOutput} / {@link convertResponsesOutput} / {@link convertEmbeddingOutputs}: Bedrock
 *   `modelOutput`s → the OpenAI response body.
 * - {@link recordIdFor} / {@link parseRecordId}: the 11-character record ID that carries (line, part), so outputs
 *   (which Bedrock writes in any order) are joined back without a lookup table.
 */
import type { ConverseResponse } from '@aws-sdk/client-bedrock-runtime';
import { adaptRequestToModel } from '../chat/adapt-to-model.js';
import { convertFromConverseResponse } from '../chat/from-converse-response.js';
import { renameErrorParams } from '../chat/prepare.js';
import type { NameMap } from '../chat/tool-names.js';
import { convertToConverseRequest } from '../chat/to-converse-request.js';
import type { StructuredOutputPlan } from '../chat/structured-output.js';
import type { ChatCompletion } from '../chat/types.js';
import { createUnsupportedParamHandler, type UnsupportedParamHandler } from '../chat/unsupported-params.js';
import { BadRequestError, BedrockOpenAIError } from '../core/errors.js';
import { encodeFloat32Base64 } from '../embeddings/encoding.js';
import { buildRequestBody, familySettingsOf, parseResponseBody } from '../embeddings/families.js';
import type { CreateEmbeddingResponse } from '../embeddings/types.js';
import { checkRequestForModel, readEmbeddingRequest } from '../embeddings/validate.js';
import type { EmbeddingFacts, ModelEntry } from '../models/types.js';
import { convertConverseResponse } from '../responses/from-converse-response.js';
import { createResponseId } from '../responses/ids.js';
import { echoOf, type ResponseEcho } from '../responses/response-object.js';
import { convertToChatRequest } from '../responses/to-chat-request.js';
import type { Response, ResponseCreateParamsBase } from '../responses/types.js';
import type { BatchUsage } from './batches.js';

export type BatchEndpoint = '/v1/chat/completions' | '/v1/responses' | '/v1/embeddings';
export const BATCH_ENDPOINTS: readonly BatchEndpoint[] = ['/v1/chat/completions', '/v1/responses', '/v1/embeddings'];

/** One line of an OpenAI batch input file. */
export interface BatchLine {
  custom_id: string;
  method: 'POST';
  url: BatchEndpoint;
  body: Record<string, unknown>;
}

/** A batch-input error: the line number (1-based) and `custom_id` lead the message; `param` names the field. */
export function lineError(lineNumber: number, customId: string | undefined, message: string, param: string): BadRequestError {
  const where = customId === undefined ? `Line ${lineNumber}` : `Line ${lineNumber} (custom_id ${JSON.stringify(customId)})`;
  return BadRequestError.forParam(param, `${where}: ${message}`, 'invalid_batch_line');
}

/** Parses and checks one input line (`lineNumber` is 1-based). */
export function parseBatchLine(text: string, lineNumber: number): BatchLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw lineError(lineNumber, undefined, `not valid JSON (${(error as Error).message}).`, 'input_file');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw lineError(lineNumber, undefined, 'must be a JSON object with custom_id, method, url and body.', 'input_file');
  const line = value as Record<string, unknown>;
  const customId = line['custom_id'];
  if (typeof customId !== 'string' || customId === '') throw lineError(lineNumber, undefined, '`custom_id` must be a non-empty string.', 'custom_id');
  if (line['method'] !== 'POST') throw lineError(lineNumber, customId, `\`method\` must be "POST"; got ${JSON.stringify(line['method'])}.`, 'method');
  if (!BATCH_ENDPOINTS.includes(line['url'] as BatchEndpoint)) {
    throw lineError(lineNumber, customId, `\`url\` must be one of ${BATCH_ENDPOINTS.join(', ')}; got ${JSON.stringify(line['url'])}.`, 'url');
  }
  const body = line['body'];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw lineError(lineNumber, customId, '`body` must be a JSON object.', 'body');
  return { custom_id: customId, method: 'POST', url: line['url'] as BatchEndpoint, body: body as Record<string, unknown> };
}

/** Runs an online converter on a line, re-throwing its error with the line number and `custom_id`. */
export function withLine<T>(lineNumber: number, customId: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof BadRequestError) throw lineError(lineNumber, customId, error.message, `body.${error.param ?? ''}`.replace(/\.$/, ''));
    throw error;
  }
}

/** What a chat line's answer needs from its request (tool-name maps, how JSON output was served). */
export interface ChatLineContext {
  toolNames: NameMap;
  toolCallIds: NameMap;
  structuredOutput: StructuredOutputPlan | undefined;
}

/** Unsupported parameters refused (the default; `dropUnsupportedParams` passes a handler that drops them). */
const REFUSE_UNSUPPORTED = createUnsupportedParamHandler({ drop: false, warn: () => undefined });

/** A chat line's body → its Converse `modelInput` and context. `model` is the batch's one resolved model. */
export function convertChatLine(
  line: BatchLine,
  lineNumber: number,
  model: { entry: ModelEntry | undefined; modelId: string },
  unsupported: UnsupportedParamHandler = REFUSE_UNSUPPORTED,
): { modelInput: Record<string, unknown>; context: ChatLineContext } {
  return withLine(lineNumber, line.custom_id, () => convertChatBody(line.body, model, unsupported));
}

/** A chat-shaped body → its Converse `modelInput`, by the online converters (a batch sends no stream). */
function convertChatBody(
  body: Record<string, unknown>,
  model: { entry: ModelEntry | undefined; modelId: string },
  unsupported: UnsupportedParamHandler,
): { modelInput: Record<string, unknown>; context: ChatLineContext } {
  // Remote image URLs are not fetched for batch input: Bedrock reads only what the record holds.
  const plan = convertToConverseRequest(body, { imageFetch: false, unsupported });
  if (plan.stream) throw BadRequestError.forParam('stream', '`stream: true` has no meaning in a batch; remove it.');
  const adapted = adaptRequestToModel(plan, model, unsupported);
  return {
    modelInput: adapted.input as Record<string, unknown>,
    context: { toolNames: plan.toolNames, toolCallIds: plan.toolCallIds, structuredOutput: adapted.structuredOutput },
  };
}

/** What a Responses line's answer needs: the chat line's context, the request's echo and how reasoning is shown. */
export interface ResponsesLineContext extends ChatLineContext {
  echo: ResponseEcho;
  summary: boolean;
  includeEncrypted: boolean;
}

/**
 * A Responses line's body → its Converse `modelInput` and context, by the online Responses converter and then chat's.
 * A batch line carries its whole conversation: `previous_response_id` and `item_reference` (which read the response
 * store) are refused, and so is `store: true` (batch answers are written to the output file, not stored).
 */
export function convertResponsesLine(
  line: BatchLine,
  lineNumber: number,
  model: { entry: ModelEntry | undefined; modelId: string },
  unsupported: UnsupportedParamHandler = REFUSE_UNSUPPORTED,
): { modelInput: Record<string, unknown>; context: ResponsesLineContext } {
  return withLine(lineNumber, line.custom_id, () => {
    const params = line.body as unknown as ResponseCreateParamsBase;
    if (params.stream === true) throw BadRequestError.forParam('stream', '`stream: true` has no meaning in a batch; remove it.');
    if (params.previous_response_id !== undefined && params.previous_response_id !== null) {
      throw BadRequestError.forParam('previous_response_id', '`previous_response_id` cannot be used in a batch: each line must carry its whole conversation in `input`.');
    }
    if (params.store === true) {
      throw BadRequestError.forParam('store', '`store: true` cannot be used in a batch: batch responses are written to the output file, not kept in the response store. Remove it or set it to false.');
    }
    const plan = convertToChatRequest(params, {
      history: [],
      resolveItem: (id) => {
        throw BadRequestError.forParam('input', `An \`item_reference\` (${JSON.stringify(id)}) cannot be used in a batch: each line must carry its whole conversation in \`input\`.`);
      },
      unsupported,
      stream: false,
    });
    let converted: { modelInput: Record<string, unknown>; context: ChatLineContext };
    try {
      converted = convertChatBody(plan.body as unknown as Record<string, unknown>, model, unsupported);
    } catch (error) {
      throw renameErrorParams(error, plan.rename);
    }
    return { modelInput: converted.modelInput, context: { ...converted.context, echo: { ...echoOf(params), store: false }, summary: plan.summary, includeEncrypted: plan.includeEncrypted } };
  });
}

/** What an embeddings line's answer needs: how many inputs (records) it has and how to encode the vectors. */
export interface EmbeddingLineContext {
  count: number;
  base64: boolean;
}

/** An embeddings line's body → one InvokeModel body per input (Bedrock batch records take one input each). */
export function convertEmbeddingLine(
  line: BatchLine,
  lineNumber: number,
  model: { modelId: string },
  facts: EmbeddingFacts,
): { modelInputs: Array<Record<string, unknown>>; context: EmbeddingLineContext } {
  return withLine(lineNumber, line.custom_id, () => {
    const request = readEmbeddingRequest(line.body as never);
    const kinds = checkRequestForModel(request, facts, model.modelId);
    const settings = familySettingsOf(request, facts);
    const modelInputs = request.inputs.map((_, index) => buildRequestBody(settings, request.inputs, index, index + 1, kinds.images?.[index] === 1));
    return { modelInputs, context: { count: request.inputs.length, base64: request.encodingFormat === 'base64' } };
  });
}

/** A Converse `modelOutput` → the `chat.completion` body `create` would have returned. */
export function convertChatOutput(modelOutput: unknown, context: ChatLineContext, meta: { id: string; model: string; created: number; requestId: string | null }): ChatCompletion {
  return convertFromConverseResponse(modelOutput as ConverseResponse, {
    id: meta.id,
    model: meta.model,
    created: meta.created,
    toolNames: context.toolNames,
    toolCallIds: context.toolCallIds,
    requestId: meta.requestId,
    structuredOutput: context.structuredOutput,
  });
}

/** A Converse `modelOutput` → the `response` body `responses.create` would have returned (not stored). */
export function convertResponsesOutput(modelOutput: unknown, context: ResponsesLineContext, meta: { model: string; created: number; requestId: string | null }): Response {
  const { id, hex } = createResponseId();
  return convertConverseResponse(modelOutput as ConverseResponse, {
    id,
    hex,
    createdAt: meta.created,
    model: meta.model,
    echo: context.echo,
    toolNames: context.toolNames,
    toolCallIds: context.toolCallIds,
    requestId: meta.requestId,
    structuredOutput: context.structuredOutput,
    summary: context.summary,
    includeEncrypted: context.includeEncrypted,
  }).shown;
}

/** The InvokeModel `modelOutput`s of one line's inputs (in input order) → the embeddings response body. */
export function convertEmbeddingOutputs(modelOutputs: readonly unknown[], context: EmbeddingLineContext, facts: EmbeddingFacts, model: string): CreateEmbeddingResponse {
  let tokens = 0;
  const data = modelOutputs.map((output, index) => {
    const parsed = parseResponseBody(facts.family, output, 1);
    tokens += parsed.inputTokens ?? 0;
    const vector = parsed.vectors[0] ?? [];
    return { object: 'embedding' as const, index, embedding: context.base64 ? (encodeFloat32Base64(vector) as unknown as number[]) : vector };
  });
  return { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

/** An empty {@link BatchUsage}, to add answers' usage to. */
export function emptyBatchUsage(): BatchUsage {
  return { input_tokens: 0, input_tokens_details: { cached_tokens: 0 }, output_tokens: 0, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 0 };
}

/**
 * Adds one answer's `usage` to a batch's: a chat completion's (`prompt_tokens`, `completion_tokens`, their details),
 * a response's (`input_tokens`, `output_tokens`, their details) or an embeddings list's (`prompt_tokens` only).
 */
export function addBatchUsage(total: BatchUsage, body: unknown): void {
  const usage = (body as { usage?: Record<string, unknown> } | null)?.usage;
  if (typeof usage !== 'object' || usage === null) return;
  const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  const detail = (key: string, field: string): number => count((usage[key] as Record<string, unknown> | null | undefined)?.[field]);
  const responses = 'input_tokens' in usage;
  const input = count(responses ? usage['input_tokens'] : usage['prompt_tokens']);
  const output = count(responses ? usage['output_tokens'] : usage['completion_tokens']);
  total.input_tokens += input;
  total.output_tokens += output;
  total.total_tokens += 'total_tokens' in usage ? count(usage['total_tokens']) : input + output;
  total.input_tokens_details.cached_tokens += detail(responses ? 'input_tokens_details' : 'prompt_tokens_details', 'cached_tokens');
  total.output_tokens_details.reasoning_tokens += detail(responses ? 'output_tokens_details' : 'completion_tokens_details', 'reasoning_tokens');
}

const LINE_DIGITS = 7;
const PART_DIGITS = 4;

/** The record ID of input `part` of line `lineIndex` (0-based): 11 base-36 characters, as Bedrock's examples use. */
export function recordIdFor(lineIndex: number, part: number): string {
  if (lineIndex >= 36 ** LINE_DIGITS || part >= 36 ** PART_DIGITS) throw new BedrockOpenAIError(`Batch too large: line ${lineIndex + 1}, input ${part + 1}.`);
  return lineIndex.toString(36).padStart(LINE_DIGITS, '0') + part.toString(36).padStart(PART_DIGITS, '0');
}

/** The (line, part) a record ID stands for, or `undefined` for an ID this package did not write. */
export function parseRecordId(recordId: unknown): { lineIndex: number; part: number } | undefined {
  if (typeof recordId !== 'string' || !/^[0-9a-z]{11}$/.test(recordId)) return undefined;
  return { lineIndex: Number.parseInt(recordId.slice(0, LINE_DIGITS), 36), part: Number.parseInt(recordId.slice(LINE_DIGITS), 36) };
}
