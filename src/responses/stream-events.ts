/**
 * ConverseStream events → the Responses API's `ResponseStreamEvent`s, one event at a time, with the state in a
 * closure; the same machine gives the non-streaming `Response` (`convertConverseResponse`, in
 * `from-converse-response.ts`, feeds it the events a Converse response is made of), so that both paths cannot
 * disagree; the `Response` object itself is built by `response-object.ts`. The sequence is the one OpenAI sends and
 * openai-node's `ResponseStream` accumulates:
 *
 * - `response.created`, `response.in_progress` (status `in_progress`, no output) before anything else;
 * - text → a `message` item (`output_item.added`), an `output_text` part (`content_part.added`),
 *   `output_text.delta`…, then `output_text.done` and `content_part.done` when the block ends; consecutive text
 *   blocks are parts of one message, which ends (`output_item.done`) when another kind of item starts or the
 *   message stops;
 * - a `toolUse` block → a `function_call` item (`call_id`, `name`, `arguments: ''`), `function_call_arguments.delta`…,
 *   `function_call_arguments.done` and `output_item.done` when the block ends (no input → `'{}'`); keyed by
 *   `contentBlockIndex`, so parallel calls stay apart;
 * - reasoning → a `reasoning` item: its text as a `reasoning_text` content part (`reasoning_text.delta`…`done`), or,
 *   when `reasoning.summary` was asked for, as a `summary_text` part (`reasoning_summary_part.added`,
 *   `reasoning_summary_text.delta`…`done`, `reasoning_summary_part.done`); its signature or redacted data become
 *   `encrypted_content` (shown with `include: ['reasoning.encrypted_content']`, always kept for the store);
 * - `messageStop` → the stop reason mapped (`completed`; `incomplete` with `incomplete_details.reason`
 *   `max_output_tokens` or `content_filter`; malformed output throws), held until `metadata` so that the last event,
 *   `response.completed` or `response.incomplete`, carries the usage.
 *
 * Every event has `sequence_number` (from 0); item events have `output_index` and `item_id` (the item's `id`);
 * part events `content_index`. With `text.format` served by a forced tool, that tool's input is the message text.
 */
