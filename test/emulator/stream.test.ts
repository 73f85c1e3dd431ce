import { ConverseStreamCommand, type ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame } from '../../src/emulator/event-stream.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { captureError, ClientFactory, TRANSPORTS } from './helpers.js';
import { collect } from '../support/collect.js';

let emulator: EmulatorHandle;
const clients = new ClientFactory(() => emulator);

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  clients.destroyAll();
  await emulator.close();
});


const eventName = (event: ConverseStreamOutput) => Object.keys(event).find((key) => (event as unknown as Record<string, unknown>)[key] !== undefined);

describe.each(TRANSPORTS)('ConverseStream over %s', (transport) => {
  it('streams text deltas, then messageStop and metadata with usage and metrics', async () => {
    const response = await clients.sigv4(transport).send(
      new ConverseStreamCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'one two three four five six seven' }] }] }),
    );
    expect(response.$metadata.httpStatusCode).toBe(200);
    const events = await collect(response.stream);
    expect(events.map(eventName)).toEqual([
      'messageStart',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    expect(events[0]).toEqual({ messageStart: { role: 'assistant' } });
    const text = events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('');
    expect(text).toBe('You said: one two three four five six seven');
    expect(events.at(-2)).toEqual({ messageStop: { stopReason: 'end_turn' } });
    expect(events.at(-1)?.metadata?.usage).toEqual({ inputTokens: 7, outputTokens: 9, totalTokens: 16 });
    expect(events.at(-1)?.metadata?.metrics?.latencyMs).toBeGreaterThanOrEqual(1);
  });

  it('streams tool use as contentBlockStart plus several partial-JSON deltas', async () => {
    const response = await clients.sigv4(transport).send(
      new ConverseStreamCommand({
        modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
        messages: [{ role: 'user', content: [{ text: 'call search and clock' }] }],
        toolConfig: {
          tools: [
            { toolSpec: { name: 'search', inputSchema: { json: { type: 'object', properties: { query: { type: 'string' }, limit: { type: 'integer', minimum: 5 } }, required: ['query'] } } } },
            { toolSpec: { name: 'clock', inputSchema: { json: { type: 'object', properties: {} } } } },
          ],
        },
      }),
    );
    const events = await collect(response.stream);
    const starts = events.filter((event) => event.contentBlockStart !== undefined).map((event) => event.contentBlockStart);
    expect(starts.map((start) => [start?.contentBlockIndex, start?.start?.toolUse?.name])).toEqual([
      [1, 'search'],
      [2, 'clock'],
    ]);
    const inputFor = (index: number) =>
      events
        .filter((event) => event.contentBlockDelta?.contentBlockIndex === index)
        .map((event) => event.contentBlockDelta?.delta?.toolUse?.input ?? '');
    expect(inputFor(1).length).toBeGreaterThan(1);
    expect(JSON.parse(inputFor(1).join(''))).toEqual({ query: 'call search and clock', limit: 5 });
    expect(inputFor(2)).toEqual(['{', '}']);
    expect(events.find((event) => event.messageStop !== undefined)?.messageStop?.stopReason).toBe('tool_use');
  });

  it('streams reasoning text deltas ending with a signature delta', async () => {
    const response = await clients.sigv4(transport).send(
      new ConverseStreamCommand({
        modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
        messages: [{ role: 'user', content: [{ text: 'why' }] }],
        inferenceConfig: { maxTokens: 3000 },
        additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } },
      }),
    );
    const events = await collect(response.stream);
    const reasoning = events.filter((event) => event.contentBlockDelta?.contentBlockIndex === 0).map((event) => event.contentBlockDelta?.delta?.reasoningContent);
    expect(reasoning.length).toBeGreaterThan(2);
    expect(reasoning.slice(0, -1).every((delta) => typeof delta?.text === 'string')).toBe(true);
    expect(reasoning.at(-1)?.signature).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(events.filter((event) => event.contentBlockStop !== undefined)).toHaveLength(2);
  });

  it('carries the guardrail trace in metadata', async () => {
    const response = await clients.sigv4(transport).send(
      new ConverseStreamCommand({
        modelId: 'amazon.nova-lite-v1:0',
        messages: [{ role: 'user', content: [{ text: 'blocked-topic please' }] }],
        guardrailConfig: { guardrailIdentifier: 'g1', guardrailVersion: 'DRAFT', trace: 'enabled', streamProcessingMode: 'sync' },
      }),
    );
    const events = await collect(response.stream);
    expect(events.find((event) => event.messageStop)?.messageStop?.stopReason).toBe('guardrail_intervened');
    expect(events.at(-1)?.metadata?.trace?.guardrail?.inputAssessment?.['g1']).toBeDefined();
  });

  it('rejects ConverseStream on a model without streaming before the stream starts', async () => {
    const error = await captureError(
      clients.sigv4(transport).send(new ConverseStreamCommand({ modelId: 'us.meta.llama4-scout-17b-instruct-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] })),
    );
    expect(error).toMatchObject({ name: 'ValidationException', message: 'The model is unsupported for streaming.' });
  });
});

describe('event-stream wire format', () => {
  it('writes application/vnd.amazon.eventstream frames, some with the "p" padding field', async () => {
    const response = await fetch(`${emulator.url}/model/amazon.nova-lite-v1%3A0/converse-stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'padding check' }] }] }),
    });
    expect(response.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const frames: Array<{ headers: Record<string, unknown>; body: string }> = [];
    for (let offset = 0; offset < bytes.length; ) {
      const length = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
      frames.push(decodeFrame(bytes.subarray(offset, offset + length)));
      offset += length;
    }
    expect(frames[0]?.headers).toEqual({ ':event-type': 'messageStart', ':content-type': 'application/json', ':message-type': 'event' });
    const bodies = frames.map((frame) => JSON.parse(frame.body) as Record<string, unknown>);
    expect(bodies.filter((body) => typeof body['p'] === 'string').length).toBeGreaterThan(0);
    expect(bodies.filter((body) => body['p'] === undefined).length).toBeGreaterThan(0);
  });
});
