/**
 * The Responses event state machine, event by event, for every sequence shape: text, a tool call, parallel tool
 * calls, reasoning then text (content and summary modes, signed and redacted), a guardrail refusal, max tokens,
 * structured output through a forced tool, and the failures. Each table row gives ConverseStream events and the
 * exact `ResponseStreamEvent`s expected (in a compact form: type and the fields that matter).
 */
import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { createToolCallIdMap, createToolNameMap } from '../../src/chat/tool-names.js';
import { createResponseEventMapper, type ResponseEventContext } from '../../src/responses/stream-events.js';
import { decodeReasoning } from '../../src/responses/encrypted-reasoning.js';
import type { ResponseStreamEvent } from '../../src/responses/types.js';
import { context, HEX, messageStop, metadata, redacted, run, signature, start, stop, text, thinking, toolInput, toolStart } from './converse-events.js';
import { accumulateEvents } from './helpers.js';

/** The events, compacted: type, then the fields that identify and carry content. */
function compact(events: ResponseStreamEvent[]): string[] {
  return events.map((event) => {
    const fields: string[] = [event.type];
    if ('output_index' in event) fields.push(`o${event.output_index}`);
    if ('content_index' in event) fields.push(`c${event.content_index}`);
    if ('summary_index' in event) fields.push(`s${event.summary_index}`);
    if ('item' in event) fields.push(`${event.item.type}:${event.item.id}`);
    if ('part' in event) fields.push(`${event.part.type}=${JSON.stringify((event.part as { text?: string }).text)}`);
    if ('delta' in event) fields.push(JSON.stringify(event.delta));
    if ('text' in event) fields.push(`=${JSON.stringify(event.text)}`);
    if ('arguments' in event) fields.push(`args=${event.arguments}`);
    if ('response' in event) fields.push(String(event.response.status));
    return fields.join(' ');
  });
}

const msg = `message:msg_${HEX}`;
const fc = (index: number): string => `function_call:fc_${HEX}_${index}`;
const rs = (index: number): string => `reasoning:rs_${HEX}_${index}`;

