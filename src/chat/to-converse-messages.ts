/**
 * OpenAI chat messages → Converse `system` blocks and `messages`, normalized so Bedrock does not reject them:
 * - `system` and `developer` messages become `system` blocks (in order, wherever they appear);
 * - `tool` messages become `toolResult` blocks in a user turn, all results of one assistant turn grouped in order;
 * - a legacy assistant `function_call` becomes a `toolUse` block with a synthesized ID, and the `function` message
 *   answering it (by name) its `toolResult` (`legacy-functions.ts`);
 * - consecutive turns of the same role are merged; blank text blocks are dropped;
 * - the trailing whitespace of a final assistant message (a prefill) is trimmed;
 * - tool names and tool-call IDs go through the request's name maps (Bedrock's charsets);
 * - `input_audio` parts and audio/video `file` parts → `audio`/`video` blocks (`media-source.ts`); a `file` part's
 *   `citations: { enabled: true }` (an extension) → the document block's `citations`;
 * - `cache_control` on a message or content part, or `prompt_cache_breakpoint` on a part → a `cachePoint` block after it (`cache-points.ts`);
 * - an assistant message's `reasoning_details` → its signed and redacted reasoning blocks, first in its turn
 *   (`reasoning.ts`); unsigned reasoning and `reasoning_content` are not sent back.
 *
 * What cannot be made valid fails with a `BadRequestError` whose `param` points at the message part
 * (`messages[2].content[1].image_url.url`): file IDs, unanswered tool calls, a conversation that
 * starts with the assistant, and Bedrock's limits on images and documents.
 */
import type { ContentBlock, ImageBlock, Message, SystemContentBlock, ToolResultContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';
import { conformsTo } from '../internal/service-constraints.js';
import { type CachePointUse, createCachePoint, readCacheControl, readPartCacheBreakpoint } from './cache-points.js';
import {
  claimUniqueName,
  documentFormatFromFilename,
  documentFormatFromMediaType,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENTS,
  sanitizeDocumentName,
} from './document-source.js';
import {
  checkImageBytes,
  describeUrl,
  formatMegabytes,
  imageFormatFromMediaType,
  imageFormatFromPath,
  MAX_IMAGES,
  parseDataUrl,
  type RemoteImageSlot,
} from './image-source.js';
import { legacyCallId } from './legacy-functions.js';
import { convertInputAudioPart, createMediaBlock, mediaFormatFromFilename, mediaFormatFromMediaType } from './media-source.js';
import { convertReasoningDetails } from './reasoning.js';
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

/** A message's own `cache_control` → a cache point after its last block (a message without content cannot hold one). */
function addMessageCachePoint(message: { cache_control?: unknown }, param: string, blocks: Array<ContentBlock | SystemContentBlock>, sink: CachePointUse[]): void {
  const use = readCacheControl(message.cache_control, `${param}.cache_control`);
  if (use === undefined) return;
  const last = blocks.at(-1);
  if (last === undefined) {
    throw BadRequestError.forParam(`${param}.cache_control`, `\`${param}\` has no content for \`cache_control\` to follow; put it on a message with content.`);
  }
  if (last.cachePoint !== undefined) {
    throw BadRequestError.forParam(`${param}.cache_control`, `\`${param}\` already ends with a cache point (from its last content part's breakpoint); give only one of them.`);
  }
  blocks.push(createCachePoint(use.ttl));
  sink.push(use);
}

/**
 * A part's `cache_control` or `prompt_cache_breakpoint` → a cache point right after the part's block (a blank part,
 * dropped, cannot hold one).
 */
function addPartCachePoint(part: unknown, param: string, blocks: Array<ContentBlock | SystemContentBlock>, added: boolean, sink: CachePointUse[]): void {
  const use = readPartCacheBreakpoint(part as { cache_control?: unknown; prompt_cache_breakpoint?: unknown }, param);
  if (use === undefined) return;
  const field = use.param.slice(param.length + 1);
  if (!added) throw BadRequestError.forParam(use.param, `\`${param}\` is blank, so there is nothing for its \`${field}\` to follow.`);
  blocks.push(createCachePoint(use.ttl));
  sink.push(use);
}

function rejectName(message: { name?: unknown }, param: string, context: ConvertMessagesContext): void {
  if (message.name !== undefined && message.name !== null) context.unsupported(`${param}.name`, 'Converse messages have no participant names.');
}

/**
 * A string or an array of text parts (system, developer and tool messages) → non-blank text blocks, with a cache
 * point after each part that has `cache_control` (recorded in `sink`).
 */
function convertTextContent(content: unknown, param: string, sink: CachePointUse[]): SystemContentBlock[] {
  if (typeof content === 'string') return isBlank(content) ? [] : [{ text: content }];
  if (!Array.isArray(content)) throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of text parts.`);
  const blocks: SystemContentBlock[] = [];
  content.forEach((part: unknown, index) => {
    const partParam = `${param}[${index}]`;
    const typed = part as { type?: unknown; text?: unknown };
    if (typeof part !== 'object' || part === null || typed.type !== 'text') {
      throw BadRequestError.forParam(`${partParam}.type`, `\`${partParam}\` must be a text part (\`{ type: 'text', text }\`) here.`);
    }
    if (typeof typed.text !== 'string') throw BadRequestError.forParam(`${partParam}.text`, `\`${partParam}.text\` must be a string.`);
    const added = !isBlank(typed.text);
    if (added) blocks.push({ text: typed.text });
    addPartCachePoint(part, partParam, blocks, added, sink);
  });
  return blocks;
}

