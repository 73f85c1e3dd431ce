/**
 * A chat completion, as with the `openai` package: `npx tsx examples/chat.ts`.
 * Against Bedrock when AWS credentials are configured (model from BEDROCK_OPENAI_MODEL, default `nova-micro`),
 * otherwise against the local emulator.
 */
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'nova-micro';
const { client, close } = await connect();

try {
  const { data: completion, request_id } = await client.chat.completions
    .create({
      model,
      messages: [
        { role: 'system', content: 'You answer in one short sentence.' },
        { role: 'user', content: 'Why is the sky blue?' },
      ],
      max_completion_tokens: 200,
      temperature: 0.3,
    })
    .withResponse();

  const choice = completion.choices[0]!;
  console.log(choice.message.content);
  console.log(`model: ${completion.model}`);
  console.log(`finish_reason: ${choice.finish_reason} (Bedrock: ${completion.bedrock?.stop_reason})`);
  console.log(`usage: ${completion.usage?.prompt_tokens} in, ${completion.usage?.completion_tokens} out`);
  console.log(`request ID: ${request_id}`);
} finally {
  await close();
}