describe('stream event sequences', () => {
  it.each<[string, ConverseStreamOutput[], Partial<ResponseEventContext>, string[]]>([
    [
      'text',
      [start, text(0, 'Hel'), text(0, 'lo'), stop(0), messageStop('end_turn'), metadata],
      {},
      [
        'response.created in_progress',
        'response.in_progress in_progress',
        `response.output_item.added o0 ${msg}_0`,
        'response.content_part.added o0 c0 output_text=""',
        'response.output_text.delta o0 c0 "Hel"',
        'response.output_text.delta o0 c0 "lo"',
        'response.output_text.done o0 c0 ="Hello"',
        'response.content_part.done o0 c0 output_text="Hello"',
        `response.output_item.done o0 ${msg}_0`,
        'response.completed completed',
      ],
    ],
    [
      'a tool call after text',
      [start, text(0, 'Let me check.'), stop(0), toolStart(1, 'tooluse_1', 'get_weather'), toolInput(1, '{"city":'), toolInput(1, '"Paris"}'), stop(1), messageStop('tool_use'), metadata],
      {},
      [
        'response.created in_progress',
        'response.in_progress in_progress',
        `response.output_item.added o0 ${msg}_0`,
        'response.content_part.added o0 c0 output_text=""',
        'response.output_text.delta o0 c0 "Let me check."',
        'response.output_text.done o0 c0 ="Let me check."',
        'response.content_part.done o0 c0 output_text="Let me check."',
        `response.output_item.done o0 ${msg}_0`,
        `response.output_item.added o1 ${fc(1)}`,
        'response.function_call_arguments.delta o1 "{\\"city\\":"',
        'response.function_call_arguments.delta o1 "\\"Paris\\"}"',
        'response.function_call_arguments.done o1 args={"city":"Paris"}',
        `response.output_item.done o1 ${fc(1)}`,
        'response.completed completed',
      ],
    ],
    [
      'parallel tool calls (one without input)',
      [start, toolStart(0, 't1', 'get_weather'), toolInput(0, '{"city":"Rome"}'), stop(0), toolStart(1, 't2', 'get_time'), stop(1), messageStop('tool_use'), metadata],
      {},
      [
        'response.created in_progress',
        'response.in_progress in_progress',
        `response.output_item.added o0 ${fc(0)}`,
        'response.function_call_arguments.delta o0 "{\\"city\\":\\"Rome\\"}"',
        'response.function_call_arguments.done o0 args={"city":"Rome"}',
        `response.output_item.done o0 ${fc(0)}`,
        `response.output_item.added o1 ${fc(1)}`,
        'response.function_call_arguments.done o1 args={}',
        `response.output_item.done o1 ${fc(1)}`,
        'response.completed completed',
      ],
    ],
    [
      'reasoning then text',
      [start, thinking(0, 'Let me '), thinking(0, 'think'), signature(0, 'sig'), stop(0), text(1, 'Answer'), stop(1), messageStop('end_turn'), metadata],
      {},
      [
        'response.created in_progress',
        'response.in_progress in_progress',
        `response.output_item.added o0 ${rs(0)}`,
        'response.content_part.added o0 c0 reasoning_text=""',
        'response.reasoning_text.delta o0 c0 "Let me "',
        'response.reasoning_text.delta o0 c0 "think"',
        'response.reasoning_text.done o0 c0 ="Let me think"',
        'response.content_part.done o0 c0 reasoning_text="Let me think"',
        `response.output_item.done o0 ${rs(0)}`,
        `response.output_item.added o1 ${msg}_1`,
        'response.content_part.added o1 c0 output_text=""',
        'response.output_text.delta o1 c0 "Answer"',
        'response.output_text.done o1 c0 ="Answer"',
        'response.content_part.done o1 c0 output_text="Answer"',
        `response.output_item.done o1 ${msg}_1`,
        'response.completed completed',
      ],
    ],
    [
      'reasoning as a summary then text',
      [start, thinking(0, 'Hmm'), stop(0), text(1, 'Yes'), stop(1), messageStop('end_turn'), metadata],
      { summary: true },
      [
        'response.created in_progress',
        'response.in_progress in_progress',
        `response.output_item.added o0 ${rs(0)}`,
        'response.reasoning_summary_part.added o0 s0 summary_text=""',
        'response.reasoning_summary_text.delta o0 s0 "Hmm"',
        'response.reasoning_summary_text.done o0 s0 ="Hmm"',
        'response.reasoning_summary_part.done o0 s0 summary_text="Hmm"',
        `response.output_item.done o0 ${rs(0)}`,
        `response.output_item.added o1 ${msg}_1`,
        'response.content_part.added o1 c0 output_text=""',
        'response.output_text.delta o1 c0 "Yes"',
        'response.output_text.done o1 c0 ="Yes"',
        'response.content_part.done o1 c0 output_text="Yes"',
        `response.output_item.done o1 ${msg}_1`,
        'response.completed completed',
      ],
    ],
    [
      'redacted reasoning then a tool call',
      [start, redacted(0, [1, 2, 3]), stop(0), toolStart(1, 't1', 'get_weather'), toolInput(1, '{}'), stop(1), messageStop('tool_use'), metadata],
      {},
      [
        'response.created in_progress',
        'response.in_progress in_progress',
        `response.output_item.added o0 ${rs(0)}`,
        `response.output_item.done o0 ${rs(0)}`,
        `response.output_item.added o1 ${fc(1)}`,
        'response.function_call_arguments.delta o1 "{}"',
        'response.function_call_arguments.done o1 args={}',
        `response.output_item.done o1 ${fc(1)}`,
        'response.completed completed',
      ],
    ],
    [
      'a guardrail refusal',
      [start, text(0, 'Sorry, the model cannot answer this question.'), stop(0), messageStop('guardrail_intervened'), metadata],
      {},
      [
        'response.created in_progress',
        'response.in_progress in_progress',
        `response.output_item.added o0 ${msg}_0`,
        'response.content_part.added o0 c0 output_text=""',
        'response.output_text.delta o0 c0 "Sorry, the model cannot answer this question."',
        'response.output_text.done o0 c0 ="Sorry, the model cannot answer this question."',
        'response.content_part.done o0 c0 output_text="Sorry, the model cannot answer this question."',
        `response.output_item.done o0 ${msg}_0`,
        'response.incomplete incomplete',
      ],
    ],
    [
      'max tokens',
      [start, text(0, 'one two'), messageStop('max_tokens'), metadata],
      {},
      [
        'response.created in_progress',
        'response.in_progress in_progress',
        `response.output_item.added o0 ${msg}_0`,
        'response.content_part.added o0 c0 output_text=""',
        'response.output_text.delta o0 c0 "one two"',
        'response.output_text.done o0 c0 ="one two"',
        'response.content_part.done o0 c0 output_text="one two"',
        `response.output_item.done o0 ${msg}_0`,
        'response.incomplete incomplete',
      ],
    ],
    [
      'structured output through a forced tool (text beside it left out)',
      [start, text(0, 'Here:'), stop(0), toolStart(1, 't1', 'person'), toolInput(1, '{"name":'), toolInput(1, '"Ann"}'), stop(1), messageStop('tool_use'), metadata],
      { structuredOutput: { type: 'json_schema', mode: { via: 'tool', toolName: 'person' } } },
      [
        'response.created in_progress',
        'response.in_progress in_progress',
        `response.output_item.added o0 ${msg}_0`,
        'response.content_part.added o0 c0 output_text=""',
        'response.output_text.delta o0 c0 "{\\"name\\":"',
        'response.output_text.delta o0 c0 "\\"Ann\\"}"',
        'response.output_text.done o0 c0 ="{\\"name\\":\\"Ann\\"}"',
        'response.content_part.done o0 c0 output_text="{\\"name\\":\\"Ann\\"}"',
        `response.output_item.done o0 ${msg}_0`,
        'response.completed completed',
      ],
    ],
  ])('%s', (_name, input, overrides, expected) => {
    const events = run(input, overrides);
    expect(compact(events)).toEqual(expected);
    // And the strict accumulator agrees with the final response.
    const final = accumulateEvents(events);
    expect(final.usage).toEqual({ input_tokens: 12, input_tokens_details: { cached_tokens: 2, cache_write_tokens: 0 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 17 });
  });
});

describe('the final response', () => {
  it('gives incomplete_details and marks the open message incomplete', () => {
    const events = run([start, text(0, 'one two'), messageStop('max_tokens'), metadata]);
    const last = events.at(-1)!;
    expect(last.type === 'response.incomplete' && last.response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output: [{ status: 'incomplete' }] });
    const filtered = run([start, text(0, 'no'), stop(0), messageStop('content_filtered'), metadata]).at(-1)!;
    expect(filtered.type === 'response.incomplete' && filtered.response.incomplete_details).toEqual({ reason: 'content_filter' });
  });

  it('carries signatures and redacted data as encrypted_content, shown only when included', () => {
    const signed = [start, thinking(0, 'deep'), signature(0, 'SIG'), stop(0), text(1, 'ok'), stop(1), messageStop('end_turn'), metadata];
    const shown = run(signed).at(-1)!;
    const item = shown.type === 'response.completed' ? shown.response.output[0]! : undefined;
    expect(item?.type === 'reasoning' && decodeReasoning(item.encrypted_content!, 'x')).toEqual({ type: 'reasoning.text', text: 'deep', signature: 'SIG' });
    const mapper = createResponseEventMapper(context({ includeEncrypted: false }));
    const events = [...signed.flatMap((event) => mapper.map(event)), ...mapper.end()];
    for (const event of events) expect(JSON.stringify(event)).not.toContain('encrypted_content');
    expect(mapper.stored()!.output[0]).toHaveProperty('encrypted_content');
    const blob = run([start, redacted(0, [9, 8, 7]), stop(0), text(1, 'ok'), stop(1), messageStop('end_turn'), metadata]).at(-1)!;
    const redactedItem = blob.type === 'response.completed' ? blob.response.output[0]! : undefined;
    expect(redactedItem?.type === 'reasoning' && decodeReasoning(redactedItem.encrypted_content!, 'x')).toEqual({ type: 'reasoning.redacted', data: Buffer.from([9, 8, 7]).toString('base64') });
    // Unsigned reasoning (Nova, gpt-oss) has nothing to replay.
    const plain = run([start, thinking(0, 'plain'), stop(0), text(1, 'ok'), stop(1), messageStop('end_turn'), metadata]).at(-1)!;
    expect(plain.type === 'response.completed' && plain.response.output[0]).not.toHaveProperty('encrypted_content');
  });

  it('maps tool names and call IDs back to the caller\'s', () => {
    const toolNames = createToolNameMap(['my.tool']);
    const toolCallIds = createToolCallIdMap(['call/1']);
    const bedrockName = toolNames.toBedrock.get('my.tool')!;
    const bedrockId = toolCallIds.toBedrock.get('call/1')!;
    const events = run([start, toolStart(0, bedrockId, bedrockName), toolInput(0, '{}'), stop(0), messageStop('tool_use'), metadata], { toolNames, toolCallIds });
    const last = events.at(-1)!;
    expect(last.type === 'response.completed' && last.response.output[0]).toMatchObject({ type: 'function_call', name: 'my.tool', call_id: 'call/1' });
  });

  it('throws for malformed output, in-stream exceptions and a stream cut before messageStop', () => {
    expect(() => run([start, text(0, 'x'), messageStop('malformed_tool_use')])).toThrow(expect.objectContaining({ status: 422, code: 'malformed_tool_use' }));
    const mapper = createResponseEventMapper(context());
    expect(() => mapper.map({ throttlingException: { message: 'slow down' } } as never)).toThrow(expect.objectContaining({ status: 429 }));
    expect(() => run([start, text(0, 'x')])).toThrow(/ended before the message was complete/);
    expect(() => run([start, toolInput(0, '{}')])).toThrow(/before that tool call started/);
  });

  it('checks structured output is JSON when the model finished', () => {
    const structuredOutput = { type: 'json_schema' as const, mode: { via: 'native' as const } };
    expect(() => run([start, text(0, 'not json'), stop(0), messageStop('end_turn'), metadata], { structuredOutput })).toThrow(expect.objectContaining({ status: 422, code: 'invalid_json_output' }));
  });
});
