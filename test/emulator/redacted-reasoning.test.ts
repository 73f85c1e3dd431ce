/**
 * Redacted reasoning: Claude 3.7 Sonnet with thinking on returns one `reasoningContent.redactedContent` block when
 * the last user text holds Anthropic's magic string; a replay must carry the blob unchanged.
 */
import { type ContentBlock, ConverseCommand, ConverseStreamCommand, type Message } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyFor, type ConverseRequestJson } from '../../src/emulator/converse.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { ModelRegistry } from '../../src/emulator/models.js';
import { createRedactedReasoning, REDACTED_THINKING_TRIGGER, verifyRedactedReasoning } from '../../src/emulator/reasoning.js';
import { countTokens } from '../../src/emulator/tokens.js';
import { validateConverseRequest } from '../../src/emulator/validation.js';
import { captureError, ClientFactory } from './helpers.js';
import { collect } from '../support/collect.js';

const models = new ModelRegistry();
const sonnet37 = models.get('anthropic.claude-3-7-sonnet-20250219-v1:0')!;
const sonnet45 = models.get('anthropic.claude-sonnet-4-5-20250929-v1:0')!;

const thinkingRequest = (text: string): ConverseRequestJson => ({
  messages: [{ role: 'user', content: [{ text }] }],
  inferenceConfig: { maxTokens: 3000 },
  additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } },
});

describe('redacted reasoning blobs', () => {
  it('are deterministic per seed, distinct across seeds, and verify', () => {
    const blob = createRedactedReasoning('seed');
    expect(createRedactedReasoning('seed')).toBe(blob);
    expect(createRedactedReasoning('other seed')).not.toBe(blob);
    expect(Buffer.from(blob, 'base64')).toHaveLength(48);
    expect(verifyRedactedReasoning(blob)).toBe(true);
  });

  it.each<[string, (blob: string) => unknown]>([
    ['a flipped byte', (blob) => {
      const bytes = Buffer.from(blob, 'base64');
      bytes[20] = bytes[20]! ^ 1;
      return bytes.toString('base64');
    }],
    ['a truncated blob', (blob) => Buffer.from(blob, 'base64').subarray(0, 40).toString('base64')],
    ['a longer blob', (blob) => Buffer.concat([Buffer.from(blob, 'base64'), Buffer.from([0])]).toString('base64')],
    ['not base64', () => '!!not base64!!'],
    ['an empty string', () => ''],
    ['a non-string', () => 42],
  ])('reject %s', (_name, mutate) => {
    expect(verifyRedactedReasoning(mutate(createRedactedReasoning('seed')))).toBe(false);
  });
});

describe('replyFor: redacted reasoning', () => {
  const context = { redactedThinkingTrigger: REDACTED_THINKING_TRIGGER };

  it('replaces the signed block with one verifiable redacted block on Claude 3.7 Sonnet when the trigger is in the last user text', () => {
    const reply = replyFor(thinkingRequest(`Please ${REDACTED_THINKING_TRIGGER}`), { model: sonnet37, ...context });
    expect(reply.content).toEqual([{ reasoningContent: { redactedContent: expect.any(String) } }, { text: `You said: Please ${REDACTED_THINKING_TRIGGER}` }]);
    const blob = (reply.content[0]!['reasoningContent'] as { redactedContent: string }).redactedContent;
    expect(verifyRedactedReasoning(blob)).toBe(true);
    // The hidden thought still costs output tokens, as the readable one does.
    const readable = replyFor(thinkingRequest('Please'), { model: sonnet37, ...context });
    const readableThought = (readable.content[0]!['reasoningContent'] as { reasoningText: { text: string } }).reasoningText.text;
    expect(reply.usage.outputTokens).toBe(countTokens(readableThought) + countTokens(`You said: Please ${REDACTED_THINKING_TRIGGER}`));
  });

  it.each<[string, Parameters<typeof replyFor>[1], string]>([
    ['a Claude 4 model (which never redacts)', { model: sonnet45, ...context }, `x ${REDACTED_THINKING_TRIGGER}`],
    ['no trigger in the text', { model: sonnet37, ...context }, 'nothing special'],
    ['no trigger configured (the InvokeModel path)', { model: sonnet37 }, `x ${REDACTED_THINKING_TRIGGER}`],
    ['an empty trigger', { model: sonnet37, redactedThinkingTrigger: '' }, `x ${REDACTED_THINKING_TRIGGER}`],
  ])('keeps readable signed reasoning with %s', (_name, replyContext, text) => {
    const reply = replyFor(thinkingRequest(text), replyContext);
    expect(reply.content[0]).toEqual({ reasoningContent: { reasoningText: { text: expect.any(String), signature: expect.any(String) } } });
  });

  it('does not redact without thinking', () => {
    const reply = replyFor({ messages: [{ role: 'user', content: [{ text: REDACTED_THINKING_TRIGGER }] }] }, { model: sonnet37, ...context });
    expect(reply.content).toEqual([{ text: `You said: ${REDACTED_THINKING_TRIGGER}` }]);
  });
});

