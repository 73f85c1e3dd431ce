/**
 * Audio and video input → Converse `audio` and `video` blocks (service model: `AudioBlock`, `VideoBlock`, both
 * `{ format, source: { bytes } }`):
 *
 * | OpenAI part | Converse block |
 * |---|---|
 * | `{ type: 'input_audio', input_audio: { data: <base64>, format } }` | `audio`, `format` as given (`wav`, `mp3`, or any other Converse audio format) |
 * | `{ type: 'file', file: { file_data: 'data:audio/…;base64,…' } }` | `audio`, format from the media type (else the file name) |
 * | `{ type: 'file', file: { file_data: 'data:video/…;base64,…' } }` | `video`, format from the media type (else the file name) |
 *
 * Which models take them is the catalog's `audio`/`video` capability, checked once the model is known
 * (`capabilities.ts`). A video sent inline must be under 25 MB base64-encoded (the service model's `VideoSource`).
 */
import type { AudioBlock, AudioFormat, VideoBlock, VideoFormat } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';
import { formatMegabytes, parseDataUrl } from './image-source.js';

/** Converse's audio formats (service model `AudioFormat`). */
export const AUDIO_FORMATS: readonly AudioFormat[] = ['mp3', 'opus', 'wav', 'aac', 'flac', 'mp4', 'ogg', 'mkv', 'mka', 'x-aac', 'm4a', 'mpeg', 'mpga', 'pcm', 'webm'];
/** Converse's video formats (service model `VideoFormat`). */
export const VIDEO_FORMATS: readonly VideoFormat[] = ['mkv', 'mov', 'mp4', 'webm', 'flv', 'mpeg', 'mpg', 'wmv', 'three_gp'];
/** Inline video: "less than 25MB" base64-encoded (service model `VideoSource`). */
export const MAX_INLINE_VIDEO_BASE64_BYTES = 25 * 1024 * 1024;

const AUDIO_MEDIA_TYPES: Record<string, AudioFormat> = {
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/aac': 'aac',
  'audio/x-aac': 'x-aac',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/mp4': 'mp4',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/webm': 'webm',
  'audio/x-matroska': 'mka',
  'audio/pcm': 'pcm',
  'audio/l16': 'pcm',
};

const VIDEO_MEDIA_TYPES: Record<string, VideoFormat> = {
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/x-matroska': 'mkv',
  'video/webm': 'webm',
  'video/x-flv': 'flv',
  'video/mpeg': 'mpeg',
  'video/x-ms-wmv': 'wmv',
  'video/3gpp': 'three_gp',
};

const AUDIO_EXTENSIONS: Record<string, AudioFormat> = { wav: 'wav', mp3: 'mp3', aac: 'aac', flac: 'flac', m4a: 'm4a', ogg: 'ogg', oga: 'ogg', opus: 'opus', mka: 'mka', pcm: 'pcm', mpga: 'mpga' };
const VIDEO_EXTENSIONS: Record<string, VideoFormat> = { mp4: 'mp4', mov: 'mov', mkv: 'mkv', webm: 'webm', flv: 'flv', mpeg: 'mpeg', mpg: 'mpg', wmv: 'wmv', '3gp': 'three_gp' };

/** What a media type or file name is, when it is audio or video Converse takes. */
export type MediaKind = { kind: 'audio'; format: AudioFormat } | { kind: 'video'; format: VideoFormat };

/** `audio/wav` → audio `wav`, `video/quicktime` → video `mov`; `undefined` for anything else. */
export function mediaFormatFromMediaType(mediaType: string): MediaKind | undefined {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  const audio = AUDIO_MEDIA_TYPES[type];
  if (audio !== undefined) return { kind: 'audio', format: audio };
  const video = VIDEO_MEDIA_TYPES[type];
  return video === undefined ? undefined : { kind: 'video', format: video };
}

/** `talk.mp3` → audio `mp3`, `clip.MOV` → video `mov`; `undefined` for anything else. */
export function mediaFormatFromFilename(filename: string): MediaKind | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (extension === undefined) return undefined;
  const audio = AUDIO_EXTENSIONS[extension];
  if (audio !== undefined) return { kind: 'audio', format: audio };
  const video = VIDEO_EXTENSIONS[extension];
  return video === undefined ? undefined : { kind: 'video', format: video };
}

/** An `input_audio` part → an audio block. Errors name `<param>.input_audio.data` / `.format`. */
export function convertInputAudioPart(part: { input_audio?: { data?: unknown; format?: unknown } }, param: string): AudioBlock {
  const audio = part.input_audio;
  if (typeof audio !== 'object' || audio === null) throw BadRequestError.forParam(`${param}.input_audio`, `\`${param}.input_audio\` must be an object (\`{ data, format }\`).`);
  const format = audio.format;
  if (typeof format !== 'string' || !(AUDIO_FORMATS as readonly string[]).includes(format)) {
    throw BadRequestError.forParam(
      `${param}.input_audio.format`,
      `\`${param}.input_audio.format\` must be one of ${AUDIO_FORMATS.join(', ')} (Converse's audio formats); got ${JSON.stringify(format)}.`,
      'invalid_audio_format',
    );
  }
  const dataParam = `${param}.input_audio.data`;
  if (typeof audio.data !== 'string' || audio.data === '') throw BadRequestError.forParam(dataParam, `\`${dataParam}\` must be non-empty base64 audio data.`);
  // OpenAI sends bare base64; a data URL is taken too.
  const { bytes } = parseDataUrl(/^data:/i.test(audio.data) ? audio.data : `data:;base64,${audio.data}`, dataParam);
  return { format: format as AudioFormat, source: { bytes } };
}

/** The bytes of a `file` part that is audio or video → its block. */
export function createMediaBlock(media: MediaKind, bytes: Uint8Array, dataParam: string): { audio: AudioBlock } | { video: VideoBlock } {
  if (media.kind === 'audio') return { audio: { format: media.format, source: { bytes } } };
  const encoded = Math.ceil(bytes.length / 3) * 4;
  if (encoded >= MAX_INLINE_VIDEO_BASE64_BYTES) {
    throw BadRequestError.forParam(dataParam, `The video at \`${dataParam}\` is ${formatMegabytes(encoded)} base64-encoded; Bedrock takes inline video under 25 MB (larger ones only from S3).`, 'video_too_large');
  }
  return { video: { format: media.format, source: { bytes } } };
}
