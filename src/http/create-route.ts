/**
 * The one way a `create` endpoint (chat completions, responses) answers: parse the JSON body, call the client with
 * the exchange's signal, then write the result as JSON or, when the client returned a `Stream`, as server-sent
 * events that note usage and report the end to the access log.
 */
import type { APIPromise } from '../core/api-promise.js';
import { Stream } from '../core/streaming.js';
import { readJsonBody } from './body.js';
import type { Exchange, HandlerContext } from './context.js';
import { jsonResponse, type RouteHandler } from './route.js';
import { requestSignal } from './in-process.js';
import { createSseStream, type SseOptions, sseHeaders } from './sse.js';

export interface CreateRoute<Result, Event> {
  call(body: Record<string, unknown>, options: { signal: AbortSignal }): APIPromise<Result | Stream<Event>>;
  /** Notes a JSON result's usage on the exchange. */
  noteResult(exchange: Exchange, result: Result): void;
  /** Notes what a streamed event tells (usage) on the exchange. */
  noteEvent(exchange: Exchange, event: Event): void;
  /** How events are framed: `event:` names, and whether `data: [DONE]` ends the stream. */
  framing?: Pick<SseOptions<Event>, 'eventName' | 'done'>;
}

export function createRoute<Result, Event>(context: HandlerContext, spec: CreateRoute<Result, Event>): RouteHandler {
  return async (c) => {
    const exchange = c.get('exchange');
    const body = await readJsonBody(c.req.raw, context.maxBodyBytes);
    if (typeof body['model'] === 'string') exchange.model = body['model'];
    const { data, request_id: requestId } = await spec.call(body, { signal: exchange.signal }).withResponse();
    exchange.requestId = requestId;
    if (!(data instanceof Stream)) {
      spec.noteResult(exchange, data as Result);
      return jsonResponse(data, requestId);
    }
    exchange.streaming = true;
    const stream = createSseStream<Event>(data as Stream<Event>, {
      heartbeatMs: context.heartbeatMs,
      retried: context.retried,
      endSignal: exchange.endSignal,
      abortSignal: requestSignal(c.req.raw),
      ...spec.framing,
      observe: (event) => spec.noteEvent(exchange, event),
      onEnd: ({ error, cancelled }) => exchange.end({ error: errorCode(error, cancelled), cancelled }),
    });
    return new Response(stream, { status: 200, headers: sseHeaders(requestId) });
  };
}

/** What the access log says of a stream that did not end normally. */
export function errorCode(error: unknown, cancelled: boolean): string | undefined {
  if (cancelled) return 'client_closed';
  if (error === undefined) return undefined;
  const { code, type, name } = error as { code?: unknown; type?: unknown; name?: unknown };
  return [code, type, name].find((value): value is string => typeof value === 'string' && value !== '') ?? 'error';
}
