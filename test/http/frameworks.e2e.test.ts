/**
 * LangChain (`@langchain/openai`) and the AI SDK (`ai` + `@ai-sdk/openai-compatible`), unchanged, reaching Bedrock
 * (the emulator) through the in-process fetch. Their current releases need Node ≥ 22: on Node 20 these tests skip
 * (CI's second leg runs them on Node 24). The packages are imported inside the tests so that Node 20 never loads them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { createBedrockFetch, type BedrockFetch } from '../../src/http/fetch.js';
import { emulatorClientOptions } from './helpers.js';

const major = Number(process.versions.node.split('.')[0]);
const NEEDS_22 = major < 22;
const BASE = 'http://bedrock.test/v1';

let emulator: EmulatorHandle;
let bedrockFetch: BedrockFetch;

beforeAll(async () => {
  emulator = await startEmulator();
  bedrockFetch = createBedrockFetch({ baseURL: BASE, client: emulatorClientOptions(emulator) });
});
afterAll(async () => {
  bedrockFetch.client.close();
  await emulator.close();
});
beforeEach(() => emulator.reset());

describe('LangChain @langchain/openai (needs Node ≥ 22: skipped on Node 20)', () => {
  const chat = async (model = 'nova-lite') => {
    const { ChatOpenAI } = await import('@langchain/openai');
    return new ChatOpenAI({ model, apiKey: 'unused', configuration: { baseURL: BASE, fetch: bedrockFetch } });
  };

  it.skipIf(NEEDS_22)('ChatOpenAI.invoke', async () => {
    const reply = await (await chat()).invoke('hello langchain');
    expect(reply.content).toBe('You said: hello langchain');
    expect((reply.usage_metadata as { total_tokens?: number } | undefined)?.total_tokens).toBeGreaterThan(0);
  });

  it.skipIf(NEEDS_22)('ChatOpenAI.stream', async () => {
    let text = '';
    for await (const chunk of await (await chat()).stream('stream langchain')) text += typeof chunk.content === 'string' ? chunk.content : '';
    expect(text).toBe('You said: stream langchain');
  });

  it.skipIf(NEEDS_22)('ChatOpenAI.bindTools: a tool call comes back', async () => {
    const { tool } = await import('@langchain/core/tools');
    const weather = tool(async ({ city }: { city: string }) => `sunny in ${city}`, {
      name: 'get_weather',
      description: 'Weather for a city.',
      schema: z.object({ city: z.string() }),
    });
    const reply = await (await chat()).bindTools([weather]).invoke('call get_weather for Paris');
    expect(reply.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: expect.any(String) } });
  });

  it.skipIf(NEEDS_22)('ChatOpenAI.withStructuredOutput', async () => {
    const Person = z.object({ name: z.string(), age: z.number() });
    const person = await (await chat('claude-haiku-4-5')).withStructuredOutput(Person).invoke('Ada is 36.');
    expect(Person.parse(person)).toEqual(person);
  });

  it.skipIf(NEEDS_22)('OpenAIEmbeddings: embedQuery and embedDocuments', async () => {
    const { OpenAIEmbeddings } = await import('@langchain/openai');
    const embeddings = new OpenAIEmbeddings({ model: 'titan-embed-text-v2', apiKey: 'unused', configuration: { baseURL: BASE, fetch: bedrockFetch } });
    const query = await embeddings.embedQuery('hello world');
    const documents = await embeddings.embedDocuments(['hello world', 'something else']);
    expect(query).toHaveLength(1024);
    expect(documents).toHaveLength(2);
    expect(documents[0]!.map((value) => Math.fround(value))).toEqual(query.map((value) => Math.fround(value)));
  });
});

describe('AI SDK ai + @ai-sdk/openai-compatible (needs Node ≥ 22: skipped on Node 20)', () => {
  // `supportsStructuredOutputs`: our API honours `response_format: json_schema`, so generateObject sends the schema.
  const provider = async () => {
    const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
    return createOpenAICompatible({ name: 'bedrock', baseURL: BASE, fetch: bedrockFetch, includeUsage: true, supportsStructuredOutputs: true });
  };

  it.skipIf(NEEDS_22)('generateText', async () => {
    const { generateText } = await import('ai');
    const result = await generateText({ model: (await provider())('nova-lite'), prompt: 'hello ai sdk' });
    expect(result.text).toBe('You said: hello ai sdk');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
  });

  it.skipIf(NEEDS_22)('streamText', async () => {
    const { streamText } = await import('ai');
    const result = streamText({ model: (await provider())('nova-lite'), prompt: 'stream ai sdk' });
    let text = '';
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe('You said: stream ai sdk');
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
  });

  it.skipIf(NEEDS_22)('a tool call, executed and answered', async () => {
    const { generateText, tool, stepCountIs } = await import('ai');
    const calls: unknown[] = [];
    const result = await generateText({
      model: (await provider())('nova-lite'),
      prompt: 'use lookup please',
      tools: {
        lookup: tool({
          description: 'Looks something up.',
          inputSchema: z.object({ query: z.string() }),
          execute: async (input) => {
            calls.push(input);
            return 'forty-two';
          },
        }),
      },
      stopWhen: stepCountIs(3),
    });
    expect(calls).toHaveLength(1);
    expect(result.text).toContain('Tool lookup returned');
  });

  it.skipIf(NEEDS_22)('generateObject', async () => {
    const { generateObject } = await import('ai');
    const Person = z.object({ name: z.string(), age: z.number() });
    const result = await generateObject({ model: (await provider())('claude-haiku-4-5'), schema: Person, prompt: 'Ada is 36.' });
    expect(Person.parse(result.object)).toEqual(result.object);
  });

  it.skipIf(NEEDS_22)('embedMany', async () => {
    const { embedMany } = await import('ai');
    const result = await embedMany({ model: (await provider()).embeddingModel('titan-embed-text-v2'), values: ['hello world', 'second'] });
    expect(result.embeddings).toHaveLength(2);
    expect(result.embeddings[0]).toHaveLength(1024);
  });
});
