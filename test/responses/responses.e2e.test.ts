/**
 * `client.responses` end to end: our Client → the real AWS SDK → real HTTP → the emulator. Each feature runs
 * streaming and not; the streamed events, accumulated, must give the same response as the non-streaming call.
 */
import { describe, expect, it } from 'vitest';
import type { Client, Warning } from '../../src/client.js';
import { BadRequestError, NotFoundError } from '../../src/core/errors.js';
import { FileResponseStore } from '../../src/responses/store.js';
import type { FunctionTool, Response, ResponseCreateParamsBase, ResponseStreamEvent } from '../../src/responses/types.js';
import { collect } from '../support/collect.js';
import { accumulateEvents } from './helpers.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEmulator } from '../support/emulator.js';

const { emulator, client } = useEmulator();

function lastBody(): Record<string, unknown> {
  const request = emulator.requests.at(-1);
  expect(request, 'a request reached the emulator').toBeDefined();
  return request!.body as Record<string, unknown>;
}

const weather: FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: true,
};

/** Runs `body` without and with streaming on one client, and checks the accumulated stream against the response. */
async function bothWays(target: Client, body: ResponseCreateParamsBase): Promise<{ response: Response; events: ResponseStreamEvent[]; streamed: Response }> {
  const response = await target.responses.create({ ...body, stream: false });
  const events = await collect(await target.responses.create({ ...body, stream: true }));
  const streamed = accumulateEvents(events);
  const strip = (value: Response): unknown => ({ ...value, id: undefined, created_at: undefined, completed_at: undefined, output: value.output.map((item) => ({ ...item, id: undefined })), bedrock: { ...value.bedrock, latency_ms: undefined } });
  expect(strip(streamed)).toEqual(strip(response));
  return { response, events, streamed };
}

