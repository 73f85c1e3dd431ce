import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { captureError, ClientFactory, TRANSPORTS } from './helpers.js';

let emulator: EmulatorHandle;
const clients = new ClientFactory(() => emulator);

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  clients.destroyAll();
  await emulator.close();
});

const hello = (text: string) =>
  new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text }] }] });

describe.each(TRANSPORTS)('Converse over %s', (transport) => {
  it('answers with an echo of the last user message and word-count usage', async () => {
    const response = await clients.sigv4(transport).send(hello('Hello there, emulator'));
    expect(response.output?.message?.role).toBe('assistant');
    expect(response.output?.message?.content).toEqual([{ text: 'You said: Hello there, emulator' }]);
    expect(response.stopReason).toBe('end_turn');
    expect(response.usage).toEqual({ inputTokens: 3, outputTokens: 5, totalTokens: 8 });
    expect(response.$metadata.httpStatusCode).toBe(200);
    expect(response.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a bearer API key', async () => {
    const response = await clients.bearer(transport).send(hello('ping'));
    expect(response.output?.message?.content).toEqual([{ text: 'You said: ping' }]);
  });

  it('rejects a wrong secret key with InvalidSignatureException (403)', async () => {
    const client = clients.sigv4(transport, {
      credentials: { accessKeyId: emulator.credentials.accessKeyId, secretAccessKey: 'x'.repeat(40) },
    });
    const error = await captureError(client.send(hello('hi')));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^The request signature we calculated does not match the signature you provided/);
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it('rejects an unknown access key with UnrecognizedClientException (403)', async () => {
    const client = clients.sigv4(transport, {
      credentials: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: emulator.credentials.secretAccessKey },
    });
    const error = await captureError(client.send(hello('hi')));
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.message).toBe('The security token included in the request is invalid.');
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it('rejects an unknown bearer key with AccessDeniedException (403)', async () => {
    const error = await captureError(clients.bearer(transport, 'bedrock-api-key-bm90LWEtcmVhbC1rZXk=').send(hello('hi')));
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toBe('Authentication failed: Please make sure your API Key is valid.');
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });
});

describe.each(TRANSPORTS)('Converse behaviour over %s', (transport) => {
  it('decodes URL-encoded model IDs and ARNs exactly (colons, slashes)', async () => {
    const client = clients.sigv4(transport);
    for (const modelId of [
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
      'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz',
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0',
    ]) {
      const response = await client.send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
      expect(response.stopReason).toBe('end_turn');
    }
    const decoded = emulator.requests.slice(-4).map((request) => [request.modelId, request.resolvedModelId]);
    expect(decoded).toEqual([
      ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic.claude-sonnet-4-5-20250929-v1:0'],
      ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0', 'amazon.nova-lite-v1:0'],
      ['arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz', 'anthropic.claude-haiku-4-5-20251001-v1:0'],
      ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0', 'anthropic.claude-haiku-4-5-20251001-v1:0'],
    ]);
  });

  it('rejects a base ID that needs an inference profile', async () => {
    const error = await captureError(
      clients.sigv4(transport).send(new ConverseCommand({ modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] })),
    );
    expect(error).toMatchObject({ name: 'ValidationException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    expect(error.message).toBe(
      'Invocation of model ID anthropic.claude-sonnet-4-5-20250929-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    );
  });

  it('rejects a retired model with ResourceNotFoundException', async () => {
    const error = await captureError(
      clients.sigv4(transport).send(new ConverseCommand({ modelId: 'anthropic.claude-v2', messages: [{ role: 'user', content: [{ text: 'hi' }] }] })),
    );
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
  });

  it('sends validation traps back as ValidationException', async () => {
    const error = await captureError(
      clients.sigv4(transport).send(
        new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'a' }] }, { role: 'user', content: [{ text: 'b' }] }] }),
      ),
    );
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: 'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
    });
  });

  it('runs a tool loop with signed thinking replayed', async () => {
    const client = clients.sigv4(transport);
    const modelId = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
    const toolConfig = {
      tools: [
        {
          toolSpec: {
            name: 'get_weather',
            inputSchema: { json: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 7 } }, required: ['city', 'days'] } },
          },
        },
      ],
    };
    const common = { modelId, toolConfig, inferenceConfig: { maxTokens: 4000 }, additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 2000 } } };
    const question = { role: 'user' as const, content: [{ text: 'What does get_weather say for Oslo?' }] };
    const first = await client.send(new ConverseCommand({ ...common, messages: [question] }));
    expect(first.stopReason).toBe('tool_use');
    const content = first.output?.message?.content ?? [];
    expect(content[0]?.reasoningContent?.reasoningText?.signature).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    const toolUse = content.find((block) => block.toolUse !== undefined)?.toolUse;
    expect(toolUse).toMatchObject({ name: 'get_weather', input: { city: 'What does get_weather say for Oslo?', days: 1 } });

    const result = { role: 'user' as const, content: [{ toolResult: { toolUseId: toolUse?.toolUseId ?? '', content: [{ json: { forecast: 'snow' } }] } }] };
    const second = await client.send(new ConverseCommand({ ...common, messages: [question, { role: 'assistant', content }, result] }));
    expect(second.stopReason).toBe('end_turn');
    expect(second.output?.message?.content?.at(-1)).toEqual({ text: 'Tool get_weather returned: {"forecast":"snow"}' });

    const unsigned = content.map((block) =>
      block.reasoningContent?.reasoningText === undefined ? block : { reasoningContent: { reasoningText: { text: block.reasoningContent.reasoningText.text ?? '' } } },
    );
    const error = await captureError(client.send(new ConverseCommand({ ...common, messages: [question, { role: 'assistant', content: unsigned }, result] })));
    expect(error).toMatchObject({ name: 'ValidationException', message: 'The model returned the following errors: messages.1.content.0.thinking.signature: Field required' });
  });

  it('returns schema-valid JSON for outputConfig.textFormat', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' }, confidence: { type: 'number', minimum: 0, maximum: 1 } }, required: ['answer', 'confidence'] };
    const response = await clients.sigv4(transport).send(
      new ConverseCommand({
        modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
        messages: [{ role: 'user', content: [{ text: 'Is it?' }] }],
        outputConfig: { textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(schema), name: 'verdict' } } } },
      }),
    );
    expect(JSON.parse(response.output?.message?.content?.[0]?.text ?? '')).toEqual({ answer: 'Is it?', confidence: 0 });
  });

  it('lets a configured guardrail intervene, with a trace', async () => {
    const response = await clients.sigv4(transport).send(
      new ConverseCommand({
        modelId: 'amazon.nova-lite-v1:0',
        messages: [{ role: 'user', content: [{ text: 'Talk about the blocked-topic' }] }],
        guardrailConfig: { guardrailIdentifier: 'gremulator', guardrailVersion: '1', trace: 'enabled' },
      }),
    );
    expect(response.stopReason).toBe('guardrail_intervened');
    expect(response.trace?.guardrail?.inputAssessment?.['gremulator']?.topicPolicy?.topics?.[0]).toMatchObject({ action: 'BLOCKED', type: 'DENY' });
  });

  it('reports cache writes, then cache reads for the same prefix', async () => {
    const system = [{ text: Array.from({ length: 1200 }, (_, index) => `rule${index} (${transport})`).join(' ') }, { cachePoint: { type: 'default' as const } }];
    const ask = (text: string) =>
      clients.sigv4(transport).send(new ConverseCommand({ modelId: 'amazon.nova-pro-v1:0', system, messages: [{ role: 'user', content: [{ text }] }] }));
    const first = await ask('first question');
    expect(first.usage).toMatchObject({ inputTokens: 2, cacheWriteInputTokens: 2400, cacheReadInputTokens: 0 });
    const second = await ask('second question');
    expect(second.usage).toMatchObject({ inputTokens: 2, cacheWriteInputTokens: 0, cacheReadInputTokens: 2400, outputTokens: 4, totalTokens: 2406 });
  });
});
