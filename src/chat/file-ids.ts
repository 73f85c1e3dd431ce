/**
 * Files given by `file_id` (uploaded with `client.files.create`, or `POST /v1/files`) in chat's content parts: where
 * they are ({@link findFileIds}), and the body with each replaced by the file's bytes inline ({@link inlineFiles}), so
 * the converters treat it exactly as a `file_data` part (format from the file name, Bedrock's size and count limits).
 * Pure; reading the files is the caller's (src/chat/prepare.ts).
 */
import { BadRequestError } from '../core/errors.js';
import type { ChatCompletionCreateParamsBase } from './types.js';

/** A `file` part that names a file by ID, and its parameter path (`messages[0].content[1].file.file_id`). */
export interface FileIdRef {
  fileId: string;
  param: string;
}

/** The file an ID names: its bytes and name. */
export interface InlineFile {
  bytes: Uint8Array;
  filename: string;
}

/** Image media types by file name extension: an image read by ID goes inline as a `data:` URL of its type. */
const IMAGE_TYPES: Readonly<Record<string, string>> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

/** Every `file` part with a `file_id` (a string) in the messages, in order; a part that also has `file_data` is a 400. */
export function findFileIds(body: ChatCompletionCreateParamsBase): FileIdRef[] {
  const found: FileIdRef[] = [];
  // The body is not checked yet (the converter does that next): anything but an array of messages holds no file IDs.
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return found;
  messages.forEach((message: { content?: unknown } | null, messageIndex) => {
    const content = message?.content;
    if (!Array.isArray(content)) return;
    content.forEach((part: { type?: unknown; file?: { file_id?: unknown; file_data?: unknown } } | null, partIndex) => {
      const fileId = part?.type === 'file' ? part.file?.file_id : undefined;
      if (typeof fileId !== 'string') return;
      const param = `messages[${messageIndex}].content[${partIndex}].file.file_id`;
      if (part?.file?.file_data !== undefined && part.file.file_data !== null) {
        throw BadRequestError.forParam(param, `\`${param.slice(0, -'.file_id'.length)}\` gives both \`file_data\` and \`file_id\`; give one.`);
      }
      found.push({ fileId, param });
    });
  });
  return found;
}

/**
 * The body with every `file_id` part that `files` holds replaced by `file_data` (base64; an image as a `data:` URL
 * of its type) and the file's name (unless the part names one); other parts and the caller's objects unchanged.
 */
export function inlineFiles(body: ChatCompletionCreateParamsBase, files: ReadonlyMap<string, InlineFile>): ChatCompletionCreateParamsBase {
  const messages = (body.messages as unknown[]).map((message) => {
    const content = (message as { content?: unknown }).content;
    if (!Array.isArray(content)) return message;
    let changed = false;
    const parts = content.map((part: { type?: unknown; file?: { file_id?: unknown; filename?: unknown } } | null) => {
      const fileId = part?.type === 'file' ? part.file?.file_id : undefined;
      const file = typeof fileId === 'string' ? files.get(fileId) : undefined;
      if (file === undefined || part === null) return part;
      changed = true;
      const { file_id: _id, ...rest } = part.file as Record<string, unknown>;
      const filename = typeof rest['filename'] === 'string' ? (rest['filename'] as string) : file.filename;
      const imageType = IMAGE_TYPES[filename.slice(filename.lastIndexOf('.') + 1).toLowerCase()];
      const base64 = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64');
      return { ...part, file: { ...rest, filename, file_data: imageType === undefined ? base64 : `data:${imageType};base64,${base64}` } };
    });
    return changed ? { ...(message as object), content: parts } : message;
  });
  return { ...body, messages: messages as ChatCompletionCreateParamsBase['messages'] };
}
