/**
 * Redacted reasoning end to end: our Client → the real AWS SDK → real HTTP → the emulator. Claude 3.7 Sonnet with
 * thinking on returns its reasoning redacted when the user text holds Anthropic's magic string; the client must
 * surface it as `{ type: 'reasoning.redacted', data }` and replay it unchanged, or Bedrock refuses the tool turn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/client.js';
import { BadRequestError } from '../../src/core/errors.js';
import { REDACTED_THINKING_TRIGGER, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import type { ChatCompletionMessageParam, ChatCompletionTool } from '../../src/chat/types.js';
import { accumulateChunks, rejection } from './helpers.js';
import { collect } from '../support/collect.js';

let emulator: EmulatorHandle;
let client: Client;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new Client({ endpoint: emulator.url, credentials: emulator.credentials, configFile: false, maxRetries: 0, env: {}, region: 'us-east-1' });
});

afterAll(async () => {
  client.close();
  await emulator.close();
});


/** The Converse messages of the last request the emulator received. */
function lastMessages(): { role: string; content: Record<string, unknown>[] }[] {
  return (emulator.requests.at(-1)!.body as { messages: { role: string; content: Record<string, unknown>[] }[] }).messages;
}

const weather: ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

describe('redacted reasoning', () => {
  it('is one reasoning.redacted entry, the same without and with streaming (sent once in a delta)', async () => {
    const params = { model: 'claude-3-7-sonnet', messages: [{ role: 'user' as const, content: `Think about this ${REDACTED_THINKING_TRIGGER}` }], reasoning_effort: 'low' as const };
    const completion = await client.chat.completions.create(params);
    const message = completion.choices[0]!.message;
    expect(message.reasoning_details).toEqual([{ type: 'reasoning.redacted', data: expect.stringMatching(base64) }]);
    expect(message.reasoning_content).toBeUndefined();
    expect(message.content).toBe(`You said: Think about this ${REDACTED_THINKING_TRIGGER}`);

    const chunks = await collect(await client.chat.completions.create({ ...params, stream: true }));
    const withDetails = chunks.filter((chunk) => chunk.choices[0]?.delta.reasoning_details !== undefined);
    expect(withDetails).toHaveLength(1);
    const streamed = accumulateChunks(chunks);
    expect(streamed.reasoning_details).toEqual(message.reasoning_details);
    expect(streamed.reasoning_content).toBeUndefined();
    expect(streamed.content).toBe(message.content);
  });

  it('runs a multi-turn tool loop by replaying the redacted block unchanged; dropped or altered, Bedrock refuses', async () => {
    const params = { model: 'claude-3-7-sonnet', tools: [weather], reasoning_effort: 'low' as const };
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: `Use get_weather for Lisbon ${REDACTED_THINKING_TRIGGER}` }];
    const first = await client.chat.completions.create({ ...params, messages });
    const choice = first.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    const detail = choice.message.reasoning_details?.[0];
    expect(detail).toEqual({ type: 'reasoning.redacted', data: expect.stringMatching(base64) });
    const data = detail?.type === 'reasoning.redacted' ? detail.data : '';
    const call = choice.message.tool_calls![0]!;
    messages.push(choice.message, { role: 'tool', tool_call_id: call.id, content: '21°C, clear' });

    const second = await client.chat.completions.create({ ...params, messages });
    expect(second.choices[0]!.message.content).toContain('21°C, clear');
    // Replayed first in its turn, byte for byte (base64 in the JSON body).
    expect(lastMessages()[1]!.content[0]).toEqual({ reasoningContent: { redactedContent: data } });

    // The same loop streamed gives the same answer.
    const streamed = accumulateChunks(await collect(await client.chat.completions.create({ ...params, messages, stream: true })));
    expect(streamed.content).toBe(second.choices[0]!.message.content);

    // Dropping the redacted block breaks the loop, as on Bedrock.
    const { reasoning_details: _dropped, ...withoutReasoning } = choice.message;
    const dropped = await rejection(client.chat.completions.create({ ...params, messages: [messages[0]!, withoutReasoning, messages[2]!] }));
    expect(dropped).toBeInstanceOf(BadRequestError);
    expect((dropped as Error).message).toMatch(/Expected `thinking` or `redacted_thinking`/);

    // So does altering it.
    const bytes = Buffer.from(data, 'base64');
    bytes[0] = bytes[0]! ^ 0xff;
    const altered = { ...choice.message, reasoning_details: [{ type: 'reasoning.redacted' as const, data: bytes.toString('base64') }] };
    const forged = await rejection(client.chat.completions.create({ ...params, messages: [messages[0]!, altered, messages[2]!] }));
    expect(forged).toBeInstanceOf(BadRequestError);
    expect((forged as Error).message).toMatch(/Invalid `data` in `redacted_thinking` block/);
  });
});
