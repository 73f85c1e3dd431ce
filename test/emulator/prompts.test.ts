/**
 * Prompt management: prompt ARNs as `modelId`, `{{variable}}` templates filled from `promptVariables`, and the
 * request members Bedrock refuses with a prompt.
 */
import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorError } from '../../src/emulator/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { ModelRegistry } from '../../src/emulator/models.js';
import {
  applyPrompt,
  fillPromptTemplate,
  missingPromptVariablesMessage,
  PROMPT_FORBIDDEN_FIELDS,
  PROMPT_VARIABLES_WITHOUT_PROMPT,
  promptFieldMessage,
  templateVariables,
  unversionedPromptArn,
} from '../../src/emulator/prompts.js';
import { captureError, ClientFactory } from './helpers.js';
import { collect } from '../support/collect.js';

const ARN = 'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT1234';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const prompt = { model: HAIKU, template: 'Write a poem about {{topic}} in {{language}}, about {{topic}} only.' };

function validationMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorError);
    expect(error).toMatchObject({ name: 'ValidationException', status: 400 });
    return (error as Error).message;
  }
  throw new Error('expected a ValidationException');
}

describe('prompt templates', () => {
  it('lists variables in order of first use, and fills every occurrence', () => {
    expect(templateVariables(prompt.template)).toEqual(['topic', 'language']);
    expect(fillPromptTemplate(prompt.template, { topic: { text: 'tea' }, language: { text: 'French' }, unused: { text: 'x' } })).toBe(
      'Write a poem about tea in French, about tea only.',
    );
    expect(fillPromptTemplate('No variables here.', undefined)).toBe('No variables here.');
  });

  it.each<[string, unknown, string]>([
    ['no promptVariables', undefined, missingPromptVariablesMessage(['topic', 'language'])],
    ['a missing variable', { topic: { text: 'tea' } }, missingPromptVariablesMessage(['language'])],
    ['promptVariables that are not a map', ['tea'], "1 validation error detected: Value 'tea' at 'promptVariables' failed to satisfy constraint: Member must be a map"],
    [
      'a variable without text',
      { topic: { json: 1 }, language: { text: 'x' } },
      "1 validation error detected: Value at 'promptVariables.topic' failed to satisfy constraint: Member must be a union with exactly one member set: text",
    ],
  ])('refuses %s', (_name, variables, message) => {
    expect(validationMessage(() => fillPromptTemplate(prompt.template, variables))).toBe(message);
  });

  it('names the missing variables in the message', () => {
    expect(missingPromptVariablesMessage(['language'])).toMatch(/\blanguage\b/);
  });
});

describe('applyPrompt', () => {
  const variables = { topic: { text: 'tea' }, language: { text: 'French' } };

  it('opens the conversation with the filled template and appends the request messages', () => {
    expect(applyPrompt({ promptVariables: variables }, prompt)).toEqual({ messages: [{ role: 'user', content: [{ text: 'Write a poem about tea in French, about tea only.' }] }] });
    const appended = [
      { role: 'assistant', content: [{ text: 'A poem.' }] },
      { role: 'user', content: [{ text: 'Shorter' }] },
    ];
    expect(applyPrompt({ promptVariables: variables, messages: appended, guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1' } }, prompt)).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Write a poem about tea in French, about tea only.' }] }, ...appended],
      guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1' },
    });
  });

  it.each(PROMPT_FORBIDDEN_FIELDS.map((field) => [field]))('refuses %s', (field) => {
    const value = field === 'system' ? [{ text: 'x' }] : field === 'inferenceConfig' ? { maxTokens: 10 } : field === 'toolConfig' ? { tools: [] } : { top_k: 5 };
    expect(validationMessage(() => applyPrompt({ promptVariables: variables, [field]: value }, prompt))).toBe(promptFieldMessage(field));
  });
});

