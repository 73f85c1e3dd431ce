import { describe, expect, it } from 'vitest';
import { BatchPlanner, planBatches } from '../../src/embeddings/batching.js';
import { decodeFloat32Base64, encodeFloat32Base64 } from '../../src/embeddings/encoding.js';

describe('planBatches', () => {
  it.each<[string, number, { text: number; image: number }, number[] | undefined, [number, number, boolean][]]>([
    ['one per request', 3, { text: 1, image: 1 }, undefined, [[0, 1, false], [1, 2, false], [2, 3, false]]],
    ['96 per request with a remainder', 200, { text: 96, image: 1 }, undefined, [[0, 96, false], [96, 192, false], [192, 200, false]]],
    ['fewer inputs than a batch', 5, { text: 96, image: 96 }, undefined, [[0, 5, false]]],
    ['text and images never mixed', 6, { text: 96, image: 96 }, [0, 0, 1, 1, 0, 0], [[0, 2, false], [2, 4, true], [4, 6, false]]],
    ['images one per request (Cohere v3)', 5, { text: 96, image: 1 }, [1, 1, 0, 0, 1], [[0, 1, true], [1, 2, true], [2, 4, false], [4, 5, true]]],
    ['a text run split at the batch size', 5, { text: 2, image: 1 }, [0, 0, 0, 1, 0], [[0, 2, false], [2, 3, false], [3, 4, true], [4, 5, false]]],
  ])('%s', (_, count, sizes, images, expected) => {
    const batches = planBatches(count, sizes, images === undefined ? undefined : Uint8Array.from(images));
    expect(batches.map((batch) => [batch.start, batch.end, batch.image])).toEqual(expected);
  });

  it('covers every index exactly once for 100,000 inputs, holding one cursor', () => {
    const planner = new BatchPlanner(100_000, { text: 96, image: 1 }, undefined);
    let expected = 0;
    let batches = 0;
    for (let batch = planner.next(); batch !== undefined; batch = planner.next()) {
      expect(batch.start).toBe(expected);
      expected = batch.end;
      batches++;
    }
    expect(expected).toBe(100_000);
    expect(batches).toBe(Math.ceil(100_000 / 96));
    expect(planner.remaining).toBe(0);
  });

  it('refuses a batch size below 1', () => {
    expect(() => new BatchPlanner(3, { text: 0, image: 1 }, undefined)).toThrow(RangeError);
  });
});

describe('encodeFloat32Base64', () => {
  it.each<[number[], string]>([
    [[1], 'AACAPw=='],
    [[0], 'AAAAAA=='],
    [[-2, 0.5], 'AAAAwAAAAD8='],
  ])('%j → %s (little-endian float32, as OpenAI sends)', (vector, expected) => {
    expect(encodeFloat32Base64(vector)).toBe(expected);
  });

  it('decodes back the way the openai package does (a Float32Array over the bytes)', () => {
    const vector = [0.1, -0.25, 3.5, 1e-7, -123.456];
    const bytes = Buffer.from(encodeFloat32Base64(vector), 'base64');
    const floats = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
    expect(floats).toEqual(vector.map((value) => Math.fround(value)));
    expect(decodeFloat32Base64(encodeFloat32Base64(vector))).toEqual(floats);
  });
});
