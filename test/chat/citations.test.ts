import type { Citation, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { toAnnotation, toBedrockCitation } from '../../src/chat/citations.js';
import { convertFromConverseResponse } from '../../src/chat/from-converse-response.js';
import { createChunkMapper } from '../../src/chat/stream-chunks.js';
import { assembleConverseResponse } from '../../src/chat/stream-internally.js';
import { createToolCallIdMap, createToolNameMap } from '../../src/chat/tool-names.js';
import type { ChatCompletionAnnotation } from '../../src/chat/types.js';

describe('toBedrockCitation / toAnnotation', () => {
  it.each<[string, Citation, ChatCompletionAnnotation]>([
    [
      'a web location',
      { title: 'Example', location: { web: { url: 'https://example.com/a', domain: 'example.com' } } },
      { type: 'url_citation', url_citation: { start_index: 3, end_index: 9, title: 'Example', url: 'https://example.com/a' }, bedrock_citation: { title: 'Example', location: { type: 'web', url: 'https://example.com/a', domain: 'example.com' } } },
    ],
    [
      'a character location with the quoted passage',
      { title: 'notes', sourceContent: [{ text: 'The sky is blue.' }], location: { documentChar: { documentIndex: 1, start: 10, end: 26 } } },
      {
        type: 'url_citation',
        url_citation: { start_index: 3, end_index: 9, title: 'notes', url: '' },
        bedrock_citation: { title: 'notes', source_content: ['The sky is blue.'], location: { type: 'document_char', document_index: 1, start: 10, end: 26 } },
      },
    ],
    [
      'a page location',
      { title: 'report', location: { documentPage: { documentIndex: 0, start: 2, end: 3 } } },
      { type: 'url_citation', url_citation: { start_index: 3, end_index: 9, title: 'report', url: '' }, bedrock_citation: { title: 'report', location: { type: 'document_page', document_index: 0, start: 2, end: 3 } } },
    ],
    [
      'a chunk location',
      { location: { documentChunk: { documentIndex: 2, start: 0, end: 1 } } },
      { type: 'url_citation', url_citation: { start_index: 3, end_index: 9, title: '', url: '' }, bedrock_citation: { location: { type: 'document_chunk', document_index: 2, start: 0, end: 1 } } },
    ],
    [
      'a search-result location with its source',
      { source: 'kb://doc', title: 'KB', location: { searchResultLocation: { searchResultIndex: 0, start: 1, end: 2 } } },
      { type: 'url_citation', url_citation: { start_index: 3, end_index: 9, title: 'KB', url: '' }, bedrock_citation: { title: 'KB', source: 'kb://doc', location: { type: 'search_result', search_result_index: 0, start: 1, end: 2 } } },
    ],
    ['no location', {}, { type: 'url_citation', url_citation: { start_index: 3, end_index: 9, title: '', url: '' }, bedrock_citation: {} }],
  ])('maps %s', (_name, citation, expected) => {
    expect(toAnnotation(citation, 3, 9)).toEqual(expected);
    expect(toBedrockCitation(citation)).toEqual(expected.bedrock_citation);
  });
});

const context = { id: 'chatcmpl-1', model: 'm', created: 1, toolNames: createToolNameMap([]), toolCallIds: createToolCallIdMap([]), requestId: 'r' };
const cite = (documentIndex: number, start: number, end: number, text: string): Citation => ({
  title: `doc${documentIndex}`,
  sourceContent: [{ text }],
  location: { documentChar: { documentIndex, start, end } },
});

describe('citations in an answer', () => {
  const content = [
    { text: 'According to the notes, ' },
    { citationsContent: { content: [{ text: 'the sky is blue' }], citations: [cite(0, 0, 15, 'The sky is blue.')] } },
    { text: ' and ' },
    { citationsContent: { content: [{ text: 'grass is green' }], citations: [cite(0, 17, 32, 'Grass is green.'), cite(1, 0, 5, 'Green')] } },
    { text: '.' },
  ];
  const expectedContent = 'According to the notes, the sky is blue and grass is green.';

  it('joins the cited text into content and gives one annotation per citation, spanning its text', () => {
    const completion = convertFromConverseResponse(
      { output: { message: { role: 'assistant', content } }, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } },
      context,
    );
    const message = completion.choices[0]!.message;
    expect(message.content).toBe(expectedContent);
    expect(message.annotations?.map((annotation) => message.content!.slice(annotation.url_citation.start_index, annotation.url_citation.end_index))).toEqual([
      'the sky is blue',
      'grass is green',
      'grass is green',
    ]);
    expect(message.annotations?.[2]?.bedrock_citation).toEqual({ title: 'doc1', source_content: ['Green'], location: { type: 'document_char', document_index: 1, start: 0, end: 5 } });
  });

  it('has no annotations without citations', () => {
    const completion = convertFromConverseResponse(
      { output: { message: { role: 'assistant', content: [{ text: 'x' }] } }, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } },
      context,
    );
    expect(completion.choices[0]!.message).not.toHaveProperty('annotations');
  });

  // As Bedrock streams them: text deltas, then the citation deltas of the same block.
  const events: ConverseStreamOutput[] = [
    { messageStart: { role: 'assistant' } },
    { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'According to the notes, ' } } },
    { contentBlockStop: { contentBlockIndex: 0 } },
    { contentBlockDelta: { contentBlockIndex: 1, delta: { text: 'the sky ' } } },
    { contentBlockDelta: { contentBlockIndex: 1, delta: { text: 'is blue' } } },
    { contentBlockDelta: { contentBlockIndex: 1, delta: { citation: cite(0, 0, 15, 'The sky is blue.') } } },
    { contentBlockStop: { contentBlockIndex: 1 } },
    { contentBlockDelta: { contentBlockIndex: 2, delta: { text: ' and ' } } },
    { contentBlockStop: { contentBlockIndex: 2 } },
    { contentBlockDelta: { contentBlockIndex: 3, delta: { text: 'grass is green' } } },
    { contentBlockDelta: { contentBlockIndex: 3, delta: { citation: cite(0, 17, 32, 'Grass is green.') } } },
    { contentBlockDelta: { contentBlockIndex: 3, delta: { citation: cite(1, 0, 5, 'Green') } } },
    { contentBlockStop: { contentBlockIndex: 3 } },
    { contentBlockDelta: { contentBlockIndex: 4, delta: { text: '.' } } },
    { contentBlockStop: { contentBlockIndex: 4 } },
    { messageStop: { stopReason: 'end_turn' } },
    { metadata: { usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } } },
  ];

  it('streams each block\'s citations as one delta.annotations at its end; the deltas add up to the non-streaming answer', () => {
    const mapper = createChunkMapper({ ...context, includeUsage: false });
    const chunks = [...events.flatMap((event) => mapper.map(event)), ...mapper.end()];
    const annotationChunks = chunks.filter((chunk) => chunk.choices[0]?.delta.annotations !== undefined);
    expect(annotationChunks.map((chunk) => chunk.choices[0]!.delta.annotations!.length)).toEqual([1, 2]);
    const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    const annotations = annotationChunks.flatMap((chunk) => chunk.choices[0]!.delta.annotations!);
    const completion = convertFromConverseResponse(
      { output: { message: { role: 'assistant', content: [
        { text: 'According to the notes, ' },
        { citationsContent: { content: [{ text: 'the sky is blue' }], citations: [cite(0, 0, 15, 'The sky is blue.')] } },
        { text: ' and ' },
        { citationsContent: { content: [{ text: 'grass is green' }], citations: [cite(0, 17, 32, 'Grass is green.'), cite(1, 0, 5, 'Green')] } },
        { text: '.' },
      ] } }, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } },
      context,
    );
    expect(content).toBe(expectedContent);
    expect(annotations).toEqual(completion.choices[0]!.message.annotations);
  });

  it('assembles the streamed citations into citationsContent blocks (streamInternally gives the same answer)', () => {
    const assembled = assembleConverseResponse(events);
    expect(convertFromConverseResponse(assembled, context).choices[0]!.message.annotations).toHaveLength(3);
    expect(assembled.output?.message?.content?.[1]).toEqual({ citationsContent: { content: [{ text: 'the sky is blue' }], citations: [cite(0, 0, 15, 'The sky is blue.')] } });
  });
});

