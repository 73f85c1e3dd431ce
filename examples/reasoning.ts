/**
 * Reasoning with `reasoning_effort`, and a tool loop that replays the signed reasoning: `npx tsx examples/reasoning.ts`.
 * Against Bedrock when AWS credentials are configured (model from BEDROCK_OPENAI_MODEL, default
 * `claude-sonnet-4-5`), otherwise against the local emulator.
 *
 * `reasoning_effort` becomes Claude's thinking budget (low 1,024, medium 4,096, high 16,384 tokens; `max_tokens`
 * defaults to the budget + 4,096), Nova 2's `reasoningConfig`, or gpt-oss's `reasoning_effort`. The reasoning comes
 * back as `message.reasoning_content` and `message.reasoning_details`; pushing the message back into `messages`
 * replays the signed blocks, which Claude requires in a tool loop.
 */
import type { ChatCompletionMessageParam, ChatCompletionTool } from '../src/index.js';
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'claude-sonnet-4-5';
const { client, close } = await connect();

const getWeather: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

try {
  const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Should I take an umbrella in Lisbon today? Use get_weather.' }];
  const first = await client.chat.completions.create({ model, messages, tools: [getWeather], reasoning_effort: 'low' });
  const message = first.choices[0]!.message;
  console.log('reasoning:', message.reasoning_content);
  console.log('reasoning blocks:', message.reasoning_details?.map((block) => (block.type === 'reasoning.text' ? `text (${block.signature ? 'signed' : 'unsigned'})` : 'redacted')));

  // The whole message goes back, reasoning_details included: its signed blocks are replayed to Bedrock.
  messages.push(message);
  for (const call of message.tool_calls ?? []) {
    if (call.type !== 'function') continue;
    console.log(`tool call: ${call.function.name}(${call.function.arguments})`);
    messages.push({ role: 'tool', tool_call_id: call.id, content: '17°C, light rain' });
  }
  const second = await client.chat.completions.create({ model, messages, tools: [getWeather], reasoning_effort: 'low' });
  console.log('answer:', second.choices[0]!.message.content);

  // Streamed: reasoning text arrives as `reasoning_content` deltas, each finished block once in `reasoning_details`.
  const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Is 1,001 prime?' }], reasoning_effort: 'low', stream: true });
  let reasoning = '';
  let answer = '';
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta;
    reasoning += delta?.reasoning_content ?? '';
    answer += delta?.content ?? '';
  }
  console.log(`streamed reasoning (${reasoning.length} characters), then: ${answer}`);
} finally {
  await close();
}
