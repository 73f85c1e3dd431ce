/**
 * What an attempt costs against a tokens-per-minute quota, counted as Bedrock counts it: when it is sent, its input
 * (estimated here at 4 characters a token, images not counted) plus its output budget (`maxTokens`, else the
 * model's maximum, which Bedrock reserves when `maxTokens` is unset); when it ends, what it actually used (input,
 * cache writes and output: cache reads are given back at settlement). Pure functions, table-tested.
 */
import { bedrockHeadersOf } from '../core/response-headers.js';

/** Characters per token of the input estimate (English text; Bedrock's own count settles the difference). */
export const CHARS_PER_TOKEN = 4;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

/** Characters of text in a Converse content block, system block or tool (images and documents count 0). */
function blockChars(block: unknown): number {
  if (!isObject(block)) return 0;
  let chars = 0;
  if (typeof block['text'] === 'string') chars += block['text'].length;
  const toolUse = block['toolUse'];
  if (isObject(toolUse)) chars += JSON.stringify(toolUse['input'] ?? null).length;
  const toolResult = block['toolResult'];
  if (isObject(toolResult) && Array.isArray(toolResult['content'])) {
    for (const item of toolResult['content']) {
      if (!isObject(item)) continue;
      if (typeof item['text'] === 'string') chars += item['text'].length;
      if (item['json'] !== undefined) chars += JSON.stringify(item['json']).length;
    }
  }
  const reasoning = block['reasoningContent'];
  if (isObject(reasoning) && isObject(reasoning['reasoningText']) && typeof reasoning['reasoningText']['text'] === 'string') {
    chars += reasoning['reasoningText']['text'].length;
  }
  const spec = block['toolSpec'];
  if (isObject(spec)) chars += JSON.stringify(spec).length;
  return chars;
}

function converseInputChars(input: Json): number {
  let chars = 0;
  for (const block of Array.isArray(input['system']) ? input['system'] : []) chars += blockChars(block);
  for (const message of Array.isArray(input['messages']) ? input['messages'] : []) {
    if (!isObject(message) || !Array.isArray(message['content'])) continue;
    for (const block of message['content']) chars += blockChars(block);
  }
  const tools = isObject(input['toolConfig']) ? input['toolConfig']['tools'] : undefined;
  for (const tool of Array.isArray(tools) ? tools : []) chars += blockChars(tool);
  return chars;
}

/**
 * The tokens an attempt reserves. `outputBudget`: what Bedrock reserves when the request sets no `maxTokens` (the
 * model's maximum output); 0 when unknown.
 */
export function reservedTokens(operation: string, input: unknown, outputBudget = 0): number {
  if (!isObject(input)) return 0;
  if (operation === 'Converse' || operation === 'ConverseStream') {
    const maxTokens = isObject(input['inferenceConfig']) ? input['inferenceConfig']['maxTokens'] : undefined;
    return Math.ceil(converseInputChars(input) / CHARS_PER_TOKEN) + (typeof maxTokens === 'number' && maxTokens > 0 ? maxTokens : outputBudget);
  }
  if (operation === 'InvokeModel' || operation === 'InvokeModelWithResponseStream') {
    const body = input['body'];
    const length = typeof body === 'string' ? body.length : body instanceof Uint8Array ? body.byteLength : 0;
    return Math.ceil(length / CHARS_PER_TOKEN) + outputBudget;
  }
  return 0;
}

/** The tokens a finished attempt used, from its output; `undefined` when the output does not say. */
export function usedTokens(operation: string, output: unknown): number | undefined {
  if (!isObject(output)) return undefined;
  if (operation === 'Converse') return usageTokens(output['usage']);
  if (operation === 'InvokeModel') {
    const headers = bedrockHeadersOf(output);
    if (headers?.inputTokenCount === undefined) return undefined;
    return headers.inputTokenCount + (headers.outputTokenCount ?? 0);
  }
  return undefined;
}

/** The tokens a ConverseStream used, from its `metadata` event; `undefined` for other events. */
export function streamEventTokens(event: unknown): number | undefined {
  if (!isObject(event) || !isObject(event['metadata'])) return undefined;
  return usageTokens(event['metadata']['usage']);
}

function usageTokens(usage: unknown): number | undefined {
  if (!isObject(usage)) return undefined;
  const number = (key: string): number => (typeof usage[key] === 'number' ? (usage[key] as number) : 0);
  if (typeof usage['inputTokens'] !== 'number' && typeof usage['outputTokens'] !== 'number') return undefined;
  return number('inputTokens') + number('cacheWriteInputTokens') + number('outputTokens');
}
