import { describe, expect, it } from 'vitest';
import { claimUniqueName, documentFormatFromFilename, documentFormatFromMediaType, sanitizeDocumentName } from '../../src/chat/document-source.js';

describe('document formats', () => {
  it.each([
    ['application/pdf', 'pdf'],
    ['text/csv; charset=utf-8', 'csv'],
    ['application/msword', 'doc'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['application/vnd.ms-excel', 'xls'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['TEXT/HTML', 'html'],
    ['text/plain', 'txt'],
    ['text/markdown', 'md'],
    ['application/zip', undefined],
  ])('media type %s → %s', (mediaType, format) => {
    expect(documentFormatFromMediaType(mediaType)).toBe(format);
  });

  it.each([
    ['a.PDF', 'pdf'],
    ['notes.markdown', 'md'],
    ['page.htm', 'html'],
    ['archive.tar.gz', undefined],
    ['noextension', undefined],
  ])('file name %s → %s', (filename, format) => {
    expect(documentFormatFromFilename(filename)).toBe(format);
  });
});

describe('sanitizeDocumentName', () => {
  it.each([
    ['report.pdf', 'report'],
    ['Q3_report (final) [v2].docx', 'Q3-report (final) [v2]'],
    ['  lots   of   space  .txt', 'lots of space'],
    ['résumé.pdf', 'r-sum'],
    ['...', 'fallback'],
    [undefined, 'fallback'],
    [`${'a'.repeat(250)}.pdf`, 'a'.repeat(200)],
  ])('%j → %j', (filename, expected) => {
    const name = sanitizeDocumentName(filename, 'fallback');
    expect(name).toBe(expected);
    expect(name).toMatch(/^[a-zA-Z0-9\-()[\] ]{1,200}$/);
    expect(name).not.toMatch(/\s{2}/);
  });

  it('claims unique names', () => {
    const taken = new Set<string>();
    expect(['a', 'a', 'a', 'b'].map((name) => claimUniqueName(name, taken))).toEqual(['a', 'a (2)', 'a (3)', 'b']);
  });

  it('never makes two spaces in a row when it cuts a long name for the suffix', () => {
    const taken = new Set<string>();
    // 196 characters, the last one a space: the cut for " (2)" ends on that space.
    const name = `${'a'.repeat(195)} ${'b'.repeat(4)}`;
    expect(claimUniqueName(name, taken)).toBe(name);
    const second = claimUniqueName(name, taken);
    expect(second).toBe(`${'a'.repeat(195)} (2)`);
    expect(second).not.toMatch(/\s\s/);
    expect(second.length).toBeLessThanOrEqual(200);
  });

  it('treats Unicode spaces as other characters, so only ASCII spaces reach the name, one at a time', () => {
    expect(sanitizeDocumentName('a\u00a0b\u3000 c.pdf', 'doc')).toBe('a-b- c');
    expect(sanitizeDocumentName('a \u2003 b.pdf', 'doc')).toBe('a - b');
    expect(sanitizeDocumentName(`${'x'.repeat(199)}  y.txt`, 'doc')).toBe('x'.repeat(199));
  });
});
