/** The response stores: the memory store's LRU bounds, and the file store's round trip and ID checks. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileResponseStore, MemoryResponseStore, type StoredResponse } from '../../src/responses/store.js';

function record(id: string, text = 'x'): StoredResponse {
  return { response: { id, output_text: text } as never, input: [] };
}
const id = (n: number): string => `resp_${n.toString(16).padStart(32, '0')}`;

describe('MemoryResponseStore', () => {
  it('evicts the least recently used past maxResponses', async () => {
    const store = new MemoryResponseStore({ maxResponses: 2 });
    await store.set(id(1), record(id(1)));
    await store.set(id(2), record(id(2)));
    await store.get(id(1));
    await store.set(id(3), record(id(3)));
    expect(await store.get(id(2))).toBeUndefined();
    expect(await store.get(id(1))).toEqual(record(id(1)));
    expect(store.size.responses).toBe(2);
  });

  it('evicts past maxBytes, counts replaced records once, and refuses one larger than the whole store', async () => {
    const one = Buffer.byteLength(JSON.stringify(record(id(1), 'a'.repeat(100))));
    const store = new MemoryResponseStore({ maxBytes: one * 2 + 10 });
    await store.set(id(1), record(id(1), 'a'.repeat(100)));
    await store.set(id(1), record(id(1), 'a'.repeat(100)));
    await store.set(id(2), record(id(2), 'a'.repeat(100)));
    expect(store.size).toEqual({ responses: 2, bytes: one * 2 });
    await store.set(id(3), record(id(3), 'a'.repeat(100)));
    expect(await store.get(id(1))).toBeUndefined();
    await store.set(id(4), record(id(4), 'a'.repeat(1000)));
    expect(await store.get(id(4))).toBeUndefined();
    expect(store.size.responses).toBe(2);
  });

  it('gives a copy on each read, and deletes', async () => {
    const store = new MemoryResponseStore();
    await store.set(id(1), record(id(1)));
    const read = await store.get(id(1));
    (read!.response as { output_text: string }).output_text = 'changed';
    expect((await store.get(id(1)))!.response.output_text).toBe('x');
    expect(await store.delete(id(1))).toBe(true);
    expect(await store.delete(id(1))).toBe(false);
    expect(store.size).toEqual({ responses: 0, bytes: 0 });
  });

  it('checks its options', () => {
    expect(() => new MemoryResponseStore({ maxResponses: 0 })).toThrow(/maxResponses/);
    expect(() => new MemoryResponseStore({ maxBytes: 1.5 })).toThrow(/maxBytes/);
  });
});

describe('FileResponseStore', () => {
  it('round-trips, deletes, and never reads or writes outside its directory', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'store-'));
    try {
      const store = new FileResponseStore(join(directory, 'nested'));
      await store.set(id(1), record(id(1)));
      expect(await new FileResponseStore(join(directory, 'nested')).get(id(1))).toEqual(record(id(1)));
      expect(await readdir(join(directory, 'nested'))).toEqual([`${id(1)}.json`]);
      expect(await store.get('../../etc/passwd')).toBeUndefined();
      await expect(store.set('../x', record('x'))).rejects.toThrow(/Not a response ID/);
      expect(await store.delete(id(1))).toBe(true);
      expect(await store.delete(id(1))).toBe(false);
      expect(await store.get(id(1))).toBeUndefined();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
