/**
 * Where responses are kept for `retrieve`, `input_items`, `delete`, `previous_response_id` and `item_reference`
 * (OpenAI's `store: true`, the default). A store holds, per response, the response as produced (every
 * `encrypted_content` included) and the request's own input items with their IDs; a chain of
 * `previous_response_id`s is followed link by link, so a long conversation is stored once, not once per turn.
 *
 * Two stores ship: {@link MemoryResponseStore} (the default: bounded by count and bytes, least recently used
 * evicted first) and {@link FileResponseStore} (one JSON file per response in a directory, for a server that
 * restarts). Any object with these three methods can be given as the client's `responseStore`.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response, ResponseItem } from './types.js';

export interface StoredResponse {
  /** The response with every `encrypted_content` (shown to the caller only when asked for). */
  response: Response;
  /** This request's own input items (not the chain's), with IDs, oldest first. */
  input: ResponseItem[];
}

export interface ResponseStore {
  get(id: string): Promise<StoredResponse | undefined>;
  set(id: string, record: StoredResponse): Promise<void>;
  /** Whether a response was there to delete. */
  delete(id: string): Promise<boolean>;
}

export interface MemoryResponseStoreOptions {
  /** Responses kept at most. Default 1,000. */
  maxResponses?: number;
  /** Total size at most (of the JSON of each record). Default 64 MiB. */
  maxBytes?: number;
}

/** The default store: in memory, least recently used first out past `maxResponses` or `maxBytes`. */
export class MemoryResponseStore implements ResponseStore {
  static readonly DEFAULT_MAX_RESPONSES = 1000;
  static readonly DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
  readonly #maxResponses: number;
  readonly #maxBytes: number;
  /** Insertion order is recency order: a read moves an entry to the end. */
  readonly #entries = new Map<string, { json: string; bytes: number }>();
  #bytes = 0;

  constructor(options: MemoryResponseStoreOptions = {}) {
    this.#maxResponses = options.maxResponses ?? MemoryResponseStore.DEFAULT_MAX_RESPONSES;
    this.#maxBytes = options.maxBytes ?? MemoryResponseStore.DEFAULT_MAX_BYTES;
    if (!Number.isInteger(this.#maxResponses) || this.#maxResponses < 1) throw new RangeError('`maxResponses` must be a whole number ≥ 1.');
    if (!Number.isInteger(this.#maxBytes) || this.#maxBytes < 1) throw new RangeError('`maxBytes` must be a whole number ≥ 1.');
  }

  /** Responses held now, and their total size. */
  get size(): { responses: number; bytes: number } {
    return { responses: this.#entries.size, bytes: this.#bytes };
  }

  async get(id: string): Promise<StoredResponse | undefined> {
    const entry = this.#entries.get(id);
    if (entry === undefined) return undefined;
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    // Each read gets its own copy: callers may change what they get.
    return JSON.parse(entry.json) as StoredResponse;
  }

  async set(id: string, record: StoredResponse): Promise<void> {
    const json = JSON.stringify(record);
    const bytes = Buffer.byteLength(json);
    this.#remove(id);
    // A record larger than the whole store is not kept (it would evict everything and still not fit).
    if (bytes > this.#maxBytes) return;
    this.#entries.set(id, { json, bytes });
    this.#bytes += bytes;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxResponses && this.#bytes <= this.#maxBytes) break;
      this.#remove(oldest);
    }
  }

  async delete(id: string): Promise<boolean> {
    return this.#remove(id);
  }

  #remove(id: string): boolean {
    const entry = this.#entries.get(id);
    if (entry === undefined) return false;
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
    return true;
  }
}

/**
 * Responses as JSON files (`<id>.json`) in a directory, written atomically (a temporary file renamed into
 * place), so that they outlive the process. Nothing is evicted: remove old files as your retention requires.
 */
export class FileResponseStore implements ResponseStore {
  readonly #directory: string;
  #ready: Promise<unknown> | undefined;

  constructor(directory: string) {
    if (typeof directory !== 'string' || directory === '') throw new TypeError('FileResponseStore needs a directory path.');
    this.#directory = directory;
  }

  async get(id: string): Promise<StoredResponse | undefined> {
    const path = this.#path(id);
    if (path === undefined) return undefined;
    try {
      return JSON.parse(await readFile(path, 'utf8')) as StoredResponse;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async set(id: string, record: StoredResponse): Promise<void> {
    const path = this.#path(id);
    if (path === undefined) throw new TypeError(`Not a response ID: ${JSON.stringify(id)}.`);
    this.#ready ??= mkdir(this.#directory, { recursive: true });
    await this.#ready;
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, JSON.stringify(record));
    await rename(temporary, path);
  }

  async delete(id: string): Promise<boolean> {
    const path = this.#path(id);
    if (path === undefined) return false;
    try {
      await rm(path);
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** The file of an ID; `undefined` for anything that is not one of our IDs (no path can escape the directory). */
  #path(id: string): string | undefined {
    return /^resp_[0-9a-f]{32}$/.test(id) ? join(this.#directory, `${id}.json`) : undefined;
  }
}
