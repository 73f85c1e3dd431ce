/**
 * ConverseStream events for Responses tests, built compactly (`text(0, 'Hi')`, `stop(0)`, …), the mapper's context
 * with overridable fields, and `run`: the events a mapper gives for a list of them, ended.
 */
import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { createToolCallIdMap, createToolNameMap } from '../../src/chat/tool-names.js';
import { createResponseEventMapper, type ResponseEventContext } from '../../src/responses/stream-events.js';
import type { ResponseStreamEvent } from '../../src/responses/types.js';

export const HEX = '0123456789abcdef0123456789abcdef';

export function context(overrides: Partial<ResponseEventContext> = {}): ResponseEventContext {
  return {
    id: `resp_${HEX}`,
    hex: HEX,
    createdAt: 1_700_000_000,
    model: 'anthropic.claude-3-haiku-20240307-v1:0',
    echo: {
      instructions: null,
      metadata: {},
      parallel_tool_calls: true,
      temperature: null,
      top_p: null,
      tool_choice: 'auto',
      tools: [],
    },
    toolNames: createToolNameMap([]),
    toolCallIds: createToolCallIdMap([]),
    requestId: 'req-1',
    summary: false,
    includeEncrypted: true,
    ...overrides,
  };
}

export const start: ConverseStreamOutput = { messageStart: { role: 'assistant' } };
export const text = (index: number, value: string): ConverseStreamOutput => ({ contentBlockDelta: { contentBlockIndex: index, delta: { text: value } } });
export const stop = (index: number): ConverseStreamOutput => ({ contentBlockStop: { contentBlockIndex: index } });
export const toolStart = (index: number, id: string, name: string): ConverseStreamOutput => ({ contentBlockStart: { contentBlockIndex: index, start: { toolUse: { toolUseId: id, name } } } });
export const toolInput = (index: number, input: string): ConverseStreamOutput => ({ contentBlockDelta: { contentBlockIndex: index, delta: { toolUse: { input } } } });
export const thinking = (index: number, value: string): ConverseStreamOutput => ({ contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: { text: value } } } });
export const signature = (index: number, value: string): ConverseStreamOutput => ({ contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: { signature: value } } } });
export const redacted = (index: number, bytes: number[]): ConverseStreamOutput => ({ contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: { redactedContent: Uint8Array.from(bytes) } } } });
export const messageStop = (stopReason: string): ConverseStreamOutput => ({ messageStop: { stopReason: stopReason as never } });
export const metadata: ConverseStreamOutput = { metadata: { usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15, cacheReadInputTokens: 2 }, metrics: { latencyMs: 7 } } };

export function run(events: ConverseStreamOutput[], overrides: Partial<ResponseEventContext> = {}): ResponseStreamEvent[] {
  const mapper = createResponseEventMapper(context(overrides));
  const out = events.flatMap((event) => mapper.map(event));
  out.push(...mapper.end());
  return out;
}
