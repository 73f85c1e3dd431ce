/**
 * `Stream<Item>`: the `openai` package's stream object, over any async iterator of items. It is consumable once
 * (iterate again and it throws; use `tee()`), `break` or `return` cancels the underlying HTTP request through
 * `controller`, and `toReadableStream()` emits NDJSON that `Stream.fromReadableStream()` reads back.
 */
import { APIUserAbortError, BedrockOpenAIError } from './errors.js';

export class Stream<Item> implements AsyncIterable<Item> {
  /** Aborting it cancels the HTTP request and ends the stream. */
  readonly controller: AbortController;
  readonly #iterator: () => AsyncIterator<Item>;
  #consumed = false;

  constructor(iterator: () => AsyncIterator<Item>, controller: AbortController) {
    this.#iterator = iterator;
    this.controller = controller;
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    if (this.#consumed) {
      throw new BedrockOpenAIError('Cannot iterate over a consumed stream, use `.tee()` to split the stream.');
    }
    this.#consumed = true;
    const inner = this.#iterator();
    const controller = this.controller;
    let done = false;
    return {
      async next(): Promise<IteratorResult<Item>> {
        try {
          const result = await inner.next();
          if (result.done === true) done = true;
          return result;
        } catch (error) {
          done = true;
          if (controller.signal.aborted && !(error instanceof BedrockOpenAIError)) throw new APIUserAbortError({ cause: error });
          throw error;
        }
      },
      async return(): Promise<IteratorResult<Item>> {
        if (!done) {
          done = true;
          controller.abort();
          await inner.return?.();
        }
        return { done: true, value: undefined };
      },
    };
  }

  /** Splits the stream into two that can be read independently (each buffers what the other has not read). */
  tee(): [Stream<Item>, Stream<Item>] {
    const queues: IteratorResult<Item>[][] = [[], []];
    let source: AsyncIterator<Item> | undefined;
    let pending: Promise<void> | undefined;
    let failure: { error: unknown } | undefined;
    const pull = async (): Promise<void> => {
      source ??= this[Symbol.asyncIterator]();
      try {
        const result = await source.next();
        for (const queue of queues) queue.push(result);
      } catch (error) {
        failure = { error };
      }
    };
    const branch = (queue: IteratorResult<Item>[]): (() => AsyncIterator<Item>) => () => ({
      async next(): Promise<IteratorResult<Item>> {
        while (queue.length === 0) {
          if (failure !== undefined) throw failure.error;
          pending ??= pull().finally(() => {
            pending = undefined;
          });
          await pending;
        }
        return queue.shift()!;
      },
    });
    return [new Stream(branch(queues[0]!), this.controller), new Stream(branch(queues[1]!), this.controller)];
  }

  /** A `ReadableStream` of NDJSON lines, one item each (`Stream.fromReadableStream` reads it back). */
  toReadableStream(): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder();
    let iterator: AsyncIterator<Item> | undefined;
    return new ReadableStream<Uint8Array>({
      start: () => {
        iterator = this[Symbol.asyncIterator]();
      },
      pull: async (controller) => {
        try {
          const result = await iterator!.next();
          if (result.done === true) return controller.close();
          controller.enqueue(encoder.encode(`${JSON.stringify(result.value)}\n`));
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: async () => {
        await iterator?.return?.();
      },
    });
  }

  /** Reads a stream written by `toReadableStream()` (for example, sent from a server to a browser). */
  static fromReadableStream<Item>(readable: ReadableStream<Uint8Array>, controller: AbortController = new AbortController()): Stream<Item> {
    async function* lines(): AsyncGenerator<Item> {
      const reader = readable.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let newline: number;
          while ((newline = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, newline).trim();
            buffer = buffer.slice(newline + 1);
            if (line !== '') yield JSON.parse(line) as Item;
          }
        }
        const rest = (buffer + decoder.decode()).trim();
        if (rest !== '') yield JSON.parse(rest) as Item;
      } finally {
        reader.releaseLock();
      }
    }
    return new Stream(() => lines(), controller);
  }
}
