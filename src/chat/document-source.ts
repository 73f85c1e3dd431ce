/**
 * OpenAI `file` parts → Bedrock `DocumentBlock`s: the format from the data URL's media type (or the file name's
 * extension), and a document name in Bedrock's charset (bedrock-wire.md §1.5: 1–200 characters; letters, digits,
 * single spaces, hyphens, parentheses and square brackets), unique within the request.
 */
import type { DocumentFormat } from '@aws-sdk/client-bedrock-runtime';

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['pdf', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'html', 'txt', 'md'];
/** Bedrock's per-document limit (bedrock-wire.md §1.4): 4.5 MB. */
export const MAX_DOCUMENT_BYTES = 4_718_592;
/** Bedrock's document count limit per request. */
export const MAX_DOCUMENTS = 5;
const MAX_NAME_LENGTH = 200;

const MEDIA_TYPES: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
};

/** `application/pdf` → `pdf`; `undefined` for a type Bedrock has no document format for. */
export function documentFormatFromMediaType(mediaType: string): DocumentFormat | undefined {
  return MEDIA_TYPES[mediaType.split(';')[0]!.trim().toLowerCase()];
}

/** `report.PDF` → `pdf`; `notes.markdown` → `md`; `page.htm` → `html`. */
export function documentFormatFromFilename(filename: string): DocumentFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (extension === 'markdown') return 'md';
  if (extension === 'htm') return 'html';
  if (extension === 'text') return 'txt';
  return DOCUMENT_FORMATS.find((format) => format === extension);
}

/**
 * A document name Bedrock accepts, from the user's file name: the extension dropped, each run of other characters
 * (Unicode spaces included: only ASCII whitespace counts as whitespace) turned into one hyphen, whitespace
 * collapsed to single spaces, cut to 200 characters. `fallback` when nothing is
 * left (or no name was given).
 */
export function sanitizeDocumentName(filename: string | undefined, fallback: string): string {
  if (filename === undefined) return fallback;
  const withoutExtension = filename.replace(/\.[a-z0-9]{1,8}$/i, '');
  const cleaned = withoutExtension
    .replace(/[^a-zA-Z0-9 \t\n\v\f\r\-()[\]]+/g, '-')
    .replace(/[ \t\n\v\f\r]+/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/^[ -]+|[ -]+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
    .trimEnd();
  return cleaned === '' ? fallback : cleaned;
}

/**
 * Makes `name` unique among `taken` by appending ` (2)`, ` (3)`, … and records it. The name is cut to make room
 * for the suffix, and the cut's trailing spaces dropped: Bedrock refuses two whitespace characters in a row.
 */
export function claimUniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let counter = 2; taken.has(candidate); counter++) {
    const suffix = ` (${counter})`;
    candidate = `${name.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}
