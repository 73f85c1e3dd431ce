/**
 * Frameworks whose default is the Responses API, pointed at our in-process `fetch`, against the emulator: the
 * OpenAI Agents SDK (`@openai/agents`: an agent with a function tool, a handoff between two agents, streamed
 * output) and the AI SDK's `@ai-sdk/openai` `openai.responses(model)` (`generateText` with tools, `streamText`).
 * Both need Node ≥ 22 (their `engines`): they run on CI's Node 24 leg and skip on Node 20, saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Client } from '../../src/client.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { createBedrockFetch } from '../../src/http/fetch.js';
import { emulatorClientOptions } from './helpers.js';

const major = Number(process.versions.node.split('.')[0]);
const needsNode22 = major < 22;

let emulator: EmulatorHandle;
let client: Client;
let bedrockFetch: ReturnType<typeof createBedrockFetch>;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new Client(emulatorClientOptions(emulator, { maxRetries: 0 }));
  bedrockFetch = createBedrockFetch({ client });
});

afterAll(async () => {
  client.close();
  await emulator.close();
});

describe('the OpenAI Agents SDK (default Responses model) through createBedrockFetch', () => {
  async function agents() {
    const sdk = await import('@openai/agents');
    const { default: OpenAI } = await import('openai');
    sdk.setTracingDisabled(true);
    sdk.setDefaultOpenAIClient(new OpenAI({ baseURL: bedrockFetch.baseURL, apiKey: 'unused', fetch: bedrockFetch, maxRetries: 0 }) as never);
    sdk.setOpenAIAPI('responses');
    const calls: string[] = [];
    const getWeather = sdk.tool({
      name: 'get_weather',
      description: 'The weather in a city',
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        calls.push(city);
        return `Sunny in ${city.length > 0 ? 'the city' : 'nowhere'}`;
      },
    });
    return { sdk, calls, getWeather };
  }

  it.skipIf(needsNode22)('runs an agent with a function tool (needs Node >= 22: @openai/agents requires it)', async () => {
    const { sdk, calls, getWeather } = await agents();
    const agent = new sdk.Agent({ name: 'Weather', instructions: 'Answer with the weather.', model: 'claude-3-haiku', tools: [getWeather] });
    const result = await sdk.run(agent, 'Use get_weather for Paris');
    expect(calls).toHaveLength(1);
    expect(result.finalOutput).toBe('Tool get_weather returned: Sunny in the city');
    expect(emulator.requests.filter((request) => request.operation === 'Converse').length).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(needsNode22)('hands off between two agents (needs Node >= 22: @openai/agents requires it)', async () => {
    const { sdk } = await agents();
    const specialist = new sdk.Agent({ name: 'Weather agent', instructions: 'You know the weather.', model: 'claude-3-haiku' });
    const triage = new sdk.Agent({ name: 'Triage', instructions: 'Route the question.', model: 'claude-3-haiku', handoffs: [specialist] });
    const result = await sdk.run(triage, 'Please transfer_to_weather_agent now');
    expect(result.lastAgent?.name).toBe('Weather agent');
    // The SDK names the handoff tool after the agent (`transfer_to_Weather_agent`).
    expect(result.finalOutput).toMatch(/^Tool transfer_to_weather_agent returned: \{"assistant":"Weather agent"\}$/i);
  });

  it.skipIf(needsNode22)('streams an agent run (needs Node >= 22: @openai/agents requires it)', async () => {
    const { sdk, getWeather } = await agents();
    const agent = new sdk.Agent({ name: 'Weather', instructions: 'Answer.', model: 'claude-3-haiku', tools: [getWeather] });
    const result = await sdk.run(agent, 'Use get_weather for Rome', { stream: true });
    let text = '';
    for await (const chunk of result.toTextStream()) text += chunk;
    await result.completed;
    expect(result.finalOutput).toBe('Tool get_weather returned: Sunny in the city');
    expect(text).toContain('Tool get_weather returned: Sunny in the city');
  });
});

describe('the AI SDK openai.responses(model) through createBedrockFetch', () => {
  async function provider() {
    const { createOpenAI } = await import('@ai-sdk/openai');
    const ai = await import('ai');
    const openai = createOpenAI({ baseURL: bedrockFetch.baseURL, apiKey: 'unused', fetch: bedrockFetch });
    return { openai, ai };
  }

  it.skipIf(needsNode22)('generateText with a tool, over several steps (needs Node >= 22: ai requires it)', async () => {
    const { openai, ai } = await provider();
    const seen: string[] = [];
    const result = await ai.generateText({
      model: openai.responses('claude-3-haiku'),
      prompt: 'Use get_weather for Oslo',
      tools: {
        get_weather: ai.tool({
          description: 'The weather in a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => {
            seen.push(city);
            return 'Snow';
          },
        }),
      },
      stopWhen: ai.stepCountIs(3),
    });
    expect(seen).toHaveLength(1);
    expect(result.text).toBe('Tool get_weather returned: Snow');
    expect(result.steps.length).toBe(2);
  });

  it.skipIf(needsNode22)('streamText (needs Node >= 22: ai requires it)', async () => {
    const { openai, ai } = await provider();
    const result = ai.streamText({ model: openai.responses('claude-3-haiku'), prompt: 'one two three four' });
    let text = '';
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe('You said: one two three four');
    expect((await result.usage).outputTokens).toBe(6);
  });
});
