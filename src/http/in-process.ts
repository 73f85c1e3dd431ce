/**
 * A request from this process (`createBedrockFetch()`, fetch.ts) reaches the handler as a `Request` without its body
 * and without a signal of its own: the body text and the caller's signal travel beside it, here. On Node 20 a
 * `Request` built with a string body and a signal costs ~36 µs (a body stream, and a signal that follows the
 * caller's), against ~7 µs without them; reading the body back costs ~6 µs more. Only JSON bodies given as strings
 * take this way (what the `openai` package, LangChain and the AI SDK send); any other request is built as `fetch`
 * builds it.
 */

interface InProcessParts {
  /** The request's body, as the caller gave it. */
  readonly body: string;
  /** The caller's signal (`init.signal`), if any. */
  readonly signal: AbortSignal | undefined;
}

const parts = new WeakMap<Request, InProcessParts>();

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The `Request` the handler is given for `fetch(input, init)`. Throws as `new Request(input, init)` would for a bad
 * URL, method or header.
 */
export function toHandlerRequest(input: string | URL | Request, init: RequestInit | undefined): Request {
  if (input instanceof Request) return init === undefined ? input : new Request(input, init);
  const body = init?.body;
  const method = init?.method?.toUpperCase();
  if (typeof body !== 'string' || method === undefined || method === 'GET' || method === 'HEAD') return new Request(input, init);
  const { body: _body, signal, ...rest } = init as RequestInit;
  const request = new Request(input, rest);
  if (!JSON_CONTENT_TYPE.test(request.headers.get('content-type') ?? '')) return new Request(input, init);
  parts.set(request, { body, signal: signal ?? undefined });
  return request;
}

/** The signal that ends the caller's interest in `request`: the caller's own for an in-process request. */
export function requestSignal(request: Request): AbortSignal {
  return parts.get(request)?.signal ?? request.signal;
}

/** The body text of an in-process request, or `undefined` when its body is to be read from `request.body`. */
export function inProcessBody(request: Request): string | undefined {
  return parts.get(request)?.body;
}
