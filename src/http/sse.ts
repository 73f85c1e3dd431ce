/**
 * Server-sent events as OpenAI sends a streamed completion: one `data: <json>\n\n` per item, `data: [DONE]\n\n` at
 * the end (for the Responses API: `event: <type>\ndata: <json>\n\n` per event, and no `[DONE]`). The body is pulled: an item is read from the source only when the reader wants more (backpressure; no
 * buffering beyond one item). A failure after the first byte ends the stream with
 * `event: error\ndata: {"error":{…}}\n\n`, which the `openai` SDK raises as an `APIError` (its `Stream` throws on a
 * data line holding `error`). Cancelling the body (the reader went away) returns the source iterator, which cancels
 * the Bedrock call.
 */
import { toWireError, type WireErrorOptions } from './errors.js';

const encoder = new TextEncoder();
const DONE = encoder.encode('data: [DONE]\n\n');
const PING = encoder.encode(': ping\n\n');

export interface SseOptions<Item> extends WireErrorOptions {
  /** Milliseconds of silence after which a `: ping` comment is sent (proxies keep the connection). 0: never. */
  heartbeatMs: number;
  /**
   * When it aborts, the stream ends at once with an error event made from `endSignal.reason` (a graceful shutdown's
   * deadline, the per-request timeout), and the source is cancelled.
   */
  endSignal?: AbortSignal | undefined;
  /**
   * The caller's signal (the request's): when it aborts, the body errors with its reason at once, as a `fetch`
   * body does, and the source is cancelled.
   */
  abortSignal?: AbortSignal | undefined;
  /** The `event:` name of an item's message (the Responses API names each event by its `type`). Default: none. */
  eventName?: ((item: Item) => string) | undefined;
  /** End with `data: [DONE]` (chat completions). The Responses API sends no such line. Default true. */
  done?: boolean | undefined;
  /** Sees every item before it is written (e.g. to note `usage`). */
  observe?: ((item: Item) => void) | undefined;
  /** Called once when the stream ends: `error` is the failure sent as an event, or the reason it was cancelled. */
  onEnd?: ((outcome: { error?: unknown; cancelled: boolean }) => void) | undefined;
}

/** The `data:` line of one item. */
export function sseData(item: unknown): string {
  return `data: ${JSON.stringify(item)}\n\n`;
}

/** The error event that ends a stream. */
export function sseError(error: unknown, options: WireErrorOptions): string {
  return `event: error\ndata: ${JSON.stringify(toWireError(error, options).body)}\n\n`;
}

export function createSseStream<Item>(source: AsyncIterable<Item>, options: SseOptions<Item>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const { heartbeatMs, endSignal, abortSignal, observe, eventName } = options;
  const done = options.done ?? true;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const finish = (outcome: { error?: unknown; cancelled: boolean }): boolean => {
    if (closed) return false;
    closed = true;
    clearTimeout(timer);
    endSignal?.removeEventListener('abort', onEndSignal);
    abortSignal?.removeEventListener('abort', onAbort);
    options.onEnd?.(outcome);
    return true;
  };
  let streamController: ReadableStreamDefaultController<Uint8Array> | undefined;
  function onEndSignal(): void {
    const error = endSignal?.reason;
    if (!finish({ error, cancelled: false })) return;
    streamController!.enqueue(encoder.encode(sseError(error, options)));
    streamController!.close();
    void iterator.return?.()?.catch(() => undefined);
  }
  function onAbort(): void {
    if (!finish({ error: abortSignal?.reason, cancelled: true })) return;
    streamController!.error(abortSignal?.reason);
    void iterator.return?.()?.catch(() => undefined);
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        streamController = controller;
        if (abortSignal !== undefined) {
          if (abortSignal.aborted) return onAbort();
          abortSignal.addEventListener('abort', onAbort, { once: true });
        }
        if (endSignal !== undefined) {
          if (endSignal.aborted) return onEndSignal();
          endSignal.addEventListener('abort', onEndSignal, { once: true });
        }
        if (heartbeatMs > 0) {
          timer = setTimeout(function ping() {
            if (closed) return;
            // A reader that is not reading needs no keep-alive from us, and queueing for it would only grow memory.
            if ((controller.desiredSize ?? 0) > 0) controller.enqueue(PING);
            timer?.refresh();
          }, heartbeatMs);
        }
      },
      async pull(controller) {
        let result: IteratorResult<Item>;
        try {
          result = await iterator.next();
        } catch (error) {
          if (finish({ error, cancelled: false })) {
            controller.enqueue(encoder.encode(sseError(error, options)));
            controller.close();
          }
          return;
        }
        if (closed) return;
        if (result.done === true) {
          finish({ cancelled: false });
          if (done) controller.enqueue(DONE);
          controller.close();
          return;
        }
        observe?.(result.value);
        const data = sseData(result.value);
        controller.enqueue(encoder.encode(eventName === undefined ? data : `event: ${eventName(result.value)}\n${data}`));
        timer?.refresh();
      },
      async cancel(reason) {
        if (!finish({ error: reason, cancelled: true })) return;
        await iterator.return?.();
      },
    },
    // One item queued at most: the next is read from Bedrock's stream only once the reader has taken this one.
    { highWaterMark: 1 },
  );
}

/** Response headers of an event stream. */
export function sseHeaders(requestId: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    // nginx and similar proxies buffer responses unless told not to.
    'x-accel-buffering': 'no',
  };
  if (requestId !== null && requestId !== '') headers['x-request-id'] = requestId;
  return headers;
}
