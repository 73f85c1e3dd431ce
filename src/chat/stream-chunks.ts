/**
 * ConverseStream events → OpenAI `ChatCompletionChunk`s, one event at a time, with the state in a closure:
 * - `messageStart` → the first chunk, delta `{ role: 'assistant' }`;
 * - text deltas → `{ content }`; reasoning text → `{ reasoning_content }`, and when a reasoning block ends, one
 *   `{ reasoning_details: [block] }` with the whole block (its signature, or its redacted data);
 * - a `toolUse` block start → a tool-call delta with `index` (an ordinal over the tool calls of this message,
 *   independent of Bedrock's `contentBlockIndex`), `id`, `type` and `name`, and `arguments: ''`; its input
 *   fragments → deltas with the same `index` and the fragment; a tool block that ends without input → `'{}'`.
 *   Deltas are keyed by `contentBlockIndex`, so parallel calls whose events interleave stay apart;
 * - `citation` deltas → held until their content block ends, then one `{ annotations }` delta spanning the block's
 *   text in the whole content (`citations.ts`);
 * - `messageStop` → a chunk with empty delta and `finish_reason` (malformed output is thrown instead), held until
 *   the `metadata` event that follows so that its `bedrock` field carries the trace (guardrail assessments),
 *   latency and cache details as the non-streaming result does;
 * - `metadata` → with `include_usage`, a last chunk with `choices: []` and `usage` (every other chunk then has
 *   `usage: null`, as OpenAI sends them).
 *
 * With the legacy `functions`, the first tool call streams as `delta.function_call` (name, then argument fragments),
 * later ones as `tool_calls` numbered from 0, and the stop is `finish_reason: 'function_call'`.
 *
 * With `response_format` served by a forced tool, that tool's input fragments are `content` deltas, its stop is
 * `finish_reason: 'stop'`, and text beside it is left out (it is sent only if no JSON tool call came). In every
 * JSON mode the content is checked to be JSON before the finish chunk.
 */
