/**
 * `encoding_format: 'base64'`: a vector as little-endian IEEE-754 float32 bytes, base64-encoded: what OpenAI
 * sends, and what the `openai` package decodes with `new Float32Array(Buffer.from(text, 'base64').buffer)`.
 */
import { endianness } from 'node:os';

const LITTLE_ENDIAN = endianness() === 'LE';

/** Encodes a vector as base64 little-endian float32 (each value rounded to float32). */
export function encodeFloat32Base64(vector: readonly number[]): string {
  const floats = new Float32Array(vector.length);
  if (LITTLE_ENDIAN) {
    for (let index = 0; index < vector.length; index++) floats[index] = vector[index] as number;
  } else {
    const view = new DataView(floats.buffer);
    for (let index = 0; index < vector.length; index++) view.setFloat32(index * 4, vector[index] as number, true);
  }
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}

/** Decodes base64 little-endian float32 back to numbers (the inverse of {@link encodeFloat32Base64}). */
export function decodeFloat32Base64(text: string): number[] {
  const bytes = Buffer.from(text, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number>(bytes.byteLength >> 2);
  for (let index = 0; index < out.length; index++) out[index] = view.getFloat32(index * 4, true);
  return out;
}