function convertAssistantContent(content: unknown, param: string, sink: CachePointUse[]): ContentBlock[] {
  if (typeof content === 'string') return isBlank(content) ? [] : [{ text: content }];
  if (!Array.isArray(content)) throw BadRequestError.forParam(param, `\`${param}\` must be a string, an array of parts, or null.`);
  const blocks: ContentBlock[] = [];
  content.forEach((part: unknown, index) => {
    const partParam = `${param}[${index}]`;
    const typed = part as { type?: unknown; text?: unknown; refusal?: unknown };
    const text = typed?.type === 'text' ? typed.text : typed?.type === 'refusal' ? typed.refusal : undefined;
    if (typeof text !== 'string') {
      throw BadRequestError.forParam(partParam, `\`${partParam}\` must be a text or refusal part in an assistant message.`);
    }
    const added = !isBlank(text);
    if (added) blocks.push({ text });
    addPartCachePoint(part, partParam, blocks, added, sink);
  });
  return blocks;
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

interface MediaCount {
  images: number;
  documents: number;
  documentNames: Set<string>;
  remoteImages: RemoteImageSlot[];
}

function convertUserContent(
  content: unknown,
  param: string,
  context: ConvertMessagesContext,
  media: MediaCount,
  features: MessageFeatures,
  sink: CachePointUse[],
): { blocks: ContentBlock[]; documentParam?: string } {
  if (typeof content === 'string') return { blocks: isBlank(content) ? [] : [{ text: content }] };
  if (!Array.isArray(content)) throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of content parts.`);
  const blocks: ContentBlock[] = [];
  let documentParam: string | undefined;
  content.forEach((raw: unknown, index) => {
    const partParam = `${param}[${index}]`;
    if (typeof raw !== 'object' || raw === null) throw BadRequestError.forParam(partParam, `\`${partParam}\` must be a content part object.`);
    const part = raw as { type?: unknown };
    switch (part.type) {
      case 'text': {
        const text = (raw as { text?: unknown }).text;
        if (typeof text !== 'string') throw BadRequestError.forParam(`${partParam}.text`, `\`${partParam}.text\` must be a string.`);
        const added = !isBlank(text);
        if (added) blocks.push({ text });
        addPartCachePoint(raw, partParam, blocks, added, sink);
        return;
      }
      case 'image_url': {
        const image = convertImagePart(raw as { image_url?: { url?: unknown; detail?: unknown } }, partParam, context, media);
        countImage(media, partParam);
        features.image ??= partParam;
        blocks.push({ image });
        addPartCachePoint(raw, partParam, blocks, true, sink);
        return;
      }
      case 'file': {
        const block = convertFilePart(raw as FilePart, partParam, media);
        if (block.image !== undefined) {
          countImage(media, partParam);
          features.image ??= partParam;
        } else if (block.audio !== undefined) {
          features.audio ??= partParam;
        } else if (block.video !== undefined) {
          features.video ??= partParam;
        } else {
          features.document ??= partParam;
          documentParam ??= partParam;
          if (block.document?.citations !== undefined) features.citations ??= `${partParam}.citations`;
        }
        blocks.push(block);
        addPartCachePoint(raw, partParam, blocks, true, sink);
        return;
      }
      case 'input_audio': {
        blocks.push({ audio: convertInputAudioPart(raw as { input_audio?: { data?: unknown; format?: unknown } }, partParam) });
        features.audio ??= partParam;
        addPartCachePoint(raw, partParam, blocks, true, sink);
        return;
      }
      default:
        throw BadRequestError.forParam(
          `${partParam}.type`,
          `\`${partParam}.type\` must be "text", "image_url", "input_audio" or "file"; got ${JSON.stringify(part.type)}.`,
        );
    }
  });
  return documentParam === undefined ? { blocks } : { blocks, documentParam };
}

