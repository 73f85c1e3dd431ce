/**
 * The content of one OpenAI message → Converse blocks (the roles, turns and tool calls around it are
 * `to-converse-messages.ts`'s job):
 * - a string or `text` parts → non-blank `text` blocks; in an assistant message, `refusal` parts too;
 * - a user's `image_url` part → an `image` block: `data:` URLs decoded, `s3://` URIs as `s3Location`, `http(s)`
 *   URLs left as slots to fetch (`image-source.ts`);
 * - a user's `file` part → an `image`, `document`, `audio` or `video` block, by media type and then file name
 *   (`document-source.ts`, `media-source.ts`); its `citations: { enabled: true }` (an extension) → the document
 *   block's `citations`; an `input_audio` part → an `audio` block;
 * - a part's `cache_control` or `prompt_cache_breakpoint` → a `cachePoint` block after it (`cache-points.ts`).
 *
 * Bedrock's limits on images and documents are counted across the whole request (`MediaCount`); what breaks them,
 * or cannot be sent at all (file IDs, unknown formats), fails with a `BadRequestError` naming the part.
 */
import type { ContentBlock, ImageBlock, SystemContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';
import { conformsTo } from '../internal/service-constraints.js';
import { addPartCachePoint, type CachePointUse } from './cache-points.js';
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
import { convertInputAudioPart, createMediaBlock, mediaFormatFromFilename, mediaFormatFromMediaType } from './media-source.js';
import type { ConvertMessagesContext, MessageFeatures } from './to-converse-messages.js';

/**
 * A string or an array of text parts (system, developer and tool messages) → non-blank text blocks, with a cache
 * point after each part that has `cache_control` (recorded in `sink`).
 */
export function convertTextContent(content: unknown, param: string, sink: CachePointUse[]): SystemContentBlock[] {
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

/** An assistant message's content (a string, or text and refusal parts) → non-blank text blocks, with cache points as above. */
export function convertAssistantContent(content: unknown, param: string, sink: CachePointUse[]): ContentBlock[] {
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

/** What the request holds so far, against Bedrock's limits: images, documents (their names kept unique), remote images to fetch. */
export interface MediaCount {
  images: number;
  documents: number;
  documentNames: Set<string>;
  remoteImages: RemoteImageSlot[];
}

/**
 * A user message's content → Converse blocks, noting the first use of each feature in `features`. `documentParam`
 * is the first file part that became a document (Bedrock needs text beside it).
 */
export function convertUserContent(
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

/**
 * Why a `file_id` reaching the converter is refused: online requests read files by ID before converting
 * (src/chat/file-ids.ts), so only a batch line still holds one.
 */
const FILE_ID_UNSUPPORTED =
  'A batch line cannot name a file by `file_id` (Bedrock batch records hold their content); send the file inline as `file_data` (images also as an `image_url`: a data: or s3:// URL).';

function convertFileData(part: FilePart, param: string, media: MediaCount): ContentBlock {
  const file = part.file;
  if (typeof file !== 'object' || file === null) throw BadRequestError.forParam(`${param}.file`, `\`${param}.file\` must be an object.`);
  if (file.file_id !== undefined) {
    throw BadRequestError.forParam(`${param}.file.file_id`, FILE_ID_UNSUPPORTED, 'unsupported_content');
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

/** Whether text is empty or only white space (such text is not sent). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
