/**
 * Anthropic Messages bodies on InvokeModel / InvokeModelWithResponseStream (`anthropic_version:
 * "bedrock-2023-05-31"`). The body is converted to the equivalent Converse request, answered by the same
 * {@link replyFor} behaviour, and converted back to Anthropic's response and stream-event shapes.
 */
import { createHash } from 'node:crypto';
import type { ContentBlockJson, ConverseReply, ConverseRequestJson, JsonObject } from './converse.js';
import { malformed } from './embeddings.js';
import { EmulatorError } from './errors.js';
import type { EmulatorModel } from './models.js';
import { chunkJson, chunkText } from './event-stream.js';
import { maxTokensMessage } from './validation.js';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ALLOWED_KEYS = [
  'anthropic_version',
  'anthropic_beta',
  'max_tokens',
  'messages',
  'system',
  'tools',
  'tool_choice',
  'temperature',
  'top_p',
  'top_k',
  'stop_sequences',
  'thinking',
  'metadata',
  'output_config',
];

function anthropicError(message: string): EmulatorError {
  return new EmulatorError('ValidationException', 400, message);
}

function convertContent(content: unknown, path: string): ContentBlockJson[] {
  if (typeof content === 'string') return [{ text: content }];
  if (!Array.isArray(content)) throw malformed(`${path}: expected type: JSONArray`);
  return content.map((block, index): ContentBlockJson => {
    if (!isObject(block)) throw malformed(`${path}/${index}: expected type: JSONObject`);
    switch (block['type']) {
      case 'text':
        return { text: String(block['text'] ?? '') };
      case 'image':
        return { image: { format: 'png', source: { bytes: (block['source'] as JsonObject | undefined)?.['data'] ?? '' } } };
      case 'tool_use':
        return { toolUse: { toolUseId: block['id'], name: block['name'], input: block['input'] ?? {} } };
      case 'tool_result': {
        const inner = block['content'];
        const items = typeof inner === 'string' ? [{ text: inner }] : Array.isArray(inner) ? inner.map((item) => (isObject(item) && item['type'] === 'text' ? { text: item['text'] } : { json: item })) : [];
        return { toolResult: { toolUseId: block['tool_use_id'], content: items } };
      }
      case 'thinking':
        return { reasoningContent: { reasoningText: { text: block['thinking'], signature: block['signature'] } } };
      default:
        throw anthropicError(`${path.replace(/^#\//, '').replace(/\//g, '.')}.${index}.type: Input tag '${String(block['type'])}' found using 'type' does not match any of the expected tags`);
    }
  });
}

/**
 * Validates an Anthropic Messages body (Bedrock's schema errors, Anthropic's wording for conversation rules)
 * and converts it to the equivalent Converse request.
 */
export function anthropicToConverse(body: unknown, model: EmulatorModel): ConverseRequestJson {
  if (!isObject(body)) throw malformed('#: expected type: JSONObject');
  for (const key of Object.keys(body)) if (!ALLOWED_KEYS.includes(key)) throw malformed(`#: extraneous key [${key}] is not permitted`);
  for (const key of ['anthropic_version', 'max_tokens', 'messages']) if (body[key] === undefined) throw malformed(`#: required key [${key}] not found`);
  if (body['anthropic_version'] !== 'bedrock-2023-05-31') throw anthropicError('anthropic_version: Invalid value. Expected bedrock-2023-05-31');
  const maxTokens = body['max_tokens'];
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) throw malformed('#/max_tokens: must be an integer of at least 1');
  if (maxTokens > model.maxOutputTokens) throw anthropicError(maxTokensMessage(model.maxOutputTokens));
  const rawMessages = body['messages'];
  if (!Array.isArray(rawMessages)) throw malformed('#/messages: expected type: JSONArray');
  const messages = rawMessages.map((message, index) => {
    if (!isObject(message)) throw malformed(`#/messages/${index}: expected type: JSONObject`);
    if (message['role'] !== 'user' && message['role'] !== 'assistant') throw anthropicError(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    return { role: message['role'], content: convertContent(message['content'], `#/messages/${index}/content`) };
  });
  for (let index = 1; index < messages.length; index += 1) {
    if (messages[index]?.role === messages[index - 1]?.role) {
      throw anthropicError(`messages: roles must alternate between "user" and "assistant", but found multiple "${messages[index]?.role}" roles in a row`);
    }
  }
  if (messages[0]?.role !== 'user') throw anthropicError('messages: first message must use the "user" role');
  const request: ConverseRequestJson = { messages, inferenceConfig: { maxTokens } };
  const system = body['system'];
  if (typeof system === 'string') request.system = [{ text: system }];
  else if (Array.isArray(system)) request.system = system.map((block) => ({ text: String(isObject(block) ? block['text'] : block) }));
  for (const [from, to] of [
    ['temperature', 'temperature'],
    ['top_p', 'topP'],
  ] as const) {
    if (typeof body[from] === 'number') (request.inferenceConfig as Record<string, unknown>)[to] = body[from];
  }
  if (Array.isArray(body['stop_sequences'])) request.inferenceConfig = { ...request.inferenceConfig, stopSequences: body['stop_sequences'] as string[] };
  if (Array.isArray(body['tools'])) {
    request.toolConfig = {
      tools: body['tools'].map((tool) => ({
        toolSpec: { name: isObject(tool) ? tool['name'] : undefined, inputSchema: { json: isObject(tool) ? (tool['input_schema'] ?? {}) : {} } },
      })),
    };
    const choice = body['tool_choice'];
    if (isObject(choice)) {
      if (choice['type'] === 'any') request.toolConfig.toolChoice = { any: {} };
      else if (choice['type'] === 'tool') request.toolConfig.toolChoice = { tool: { name: choice['name'] } };
      else request.toolConfig.toolChoice = { auto: {} };
    }
  }
  const additional: JsonObject = {};
  if (body['thinking'] !== undefined) additional['thinking'] = body['thinking'];
  if (body['top_k'] !== undefined) additional['top_k'] = body['top_k'];
  if (Object.keys(additional).length > 0) request.additionalModelRequestFields = additional;
  return request;
}

