/**
 * Per-call extra HTTP headers (`RequestOptions.headers`) for SDK clients that cache their middleware.
 *
 * With `cacheMiddleware: true` the SDK resolves a command class's middleware once, so a middleware added to one
 * command would be used for every later command of its class (or never). As with the call signal
 * (src/core/call-signal.ts), the headers travel with the command input under a symbol instead (the SDK serializes
 * only modelled members, so it never reaches the wire), and one middleware per SDK client, at the `build` step
 * (before signing), copies them onto the HTTP request: they are signed like every other header.
 */
import type { MiddlewareStack } from '@smithy/types';

const REQUEST_HEADERS = Symbol('bedrock-openai.requestHeaders');

/** The middleware's name on the stack. */
export const REQUEST_HEADERS_MIDDLEWARE = 'bedrockOpenAIRequestHeaders';

/** A copy of `input` carrying `headers` for {@link addRequestHeadersMiddleware}. */
export function withRequestHeaders<Input extends object>(input: Input, headers: Readonly<Record<string, string>>): Input {
  return { ...input, [REQUEST_HEADERS]: headers };
}

/** The headers {@link withRequestHeaders} attached to `input`, if any. */
export function requestHeadersOf(input: unknown): Readonly<Record<string, string>> | undefined {
  return typeof input === 'object' && input !== null ? (input as { [REQUEST_HEADERS]?: Readonly<Record<string, string>> })[REQUEST_HEADERS] : undefined;
}

/** Adds the middleware that sets each input's extra headers on its HTTP request (before signing). */
export function addRequestHeadersMiddleware(stack: MiddlewareStack<any, any>): void {
  stack.add(
    (next) => (args) => {
      const headers = requestHeadersOf(args.input);
      const request = args.request as { headers?: Record<string, string> } | undefined;
      if (headers !== undefined && request?.headers !== undefined) {
        for (const [name, value] of Object.entries(headers)) request.headers[name] = value;
      }
      return next(args);
    },
    { step: 'build', priority: 'low', name: REQUEST_HEADERS_MIDDLEWARE, override: true },
  );
}
