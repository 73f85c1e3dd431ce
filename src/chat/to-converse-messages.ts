/**
 * OpenAI chat messages → Converse `system` blocks and `messages`, normalized so Bedrock does not reject them:
 * - `system` and `developer` messages become `system` blocks (in order, wherever they appear);
 * - `tool` messages become `toolResult` blocks in a user turn, all results of one assistant turn grouped in order;
 * - a legacy assistant `function_call` becomes a `toolUse` block with a synthesized ID, and the `function` message
 *   answering it (by name) its `toolResult` (`legacy-functions.ts`);
 * - consecutive turns of the same role are merged; blank text blocks are dropped;
 * - the trailing whitespace of a final assistant message (a prefill) is trimmed;
 * - tool names and tool-call IDs go through the request's name maps (Bedrock's charsets);
 * - each message's content (text, images, files, audio, video) → Converse blocks (`to-converse-content.ts`);
 * - `cache_control` on a message or content part, or `prompt_cache_breakpoint` on a part → a `cachePoint` block after it (`cache-points.ts`);
 * - an assistant message's `reasoning_details` → its signed and redacted reasoning blocks, first in its turn
 *   (`reasoning.ts`); unsigned reasoning and `reasoning_content` are not sent back.
 *
 * What cannot be made valid fails with a `BadRequestError` whose `param` points at the message part
 * (`messages[2].content[1].image_url.url`): file IDs, unanswered tool calls, a conversation that
 * starts with the assistant, and Bedrock's limits on images and documents.
 */
