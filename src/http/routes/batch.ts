/**
 * `/v1/files` and `/v1/batches`: OpenAI's Files and Batches API over `client.files` and `client.batches`. Parse,
 * call, serialize; the upload is read from the multipart form `openai` sends (`file`, `purpose`).
 */
import type { RouteModule } from '../context.js';
import { readFormBody, readJsonBody } from '../body.js';
import { httpError } from '../errors.js';
import { jsonResponse, route } from '../route.js';

function numberParam(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/**
 * The form fields of an upload other than `file`, as `files.create` params: `purpose`, and nested objects as the
 * `openai` package writes them (`expires_after[anchor]`, `expires_after[seconds]`). Any other field is passed on by
 * name, so `files.create` refuses it as an unknown parameter.
 */
function fileCreateParams(form: FormData): { purpose: 'batch'; [key: string]: unknown } {
  const params: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name === 'file') continue;
    const nested = /^(\w+)\[(\w+)\]$/.exec(name);
    if (nested === null) {
      params[name] = value;
      continue;
    }
    const [, outer = '', inner = ''] = nested;
    const object = (params[outer] ??= {}) as Record<string, unknown>;
    object[inner] = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  }
  return params as { purpose: 'batch' };
}

export const batchRoutes: RouteModule = (app, context) => {
  const { client } = context;
  route(app, '/files', {
    POST: async (c) => {
      const form = await readFormBody(c.req.raw, context.maxBodyBytes);
      const file = form.get('file');
      if (file === null || typeof file === 'string') throw httpError(400, 'The form has no `file` part.', { code: 'invalid_request', param: 'file' });
      const params = fileCreateParams(form);
      const created = await client.files.create({ ...params, file, filename: file.name }, { signal: c.get('exchange').signal });
      return jsonResponse(created, null);
    },
    GET: async (c) => {
      const purpose = c.req.query('purpose');
      const limit = numberParam(c.req.query('limit'));
      const after = c.req.query('after');
      const order = c.req.query('order') as 'asc' | 'desc' | undefined;
      const page = await client.files.list(
        { ...(purpose === undefined ? {} : { purpose }), ...(limit === undefined ? {} : { limit }), ...(after === undefined ? {} : { after }), ...(order === undefined ? {} : { order }) },
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
