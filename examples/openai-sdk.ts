/**
 * The official `openai` package, unchanged, on every Bedrock model, in this process (no server, no port):
 * `npx tsx examples/openai-sdk.ts`. Against Bedrock when AWS credentials are configured, otherwise the local
 * emulator (see connect.ts).
 *
 * `createBedrockFetch()` returns a `fetch` that serves OpenAI's HTTP API from a bedrock-openai `Client`; a URL
 * outside its base URL is refused, never sent to the network. Our client retries; the API tells the SDK not to
 * retry again (`x-should-retry: false`), so attempts never multiply.
 */
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { BEDROCK_FETCH_BASE_URL, createBedrockFetch } from '../src/index.js';
import { connect } from './connect.js';

const { client, close } = await connect();
const openai = new OpenAI({ baseURL: BEDROCK_FETCH_BASE_URL, apiKey: 'unused', fetch: createBedrockFetch({ client }) });

try {
  const completion = await openai.chat.completions.create({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'Say hello.' }] });
  console.log(`create: ${completion.choices[0]?.message.content} (request ${completion._request_id})`);

  const stream = await openai.chat.completions.create({
    model: 'nova-lite',
    messages: [{ role: 'user', content: 'Count to five.' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let streamed = '';
  for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
  console.log(`stream: ${streamed}`);

  const City = z.object({ city: z.string(), country: z.string() });
  const parsed = await openai.chat.completions.parse({
    model: 'claude-haiku-4-5',
    messages: [{ role: 'user', content: 'Where is the Eiffel Tower?' }],
    response_format: zodResponseFormat(City, 'city'),
  });
  console.log(`parse: ${JSON.stringify(parsed.choices[0]?.message.parsed)}`);

  const embeddings = await openai.embeddings.create({ model: 'titan-embed-text-v2', input: ['hello', 'world'] });
  console.log(`embeddings: ${embeddings.data.length} vectors of ${embeddings.data[0]?.embedding.length}`);

  try {
    await openai.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'x' }], temperature: 7 });
  } catch (error) {
    if (error instanceof OpenAI.BadRequestError) console.log(`error: ${error.status} ${error.param}`); // openai's own class
    else throw error;
  }
} finally {
  await close();
}
