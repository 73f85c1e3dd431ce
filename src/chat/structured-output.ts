/**
 * `response_format` → how Bedrock is asked for JSON, chosen per model once it is known, and the check that the
 * answer is JSON:
 *
 * | `response_format` | model | sent | answer |
 * |---|---|---|---|
 * | `json_schema` | native structured output (catalog `structuredOutput`, or a model the catalog does not know) | `outputConfig.textFormat` (`json_schema`, the schema as a JSON string) | the text, streamed as content deltas |
 * | `json_schema` | tool use with a forced tool choice | one tool named `json_schema.name` with the schema, `toolChoice.tool` | the tool's input as `message.content`, streamed as content deltas |
 * | `json_object` with `schema` | as `json_schema` named `json_object` (the schema must describe an object) | | |
 * | `json_object` | tool use with a forced tool choice, no thinking, no user `tools` | one tool `json_object` (any object), forced | the tool's input as `message.content` |
 * | `json_object` | otherwise | a system instruction to answer with one JSON object | the text |
 *
 * In every JSON mode the answer is checked to parse as JSON when the model finished normally (`finish_reason:
 * 'stop'`): otherwise an `UnprocessableEntityError` (422, code `invalid_json_output`). A truncated answer
 * (`length`) or a guardrail's (`content_filter`) is returned as it is. In the forced-tool modes any text the model
 * writes beside the tool call is left out of `content`, which holds only the JSON.
 *
 * What cannot be honoured fails before sending: `json_schema` with user `tools` on a model that would need the
 * forced tool (forcing it would stop those tools from being called), with Claude thinking on such a model (Claude
 * rejects a forced tool choice with thinking), or on a model with neither native structured output nor forced tool
 * use.
 */
import type { OutputConfig, Tool, ToolChoice } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError, UnprocessableEntityError } from '../core/errors.js';
import { fieldSet, rejectUnknownKeys } from '../internal/known-keys.js';
import type { ResponseFormatJSONObject, ResponseFormatJSONSchema, ResponseFormatText } from './types.js';

/** The JSON tool used for `json_object` when a forced tool is the way to get JSON. */
export const JSON_OBJECT_TOOL_NAME = 'json_object';

/** The system instruction added for `json_object` when no forced tool is used. */
export const JSON_OBJECT_INSTRUCTION =
  'Respond with one valid JSON object and nothing else: no prose, no code fences, no text before or after the object.';

const SCHEMA_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * A validated `response_format` that asks for JSON (`text` needs nothing). `json_object` with a `schema` (Instructor's
 * JSON_SCHEMA mode, several OpenAI-compatible servers) becomes `json_schema` named {@link JSON_OBJECT_TOOL_NAME},
 * with `fromJsonObject` set so errors name the parameter the caller wrote.
 */
export type ResponseFormatRequest =
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; description?: string; schema: Record<string, unknown>; fromJsonObject?: true };

/** How the JSON is obtained, decided per model (see the module comment). */
export type StructuredOutputMode =
  | { via: 'native' }
  | { via: 'instruction' }
  | { via: 'tool'; toolName: string };

/** What the response converters need to know: `undefined` for plain text. */
export interface StructuredOutputPlan {
  type: 'json_object' | 'json_schema';
  mode: StructuredOutputMode;
}

/** The fields of each `response_format` (`openai`'s, and `json_object`'s `schema`); `test/chat/types.test-d.ts` keeps them in step. */
const TEXT_KEYS = fieldSet<ResponseFormatText>({ type: true });
const JSON_OBJECT_KEYS = fieldSet<ResponseFormatJSONObject>({ type: true, schema: true });
const JSON_SCHEMA_KEYS = fieldSet<ResponseFormatJSONSchema>({ type: true, json_schema: true });
const JSON_SCHEMA_DEFINITION_KEYS = fieldSet<ResponseFormatJSONSchema['json_schema']>({ name: true, description: true, schema: true, strict: true });

