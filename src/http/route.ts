/**
 * Helpers for route modules: {@link route} registers a path's methods and answers every other method with an
 * OpenAI-shaped 405 (with `Allow`); {@link jsonResponse} writes a result with Bedrock's request ID.
 */
import type { Context } from 'hono';
import type { Exchange, OpenAIApp } from './context.js';
import { httpError } from './errors.js';
import { TextResponse } from './text-response.js';

type Method = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
export type RouteHandler = (c: Context<{ Variables: { exchange: Exchange } }>) => Promise<Response> | Response;

export function route(app: OpenAIApp, path: string, methods: Partial<Record<Method, RouteHandler>>): void {
  const allowed = Object.keys(methods) as Method[];
  for (const method of allowed) app.on(method, path, methods[method]!);
  const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  app.all(path, (c) => {
    throw Object.assign(httpError(405, `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(' or ')}.`, { code: 'method_not_allowed' }), {
      allow: allow.join(', '),
    });
  });
}

/** A JSON response carrying Bedrock's request ID as `x-request-id`. */
export function jsonResponse(data: unknown, requestId: string | null): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (requestId !== null && requestId !== '') headers['x-request-id'] = requestId;
  return new TextResponse(JSON.stringify(data), { status: 200, headers });
}