describe('answer content chat completions cannot carry', () => {
  const usage = { inputTokens: 1, outputTokens: 1, totalTokens: 2 };
  it.each<[string, Record<string, unknown>, string]>([
    ['an image', { image: { format: 'png', source: { bytes: new Uint8Array([1]) } } }, 'image'],
    ['a server-side tool result', { toolResult: { toolUseId: 't', content: [{ text: 'x' }] } }, 'toolResult'],
    ['a search result', { searchResult: { source: 's', title: 't', content: [{ text: 'x' }] } }, 'searchResult'],
    ['a block newer than the SDK', { $unknown: ['hologram', {}] }, 'hologram'],
  ])('is an error naming it, not dropped: %s', (_name, block, kind) => {
    const action = () =>
      convertFromConverseResponse({ output: { message: { role: 'assistant', content: [{ text: 'x' }, block as never] } }, stopReason: 'end_turn', usage, metrics: { latencyMs: 1 } }, context);
    expect(action).toThrow(new RegExp(`\`${kind}\` content block`));
  });

  it.each<[string, ConverseStreamOutput]>([
    ['an image block start', { contentBlockStart: { contentBlockIndex: 0, start: { image: { format: 'png' } } } }],
    ['a tool-result block start', { contentBlockStart: { contentBlockIndex: 0, start: { toolResult: { toolUseId: 't' } } } }],
    ['an image delta', { contentBlockDelta: { contentBlockIndex: 0, delta: { image: { source: { bytes: new Uint8Array([1]) } } } } }],
    ['a tool-result delta', { contentBlockDelta: { contentBlockIndex: 0, delta: { toolResult: [{ text: 'x' }] } } }],
  ])('is a stream error too: %s', (_name, event) => {
    const mapper = createChunkMapper({ ...context, includeUsage: false });
    mapper.map({ messageStart: { role: 'assistant' } });
    expect(() => mapper.map(event)).toThrow(/content block/);
    expect(() => assembleConverseResponse([{ messageStart: { role: 'assistant' } }, event])).toThrow(/cannot be assembled/);
  });

  it('reports the latency mode Bedrock served (performanceConfig), streaming and not', () => {
    const completion = convertFromConverseResponse(
      { output: { message: { role: 'assistant', content: [{ text: 'x' }] } }, stopReason: 'end_turn', usage, metrics: { latencyMs: 1 }, performanceConfig: { latency: 'optimized' } },
      context,
    );
    expect(completion.bedrock?.performance_config).toEqual({ latency: 'optimized' });
    const mapper = createChunkMapper({ ...context, includeUsage: false });
    const chunks = [
      { messageStart: { role: 'assistant' } },
      { messageStop: { stopReason: 'end_turn' } },
      { metadata: { usage, metrics: { latencyMs: 1 }, performanceConfig: { latency: 'optimized' } } },
    ].flatMap((event) => mapper.map(event as ConverseStreamOutput));
    expect(chunks.at(-1)?.bedrock?.performance_config).toEqual({ latency: 'optimized' });
  });
});
