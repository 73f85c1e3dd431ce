/**
 * An agent loop on the Responses API: the model calls a tool, we run it and answer with `function_call_output`,
 * chaining turns with `previous_response_id` (the client's store keeps the conversation), then the final answer is
 * streamed, then a document uploaded once is read by `file_id` (this needs the S3 folder of `client.files`:
 * `BEDROCK_OPENAI_BATCH_S3_URI` and `BEDROCK_OPENAI_BATCH_ROLE_ARN`, or `batch` in bedrock.json; the emulator has
 * one). `npx tsx examples/responses.ts`
 */
import { ConfigurationError, type FunctionTool, type ResponseFunctionToolCall, type ResponseInputItem } from '../src/index.js';
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'claude-haiku-4-5';
const { client, close } = await connect();

const tools: FunctionTool[] = [
  {
    type: 'function',
    name: 'get_weather',
    description: 'The current weather in a city.',
    parameters: { type: 'object', properties: { city: { type: 'string', description: 'City name' } }, required: ['city'], additionalProperties: false },
    strict: true,
  },
];

function getWeather({ city }: { city?: string }): string {
  return JSON.stringify({ city, temperature_c: 17, sky: 'light rain' });
}

try {
  let input: ResponseInputItem[] = [{ role: 'user', content: 'Use get_weather for Lisbon, then tell me if I need an umbrella.' }];
  let previous: string | undefined;
  for (let turn = 1; turn <= 5; turn++) {
    const response = await client.responses.create({
      model,
      instructions: 'You are a concise assistant.',
      input,
      tools,
      ...(previous === undefined ? {} : { previous_response_id: previous }),
    });
    const calls = response.output.filter((item): item is ResponseFunctionToolCall => item.type === 'function_call');
    if (calls.length === 0) {
      console.log(`answer: ${response.output_text}`);
      console.log(`status: ${response.status}; usage: ${response.usage?.input_tokens} in, ${response.usage?.output_tokens} out`);
      break;
    }
    input = calls.map((call) => {
      const output = call.name === 'get_weather' ? getWeather(JSON.parse(call.arguments) as { city?: string }) : `unknown tool ${call.name}`;
      console.log(`turn ${turn}: ${call.name}(${call.arguments}) → ${output}`);
      return { type: 'function_call_output', call_id: call.call_id, output };
    });
    previous = response.id;
  }

  // The same question streamed: text deltas as they come, then the stored response by its ID.
  const stream = await client.responses.create({ model, input: 'Say hello to Lisbon', stream: true });
  let id = '';
  let deltas = 0;
  for await (const event of stream) {
    if (event.type === 'response.output_text.delta') deltas += 1;
    if (event.type === 'response.completed') id = event.response.id;
  }
  const stored = await client.responses.retrieve(id);
  console.log(`streamed in ${deltas} deltas: ${stored.output_text}`);

  // A document uploaded once (purpose `user_data`) and read by `file_id`, as OpenAI's file inputs are.
  try {
    const report = await client.files.create({ file: new Blob(['%PDF-1.4\n%%EOF\n']), filename: 'report.pdf', purpose: 'user_data' });
    const answer = await client.responses.create({
      model,
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'Summarise the report' }, { type: 'input_file', file_id: report.id }] }],
    });
    console.log(`file ${report.id} (${report.filename}): ${answer.output_text}`);
    await client.files.delete(report.id);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.log(`skipped the file_id step: ${error.message}`);
  }
} finally {
  await close();
}
