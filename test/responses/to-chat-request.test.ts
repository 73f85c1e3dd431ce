/** Responses params → the chat-shaped body (pure), and the renaming of chat's parameter paths in errors. */
import { describe, expect, it } from 'vitest';
import { createUnsupportedParamHandler } from '../../src/chat/unsupported-params.js';
import { encodeReasoning } from '../../src/responses/encrypted-reasoning.js';
import { convertToChatRequest, type ResponsesRequestContext } from '../../src/responses/to-chat-request.js';
import type { ResponseCreateParamsBase } from '../../src/responses/types.js';

function context(overrides: Partial<ResponsesRequestContext> = {}): ResponsesRequestContext {
  return { history: [], resolveItem: () => undefined, unsupported: createUnsupportedParamHandler({ drop: false, warn: () => undefined }), stream: false, ...overrides };
}

function convert(params: Partial<ResponseCreateParamsBase>, overrides: Partial<ResponsesRequestContext> = {}) {
  return convertToChatRequest({ model: 'claude-3-haiku', ...params } as ResponseCreateParamsBase, context(overrides));
}

const signed = encodeReasoning({ type: 'reasoning.text', text: 'thought', signature: 'SIG' })!;

describe('convertToChatRequest: input', () => {
  it.each<[string, Partial<ResponseCreateParamsBase>, unknown[]]>([
    ['a string', { input: 'Hi' }, [{ role: 'user', content: 'Hi' }]],
    ['instructions first', { instructions: 'Be brief', input: 'Hi' }, [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Hi' }]],
    [
      'every role',
      {
        input: [
          { role: 'developer', content: 'dev' },
          { role: 'system', content: [{ type: 'input_text', text: 'sys' }] },
          { role: 'user', content: 'q' },
          { role: 'assistant', content: 'a' },
        ],
      },
      [
        { role: 'developer', content: 'dev' },
        { role: 'system', content: [{ type: 'text', text: 'sys' }] },
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'a' },
      ],
    ],
    [
      'user parts',
      {
        input: [
          {
            role: 'user',
            content: [
              { type: 'input_text', text: 't' },
              { type: 'input_image', detail: 'low', image_url: 'https://x/y.png' },
              { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,AAAA' },
            ],
          },
        ],
      },
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 't' },
            { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'low' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,AAAA', filename: 'a.pdf' } },
          ],
        },
      ],
    ],
    [
      'an output message, reasoning, function calls and their outputs',
      {
        input: [
          { role: 'user', content: 'q' },
          { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: signed },
          { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Checking', annotations: [] }] },
          { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{"a":1}' },
          { type: 'function_call', call_id: 'c2', name: 'g', arguments: '{}' },
          { type: 'function_call_output', call_id: 'c1', output: 'one' },
          { type: 'function_call_output', call_id: 'c2', output: [{ type: 'input_text', text: 'two' }] },
        ],
      },
      [
        { role: 'user', content: 'q' },
        {
          role: 'assistant',
          content: [{ type: 'text', text: 'Checking' }],
          reasoning_details: [{ type: 'reasoning.text', text: 'thought', signature: 'SIG' }],
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
            { id: 'c2', type: 'function', function: { name: 'g', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'one' },
        { role: 'tool', tool_call_id: 'c2', content: [{ type: 'text', text: 'two' }] },
      ],
    ],
    [
      'unsigned reasoning (kept unsigned, which chat does not replay)',
      { input: [{ role: 'user', content: 'q' }, { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'hm' }] }, { role: 'assistant', content: 'a' }] },
      [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a', reasoning_details: [{ type: 'reasoning.text', text: 'hm' }] }],
    ],
  ])('%s', (_name, params, messages) => {
    expect(convert(params).body.messages).toEqual(messages);
  });

  it('replays history before the input, and resolves item references', () => {
    const history = [
      { item: { role: 'user', content: 'earlier' }, param: 'h0' },
      { item: { type: 'message', id: 'msg_a', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'reply', annotations: [] }] }, param: 'h1' },
    ];
    const stored = { type: 'message', role: 'user', content: 'referenced' };
    const plan = convert({ input: [{ type: 'item_reference', id: 'msg_x' }, { id: 'msg_y' } as never] }, { history, resolveItem: (id) => (id === 'msg_x' || id === 'msg_y' ? stored : undefined) });
    expect(plan.body.messages).toEqual([
      { role: 'user', content: 'earlier' },
      { role: 'assistant', content: [{ type: 'text', text: 'reply' }] },
      { role: 'user', content: 'referenced' },
      { role: 'user', content: 'referenced' },
    ]);
    expect(plan.input).toEqual([stored, stored]);
  });
});

