/**
 * Bedrock's InvokeModel responses carry `X-Amzn-Bedrock-Input-Token-Count`, `-Output-Token-Count` and
 * `-Invocation-Latency` headers that the AWS SDK does not model, so its output drops them (bedrock-wire.md §1.3).
 * Cohere embedding bodies report no token count at all: the header is the only honest source.
 *
 * {@link addBedrockHeadersMiddleware} puts a small middleware on an SDK client's (or command's) stack that copies
 * those headers from the raw HTTP response onto the command output, under a symbol (not enumerable, so the
 * output's shape and JSON are unchanged); {@link bedrockHeadersOf} reads them back.
 */
import type { MiddlewareStack } from '@smithy/types';

const BEDROCK_HEADERS = Symbol.for('bedrock-openai.bedrockResponseHeaders');

/** The unmodelled Bedrock response headers, parsed. Absent headers are `undefined`. */
export interface BedrockResponseHeaders {
  inputTokenCount: number | undefined;
  outputTokenCount: number | undefined;
  invocationLatencyMs: number | undefined;
}

/** The middleware's name on the stack (adding it twice replaces the first). */
export const BEDROCK_HEADERS_MIDDLEWARE = 'bedrockOpenAIResponseHeaders';

function headerNumber(headers: Record<string, string | undefined>, name: string): number | undefined {
  const raw = headers[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Reads the headers out of a raw smithy `HttpResponse` (header names are lower-case there). */
export function readBedrockHeaders(headers: Record<string, string | undefined>): BedrockResponseHeaders {
  return {
    inputTokenCount: headerNumber(headers, 'x-amzn-bedrock-input-token-count'),
    outputTokenCount: headerNumber(headers, 'x-amzn-bedrock-output-token-count'),
    invocationLatencyMs: headerNumber(headers, 'x-amzn-bedrock-invocation-latency'),
  };
}

/**
 * Adds the header-copying middleware to `stack` (a `BedrockRuntimeClient`'s `middlewareStack`, or one command's).
 * It runs at the `initialize` step, outermost, where the result holds both the raw response and the output.
 */
export function addBedrockHeadersMiddleware(stack: MiddlewareStack<any, any>): void {
  stack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { headers?: Record<string, string | undefined> } | undefined;
      const output = result.output as unknown;
      if (response?.headers !== undefined && typeof output === 'object' && output !== null) {
        Object.defineProperty(output, BEDROCK_HEADERS, { value: readBedrockHeaders(response.headers), enumerable: false, configurable: true });
      }
      return result;
    },
    { step: 'initialize', name: BEDROCK_HEADERS_MIDDLEWARE, override: true },
  );
}

/** The headers the middleware copied onto a command output; `undefined` when it was not installed. */
export function bedrockHeadersOf(output: unknown): BedrockResponseHeaders | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  return (output as { [BEDROCK_HEADERS]?: BedrockResponseHeaders })[BEDROCK_HEADERS];
}
