/** `POST /v1/embeddings`: `encoding_format` `float` or `base64` (the `openai` SDK asks for base64 by default). */
import type { EmbeddingCreateParams } from '../../embeddings/types.js';
import { readJsonBody } from '../body.js';
import type { RouteModule } from '../context.js';
import { jsonResponse, route } from '../route.js';

export const embeddingsRoutes: RouteModule = (app, context) => {
  route(app, '/embeddings', {
    POST: async (c) => {
      const exchange = c.get('exchange');
      const body = await readJsonBody(c.req.raw, context.maxBodyBytes);
      if (typeof body['model'] === 'string') exchange.model = body['model'];
      const { data, request_id: requestId } = await context.client.embeddings
        .create(body as unknown as EmbeddingCreateParams, { signal: exchange.signal })
        .withResponse();
      exchange.requestId = requestId;
      exchange.promptTokens = data.usage.prompt_tokens;
      return jsonResponse(data, requestId);
    },
  });
};
