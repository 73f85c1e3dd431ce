/**
 * Audio, video and document citations in Converse requests, as Bedrock serves them (service model `AudioBlock`,
 * `VideoBlock`, `DocumentBlock.citations`, `CitationsContentBlock`, `CitationsDelta`; AWS Nova and Anthropic
 * citation docs). Written from those sources and the reference model facts, not from the client.
 *
 * - Which models take what ({@link mediaSupport}): video — Nova Lite, Pro, Premier, Nova 2 Lite and Pro
 *   (`input_modalities` text,image,video; Nova 2 user guide); audio — Voxtral Mini and Small (`audio,text`);
 *   document citations — Claude 3.5 Haiku, 3.7 Sonnet and every Claude 4 and later (Anthropic's citations; not
 *   Claude 3 or 3.5 Sonnet). Anything else is a `ValidationException` in Bedrock's "This model doesn't support the
 *   … field" pattern (no real wording was found).
 * - A reply to a user turn holding documents with `citations: { enabled: true }` ({@link citationBlocks}): per such
 *   document, one `citationsContent` block whose generated text quotes the document's first line (text formats,
 *   `source.text`, `source.content`) located by `documentChar` (`documentIndex` counts every document of the
 *   request, in order; `start`/`end` are character offsets), or for binary formats (pdf, docx, …) says "(page 1)"
 *   located by `documentPage` 1–2. ConverseStream sends the generated text as `text` deltas and then each citation
 *   as one `citation` delta, in the same content block.
 */
import type { ContentBlockJson, ConverseRequestJson, JsonObject } from './converse.js';
import { validationError } from './errors.js';

const VIDEO_MODELS = new Set(['amazon.nova-lite-v1:0', 'amazon.nova-pro-v1:0', 'amazon.nova-premier-v1:0', 'amazon.nova-2-lite-v1:0', 'amazon.nova-2-pro-preview-20251202-v1:0']);
const AUDIO_MODELS = new Set(['mistral.voxtral-mini-3b-2507', 'mistral.voxtral-small-24b-2507']);
const NO_CITATIONS = new Set([
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-sonnet-20240229-v1:0',
  'anthropic.claude-3-opus-20240229-v1:0',
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-5-sonnet-20241022-v2:0',
]);

/** What a model takes beyond text and images. */
export function mediaSupport(modelId: string): { audio: boolean; video: boolean; citations: boolean } {
  return {
    audio: AUDIO_MODELS.has(modelId),
    video: VIDEO_MODELS.has(modelId),
    citations: modelId.startsWith('anthropic.') && !NO_CITATIONS.has(modelId),
  };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unsupported(field: string): never {
  throw validationError(`This model doesn't support the ${field} field. Remove ${field} and try again.`);
}

/** Refuses audio, video and document citations on a model without them (message blocks and tool results). */
export function validateMedia(request: ConverseRequestJson, modelId: string): void {
  const support = mediaSupport(modelId);
  const visit = (block: unknown): void => {
    if (!isObject(block)) return;
    if (block['audio'] !== undefined && !support.audio) unsupported('audio');
    if (block['video'] !== undefined && !support.video) unsupported('video');
    const document = block['document'];
    if (isObject(document) && isObject(document['citations']) && document['citations']['enabled'] === true && !support.citations) unsupported('citations');
    const toolResult = block['toolResult'];
    if (isObject(toolResult) && Array.isArray(toolResult['content'])) toolResult['content'].forEach(visit);
  };
  for (const message of request.messages ?? []) if (Array.isArray(message.content)) message.content.forEach(visit);
}

const TEXT_FORMATS = new Set(['txt', 'md', 'csv', 'html']);

/** The readable text of a document block, when it has one (text formats, `source.text`, `source.content`). */
function documentText(document: JsonObject): string | undefined {
  const source = isObject(document['source']) ? document['source'] : {};
  if (typeof source['text'] === 'string') return source['text'];
  if (Array.isArray(source['content'])) {
    return source['content'].map((item) => (isObject(item) && typeof item['text'] === 'string' ? item['text'] : '')).join('\n');
  }
  if (typeof source['bytes'] === 'string' && TEXT_FORMATS.has(String(document['format']))) return Buffer.from(source['bytes'], 'base64').toString('utf8');
  return undefined;
}

/**
 * The `citationsContent` blocks answering the last user turn's documents that ask for citations (see the module
 * comment); empty when none does.
 */
export function citationBlocks(request: ConverseRequestJson): ContentBlockJson[] {
  const messages = request.messages ?? [];
  let documentIndex = 0;
  const blocks: ContentBlockJson[] = [];
  messages.forEach((message, messageIndex) => {
    for (const block of Array.isArray(message.content) ? message.content : []) {
      const document = isObject(block) ? block['document'] : undefined;
      if (!isObject(document)) continue;
      const index = documentIndex++;
      const last = messageIndex === messages.length - 1 && message.role === 'user';
      if (!last || !isObject(document['citations']) || document['citations']['enabled'] !== true) continue;
      const title = typeof document['name'] === 'string' ? document['name'] : `document ${index}`;
      const text = documentText(document);
      if (text === undefined) {
        blocks.push({ citationsContent: { content: [{ text: '(page 1)' }], citations: [{ title, location: { documentPage: { documentIndex: index, start: 1, end: 2 } } }] } });
        continue;
      }
      const firstLine = text.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? text;
      const quote = firstLine.slice(0, 80);
      const start = Math.max(0, text.indexOf(quote));
      blocks.push({
        citationsContent: {
          content: [{ text: quote }],
          citations: [{ title, sourceContent: [{ text: quote }], location: { documentChar: { documentIndex: index, start, end: start + quote.length } } }],
        },
      });
    }
  });
  return blocks;
}
