/**
 * Prompt management end to end: a Prompt-management ARN as `model` with `bedrock.promptVariables`, through our
 * Client → the real AWS SDK → real HTTP → the emulator (which stores the prompt and fills its template). What the
 * prompt fixes (system, inference settings, tools, additional fields) is refused by the client before sending, and
 * by the emulator when sent raw.
 */
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/core/errors.js';
import type { ChatCompletionCreateParamsBase } from '../../src/chat/types.js';
import { accumulateChunks, rejection } from './helpers.js';
import { collect } from '../support/collect.js';
import { useEmulator } from '../support/emulator.js';

const PROMPT_ARN = 'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT1234';
const TEMPLATE = 'Write a short poem about {{topic}} in {{language}}.';

const { emulator, client, offline } = useEmulator({ prompts: { [PROMPT_ARN]: { model: 'anthropic.claude-3-haiku-20240307-v1:0', template: TEMPLATE } } });

function lastBody(): Record<string, unknown> {
  return emulator.requests.at(-1)!.body as Record<string, unknown>;
}

const promptVariables = { topic: { text: 'tea' }, language: { text: 'French' } };
const ask = (extra: Partial<ChatCompletionCreateParamsBase> = {}): ChatCompletionCreateParamsBase => ({ model: PROMPT_ARN, messages: [], bedrock: { promptVariables }, ...extra });

describe('bedrock.promptVariables with a prompt ARN', () => {
  it('runs the stored prompt with its variables filled, streamed alike', async () => {
    const completion = await client().chat.completions.create({ ...ask(), stream: false });
    expect(completion.choices[0]!.message.content).toBe('You said: Write a short poem about tea in French.');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.model).toBe(PROMPT_ARN);
    expect(completion.usage).toMatchObject({ prompt_tokens: 8, completion_tokens: 10 });
    expect(lastBody()).toEqual({ promptVariables });
    expect(emulator.requests.at(-1)).toMatchObject({ operation: 'Converse', modelId: PROMPT_ARN, resolvedModelId: 'anthropic.claude-3-haiku-20240307-v1:0' });

    const chunks = await collect(await client().chat.completions.create({ ...ask(), stream: true, stream_options: { include_usage: true } }));
    const streamed = accumulateChunks(chunks);
    expect(emulator.requests.at(-1)).toMatchObject({ operation: 'ConverseStream', modelId: PROMPT_ARN });
    expect(streamed.content).toBe(completion.choices[0]!.message.content);
    expect(streamed.finish_reason).toBe('stop');
    expect(streamed.usage).toEqual(completion.usage);
  });

  it('takes a prompt version ARN, and appends the conversation after the prompt', async () => {
    const completion = await client().chat.completions.create({
      ...ask({
        model: `${PROMPT_ARN}:2`,
        messages: [
          { role: 'assistant', content: 'Tea in the morning.' },
          { role: 'user', content: 'Now make it rhyme' },
        ],
      }),
      stream: false,
    });
    expect(completion.choices[0]!.message.content).toBe('You said: Now make it rhyme');
    expect(lastBody()['messages']).toEqual([
      { role: 'assistant', content: [{ text: 'Tea in the morning.' }] },
      { role: 'user', content: [{ text: 'Now make it rhyme' }] },
    ]);
  });

  it('still refuses an assistant-first conversation for an ordinary model, before sending', async () => {
    const error = await rejection(
      offline().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'assistant', content: 'Tea in the morning.' }, { role: 'user', content: 'Now make it rhyme' }] }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param: 'messages[0]' });
  });

  it('surfaces a missing variable as the BadRequestError Bedrock answers with', async () => {
    const error = await rejection(client().chat.completions.create(ask({ bedrock: { promptVariables: { topic: { text: 'tea' } } } })));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).status).toBe(400);
    expect((error as Error).message).toMatch(/promptVariables.*language|language.*promptVariables/);
  });

  it.each<[string, Partial<ChatCompletionCreateParamsBase>, RegExp]>([
    ['a system message', { messages: [{ role: 'system', content: 'Be brief.' }] }, /system and developer messages/],
    ['max_tokens', { max_tokens: 100 }, /`max_tokens`/],
    ['temperature', { temperature: 0.2 }, /`temperature`/],
    ['tools', { tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }] }, /`tools`/],
    ['additional model request fields', { bedrock: { promptVariables, additionalModelRequestFields: { top_k: 5 } } }, /additionalModelRequestFields/],
  ])('refuses %s before sending', async (_name, extra, message) => {
    const error = await rejection(offline().chat.completions.create(ask(extra)));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param: 'model' });
    expect((error as Error).message).toMatch(message);
  });

  it.each<[string, Record<string, unknown>]>([
    ['inferenceConfig', { inferenceConfig: { maxTokens: 100 } }],
    ['system', { system: [{ text: 'Be brief.' }] }],
    ['toolConfig', { toolConfig: { tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object' } } } }] } }],
    ['additionalModelRequestFields', { additionalModelRequestFields: { top_k: 5 } }],
  ])('is refused by Bedrock (the emulator) when %s is sent raw', async (field, extra) => {
    const raw = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emulator.url, credentials: emulator.credentials, maxAttempts: 1 });
    try {
      const error = await rejection(raw.send(new ConverseCommand({ modelId: PROMPT_ARN, promptVariables, ...extra })));
      expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
      expect((error as Error).message).toContain(`The ${field} field isn't supported`);
    } finally {
      raw.destroy();
    }
  });
});
