/**
 * Code written for OpenAI's legacy function calling (`functions` / `function_call`, the form before `tools`) runs
 * unchanged: the answer comes back as `message.function_call` with `finish_reason: 'function_call'`, and the
 * `function` message with the result goes back in the history.
 * `npx tsx examples/legacy-functions.ts`
 */
import type { ChatCompletionMessageParam } from '../src/index.js';
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'nova-micro';
const { client, close } = await connect();

const functions = [
  {
    name: 'get_weather',
    description: 'The current weather in a city.',
    parameters: { type: 'object', properties: { city: { type: 'string', description: 'City name' } }, required: ['city'] },
  },
];
const getWeather = ({ city }: { city?: string }): string => JSON.stringify({ city, temperature_c: 21, sky: 'clear' });

const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Lisbon' }];

try {
  const first = await client.chat.completions.create({ model, messages, functions, function_call: { name: 'get_weather' } });
  const { message, finish_reason } = first.choices[0]!;
  console.log(`finish_reason: ${finish_reason}`);
  console.log(`function_call: ${message.function_call?.name}(${message.function_call?.arguments})`);
  messages.push(message);
  if (message.function_call) {
    const result = getWeather(JSON.parse(message.function_call.arguments) as { city?: string });
    messages.push({ role: 'function', name: message.function_call.name, content: result });
  }

  // Streamed, the call arrives as `delta.function_call` fragments.
  let streamedArguments = '';
  for await (const chunk of await client.chat.completions.create({ model, messages: messages.slice(0, 1), functions, function_call: { name: 'get_weather' }, stream: true })) {
    streamedArguments += chunk.choices[0]?.delta.function_call?.arguments ?? '';
  }
  console.log(`streamed arguments: ${streamedArguments}`);

  const answer = await client.chat.completions.create({ model, messages, functions });
  console.log(`answer: ${answer.choices[0]!.message.content}`);
} finally {
  await close();
}