import type { CitationsDelta, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { APIConnectionError, BedrockOpenAIError, fromAwsError } from '../core/errors.js';
import { toAnnotation } from './citations.js';
import { toFinishReason } from './finish-reason.js';
import { convertCacheDetails, mapJsonToolStop, mapLegacyStop, unionKind, unmappedContent } from './from-converse-response.js';
import { toReasoningDetail } from './reasoning.js';
import { checkJsonOutput, type StructuredOutputPlan } from './structured-output.js';
import { fromBedrockName, type NameMap } from './tool-names.js';
import type { BedrockResponseInfo, ChatCompletionChunk, ChatCompletionChunkChoice, ChatCompletionChunkDelta } from './types.js';
import { type CostFunction, convertUsage } from './usage.js';

export interface ChunkContext {
  id: string;
  model: string;
  created: number;
  toolNames: NameMap;
  toolCallIds: NameMap;
  includeUsage: boolean;
  requestId: string | null;
  cost?: CostFunction | undefined;
  /** How `response_format` was served, when it asked for JSON. */
  structuredOutput?: StructuredOutputPlan | undefined;
  /** The request used the legacy `functions`: the first tool call streams as `delta.function_call`. */
  legacyFunctions?: boolean | undefined;
}

export interface ChunkMapper {
  /** The chunks for one event (often one, sometimes none). Throws for in-stream errors and malformed output. */
  map(event: ConverseStreamOutput): ChatCompletionChunk[];
  /** Call when the events end: throws if the stream ended before `messageStop`. */
  end(): ChatCompletionChunk[];
}

const STREAM_EXCEPTIONS = [
  'internalServerException',
  'modelStreamErrorException',
  'validationException',
  'throttlingException',
  'serviceUnavailableException',
] as const;

type BlockState =
  | { kind: 'tool'; ordinal: number; hasArguments: boolean }
  | { kind: 'function'; hasArguments: boolean }
  | { kind: 'json'; hasInput: boolean }
  | { kind: 'reasoning'; text: string; signature: string | undefined; redacted: Uint8Array[] }
  | { kind: 'other' };

/** Creates the mapper for one stream (see the module comment). */
export function createChunkMapper(context: ChunkContext): ChunkMapper {
  const blocks = new Map<number, BlockState>();
  let nextOrdinal = 0;
  let started = false;
  let stopped = false;
  const jsonTool = context.structuredOutput?.mode.via === 'tool' ? context.structuredOutput.mode.toolName : undefined;
  /** The content sent so far (JSON modes only, for the check). */
  let content: string | null = null;
  /** Text held back in the forced-tool JSON mode (sent only if no JSON tool call comes). */
  let heldText = '';
  let jsonSeen = false;
  /** The finish chunk, held until `metadata`. */
  let pendingFinish: ChatCompletionChunk | undefined;

  const { id, created, model, includeUsage } = context;
  // The per-delta path: one object literal with a fixed key order (no spreads), the same shape every time.
  const chunk = (choices: ChatCompletionChunkChoice[], extra?: Pick<ChatCompletionChunk, 'usage' | 'bedrock'>): ChatCompletionChunk => {
    const made: ChatCompletionChunk = { id, object: 'chat.completion.chunk', created, model, choices };
    if (includeUsage) made.usage = null;
    if (extra?.usage !== undefined) made.usage = extra.usage;
    if (extra?.bedrock !== undefined) made.bedrock = extra.bedrock;
    return made;
  };
  const deltaChunk = (delta: ChatCompletionChunkDelta): ChatCompletionChunk => chunk([{ index: 0, delta, finish_reason: null }]);
  /** The role chunk, once, before anything else. */
  const start = (): ChatCompletionChunk[] => {
    if (started) return [];
    started = true;
    return [deltaChunk({ role: 'assistant' })];
  };
  /** Length of the content sent so far (annotation offsets). */
  let contentLength = 0;
  /** Per content block: where its text sits in the content, and the citations streamed for it. */
  const cited = new Map<number, { start: number; end: number; citations: CitationsDelta[] }>();
  const citedBlock = (index: number): { start: number; end: number; citations: CitationsDelta[] } => {
    let found = cited.get(index);
    if (found === undefined) {
      found = { start: contentLength, end: contentLength, citations: [] };
      cited.set(index, found);
    }
    return found;
  };
  const contentChunk = (text: string): ChatCompletionChunk[] => {
    if (context.structuredOutput !== undefined) content = (content ?? '') + text;
    contentLength += text.length;
    if (started) return [deltaChunk({ content: text })];
    return [...start(), deltaChunk({ content: text })];
  };
  const reasoningBlock = (index: number): Extract<BlockState, { kind: 'reasoning' }> => {
    const block = blocks.get(index);
    if (block?.kind === 'reasoning') return block;
    const created: Extract<BlockState, { kind: 'reasoning' }> = { kind: 'reasoning', text: '', signature: undefined, redacted: [] };
    blocks.set(index, created);
    return created;
  };

  const map = (event: ConverseStreamOutput): ChatCompletionChunk[] => {
    if (event.messageStart !== undefined) return start();
    if (event.contentBlockStart !== undefined) {
      const index = event.contentBlockStart.contentBlockIndex ?? 0;
      const toolUse = event.contentBlockStart.start?.toolUse;
      if (toolUse === undefined) {
        const start = event.contentBlockStart.start;
        // A server-side tool result or an image: nothing sent asks for one, and its deltas could not be carried.
        if (start !== undefined) throw unmappedContent(unionKind(start), context.requestId);
        blocks.set(index, { kind: 'other' });
        return [];
      }
      if (jsonTool !== undefined && toolUse.name === jsonTool) {
        blocks.set(index, { kind: 'json', hasInput: false });
        jsonSeen = true;
        return start();
      }
      const ordinal = nextOrdinal++;
      const name = fromBedrockName(context.toolNames, toolUse.name ?? '');
      if (context.legacyFunctions === true && ordinal === 0) {
        blocks.set(index, { kind: 'function', hasArguments: false });
        return [...start(), deltaChunk({ function_call: { name, arguments: '' } })];
      }
      // With the legacy `functions`, calls after the first are `tool_calls` numbered from 0.
      const toolIndex = context.legacyFunctions === true ? ordinal - 1 : ordinal;
      blocks.set(index, { kind: 'tool', ordinal: toolIndex, hasArguments: false });
      return [
        ...start(),
        deltaChunk({
          tool_calls: [{ index: toolIndex, id: fromBedrockName(context.toolCallIds, toolUse.toolUseId ?? ''), type: 'function', function: { name, arguments: '' } }],
        }),
      ];
    }
    if (event.contentBlockDelta !== undefined) {
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      const delta = event.contentBlockDelta.delta;
      if (delta?.text !== undefined) {
        if (delta.text === '') return [];
        if (jsonTool !== undefined) {
          heldText += delta.text;
          return start();
        }
        const span = citedBlock(index);
        const chunks = contentChunk(delta.text);
        span.end = contentLength;
        return chunks;
      }
      if (delta?.citation !== undefined) {
        // Sent with the block's end, when the cited text is complete.
        if (jsonTool === undefined) citedBlock(index).citations.push(delta.citation);
        return start();
      }
      if (delta?.toolUse !== undefined) {
        const block = blocks.get(index);
        if (block?.kind === 'json') {
          const fragment = delta.toolUse.input ?? '';
          if (fragment === '') return [];
          block.hasInput = true;
          return contentChunk(fragment);
        }
        if (block?.kind === 'function') {
          const fragment = delta.toolUse.input ?? '';
          if (fragment === '') return [];
          block.hasArguments = true;
          return [deltaChunk({ function_call: { arguments: fragment } })];
        }
        if (block?.kind !== 'tool') {
          throw new BedrockOpenAIError(`Bedrock sent tool input for content block ${index} before that tool call started.`);
        }
        const fragment = delta.toolUse.input ?? '';
        if (fragment === '') return [];
        block.hasArguments = true;
        return [deltaChunk({ tool_calls: [{ index: block.ordinal, function: { arguments: fragment } }] })];
      }
      const reasoning = delta?.reasoningContent;
      if (reasoning !== undefined) {
        const block = reasoningBlock(index);
        if (reasoning.signature !== undefined) block.signature = (block.signature ?? '') + reasoning.signature;
        if (reasoning.redactedContent !== undefined) block.redacted.push(reasoning.redactedContent);
        if (reasoning.text === undefined || reasoning.text === '') return start();
        block.text += reasoning.text;
        return [...start(), deltaChunk({ reasoning_content: reasoning.text })];
      }
      if (delta !== undefined) throw unmappedContent(unionKind(delta), context.requestId);
      return [];
    }
    if (event.contentBlockStop !== undefined) {
      const span = cited.get(event.contentBlockStop.contentBlockIndex ?? 0);
      if (span !== undefined && span.citations.length > 0) {
        const annotations = span.citations.map((citation) => toAnnotation(citation, span.start, span.end));
        span.citations = [];
        return [deltaChunk({ annotations })];
      }
      const block = blocks.get(event.contentBlockStop.contentBlockIndex ?? 0);
      if (block?.kind === 'tool' && !block.hasArguments) {
        block.hasArguments = true;
        return [deltaChunk({ tool_calls: [{ index: block.ordinal, function: { arguments: '{}' } }] })];
      }
      if (block?.kind === 'function' && !block.hasArguments) {
        block.hasArguments = true;
        return [deltaChunk({ function_call: { arguments: '{}' } })];
      }
      if (block?.kind === 'json' && !block.hasInput) {
        block.hasInput = true;
        return contentChunk('{}');
      }
      if (block?.kind === 'reasoning') {
        const detail =
          block.redacted.length > 0
            ? toReasoningDetail({ redactedContent: Buffer.concat(block.redacted) })
            : toReasoningDetail({ reasoningText: block.signature === undefined ? { text: block.text } : { text: block.text, signature: block.signature } });
        return detail === undefined ? [] : [deltaChunk({ reasoning_details: [detail] })];
      }
      return [];
    }
    if (event.messageStop !== undefined) {
      const stopReason = event.messageStop.stopReason;
      const finishReason = mapLegacyStop(mapJsonToolStop(toFinishReason(stopReason, context.requestId), context.structuredOutput), context.legacyFunctions);
      stopped = true;
      const chunks = start();
      if (jsonTool !== undefined && !jsonSeen && heldText !== '') chunks.push(...contentChunk(heldText));
      if (context.structuredOutput !== undefined) checkJsonOutput(content, finishReason, context.requestId);
      const bedrock: BedrockResponseInfo = { stop_reason: stopReason! };
      if (event.messageStop.additionalModelResponseFields !== undefined) bedrock.additional_model_response_fields = event.messageStop.additionalModelResponseFields;
      pendingFinish = chunk([{ index: 0, delta: {}, finish_reason: finishReason }], { bedrock });
      return chunks;
    }
    if (event.metadata !== undefined) {
      const chunks = takeFinish();
      const bedrock = chunks[0]?.bedrock;
      if (bedrock !== undefined) {
        const { metadata } = event;
        if (metadata.serviceTier?.type !== undefined) bedrock.service_tier = metadata.serviceTier.type;
        if (metadata.metrics?.latencyMs !== undefined) bedrock.latency_ms = metadata.metrics.latencyMs;
        if (metadata.trace !== undefined) bedrock.trace = metadata.trace as Record<string, unknown>;
        if (metadata.performanceConfig?.latency !== undefined) bedrock.performance_config = { latency: metadata.performanceConfig.latency };
        const cacheDetails = convertCacheDetails(metadata.usage);
        if (cacheDetails !== undefined) bedrock.cache_details = cacheDetails;
      }
      if (context.includeUsage) chunks.push(chunk([], { usage: convertUsage(event.metadata.usage, context.cost) }));
      return chunks;
    }
    for (const name of STREAM_EXCEPTIONS) {
      const exception = event[name];
      if (exception !== undefined) {
        // The SDK throws exception frames itself; this covers one delivered as an event.
        throw fromAwsError({ name: name.charAt(0).toUpperCase() + name.slice(1), message: exception.message, $fault: 'server' });
      }
    }
    return []; // $unknown: an event this SDK version does not know.
  };

  /** The held finish chunk, once. */
  const takeFinish = (): ChatCompletionChunk[] => {
    const finish = pendingFinish;
    pendingFinish = undefined;
    return finish === undefined ? [] : [finish];
  };

  const end = (): ChatCompletionChunk[] => {
    if (!stopped) throw new APIConnectionError({ message: 'The Bedrock stream ended before the message was complete (no messageStop event).' });
    return takeFinish();
  };

  return { map, end };
}