describe('convertToChatRequest: parameters', () => {
  it('maps every setting to chat\'s', () => {
    const plan = convert({
      input: 'Hi',
      max_output_tokens: 100,
      temperature: 0.2,
      top_p: 0.9,
      metadata: { a: 'b' },
      user: 'u1',
      safety_identifier: 's1',
      service_tier: 'flex',
      parallel_tool_calls: true,
      tools: [{ type: 'function', name: 'f', description: 'd', parameters: { type: 'object' }, strict: true }],
      tool_choice: { type: 'function', name: 'f' },
      text: { format: { type: 'json_schema', name: 'n', schema: { type: 'object' }, strict: true }, verbosity: 'low' },
      reasoning: { effort: 'low', summary: 'auto' },
      include: ['reasoning.encrypted_content'],
      bedrock: { latency: 'optimized' },
      store: false,
      truncation: 'disabled',
    });
    expect(plan.body).toEqual({
      model: 'claude-3-haiku',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: false,
      max_completion_tokens: 100,
      temperature: 0.2,
      top_p: 0.9,
      metadata: { a: 'b' },
      user: 'u1',
      safety_identifier: 's1',
      service_tier: 'flex',
      parallel_tool_calls: true,
      tools: [{ type: 'function', function: { name: 'f', description: 'd', parameters: { type: 'object' }, strict: true } }],
      tool_choice: { type: 'function', function: { name: 'f' } },
      response_format: { type: 'json_schema', json_schema: { name: 'n', schema: { type: 'object' }, strict: true } },
      verbosity: 'low',
      reasoning_effort: 'low',
      bedrock: { latency: 'optimized' },
    });
    expect(plan.summary).toBe(true);
    expect(plan.includeEncrypted).toBe(true);
  });

  it.each<[string, Partial<ResponseCreateParamsBase>, unknown]>([
    ['json_object', { text: { format: { type: 'json_object' } } }, { response_format: { type: 'json_object' } }],
    ['allowed_tools', { tools: [{ type: 'function', name: 'f', parameters: null, strict: null }], tool_choice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'f' }] } }, { tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'f' } }] } } }],
    ['tool_choice none', { tool_choice: 'none' }, { tool_choice: 'none' }],
  ])('maps %s', (_name, params, expected) => {
    expect(convert({ input: 'Hi', ...params }).body).toMatchObject(expected as object);
  });
});

