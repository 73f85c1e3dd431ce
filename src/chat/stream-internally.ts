/**
 * Serving a non-streaming call over ConverseStream. A long non-streaming generation holds an HTTP connection
 * silent for minutes, and idle-connection limits (proxies, load balancers, NAT gateways) cut it; a stream keeps
 * bytes flowing. The events are assembled back into the `ConverseResponse` that Converse would have returned, so
 * the same `convertFromConverseResponse` builds the same `ChatCompletion`.
 */
import type { Citation, CitationsDelta, ContentBlock, ConverseResponse, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { APIError } from '../core/errors.js';

/**
 * From this `max_tokens` a non-streaming call is served over ConverseStream by default: about ten minutes of
 * generation at ~35 tokens/s, the size from which the Anthropic SDK stops allowing non-streaming requests.
 */
export const STREAM_INTERNALLY_MIN_TOKENS = 21_333;

/**
 * Whether to stream internally: `bedrock.streamInternally` when given; otherwise only when the caller asked for a
 * long output, an explicit `max_tokens` (or `max_completion_tokens`) of at least {@link STREAM_INTERNALLY_MIN_TOKENS}.
 * Never from the model's maximum output or a default this library fills in (Claude thinking): ConverseStream needs
 * the IAM action `bedrock:InvokeModelWithResponseStream`, which a role allowed only `bedrock:InvokeModel` lacks, so a
 * plain call must stay a Converse call.
 */
export function shouldStreamInternally(requested: boolean | undefined, explicitMaxTokens: number | undefined): boolean {
  if (requested !== undefined) return requested;
  return explicitMaxTokens !== undefined && explicitMaxTokens >= STREAM_INTERNALLY_MIN_TOKENS;
}

interface BlockInProgress {
  text?: string;
  toolUse?: { toolUseId: string; name: string; input: string };
  reasoning?: { text: string; signature?: string };
  redacted?: Uint8Array[];
  citations?: CitationsDelta[];
}

/**
 * Assembles ConverseStream events into a `ConverseResponse`: blocks by `contentBlockIndex` (text, tool use with
 * its input JSON, reasoning text with its signature, redacted reasoning, text with its citations as a
 * `citationsContent` block), the stop reason, usage,
 * metrics, trace and the other metadata. A delta of a kind it cannot place is an error, never dropped.
 */
export function assembleConverseResponse(events: Iterable<ConverseStreamOutput>): Omit<ConverseResponse, never> {
  const blocks = new Map<number, BlockInProgress>();
  const block = (index: number | undefined): BlockInProgress => {
    const key = index ?? 0;
    let found = blocks.get(key);
    if (found === undefined) {
      found = {};
      blocks.set(key, found);
    }
    return found;
  };
  const response: Omit<ConverseResponse, never> = { output: undefined, stopReason: undefined, usage: undefined, metrics: undefined };
  let role: 'assistant' | 'user' = 'assistant';
  for (const event of events) {
    if (event.messageStart !== undefined) {
      role = event.messageStart.role === 'user' ? 'user' : 'assistant';
    } else if (event.contentBlockStart !== undefined) {
      const start = event.contentBlockStart.start;
      if (start?.toolUse !== undefined) {
        block(event.contentBlockStart.contentBlockIndex).toolUse = {
          toolUseId: start.toolUse.toolUseId ?? '',
          name: start.toolUse.name ?? '',
          input: '',
        };
      } else if (start !== undefined) {
        throw unplaceable(`a content block start of kind ${Object.keys(start).join(', ')}`);
      }
    } else if (event.contentBlockDelta !== undefined) {
      const delta = event.contentBlockDelta.delta;
      const target = block(event.contentBlockDelta.contentBlockIndex);
      if (delta?.text !== undefined) {
        target.text = (target.text ?? '') + delta.text;
      } else if (delta?.toolUse !== undefined) {
        if (target.toolUse === undefined) throw unplaceable('a tool-use delta without its block start');
        target.toolUse.input += delta.toolUse.input ?? '';
      } else if (delta?.reasoningContent !== undefined) {
        const reasoning = delta.reasoningContent;
        if (reasoning.redactedContent !== undefined) {
          (target.redacted ??= []).push(reasoning.redactedContent);
        } else {
          target.reasoning ??= { text: '' };
          if (reasoning.text !== undefined) target.reasoning.text += reasoning.text;
          if (reasoning.signature !== undefined) target.reasoning.signature = (target.reasoning.signature ?? '') + reasoning.signature;
        }
      } else if (delta?.citation !== undefined) {
        // The cited text arrives as text deltas of the same block: the block becomes a `citationsContent` block.
        (target.citations ??= []).push(delta.citation);
      } else if (delta !== undefined) {
        throw unplaceable(`a content delta of kind ${Object.keys(delta).join(', ')}`);
      }
    } else if (event.messageStop !== undefined) {
      response.stopReason = event.messageStop.stopReason;
      if (event.messageStop.additionalModelResponseFields !== undefined) {
        response.additionalModelResponseFields = event.messageStop.additionalModelResponseFields;
      }
    } else if (event.metadata !== undefined) {
      const { usage, metrics, trace, performanceConfig, serviceTier } = event.metadata;
      response.usage = usage;
      response.metrics = metrics;
      if (trace !== undefined) response.trace = trace as ConverseResponse['trace'];
      if (performanceConfig !== undefined) response.performanceConfig = performanceConfig;
      if (serviceTier !== undefined) response.serviceTier = serviceTier;
    }
  }
  const content: ContentBlock[] = [];
  for (const index of [...blocks.keys()].sort((left, right) => left - right)) {
    const found = blocks.get(index)!;
    if (found.reasoning !== undefined) {
      content.push({
        reasoningContent: {
          reasoningText: found.reasoning.signature === undefined ? { text: found.reasoning.text } : { text: found.reasoning.text, signature: found.reasoning.signature },
        },
      });
    }
    if (found.redacted !== undefined) content.push({ reasoningContent: { redactedContent: concatenate(found.redacted) } });
    if (found.citations !== undefined) {
      content.push({ citationsContent: { content: found.text === undefined ? [] : [{ text: found.text }], citations: found.citations.map(toCitation) } });
    } else if (found.text !== undefined) content.push({ text: found.text });
    if (found.toolUse !== undefined) {
      content.push({ toolUse: { toolUseId: found.toolUse.toolUseId, name: found.toolUse.name, input: parseToolInput(found.toolUse.input) } });
    }
  }
  response.output = { message: { role, content } };
  return response;
}

/** A streamed citation as the `Citation` of a `citationsContent` block. */
function toCitation(delta: CitationsDelta): Citation {
  const { sourceContent, ...rest } = delta;
  return { ...rest, ...(sourceContent === undefined ? {} : { sourceContent: sourceContent.map((part) => ({ text: part.text ?? '' })) }) } as Citation;
}

function parseToolInput(json: string): never {
  if (json.trim() === '') return {} as never;
  try {
    return JSON.parse(json) as never;
  } catch {
    throw new APIError(422, `The model streamed tool input that is not valid JSON: ${json.slice(0, 200)}`, {
      code: 'malformed_tool_use',
      type: 'model_error',
    });
  }
}

function concatenate(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function unplaceable(what: string): APIError {
  return new APIError(422, `ConverseStream sent ${what}; the response cannot be assembled.`, { code: 'unexpected_stream_event', type: 'model_error' });
}
