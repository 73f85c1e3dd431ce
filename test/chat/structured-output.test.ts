import { describe, expect, it } from 'vitest';
import {
  checkJsonOutput,
  chooseStructuredOutputMode,
  createJsonTool,
  createOutputConfig,
  JSON_OBJECT_TOOL_NAME,
  readResponseFormat,
  type ResponseFormatRequest,
  type StructuredOutputContext,
} from '../../src/chat/structured-output.js';
import { UnprocessableEntityError } from '../../src/core/errors.js';
import { badRequest } from './helpers.js';

const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
const jsonSchema: ResponseFormatRequest = { type: 'json_schema', name: 'person', schema };

describe('readResponseFormat', () => {
  it.each([undefined, null, { type: 'text' }])('reads %j as plain text', (value) => expect(readResponseFormat(value)).toBeUndefined());

  it('reads json_object and json_schema', () => {
    expect(readResponseFormat({ type: 'json_object' })).toEqual({ type: 'json_object' });
    expect(readResponseFormat({ type: 'json_schema', json_schema: { name: 'person', description: 'A person', schema, strict: true } })).toEqual({
      type: 'json_schema',
      name: 'person',
      description: 'A person',
      schema,
    });
  });

  it.each<[string, unknown, ResponseFormatRequest]>([
    ['no schema', { type: 'json_object', schema: null }, { type: 'json_object' }],
    ['an object schema', { type: 'json_object', schema }, { type: 'json_schema', name: JSON_OBJECT_TOOL_NAME, schema, fromJsonObject: true }],
    ['a schema without type', { type: 'json_object', schema: { properties: {} } }, { type: 'json_schema', name: JSON_OBJECT_TOOL_NAME, schema: { properties: {} }, fromJsonObject: true }],
    ['a nullable object schema', { type: 'json_object', schema: { type: ['object', 'null'] } }, { type: 'json_schema', name: JSON_OBJECT_TOOL_NAME, schema: { type: ['object', 'null'] }, fromJsonObject: true }],
  ])('reads json_object with %s', (_name, value, expected) => {
    expect(readResponseFormat(value)).toEqual(expected);
  });

  it.each<[unknown, string]>([
    [{ type: 'json_object', schema: 'object' }, 'response_format.schema'],
    [{ type: 'json_object', schema: [] }, 'response_format.schema'],
    [{ type: 'json_object', schema: true }, 'response_format.schema'],
    [{ type: 'json_object', schema: { type: 'array', items: {} } }, 'response_format.schema.type'],
    [{ type: 'json_object', schema: { type: 'string' } }, 'response_format.schema.type'],
    ['json', 'response_format'],
    [{ type: 'xml' }, 'response_format.type'],
    [{ type: 'json_schema' }, 'response_format.json_schema'],
    [{ type: 'json_schema', json_schema: { name: 'has space', schema } }, 'response_format.json_schema.name'],
    [{ type: 'json_schema', json_schema: { name: 'x'.repeat(65), schema } }, 'response_format.json_schema.name'],
    [{ type: 'json_schema', json_schema: { name: 'p' } }, 'response_format.json_schema.schema'],
    [{ type: 'json_schema', json_schema: { name: 'p', schema: [] } }, 'response_format.json_schema.schema'],
    [{ type: 'json_schema', json_schema: { name: 'p', schema, description: 3 } }, 'response_format.json_schema.description'],
    [{ type: 'json_schema', json_schema: { name: 'p', schema, strict: 'yes' } }, 'response_format.json_schema.strict'],
  ])('rejects %j, naming %s', (value, param) => {
    expect(badRequest(() => readResponseFormat(value)).param).toBe(param);
  });
});

