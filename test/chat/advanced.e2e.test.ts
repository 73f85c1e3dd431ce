/**
 * Structured output, reasoning, prompt caching, guardrails and Bedrock extras end to end: our Client → the real AWS
 * SDK → real HTTP → the emulator. Each feature runs streaming and not, and the concatenated stream is compared with
 * the non-streaming result. Requests that must fail before sending point at a dead endpoint.
 */
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../src/client.js';
import { BadRequestError, UnprocessableEntityError } from '../../src/core/errors.js';
import { THINKING_BUDGETS, DEFAULT_ANSWER_TOKENS } from '../../src/chat/reasoning.js';
import { JSON_OBJECT_INSTRUCTION } from '../../src/chat/structured-output.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsBase,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from '../../src/chat/types.js';
import { accumulateChunks, rejection } from './helpers.js';
import { collect } from '../support/collect.js';
import { useEmulator } from '../support/emulator.js';

const { emulator, client, offline } = useEmulator();

/** The body of the last request the emulator received. */
function lastBody(): Record<string, unknown> {
  const request = emulator.requests.at(-1);
  expect(request, 'a request reached the emulator').toBeDefined();
  return request!.body as Record<string, unknown>;
}

/** Runs `body` without and with streaming, and checks the concatenated stream against the completion. */
async function bothWays(body: ChatCompletionCreateParamsBase): Promise<{ completion: ChatCompletion; chunks: ChatCompletionChunk[] }> {
  const completion = await client().chat.completions.create({ ...body, stream: false });
  const chunks = await collect(await client().chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }));
  const streamed = accumulateChunks(chunks);
  const message = completion.choices[0]!.message;
  expect(streamed.content).toBe(message.content);
  expect(streamed.reasoning_content).toBe(message.reasoning_content);
  expect(streamed.reasoning_details).toEqual(message.reasoning_details);
  expect(streamed.tool_calls).toEqual(message.tool_calls);
  expect(streamed.finish_reason).toBe(completion.choices[0]!.finish_reason);
  expect(streamed.bedrock?.stop_reason).toBe(completion.bedrock?.stop_reason);
  expect(streamed.bedrock?.trace).toEqual(completion.bedrock?.trace);
  return { completion, chunks };
}

const weather: ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

const citySchema = {
  type: 'object',
  properties: { city: { type: 'string' }, population: { type: 'integer', minimum: 0 }, landmarks: { type: 'array', items: { type: 'string' }, minItems: 1 } },
  required: ['city', 'population', 'landmarks'],
  additionalProperties: false,
};

describe('response_format json_schema', () => {
  const ask = (model: string): ChatCompletionCreateParamsBase => ({
    model,
    messages: [{ role: 'user', content: 'Tell me about Paris' }],
    response_format: { type: 'json_schema', json_schema: { name: 'city_facts', description: 'Facts about a city', schema: citySchema, strict: true } },
  });

  it('uses native outputConfig.textFormat where the model has it, and streams it for real', async () => {
    const { completion, chunks } = await bothWays(ask('claude-sonnet-4-5'));
    expect(lastBody()['outputConfig']).toEqual({
      textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(citySchema), name: 'city_facts', description: 'Facts about a city' } } },
    });
    expect(lastBody()['toolConfig']).toBeUndefined();
    const parsed = JSON.parse(completion.choices[0]!.message.content!) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['city', 'landmarks', 'population']);
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    // Streamed for real: the JSON arrives in several content deltas.
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content !== undefined).length).toBeGreaterThan(1);
  });

  it('forces a tool whose input becomes the content on a model without native structured output, still streamed as content', async () => {
    const { completion, chunks } = await bothWays(ask('claude-3-haiku'));
    const body = lastBody();
    expect(body['outputConfig']).toBeUndefined();
    expect(body['toolConfig']).toMatchObject({ tools: [{ toolSpec: { name: 'city_facts', inputSchema: { json: citySchema } } }], toolChoice: { tool: { name: 'city_facts' } } });
    const message = completion.choices[0]!.message;
    expect(message.tool_calls).toBeUndefined();
    expect(Object.keys(JSON.parse(message.content!) as object).sort()).toEqual(['city', 'landmarks', 'population']);
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.bedrock!.stop_reason).toBe('tool_use');
    expect(chunks.some((chunk) => chunk.choices[0]?.delta.tool_calls !== undefined)).toBe(false);
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content !== undefined).length).toBeGreaterThan(1);
  });

  it.each<[string, string, Partial<ChatCompletionCreateParamsBase>, RegExp]>([
    ['a model with neither native output nor tools', 'mistral-7b', {}, /does not support structured output/],
    ['the forced-tool fallback with user tools', 'claude-3-haiku', { tools: [weather] }, /stop your `tools`/],
    ['the forced-tool fallback with Claude thinking', 'claude-3-7-sonnet', { reasoning_effort: 'low' }, /forced tool choice with thinking/],
  ])('rejects %s before sending', async (_name, model, extra, message) => {
    const error = await rejection(offline().chat.completions.create({ ...ask(model), ...extra }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param: 'response_format' });
    expect((error as Error).message).toMatch(message);
  });
});

