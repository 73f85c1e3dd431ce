/**
 * Prompt-cache emulation (per emulator instance, in memory). A `cachePoint` marks the end of a prefix
 * (in Bedrock's order: tool definitions, then system blocks, then message blocks). The first time a prefix is
 * seen it is written (`cacheWriteInputTokens`); the same prefix again, before its TTL runs out, is read
 * (`cacheReadInputTokens`). Prefixes shorter than the minimum (default 1,024 tokens, like Claude) are not cached.
 */
import { createHash, type Hash } from 'node:crypto';
import { countTokens } from './tokens.js';
import { countBlockTokens, type ConverseRequestJson, type JsonObject } from './converse.js';

export const DEFAULT_CACHE_MINIMUM_TOKENS = 1024;
const TTL_MS = { '5m': 5 * 60 * 1000, '1h': 60 * 60 * 1000 } as const;

export interface CacheUsage {
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
  cacheDetails: Array<{ ttl: '5m' | '1h'; inputTokens: number }>;
}

interface CheckpointInfo {
  key: string;
  tokens: number;
  ttl: '5m' | '1h';
}

/** The checkpoints of a request: prefix hash (model-scoped), prefix tokens and TTL, in order. */
export function listCheckpoints(modelId: string, request: ConverseRequestJson): CheckpointInfo[] {
  const hash: Hash = createHash('sha256').update(modelId);
  let tokens = 0;
  const checkpoints: CheckpointInfo[] = [];
  const visit = (block: JsonObject, marker: string): void => {
    const cachePoint = block['cachePoint'] as JsonObject | undefined;
    if (cachePoint !== undefined) {
      checkpoints.push({ key: hash.copy().digest('hex'), tokens, ttl: cachePoint['ttl'] === '1h' ? '1h' : '5m' });
      return;
    }
    hash.update(marker).update(JSON.stringify(block));
    tokens += block['toolSpec'] !== undefined ? countTokens(JSON.stringify(block['toolSpec'])) : countBlockTokens(block);
  };
  for (const tool of request.toolConfig?.tools ?? []) visit(tool, 'tool');
  for (const block of request.system ?? []) visit(block, 'system');
  for (const message of request.messages ?? []) for (const block of message.content) visit(block, message.role);
  return checkpoints;
}

/** The instance's cache memory. */
export class PromptCache {
  readonly #entries = new Map<string, number>();
  readonly #minimumTokens: number;
  readonly #now: () => number;

  constructor(options: { minimumTokens?: number; now?: () => number } = {}) {
    this.#minimumTokens = options.minimumTokens ?? DEFAULT_CACHE_MINIMUM_TOKENS;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Reads the longest live cached prefix and writes the rest up to the last checkpoint. Returns the usage split,
   * or `undefined` when the request has no checkpoints.
   */
  apply(modelId: string, request: ConverseRequestJson): CacheUsage | undefined {
    const checkpoints = listCheckpoints(modelId, request);
    if (checkpoints.length === 0) return undefined;
    const now = this.#now();
    const cacheable = checkpoints.filter((checkpoint) => checkpoint.tokens >= this.#minimumTokens);
    let readTokens = 0;
    for (const checkpoint of cacheable) {
      const expiresAt = this.#entries.get(checkpoint.key);
      if (expiresAt !== undefined && expiresAt > now && checkpoint.tokens > readTokens) readTokens = checkpoint.tokens;
    }
    const last = cacheable[cacheable.length - 1];
    const writeTokens = last !== undefined && last.tokens > readTokens ? last.tokens - readTokens : 0;
    for (const checkpoint of cacheable) {
      this.#entries.set(checkpoint.key, now + TTL_MS[checkpoint.ttl]);
    }
    return {
      cacheReadInputTokens: readTokens,
      cacheWriteInputTokens: writeTokens,
      cacheDetails: writeTokens > 0 && last !== undefined ? [{ ttl: last.ttl, inputTokens: writeTokens }] : [],
    };
  }

  clear(): void {
    this.#entries.clear();
  }
}