/** Reads `response_format`: `undefined` for none or `{ type: 'text' }`. */
export function readResponseFormat(value: unknown): ResponseFormatRequest | undefined {
  if (value === undefined || value === null) return undefined;
  const param = 'response_format';
  if (typeof value !== 'object' || Array.isArray(value)) throw BadRequestError.forParam(param, '`response_format` must be an object.');
  const format = value as { type?: unknown; json_schema?: unknown };
  switch (format.type) {
    case 'text':
      rejectUnknownKeys(format, TEXT_KEYS, param);
      return undefined;
    case 'json_object':
      rejectUnknownKeys(format, JSON_OBJECT_KEYS, param);
      return readJsonObjectSchema((value as { schema?: unknown }).schema);
    case 'json_schema': {
      rejectUnknownKeys(format, JSON_SCHEMA_KEYS, param);
      const definition = format.json_schema as { name?: unknown; description?: unknown; schema?: unknown; strict?: unknown } | undefined;
      if (typeof definition !== 'object' || definition === null) {
        throw BadRequestError.forParam(`${param}.json_schema`, '`response_format.json_schema` must be an object (`{ name, schema, description?, strict? }`).');
      }
      rejectUnknownKeys(definition, JSON_SCHEMA_DEFINITION_KEYS, `${param}.json_schema`);
      const { name, description, schema, strict } = definition;
      if (typeof name !== 'string' || !SCHEMA_NAME_PATTERN.test(name)) {
        throw BadRequestError.forParam(`${param}.json_schema.name`, '`response_format.json_schema.name` must be 1–64 letters, digits, underscores or dashes.');
      }
      if (description !== undefined && typeof description !== 'string') {
        throw BadRequestError.forParam(`${param}.json_schema.description`, '`response_format.json_schema.description` must be a string.');
      }
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
        throw BadRequestError.forParam(`${param}.json_schema.schema`, '`response_format.json_schema.schema` must be a JSON Schema object (Bedrock needs one).');
      }
      if (strict !== undefined && strict !== null && typeof strict !== 'boolean') {
        throw BadRequestError.forParam(`${param}.json_schema.strict`, '`response_format.json_schema.strict` must be a boolean.');
      }
      return { type: 'json_schema', name, ...(description === undefined ? {} : { description }), schema: schema as Record<string, unknown> };
    }
    default:
      throw BadRequestError.forParam(`${param}.type`, `\`response_format.type\` must be "text", "json_object" or "json_schema"; got ${JSON.stringify(format.type)}.`);
  }
}

/**
 * `json_object`'s optional `schema` (not in OpenAI's type): absent or `null` → plain `json_object`; a JSON Schema
 * object → the same path as `json_schema`. A schema that is not an object, or whose `type` is not `object`
 * (`json_object` asks for one JSON object), is a `BadRequestError` naming `response_format.schema`.
 */
export function readJsonObjectSchema(schema: unknown): ResponseFormatRequest {
  if (schema === undefined || schema === null) return { type: 'json_object' };
  const param = 'response_format.schema';
  if (typeof schema !== 'object' || Array.isArray(schema)) {
    throw BadRequestError.forParam(param, `\`${param}\` must be a JSON Schema object; got ${Array.isArray(schema) ? 'an array' : typeof schema}.`);
  }
  const type = (schema as { type?: unknown }).type;
  const allowsObject = type === undefined || type === 'object' || (Array.isArray(type) && type.includes('object'));
  if (!allowsObject) {
    throw BadRequestError.forParam(`${param}.type`, `\`response_format\` json_object asks for one JSON object, but \`${param}.type\` is ${JSON.stringify(type)}; use \`json_schema\` for other JSON values.`);
  }
  return { type: 'json_schema', name: JSON_OBJECT_TOOL_NAME, schema: schema as Record<string, unknown>, fromJsonObject: true };
}

/** What decides the mode: the model's capabilities (`undefined`: a model the catalog does not know) and the request. */
export interface StructuredOutputContext {
  /** Native `outputConfig.textFormat`; `undefined` when the model is unknown (then native is tried). */
  nativeStructuredOutput: boolean | undefined;
  /** Whether the model can be forced to call a named tool (`toolChoice.tool`, or `any` with one tool). */
  forcedTool: boolean;
  /** Claude thinking is on (it rejects a forced tool choice). */
  thinking: boolean;
  /** The request has user `tools`. */
  userTools: boolean;
  /** Names the request's tools already use (Bedrock names). */
  toolNames: ReadonlySet<string>;
  /** `` `model` (id) `` for messages. */
  model: string;
}