function countImage(media: MediaCount, param: string): void {
  media.images += 1;
  if (media.images > MAX_IMAGES) {
    throw BadRequestError.forParam(param, `A request may hold at most ${MAX_IMAGES} images (Bedrock's limit); this is image ${media.images}.`, 'too_many_images');
  }
}

function convertImagePart(
  part: { image_url?: { url?: unknown; detail?: unknown } },
  param: string,
  context: ConvertMessagesContext,
  media: MediaCount,
): ImageBlock {
  const urlParam = `${param}.image_url.url`;
  const url = part.image_url?.url;
  if (typeof url !== 'string' || url === '') throw BadRequestError.forParam(urlParam, `\`${urlParam}\` must be a non-empty string.`);
  const detail = part.image_url?.detail;
  if (detail !== undefined && detail !== 'auto') {
    context.unsupported(`${param}.image_url.detail`, 'Bedrock has no image detail setting (only "auto" is possible).');
  }
  if (/^data:/i.test(url)) {
    const { mediaType, bytes } = parseDataUrl(url, urlParam);
    const declared = imageFormatFromMediaType(mediaType);
    if (declared === undefined) {
      throw BadRequestError.forParam(urlParam, `The image at \`${urlParam}\` has media type ${mediaType}; Bedrock takes image/png, image/jpeg, image/gif and image/webp.`, 'invalid_image_format');
    }
    return { format: checkImageBytes(bytes, declared, urlParam, `The image at \`${urlParam}\``), source: { bytes } };
  }
  if (/^s3:\/\//i.test(url)) {
    // Bedrock checks the URI against the service model's `S3Uri`: lower-case `s3://`, a valid bucket name
    // (3–63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit),
    // no line breaks in the key, at most 1024 characters.
    if (!conformsTo('S3Uri', url)) {
      throw BadRequestError.forParam(
        urlParam,
        `\`${urlParam}\` is not an S3 URI Bedrock accepts: it must be s3://<bucket>/<key> with a lower-case scheme, a bucket name of 3–63 lower-case letters, digits, dots and hyphens (starting and ending with a letter or digit), no line breaks, and at most 1024 characters.`,
        'invalid_image_url',
      );
    }
    const format = imageFormatFromPath(url);
    if (format === undefined) {
      throw BadRequestError.forParam(urlParam, `Cannot tell the format of ${url}: the key must end in .png, .jpg, .jpeg, .gif or .webp.`, 'invalid_image_format');
    }
    return { format, source: { s3Location: { uri: url } } };
  }
  if (/^https?:\/\//i.test(url)) {
    if (!context.imageFetch) {
      throw BadRequestError.forParam(
        urlParam,
        `Remote image URLs are not fetched (\`imageFetch: false\`): ${describeUrl(url)}. Send a data: URL or an s3:// URI, or enable imageFetch.`,
        'image_fetch_disabled',
      );
    }
    // Filled in by `fillRemoteImages` before the request is sent.
    const block: ImageBlock = { format: undefined, source: undefined };
    media.remoteImages.push({ url, param: urlParam, block });
    return block;
  }
  throw BadRequestError.forParam(urlParam, `\`${urlParam}\` must be a data:, https://, http:// or s3:// URL.`, 'invalid_image_url');
}

type FilePart = { file?: { file_data?: unknown; file_id?: unknown; filename?: unknown }; citations?: unknown };