describe('responses.create', () => {
  it('answers a string input, streamed and not, with usage and echoed settings', async () => {
    const { response, events } = await bothWays(client(), { model: 'claude-3-haiku', input: 'Hello there', instructions: 'Be brief', max_output_tokens: 200, temperature: 0.5, metadata: { team: 'a' } });
    expect(response).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'anthropic.claude-3-haiku-20240307-v1:0',
      output_text: 'You said: Hello there',
      instructions: 'Be brief',
      max_output_tokens: 200,
      temperature: 0.5,
      metadata: { team: 'a' },
      incomplete_details: null,
      error: null,
      store: true,
    });
    expect(response.id).toMatch(/^resp_[0-9a-f]{32}$/);
    expect(response.output).toEqual([
      { id: expect.stringMatching(/^msg_/), type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'You said: Hello there', annotations: [], logprobs: [] }] },
    ]);
    expect(response.usage).toEqual({ input_tokens: expect.any(Number), input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 }, output_tokens: 4, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: expect.any(Number) });
    expect(lastBody()).toMatchObject({ system: [{ text: 'Be brief' }], inferenceConfig: { maxTokens: 200, temperature: 0.5 }, requestMetadata: { team: 'a' } });
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...events.filter((event) => event.type === 'response.output_text.delta').map(() => 'response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
  });

  it('runs a function-tool loop with previous_response_id, and the same loop replaying the full input', async () => {
    const target = client();
    const first = await target.responses.create({ model: 'claude-3-haiku', input: 'What is get_weather in Paris?', tools: [weather] });
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', status: 'completed', call_id: expect.any(String), id: expect.stringMatching(/^fc_/) });
    expect(JSON.parse(call!.type === 'function_call' ? call!.arguments : '')).toEqual({ city: expect.any(String) });
    const callId = call!.type === 'function_call' ? call!.call_id : '';

    const chained = await target.responses.create({
      model: 'claude-3-haiku',
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: callId, output: 'Sunny, 21 C' }],
      tools: [weather],
    });
    expect(chained.output_text).toBe('Tool get_weather returned: Sunny, 21 C');
    expect(chained.previous_response_id).toBe(first.id);
    const chainedBody = lastBody();
    // The replayed turn: the user's question, the tool call, then the tool result.
    expect((chainedBody['messages'] as unknown[]).length).toBe(3);

    const replayed = await target.responses.create({
      model: 'claude-3-haiku',
      input: [{ role: 'user', content: 'What is get_weather in Paris?' }, ...first.output, { type: 'function_call_output', call_id: callId, output: 'Sunny, 21 C' }],
      tools: [weather],
      store: false,
    });
    expect(replayed.output_text).toBe(chained.output_text);
    expect(lastBody()['messages']).toEqual(chainedBody['messages']);
    await expect(target.responses.retrieve(replayed.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('streams parallel tool calls as separate function_call items', async () => {
    const time: FunctionTool = { type: 'function', name: 'get_time', description: 'The time', parameters: { type: 'object', properties: {} }, strict: null };
    const { response, events } = await bothWays(client(), { model: 'claude-3-haiku', input: 'Use get_weather and get_time', tools: [weather, time] });
    const calls = response.output.filter((item) => item.type === 'function_call');
    expect(calls.map((item) => item.type === 'function_call' && item.name)).toEqual(['get_weather', 'get_time']);
    const argumentEvents = events.filter((event) => event.type === 'response.function_call_arguments.done');
    expect(argumentEvents).toHaveLength(2);
    for (const event of events) if ('item_id' in event) expect(response.output[event.output_index]!.id ?? '').not.toBe('');
  });

  it('reports max_output_tokens as incomplete, streamed and not', async () => {
    const { response, events } = await bothWays(client(), { model: 'claude-3-haiku', input: 'one two three four five six seven', max_output_tokens: 3 });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(response.output[0]).toMatchObject({ type: 'message', status: 'incomplete' });
    expect(events.at(-1)!.type).toBe('response.incomplete');
  });

  it('reports a guardrail intervention as incomplete with content_filter', async () => {
    const { response, events } = await bothWays(client(), {
      model: 'claude-3-haiku',
      input: 'Tell me about the blocked-topic',
      bedrock: { guardrail: { guardrailIdentifier: 'gr1abc', guardrailVersion: '1' } },
    });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'content_filter' });
    expect(response.output_text).toBe('Sorry, the model cannot answer this question.');
    expect(response.bedrock?.stop_reason).toBe('guardrail_intervened');
    expect(events.at(-1)!.type).toBe('response.incomplete');
  });

  it('takes images (data and s3) and files', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF').toString('base64');
    const response = await client().responses.create({
      model: 'claude-3-haiku',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Describe these' },
            { type: 'input_image', detail: 'auto', image_url: `data:image/png;base64,${png}` },
            { type: 'input_image', detail: 'auto', image_url: 's3://bucket/cat.jpg' },
            { type: 'input_file', filename: 'report.pdf', file_data: `data:application/pdf;base64,${pdf}` },
          ],
        },
      ],
    });
    expect(response.status).toBe('completed');
    const content = (lastBody()['messages'] as Array<{ content: Array<Record<string, unknown>> }>)[0]!.content;
    expect(content.map((block) => Object.keys(block)[0])).toEqual(['text', 'image', 'image', 'document']);
    expect(content[2]).toEqual({ image: { format: 'jpeg', source: { s3Location: { uri: 's3://bucket/cat.jpg' } } } });
  });

  it('serves text.format json_schema, streamed and not', async () => {
    const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'], additionalProperties: false };
    for (const model of ['claude-sonnet-4-5', 'claude-3-haiku']) {
      const { response } = await bothWays(client(), { model, input: 'A person', text: { format: { type: 'json_schema', name: 'person', schema, strict: true } } });
      expect(JSON.parse(response.output_text)).toEqual({ name: expect.any(String), age: expect.any(Number) });
    }
  });

  it('replays a Claude reasoning turn with tools through encrypted_content', async () => {
    const target = client();
    const params = { model: 'claude-sonnet-4-5', tools: [weather], reasoning: { effort: 'low' as const }, include: ['reasoning.encrypted_content' as const] };
    const { response: first, events } = await bothWays(target, { ...params, input: 'Use get_weather for Rome' });
    expect(first.output.map((item) => item.type)).toEqual(['reasoning', 'message', 'function_call']);
    const reasoning = first.output[0]!;
    expect(reasoning).toMatchObject({ type: 'reasoning', summary: [], content: [{ type: 'reasoning_text', text: expect.any(String) }], encrypted_content: expect.stringMatching(/^brv1\./) });
    expect(events.some((event) => event.type === 'response.reasoning_text.delta')).toBe(true);
    const call = first.output[2]!;
    const callId = call.type === 'function_call' ? call.call_id : '';
    // Full replay: the signed thinking must reach Bedrock unchanged, or Claude refuses the tool turn.
    const second = await target.responses.create({ ...params, input: [{ role: 'user', content: 'Use get_weather for Rome' }, ...first.output, { type: 'function_call_output', call_id: callId, output: 'Rain' }] });
    expect(second.status).toBe('completed');
    const assistant = (lastBody()['messages'] as Array<{ role: string; content: Array<Record<string, unknown>> }>)[1]!;
    expect(Object.keys(assistant.content[0]!)).toEqual(['reasoningContent']);
    // Without the encrypted content the reasoning cannot be replayed, and Bedrock refuses the turn.
    const { encrypted_content: _dropped, ...bare } = reasoning as { encrypted_content?: string };
    await expect(
      target.responses.create({ ...params, input: [{ role: 'user', content: 'Use get_weather for Rome' }, bare as never, first.output[1]!, call, { type: 'function_call_output', call_id: callId, output: 'Rain' }] }),
    ).rejects.toBeInstanceOf(BadRequestError);
    // previous_response_id keeps the signature even when it was not shown.
    const hidden = await target.responses.create({ model: 'claude-sonnet-4-5', tools: [weather], reasoning: { effort: 'low' }, input: 'Use get_weather for Oslo' });
    expect(hidden.output[0]).not.toHaveProperty('encrypted_content');
    const hiddenCall = hidden.output.find((item) => item.type === 'function_call')!;
    const continued = await target.responses.create({
      model: 'claude-sonnet-4-5',
      tools: [weather],
      reasoning: { effort: 'low' },
      previous_response_id: hidden.id,
      input: [{ type: 'function_call_output', call_id: hiddenCall.type === 'function_call' ? hiddenCall.call_id : '', output: 'Snow' }],
    });
    expect(continued.output_text).toContain('Snow');
  });

  it('puts reasoning in summary parts when reasoning.summary is asked for', async () => {
    const { response, events } = await bothWays(client(), { model: 'claude-sonnet-4-5', input: 'Think', reasoning: { effort: 'low', summary: 'auto' } });
    expect(response.output[0]).toMatchObject({ type: 'reasoning', summary: [{ type: 'summary_text', text: expect.any(String) }] });
    expect(response.output[0]).not.toHaveProperty('content');
    expect(events.filter((event) => event.type.startsWith('response.reasoning_summary')).map((event) => event.type)).toEqual([
      'response.reasoning_summary_part.added',
      ...events.filter((event) => event.type === 'response.reasoning_summary_text.delta').map(() => 'response.reasoning_summary_text.delta'),
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
    ]);
  });
});

