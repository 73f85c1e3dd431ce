import { describe, expect, it } from 'vitest';
import { convertToConverseMessages } from '../../src/chat/to-converse-messages.js';
import { badRequest, dataUrl, GIF, JPEG, messagesContext, PDF, PNG, WEBP } from './helpers.js';

// Content parts are converted inside their messages: the tables go through `convertToConverseMessages`.
const convert = (messages: unknown, context = messagesContext()) => convertToConverseMessages(messages, context);

describe('user content', () => {
  it.each([
    ['a string', 'Hello', [{ text: 'Hello' }]],
    ['text parts', [{ type: 'text', text: 'A' }, { type: 'text', text: 'B' }], [{ text: 'A' }, { text: 'B' }]],
  ])('converts %s', (_name, content, expected) => {
    expect(convert([{ role: 'user', content }]).messages).toEqual([{ role: 'user', content: expected }]);
  });

  it.each([
    ['image/png', PNG, 'png'],
    ['image/jpeg', JPEG, 'jpeg'],
    ['image/jpg', JPEG, 'jpeg'],
    ['image/gif', GIF, 'gif'],
    ['image/webp', WEBP, 'webp'],
  ] as const)('turns a %s data URL into an image block', (mediaType, bytes, format) => {
    const result = convert([{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: dataUrl(mediaType, bytes) } }] }]);
    expect(result.messages[0]!.content![1]).toEqual({ image: { format, source: { bytes } } });
    expect(result.features.image).toBe('messages[0].content[1]');
  });

  it('accepts detail "auto"', () => {
    const result = convert([{ role: 'user', content: [{ type: 'image_url', image_url: { url: dataUrl('image/png', PNG), detail: 'auto' } }] }]);
    expect(result.messages[0]!.content).toHaveLength(1);
  });

  it.each([
    ['a media type Bedrock cannot take', dataUrl('image/bmp', PNG), 'invalid_image_format'],
    ['bytes that do not match the media type', dataUrl('image/png', JPEG), 'invalid_image_format'],
    ['a non-image data URL', dataUrl('text/plain', PNG), 'invalid_image_format'],
    ['invalid base64', 'data:image/png;base64,@@@', 'invalid_value'],
    ['an empty data URL', 'data:image/png;base64,', 'invalid_value'],
    ['an ftp URL', 'ftp://example.com/cat.png', 'invalid_image_url'],
    ['an s3 URI without an image extension', 's3://bucket/cat.tiff', 'invalid_image_format'],
    // The service model's S3Uri: lower-case scheme, a valid bucket name, no line break in the key.
    ['an s3 URI with an upper-case bucket name', 's3://My-Bucket/cat.png', 'invalid_image_url'],
    ['an s3 URI with an underscore in the bucket', 's3://my_bucket/cat.png', 'invalid_image_url'],
    ['an s3 URI with a two-character bucket', 's3://ab/cat.png', 'invalid_image_url'],
    ['an s3 URI whose bucket ends in a hyphen', 's3://bucket-/cat.png', 'invalid_image_url'],
    ['an s3 URI with an upper-case scheme', 'S3://bucket/cat.png', 'invalid_image_url'],
    ['an s3 URI with a line break in the key', 's3://bucket/a\nb.png', 'invalid_image_url'],
    ['an s3 URI over 1024 characters', `s3://bucket/${'k'.repeat(1020)}.png`, 'invalid_image_url'],
  ])('rejects %s, naming the URL', (_name, url, code) => {
    const error = badRequest(() =>
      convert([{ role: 'user', content: [{ type: 'text', text: 'Look' }, { type: 'image_url', image_url: { url } }] }]),
    );
    expect(error.param).toBe('messages[0].content[1].image_url.url');
    expect(error.code).toBe(code);
  });

  it('rejects an image over 3.75 MB', () => {
    const big = new Uint8Array(3_932_161);
    big.set(PNG);
    const error = badRequest(() => convert([{ role: 'user', content: [{ type: 'image_url', image_url: { url: dataUrl('image/png', big) } }] }]));
    expect(error.code).toBe('image_too_large');
    expect(error.message).toContain('3.75 MB');
  });

  it('rejects the 21st image', () => {
    const image = { type: 'image_url', image_url: { url: dataUrl('image/png', PNG) } };
    const error = badRequest(() =>
      convert([
        { role: 'user', content: Array.from({ length: 10 }, () => image) },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: Array.from({ length: 11 }, () => image) },
      ]),
    );
    expect(error.param).toBe('messages[2].content[10]');
    expect(error.code).toBe('too_many_images');
  });

  it('turns an s3:// URI into an s3Location', () => {
    const result = convert([{ role: 'user', content: [{ type: 'image_url', image_url: { url: 's3://bucket/photos/cat.JPG' } }] }]);
    expect(result.messages[0]!.content).toEqual([{ image: { format: 'jpeg', source: { s3Location: { uri: 's3://bucket/photos/cat.JPG' } } } }]);
  });

  it('leaves http(s) URLs as slots to fetch when fetching is on', () => {
    const result = convert([
      { role: 'user', content: [{ type: 'text', text: 'Compare' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://example.com/b.png' } }] },
    ]);
    expect(result.remoteImages.map((slot) => [slot.url, slot.param])).toEqual([
      ['https://example.com/a.png', 'messages[0].content[1].image_url.url'],
      ['http://example.com/b.png', 'messages[2].content[0].image_url.url'],
    ]);
    expect(result.messages[0]!.content![1]!.image).toBe(result.remoteImages[0]!.block);
  });

  it('rejects http(s) URLs when fetching is off, without the query string', () => {
    const error = badRequest(() =>
      convert([{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png?X-Amz-Signature=abc' } }] }], messagesContext({ imageFetch: false })),
    );
    expect(error.code).toBe('image_fetch_disabled');
    expect(error.param).toBe('messages[0].content[0].image_url.url');
    expect(error.message).toContain('https://example.com/a.png');
    expect(error.message).not.toContain('Signature');
  });

  it('rejects image detail other than auto, or drops it with a warning', () => {
    const messages = [{ role: 'user', content: [{ type: 'image_url', image_url: { url: dataUrl('image/png', PNG), detail: 'high' } }] }];
    const error = badRequest(() => convert(messages));
    expect(error.param).toBe('messages[0].content[0].image_url.detail');
    expect(error.code).toBe('unsupported_parameter');
    const context = messagesContext({ drop: true });
    expect(convert(messages, context).messages[0]!.content).toHaveLength(1);
    expect(context.warnings).toEqual([expect.objectContaining({ param: 'messages[0].content[0].image_url.detail' })]);
  });

  const audioBytes = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3]);
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

  it.each<[string, unknown, Record<string, unknown>, string]>([
    ['input_audio wav', { type: 'input_audio', input_audio: { data: b64(audioBytes), format: 'wav' } }, { audio: { format: 'wav', source: { bytes: audioBytes } } }, 'audio'],
    ['input_audio mp3 as a data URL', { type: 'input_audio', input_audio: { data: dataUrl('audio/mpeg', audioBytes), format: 'mp3' } }, { audio: { format: 'mp3', source: { bytes: audioBytes } } }, 'audio'],
    ['input_audio flac (a Converse format beyond OpenAI\'s two)', { type: 'input_audio', input_audio: { data: b64(audioBytes), format: 'flac' } }, { audio: { format: 'flac', source: { bytes: audioBytes } } }, 'audio'],
    ['an audio/wav file', { type: 'file', file: { file_data: dataUrl('audio/wav', audioBytes) } }, { audio: { format: 'wav', source: { bytes: audioBytes } } }, 'audio'],
    ['an audio/x-m4a file', { type: 'file', file: { file_data: dataUrl('audio/x-m4a', audioBytes) } }, { audio: { format: 'm4a', source: { bytes: audioBytes } } }, 'audio'],
    ['a plain base64 file named .mp3', { type: 'file', file: { file_data: b64(audioBytes), filename: 'talk.mp3' } }, { audio: { format: 'mp3', source: { bytes: audioBytes } } }, 'audio'],
    ['an octet-stream file named .ogg', { type: 'file', file: { file_data: dataUrl('application/octet-stream', audioBytes), filename: 'a.ogg' } }, { audio: { format: 'ogg', source: { bytes: audioBytes } } }, 'audio'],
    ['a video/mp4 file', { type: 'file', file: { file_data: dataUrl('video/mp4', audioBytes) } }, { video: { format: 'mp4', source: { bytes: audioBytes } } }, 'video'],
    ['a video/quicktime file', { type: 'file', file: { file_data: dataUrl('video/quicktime', audioBytes) } }, { video: { format: 'mov', source: { bytes: audioBytes } } }, 'video'],
    ['a video/3gpp file', { type: 'file', file: { file_data: dataUrl('video/3gpp', audioBytes) } }, { video: { format: 'three_gp', source: { bytes: audioBytes } } }, 'video'],
    ['a plain base64 file named .webm (video)', { type: 'file', file: { file_data: b64(audioBytes), filename: 'clip.webm' } }, { video: { format: 'webm', source: { bytes: audioBytes } } }, 'video'],
  ])('maps %s to a Converse block, recording the feature', (_name, part, block, feature) => {
    const result = convert([{ role: 'user', content: [{ type: 'text', text: 'Listen' }, part] }]);
    expect(result.messages[0]!.content).toEqual([{ text: 'Listen' }, block]);
    expect(result.features[feature as 'audio' | 'video']).toBe('messages[0].content[1]');
    expect(result.features.document).toBeUndefined();
  });

  it('lets audio and video stand without text (only documents need text beside them)', () => {
    expect(convert([{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }]).messages).toHaveLength(1);
  });

  it.each<[string, unknown, string]>([
    ['input_audio without an object', { type: 'input_audio' }, 'messages[0].content[0].input_audio'],
    ['input_audio in a format Converse lacks', { type: 'input_audio', input_audio: { data: 'AAAA', format: 'midi' } }, 'messages[0].content[0].input_audio.format'],
    ['input_audio without data', { type: 'input_audio', input_audio: { data: '', format: 'wav' } }, 'messages[0].content[0].input_audio.data'],
    ['input_audio with invalid base64', { type: 'input_audio', input_audio: { data: '@@@', format: 'wav' } }, 'messages[0].content[0].input_audio.data'],
    ['an audio file in a type Converse lacks', { type: 'file', file: { file_data: dataUrl('audio/midi', audioBytes) } }, 'messages[0].content[0].file.file_data'],
    ['a video over 25 MB base64-encoded', { type: 'file', file: { file_data: dataUrl('video/mp4', new Uint8Array(19 * 1024 * 1024)) } }, 'messages[0].content[0].file.file_data'],
  ])('refuses %s, naming the field', (_name, part, param) => {
    expect(badRequest(() => convert([{ role: 'user', content: [part] }])).param).toBe(param);
  });

  it.each<[string, unknown, Record<string, unknown> | undefined]>([
    ['enabled', { enabled: true }, { enabled: true }],
    ['true', true, { enabled: true }],
    ['disabled (nothing sent)', { enabled: false }, undefined],
    ['absent', undefined, undefined],
  ])('maps a file part asking for citations (%s) to the document block', (_name, citations, expected) => {
    const part = { type: 'file', file: { file_data: dataUrl('application/pdf', PDF), filename: 'report.pdf' }, ...(citations === undefined ? {} : { citations }) };
    const result = convert([{ role: 'user', content: [{ type: 'text', text: 'Summarize' }, part] }]);
    expect(result.messages[0]!.content![1]!.document?.citations).toEqual(expected);
    expect(result.features.citations).toBe(expected === undefined ? undefined : 'messages[0].content[1].citations');
  });

  it.each<[string, unknown]>([
    ['a malformed citations value', { type: 'file', file: { file_data: dataUrl('application/pdf', PDF) }, citations: { enabled: 'yes' } }],
    ['citations on an image', { type: 'file', file: { file_data: dataUrl('image/png', PNG) }, citations: { enabled: true } }],
    ['citations on audio', { type: 'file', file: { file_data: dataUrl('audio/wav', audioBytes) }, citations: true }],
  ])('refuses %s, naming the citations field', (_name, part) => {
    expect(badRequest(() => convert([{ role: 'user', content: [{ type: 'text', text: 'x' }, part] }])).param).toBe('messages[0].content[1].citations');
  });

  it('rejects an unknown part type', () => {
    expect(badRequest(() => convert([{ role: 'user', content: [{ type: 'video', video: {} }] }])).param).toBe('messages[0].content[0].type');
  });
});

describe('file parts', () => {
  const file = (file: Record<string, unknown>) => ({ type: 'file', file });

  it.each([
    ['a PDF data URL', { file_data: dataUrl('application/pdf', PDF), filename: 'Q3 report.final.pdf' }, 'pdf', 'Q3 report-final'],
    ['plain base64 with a file name', { file_data: Buffer.from('a,b\n1,2').toString('base64'), filename: 'data.csv' }, 'csv', 'data'],
    ['a generic media type with a file name', { file_data: dataUrl('application/octet-stream', PDF), filename: 'x.docx' }, 'docx', 'x'],
    ['a markdown data URL without a name', { file_data: dataUrl('text/markdown', PDF) }, 'md', 'document-1'],
    ['a name made only of odd characters', { file_data: dataUrl('text/plain', PDF), filename: '***.txt' }, 'txt', 'document-1'],
    ['a name with brackets and runs of spaces', { file_data: dataUrl('text/html', PDF), filename: 'Notes  [v2]   (draft)/final.htm' }, 'html', 'Notes [v2] (draft)-final'],
  ])('turns %s into a document block', (_name, fileFields, format, name) => {
    const result = convert([{ role: 'user', content: [{ type: 'text', text: 'Summarize' }, file(fileFields)] }]);
    const block = result.messages[0]!.content![1]!;
    expect(block.document).toMatchObject({ format, name, source: { bytes: expect.any(Uint8Array) } });
    expect(result.features.document).toBe('messages[0].content[1]');
  });

  it('sends an image file as an image block', () => {
    const result = convert([{ role: 'user', content: [file({ file_data: dataUrl('image/gif', GIF) })] }]);
    expect(result.messages[0]!.content).toEqual([{ image: { format: 'gif', source: { bytes: GIF } } }]);
  });

  it('makes document names unique', () => {
    const part = file({ file_data: dataUrl('application/pdf', PDF), filename: 'report.pdf' });
    const result = convert([{ role: 'user', content: [{ type: 'text', text: 'Compare' }, part, part] }]);
    expect(result.messages[0]!.content!.slice(1).map((block) => block.document?.name)).toEqual(['report', 'report (2)']);
  });

  it.each([
    ['a file ID', { file_id: 'file-abc' }, 'messages[0].content[1].file.file_id', 'unsupported_content'],
    ['an unknown format', { file_data: dataUrl('application/zip', PDF), filename: 'a.zip' }, 'messages[0].content[1].file.file_data', 'invalid_document_format'],
    ['base64 without a file name', { file_data: Buffer.from('x').toString('base64') }, 'messages[0].content[1].file.file_data', 'invalid_document_format'],
    ['no data', { filename: 'a.pdf' }, 'messages[0].content[1].file.file_data', 'invalid_value'],
  ])('rejects %s', (_name, fileFields, param, code) => {
    const error = badRequest(() => convert([{ role: 'user', content: [{ type: 'text', text: 'Read' }, file(fileFields)] }]));
    expect(error.param).toBe(param);
    expect(error.code).toBe(code);
  });

  it('rejects a document over 4.5 MB', () => {
    const error = badRequest(() =>
      convert([{ role: 'user', content: [{ type: 'text', text: 'Read' }, file({ file_data: dataUrl('application/pdf', new Uint8Array(4_718_593)) })] }]),
    );
    expect(error.code).toBe('document_too_large');
  });

  it('rejects the sixth document', () => {
    const part = file({ file_data: dataUrl('application/pdf', PDF) });
    const error = badRequest(() => convert([{ role: 'user', content: [{ type: 'text', text: 'Read' }, part, part, part, part, part, part] }]));
    expect(error.param).toBe('messages[0].content[6]');
    expect(error.code).toBe('too_many_documents');
  });

  it('rejects a document without text beside it', () => {
    const error = badRequest(() => convert([{ role: 'user', content: [file({ file_data: dataUrl('application/pdf', PDF) })] }]));
    expect(error.param).toBe('messages[0].content[0]');
  });

  it('accepts a document whose text is in a merged neighbouring user message', () => {
    const result = convert([
      { role: 'user', content: [file({ file_data: dataUrl('application/pdf', PDF) })] },
      { role: 'user', content: 'Summarize it.' },
    ]);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]!.content!.map((block) => Object.keys(block)[0])).toEqual(['document', 'text']);
  });
});