describe('ModelRegistry with prompts', () => {
  const registry = new ModelRegistry({ prompts: { [ARN]: prompt, [`${ARN.replace('PROMPT1234', 'PROMPT99999')}:2`]: { model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', template: 'Hi' } } });

  it('serves a prompt ARN, and any version of it, as the prompt model', () => {
    for (const arn of [ARN, `${ARN}:1`, `${ARN}:7`]) {
      expect(registry.resolve(arn, 'us-east-1')).toMatchObject({ requestedId: arn, reference: 'prompt-arn', model: { id: HAIKU }, prompt: { ...prompt, arn } });
    }
    expect(unversionedPromptArn(`${ARN}:7`)).toBe(ARN);
    expect(unversionedPromptArn(ARN)).toBe(ARN);
  });

  it('resolves the prompt model in the caller region, inference profiles included', () => {
    expect(registry.resolve(`${ARN.replace('PROMPT1234', 'PROMPT99999')}:2`, 'us-east-1').model.id).toBe('anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  it.each([
    ['an unknown prompt', ARN.replace('PROMPT1234', 'PROMPT00000')],
    ['a version defined only on its own', ARN.replace('PROMPT1234', 'PROMPT99999')],
    ['another region', ARN.replace('us-east-1', 'us-west-2')],
  ])('refuses %s as an invalid identifier', (_name, arn) => {
    expect(validationMessage(() => registry.resolve(arn, 'us-east-1'))).toBe('The provided model identifier is invalid.');
  });

  it.each<[string, Record<string, { model: string; template: string }>, RegExp]>([
    ['a key that is not a prompt ARN', { 'arn:aws:bedrock:us-east-1:123456789012:flow/ABC': prompt }, /must be a prompt ARN/],
    ['an unknown model', { [ARN]: { model: 'acme.unknown-v1', template: 'x' } }, /`model` must be a chat model/],
    ['an embedding model', { [ARN]: { model: 'amazon.titan-embed-text-v2:0', template: 'x' } }, /`model` must be a chat model/],
    ['a blank template', { [ARN]: { model: HAIKU, template: ' ' } }, /`template` must be a non-blank string/],
  ])('rejects %s at start', (_name, prompts, message) => {
    expect(() => new ModelRegistry({ prompts })).toThrow(message);
  });
});

let emulator: EmulatorHandle;
const clients = new ClientFactory(() => emulator);

beforeAll(async () => {
  emulator = await startEmulator({ prompts: { [ARN]: prompt } });
});
afterAll(async () => {
  clients.destroyAll();
  await emulator.close();
});


describe('prompt ARNs over the wire (AWS SDK)', () => {
  const promptVariables = { topic: { text: 'tea' }, language: { text: 'French' } };
  const filled = 'Write a poem about tea in French, about tea only.';

  it('answers Converse with the filled template, logging the prompt model', async () => {
    const response = await clients.sigv4().send(new ConverseCommand({ modelId: `${ARN}:3`, promptVariables }));
    expect(response.output?.message?.content).toEqual([{ text: `You said: ${filled}` }]);
    expect(response.usage).toEqual({ inputTokens: 10, outputTokens: 12, totalTokens: 22 });
    expect(emulator.requests.at(-1)).toMatchObject({ modelId: `${ARN}:3`, resolvedModelId: HAIKU, status: 200 });
  });

  it('streams the same answer with ConverseStream', async () => {
    const events = await collect((await clients.sigv4('http1').send(new ConverseStreamCommand({ modelId: ARN, promptVariables }))).stream);
    expect(events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('')).toBe(`You said: ${filled}`);
  });

  it('appends the request messages after the prompt', async () => {
    const response = await clients.sigv4().send(
      new ConverseCommand({
        modelId: ARN,
        promptVariables,
        messages: [
          { role: 'assistant', content: [{ text: 'A poem.' }] },
          { role: 'user', content: [{ text: 'Shorter please' }] },
        ],
      }),
    );
    expect(response.output?.message?.content).toEqual([{ text: 'You said: Shorter please' }]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['inferenceConfig', { inferenceConfig: { maxTokens: 100 } }],
    ['system', { system: [{ text: 'Be brief.' }] }],
    ['toolConfig', { toolConfig: { tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object' } } } }] } }],
    ['additionalModelRequestFields', { additionalModelRequestFields: { top_k: 5 } }],
  ])('refuses %s with a prompt ARN', async (field, extra) => {
    const error = await captureError(clients.sigv4().send(new ConverseCommand({ modelId: ARN, promptVariables, ...extra })));
    expect(error).toMatchObject({ name: 'ValidationException', message: promptFieldMessage(field), $metadata: { httpStatusCode: 400 } });
  });

  it('refuses a missing variable, promptVariables without a prompt, and prompts outside Converse', async () => {
    const missing = await captureError(clients.sigv4().send(new ConverseCommand({ modelId: ARN, promptVariables: { topic: { text: 'tea' } } })));
    expect(missing).toMatchObject({ name: 'ValidationException', message: missingPromptVariablesMessage(['language']) });
    const stray = await captureError(
      clients.sigv4().send(new ConverseCommand({ modelId: HAIKU, messages: [{ role: 'user', content: [{ text: 'Hi' }] }], promptVariables })),
    );
    expect(stray).toMatchObject({ name: 'ValidationException', message: PROMPT_VARIABLES_WITHOUT_PROMPT });
    const invoke = await captureError(clients.sigv4().send(new InvokeModelCommand({ modelId: ARN, body: JSON.stringify({ promptVariables }), contentType: 'application/json' })));
    expect(invoke).toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/Converse and ConverseStream only/) });
  });
});