import type { ConverseStreamOutput, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import { toFinishReason } from '../chat/finish-reason.js';
import { convertCacheDetails, mapJsonToolStop } from '../chat/from-converse-response.js';
import { toReasoningDetail } from '../chat/reasoning.js';
import { checkJsonOutput, type StructuredOutputPlan } from '../chat/structured-output.js';
import { fromBedrockName, type NameMap } from '../chat/tool-names.js';
import { APIConnectionError, BedrockOpenAIError, fromAwsError } from '../core/errors.js';
import { encodeReasoning } from './encrypted-reasoning.js';
import { type ItemPrefix, outputItemId } from './ids.js';
import { buildResponse, cloneItem, convertResponseUsage, type ResponseEcho } from './response-object.js';
import type {
  BedrockResponsesInfo,
  Response,
  ResponseFunctionToolCall,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseOutputText,
  ResponseReasoningItem,
  ResponseStreamEvent,
} from './types.js';

export interface ResponseEventContext {
  id: string;
  /** The hex the item IDs share with the response ID (`ids.ts`). */
  hex: string;
  /** Unix seconds. */
  createdAt: number;
  /** The Bedrock model or profile ID called. */
  model: string;
  echo: ResponseEcho;
  toolNames: NameMap;
  toolCallIds: NameMap;
  requestId: string | null;
  structuredOutput?: StructuredOutputPlan | undefined;
  /** Reasoning text as `summary` (`reasoning.summary` asked for) rather than `content`. */
  summary: boolean;
  /** Show `encrypted_content` in events and the response (`include: ['reasoning.encrypted_content']`). */
  includeEncrypted: boolean;
  /** Give only the final event (the non-streaming path: the response is all that is wanted). */
  quiet?: boolean;
}

export interface ResponseEventMapper {
  /** The events for one ConverseStream event. Throws for in-stream errors and malformed output. */
  map(event: ConverseStreamOutput): ResponseStreamEvent[];
  /** Call when the events end: the held final event; throws if the stream ended before `messageStop`. */
  end(): ResponseStreamEvent[];
  /** The final response with every `encrypted_content` (for the store), once the final event has been given. */
  stored(): Response | undefined;
}

const STREAM_EXCEPTIONS = ['internalServerException', 'modelStreamErrorException', 'validationException', 'throttlingException', 'serviceUnavailableException'] as const;

type Block =
  | { kind: 'text'; message: OpenMessage; part: ResponseOutputText; contentIndex: number }
  | { kind: 'tool'; item: ResponseFunctionToolCall; outputIndex: number }
  | { kind: 'reasoning'; item: ResponseReasoningItem; outputIndex: number; text: string; partOpen: boolean; signature: string | undefined; redacted: Uint8Array[] }
  | { kind: 'pending-text' }
  | { kind: 'other' };

interface OpenMessage {
  item: ResponseOutputMessage;
  outputIndex: number;
}

/** Creates the mapper for one response (see the module comment). */
export function createResponseEventMapper(context: ResponseEventContext): ResponseEventMapper {
  const blocks = new Map<number, Block>();
  /** Output items in order, as stored (with `encrypted_content`). */
  const output: ResponseOutputItem[] = [];
  let sequence = 0;
  let started = false;
  let stopped = false;
  let openMessage: OpenMessage | undefined;
  const jsonTool = context.structuredOutput?.mode.via === 'tool' ? context.structuredOutput.mode.toolName : undefined;
  let jsonText: string | null = null;
  let heldText = '';
  let jsonSeen = false;
  let final: { status: 'completed' | 'incomplete'; reason?: 'max_output_tokens' | 'content_filter'; bedrock: BedrockResponsesInfo } | undefined;
  let finalSent = false;
  let storedResponse: Response | undefined;

  const quiet = context.quiet === true;
  const events: ResponseStreamEvent[] = [];
  const emit = (event: DistributiveOmit<ResponseStreamEvent, 'sequence_number'>): void => {
    (event as ResponseStreamEvent).sequence_number = sequence++;
    if (!quiet || 'response' in event) events.push(event as ResponseStreamEvent);
  };
  /** A copy of an item as it is now, for an event (later deltas must not change what was given). */
  const copy = (item: ResponseOutputItem): ResponseOutputItem => (quiet ? item : cloneItem(present(item)));
  const take = (): ResponseStreamEvent[] => events.splice(0, events.length);
  const present = (item: ResponseOutputItem): ResponseOutputItem => {
    if (item.type !== 'reasoning' || context.includeEncrypted || item.encrypted_content === undefined) return item;
    const { encrypted_content: _hidden, ...shown } = item;
    return shown;
  };
  const snapshot = (status: NonNullable<Response['status']>): Response => buildResponse(context, { status, output: [], usage: undefined, incomplete: undefined, bedrock: undefined });

  const start = (): void => {
    if (started) return;
    started = true;
    if (quiet) {
      sequence += 2;
      return;
    }
    emit({ type: 'response.created', response: snapshot('in_progress') });
    emit({ type: 'response.in_progress', response: snapshot('in_progress') });
  };
  const addItem = (prefix: ItemPrefix, make: (id: string) => ResponseOutputItem): { item: ResponseOutputItem; outputIndex: number } => {
    const outputIndex = output.length;
    const item = make(outputItemId(prefix, context.hex, outputIndex));
    output.push(item);
    emit({ type: 'response.output_item.added', output_index: outputIndex, item: copy(item) });
    return { item, outputIndex };
  };
  const closeMessage = (status: ResponseOutputMessage['status'] = 'completed'): void => {
    if (openMessage === undefined) return;
    const { item, outputIndex } = openMessage;
    openMessage = undefined;
    item.status = status;
    emit({ type: 'response.output_item.done', output_index: outputIndex, item: copy(item) });
  };
  const openTextPart = (): Extract<Block, { kind: 'text' }> => {
    if (openMessage === undefined) {
      const added = addItem('msg', (id) => ({ id, type: 'message', status: 'in_progress', role: 'assistant', content: [] }));
      openMessage = { item: added.item as ResponseOutputMessage, outputIndex: added.outputIndex };
    }
    const message = openMessage;
    const part: ResponseOutputText = { type: 'output_text', annotations: [], logprobs: [], text: '' };
    const contentIndex = message.item.content.length;
    message.item.content.push(part);
    emit({ type: 'response.content_part.added', item_id: message.item.id, output_index: message.outputIndex, content_index: contentIndex, part: { ...part, annotations: [], logprobs: [] } });
    return { kind: 'text', message, part, contentIndex };
  };
  const textDelta = (block: Extract<Block, { kind: 'text' }>, delta: string): void => {
    block.part.text += delta;
    if (context.structuredOutput !== undefined) jsonText = (jsonText ?? '') + delta;
    emit({ type: 'response.output_text.delta', item_id: block.message.item.id, output_index: block.message.outputIndex, content_index: block.contentIndex, delta, logprobs: [] });
  };
  const closeTextPart = (block: Extract<Block, { kind: 'text' }>): void => {
    const { message, part, contentIndex } = block;
    emit({ type: 'response.output_text.done', item_id: message.item.id, output_index: message.outputIndex, content_index: contentIndex, text: part.text, logprobs: [] });
    emit({ type: 'response.content_part.done', item_id: message.item.id, output_index: message.outputIndex, content_index: contentIndex, part: { ...part, annotations: [], logprobs: [] } });
  };
  const textBlock = (index: number): Extract<Block, { kind: 'text' }> => {
    const block = blocks.get(index);
    if (block?.kind === 'text') return block;
    const opened = openTextPart();
    blocks.set(index, opened);
    return opened;
  };
  const reasoningBlock = (index: number): Extract<Block, { kind: 'reasoning' }> => {
    const block = blocks.get(index);
    if (block?.kind === 'reasoning') return block;
    closeMessage();
    const added = addItem('rs', (id) => ({ id, type: 'reasoning', summary: [] }));
    const created: Extract<Block, { kind: 'reasoning' }> = {
      kind: 'reasoning',
      item: added.item as ResponseReasoningItem,
      outputIndex: added.outputIndex,
      text: '',
      partOpen: false,
      signature: undefined,
      redacted: [],
    };
    blocks.set(index, created);
    return created;
  };
  const reasoningDelta = (block: Extract<Block, { kind: 'reasoning' }>, delta: string): void => {
    const { item, outputIndex } = block;
    if (!block.partOpen) {
      block.partOpen = true;
      if (context.summary) {
        emit({ type: 'response.reasoning_summary_part.added', item_id: item.id, output_index: outputIndex, summary_index: 0, part: { type: 'summary_text', text: '' } });
      } else {
        emit({ type: 'response.content_part.added', item_id: item.id, output_index: outputIndex, content_index: 0, part: { type: 'reasoning_text', text: '' } });
      }
    }
    block.text += delta;
    if (context.summary) emit({ type: 'response.reasoning_summary_text.delta', item_id: item.id, output_index: outputIndex, summary_index: 0, delta });
    else emit({ type: 'response.reasoning_text.delta', item_id: item.id, output_index: outputIndex, content_index: 0, delta });
  };
  const closeReasoning = (block: Extract<Block, { kind: 'reasoning' }>): void => {
    const { item, outputIndex, text } = block;
    if (block.partOpen) {
      if (context.summary) {
        emit({ type: 'response.reasoning_summary_text.done', item_id: item.id, output_index: outputIndex, summary_index: 0, text });
        emit({ type: 'response.reasoning_summary_part.done', item_id: item.id, output_index: outputIndex, summary_index: 0, part: { type: 'summary_text', text } });
        item.summary = [{ type: 'summary_text', text }];
      } else {
        emit({ type: 'response.reasoning_text.done', item_id: item.id, output_index: outputIndex, content_index: 0, text });
        emit({ type: 'response.content_part.done', item_id: item.id, output_index: outputIndex, content_index: 0, part: { type: 'reasoning_text', text } });
        item.content = [{ type: 'reasoning_text', text }];
      }
    }
    const detail =
      block.redacted.length > 0
        ? toReasoningDetail({ redactedContent: Buffer.concat(block.redacted) })
        : toReasoningDetail({ reasoningText: block.signature === undefined ? { text } : { text, signature: block.signature } });
    const encrypted = detail === undefined ? null : encodeReasoning(detail);
    if (encrypted !== null) item.encrypted_content = encrypted;
    emit({ type: 'response.output_item.done', output_index: outputIndex, item: copy(item) });
  };
  const closeTool = (block: Extract<Block, { kind: 'tool' }>): void => {
    const { item, outputIndex } = block;
    if (item.arguments === '') item.arguments = '{}';
    item.status = 'completed';
    emit({ type: 'response.function_call_arguments.done', item_id: item.id!, output_index: outputIndex, name: item.name, arguments: item.arguments });
    emit({ type: 'response.output_item.done', output_index: outputIndex, item: copy(item) });
  };
  const closeBlock = (index: number): void => {
    const block = blocks.get(index);
    blocks.delete(index);
    if (block === undefined) return;
    switch (block.kind) {
      case 'text':
        closeTextPart(block);
        return;
      case 'tool':
        closeTool(block);
        return;
      case 'reasoning':
        closeReasoning(block);
        return;
      case 'pending-text':
      case 'other':
        return;
      default: {
        const exhaustive: never = block;
        throw new Error(`Unhandled block ${JSON.stringify(exhaustive)}`);
      }
    }
  };

  const finish = (usage: TokenUsage | undefined): void => {
    if (final === undefined || finalSent) return;
    finalSent = true;
    const stored = buildResponse(context, {
      status: final.status,
      output,
      usage: convertResponseUsage(usage),
      incomplete: final.reason,
      bedrock: final.bedrock,
    });
    storedResponse = stored;
    const shown = context.includeEncrypted ? stored : { ...stored, output: output.map(present) };
    emit({ type: final.status === 'completed' ? 'response.completed' : 'response.incomplete', response: shown });
  };

  const map = (event: ConverseStreamOutput): ResponseStreamEvent[] => {
    start();
    if (event.messageStart !== undefined) return take();
    if (event.contentBlockStart !== undefined) {
      const index = event.contentBlockStart.contentBlockIndex ?? 0;
      const toolUse = event.contentBlockStart.start?.toolUse;
      if (toolUse === undefined) {
        blocks.set(index, { kind: 'other' });
        return take();
      }
      if (jsonTool !== undefined && toolUse.name === jsonTool) {
        jsonSeen = true;
        blocks.set(index, { kind: 'pending-text' });
        return take();
      }
      closeMessage();
      const added = addItem('fc', (id) => ({
        id,
        type: 'function_call',
        status: 'in_progress',
        arguments: '',
        call_id: fromBedrockName(context.toolCallIds, toolUse.toolUseId ?? ''),
        name: fromBedrockName(context.toolNames, toolUse.name ?? ''),
      }));
      blocks.set(index, { kind: 'tool', item: added.item as ResponseFunctionToolCall, outputIndex: added.outputIndex });
      return take();
    }
    if (event.contentBlockDelta !== undefined) {
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      const delta = event.contentBlockDelta.delta;
      if (delta?.text !== undefined) {
        if (delta.text === '') return take();
        if (jsonTool !== undefined) heldText += delta.text;
        else textDelta(textBlock(index), delta.text);
        return take();
      }
      if (delta?.toolUse !== undefined) {
        const fragment = delta.toolUse.input ?? '';
        const block = blocks.get(index);
        if (block?.kind === 'pending-text' || (block?.kind === 'text' && jsonTool !== undefined)) {
          if (fragment !== '') textDelta(textBlock(index), fragment);
          return take();
        }
        if (block?.kind !== 'tool') throw new BedrockOpenAIError(`Bedrock sent tool input for content block ${index} before that tool call started.`);
        if (fragment === '') return take();
        block.item.arguments += fragment;
        emit({ type: 'response.function_call_arguments.delta', item_id: block.item.id!, output_index: block.outputIndex, delta: fragment });
        return take();
      }
      const reasoning = delta?.reasoningContent;
      if (reasoning !== undefined) {
        const block = reasoningBlock(index);
        if (reasoning.signature !== undefined) block.signature = (block.signature ?? '') + reasoning.signature;
        if (reasoning.redactedContent !== undefined) block.redacted.push(reasoning.redactedContent);
        if (reasoning.text !== undefined && reasoning.text !== '') reasoningDelta(block, reasoning.text);
        return take();
      }
      return take();
    }
    if (event.contentBlockStop !== undefined) {
      const index = event.contentBlockStop.contentBlockIndex ?? 0;
      const block = blocks.get(index);
      if (block?.kind === 'pending-text') {
        // A JSON tool call without input: the answer is an empty object.
        textDelta(textBlock(index), '{}');
      }
      closeBlock(index);
      return take();
    }
    if (event.messageStop !== undefined) {
      const stopReason = event.messageStop.stopReason;
      const finishReason = mapJsonToolStop(toFinishReason(stopReason, context.requestId), context.structuredOutput);
      stopped = true;
      if (jsonTool !== undefined && !jsonSeen && heldText !== '') {
        const block = openTextPart();
        textDelta(block, heldText);
        closeTextPart(block);
      }
      for (const index of [...blocks.keys()]) closeBlock(index);
      if (context.structuredOutput !== undefined) checkJsonOutput(jsonText, finishReason, context.requestId);
      const reason = finishReason === 'length' ? 'max_output_tokens' : finishReason === 'content_filter' ? 'content_filter' : undefined;
      closeMessage(reason === undefined ? 'completed' : 'incomplete');
      const bedrock: BedrockResponsesInfo = { stop_reason: stopReason! };
      if (event.messageStop.additionalModelResponseFields !== undefined) bedrock.additional_model_response_fields = event.messageStop.additionalModelResponseFields;
      final = reason === undefined ? { status: 'completed', bedrock } : { status: 'incomplete', reason, bedrock };
      return take();
    }
    if (event.metadata !== undefined) {
      const { metadata } = event;
      if (final !== undefined) {
        const { bedrock } = final;
        if (metadata.serviceTier?.type !== undefined) bedrock.service_tier = metadata.serviceTier.type;
        if (metadata.metrics?.latencyMs !== undefined) bedrock.latency_ms = metadata.metrics.latencyMs;
        if (metadata.trace !== undefined) bedrock.trace = metadata.trace as Record<string, unknown>;
        const cacheDetails = convertCacheDetails(metadata.usage);
        if (cacheDetails !== undefined) bedrock.cache_details = cacheDetails;
        if (metadata.usage?.cacheWriteInputTokens !== undefined) bedrock.cache_write_tokens = metadata.usage.cacheWriteInputTokens;
      }
      finish(metadata.usage);
      return take();
    }
    for (const name of STREAM_EXCEPTIONS) {
      const exception = event[name];
      if (exception !== undefined) {
        throw fromAwsError({ name: name.charAt(0).toUpperCase() + name.slice(1), message: exception.message, $fault: 'server' });
      }
    }
    return take(); // $unknown: an event this SDK version does not know.
  };

  const end = (): ResponseStreamEvent[] => {
    if (!stopped) throw new APIConnectionError({ message: 'The Bedrock stream ended before the message was complete (no messageStop event).' });
    finish(undefined);
    return take();
  };

  return { map, end, stored: () => storedResponse };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