describe('response_format json_object', () => {
  it('is honoured with a forced JSON tool where possible (content is a JSON object)', async () => {
    const { completion } = await bothWays({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'Give me an object' }], response_format: { type: 'json_object' } });
    expect(lastBody()['toolConfig']).toMatchObject({ tools: [{ toolSpec: { name: 'json_object' } }], toolChoice: { tool: { name: 'json_object' } } });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual(expect.any(Object));
  });

  it('otherwise adds an instruction and checks the answer is JSON: a non-JSON answer is an error, never passed on', async () => {
    // With user tools the JSON tool is not forced; the emulator's echo reply is not JSON.
    const params: ChatCompletionCreateParamsBase = { model: 'claude-3-haiku', messages: [{ role: 'user', content: 'Say something' }], tools: [weather], response_format: { type: 'json_object' } };
    const error = await rejection(client().chat.completions.create({ ...params, stream: false }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ code: 'invalid_json_output', param: 'response_format' });
    expect((lastBody()['system'] as unknown[]).at(-1)).toEqual({ text: JSON_OBJECT_INSTRUCTION });
    const streamError = await rejection(collect(await client().chat.completions.create({ ...params, stream: true })));
    expect(streamError).toMatchObject({ code: 'invalid_json_output' });
  });
});

describe('reasoning', () => {
  it('maps reasoning_effort to a Claude thinking budget with max_tokens above it, and returns signed blocks, streamed alike', async () => {
    const { completion } = await bothWays({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Think about this' }], reasoning_effort: 'low' });
    expect(lastBody()['additionalModelRequestFields']).toEqual({ thinking: { type: 'enabled', budget_tokens: THINKING_BUDGETS.low } });
    expect(lastBody()['inferenceConfig']).toEqual({ maxTokens: THINKING_BUDGETS.low + DEFAULT_ANSWER_TOKENS });
    const message = completion.choices[0]!.message;
    expect(message.reasoning_content).toMatch(/\w/);
    expect(message.reasoning_details).toEqual([{ type: 'reasoning.text', text: message.reasoning_content, signature: expect.stringMatching(/.{20,}/) }]);
    expect(message.content).toContain('Think about this');
  });

  it('runs a multi-turn tool loop with thinking by replaying the signed block; without it Bedrock refuses', async () => {
    const params = { model: 'claude-sonnet-4-5', tools: [weather], reasoning_effort: 'medium' as const };
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Use get_weather for Lisbon' }];
    const first = await client().chat.completions.create({ ...params, messages });
    const choice = first.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.reasoning_details?.[0]).toMatchObject({ type: 'reasoning.text', signature: expect.any(String) });
    const call = choice.message.tool_calls![0]!;
    messages.push(choice.message, { role: 'tool', tool_call_id: call.id, content: '21°C, clear' });

    const second = await client().chat.completions.create({ ...params, messages });
    expect(second.choices[0]!.message.content).toContain('21°C, clear');
    const replayed = (lastBody()['messages'] as { role: string; content: Record<string, unknown>[] }[])[1]!;
    expect(replayed.content[0]).toEqual({ reasoningContent: { reasoningText: { text: choice.message.reasoning_content, signature: choice.message.reasoning_details![0]!.type === 'reasoning.text' ? choice.message.reasoning_details![0]!.signature : '' } } });

    // The same loop streamed gives the same second answer.
    const streamed = accumulateChunks(await collect(await client().chat.completions.create({ ...params, messages, stream: true })));
    expect(streamed.content).toBe(second.choices[0]!.message.content);

    // Dropping the reasoning blocks breaks the loop, as on Bedrock.
    const { reasoning_details: _dropped, ...withoutReasoning } = choice.message;
    const broken: ChatCompletionMessageParam[] = [messages[0]!, withoutReasoning, messages[2]!];
    const error = await rejection(client().chat.completions.create({ ...params, messages: broken }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(/thinking/);
  });

  it('maps reasoning_effort to Nova 2 reasoningConfig; its unsigned reasoning is returned but never replayed', async () => {
    const { completion } = await bothWays({ model: 'nova-2-lite', messages: [{ role: 'user', content: 'Plan a trip' }], reasoning_effort: 'medium' });
    expect(lastBody()['additionalModelRequestFields']).toEqual({ reasoningConfig: { type: 'enabled', maxReasoningEffort: 'medium' } });
    const message = completion.choices[0]!.message;
    expect(message.reasoning_details).toEqual([{ type: 'reasoning.text', text: message.reasoning_content }]);
    await client().chat.completions.create({ model: 'nova-2-lite', messages: [{ role: 'user', content: 'Plan a trip' }, message, { role: 'user', content: 'Shorter' }] });
    const assistantTurn = (lastBody()['messages'] as { content: Record<string, unknown>[] }[])[1]!;
    expect(assistantTurn.content.some((block) => block['reasoningContent'] !== undefined)).toBe(false);
  });

  it('maps reasoning_effort to gpt-oss reasoning_effort', async () => {
    const { completion } = await bothWays({ model: 'gpt-oss-20b', messages: [{ role: 'user', content: 'Why?' }], reasoning_effort: 'high' });
    expect(lastBody()['additionalModelRequestFields']).toEqual({ reasoning_effort: 'high' });
    expect(completion.choices[0]!.message.reasoning_content).toMatch(/\w/);
  });

  it('returns DeepSeek R1 reasoning without being asked, and treats reasoning_effort as unsupported there', async () => {
    const { completion } = await bothWays({ model: 'deepseek-r1', messages: [{ role: 'user', content: 'Why?' }] });
    expect(completion.choices[0]!.message.reasoning_content).toMatch(/\w/);
    expect(lastBody()['additionalModelRequestFields']).toBeUndefined();
    const error = await rejection(offline().chat.completions.create({ model: 'deepseek-r1', messages: [{ role: 'user', content: 'Why?' }], reasoning_effort: 'low' }));
    expect(error).toMatchObject({ param: 'reasoning_effort', code: 'unsupported_parameter' });
    const warnings: Warning[] = [];
    await client({ dropUnsupportedParams: true, onWarning: (warning) => warnings.push(warning) }).chat.completions.create({
      model: 'deepseek-r1',
      messages: [{ role: 'user', content: 'Why?' }],
      reasoning_effort: 'low',
    });
    expect(warnings.map((warning) => warning.param)).toEqual(['reasoning_effort']);
  });

  it.each<[string, string, Partial<ChatCompletionCreateParamsBase>, string, RegExp]>([
    ['a model without reasoning', 'claude-3-haiku', { reasoning_effort: 'low' }, 'reasoning_effort', /claude-3-haiku.*does not support reasoning/],
    ['a forced tool choice with thinking', 'claude-sonnet-4-5', { reasoning_effort: 'low', tools: [weather], tool_choice: 'required' }, 'tool_choice', /forced `tool_choice`/],
    ['temperature with thinking', 'claude-sonnet-4-5', { reasoning_effort: 'low', temperature: 0.3 }, 'temperature', /only as 1/],
    ['max_tokens not above the budget', 'claude-sonnet-4-5', { reasoning_effort: 'medium', max_tokens: 4096 }, 'max_tokens', /greater than that budget/],
    ['a budget the model cannot produce', 'claude-3-7-sonnet', { reasoning_effort: 'high' }, 'reasoning_effort', /at most 8192/],
    ['temperature while Nova reasons', 'nova-2-lite', { reasoning_effort: 'low', temperature: 0.2 }, 'temperature', /nova-2-lite.*temperature/],
    ['max_tokens with Nova high effort', 'nova-2-lite', { reasoning_effort: 'high', max_completion_tokens: 500 }, 'max_completion_tokens', /"high"/],
    ['"minimal"', 'claude-sonnet-4-5', { reasoning_effort: 'minimal' }, 'reasoning_effort', /lowest level is "low"/],
  ])('rejects %s before sending, explaining the rule', async (_name, model, extra, param, message) => {
    const error = await rejection(offline().chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }], ...extra }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param });
    expect((error as Error).message).toMatch(message);
  });
});

