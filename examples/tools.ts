/**
 * A full tool loop: the model asks for tools, we run them and send the results back, until it answers.
 * `npx tsx examples/tools.ts`
 */
import type { ChatCompletionMessageParam, ChatCompletionTool } from '../src/index.js';
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'nova-micro';
const { client, close } = await connect();

const tools: ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'The current weather in a city.',
      parameters: { type: 'object', properties: { city: { type: 'string', description: 'City name' } }, required: ['city'] },
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_time',
      description: 'The current time in a city.',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];

/** Our "tools": plain functions keyed by name. */
const implementations: Record<string, (args: { city?: string }) => string> = {
  get_weather: ({ city }) => JSON.stringify({ city, temperature_c: 21, sky: 'clear' }),
  get_time: ({ city }) => JSON.stringify({ city, time: new Date().toISOString().slice(11, 16) }),
};

const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Use get_weather and get_time for Lisbon, then tell me if it is a good time for a walk.' }];

try {
  for (let turn = 1; turn <= 5; turn++) {
    const completion = await client.chat.completions.create({ model, messages, tools });
    const { message, finish_reason } = completion.choices[0]!;
    messages.push(message);
    if (finish_reason !== 'tool_calls') {
      console.log(`answer: ${message.content}`);
      break;
    }
    for (const call of message.tool_calls ?? []) {
      if (call.type !== 'function') continue;
      const args = JSON.parse(call.function.arguments) as { city?: string };
      const result = implementations[call.function.name]?.(args) ?? `unknown tool ${call.function.name}`;
      console.log(`turn ${turn}: ${call.function.name}(${call.function.arguments}) → ${result}`);
      messages.push({ role: 'tool', tool_call_id: call.id, content: result });
    }
  }
} finally {
  await close();
}
