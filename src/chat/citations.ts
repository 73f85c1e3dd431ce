/**
 * Bedrock citations → OpenAI `annotations` (pure):
 *
 * | Bedrock | OpenAI |
 * |---|---|
 * | a `citationsContent` block (`content` text + `citations`) | its text joins `message.content`; each citation → one annotation spanning that text |
 * | streamed: `text` deltas, then `citation` deltas of the same content block | `delta.content`, then at the block's end one `delta.annotations` |
 * | `Citation.location.web` `{ url, domain }` | `url_citation.url` = the URL |
 * | `documentChar` / `documentPage` / `documentChunk` / `searchResultLocation` | `url_citation.url` = `''`; the location in `bedrock_citation.location` |
 * | `title`, `source`, `sourceContent[].text` | `url_citation.title` (`''` if none); `bedrock_citation.title`, `.source`, `.source_content` |
 *
 * `start_index`/`end_index` are JavaScript string offsets into the whole `message.content`.
 */
import type { Citation, CitationLocation, CitationsDelta } from '@aws-sdk/client-bedrock-runtime';
import type { BedrockCitation, BedrockCitationLocation, ChatCompletionAnnotation } from './types.js';

function toLocation(location: CitationLocation | undefined): BedrockCitationLocation | undefined {
  if (location === undefined) return undefined;
  if (location.web !== undefined) {
    return { type: 'web', ...(location.web.url === undefined ? {} : { url: location.web.url }), ...(location.web.domain === undefined ? {} : { domain: location.web.domain }) };
  }
  const span = (value: { documentIndex?: number | undefined; start?: number | undefined; end?: number | undefined }) => ({
    ...(value.documentIndex === undefined ? {} : { document_index: value.documentIndex }),
    ...(value.start === undefined ? {} : { start: value.start }),
    ...(value.end === undefined ? {} : { end: value.end }),
  });
  if (location.documentChar !== undefined) return { type: 'document_char', ...span(location.documentChar) };
  if (location.documentPage !== undefined) return { type: 'document_page', ...span(location.documentPage) };
  if (location.documentChunk !== undefined) return { type: 'document_chunk', ...span(location.documentChunk) };
  if (location.searchResultLocation !== undefined) {
    const { searchResultIndex, start, end } = location.searchResultLocation;
    return {
      type: 'search_result',
      ...(searchResultIndex === undefined ? {} : { search_result_index: searchResultIndex }),
      ...(start === undefined ? {} : { start }),
      ...(end === undefined ? {} : { end }),
    };
  }
  return undefined; // A location kind this SDK does not know.
}

/** A Bedrock citation (whole, or as streamed in one `citation` delta) in snake case. */
export function toBedrockCitation(citation: Citation | CitationsDelta): BedrockCitation {
  const location = toLocation(citation.location);
  const passages = (citation.sourceContent ?? []).flatMap((part) => (typeof part.text === 'string' ? [part.text] : []));
  return {
    ...(citation.title === undefined ? {} : { title: citation.title }),
    ...(citation.source === undefined ? {} : { source: citation.source }),
    ...(passages.length === 0 ? {} : { source_content: passages }),
    ...(location === undefined ? {} : { location }),
  };
}

/** One annotation for a citation of the content between `start` and `end` (see the module comment). */
export function toAnnotation(citation: Citation | CitationsDelta, start: number, end: number): ChatCompletionAnnotation {
  const bedrock = toBedrockCitation(citation);
  const url = bedrock.location?.type === 'web' ? (bedrock.location.url ?? '') : '';
  return { type: 'url_citation', url_citation: { end_index: end, start_index: start, title: bedrock.title ?? '', url }, bedrock_citation: bedrock };
}
