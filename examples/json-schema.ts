/**
 * Structured output with `response_format`: `npx tsx examples/json-schema.ts`.
 * Against Bedrock when AWS credentials are configured (model from BEDROCK_OPENAI_MODEL, default
 * `claude-sonnet-4-5`), otherwise against the local emulator (whose JSON is generated from the schema).
 *
 * Models with native structured output (Claude 4.5+, gpt-oss, …) get Converse `outputConfig.textFormat`; other
 * tool-capable models (Claude 3.x, Nova, …) get a forced tool whose input comes back as `message.content`. Both
 * stream as content deltas, and the answer is checked to be JSON.
 */
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'claude-sonnet-4-5';
const { client, close } = await connect();

const cityFacts = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    country: { type: 'string' },
    population: { type: 'integer', minimum: 0 },
    landmarks: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 },
  },
  required: ['city', 'country', 'population', 'landmarks'],
  additionalProperties: false,
} as const;

try {
  const completion = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Give me the key facts about Lisbon.' }],
    response_format: { type: 'json_schema', json_schema: { name: 'city_facts', schema: cityFacts, strict: true } },
    max_completion_tokens: 500,
  });
  const facts = JSON.parse(completion.choices[0]!.message.content!) as { city: string; population: number; landmarks: string[] };
  console.log('parsed:', facts);
  console.log(`finish_reason: ${completion.choices[0]!.finish_reason} (Bedrock: ${completion.bedrock?.stop_reason})`);

  // The same request streamed: the JSON arrives in content deltas.
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Give me the key facts about Porto.' }],
    response_format: { type: 'json_schema', json_schema: { name: 'city_facts', schema: cityFacts } },
    max_completion_tokens: 500,
    stream: true,
  });
  let json = '';
  let deltas = 0;
  for await (const chunk of stream) {
    const content = chunk.choices[0]?.delta.content;
    if (content) {
      json += content;
      deltas += 1;
    }
  }
  console.log(`streamed in ${deltas} deltas:`, JSON.parse(json));

  // `json_object`: any JSON object, checked to parse (a non-JSON answer is an UnprocessableEntityError).
  const object = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Describe Lisbon as a JSON object.' }],
    response_format: { type: 'json_object' },
    max_completion_tokens: 300,
  });
  console.log('json_object:', object.choices[0]!.message.content);
} finally {
  await close();
}