describe('prompt caching', () => {
  /** A system prompt long enough to cache (the emulator counts words; its minimum is 1,024). */
  const longSystem = (topic: string): string => `You are an expert on ${topic}. ${'Answer precisely and cite your sources. '.repeat(200)}`;

  it('turns cache_control into cache points and reports writes, then reads, in the OpenAI usage convention (streamed alike)', async () => {
    const params: ChatCompletionCreateParamsNonStreaming = {
      model: 'claude-sonnet-4-5',
      messages: [
        { role: 'system', content: [{ type: 'text', text: longSystem('rivers'), cache_control: { type: 'ephemeral', ttl: '1h' } }] },
        { role: 'user', content: 'Which river is longest?' },
      ],
    };
    const first = await client().chat.completions.create(params);
    expect(lastBody()['system']).toEqual([{ text: longSystem('rivers') }, { cachePoint: { type: 'default', ttl: '1h' } }]);
    const written = first.usage!.prompt_tokens_details!.cache_write_tokens!;
    expect(written).toBeGreaterThan(1024);
    expect(first.usage!.prompt_tokens_details!.cached_tokens).toBe(0);
    expect(first.bedrock!.cache_details).toEqual([{ ttl: '1h', input_tokens: written }]);

    const second = await client().chat.completions.create(params);
    expect(second.usage!.prompt_tokens_details).toEqual({ cached_tokens: written, cache_write_tokens: 0 });
    expect(second.usage!.prompt_tokens).toBe(first.usage!.prompt_tokens);
    expect(second.usage!.total_tokens).toBe(second.usage!.prompt_tokens + second.usage!.completion_tokens);

    const chunks = await collect(await client().chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } }));
    expect(chunks.at(-1)!.usage).toEqual(second.usage);
  });

  it("places bedrock.cache: 'auto' after the tools, the system prompt and the last user turn", async () => {
    const params: ChatCompletionCreateParamsNonStreaming = {
      model: 'claude-sonnet-4-5',
      messages: [
        { role: 'system', content: longSystem('mountains') },
        { role: 'user', content: 'Which mountain is highest?' },
      ],
      tools: [weather],
      bedrock: { cache: 'auto' },
    };
    const first = await client().chat.completions.create(params);
    const body = lastBody() as { system: unknown[]; messages: { content: unknown[] }[]; toolConfig: { tools: unknown[] } };
    expect(body.toolConfig.tools.at(-1)).toEqual({ cachePoint: { type: 'default' } });
    expect(body.system.at(-1)).toEqual({ cachePoint: { type: 'default' } });
    expect(body.messages.at(-1)!.content.at(-1)).toEqual({ cachePoint: { type: 'default' } });
    expect(first.usage!.prompt_tokens_details!.cache_write_tokens).toBeGreaterThan(0);
    const second = await client().chat.completions.create(params);
    expect(second.usage!.prompt_tokens_details!.cached_tokens).toBeGreaterThan(0);
  });

  it.each<[string, string, Partial<ChatCompletionCreateParamsBase>, string, RegExp]>([
    ['a model without prompt caching', 'claude-3-haiku', { bedrock: { cache: 'auto' } }, 'bedrock.cache', /claude-3-haiku.*prompt caching/],
    ['the 1h TTL where only 5m exists', 'claude-3-7-sonnet', { messages: [{ role: 'user', content: 'Hi', cache_control: { type: 'ephemeral', ttl: '1h' } }] }, 'messages[0].cache_control.ttl', /TTL "1h"/],
    ['a tool cache point on Nova', 'nova-pro', { tools: [{ ...weather, cache_control: { type: 'ephemeral' } }] }, 'tools[0].cache_control', /caching tool definitions/],
    [
      'five cache points',
      'claude-sonnet-4-5',
      {
        messages: [
          { role: 'system', content: 'a', cache_control: { type: 'ephemeral' } },
          { role: 'user', content: [1, 2, 3, 4].map((index) => ({ type: 'text' as const, text: `part ${index}`, cache_control: { type: 'ephemeral' as const } })) },
        ],
      },
      'messages[1].content[3].cache_control',
      /at most 4 cache points/,
    ],
  ])('rejects %s before sending', async (_name, model, extra, param, message) => {
    const error = await rejection(offline().chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }], ...extra }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param });
    expect((error as Error).message).toMatch(message);
  });
});

