/** `POST /v1/chat/completions`: JSON, or with `stream: true` server-sent events ending with `data: [DONE]`. */
import type { ChatCompletionChunk, ChatCompletionCreateParamsBase, CompletionUsage } from '../../chat/types.js';
import { Stream } from '../../core/streaming.js';
import { readJsonBody } from '../body.js';
import type { Exchange, RouteModule } from '../context.js';
import { jsonResponse, route } from '../route.js';
import { createSseStream, sseHeaders } from '../sse.js';

export const chatRoutes: RouteModule = (app, context) => {
  route(app, '/chat/completions', {
    POST: async (c) => {
      const exchange = c.get('exchange');
      const body = await readJsonBody(c.req.raw, context.maxBodyBytes);
      if (typeof body['model'] === 'string') exchange.model = body['model'];
      const { data, request_id: requestId } = await context.client.chat.completions
        .create(body as unknown as ChatCompletionCreateParamsBase, { signal: exchange.signal })
        .withResponse();
      exchange.requestId = requestId;
      if (!(data instanceof Stream)) {
        noteUsage(exchange, data.usage);
        return jsonResponse(data, requestId);
      }
      exchange.streaming = true;
      const stream = createSseStream<ChatCompletionChunk>(data, {
        heartbeatMs: context.heartbeatMs,
        retried: context.retried,
        endSignal: exchange.endSignal,
        abortSignal: c.req.raw.signal,
        observe: (chunk) => {
          if (chunk.usage != null) noteUsage(exchange, chunk.usage);
        },
        onEnd: ({ error, cancelled }) => exchange.end({ error: errorCode(error, cancelled), cancelled }),
      });
      return new Response(stream, { status: 200, headers: sseHeaders(requestId) });
    },
  });
};

function noteUsage(exchange: Exchange, usage: CompletionUsage | null | undefined): void {
  if (usage == null) return;
  exchange.promptTokens = usage.prompt_tokens;
  exchange.completionTokens = usage.completion_tokens;
}

/** What the access log says of a stream that did not end with `[DONE]`. */
export function errorCode(error: unknown, cancelled: boolean): string | undefined {
  if (cancelled) return 'client_closed';
  if (error === undefined) return undefined;
  const { code, type, name } = error as { code?: unknown; type?: unknown; name?: unknown };
  return [code, type, name].find((value): value is string => typeof value === 'string' && value !== '') ?? 'error';
}
