/**
 * `npm start`: a chat and a streamed chat. Against Bedrock when AWS credentials are configured (model from
 * BEDROCK_OPENAI_MODEL, default `nova-micro`), otherwise against the local emulator (see examples/connect.ts).
 */
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'nova-micro';
const { client, close } = await connect();

try {
  const completion = await client.chat.completions.create({
    model,
    messages: [
      { role: 'system', content: 'You answer in one short sentence.' },
      { role: 'user', content: 'What is Amazon Bedrock?' },
    ],
  });
  console.log(`chat (${completion.model}): ${completion.choices[0]?.message.content}`);
  console.log(`usage: ${completion.usage?.prompt_tokens} prompt + ${completion.usage?.completion_tokens} completion tokens`);

  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Name three rivers of Europe, one per line.' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  process.stdout.write('streamed chat: ');
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta.content;
    if (delta) process.stdout.write(delta);
    if (chunk.choices[0]?.finish_reason) process.stdout.write(`\n[finish_reason: ${chunk.choices[0].finish_reason}]\n`);
    if (chunk.usage) console.log(`[usage: ${chunk.usage.prompt_tokens} prompt + ${chunk.usage.completion_tokens} completion tokens]`);
  }
} finally {
  await close();
}
