/**
 * `GET /v1/models` and `GET /v1/models/{id}`. IDs hold `/`, `.` and `:` (`us.anthropic.claude-…-v1:0`, ARNs), so
 * `{id}` is the whole rest of the path, decoded (an ARN arrives URL-encoded).
 */
import type { RouteModule } from '../context.js';
import { jsonResponse, route } from '../route.js';

export const modelsRoutes: RouteModule = (app, context) => {
  route(app, '/models', {
    GET: async (c) => {
      const page = await context.client.models.list({ signal: c.get('exchange').signal });
      return jsonResponse({ object: page.object, data: page.data }, null);
    },
  });
  route(app, '/models/:id{.+}', {
    GET: async (c) => {
      const id = c.req.param('id') ?? '';
      c.get('exchange').model = id;
      return jsonResponse(await context.client.models.retrieve(id, { signal: c.get('exchange').signal }), null);
    },
  });
};
