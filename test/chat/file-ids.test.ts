/** Files given by `file_id`: found by path, and inlined as the `file_data` parts the converters read. */
import { describe, expect, it } from 'vitest';
import { findFileIds, inlineFiles, type InlineFile } from '../../src/chat/file-ids.js';
import type { ChatCompletionCreateParamsBase } from '../../src/chat/types.js';

const body = (messages: unknown[]): ChatCompletionCreateParamsBase => ({ model: 'nova-lite', messages } as unknown as ChatCompletionCreateParamsBase);
const PDF = new TextEncoder().encode('%PDF-1.4\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);

describe('findFileIds', () => {
  it.each([
    ['no messages', null, []],
    ['text only', [{ role: 'user', content: 'hi' }], []],
    ['inline file data', [{ role: 'user', content: [{ type: 'file', file: { file_data: 'AA' } }] }], []],
    [
      'file IDs in two messages, in order',
      [
        { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'file', file: { file_id: 'file-1' } }] },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'file', file: { file_id: 'file-2', filename: 'x.pdf' } }] },
      ],
      [
        { fileId: 'file-1', param: 'messages[0].content[1].file.file_id' },
        { fileId: 'file-2', param: 'messages[2].content[0].file.file_id' },
      ],
    ],
    ['a file_id that is not a string (the converter refuses it)', [{ role: 'user', content: [{ type: 'file', file: { file_id: 7 } }] }], []],
  ])('%s', (_, messages, expected) => {
    expect(findFileIds(messages === null ? (null as never) : body(messages as unknown[]))).toEqual(expected);
  });
});

it('refuses a part with both file_data and file_id, naming it', () => {
  expect(() => findFileIds(body([{ role: 'user', content: ['x', { type: 'file', file: { file_id: 'file-1', file_data: 'AA' } }] }]))).toThrow(
    expect.objectContaining({ param: 'messages[0].content[1].file.file_id', message: '`messages[0].content[1].file` gives both `file_data` and `file_id`; give one.' }),
  );
});

describe('inlineFiles', () => {
  const files = new Map<string, InlineFile>([
    ['file-pdf', { bytes: PDF, filename: 'report.pdf' }],
    ['file-png', { bytes: PNG, filename: 'chart.PNG' }],
  ]);

  it.each([
    ['a document: base64, its stored name', { file_id: 'file-pdf' }, { filename: 'report.pdf', file_data: Buffer.from(PDF).toString('base64') }],
    ['an image: a data: URL of its type', { file_id: 'file-png' }, { filename: 'chart.PNG', file_data: `data:image/png;base64,${Buffer.from(PNG).toString('base64')}` }],
    ['the part\'s own file name wins', { file_id: 'file-pdf', filename: 'q3.pdf' }, { filename: 'q3.pdf', file_data: Buffer.from(PDF).toString('base64') }],
    ['an ID it does not hold: left as it is', { file_id: 'file-other' }, { file_id: 'file-other' }],
  ])('%s', (_, file, expected) => {
    const part = { type: 'file', file, cache_control: { type: 'ephemeral' } };
    const given = body([{ role: 'user', content: [{ type: 'text', text: 'x' }, part] }]);
    const snapshot = structuredClone(given);
    const out = inlineFiles(given, files);
    expect((out.messages[0] as { content: unknown[] }).content).toEqual([{ type: 'text', text: 'x' }, { type: 'file', file: expected, cache_control: { type: 'ephemeral' } }]);
    // The caller's body is not changed.
    expect(given).toEqual(snapshot);
  });
});