/** Chooses the mode for a request (see the module comment); throws what cannot be honoured. */
export function chooseStructuredOutputMode(request: ResponseFormatRequest, context: StructuredOutputContext): StructuredOutputMode {
  if (request.type === 'json_schema') {
    if (context.nativeStructuredOutput !== false) return { via: 'native' };
    const feature = `\`response_format\` json_schema on ${context.model}, which has no native structured output,`;
    if (!context.forcedTool) {
      throw BadRequestError.forParam(
        'response_format',
        `${context.model} does not support structured output on Bedrock (\`response_format\` json_schema): it has neither native structured output nor forced tool use.`,
        'unsupported_feature',
      );
    }
    if (context.userTools) {
      throw BadRequestError.forParam(
        'response_format',
        `${feature} is served by forcing a tool call, which would stop your \`tools\` from being called; send the request without \`tools\`, or use a model with native structured output.`,
        'unsupported_feature',
      );
    }
    if (context.thinking) {
      throw BadRequestError.forParam(
        'response_format',
        `${feature} is served by forcing a tool call, and Claude does not allow a forced tool choice with thinking (\`reasoning_effort\`); drop one of them, or use a model with native structured output.`,
        'unsupported_feature',
      );
    }
    if (context.toolNames.has(request.name)) {
      if (request.fromJsonObject === true) {
        throw BadRequestError.forParam('response_format', `\`response_format\` json_object with a \`schema\` is served by a forced tool named \`${request.name}\`, which is also the name of a tool in this conversation; use \`json_schema\` with another name.`);
      }
      throw BadRequestError.forParam('response_format.json_schema.name', `\`response_format.json_schema.name\` \`${request.name}\` is also the name of a tool in this conversation; rename it.`);
    }
    return { via: 'tool', toolName: request.name };
  }
  if (context.forcedTool && !context.thinking && !context.userTools && !context.toolNames.has(JSON_OBJECT_TOOL_NAME)) {
    return { via: 'tool', toolName: JSON_OBJECT_TOOL_NAME };
  }
  return { via: 'instruction' };
}

/** Converse `outputConfig` for native structured output. */
export function createOutputConfig(request: Extract<ResponseFormatRequest, { type: 'json_schema' }>): OutputConfig {
  return {
    textFormat: {
      type: 'json_schema',
      structure: {
        jsonSchema: {
          schema: JSON.stringify(request.schema),
          name: request.name,
          ...(request.description === undefined ? {} : { description: request.description }),
        },
      },
    },
  };
}

/**
 * The forced tool's definition and tool choice for the `tool` mode: `toolChoice.tool`, or `any` on models that
 * only have that (the JSON tool is then the only tool, so `any` forces it).
 */
export function createJsonTool(request: ResponseFormatRequest, toolName: string, choice: 'tool' | 'any'): { tool: Tool; toolChoice: ToolChoice } {
  const schema = request.type === 'json_schema' ? request.schema : { type: 'object' };
  const description =
    request.type === 'json_schema'
      ? `Give your answer as this tool's input.${request.description === undefined ? '' : ` ${request.description}`}`
      : 'Give your answer as this tool\'s input: one JSON object.';
  return {
    tool: { toolSpec: { name: toolName, description, inputSchema: { json: schema as never } } },
    toolChoice: choice === 'tool' ? { tool: { name: toolName } } : { any: {} },
  };
}

/**
 * Checks that a JSON-mode answer parses, when the model finished normally. Throws an `UnprocessableEntityError`
 * (code `invalid_json_output`) that quotes the start of the answer.
 */
export function checkJsonOutput(content: string | null, finishReason: string, requestId: string | null): void {
  if (finishReason !== 'stop') return;
  let problem: string | undefined;
  if (content === null || content.trim() === '') problem = 'no content';
  else {
    try {
      JSON.parse(content);
    } catch {
      const preview = content.length > 80 ? `${content.slice(0, 80)}…` : content;
      problem = `content that is not JSON: ${JSON.stringify(preview)}`;
    }
  }
  if (problem === undefined) return;
  throw new UnprocessableEntityError(422, `\`response_format\` asked for JSON, but the model returned ${problem}.`, {
    code: 'invalid_json_output',
    type: 'model_error',
    param: 'response_format',
    requestID: requestId,
  });
}
