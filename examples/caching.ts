/**
 * Prompt caching with `cache_control` and `bedrock.cache: 'auto'`: `npx tsx examples/caching.ts`.
 * Against Bedrock when AWS credentials are configured (model from BEDROCK_OPENAI_MODEL, default
 * `claude-sonnet-4-5`), otherwise against the local emulator.
 *
 * A `cache_control` breakpoint becomes a Bedrock `cachePoint`: the first request writes the prefix to the cache,
 * the next ones read it. Usage follows OpenAI's convention: `prompt_tokens` counts every input token,
 * `prompt_tokens_details.cached_tokens` the cache reads, `prompt_tokens_details.cache_write_tokens` the writes.
 * A prefix shorter than the model's minimum (1,024 tokens for most Claude models) is not cached.
 */
import type { ChatCompletionCreateParamsNonStreaming, CompletionUsage } from '../src/index.js';
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'claude-sonnet-4-5';
const { client, close } = await connect();

// A long, stable system prompt: the part worth caching.
const handbook = Array.from({ length: 120 }, (_, index) => `Rule ${index + 1}: answer support questions politely, cite the handbook section, and never promise refunds.`).join('\n');

function describe(label: string, usage: CompletionUsage | undefined): void {
  const details = usage?.prompt_tokens_details;
  console.log(`${label}: prompt ${usage?.prompt_tokens} (cache read ${details?.cached_tokens}, cache write ${details?.cache_write_tokens}), completion ${usage?.completion_tokens}`);
}

try {
  const params: ChatCompletionCreateParamsNonStreaming = {
    model,
    messages: [
      { role: 'system', content: [{ type: 'text', text: handbook, cache_control: { type: 'ephemeral' } }] },
      { role: 'user', content: 'Can I get a refund for a late delivery?' },
    ],
    max_completion_tokens: 200,
  };
  describe('first request (writes the cache)', (await client.chat.completions.create(params)).usage);
  describe('second request (reads it)', (await client.chat.completions.create(params)).usage);

  // The same in a stream: the last chunk carries the usage.
  const stream = await client.chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } });
  let usage: CompletionUsage | undefined;
  for await (const chunk of stream) usage = chunk.usage ?? usage;
  describe('streamed', usage);

  // Or let the library place the cache points: after the tools, the system prompt and the last user turn.
  const auto = await client.chat.completions.create({
    model,
    messages: [
      { role: 'system', content: handbook },
      { role: 'user', content: 'Where is my parcel?' },
    ],
    max_completion_tokens: 200,
    bedrock: { cache: 'auto' },
  });
  describe("bedrock.cache: 'auto'", auto.usage);
} finally {
  await close();
}
