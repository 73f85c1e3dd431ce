/**
 * Audio, video and document citations in the emulator, as Bedrock serves them: which models take them (negative
 * controls included), the `citationsContent` reply and its stream (text deltas, then `citation` deltas).
 */
import { describe, expect, it } from 'vitest';
import { replyFor, type ConverseRequestJson } from '../../src/emulator/converse.js';
import { EmulatorError } from '../../src/emulator/errors.js';
import { converseStreamEvents } from '../../src/emulator/event-stream.js';
import { citationBlocks, mediaSupport } from '../../src/emulator/media.js';
import { ModelRegistry } from '../../src/emulator/models.js';
import { validateConverseRequest } from '../../src/emulator/validation.js';

const models = new ModelRegistry();
const model = (id: string) => models.get(id)!;
const b64 = (text: string) => Buffer.from(text).toString('base64');

const audio = { audio: { format: 'wav', source: { bytes: b64('RIFF....') } } };
const video = { video: { format: 'mp4', source: { bytes: b64('....ftyp') } } };
const citedDocument = (name: string, text: string, format = 'txt') => ({ document: { format, name, source: { bytes: b64(text) }, citations: { enabled: true } } });

function validate(content: unknown[], id: string): string | undefined {
  try {
    validateConverseRequest({ messages: [{ role: 'user', content: [{ text: 'Describe' }, ...content] }] }, { model: model(id), operation: 'Converse' });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorError);
    return (error as EmulatorError).message;
  }
}

describe('which models take audio, video and citations', () => {
  it.each<[string, unknown, string, string | undefined]>([
    ['audio on Voxtral', audio, 'mistral.voxtral-small-24b-2507', undefined],
    ['audio on Nova Pro', audio, 'amazon.nova-pro-v1:0', 'audio'],
    ['audio on Claude', audio, 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'audio'],
    ['video on Nova Lite', video, 'amazon.nova-lite-v1:0', undefined],
    ['video on Nova 2 Lite', video, 'amazon.nova-2-lite-v1:0', undefined],
    ['video on Nova Micro', video, 'amazon.nova-micro-v1:0', 'video'],
    ['video on Claude', video, 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'video'],
    ['citations on Claude Sonnet 4.5', citedDocument('notes', 'x'), 'anthropic.claude-sonnet-4-5-20250929-v1:0', undefined],
    ['citations on Claude 3 Haiku', citedDocument('notes', 'x'), 'anthropic.claude-3-haiku-20240307-v1:0', 'citations'],
    ['citations on Nova Pro', citedDocument('notes', 'x'), 'amazon.nova-pro-v1:0', 'citations'],
    ['a document without citations on Nova Pro', { document: { format: 'txt', name: 'n', source: { bytes: b64('x') } } }, 'amazon.nova-pro-v1:0', undefined],
  ])('%s', (_name, block, id, field) => {
    const message = validate([block], id);
    if (field === undefined) expect(message).toBeUndefined();
    else expect(message).toBe(`This model doesn't support the ${field} field. Remove ${field} and try again.`);
  });

  it('knows the support of each model from its ID', () => {
    expect(mediaSupport('amazon.nova-premier-v1:0')).toEqual({ audio: false, video: true, citations: false });
    expect(mediaSupport('mistral.voxtral-mini-3b-2507')).toEqual({ audio: true, video: false, citations: false });
    expect(mediaSupport('anthropic.claude-haiku-4-5-20251001-v1:0')).toEqual({ audio: false, video: false, citations: true });
  });
});

describe('citation replies', () => {
  const request = (content: unknown[]): ConverseRequestJson => ({ messages: [{ role: 'user', content: [{ text: 'Summarize' }, ...content] as never[] }] });

  it('quotes the first line of each cited text document, located by character offsets', () => {
    const blocks = citationBlocks(request([{ document: { format: 'txt', name: 'plain', source: { bytes: b64('x') } } }, citedDocument('notes', '\nThe sky is blue.\nMore.')]));
    expect(blocks).toEqual([
      {
        citationsContent: {
          content: [{ text: 'The sky is blue.' }],
          citations: [{ title: 'notes', sourceContent: [{ text: 'The sky is blue.' }], location: { documentChar: { documentIndex: 1, start: 1, end: 17 } } }],
        },
      },
    ]);
  });

  it('cites page 1 of a binary document', () => {
    expect(citationBlocks(request([citedDocument('report', '%PDF-1.4', 'pdf')]))).toEqual([
      { citationsContent: { content: [{ text: '(page 1)' }], citations: [{ title: 'report', location: { documentPage: { documentIndex: 0, start: 1, end: 2 } } }] } },
    ]);
  });

  it('answers with the echo text, then the citationsContent block; streamed as text deltas then a citation delta', () => {
    const reply = replyFor(request([citedDocument('notes', 'Grass is green.')]), { model: model('anthropic.claude-sonnet-4-5-20250929-v1:0') });
    expect(reply.content).toEqual([
      { text: 'You said: Summarize' },
      expect.objectContaining({ citationsContent: expect.objectContaining({ content: [{ text: 'Grass is green.' }] }) }),
    ]);
    const events = converseStreamEvents(reply, 1).filter((event) => (event.payload as { contentBlockIndex?: number }).contentBlockIndex === 1);
    const deltas = events.map((event) => (event.payload as { delta?: Record<string, unknown> }).delta).filter((delta) => delta !== undefined);
    expect(deltas.map((delta) => Object.keys(delta!)[0])).toEqual([...deltas.slice(0, -1).map(() => 'text'), 'citation']);
    expect(deltas.slice(0, -1).map((delta) => delta!['text']).join('')).toBe('Grass is green.');
    expect(events.at(-1)?.type).toBe('contentBlockStop');
  });

  it('does not cite documents of earlier turns or without citations', () => {
    expect(citationBlocks(request([{ document: { format: 'txt', name: 'n', source: { bytes: b64('x') } } }]))).toEqual([]);
    expect(
      citationBlocks({ messages: [{ role: 'user', content: [{ text: 'a' }, citedDocument('n', 'x')] as never[] }, { role: 'assistant', content: [{ text: 'b' }] }, { role: 'user', content: [{ text: 'c' }] }] }),
    ).toEqual([]);
  });
});
