/**
 * ConverseStream events → OpenAI `ChatCompletionChunk`s, one event at a time, with the state in a closure:
 * - `messageStart` → the first chunk, delta `{ role: 'assistant' }`;
 * - text deltas → `{ content }`; reasoning text → `{ reasoning_content }`;
 * - a `toolUse` block start → a tool-call delta with `index` (an ordinal over the tool calls of this message,
 *   independent of Bedrock's `contentBlockIndex`), `id`, `type` and `name`, and `arguments: ''`; its input
 *   fragments → deltas with the same `index` and the fragment; a tool block that ends without input → `'{}'`.
 *   Deltas are keyed by `contentBlockIndex`, so parallel calls whose events interleave stay apart;
 * - `messageStop` → a chunk with empty delta and `finish_reason` (malformed output is thrown instead);
 * - `metadata` → with `include_usage`, a last chunk with `choices: []` and `usage` (every other chunk then has
 *   `usage: null`, as OpenAI sends them).
 */
import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { APIConnectionError, BedrockOpenAIError, fromAwsError } from '../core/errors.js';
import { toFinishReason } from './finish-reason.js';
import { fromBedrockName, type NameMap } from './tool-names.js';
import type { ChatCompletionChunk, ChatCompletionChunkChoice, ChatCompletionChunkDelta } from './types.js';
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

type BlockState = { kind: 'tool'; ordinal: number; hasArguments: boolean } | { kind: 'other' };

/** Creates the mapper for one stream (see the module comment). */
export function createChunkMapper(context: ChunkContext): ChunkMapper {
  const blocks = new Map<number, BlockState>();
  let nextOrdinal = 0;
  let started = false;
  let stopped = false;

  const chunk = (choices: ChatCompletionChunkChoice[], extra: Partial<ChatCompletionChunk> = {}): ChatCompletionChunk => ({
    id: context.id,
    object: 'chat.completion.chunk',
    created: context.created,
    model: context.model,
    choices,
    ...(context.includeUsage ? { usage: null } : {}),
    ...extra,
  });
  const deltaChunk = (delta: ChatCompletionChunkDelta): ChatCompletionChunk => chunk([{ index: 0, delta, finish_reason: null }]);
  /** The role chunk, once, before anything else. */
  const start = (): ChatCompletionChunk[] => {
    if (started) return [];
    started = true;
    return [deltaChunk({ role: 'assistant' })];
  };

  const map = (event: ConverseStreamOutput): ChatCompletionChunk[] => {
    if (event.messageStart !== undefined) return start();
    if (event.contentBlockStart !== undefined) {
      const index = event.contentBlockStart.contentBlockIndex ?? 0;
      const toolUse = event.contentBlockStart.start?.toolUse;
      if (toolUse === undefined) {
        blocks.set(index, { kind: 'other' });
        return [];
      }
      const ordinal = nextOrdinal++;
      blocks.set(index, { kind: 'tool', ordinal, hasArguments: false });
      return [
        ...start(),
        deltaChunk({
          tool_calls: [
            {
              index: ordinal,
              id: fromBedrockName(context.toolCallIds, toolUse.toolUseId ?? ''),
              type: 'function',
              function: { name: fromBedrockName(context.toolNames, toolUse.name ?? ''), arguments: '' },
            },
          ],
        }),
      ];
    }
    if (event.contentBlockDelta !== undefined) {
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      const delta = event.contentBlockDelta.delta;
      if (delta?.text !== undefined) return delta.text === '' ? [] : [...start(), deltaChunk({ content: delta.text })];
      if (delta?.toolUse !== undefined) {
        const block = blocks.get(index);
        if (block?.kind !== 'tool') {
          throw new BedrockOpenAIError(`Bedrock sent tool input for content block ${index} before that tool call started.`);
        }
        const fragment = delta.toolUse.input ?? '';
        if (fragment === '') return [];
        block.hasArguments = true;
        return [deltaChunk({ tool_calls: [{ index: block.ordinal, function: { arguments: fragment } }] })];
      }
      const reasoningText = delta?.reasoningContent?.text;
      if (reasoningText !== undefined) return reasoningText === '' ? [] : [...start(), deltaChunk({ reasoning_content: reasoningText })];
      return [];
    }
    if (event.contentBlockStop !== undefined) {
      const block = blocks.get(event.contentBlockStop.contentBlockIndex ?? 0);
      if (block?.kind === 'tool' && !block.hasArguments) {
        block.hasArguments = true;
        return [deltaChunk({ tool_calls: [{ index: block.ordinal, function: { arguments: '{}' } }] })];
      }
      return [];
    }
    if (event.messageStop !== undefined) {
      const stopReason = event.messageStop.stopReason;
      const finishReason = toFinishReason(stopReason, context.requestId);
      stopped = true;
      return [...start(), chunk([{ index: 0, delta: {}, finish_reason: finishReason }], { bedrock: { stop_reason: stopReason! } })];
    }
    if (event.metadata !== undefined) {
      if (!context.includeUsage) return [];
      return [chunk([], { usage: convertUsage(event.metadata.usage, context.cost) })];
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

  const end = (): ChatCompletionChunk[] => {
    if (!stopped) throw new APIConnectionError({ message: 'The Bedrock stream ended before the message was complete (no messageStop event).' });
    return [];
  };

  return { map, end };
}