describe('validation of replayed redacted reasoning', () => {
  const replay = (redactedContent: string): ConverseRequestJson => ({
    ...thinkingRequest('a'),
    messages: [
      { role: 'user', content: [{ text: 'a' }] },
      { role: 'assistant', content: [{ reasoningContent: { redactedContent } }, { text: 'b' }] },
      { role: 'user', content: [{ text: 'c' }] },
    ],
  });
  const messageOf = (request: ConverseRequestJson): string | undefined => {
    try {
      validateConverseRequest(request, { model: sonnet37, operation: 'Converse' });
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('accepts a blob the emulator issued and refuses a forged one, naming the block', () => {
    expect(messageOf(replay(createRedactedReasoning('x')))).toBeUndefined();
    expect(messageOf(replay(Buffer.alloc(48, 7).toString('base64')))).toBe(
      'The model returned the following errors: messages.1.content.0: Invalid `data` in `redacted_thinking` block',
    );
  });
});

let emulator: EmulatorHandle;
const clients = new ClientFactory(() => emulator);

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  clients.destroyAll();
  await emulator.close();
});


describe('redacted reasoning over the wire (AWS SDK)', () => {
  const modelId = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
  const thinking = { inferenceConfig: { maxTokens: 3000 }, additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } } };
  const question: Message = { role: 'user', content: [{ text: `Use get_weather for Oslo ${REDACTED_THINKING_TRIGGER}` }] };
  const toolConfig = { tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } } } } } }] };

  it('sends the blob as bytes in Converse, and as one redactedContent delta in ConverseStream', async () => {
    const client = clients.sigv4();
    const messages: Message[] = [{ role: 'user', content: [{ text: `Hi ${REDACTED_THINKING_TRIGGER}` }] }];
    const response = await client.send(new ConverseCommand({ modelId, messages, ...thinking }));
    const redacted = response.output?.message?.content?.[0]?.reasoningContent?.redactedContent;
    expect(redacted).toBeInstanceOf(Uint8Array);
    expect(verifyRedactedReasoning(Buffer.from(redacted!).toString('base64'))).toBe(true);

    const events = await collect((await client.send(new ConverseStreamCommand({ modelId, messages, ...thinking }))).stream);
    const firstBlock = events.filter((event) => event.contentBlockDelta?.contentBlockIndex === 0 || event.contentBlockStop?.contentBlockIndex === 0);
    expect(firstBlock).toHaveLength(2);
    expect(Object.keys(firstBlock[0]!.contentBlockDelta!.delta!.reasoningContent!)).toEqual(['redactedContent']);
    expect(Buffer.from(firstBlock[0]!.contentBlockDelta!.delta!.reasoningContent!.redactedContent!)).toEqual(Buffer.from(redacted!));
    expect(firstBlock[1]!.contentBlockStop).toEqual({ contentBlockIndex: 0 });
  });

  it('continues a tool loop when the redacted block is replayed, and refuses it dropped or altered', async () => {
    const client = clients.sigv4();
    const first = await client.send(new ConverseCommand({ modelId, messages: [question], toolConfig, ...thinking }));
    expect(first.stopReason).toBe('tool_use');
    const content = first.output!.message!.content!;
    expect(content[0]?.reasoningContent?.redactedContent).toBeInstanceOf(Uint8Array);
    const toolUse = content.find((block) => block.toolUse !== undefined)!.toolUse!;
    const result: Message = { role: 'user', content: [{ toolResult: { toolUseId: toolUse.toolUseId, content: [{ text: 'snow' }] } }] };
    const loop = (assistant: ContentBlock[]) => client.send(new ConverseCommand({ modelId, messages: [question, { role: 'assistant', content: assistant }, result], toolConfig, ...thinking }));

    const second = await loop(content);
    expect(second.output?.message?.content?.at(-1)).toEqual({ text: 'Tool get_weather returned: snow' });

    const dropped = await captureError(loop(content.slice(1)));
    expect(dropped).toMatchObject({ name: 'ValidationException' });
    expect(dropped.message).toMatch(/^The model returned the following errors: messages\.1\.content\.0\.type: Expected `thinking` or `redacted_thinking`, but found `text`/);

    const altered = Buffer.from(content[0]!.reasoningContent!.redactedContent!);
    altered[0] = altered[0]! ^ 0xff;
    const forged = await captureError(loop([{ reasoningContent: { redactedContent: altered } }, ...content.slice(1)]));
    expect(forged).toMatchObject({ name: 'ValidationException', message: 'The model returned the following errors: messages.1.content.0: Invalid `data` in `redacted_thinking` block' });
  });

  it('takes another trigger from the redactedThinkingTrigger option', async () => {
    const custom = await startEmulator({ redactedThinkingTrigger: 'please-redact' });
    const client = new ClientFactory(() => custom);
    try {
      const response = await client.sigv4().send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'please-redact this' }] }], ...thinking }));
      expect(response.output?.message?.content?.[0]?.reasoningContent?.redactedContent).toBeInstanceOf(Uint8Array);
    } finally {
      client.destroyAll();
      await custom.close();
    }
  });
});
