/**
 * Prompt caching: OpenAI-style `cache_control` breakpoints and the opt-in `bedrock.cache: 'auto'` → Bedrock
 * `cachePoint` blocks. A cache point caches everything before it, in Bedrock's order: tool definitions, then the
 * system prompt, then the messages.
 *
 * - `cache_control: { type: 'ephemeral', ttl? }` on a content part, a message or a tool → a `cachePoint` right after
 *   that part's block, after the message's last block (a system message: in `system`; a tool message: after its
 *   `toolResult`), or after that tool's definition.
 * - `bedrock.cache: 'auto'` adds, where none is already: one after the tools (only on models that cache tools),
 *   one after the system prompt and one after the last user turn.
 * - At most {@link MAX_CACHE_POINTS} per request (Bedrock's limit); `ttl: '1h'` only where the model allows it; a
 *   model without prompt caching gets none. Those checks run once the model is known (`adapt-to-model.ts`).
 *
 * A cache point before the model's minimum prefix (the catalog's `promptCaching.minTokens`) is accepted by
 * Bedrock and simply caches nothing: it is not an error.
 */
import type { CachePointBlock, ContentBlock, Message, SystemContentBlock, Tool } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';

/** Bedrock accepts at most this many cache points in one request. */
export const MAX_CACHE_POINTS = 4;

export type CacheTtl = '5m' | '1h';

/** Where a cache point came from (`param`), and its TTL if one was asked for. */
export interface CachePointUse {
  param: string;
  ttl: CacheTtl | undefined;
  /** Whether it follows the tool definitions. */
  tools?: boolean;
}

/** The `cachePoint` block for a TTL (`undefined`: Bedrock's default, about 5 minutes). */
export function createCachePoint(ttl: CacheTtl | undefined): { cachePoint: CachePointBlock } {
  return { cachePoint: ttl === undefined ? { type: 'default' } : { type: 'default', ttl } };
}

/**
 * Reads a `cache_control` value at `param` (`messages[1].cache_control`): `undefined` when absent (or `null`),
 * else the use to record. Anything but `{ type: 'ephemeral', ttl?: '5m' | '1h' }` is a `BadRequestError`.
 */
export function readCacheControl(value: unknown, param: string): CachePointUse | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || (value as { type?: unknown }).type !== 'ephemeral') {
    throw BadRequestError.forParam(param, `\`${param}\` must be \`{ type: 'ephemeral', ttl?: '5m' | '1h' }\`.`);
  }
  for (const key of Object.keys(value)) {
    if (key !== 'type' && key !== 'ttl') throw BadRequestError.forParam(`${param}.${key}`, `Unrecognized option \`${param}.${key}\`.`, 'unknown_parameter');
  }
  const ttl = (value as { ttl?: unknown }).ttl;
  if (ttl !== undefined && ttl !== '5m' && ttl !== '1h') throw BadRequestError.forParam(`${param}.ttl`, `\`${param}.ttl\` must be "5m" or "1h".`);
  return { param, ttl };
}

/**
 * Reads OpenAI's `prompt_cache_breakpoint` at `param` (`messages[1].content[0].prompt_cache_breakpoint`):
 * `{ mode: 'explicit', ttl? }`. OpenAI's `ttl` is a minimum lifetime: `30m` is met by Bedrock's `1h` TTL; `12h`
 * exceeds every Bedrock cache and is refused. Without `ttl`, Bedrock's default TTL applies.
 */
export function readPromptCacheBreakpoint(value: unknown, param: string): CachePointUse | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || (value as { mode?: unknown }).mode !== 'explicit') {
    throw BadRequestError.forParam(param, `\`${param}\` must be \`{ mode: 'explicit', ttl?: '30m' }\`.`);
  }
  for (const key of Object.keys(value)) {
    if (key !== 'mode' && key !== 'ttl') throw BadRequestError.forParam(`${param}.${key}`, `Unrecognized option \`${param}.${key}\`.`, 'unknown_parameter');
  }
  const ttl = (value as { ttl?: unknown }).ttl;
  if (ttl === undefined || ttl === null) return { param, ttl: undefined };
  if (ttl === '30m') return { param, ttl: '1h' };
  if (ttl === '12h') {
    throw BadRequestError.forParam(`${param}.ttl`, `\`${param}.ttl\` "12h" is longer than any Bedrock prompt cache (5 minutes, or 1 hour where the model allows it); use "30m" (served by Bedrock's 1-hour TTL) or leave it unset.`, 'unsupported_feature');
  }
  throw BadRequestError.forParam(`${param}.ttl`, `\`${param}.ttl\` must be "30m"; got ${JSON.stringify(ttl)}.`);
}

