/**
 * A streamed chat completion: `npx tsx examples/stream.ts`. The deltas print as they arrive; with
 * `stream_options.include_usage` the last chunk carries the token usage.
 */
import { Client } from '../src/index.js';
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'nova-micro';
const { client, close } = await connect();

try {
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Write a haiku about rivers, then explain it in two sentences.' }],
    stream: true,
    stream_options: { include_usage: true },
  });

  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (choice?.delta.content) process.stdout.write(choice.delta.content);
    if (choice?.finish_reason) process.stdout.write(`\n[finish_reason: ${choice.finish_reason}]\n`);
    if (chunk.usage) console.log(`[usage: ${chunk.usage.prompt_tokens} in, ${chunk.usage.completion_tokens} out]`);
  }

  // `break` (or stream.controller.abort()) cancels the HTTP request: read only the first few chunks.
  const short = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Count from one to fifty in words.' }], stream: true });
  let received = 0;
  for await (const chunk of short) {
    if (chunk.choices[0]?.delta.content) received += 1;
    if (received === 3) break;
  }
  console.log(`stopped after ${received} content chunks; request cancelled: ${short.controller.signal.aborted}`);

  // An AbortSignal cancels too; the error classes are statics of Client, as on openai's OpenAI.
  const controller = new AbortController();
  try {
    const aborted = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Count to a thousand.' }], stream: true }, { signal: controller.signal });
    for await (const _chunk of aborted) controller.abort();
  } catch (error) {
    if (!(error instanceof Client.APIUserAbortError)) throw error;
    console.log(`aborted by the signal: ${error.name}`);
  }

  // models.list() is iterable without awaiting, as openai's PagePromise.
  let claude = 0;
  for await (const listed of client.models.list()) if (listed.provider === 'Anthropic') claude += 1;
  console.log(`the catalog lists ${claude} Claude models`);
} finally {
  await close();
}