describe('the store', () => {
  it('retrieves, lists input items, resolves item references and deletes', async () => {
    const target = client();
    const created = await target.responses.create({ model: 'claude-3-haiku', instructions: 'Short', input: [{ role: 'user', content: 'first' }, { role: 'user', content: [{ type: 'input_text', text: 'second' }] }] });
    expect(await target.responses.retrieve(created.id)).toEqual(created);
    const items = await target.responses.inputItems.list(created.id);
    expect(items).toMatchObject({ object: 'list', has_more: false });
    expect(items.data.map((item) => item.type === 'message' && item.content[0])).toEqual([
      { type: 'input_text', text: 'second' },
      { type: 'input_text', text: 'first' },
    ]);
    const page = await target.responses.inputItems.list(created.id, { order: 'asc', limit: 1 });
    expect(page).toMatchObject({ has_more: true, first_id: items.data[1]!.id });
    expect((await target.responses.inputItems.list(created.id, { order: 'asc', after: page.last_id! })).data).toEqual([items.data[0]]);

    const referenced = await target.responses.create({
      model: 'claude-3-haiku',
      input: [{ type: 'item_reference', id: items.data[1]!.id }, { type: 'item_reference', id: created.output[0]!.id! }, { role: 'user', content: 'third' }],
    });
    expect(referenced.status).toBe('completed');
    expect(lastBody()['messages']).toEqual([
      { role: 'user', content: [{ text: 'first' }] },
      { role: 'assistant', content: [{ text: created.output_text }] },
      { role: 'user', content: [{ text: 'third' }] },
    ]);

    expect(await target.responses.delete(created.id)).toEqual({ id: created.id, object: 'response', deleted: true });
    await expect(target.responses.retrieve(created.id)).rejects.toMatchObject({ status: 404, message: `Response with id '${created.id}' not found.` });
    await expect(target.responses.delete(created.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(target.responses.create({ model: 'claude-3-haiku', input: 'x', previous_response_id: created.id })).rejects.toMatchObject({ status: 404, param: 'previous_response_id' });
  });

  it('does not carry instructions over a previous_response_id', async () => {
    const target = client();
    const first = await target.responses.create({ model: 'claude-3-haiku', instructions: 'Be a pirate', input: 'hi' });
    await target.responses.create({ model: 'claude-3-haiku', previous_response_id: first.id, input: 'again' });
    expect(lastBody()['system']).toBeUndefined();
    expect((lastBody()['messages'] as unknown[]).length).toBe(3);
  });

  it('has stored a streamed response when its last event is given (a FileResponseStore, read back by another client)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'responses-'));
    try {
      const stream = await client({ responseStore: new FileResponseStore(directory) }).responses.create({ model: 'claude-3-haiku', input: 'remember me', stream: true });
      let completed: Response | undefined;
      for await (const event of stream) {
        if (event.type !== 'response.completed') continue;
        completed = event.response;
        break;
      }
      expect(completed?.status).toBe('completed');
      expect(await client({ responseStore: new FileResponseStore(directory) }).responses.retrieve(completed!.id)).toEqual(completed);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('keeps responses in a FileResponseStore across clients', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'responses-'));
    try {
      const first = await client({ responseStore: new FileResponseStore(directory) }).responses.create({ model: 'claude-3-haiku', input: 'remember me' });
      const second = client({ responseStore: new FileResponseStore(directory) });
      expect(await second.responses.retrieve(first.id)).toEqual(first);
      const next = await second.responses.create({ model: 'claude-3-haiku', input: 'and now', previous_response_id: first.id });
      expect(next.status).toBe('completed');
      expect((lastBody()['messages'] as unknown[]).length).toBe(3);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('refusals before sending', () => {
  it.each([
    ['web_search', { tools: [{ type: 'web_search' }] }, 'tools[0]', /built-in `web_search` tool/],
    ['file_search', { tools: [weather, { type: 'file_search', vector_store_ids: ['vs_1'] }] }, 'tools[1]', /built-in `file_search` tool/],
    ['code_interpreter', { tools: [{ type: 'code_interpreter', container: { type: 'auto' } }] }, 'tools[0]', /code_interpreter/],
    ['mcp', { tools: [{ type: 'mcp', server_label: 'x' }] }, 'tools[0]', /`mcp`/],
    ['an unknown parameter', { frobnicate: true }, 'frobnicate', /Unknown parameter/],
    ['background mode', { background: true }, 'background', /background/],
    ['top_logprobs (an openai param Bedrock cannot serve, not an unknown one)', { top_logprobs: 3 }, 'top_logprobs', /^`top_logprobs` is not supported on Bedrock: Bedrock does not return token log probabilities/],
    ['background_options (openai 7)', { background_options: { completion_window: '2h' } }, 'background_options', /^`background_options` is not supported on Bedrock: .*no background mode/],
    ['an access program (openai 7)', { access_programs: { cyber: 'daybreak_blue' } }, 'access_programs', /^`access_programs` is not supported on Bedrock/],
    ['image-context compression (openai 7)', { image: { context_compression: 'enabled' } }, 'image.context_compression', /^`image.context_compression` is not supported on Bedrock/],
    ['an unknown image option', { image: { zoom: 2 } }, 'image.zoom', /Unknown parameter: `image.zoom`/],
    ['max_tool_calls below 0', { max_tool_calls: -1 }, 'max_tool_calls', /whole number ≥ 0/],
    ['an unknown field of a function tool', { tools: [{ ...weather, returns: 'string' }] }, 'tools[0].returns', /^Unknown parameter: `tools\[0\]\.returns`\.$/],
    ["a function's output_schema", { tools: [{ ...weather, output_schema: { type: 'object' } }] }, 'tools[0].output_schema', /^`tools\[0\]\.output_schema` is not supported on Bedrock: .*input schema only/],
    ['programmatic tool calls', { tools: [{ ...weather, allowed_callers: ['direct', 'programmatic'] }] }, 'tools[0].allowed_callers', /not supported on Bedrock: .*directly only/],
    ['an asynchronous tool (openai 7)', { tools: [{ ...weather, async: true }] }, 'tools[0].async', /not supported on Bedrock: .*no asynchronous results/],
    ['an unknown reasoning field', { reasoning: { budget: 1024 } }, 'reasoning.budget', /^Unknown parameter: `reasoning\.budget`\.$/],
    ['an unknown text field', { text: { format: { type: 'text' }, language: 'en' } }, 'text.language', /^Unknown parameter: `text\.language`\.$/],
    ['an unknown text.format field', { text: { format: { type: 'json_schema', name: 'x', schema: { type: 'object' }, json_schema: {} } } }, 'text.format.json_schema', /^Unknown parameter: `text\.format\.json_schema`\.$/],
    ['an unknown stream_options field', { stream_options: { include_usage: true } }, 'stream_options.include_usage', /^Unknown parameter: `stream_options\.include_usage`\.$/],
    ['an unknown tool_choice field', { tools: [weather], tool_choice: { type: 'function', name: 'get_weather', function: { name: 'get_weather' } } }, 'tool_choice.function', /^Unknown parameter: `tool_choice\.function`\.$/],
    ['reasoning.context all_turns (openai 7)', { reasoning: { context: 'all_turns' } }, 'reasoning.context', /not supported on Bedrock/],
    ['reasoning.mode pro (openai 7)', { reasoning: { mode: 'pro' } }, 'reasoning.mode', /not supported on Bedrock: Bedrock has no reasoning mode "pro"/],
    ['an image file_id without a files folder', { input: [{ role: 'user', content: [{ type: 'input_image', detail: 'auto', file_id: 'file-1' }] }] }, 'input[0].content[0].file_id', /^`input\[0\]\.content\[0\]\.file_id` names an uploaded file/],
    ['an image with both image_url and file_id', { input: [{ role: 'user', content: [{ type: 'input_image', detail: 'auto', file_id: 'file-1', image_url: 'data:image/png;base64,AA' }] }] }, 'input[0].content[0].file_id', /give one/],
    ['an image file_id with detail high', { input: [{ role: 'user', content: [{ type: 'input_image', detail: 'high', file_id: 'file-1' }] }] }, 'input[0].content[0].detail', /no image detail setting/],
    ['a bad image URL', { input: [{ role: 'user', content: [{ type: 'input_image', detail: 'auto', image_url: 'ftp://x' }] }] }, 'input[0].content[0].image_url', /data:/],
    ['temperature above 1', { temperature: 1.5 }, 'temperature', /between 0 and 1/],
    ['an unanswered function call', { input: [{ role: 'user', content: 'hi' }, { type: 'function_call', call_id: 'c1', name: 'get_weather', arguments: '{}' }, { role: 'user', content: 'hi' }], tools: [weather] }, 'input[1]', /No tool output/],
    ['a foreign encrypted_content', { input: [{ type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'gAAAA' }, { role: 'user', content: 'hi' }] }, 'input[0].encrypted_content', /not reasoning this library returned/],
    ['an unknown item reference', { input: [{ type: 'item_reference', id: 'msg_x' }] }, 'input[0].id', /not found/],
    ['text.format without a schema', { text: { format: { type: 'json_schema', name: 'x' } } }, 'text.format.schema', /JSON Schema object/],
    ['reasoning on a model without it', { reasoning: { effort: 'low' } }, 'reasoning.effort', /does not support reasoning/],
  ])('refuses %s, naming the parameter', async (_name, extra, param, message) => {
    const offline = client({ endpoint: 'http://127.0.0.1:9' });
    const error = await offline.responses.create({ model: 'claude-3-haiku', input: 'hi', ...(extra as object) } as ResponseCreateParamsBase).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, param });
    expect((error as Error).message).toMatch(message);
  });

  it("takes what changes nothing on Bedrock: top_logprobs 0, max_tool_calls (no built-in tools to cap; echoed), image compression auto or disabled, no access program, direct tool calls, automatic reasoning context, standard mode", async () => {
    const response = await client().responses.create({
      model: 'claude-3-haiku',
      input: 'hi',
      top_logprobs: 0,
      max_tool_calls: 3,
      image: { context_compression: 'disabled' },
      access_programs: {},
    });
    expect(response.status).toBe('completed');
    expect(response.max_tool_calls).toBe(3);
    expect((await client().responses.create({ model: 'claude-3-haiku', input: 'hi', image: { context_compression: 'auto' } })).status).toBe('completed');
    const direct = await client().responses.create({
      model: 'claude-3-haiku',
      input: 'hi',
      tools: [{ ...weather, allowed_callers: ['direct'], async: false }],
      reasoning: { context: 'auto', mode: 'standard' },
    });
    expect(direct.status).toBe('completed');
  });

  it('drops a built-in tool with a warning when dropUnsupportedParams is on', async () => {
    const warnings: Warning[] = [];
    const response = await client({ dropUnsupportedParams: true, onWarning: (warning) => warnings.push(warning) }).responses.create({ model: 'claude-3-haiku', input: 'hi', tools: [{ type: 'web_search' }] });
    expect(response.status).toBe('completed');
    expect(warnings).toEqual([expect.objectContaining({ code: 'unsupported_param_dropped', param: 'tools[0]' })]);
  });
});

describe('responses.inputTokens.count', () => {
  it('counts with Bedrock CountTokens for Claude', async () => {
    const counted = await client().responses.inputTokens.count({ model: 'claude-sonnet-4-5', input: 'one two three', instructions: 'four five' });
    expect(counted).toEqual({ object: 'response.input_tokens', input_tokens: 5 });
    expect(emulator.requests.at(-1)).toMatchObject({ operation: 'CountTokens', modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0' });
  });

  it('is a 400 naming model where Bedrock cannot count', async () => {
    await expect(client({ endpoint: 'http://127.0.0.1:9' }).responses.inputTokens.count({ model: 'nova-lite', input: 'hi' })).rejects.toMatchObject({ status: 400, param: 'model' });
  });
});
