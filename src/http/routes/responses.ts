/**
 * The Responses API: `POST /v1/responses` (JSON, or with `stream: true` server-sent events, each
 * `event: <type>` + `data: <event>` as OpenAI sends them), `GET`/`DELETE /v1/responses/{id}`,
 * `POST /v1/responses/{id}/cancel`, `GET /v1/responses/{id}/input_items` and `POST /v1/responses/input_tokens`.
 * Parse, call `client.responses`, serialize: nothing else. `POST /v1/responses/compact` is refused by name.
 */
import type { InputItemListParams, InputTokenCountParams, Response as ResponseObject, ResponseCreateParamsBase, ResponseIncludable, ResponseStreamEvent, ResponseUsage } from '../../responses/types.js';
import { readJsonBody } from '../body.js';
import type { Exchange, RouteModule } from '../context.js';
import { httpError } from '../errors.js';
import { jsonResponse, route } from '../route.js';
import { createRoute } from '../create-route.js';

export const responsesRoutes: RouteModule = (app, context) => {
  const { client } = context;
  route(app, '/responses', {
    POST: createRoute<ResponseObject, ResponseStreamEvent>(context, {
      call: (body, options) => client.responses.create(body as unknown as ResponseCreateParamsBase, options),
      noteResult: (exchange, response) => noteUsage(exchange, response.usage),
      noteEvent: (exchange, event) => {
        if (event.type === 'response.completed' || event.type === 'response.incomplete') noteUsage(exchange, event.response.usage);
      },
      framing: { eventName: (event) => event.type, done: false },
    }),
  });
  route(app, '/responses/input_tokens', {
    POST: async (c) => {
      const exchange = c.get('exchange');
      const body = await readJsonBody(c.req.raw, context.maxBodyBytes);
      if (typeof body['model'] === 'string') exchange.model = body['model'];
      const { data, request_id: requestId } = await client.responses.inputTokens.count(body as unknown as InputTokenCountParams, { signal: exchange.signal }).withResponse();
      exchange.requestId = requestId;
      exchange.promptTokens = data.input_tokens;
      return jsonResponse(data, requestId);
    },
  });
  route(app, '/responses/compact', {
    POST: () => {
      throw httpError(
        400,
        "Compaction (`responses.compact`) is OpenAI's own server-side summary of a conversation into an encrypted item; Bedrock has no equivalent. Shorten the input yourself (or summarise it with a model call), or chain responses with `previous_response_id`.",
        { code: 'unsupported_endpoint' },
      );
    },
  });
  route(app, '/responses/:id/cancel', {
    POST: async (c) => jsonResponse(await client.responses.cancel(c.req.param('id') ?? ''), null),
  });
  route(app, '/responses/:id', {
    GET: async (c) => {
      if (c.req.query('stream') === 'true') {
        throw httpError(400, 'Streaming a stored response again (`stream=true`) is not supported; retrieve it without `stream`.', { code: 'unsupported_parameter', param: 'stream' });
      }
      const response = await client.responses.retrieve((c.req.param('id') ?? ''), { include: c.req.queries('include[]') as ResponseIncludable[] | undefined ?? [] });
      return jsonResponse(response, null);
    },
    DELETE: async (c) => jsonResponse(await client.responses.delete((c.req.param('id') ?? '')), null),
  });
  route(app, '/responses/:id/input_items', {
    GET: async (c) => {
      const query: InputItemListParams = {};
      const after = c.req.query('after');
      if (after !== undefined) query.after = after;
      const limit = c.req.query('limit');
      if (limit !== undefined) query.limit = Number(limit);
      const order = c.req.query('order');
      if (order !== undefined) query.order = order as 'asc' | 'desc';
      return jsonResponse(await client.responses.inputItems.list((c.req.param('id') ?? ''), query), null);
    },
  });
};

function noteUsage(exchange: Exchange, usage: ResponseUsage | undefined): void {
  if (usage === undefined) return;
  exchange.promptTokens = usage.input_tokens;
  exchange.completionTokens = usage.output_tokens;
}