/**
 * A content part's breakpoint: its `cache_control`, or OpenAI's `prompt_cache_breakpoint` (one of them, not both).
 * `param` is the part's path.
 */
export function readPartCacheBreakpoint(part: { cache_control?: unknown; prompt_cache_breakpoint?: unknown }, param: string): CachePointUse | undefined {
  const control = readCacheControl(part.cache_control, `${param}.cache_control`);
  const breakpoint = readPromptCacheBreakpoint(part.prompt_cache_breakpoint, `${param}.prompt_cache_breakpoint`);
  if (control !== undefined && breakpoint !== undefined) {
    throw BadRequestError.forParam(`${param}.prompt_cache_breakpoint`, `\`${param}\` has both \`cache_control\` and \`prompt_cache_breakpoint\`; give one of them.`);
  }
  return control ?? breakpoint;
}

/** A message's own `cache_control` → a cache point after its last block (a message without content cannot hold one). */
export function addMessageCachePoint(message: { cache_control?: unknown }, param: string, blocks: Array<ContentBlock | SystemContentBlock>, sink: CachePointUse[]): void {
  const use = readCacheControl(message.cache_control, `${param}.cache_control`);
  if (use === undefined) return;
  const last = blocks.at(-1);
  if (last === undefined) {
    throw BadRequestError.forParam(`${param}.cache_control`, `\`${param}\` has no content for \`cache_control\` to follow; put it on a message with content.`);
  }
  if (last.cachePoint !== undefined) {
    throw BadRequestError.forParam(`${param}.cache_control`, `\`${param}\` already ends with a cache point (from its last content part's breakpoint); give only one of them.`);
  }
  blocks.push(createCachePoint(use.ttl));
  sink.push(use);
}

/**
 * A part's `cache_control` or `prompt_cache_breakpoint` → a cache point right after the part's block (a blank part,
 * dropped, cannot hold one).
 */
export function addPartCachePoint(part: unknown, param: string, blocks: Array<ContentBlock | SystemContentBlock>, added: boolean, sink: CachePointUse[]): void {
  const use = readPartCacheBreakpoint(part as { cache_control?: unknown; prompt_cache_breakpoint?: unknown }, param);
  if (use === undefined) return;
  const field = use.param.slice(param.length + 1);
  if (!added) throw BadRequestError.forParam(use.param, `\`${param}\` is blank, so there is nothing for its \`${field}\` to follow.`);
  blocks.push(createCachePoint(use.ttl));
  sink.push(use);
}

/** Whether a block is a cache point. */
function isCachePoint(block: { cachePoint?: unknown } | undefined): boolean {
  return block?.cachePoint !== undefined;
}

export interface AutoCacheInput {
  system: SystemContentBlock[];
  messages: Message[];
  tools: Tool[] | undefined;
}

/**
 * `bedrock.cache: 'auto'`: adds cache points (in place) after the tools (when `cacheTools`), after the system
 * prompt and after the last user turn, each only where the request has that part and no cache point ends it
 * already. Returns the uses added, in Bedrock's order.
 */
export function addAutoCachePoints(input: AutoCacheInput, ttl: CacheTtl | undefined, cacheTools: boolean): CachePointUse[] {
  const added: CachePointUse[] = [];
  const param = 'bedrock.cache';
  if (cacheTools && input.tools !== undefined && input.tools.length > 0 && !isCachePoint(input.tools.at(-1))) {
    input.tools.push(createCachePoint(ttl));
    added.push({ param, ttl, tools: true });
  }
  if (input.system.length > 0 && !isCachePoint(input.system.at(-1))) {
    input.system.push(createCachePoint(ttl));
    added.push({ param, ttl });
  }
  const lastUser = input.messages.findLast((message) => message.role === 'user');
  const content: ContentBlock[] | undefined = lastUser?.content;
  if (content !== undefined && content.length > 0 && !isCachePoint(content.at(-1))) {
    content.push(createCachePoint(ttl));
    added.push({ param, ttl });
  }
  return added;
}

/** Throws when a request holds more than {@link MAX_CACHE_POINTS} cache points, naming the first one too many. */
export function checkCachePointCount(uses: readonly CachePointUse[]): void {
  if (uses.length <= MAX_CACHE_POINTS) return;
  const extra = uses[MAX_CACHE_POINTS]!;
  throw BadRequestError.forParam(
    extra.param,
    `A request may hold at most ${MAX_CACHE_POINTS} cache points (Bedrock's limit); this one (\`${extra.param}\`) is number ${MAX_CACHE_POINTS + 1} of ${uses.length}` +
      ` (from ${[...new Set(uses.map((use) => `\`${use.param}\``))].join(', ')}).`,
    'too_many_cache_points',
  );
}