const STOP_REASONS: Readonly<Record<string, string>> = {
  end_turn: 'end_turn',
  tool_use: 'tool_use',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  guardrail_intervened: 'refusal',
};

function messageId(requestId: string): string {
  return `msg_bdrk_${createHash('sha256').update(requestId).digest('base64url').slice(0, 24)}`;
}

function anthropicBlock(block: ContentBlockJson): JsonObject {
  if (typeof block['text'] === 'string') return { type: 'text', text: block['text'] };
  if (block['toolUse'] !== undefined) {
    const toolUse = block['toolUse'] as JsonObject;
    return { type: 'tool_use', id: toolUse['toolUseId'], name: toolUse['name'], input: toolUse['input'] };
  }
  const reasoning = (block['reasoningContent'] as JsonObject)['reasoningText'] as JsonObject;
  return { type: 'thinking', thinking: reasoning['text'], signature: reasoning['signature'] ?? '' };
}

function anthropicUsage(reply: ConverseReply): JsonObject {
  return {
    input_tokens: reply.usage.inputTokens,
    output_tokens: reply.usage.outputTokens,
    ...(reply.usage.cacheReadInputTokens !== undefined
      ? { cache_read_input_tokens: reply.usage.cacheReadInputTokens, cache_creation_input_tokens: reply.usage.cacheWriteInputTokens ?? 0 }
      : {}),
  };
}

/** The Anthropic Messages response body for a reply. */
export function converseReplyToAnthropic(reply: ConverseReply, model: EmulatorModel, requestId: string): JsonObject {
  return {
    id: messageId(requestId),
    type: 'message',
    role: 'assistant',
    model: model.id.replace(/^anthropic\./, ''),
    content: reply.content.map(anthropicBlock),
    stop_reason: STOP_REASONS[reply.stopReason] ?? reply.stopReason,
    stop_sequence: (reply.additionalModelResponseFields?.['stop_sequence'] as string | undefined) ?? null,
    usage: anthropicUsage(reply),
  };
}

/** The native Anthropic stream events for a reply (each sent as one `chunk` frame). */
export function anthropicStreamEvents(reply: ConverseReply, model: EmulatorModel, requestId: string, latencyMs: number): JsonObject[] {
  const events: JsonObject[] = [
    {
      type: 'message_start',
      message: {
        id: messageId(requestId),
        type: 'message',
        role: 'assistant',
        model: model.id.replace(/^anthropic\./, ''),
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...anthropicUsage(reply), output_tokens: 1 },
      },
    },
  ];
  reply.content.forEach((block, index) => {
    const full = anthropicBlock(block);
    if (full['type'] === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      for (const text of chunkText(String(full['text']))) events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    } else if (full['type'] === 'tool_use') {
      events.push({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: full['id'], name: full['name'], input: {} } });
      for (const partial of chunkJson(JSON.stringify(full['input'] ?? {}))) {
        events.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: partial } });
      }
    } else {
      events.push({ type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '' } });
      for (const thinking of chunkText(String(full['thinking']))) events.push({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } });
      events.push({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: full['signature'] } });
    }
    events.push({ type: 'content_block_stop', index });
  });
  events.push({
    type: 'message_delta',
    delta: { stop_reason: STOP_REASONS[reply.stopReason] ?? reply.stopReason, stop_sequence: (reply.additionalModelResponseFields?.['stop_sequence'] as string | undefined) ?? null },
    usage: { output_tokens: reply.usage.outputTokens },
  });
  events.push({
    type: 'message_stop',
    'amazon-bedrock-invocationMetrics': {
      inputTokenCount: reply.usage.inputTokens,
      outputTokenCount: reply.usage.outputTokens,
      invocationLatency: latencyMs,
      firstByteLatency: Math.max(0, latencyMs - 1),
      ...(reply.usage.cacheReadInputTokens !== undefined
        ? { cacheReadInputTokenCount: reply.usage.cacheReadInputTokens, cacheWriteInputTokenCount: reply.usage.cacheWriteInputTokens ?? 0 }
        : {}),
    },
  });
  return events;
}
