/**
 * `createBedrockFetch()`: a `fetch` function that serves OpenAI's API over Bedrock in this process, for the
 * `openai` package, LangChain, the AI SDK or any code that takes a `fetch` and a base URL. No server, no port: a
 * request under the base URL goes to the handler; any other URL is refused with a `TypeError` (as `fetch` reports
 * network failures), never sent to the network.
 *
 * ```ts
 * const openai = new OpenAI({ baseURL: BEDROCK_FETCH_BASE_URL, apiKey: 'unused', fetch: createBedrockFetch() });
 * ```
 */
import { createOpenAIHandler, type OpenAIHandler, type OpenAIHandlerOptions } from './handler.js';
import { toHandlerRequest } from './in-process.js';

/** The default base URL: `.invalid` is a reserved name that never resolves, so nothing can leak to a real host. */
export const BEDROCK_FETCH_BASE_URL = 'http://bedrock-openai.invalid/v1';

export interface BedrockFetchOptions extends Omit<OpenAIHandlerOptions, 'basePath'> {
  /** The base URL the caller is configured with; its path is where the API is served. Default {@link BEDROCK_FETCH_BASE_URL}. */
  baseURL?: string | undefined;
}

/** A `fetch`-compatible function, with the base URL it serves and the client it calls. */
export type BedrockFetch = ((input: string | URL | Request, init?: RequestInit) => Promise<Response>) & {
  readonly baseURL: string;
  readonly client: OpenAIHandler['client'];
};

export function createBedrockFetch(options: BedrockFetchOptions = {}): BedrockFetch {
  const { baseURL = BEDROCK_FETCH_BASE_URL, ...handlerOptions } = options;
  let base: URL;
  try {
    base = new URL(baseURL);
  } catch {
    throw new TypeError(`createBedrockFetch: baseURL must be an absolute URL; got ${JSON.stringify(baseURL)}.`);
  }
  if (base.search !== '' || base.hash !== '') throw new TypeError('createBedrockFetch: baseURL must not have a query string or a fragment.');
  const basePath = base.pathname.replace(/\/+$/, '');
  const handler = createOpenAIHandler({ ...handlerOptions, basePath });
  const origin = base.origin;

  const bedrockFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = toHandlerRequest(input, init);
    const url = new URL(request.url);
    const inside = url.origin === origin && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`));
    if (!inside) {
      throw new TypeError(
        `bedrock-openai fetch: ${url.origin}${url.pathname} is outside its base URL ${origin}${basePath}; the request was refused, not sent to the network.`,
      );
    }
    return handler(request);
  };
  return Object.assign(bedrockFetch, { baseURL: `${origin}${basePath}`, client: handler.client });
}