describe('chooseStructuredOutputMode', () => {
  const context = (overrides: Partial<StructuredOutputContext> = {}): StructuredOutputContext => ({
    nativeStructuredOutput: false,
    forcedTool: true,
    thinking: false,
    userTools: false,
    toolNames: new Set(),
    model: '`test-model`',
    ...overrides,
  });

  it.each<[string, ResponseFormatRequest, Partial<StructuredOutputContext>, unknown]>([
    ['json_schema, native model', jsonSchema, { nativeStructuredOutput: true }, { via: 'native' }],
    ['json_schema, unknown model', jsonSchema, { nativeStructuredOutput: undefined }, { via: 'native' }],
    ['json_schema, native model with tools and thinking', jsonSchema, { nativeStructuredOutput: true, userTools: true, thinking: true }, { via: 'native' }],
    ['json_schema, tool-capable model', jsonSchema, {}, { via: 'tool', toolName: 'person' }],
    ['json_object, tool-capable model', { type: 'json_object' }, {}, { via: 'tool', toolName: JSON_OBJECT_TOOL_NAME }],
    ['json_object, native model', { type: 'json_object' }, { nativeStructuredOutput: true }, { via: 'tool', toolName: JSON_OBJECT_TOOL_NAME }],
    ['json_object with user tools', { type: 'json_object' }, { userTools: true }, { via: 'instruction' }],
    ['json_object with thinking', { type: 'json_object' }, { thinking: true }, { via: 'instruction' }],
    ['json_object with a schema, tool-capable model', { ...jsonSchema, name: JSON_OBJECT_TOOL_NAME, fromJsonObject: true }, {}, { via: 'tool', toolName: JSON_OBJECT_TOOL_NAME }],
    ['json_object with a schema, native model', { ...jsonSchema, name: JSON_OBJECT_TOOL_NAME, fromJsonObject: true }, { nativeStructuredOutput: true }, { via: 'native' }],
    ['json_object without forced tools', { type: 'json_object' }, { forcedTool: false }, { via: 'instruction' }],
  ])('%s → %j', (_name, request, overrides, mode) => {
    expect(chooseStructuredOutputMode(request, context(overrides))).toEqual(mode);
  });

  it.each<[string, Partial<StructuredOutputContext>, string, RegExp]>([
    ['no native output and no forced tools', { forcedTool: false }, 'response_format', /neither native structured output nor forced tool use/],
    ['the fallback with user tools', { userTools: true }, 'response_format', /stop your `tools`/],
    ['the fallback with thinking', { thinking: true }, 'response_format', /forced tool choice with thinking/],
    ['a schema name that a tool already uses', { toolNames: new Set(['person']) }, 'response_format.json_schema.name', /rename it/],
  ])('rejects json_schema with %s', (_name, overrides, param, message) => {
    const error = badRequest(() => chooseStructuredOutputMode(jsonSchema, context(overrides)));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it('names `response_format` when json_object with a schema meets a tool called json_object', () => {
    const request: ResponseFormatRequest = { ...jsonSchema, name: JSON_OBJECT_TOOL_NAME, fromJsonObject: true };
    const error = badRequest(() => chooseStructuredOutputMode(request, context({ toolNames: new Set([JSON_OBJECT_TOOL_NAME]) })));
    expect(error.param).toBe('response_format');
    expect(error.message).toMatch(/json_object with a `schema`/);
  });
});

describe('request pieces', () => {
  it('puts the schema into outputConfig as a JSON string', () => {
    expect(createOutputConfig({ type: 'json_schema', name: 'person', description: 'A person', schema })).toEqual({
      textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(schema), name: 'person', description: 'A person' } } },
    });
  });

  it('builds the forced tool with the schema, or an open object for json_object', () => {
    expect(createJsonTool(jsonSchema, 'person', 'tool')).toEqual({
      tool: { toolSpec: { name: 'person', description: "Give your answer as this tool's input.", inputSchema: { json: schema } } },
      toolChoice: { tool: { name: 'person' } },
    });
    expect(createJsonTool({ type: 'json_object' }, 'json_object', 'any')).toMatchObject({
      tool: { toolSpec: { name: 'json_object', inputSchema: { json: { type: 'object' } } } },
      toolChoice: { any: {} },
    });
  });
});

describe('checkJsonOutput', () => {
  it.each(['{"a":1}', '[1,2]', ' "text" ', '42'])('accepts JSON %j', (content) => {
    expect(() => checkJsonOutput(content, 'stop', null)).not.toThrow();
  });

  it.each([null, '', 'You said: hi', '{"a":'])('rejects %j when the model finished normally', (content) => {
    let error: unknown;
    try {
      checkJsonOutput(content, 'stop', 'req-1');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, code: 'invalid_json_output', param: 'response_format', requestID: 'req-1' });
  });

  it.each(['length', 'content_filter'])('leaves a %s finish as it is', (finishReason) => {
    expect(() => checkJsonOutput('{"a":', finishReason, null)).not.toThrow();
  });
});