describe('guardrails and Bedrock extras', () => {
  const guarded = (content: string): ChatCompletionCreateParamsBase => ({
    model: 'claude-3-haiku',
    messages: [{ role: 'user', content }],
    bedrock: { guardrail: { guardrailIdentifier: 'gr123abc', guardrailVersion: '1', trace: 'enabled' } },
  });

  it('sends guardrailConfig, and an intervention is finish_reason content_filter with the trace under bedrock (streamed alike)', async () => {
    const { completion } = await bothWays(guarded('Tell me about the blocked-topic please'));
    expect(lastBody()['guardrailConfig']).toEqual({ guardrailIdentifier: 'gr123abc', guardrailVersion: '1', trace: 'enabled' });
    expect(completion.choices[0]!.finish_reason).toBe('content_filter');
    expect(completion.bedrock!.stop_reason).toBe('guardrail_intervened');
    expect(completion.bedrock!.trace).toMatchObject({ guardrail: { inputAssessment: { gr123abc: { topicPolicy: expect.any(Object) } } } });
  });

  it('passes a clean request through the guardrail with its trace', async () => {
    const completion = await client().chat.completions.create({ ...guarded('Tell me about tea'), stream: false });
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.bedrock!.trace).toMatchObject({ guardrail: { inputAssessment: { gr123abc: {} } } });
  });

  it('sends streamProcessingMode on streams, and performanceConfig and response field paths on any request', async () => {
    const stream = await client().chat.completions.create({
      model: 'claude-3-haiku',
      messages: [{ role: 'user', content: 'Stop here please' }],
      stop: ['here'],
      stream: true,
      bedrock: {
        guardrail: { guardrailIdentifier: 'gr123abc', guardrailVersion: 'DRAFT', streamProcessingMode: 'async' },
        performanceConfig: { latency: 'optimized' },
        additionalModelResponseFieldPaths: ['/stop_sequence'],
      },
    });
    const streamed = accumulateChunks(await collect(stream));
    expect(lastBody()).toMatchObject({
      guardrailConfig: { guardrailIdentifier: 'gr123abc', guardrailVersion: 'DRAFT', streamProcessingMode: 'async' },
      performanceConfig: { latency: 'optimized' },
    });
    expect(streamed.bedrock!.additional_model_response_fields).toEqual({ stop_sequence: 'here' });
  });

  it('rejects streamProcessingMode without streaming, and promptVariables without a prompt ARN', async () => {
    const noStream = await rejection(
      offline().chat.completions.create({
        model: 'claude-3-haiku',
        messages: [{ role: 'user', content: 'Hi' }],
        bedrock: { guardrail: { guardrailIdentifier: 'gr1', guardrailVersion: '1', streamProcessingMode: 'sync' } },
      }),
    );
    expect(noStream).toMatchObject({ param: 'bedrock.guardrail.streamProcessingMode' });
    const variables = await rejection(
      offline().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'Hi' }], bedrock: { promptVariables: { topic: { text: 'tea' } } } }),
    );
    expect(variables).toMatchObject({ param: 'bedrock.promptVariables' });
  });
});
