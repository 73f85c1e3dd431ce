/**
 * LangChain and the AI SDK on every Bedrock model through the in-process fetch: `npx tsx examples/langchain.ts`.
 * Both packages' current releases need Node ≥ 22. Against Bedrock when AWS credentials are configured, otherwise
 * the local emulator (see connect.ts).
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { generateObject, generateText } from 'ai';
import { z } from 'zod';
import { createBedrockFetch } from '../src/index.js';
import { connect } from './connect.js';

const { client, close } = await connect();
const baseURL = 'http://bedrock-openai.invalid/v1';
const fetch = createBedrockFetch({ baseURL, client });

try {
  // LangChain: ChatOpenAI and OpenAIEmbeddings with our fetch.
  const chat = new ChatOpenAI({ model: 'claude-haiku-4-5', apiKey: 'unused', configuration: { baseURL, fetch } });
  const reply = await chat.invoke('Say hello from LangChain.');
  console.log(`langchain: ${String(reply.content)}`);
  const Person = z.object({ name: z.string(), age: z.number() });
  console.log(`langchain structured: ${JSON.stringify(await chat.withStructuredOutput(Person).invoke('Ada Lovelace was 36.'))}`);
  const vectors = await new OpenAIEmbeddings({ model: 'titan-embed-text-v2', apiKey: 'unused', configuration: { baseURL, fetch } }).embedDocuments(['a', 'b']);
  console.log(`langchain embeddings: ${vectors.length}`);

  // The AI SDK: the OpenAI-compatible provider. We honour json_schema, so say so (`supportsStructuredOutputs`).
  const bedrock = createOpenAICompatible({ name: 'bedrock', baseURL, fetch, includeUsage: true, supportsStructuredOutputs: true });
  const { text } = await generateText({ model: bedrock('nova-lite'), prompt: 'Say hello from the AI SDK.' });
  console.log(`ai sdk: ${text}`);
  const { object } = await generateObject({ model: bedrock('claude-haiku-4-5'), schema: Person, prompt: 'Ada Lovelace was 36.' });
  console.log(`ai sdk object: ${JSON.stringify(object)}`);
} finally {
  await close();
}