/** A file part's `citations` extension: `{ enabled: boolean }` (a boolean is taken too); `undefined` when absent. */
function readCitations(value: unknown, param: string): { enabled: boolean } | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return { enabled: value };
  if (typeof value === 'object' && !Array.isArray(value) && typeof (value as { enabled?: unknown }).enabled === 'boolean' && Object.keys(value).length === 1) {
    return { enabled: (value as { enabled: boolean }).enabled };
  }
  throw BadRequestError.forParam(param, `\`${param}\` must be \`{ enabled: true }\` or \`{ enabled: false }\`.`);
}

function convertFilePart(part: FilePart, param: string, media: MediaCount): ContentBlock {
  const citations = readCitations(part.citations, `${param}.citations`);
  const block = convertFileData(part, param, media);
  if (citations === undefined) return block;
  if (block.document === undefined) {
    throw BadRequestError.forParam(`${param}.citations`, `\`${param}.citations\` asks for citations, which Bedrock gives for documents only; this file is ${block.image !== undefined ? 'an image' : block.audio !== undefined ? 'audio' : 'a video'}.`);
  }
  // `enabled: false` is what Bedrock does without it: nothing is sent.
  return citations.enabled ? { document: { ...block.document, citations: { enabled: true } } } : block;
}

function convertFileData(part: FilePart, param: string, media: MediaCount): ContentBlock {
  const file = part.file;
  if (typeof file !== 'object' || file === null) throw BadRequestError.forParam(`${param}.file`, `\`${param}.file\` must be an object.`);
  if (file.file_id !== undefined) {
    throw BadRequestError.forParam(`${param}.file.file_id`, 'File IDs refer to OpenAI\'s Files API, which Bedrock does not have; send the file as `file_data`.', 'unsupported_content');
  }
  const dataParam = `${param}.file.file_data`;
  const filename = typeof file.filename === 'string' ? file.filename : undefined;
  if (typeof file.file_data !== 'string' || file.file_data === '') {
    throw BadRequestError.forParam(dataParam, `\`${dataParam}\` must be a data URL (\`data:application/pdf;base64,…\`).`);
  }
  const { mediaType, bytes } = /^data:/i.test(file.file_data)
    ? parseDataUrl(file.file_data, dataParam)
    : parseDataUrl(`data:;base64,${file.file_data}`, dataParam);
  const imageFormat = imageFormatFromMediaType(mediaType);
  if (imageFormat !== undefined) {
    return { image: { format: checkImageBytes(bytes, imageFormat, dataParam, `The image at \`${dataParam}\``), source: { bytes } } };
  }
  // Plain base64 and `data:;base64,` name no media type (parseDataUrl then says text/plain): the file name decides.
  const genericType = mediaType === 'text/plain' && !/^data:text\/plain/i.test(file.file_data);
  // A media type that names no document, audio or video (`application/octet-stream`) leaves it to the file name.
  const typedAsDocument = !genericType && documentFormatFromMediaType(mediaType) !== undefined;
  const mediaFormat = (genericType ? undefined : mediaFormatFromMediaType(mediaType)) ?? (typedAsDocument || filename === undefined ? undefined : mediaFormatFromFilename(filename));
  if (mediaFormat !== undefined) return createMediaBlock(mediaFormat, bytes, dataParam) as ContentBlock;
  const format = (genericType ? undefined : documentFormatFromMediaType(mediaType)) ?? (filename === undefined ? undefined : documentFormatFromFilename(filename));
  if (format === undefined) {
    throw BadRequestError.forParam(
      dataParam,
      `Cannot send \`${param}\` as a document, audio or video: media type ${genericType ? '(none)' : mediaType}${filename === undefined ? '' : `, file name ${JSON.stringify(filename)}`}. Bedrock takes documents (pdf, csv, doc, docx, xls, xlsx, html, txt, md), audio/* and video/* files.`,
      'invalid_document_format',
    );
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw BadRequestError.forParam(dataParam, `The file at \`${param}\` is ${formatMegabytes(bytes.length)}; Bedrock accepts documents up to 4.5 MB.`, 'document_too_large');
  }
  media.documents += 1;
  if (media.documents > MAX_DOCUMENTS) {
    throw BadRequestError.forParam(param, `A request may hold at most ${MAX_DOCUMENTS} documents (Bedrock's limit); this is document ${media.documents}.`, 'too_many_documents');
  }
  const name = claimUniqueName(sanitizeDocumentName(filename, `document-${media.documents}`), media.documentNames);
  return { document: { format, name, source: { bytes } } };
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

function isBlank(text: string): boolean {
  return text.trim() === '';
}
