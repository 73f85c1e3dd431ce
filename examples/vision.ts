/**
 * An image in a chat message: `npx tsx examples/vision.ts [image.png | https://…/image.jpg]`.
 * Without an argument it sends a generated 16×16 PNG as a data URL. `https://` URLs are fetched by the library
 * (size cap, timeout and content-type check; `imageFetch: false` turns that off), and `s3://` URIs are passed
 * to Bedrock as S3 locations. Model from BEDROCK_OPENAI_MODEL, default `nova-lite` (a vision model).
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_MODEL'] ?? 'nova-lite';
const argument = process.argv[2];

/** A solid-colour PNG, built by hand (signature, IHDR, IDAT, IEND). */
function solidPng(size: number, [red, green, blue]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3).map((_, index) => [red, green, blue][index % 3]!)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

function imageUrl(): string {
  if (argument === undefined) return `data:image/png;base64,${solidPng(16, [220, 30, 30]).toString('base64')}`;
  if (/^(https?|s3):\/\//.test(argument)) return argument;
  const type = argument.toLowerCase().endsWith('.png') ? 'image/png' : argument.toLowerCase().endsWith('.gif') ? 'image/gif' : argument.toLowerCase().endsWith('.webp') ? 'image/webp' : 'image/jpeg';
  return `data:${type};base64,${readFileSync(argument).toString('base64')}`;
}

const { client, close } = await connect();

try {
  const completion = await client.chat.completions.create({
    model,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What colour is this image? Answer in one word.' },
          { type: 'image_url', image_url: { url: imageUrl() } },
        ],
      },
    ],
    max_completion_tokens: 50,
  });
  console.log(completion.choices[0]?.message.content);
} finally {
  await close();
}