import type { ContentBlock, Message, SystemContentBlock, ToolResultContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';
import { addMessageCachePoint, type CachePointUse, createCachePoint, readCacheControl } from './cache-points.js';
import type { RemoteImageSlot } from './image-source.js';
import { legacyCallId } from './legacy-functions.js';
import { convertReasoningDetails } from './reasoning.js';
import { convertAssistantContent, convertTextContent, convertUserContent, isBlank, type MediaCount } from './to-converse-content.js';
import { type NameMap, toBedrockName } from './tool-names.js';
import type { ChatCompletionMessageParam } from './types.js';
import type { UnsupportedParamHandler } from './unsupported-params.js';

export interface ConvertMessagesContext {
  toolNames: NameMap;
  toolCallIds: NameMap;
  /**
   * Whether `http(s)` image URLs are allowed. They are left as slots in the result (`remoteImages`) for
   * `fillRemoteImages` to fetch before the request is sent; when false they are rejected.
   */
  imageFetch: boolean;
  unsupported: UnsupportedParamHandler;
  /**
   * The messages follow a Prompt-management prompt's own (the `model` is a prompt ARN): they may hold no user
   * message, and may start with an assistant turn continuing the prompt.
   */
  afterPrompt?: boolean;
}

/** Where the request uses features a model may lack: the `param` of the first use of each. */
export interface MessageFeatures {
  system?: string;
  image?: string;
  document?: string;
  audio?: string;
  video?: string;
  /** The `citations` of the first file part that asks for them. */
  citations?: string;
  toolBlocks?: string;
  /** Every `cache_control` breakpoint, in order (system ones and message ones interleaved as written). */
  cachePoints?: CachePointUse[];
}

export interface ConvertedMessages {
  system: SystemContentBlock[];
  messages: Message[];
  features: MessageFeatures;
  /** Image blocks whose bytes must still be fetched (empty unless `imageFetch`). */
  remoteImages: RemoteImageSlot[];
}

interface Turn {
  role: 'user' | 'assistant';
  content: ContentBlock[];
  /** The `param` of the message that opened the turn. */
  param: string;
  /** The `param` of the first file part, when the turn holds a document. */
  documentParam?: string;
}

/** Converts OpenAI messages to Converse `system` and `messages` (see the module comment). */
export function convertToConverseMessages(messages: unknown, context: ConvertMessagesContext): ConvertedMessages {
  if (!Array.isArray(messages) || messages.length === 0) {
    throw BadRequestError.forParam('messages', '`messages` must be a non-empty array.');
  }
  const system: SystemContentBlock[] = [];
  const turns: Turn[] = [];
  const features: MessageFeatures = {};
  const media: MediaCount = { images: 0, documents: 0, documentNames: new Set<string>(), remoteImages: [] };
  /** Tool calls of the last assistant turn not answered yet: Bedrock ID → where it was made. */
  const pending = new Map<string, string>();
  let pendingAnsweredBy: string | undefined;
  /** Legacy `function_call`s of the history: Bedrock ID → Bedrock tool name (a `function` message answers by name). */
  const legacyPending = new Map<string, string>();
  const cacheSink: CachePointUse[] = [];

  const push = (role: 'user' | 'assistant', content: ContentBlock[], param: string, documentParam?: string): void => {
    if (content.length === 0) return;
    const last = turns.at(-1);
    if (last !== undefined && last.role === role) {
      last.content.push(...content);
      if (last.documentParam === undefined && documentParam !== undefined) last.documentParam = documentParam;
    } else {
      turns.push({ role, content, param, ...(documentParam === undefined ? {} : { documentParam }) });
    }
  };
  const requireAnswered = (): void => {
    const [first] = pending.values();
    if (first !== undefined) {
      const message = first.endsWith('.function_call')
        ? `Function call \`${first}\` has no \`function\` message answering it. Every function call must be answered by a \`function\` message (with its \`name\`) right after the assistant message.`
        : `Tool call \`${first}\` has no \`tool\` message answering it. Every tool call must be answered by a \`tool\` message (with its \`tool_call_id\`) right after the assistant message.`;
      throw BadRequestError.forParam(first, message, 'missing_tool_result');
    }
    pendingAnsweredBy = undefined;
  };

  messages.forEach((raw: unknown, index) => {
    const param = `messages[${index}]`;
    if (typeof raw !== 'object' || raw === null) throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const message = raw as ChatCompletionMessageParam;
    switch (message.role) {
      case 'system':
      case 'developer': {
        rejectName(message, param, context);
        const blocks = convertTextContent(message.content, `${param}.content`, cacheSink);
        if (blocks.length > 0) features.system ??= `${param}`;
        addMessageCachePoint(message, param, blocks, cacheSink);
        system.push(...blocks);
        return;
      }
      case 'user': {
        requireAnswered();
        rejectName(message, param, context);
        const { blocks, documentParam } = convertUserContent(message.content, `${param}.content`, context, media, features, cacheSink);
        addMessageCachePoint(message, param, blocks, cacheSink);
        push('user', blocks, param, documentParam);
        return;
      }
      case 'assistant': {
        requireAnswered();
        rejectName(message, param, context);
        if (message.audio !== undefined && message.audio !== null) context.unsupported(`${param}.audio`, 'Converse has no audio output to refer back to.');
        const blocks: ContentBlock[] = convertReasoningDetails(message.reasoning_details, `${param}.reasoning_details`);
        if (message.reasoning_content !== undefined && message.reasoning_content !== null && typeof message.reasoning_content !== 'string') {
          throw BadRequestError.forParam(`${param}.reasoning_content`, `\`${param}.reasoning_content\` must be a string.`);
        }
        if (message.content !== undefined && message.content !== null) blocks.push(...convertAssistantContent(message.content, `${param}.content`, cacheSink));
        if (typeof message.refusal === 'string' && message.refusal.trim() !== '') blocks.push({ text: message.refusal });
        const toolCalls = message.tool_calls;
        if (toolCalls !== undefined && toolCalls !== null) {
          if (!Array.isArray(toolCalls)) throw BadRequestError.forParam(`${param}.tool_calls`, `\`${param}.tool_calls\` must be an array.`);
          toolCalls.forEach((toolCall, callIndex) => {
            const callParam = `${param}.tool_calls[${callIndex}]`;
            const block = convertToolCall(toolCall, callParam, context);
            const toolUseId = block.toolUse.toolUseId!;
            if (pending.has(toolUseId)) {
              throw BadRequestError.forParam(`${callParam}.id`, `Tool call ID \`${toolCall.id}\` is used twice in one message.`);
            }
            pending.set(toolUseId, callParam);
            features.toolBlocks ??= callParam;
            blocks.push(block);
          });
        }
        if (message.function_call !== undefined && message.function_call !== null) {
          const callParam = `${param}.function_call`;
          const block = convertLegacyFunctionCall(message.function_call, callParam, legacyCallId(index), context);
          pending.set(block.toolUse.toolUseId!, callParam);
          legacyPending.set(block.toolUse.toolUseId!, block.toolUse.name!);
          features.toolBlocks ??= callParam;
          blocks.push(block);
        }
        addMessageCachePoint(message, param, blocks, cacheSink);
        push('assistant', blocks, param);
        return;
      }
      case 'tool': {
        const idParam = `${param}.tool_call_id`;
        if (typeof message.tool_call_id !== 'string' || message.tool_call_id === '') {
          throw BadRequestError.forParam(idParam, `\`${idParam}\` must be a non-empty string.`);
        }
        const toolUseId = toBedrockName(context.toolCallIds, message.tool_call_id);
        if (!pending.has(toolUseId)) {
          const answered = pendingAnsweredBy === toolUseId ? ' more than once' : '';
          throw BadRequestError.forParam(
            idParam,
            `\`${idParam}\` (\`${message.tool_call_id}\`) does not answer a tool call of the assistant message before it${answered}.`,
            'invalid_tool_call_id',
          );
        }
        pending.delete(toolUseId);
        pendingAnsweredBy = toolUseId;
        features.toolBlocks ??= param;
        // A breakpoint inside a tool result cannot sit there (tool results hold no cache points): it follows the result.
        const partUses: CachePointUse[] = [];
        const content: ToolResultContentBlock[] = convertTextContent(message.content, `${param}.content`, partUses)
          .filter((block): block is { text: string } => block.text !== undefined)
          .map((block) => ({ text: block.text }));
        const resultBlocks: ContentBlock[] = [{ toolResult: { toolUseId, content } }];
        const messageUse = readCacheControl((message as { cache_control?: unknown }).cache_control, `${param}.cache_control`);
        const use = messageUse ?? partUses.at(-1);
        if (use !== undefined) {
          resultBlocks.push(createCachePoint(use.ttl));
          cacheSink.push(use);
        }
        push('user', resultBlocks, param);
        return;
      }
      case 'function': {
        // The legacy answer to an assistant `function_call`: matched by name (the legacy shape has no call IDs).
        const name = message.name;
        if (typeof name !== 'string' || name === '') throw BadRequestError.forParam(`${param}.name`, `\`${param}.name\` must be a non-empty string.`);
        const bedrockName = toBedrockName(context.toolNames, name);
        const toolUseId = [...legacyPending].find(([id, called]) => called === bedrockName && pending.has(id))?.[0];
        if (toolUseId === undefined) {
          throw BadRequestError.forParam(
            `${param}.name`,
            `\`${param}\` (function \`${name}\`) does not answer a \`function_call\` of the assistant message before it.`,
            'invalid_tool_call_id',
          );
        }
        pending.delete(toolUseId);
        pendingAnsweredBy = toolUseId;
        features.toolBlocks ??= param;
        const content = message.content;
        if (content !== null && typeof content !== 'string') throw BadRequestError.forParam(`${param}.content`, `\`${param}.content\` must be a string or null.`);
        push('user', [{ toolResult: { toolUseId, content: content === null || isBlank(content) ? [] : [{ text: content }] } }], param);
        return;
      }
      default: {
        const role: unknown = (message as { role?: unknown }).role;
        throw BadRequestError.forParam(
          `${param}.role`,
          `\`${param}.role\` must be one of system, developer, user, assistant, tool, function; got ${JSON.stringify(role)}.`,
        );
      }
    }
    // The role switch returns in every branch.
  });
  requireAnswered();

  trimFinalAssistantPrefill(turns);
  if (turns.length === 0 && context.afterPrompt !== true) {
    throw BadRequestError.forParam('messages', '`messages` must hold at least one user message with content (Bedrock needs one).');
  }
  const first = turns[0];
  if (first !== undefined && first.role !== 'user' && context.afterPrompt !== true) {
    throw BadRequestError.forParam(
      first.param,
      `The conversation starts with an assistant message (\`${first.param}\`); Bedrock requires the first message after the system messages to be a user message.`,
    );
  }
  for (const turn of turns) {
    if (turn.documentParam !== undefined && !turn.content.some((block) => block.text !== undefined)) {
      throw BadRequestError.forParam(
        turn.documentParam,
        'A user message with a file must also hold text (Bedrock requires a text block beside every document).',
      );
    }
  }
  if (cacheSink.length > 0) features.cachePoints = cacheSink;
  return { system, messages: turns.map((turn) => ({ role: turn.role, content: turn.content })), features, remoteImages: media.remoteImages };
}

function rejectName(message: { name?: unknown }, param: string, context: ConvertMessagesContext): void {
  if (message.name !== undefined && message.name !== null) context.unsupported(`${param}.name`, 'Converse messages have no participant names.');
}

/** An assistant message's legacy `function_call` → a `toolUse` block with the synthesized ID `toolUseId`. */
function convertLegacyFunctionCall(functionCall: unknown, param: string, toolUseId: string, context: ConvertMessagesContext): ContentBlock.ToolUseMember {
  if (typeof functionCall !== 'object' || functionCall === null) throw BadRequestError.forParam(param, `\`${param}\` must be an object (\`{ name, arguments }\`).`);
  const { name, arguments: argumentsText } = functionCall as { name?: unknown; arguments?: unknown };
  if (typeof name !== 'string' || name === '') throw BadRequestError.forParam(`${param}.name`, `\`${param}.name\` must be a non-empty string.`);
  return { toolUse: { toolUseId, name: toBedrockName(context.toolNames, name), input: parseToolArguments(argumentsText, `${param}.arguments`) } };
}

function parseToolArguments(argumentsText: unknown, param: string): Record<string, never> {
  if (typeof argumentsText !== 'string') throw BadRequestError.forParam(param, `\`${param}\` must be a JSON string.`);
  let input: unknown = {};
  if (argumentsText.trim() !== '') {
    try {
      input = JSON.parse(argumentsText);
    } catch {
      throw BadRequestError.forParam(param, `\`${param}\` is not valid JSON.`);
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw BadRequestError.forParam(param, `\`${param}\` must encode a JSON object (Bedrock tool input is an object).`);
  }
  return input as Record<string, never>;
}

function convertToolCall(toolCall: unknown, param: string, context: ConvertMessagesContext): ContentBlock.ToolUseMember {
  const call = toolCall as { type?: unknown; id?: unknown; function?: { name?: unknown; arguments?: unknown } };
  if (typeof toolCall !== 'object' || toolCall === null) throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
  if (call.type === 'custom') {
    throw BadRequestError.forParam(`${param}.type`, 'Custom tool calls are not supported on Bedrock; use function tools.', 'unsupported_parameter');
  }
  if (call.type !== 'function') throw BadRequestError.forParam(`${param}.type`, `\`${param}.type\` must be "function".`);
  if (typeof call.id !== 'string' || call.id === '') throw BadRequestError.forParam(`${param}.id`, `\`${param}.id\` must be a non-empty string.`);
  const name = call.function?.name;
  if (typeof name !== 'string' || name === '') {
    throw BadRequestError.forParam(`${param}.function.name`, `\`${param}.function.name\` must be a non-empty string.`);
  }
  return {
    toolUse: {
      toolUseId: toBedrockName(context.toolCallIds, call.id),
      name: toBedrockName(context.toolNames, name),
      input: parseToolArguments(call.function?.arguments, `${param}.function.arguments`),
    },
  };
}

/** Bedrock rejects a final assistant message that ends in whitespace: trim it (and drop what becomes blank). */
function trimFinalAssistantPrefill(turns: Turn[]): void {
  const last = turns.at(-1);
  if (last === undefined || last.role !== 'assistant') return;
  // A trailing cache point does not end the text: the text block before it does.
  const position = last.content.at(-1)?.cachePoint !== undefined ? last.content.length - 2 : last.content.length - 1;
  const lastBlock = last.content[position];
  if (lastBlock?.text === undefined) return;
  const trimmed = lastBlock.text.trimEnd();
  if (trimmed === '') last.content.splice(position, 1);
  else last.content[position] = { text: trimmed };
  if (last.content.every((block) => block.cachePoint !== undefined)) turns.pop();
}
