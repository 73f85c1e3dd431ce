/** Shared by the HTTP tests: an emulator-backed client's options, and SSE bodies read with a real SSE parser. */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ClientOptions } from '../../src/client.js';
import type { EmulatorHandle } from '../../src/emulator/index.js';

/** Client options that reach `emulator` and read nothing from the machine. */
export function emulatorClientOptions(emulator: EmulatorHandle, extra: ClientOptions = {}): ClientOptions {
  return { endpoint: emulator.url, credentials: emulator.credentials, configFile: false, env: {}, region: 'us-east-1', logLevel: 'off', ...extra };
}

export interface SseRead {
  /** The raw text of the body. */
  text: string;
  events: EventSourceMessage[];
  comments: string[];
}

/** Reads an event-stream body to its end. */
export async function readSse(response: Response): Promise<SseRead> {
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event), onComment: (comment) => comments.push(comment) });
  const text = await response.text();
  parser.feed(text);
  return { text, events, comments };
}

/** A chat request body. */
export function chatBody(content: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ model: 'nova-lite', messages: [{ role: 'user', content }], ...extra });
}
