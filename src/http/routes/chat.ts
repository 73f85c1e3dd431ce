/** `POST /v1/chat/completions`: JSON, or with `stream: true` server-sent events ending with `data: [DONE]`. */
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParamsBase, CompletionUsage } from '../../chat/types.js';
import type { Exchange, RouteModule } from '../context.js';
import { createRoute } from '../create-route.js';
import { route } from '../route.js';

export const chatRoutes: RouteModule = (app, context) => {
  route(app, '/chat/completions', {
    POST: createRoute<ChatCompletion, ChatCompletionChunk>(context, {
      call: (body, options) => context.client.chat.completions.create(body as unknown as ChatCompletionCreateParamsBase, options),
      noteResult: (exchange, completion) => noteUsage(exchange, completion.usage),
      noteEvent: (exchange, chunk) => {
        if (chunk.usage != null) noteUsage(exchange, chunk.usage);
      },
    }),
  });
};

function noteUsage(exchange: Exchange, usage: CompletionUsage | null | undefined): void {
  if (usage == null) return;
  exchange.promptTokens = usage.prompt_tokens;
  exchange.completionTokens = usage.completion_tokens;
}
