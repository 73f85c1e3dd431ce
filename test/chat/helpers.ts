/** Shared fixtures for the chat tests: tiny images and documents, converter contexts, error capture. */
import { readFileSync } from 'node:fs';
import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { expect } from 'vitest';
import type { BedrockResponseInfo, ChatCompletionChunk, ChatCompletionReasoningDetail, CompletionUsage } from '../../src/chat/types.js';
import { BadRequestError } from '../../src/core/errors.js';
import type { ConvertMessagesContext } from '../../src/chat/to-converse-messages.js';
import { convertToConverseRequest, type ConverseRequestPlan } from '../../src/chat/to-converse-request.js';
import { createToolCallIdMap, createToolNameMap } from '../../src/chat/tool-names.js';
import { createUnsupportedParamHandler, type DroppedParamWarning } from '../../src/chat/unsupported-params.js';

/** The smallest byte strings whose magic numbers say PNG, JPEG, GIF and WebP. */
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
export const GIF = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]);
export const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
export const PDF = new TextEncoder().encode('%PDF-1.4\n%fake\n');

export function dataUrl(mediaType: string, bytes: Uint8Array): string {
  return `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** A messages-converter context: no tools, fetching on, unsupported params throwing (or dropped into `warnings`). */
export function messagesContext(
  overrides: Partial<ConvertMessagesContext> & { drop?: boolean; names?: string[]; ids?: string[] } = {},
): ConvertMessagesContext & { warnings: DroppedParamWarning[] } {
  const warnings: DroppedParamWarning[] = [];
  const { drop = false, names = [], ids = [], ...rest } = overrides;
  return {
    toolNames: createToolNameMap(names),
    toolCallIds: createToolCallIdMap(ids),
    imageFetch: true,
    unsupported: createUnsupportedParamHandler({ drop, warn: (warning) => warnings.push(warning) }),
    warnings,
    ...rest,
  };
}

/** A function tool with a description and parameters. */
export const weatherTool = { type: 'function', function: { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };

/**
 * Converts `create` params (a Claude model and one user message unless given), unsupported params throwing (or
 * dropped into `warnings`).
 */
export function convertRequest(params: Record<string, unknown>, drop = false): ConverseRequestPlan & { warnings: DroppedParamWarning[] } {
  const warnings: DroppedParamWarning[] = [];
  const plan = convertToConverseRequest(
    { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hi' }], ...params },
    { imageFetch: true, unsupported: createUnsupportedParamHandler({ drop, warn: (warning) => warnings.push(warning) }) },
  );
  return { ...plan, warnings };
}

/** Runs `action`, expects a `BadRequestError`, and returns it. */
export function badRequest(action: () => unknown): BadRequestError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestError);
    return error as BadRequestError;
  }
  throw new Error('expected a BadRequestError, but nothing was thrown');
}

/** Awaits `promise`, expects it to reject, and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** The events of a recorded stream fixture (`test/fixtures/<name>.jsonl`, one decoded event per line). */
export function readStreamFixture(name: string): ConverseStreamOutput[] {
  const text = readFileSync(new URL(`../fixtures/${name}.jsonl`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ConverseStreamOutput);
}

/** What a stream adds up to, accumulated the way OpenAI's own stream helpers do. */
export interface AccumulatedStream {
  role: string | undefined;
  content: string | null;
  reasoning_content: string | undefined;
  /** The `reasoning_details` arrays of the deltas, concatenated. */
  reasoning_details: ChatCompletionReasoningDetail[] | undefined;
  /** The `bedrock` field of the finish chunk. */
  bedrock: BedrockResponseInfo | undefined;
  tool_calls: { id: string; type: 'function'; function: { name: string; arguments: string } }[] | undefined;
  finish_reason: string | null;
  usage: CompletionUsage | undefined;
}

/** Concatenates the deltas of a stream's chunks (tool calls by their `index`). */
export function accumulateChunks(chunks: readonly ChatCompletionChunk[]): AccumulatedStream {
  const result: AccumulatedStream = {
    role: undefined,
    content: null,
    reasoning_content: undefined,
    reasoning_details: undefined,
    bedrock: undefined,
    tool_calls: undefined,
    finish_reason: null,
    usage: undefined,
  };
  for (const chunk of chunks) {
    if (chunk.usage) result.usage = chunk.usage;
    for (const choice of chunk.choices) {
      const delta = choice.delta;
      if (delta.role !== undefined) result.role = delta.role;
      if (typeof delta.content === 'string') result.content = (result.content ?? '') + delta.content;
      if (delta.reasoning_content !== undefined) result.reasoning_content = (result.reasoning_content ?? '') + delta.reasoning_content;
      if (delta.reasoning_details !== undefined) result.reasoning_details = [...(result.reasoning_details ?? []), ...delta.reasoning_details];
      for (const call of delta.tool_calls ?? []) {
        result.tool_calls ??= [];
        const existing = result.tool_calls[call.index];
        if (existing === undefined) {
          expect(call.id, 'the first delta of a tool call carries its id').toBeDefined();
          result.tool_calls[call.index] = { id: call.id!, type: 'function', function: { name: call.function?.name ?? '', arguments: call.function?.arguments ?? '' } };
        } else {
          expect(call.id, 'later deltas of a tool call carry no id').toBeUndefined();
          existing.function.arguments += call.function?.arguments ?? '';
        }
      }
      if (choice.finish_reason !== null) {
        result.finish_reason = choice.finish_reason;
        result.bedrock = chunk.bedrock;
      }
    }
  }
  return result;
}