describe('renaming chat paths', () => {
  it.each([
    ['messages[1].content[0].image_url.url', 'input[0].content[0].image_url'],
    ['messages[1].content[1].file.file_data', 'input[0].content[1].file_data'],
    ['messages[2].tool_calls[1].function.arguments', 'input[3].arguments'],
    ['messages[2].reasoning_details[0]', 'input[1].encrypted_content'],
    ['max_completion_tokens', 'max_output_tokens'],
    ['response_format.json_schema.schema', 'text.format.schema'],
    ['reasoning_effort', 'reasoning.effort'],
    ['tools[3].function.parameters', 'tools[3].parameters'],
    ['tool_choice.function.name', 'tool_choice.name'],
    ['`messages`', '`input`'],
  ])('%s → %s', (chat, responses) => {
    const plan = convert({
      instructions: 'sys',
      input: [
        { role: 'user', content: [{ type: 'input_image', detail: 'auto', image_url: 'x' }, { type: 'input_file', file_data: 'y' }] },
        { type: 'reasoning', id: 'rs', summary: [], encrypted_content: signed },
        { type: 'function_call', call_id: 'a', name: 'f', arguments: '{}' },
        { type: 'function_call', call_id: 'b', name: 'f', arguments: '{}' },
        { type: 'function_call_output', call_id: 'a', output: '' },
        { type: 'function_call_output', call_id: 'b', output: '' },
      ],
    });
    expect(plan.rename(chat)).toBe(responses);
  });
});

describe('refusals', () => {
  it.each<[string, Partial<ResponseCreateParamsBase>, string, RegExp]>([
    ['a built-in tool', { tools: [{ type: 'image_generation' }] }, 'tools[0]', /image_generation/],
    ['a built-in tool choice', { tool_choice: { type: 'file_search' } }, 'tool_choice', /file_search/],
    ['a built-in tool call item', { input: [{ type: 'web_search_call', id: 'ws', status: 'completed' } as never] }, 'input[0].type', /web_search_call/],
    ['conversation', { conversation: 'conv_1' }, 'conversation', /previous_response_id/],
    ['prompt', { prompt: { id: 'pmpt_1' } }, 'prompt', /stored prompts/],
    ['truncation auto', { truncation: 'auto' }, 'truncation', /truncate/],
    ['logprobs', { include: ['message.output_text.logprobs'] }, 'include[0]', /log probabilities/],
    ['an unknown include', { include: ['nope' as never] }, 'include[0]', /must be one of/],
    ['a bad role', { input: [{ role: 'tool', content: 'x' } as never] }, 'input[0].role', /must be "user"/],
    ['an output without its call', { input: [{ type: 'function_call_output', call_id: 'zz', output: 'x' }] }, 'input[0].call_id', /No function call found/],
    ['an image in a tool output', { input: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' }, { type: 'function_call_output', call_id: 'c', output: [{ type: 'input_image', detail: 'auto', image_url: 'x' }] }] }, 'input[1].output[0]', /input_text/],
    ['a file URL', { input: [{ role: 'user', content: [{ type: 'input_file', file_url: 'https://x/a.pdf' }] }] }, 'input[0].content[0].file_url', /not fetched/],
    ['a missing model', { model: '' }, 'model', /non-empty/],
  ])('refuses %s', (_name, params, param, message) => {
    let caught: unknown;
    try {
      convert({ input: 'Hi', ...params });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ status: 400, param });
    expect((caught as Error).message).toMatch(message);
  });
});

describe('openai 6.49 fields', () => {
  it('carries prompt_cache_breakpoint of input parts (and tool-output text) over to the chat parts, never dropped', () => {
    const { body } = convert({
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'Long context', prompt_cache_breakpoint: { mode: 'explicit' } }, { type: 'input_text', text: 'Question' }] },
      ],
    });
    expect(body.messages[0]).toMatchObject({ role: 'user', content: [{ type: 'text', text: 'Long context', prompt_cache_breakpoint: { mode: 'explicit' } }, { type: 'text', text: 'Question' }] });
    expect((body.messages[0]!.content as object[])[1]).not.toHaveProperty('prompt_cache_breakpoint');
  });

  it('copies moderation and prompt_cache_options to the chat body, whose rules refuse or accept them', () => {
    const { body } = convert({ input: 'Hi', moderation: { model: 'omni-moderation-latest' }, prompt_cache_options: { mode: 'explicit' }, safety_identifier: null });
    expect(body).toMatchObject({ moderation: { model: 'omni-moderation-latest' }, prompt_cache_options: { mode: 'explicit' } });
  });
});
