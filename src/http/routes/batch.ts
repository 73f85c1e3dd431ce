/**
 * `/v1/files` and `/v1/batches`: OpenAI's Files and Batches API over `client.files` and `client.batches`. Parse,
 * call, serialize; the upload is read from the multipart form `openai` sends (`file`, `purpose`).
 */
import type { RouteModule } from '../context.js';
import { readJsonBody } from '../body.js';
import { httpError } from '../errors.js';
import { jsonResponse, route } from '../route.js';

function numberParam(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

export const batchRoutes: RouteModule = (app, context) => {
  const { client } = context;
  route(app, '/files', {
    POST: async (c) => {
      const form = await c.req.raw.formData().catch(() => {
        throw httpError(400, 'Expected a multipart/form-data body with `file` and `purpose`.', { code: 'invalid_request' });
      });
      const file = form.get('file');
      if (file === null || typeof file === 'string') throw httpError(400, 'The form has no `file` part.', { code: 'invalid_request', param: 'file' });
      const purpose = form.get('purpose');
      const created = await client.files.create({ file, purpose: purpose as 'batch', filename: file.name }, { signal: c.get('exchange').signal });
      return jsonResponse(created, null);
    },
    GET: async (c) => {
      const purpose = c.req.query('purpose') as 'batch' | 'batch_output' | undefined;
      const limit = numberParam(c.req.query('limit'));
      const after = c.req.query('after');
      const page = await client.files.list(
        { ...(purpose === undefined ? {} : { purpose }), ...(limit === undefined ? {} : { limit }), ...(after === undefined ? {} : { after }) },
        { signal: c.get('exchange').signal },
      );
      return jsonResponse(page, null);
    },
  });
  route(app, '/files/:id/content', {
    GET: async (c) => {
      const content = await client.files.content(c.req.param('id') ?? '', { signal: c.get('exchange').signal });
      return new Response(content.body, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
    },
  });
  route(app, '/files/:id', {
    GET: async (c) => jsonResponse(await client.files.retrieve(c.req.param('id') ?? '', { signal: c.get('exchange').signal }), null),
    DELETE: async (c) => jsonResponse(await client.files.delete(c.req.param('id') ?? '', { signal: c.get('exchange').signal }), null),
  });
  route(app, '/batches', {
    POST: async (c) => {
      const body = await readJsonBody(c.req.raw, context.maxBodyBytes);
      return jsonResponse(await client.batches.create(body as never, { signal: c.get('exchange').signal }), null);
    },
    GET: async (c) => {
      const limit = numberParam(c.req.query('limit'));
      const after = c.req.query('after');
      const page = await client.batches.list({ ...(limit === undefined ? {} : { limit }), ...(after === undefined ? {} : { after }) }, { signal: c.get('exchange').signal });
      return jsonResponse(page, null);
    },
  });
  route(app, '/batches/:id/cancel', {
    POST: async (c) => jsonResponse(await client.batches.cancel(c.req.param('id') ?? '', { signal: c.get('exchange').signal }), null),
  });
  route(app, '/batches/:id', {
    GET: async (c) => jsonResponse(await client.batches.retrieve(c.req.param('id') ?? '', { signal: c.get('exchange').signal }), null),
  });
};
