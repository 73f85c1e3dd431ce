/**
 * Accumulates Responses stream events into the final response the way openai-node's `ResponseStream` does, and
 * at least as strictly: every event must follow `response.created`, carry the next `sequence_number`, name an
 * existing output item by `output_index` with its `item_id`, and every delta must land in an open part of the
 * right type. The result is the last event's `response`, checked against the accumulated snapshot.
 */
import { expect } from 'vitest';
import type { Response, ResponseOutputItem, ResponseStreamEvent } from '../../src/responses/types.js';

export function accumulateEvents(events: readonly ResponseStreamEvent[]): Response {
  let snapshot: Response | undefined;
  const done = new Set<number>();
  events.forEach((event, index) => {
    expect(event.sequence_number, `event ${index} (${event.type}) sequence_number`).toBe(index);
    if (snapshot === undefined) {
      expect(event.type, 'the first event').toBe('response.created');
      if (event.type === 'response.created') snapshot = structuredClone(event.response);
      expect(snapshot!.output).toEqual([]);
      return;
    }
    const item = (outputIndex: number, itemId?: string): ResponseOutputItem => {
      const found = snapshot!.output[outputIndex];
      expect(found, `${event.type}: output ${outputIndex} exists`).toBeDefined();
      if (itemId !== undefined) expect(found!.id, `${event.type}: item_id`).toBe(itemId);
      expect(done.has(outputIndex), `${event.type}: item ${outputIndex} still open`).toBe(false);
      return found!;
    };
    switch (event.type) {
      case 'response.in_progress':
        expect(index).toBe(1);
        break;
      case 'response.output_item.added':
        expect(event.output_index).toBe(snapshot.output.length);
        snapshot.output.push(structuredClone(event.item));
        break;
      case 'response.content_part.added': {
        const target = item(event.output_index, event.item_id);
        if (target.type === 'message' && event.part.type !== 'reasoning_text') {
          expect(event.content_index).toBe(target.content.length);
          target.content.push(structuredClone(event.part));
        } else if (target.type === 'reasoning' && event.part.type === 'reasoning_text') {
          target.content ??= [];
          expect(event.content_index).toBe(target.content.length);
          target.content.push(structuredClone(event.part));
        } else throw new Error(`content_part.added of ${event.part.type} on a ${target.type} item`);
        break;
      }
      case 'response.output_text.delta': {
        const target = item(event.output_index, event.item_id);
        expect(target.type).toBe('message');
        const part = target.type === 'message' ? target.content[event.content_index] : undefined;
        expect(part?.type, 'output_text.delta lands in an output_text part').toBe('output_text');
        if (part?.type === 'output_text') part.text += event.delta;
        break;
      }
      case 'response.output_text.done': {
        const target = item(event.output_index, event.item_id);
        const part = target.type === 'message' ? target.content[event.content_index] : undefined;
        expect(part?.type === 'output_text' && part.text).toBe(event.text);
        break;
      }
      case 'response.content_part.done': {
        const target = item(event.output_index, event.item_id);
        const part = target.type === 'message' ? target.content[event.content_index] : target.type === 'reasoning' ? target.content?.[event.content_index] : undefined;
        expect(part).toEqual(event.part);
        break;
      }
      case 'response.function_call_arguments.delta': {
        const target = item(event.output_index, event.item_id);
        expect(target.type).toBe('function_call');
        if (target.type === 'function_call') target.arguments += event.delta;
        break;
      }
      case 'response.function_call_arguments.done': {
        const target = item(event.output_index, event.item_id);
        if (target.type !== 'function_call') throw new Error('function_call_arguments.done on a non-call item');
        // A call whose input never came is `{}`.
        if (target.arguments === '') target.arguments = event.arguments;
        expect(target.arguments).toBe(event.arguments);
        expect(target.name).toBe(event.name);
        break;
      }
      case 'response.reasoning_text.delta': {
        const target = item(event.output_index, event.item_id);
        const part = target.type === 'reasoning' ? target.content?.[event.content_index] : undefined;
        expect(part?.type).toBe('reasoning_text');
        if (part !== undefined) part.text += event.delta;
        break;
      }
      case 'response.reasoning_text.done': {
        const target = item(event.output_index, event.item_id);
        expect(target.type === 'reasoning' && target.content?.[event.content_index]?.text).toBe(event.text);
        break;
      }
      case 'response.reasoning_summary_part.added': {
        const target = item(event.output_index, event.item_id);
        if (target.type !== 'reasoning') throw new Error('summary part on a non-reasoning item');
        expect(event.summary_index).toBe(target.summary.length);
        target.summary.push(structuredClone(event.part));
        break;
      }
      case 'response.reasoning_summary_text.delta': {
        const target = item(event.output_index, event.item_id);
        const part = target.type === 'reasoning' ? target.summary[event.summary_index] : undefined;
        expect(part).toBeDefined();
        if (part !== undefined) part.text += event.delta;
        break;
      }
      case 'response.reasoning_summary_text.done':
      case 'response.reasoning_summary_part.done': {
        const target = item(event.output_index, event.item_id);
        const text = event.type === 'response.reasoning_summary_text.done' ? event.text : event.part.text;
        expect(target.type === 'reasoning' && target.summary[event.summary_index]?.text).toBe(text);
        break;
      }
      case 'response.output_item.done': {
        const target = item(event.output_index, event.item.id);
        const { status: _status, ...expectedRest } = event.item as ResponseOutputItem & { status?: string };
        const { status: _was, encrypted_content: _encrypted, ...actualRest } = target as ResponseOutputItem & { status?: string; encrypted_content?: string };
        const { encrypted_content: _shown, ...expectedWithout } = expectedRest as typeof expectedRest & { encrypted_content?: string };
        expect(actualRest).toEqual(expectedWithout);
        snapshot.output[event.output_index] = structuredClone(event.item);
        done.add(event.output_index);
        break;
      }
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        expect(index, 'the final event is last').toBe(events.length - 1);
        expect(done.size, 'every item is done').toBe(snapshot.output.length);
        expect(event.response.output).toEqual(snapshot.output);
        snapshot = event.response;
        break;
      default:
        throw new Error(`unexpected event ${event.type}`);
    }
  });
  expect(snapshot, 'a response').toBeDefined();
  expect(['response.completed', 'response.incomplete', 'response.failed']).toContain(events.at(-1)!.type);
  return snapshot!;
}
