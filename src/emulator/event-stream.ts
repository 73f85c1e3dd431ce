/**
 * Event-stream frames (`application/vnd.amazon.eventstream`), encoded with Smithy's `EventStreamCodec`, and the
 * ConverseStream event sequence for a reply.
 */
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { ContentBlockJson, ConverseReply, JsonObject } from './converse.js';
import { splitTokens } from './tokens.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const stringHeader = (value: string) => ({ type: 'string' as const, value });

/** An `:message-type: event` frame. */
export function encodeEvent(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': stringHeader(eventType),
      ':content-type': stringHeader('application/json'),
      ':message-type': stringHeader('event'),
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/** An `:message-type: exception` frame, e.g. `throttlingException` with `{"message": …}`. */
export function encodeException(exceptionType: string, payload: JsonObject): Uint8Array {
  return codec.encode({
    headers: {
      ':exception-type': stringHeader(exceptionType),
      ':content-type': stringHeader('application/json'),
      ':message-type': stringHeader('exception'),
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/** Decodes one complete frame (for tests and tools). */
export function decodeFrame(frame: Uint8Array): { headers: Record<string, unknown>; body: string } {
  const message = codec.decode(frame);
  const headers: Record<string, unknown> = {};
  for (const [name, header] of Object.entries(message.headers)) headers[name] = header.value;
  return { headers, body: toUtf8(message.body) };
}

/** The in-stream exception member name for an exception (`ThrottlingException` → `throttlingException`). */
export function streamExceptionMember(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export interface StreamEvent {
  type: string;
  payload: JsonObject;
}

const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Every third event carries Bedrock's padding field `p` (of varying length), which SDKs drop. */
function withPadding(events: StreamEvent[]): StreamEvent[] {
  return events.map((event, index) =>
    index % 3 === 0 ? { type: event.type, payload: { p: PADDING.slice(0, 10 + ((index * 7) % (PADDING.length - 10))), ...event.payload } } : event,
  );
}

/** Splits text into deltas of up to `tokensPerDelta` tokens (whitespace kept), at least one delta. */
export function chunkText(text: string, tokensPerDelta = 3): string[] {
  const tokens = splitTokens(text);
  const chunks: string[] = [];
  for (let index = 0; index < tokens.length; index += tokensPerDelta) chunks.push(tokens.slice(index, index + tokensPerDelta).join(''));
  const trailing = text.slice(chunks.join('').length);
  if (trailing !== '') chunks.push(trailing);
  return chunks.length === 0 ? [text] : chunks;
}

/** Splits a JSON string into at least two partial pieces (when it has two characters or more). */
export function chunkJson(json: string, size = 12): string[] {
  if (json.length < 2) return [json];
  const pieceSize = Math.max(1, Math.min(size, Math.ceil(json.length / 2)));
  const pieces: string[] = [];
  for (let index = 0; index < json.length; index += pieceSize) pieces.push(json.slice(index, index + pieceSize));
  return pieces;
}

function blockEvents(block: ContentBlockJson, index: number): StreamEvent[] {
  const events: StreamEvent[] = [];
  if (typeof block['text'] === 'string') {
    for (const text of chunkText(block['text'])) events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex: index, delta: { text } } });
  } else if (typeof (block['reasoningContent'] as JsonObject | undefined)?.['redactedContent'] === 'string') {
    // Redacted reasoning arrives whole, in one delta (base64 in JSON), with no readable text or signature.
    const redactedContent = (block['reasoningContent'] as JsonObject)['redactedContent'];
    events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex: index, delta: { reasoningContent: { redactedContent } } } });
  } else if (block['reasoningContent'] !== undefined) {
    const reasoning = (block['reasoningContent'] as JsonObject)['reasoningText'] as JsonObject;
    for (const text of chunkText(String(reasoning['text'] ?? ''))) {
      events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex: index, delta: { reasoningContent: { text } } } });
    }
    if (typeof reasoning['signature'] === 'string') {
      events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex: index, delta: { reasoningContent: { signature: reasoning['signature'] } } } });
    }
  } else if (block['citationsContent'] !== undefined) {
    // Generated text as text deltas, then each citation whole as one `citation` delta (ContentBlockDelta.citation).
    const cited = block['citationsContent'] as JsonObject;
    const text = ((cited['content'] as JsonObject[] | undefined) ?? []).map((part) => String(part['text'] ?? '')).join('');
    for (const piece of chunkText(text)) events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex: index, delta: { text: piece } } });
    for (const citation of (cited['citations'] as JsonObject[] | undefined) ?? []) {
      events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex: index, delta: { citation } } });
    }
  } else if (block['toolUse'] !== undefined) {
    const toolUse = block['toolUse'] as JsonObject;
    events.push({
      type: 'contentBlockStart',
      payload: { contentBlockIndex: index, start: { toolUse: { toolUseId: toolUse['toolUseId'], name: toolUse['name'] } } },
    });
    for (const input of chunkJson(JSON.stringify(toolUse['input'] ?? {}))) {
      events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex: index, delta: { toolUse: { input } } } });
    }
  }
  events.push({ type: 'contentBlockStop', payload: { contentBlockIndex: index } });
  return events;
}

/**
 * The ConverseStream events for a reply, in Bedrock's order: `messageStart`, per block (`contentBlockStart` for
 * tool use only) `contentBlockDelta`… `contentBlockStop`, `messageStop`, `metadata` (usage, metrics, trace).
 */
export function converseStreamEvents(reply: ConverseReply, latencyMs: number): StreamEvent[] {
  const events: StreamEvent[] = [{ type: 'messageStart', payload: { role: 'assistant' } }];
  reply.content.forEach((block, index) => events.push(...blockEvents(block, index)));
  events.push({
    type: 'messageStop',
    payload: {
      stopReason: reply.stopReason,
      ...(reply.additionalModelResponseFields === undefined ? {} : { additionalModelResponseFields: reply.additionalModelResponseFields }),
    },
  });
  events.push({
    type: 'metadata',
    payload: { usage: reply.usage, metrics: { latencyMs }, ...(reply.trace === undefined ? {} : { trace: reply.trace }) },
  });
  return withPadding(events);
}

/** An InvokeModelWithResponseStream `chunk` event carrying one native JSON event. */
export function chunkEvent(nativeEvent: unknown): StreamEvent {
  return { type: 'chunk', payload: { bytes: Buffer.from(JSON.stringify(nativeEvent)).toString('base64') } };
}

/** A `:message-type: error` frame (`:error-code`, `:error-message`); SDKs raise a plain Error named by the code. */
export function encodeErrorFrame(code: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': stringHeader('error'),
      ':error-code': stringHeader(code),
      ':error-message': stringHeader(message),
    },
    body: new Uint8Array(0),
  });
}
