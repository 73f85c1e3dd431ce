/**
 * `mapEvents`: the per-item iterator every stream (chat chunks, Responses events) goes through: items in order,
 * the end items, errors given as they came with the request cancelled, and the end at once on abort.
 */
import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { mapEvents } from '../../src/chat/completions.js';
import { APIUserAbortError } from '../../src/core/errors.js';

type Event = ConverseStreamOutput;
const event = (text: string): Event => ({ contentBlockDelta: { contentBlockIndex: 0, delta: { text } } }) as Event;
const textOf = (value: Event): string => value.contentBlockDelta?.delta?.text ?? '';

/** Bedrock's events after the first, as the SDK gives them; records whether the request was cancelled. */
function source(texts: string[], failAt?: number) {
  const state = { cancelled: false };
  let index = 0;
  const rest: AsyncIterator<Event> = {
    async next() {
      if (failAt !== undefined && index === failAt) throw new Error('connection reset');
      if (index >= texts.length) return { done: true, value: undefined };
      return { done: false, value: event(texts[index++]!) };
    },
    async return() {
      state.cancelled = true;
      return { done: true, value: undefined };
    },
  };
  return { rest, state };
}

/** Two items per event (`a` → `a1`, `a2`), and `end` at the end; `bad` throws as malformed output does. */
const mapper = {
  map(value: Event): string[] {
    const text = textOf(value);
    if (text === 'bad') throw new Error('malformed output');
    return [`${text}1`, `${text}2`];
  },
  end: (): string[] => ['end'],
};

async function collect(iterator: AsyncIterator<string>): Promise<string[]> {
  const items: string[] = [];
  for (;;) {
    const result = await iterator.next();
    if (result.done === true) return items;
    items.push(result.value);
  }
}

describe('mapEvents', () => {
  it('gives every item of every event in order, then the end items, then done', async () => {
    const { rest, state } = source(['b', 'c']);
    const iterator = mapEvents({ done: false, value: event('a') }, rest, mapper, new AbortController().signal);
    expect(await collect(iterator)).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'end']);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(state.cancelled).toBe(false);
  });

  it.each([
    ['a failing read of the stream', { texts: ['b', 'c'], failAt: 1 }, 'connection reset', ['a1', 'a2', 'b1', 'b2'], true],
    ['malformed output', { texts: ['b', 'bad'], failAt: undefined }, 'malformed output', ['a1', 'a2', 'b1', 'b2'], true],
  ])('gives the error of %s as it came, after the items before it, and cancels the request', async (_name, { texts, failAt }, message, before, cancels) => {
    const { rest, state } = source(texts, failAt);
    const iterator = mapEvents({ done: false, value: event('a') }, rest, mapper, new AbortController().signal);
    const items: string[] = [];
    const error = await (async () => {
      for (;;) {
        const result = await iterator.next();
        if (result.done === true) return undefined;
        items.push(result.value);
      }
    })().catch((caught: unknown) => caught);
    expect(items).toEqual(before);
    expect(error).toMatchObject({ message });
    expect(state.cancelled).toBe(cancels);
  });

  it('ends with APIUserAbortError once the signal aborts, with items still buffered, and cancels the request', async () => {
    const { rest, state } = source(['b']);
    const controller = new AbortController();
    const iterator = mapEvents({ done: false, value: event('a') }, rest, mapper, controller.signal);
    expect((await iterator.next()).value).toBe('a1');
    controller.abort();
    await expect(iterator.next()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(state.cancelled).toBe(true);
  });

  it('cancels the request when the consumer stops early, and not once every event was read', async () => {
    const early = source(['b', 'c']);
    const stopped = mapEvents({ done: false, value: event('a') }, early.rest, mapper, new AbortController().signal);
    expect((await stopped.next()).value).toBe('a1');
    expect(await stopped.return!()).toEqual({ done: true, value: undefined });
    expect(early.state.cancelled).toBe(true);
    expect(await stopped.next()).toEqual({ done: true, value: undefined });

    const read = source([]);
    const whole = mapEvents({ done: false, value: event('a') }, read.rest, mapper, new AbortController().signal);
    expect(await collect(whole)).toEqual(['a1', 'a2', 'end']);
    await whole.return!();
    expect(read.state.cancelled).toBe(false);
  });
});
