/**
 * The middleware that keeps Bedrock's unmodelled `x-amzn-bedrock-*-token-count` headers, on a raw SDK client
 * talking to the emulator over both transports.
 */
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBedrockHeadersMiddleware, bedrockHeadersOf, readBedrockHeaders } from '../../src/core/response-headers.js';
import { type EmulatorHandle, startEmulator } from '../../src/emulator/index.js';

let emulator: EmulatorHandle;
const clients: BedrockRuntimeClient[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await emulator.close();
});

function sdkClient(transport: 'h2c' | 'http1'): BedrockRuntimeClient {
  const client = new BedrockRuntimeClient({
    region: emulator.region,
    endpoint: emulator.url,
    credentials: emulator.credentials,
    maxAttempts: 1,
    ...(transport === 'http1' ? { requestHandler: new NodeHttpHandler() } : {}),
  });
  clients.push(client);
  return client;
}

const cohereCommand = (): InvokeModelCommand =>
  new InvokeModelCommand({
    modelId: 'cohere.embed-english-v3',
    body: JSON.stringify({ texts: ['one two three', 'four five'], input_type: 'search_document' }),
    contentType: 'application/json',
  });

describe('addBedrockHeadersMiddleware', () => {
  it.each(['h2c', 'http1'] as const)('copies the token count header onto the output (%s), out of sight', async (transport) => {
    const client = sdkClient(transport);
    addBedrockHeadersMiddleware(client.middlewareStack);
    addBedrockHeadersMiddleware(client.middlewareStack); // twice replaces, never stacks
    const output = await client.send(cohereCommand());
    expect(bedrockHeadersOf(output)).toMatchObject({ inputTokenCount: 5, outputTokenCount: 0 });
    expect(Object.keys(output).sort()).toEqual(['$metadata', 'body', 'contentType']);
    expect(JSON.stringify(output)).not.toContain('inputTokenCount');
  });

  it('reports nothing when the middleware is not installed', async () => {
    const output = await sdkClient('http1').send(cohereCommand());
    expect(bedrockHeadersOf(output)).toBeUndefined();
  });

  it('works on one command alone', async () => {
    const command = cohereCommand();
    addBedrockHeadersMiddleware(command.middlewareStack);
    expect(bedrockHeadersOf(await sdkClient('http1').send(command))?.inputTokenCount).toBe(5);
  });
});

describe('readBedrockHeaders', () => {
  it.each<[Record<string, string | undefined>, ReturnType<typeof readBedrockHeaders>]>([
    [
      { 'x-amzn-bedrock-input-token-count': '12', 'x-amzn-bedrock-output-token-count': '0', 'x-amzn-bedrock-invocation-latency': '85' },
      { inputTokenCount: 12, outputTokenCount: 0, invocationLatencyMs: 85 },
    ],
    [{}, { inputTokenCount: undefined, outputTokenCount: undefined, invocationLatencyMs: undefined }],
    [{ 'x-amzn-bedrock-input-token-count': 'many' }, { inputTokenCount: undefined, outputTokenCount: undefined, invocationLatencyMs: undefined }],
    [{ 'x-amzn-bedrock-input-token-count': '-3' }, { inputTokenCount: undefined, outputTokenCount: undefined, invocationLatencyMs: undefined }],
  ])('%j', (headers, expected) => {
    expect(readBedrockHeaders(headers)).toEqual(expected);
  });
});
