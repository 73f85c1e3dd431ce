/**
 * Bedrock stop reasons → OpenAI `finish_reason`. Every one of Bedrock's nine reasons is handled (the switch is
 * exhaustive, so a new one fails to compile): the two "malformed" reasons are not a finish at all but an error,
 * since the output cannot be used.
 */
import type { StopReason } from '@aws-sdk/client-bedrock-runtime';
import { UnprocessableEntityError } from '../core/errors.js';
import type { ChatCompletionFinishReason } from './types.js';

export type FinishOutcome = { finishReason: ChatCompletionFinishReason } | { error: 'malformed_model_output' | 'malformed_tool_use' };

/** Maps a Bedrock stop reason (see the module comment). */
export function mapStopReason(stopReason: StopReason): FinishOutcome {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return { finishReason: 'stop' };
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return { finishReason: 'length' };
    case 'tool_use':
      return { finishReason: 'tool_calls' };
    case 'guardrail_intervened':
    case 'content_filtered':
      return { finishReason: 'content_filter' };
    case 'malformed_model_output':
    case 'malformed_tool_use':
      return { error: stopReason };
    default: {
      const exhaustive: never = stopReason;
      return exhaustive;
    }
  }
}

/**
 * The `finish_reason` for a stop reason, or a thrown `UnprocessableEntityError` (422, `code` = the stop reason) for
 * the malformed ones. An unknown stop reason (a newer Bedrock) is an error too, rather than a guess.
 */
export function toFinishReason(stopReason: string | undefined, requestId: string | null = null): ChatCompletionFinishReason {
  if (stopReason === undefined) {
    throw new UnprocessableEntityError(422, 'Bedrock returned no stop reason.', { code: 'missing_stop_reason', type: 'model_error', requestID: requestId });
  }
  const outcome = KNOWN_STOP_REASONS.has(stopReason) ? mapStopReason(stopReason as StopReason) : undefined;
  if (outcome === undefined) {
    throw new UnprocessableEntityError(422, `Bedrock returned an unknown stop reason \`${stopReason}\`.`, {
      code: 'unknown_stop_reason',
      type: 'model_error',
      requestID: requestId,
    });
  }
  if ('error' in outcome) {
    const what = outcome.error === 'malformed_tool_use' ? 'a malformed tool call' : 'malformed output';
    throw new UnprocessableEntityError(422, `The model produced ${what} (Bedrock stop reason \`${outcome.error}\`); the response cannot be used.`, {
      code: outcome.error,
      type: 'model_error',
      requestID: requestId,
    });
  }
  return outcome.finishReason;
}

const KNOWN_STOP_REASONS: ReadonlySet<string> = new Set<StopReason>([
  'end_turn',
  'stop_sequence',
  'max_tokens',
  'model_context_window_exceeded',
  'tool_use',
  'guardrail_intervened',
  'content_filtered',
  'malformed_model_output',
  'malformed_tool_use',
]);
