import { ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { EmulatorError } from '../../src/emulator/errors.js';
import { SERVICE_MODEL } from '../../src/emulator/service-model.generated.js';
import { coralValidationMessage, serviceModelViolations, type ServiceRequest } from '../../src/emulator/service-validation.js';
import { captureError, ClientFactory } from './helpers.js';

const MODEL = 'amazon.nova-lite-v1:0';
const ok = { messages: [{ role: 'user', content: [{ text: 'Hi' }] }] };
const tool = (name: string, extra: Record<string, unknown> = {}) => ({ toolSpec: { name, inputSchema: { json: { type: 'object' } }, ...extra } });

function converse(body: Record<string, unknown>, modelId = MODEL): string[] {
  return serviceModelViolations('Converse', { modelId, headers: {}, body });
}

const at = (value: string | null | undefined, path: string, constraint: string): string =>
  `Value ${value === undefined ? '' : value === null ? 'null ' : `'${value}' `}at '${path}' failed to satisfy constraint: Member must ${constraint}`;

describe('service-model validation: negative controls per constraint kind', () => {
  it('accepts a conforming request (the control for every case below)', () => {
    expect(converse(ok)).toEqual([]);
    expect(
      converse({
        ...ok,
        system: [{ text: 'Be brief.' }, { cachePoint: { type: 'default', ttl: '1h' } }],
        inferenceConfig: { maxTokens: 2_147_483_647, temperature: 1, topP: 0, stopSequences: ['END'] },
        toolConfig: { tools: [tool('get_weather', { description: 'Weather.' })], toolChoice: { auto: {} } },
        requestMetadata: { user: 'alice tab\there', 'k:_@$#=/+,-.': '' },
        additionalModelRequestFields: { anything: [1, 'goes', { here: null }] },
        serviceTier: { type: 'flex' },
        guardrailConfig: { guardrailIdentifier: 'abc123', guardrailVersion: 'DRAFT' },
      }),
    ).toEqual([]);
  });

  it('required members: Member must not be null', () => {
    expect(converse({ ...ok, toolConfig: {} })).toEqual([at(null, 'toolConfig.tools', 'not be null')]);
    expect(converse({ messages: [{ role: 'user' }] })).toEqual([at(null, 'messages.1.member.content', 'not be null')]);
    expect(serviceModelViolations('CountTokens', { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', headers: {}, body: {} })).toEqual([
      at(null, 'input', 'not be null'),
    ]);
  });

  it('unions: exactly one member set', () => {
    expect(converse({ messages: [{ role: 'user', content: [{}] }] })).toEqual([at(undefined, 'messages.1.member.content.1.member', 'have exactly one member set')]);
    expect(converse({ messages: [{ role: 'user', content: [{ text: 'a', cachePoint: { type: 'default' } }] }] })).toEqual([
      at(undefined, 'messages.1.member.content.1.member', 'have exactly one member set'),
    ]);
    expect(converse({ messages: [{ role: 'user', content: [{ text: 'a' }, { cachePoint: { type: 'default' } }] }] })).toEqual([]);
  });

  it('list and map lengths', () => {
    // Bedrock's recorded message for an empty tool list (genkit-ai/aws-bedrock-js-plugin#43).
    expect(coralValidationMessage(converse({ ...ok, toolConfig: { tools: [] } }))).toBe(
      "1 validation error detected: Value at 'toolConfig.tools' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(converse({ ...ok, additionalModelResponseFieldPaths: Array.from({ length: 11 }, (_, i) => `/p${i}`) })).toEqual([
      at(undefined, 'additionalModelResponseFieldPaths', 'have length less than or equal to 10'),
    ]);
    expect(converse({ ...ok, additionalModelResponseFieldPaths: Array.from({ length: 10 }, (_, i) => `/p${i}`) })).toEqual([]);
    expect(converse({ ...ok, requestMetadata: {} })).toEqual([at(undefined, 'requestMetadata', 'have length greater than or equal to 1')]);
    const seventeen = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
    expect(converse({ ...ok, requestMetadata: seventeen })).toEqual([at(undefined, 'requestMetadata', 'have length less than or equal to 16')]);
  });

  it('string lengths (counted in code points)', () => {
    expect(converse({ ...ok, toolConfig: { tools: [tool('t', { description: '' })] } })).toEqual([
      at('', 'toolConfig.tools.1.member.toolSpec.description', 'have length greater than or equal to 1'),
    ]);
    expect(converse({ ...ok, system: [{ text: '' }] })).toEqual([at('', 'system.1.member.text', 'have length greater than or equal to 1')]);
    const document = (name: string) => ({ messages: [{ role: 'user', content: [{ text: 'x' }, { document: { format: 'txt', name, source: { text: 'x' } } }] }] });
    expect(converse(document('a'.repeat(201)))).toEqual([at('a'.repeat(201), 'messages.1.member.content.2.member.document.name', 'have length less than or equal to 200')]);
    expect(converse(document('a'.repeat(200)))).toEqual([]);
    expect(converse(document('😀'.repeat(200)))).toEqual([]);
  });

  it('patterns, with the service model’s ASCII-only \\s and whole-value matching', () => {
    expect(converse({ ...ok, toolConfig: { tools: [tool('get weather')] } })).toEqual([
      at('get weather', 'toolConfig.tools.1.member.toolSpec.name', 'satisfy regular expression pattern: [a-zA-Z0-9_-]+'),
    ]);
    for (const space of ['\u00a0', '\u2003', '\u3000', '\ufeff']) {
      expect(converse({ ...ok, requestMetadata: { user: `a${space}b` } })).toHaveLength(1);
    }
    for (const space of [' ', '\t', '\n', '\x0b', '\f', '\r']) expect(converse({ ...ok, requestMetadata: { user: `a${space}b` } })).toEqual([]);
    // requestMetadata is sensitive: the value is not echoed.
    expect(converse({ ...ok, requestMetadata: { user: 'a\u00a0b' } })[0]).toMatch(/^Value at 'requestMetadata\.user' failed to satisfy constraint: Member must satisfy regular expression pattern: /);
    expect(converse(ok, 'anthropic/claude-3')[0]).toMatch(/^Value 'anthropic\/claude-3' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern: \(arn:aws/);
    expect(converse(ok, 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1:200k')).toHaveLength(1);
    expect(converse(ok, 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0')).toEqual([]);
    expect(converse(ok, 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0')).toEqual([]);
    expect(converse(ok, 'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT1234')).toEqual([]);
    expect(converse(ok, 'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345')).toHaveLength(1);
    const image = (uri: string) => ({ messages: [{ role: 'user', content: [{ image: { format: 'png', source: { s3Location: { uri } } } }] }] });
    expect(converse(image('s3://my-bucket/cat.png'))).toEqual([]);
    expect(converse(image('s3://My_Bucket/cat.png'))).toHaveLength(1);
    expect(converse(image('s3://ab/cat.png'))).toHaveLength(1);
  });

  it('enums', () => {
    expect(converse({ messages: [{ role: 'bot', content: [{ text: 'x' }] }] })).toEqual([
      at('bot', 'messages.1.member.role', 'satisfy enum value set: [user, assistant, system]'),
    ]);
    expect(converse({ ...ok, serviceTier: { type: 'scale' } })).toEqual([at('scale', 'serviceTier.type', 'satisfy enum value set: [priority, default, flex, reserved]')]);
  });

  it('integer and float ranges, integers being 32-bit', () => {
    expect(converse({ ...ok, inferenceConfig: { maxTokens: 0 } })).toEqual([at('0', 'inferenceConfig.maxTokens', 'have value greater than or equal to 1')]);
    expect(converse({ ...ok, inferenceConfig: { maxTokens: 2 ** 31 } })).toEqual([
      at('2147483648', 'inferenceConfig.maxTokens', 'have value less than or equal to 2147483647'),
    ]);
    expect(converse({ ...ok, inferenceConfig: { temperature: 1.5 } })).toEqual([at('1.5', 'inferenceConfig.temperature', 'have value less than or equal to 1')]);
  });

  it('blobs: base64 in JSON, length of the bytes', () => {
    const bytes = (value: string) => ({ messages: [{ role: 'user', content: [{ image: { format: 'png', source: { bytes: value } } }] }] });
    expect(converse(bytes('iVBORw0KGgo='))).toEqual([]);
    // ImageSource is sensitive: no value shown.
    expect(converse(bytes(''))).toEqual([at(undefined, 'messages.1.member.content.1.member.image.source.bytes', 'have length greater than or equal to 1')]);
    expect(() => converse(bytes('not base64!'))).toThrow(EmulatorError);
  });

  it('documents take any JSON value', () => {
    expect(converse({ ...ok, toolConfig: { tools: [{ toolSpec: { name: 't', inputSchema: { json: 'a string' } } }] } })).toEqual([]);
  });

  it('a value of the wrong JSON type is a SerializationException', () => {
    const error = (() => {
      try {
        converse({ ...ok, inferenceConfig: { maxTokens: '10' } });
      } catch (caught) {
        return caught as EmulatorError;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ name: 'SerializationException', status: 400 });
    expect(error?.message).toContain("'inferenceConfig.maxTokens'");
    expect(() => converse({ ...ok, inferenceConfig: { maxTokens: 1.5 } })).toThrow(/expected an integer/);
  });

  it('headers and blob payloads of InvokeModel', () => {
    const invoke = (headers: ServiceRequest['headers'], body: Buffer = Buffer.from('{}')) =>
      serviceModelViolations('InvokeModel', { modelId: 'amazon.titan-embed-text-v2:0', headers, body });
    expect(invoke({ 'x-amzn-bedrock-trace': 'ENABLED', 'x-amzn-bedrock-guardrailidentifier': 'abc123', 'x-amzn-bedrock-guardrailversion': '1' })).toEqual([]);
    expect(invoke({ 'x-amzn-bedrock-trace': 'on' })).toEqual([at('on', 'trace', 'satisfy enum value set: [ENABLED, DISABLED, ENABLED_FULL]')]);
    expect(invoke({ 'x-amzn-bedrock-request-metadata': 'x'.repeat(8501) })).toEqual([at(undefined, 'requestMetadata', 'have length less than or equal to 8500')]);
    expect(invoke({}, Buffer.alloc(25_000_001))).toEqual([at(undefined, 'body', 'have length less than or equal to 25000000')]);
  });

  it('reports every violation at once, joined as Coral joins them', () => {
    const errors = converse({ ...ok, toolConfig: { tools: [tool('', { description: '' }), tool('ok')] } });
    // The order of a recorded Bedrock message (BerriAI/litellm#19384): pattern, then length, then the next member.
    expect(coralValidationMessage(errors)).toBe(
      "3 validation errors detected: Value '' at 'toolConfig.tools.1.member.toolSpec.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+; " +
        "Value '' at 'toolConfig.tools.1.member.toolSpec.name' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'toolConfig.tools.1.member.toolSpec.description' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('covers the five operations the client sends', () => {
    expect(Object.keys(SERVICE_MODEL.operations)).toEqual(['Converse', 'ConverseStream', 'InvokeModel', 'InvokeModelWithResponseStream', 'CountTokens']);
  });
});

describe('service-model validation over the wire (AWS SDK)', () => {
  let emulator: EmulatorHandle;
  const clients = new ClientFactory(() => emulator);
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    clients.destroyAll();
    await emulator.close();
  });

  it('answers a ValidationException in Coral form before looking at the model', async () => {
    const error = await captureError(
      clients.sigv4().send(
        new ConverseCommand({
          modelId: MODEL,
          messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
          inferenceConfig: { maxTokens: 2 ** 31 },
          toolConfig: { tools: [{ toolSpec: { name: 'lookup', description: '', inputSchema: { json: {} } } }] },
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect(error.message).toBe(
      "2 validation errors detected: Value '2147483648' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value less than or equal to 2147483647; " +
        "Value '' at 'toolConfig.tools.1.member.toolSpec.description' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('checks InvokeModel headers too', async () => {
    const error = await captureError(
      clients.sigv4().send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: JSON.stringify({ inputText: 'x' }), guardrailIdentifier: 'Not Valid', guardrailVersion: '1' })),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(/^1 validation error detected: Value 'Not Valid' at 'guardrailIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: /);
  });
});
