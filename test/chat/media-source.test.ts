import { describe, expect, it } from 'vitest';
import { AUDIO_FORMATS, mediaFormatFromFilename, mediaFormatFromMediaType, VIDEO_FORMATS } from '../../src/chat/media-source.js';

describe('media formats', () => {
  it.each<[string, unknown]>([
    ['audio/wav', { kind: 'audio', format: 'wav' }],
    ['audio/x-wav', { kind: 'audio', format: 'wav' }],
    ['audio/mpeg', { kind: 'audio', format: 'mp3' }],
    ['audio/flac', { kind: 'audio', format: 'flac' }],
    ['audio/ogg; codecs=opus', { kind: 'audio', format: 'ogg' }],
    ['AUDIO/WEBM', { kind: 'audio', format: 'webm' }],
    ['video/mp4', { kind: 'video', format: 'mp4' }],
    ['video/quicktime', { kind: 'video', format: 'mov' }],
    ['video/x-matroska', { kind: 'video', format: 'mkv' }],
    ['video/3gpp', { kind: 'video', format: 'three_gp' }],
    ['audio/midi', undefined],
    ['video/avi', undefined],
    ['application/pdf', undefined],
  ])('media type %s → %j', (mediaType, expected) => {
    expect(mediaFormatFromMediaType(mediaType)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['talk.MP3', { kind: 'audio', format: 'mp3' }],
    ['a.m4a', { kind: 'audio', format: 'm4a' }],
    ['clip.mov', { kind: 'video', format: 'mov' }],
    ['clip.3gp', { kind: 'video', format: 'three_gp' }],
    ['report.pdf', undefined],
    ['noextension', undefined],
  ])('file name %s → %j', (filename, expected) => {
    expect(mediaFormatFromFilename(filename)).toEqual(expected);
  });

  it('maps only to formats the service model lists', () => {
    for (const type of ['audio/wav', 'audio/mpeg', 'audio/aac', 'audio/x-aac', 'audio/flac', 'audio/mp4', 'audio/m4a', 'audio/ogg', 'audio/opus', 'audio/webm', 'audio/x-matroska', 'audio/pcm']) {
      expect(AUDIO_FORMATS).toContain(mediaFormatFromMediaType(type)?.format);
    }
    for (const type of ['video/mp4', 'video/quicktime', 'video/x-matroska', 'video/webm', 'video/x-flv', 'video/mpeg', 'video/x-ms-wmv', 'video/3gpp']) {
      expect(VIDEO_FORMATS).toContain(mediaFormatFromMediaType(type)?.format);
    }
  });
});
