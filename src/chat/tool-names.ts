/**
 * Tool names and tool-call IDs in Bedrock's charsets, with the reverse maps that give users their own names back.
 *
 * Bedrock accepts tool names matching `[a-zA-Z0-9_-]{1,64}` and tool-use IDs matching `[a-zA-Z0-9_.:-]{1,64}`
 * (bedrock-wire.md §1.5). OpenAI allows more (`get.weather`, `namespace/tool`, long IDs from other providers). A
 * name that already fits is sent as it is; one that does not is rewritten deterministically (invalid characters →
 * `_`, cut to 64), and if that collides with another name a short hash of the original is appended. The mapping
 * is a pure function of the set of names, so the same request always maps the same way.
 */
import { createHash } from 'node:crypto';
import { conformsTo } from '../internal/service-constraints.js';

/** The service model's `ToolName` (the converters check with `conformsTo('ToolName', …)`). */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
export const TOOL_USE_ID_PATTERN = /^[a-zA-Z0-9_.:-]{1,64}$/;

const MAX_LENGTH = 64;

/** A two-way map between the user's names and the names sent to Bedrock. */
export interface NameMap {
  /** The user's name → the name Bedrock sees. */
  readonly toBedrock: ReadonlyMap<string, string>;
  /** The name Bedrock returns → the user's name. */
  readonly fromBedrock: ReadonlyMap<string, string>;
}

/** Builds a {@link NameMap} for tool names (`[a-zA-Z0-9_-]{1,64}`). */
export function createToolNameMap(names: Iterable<string>): NameMap {
  return createNameMap(names, (name) => conformsTo('ToolName', name), /[^a-zA-Z0-9_-]/g, 'tool');
}

/** Builds a {@link NameMap} for tool-call IDs (`[a-zA-Z0-9_.:-]{1,64}`). */
export function createToolCallIdMap(ids: Iterable<string>): NameMap {
  return createNameMap(ids, (id) => conformsTo('ToolUseId', id), /[^a-zA-Z0-9_.:-]/g, 'call');
}

/** The Bedrock-side name for `name` (itself when unmapped). */
export function toBedrockName(map: NameMap, name: string): string {
  return map.toBedrock.get(name) ?? name;
}

/** The user's name for a name Bedrock returned (itself when unmapped, e.g. a new tool-call ID). */
export function fromBedrockName(map: NameMap, name: string): string {
  return map.fromBedrock.get(name) ?? name;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function createNameMap(names: Iterable<string>, valid: (name: string) => boolean, invalidChars: RegExp, fallback: string): NameMap {
  const unique = [...new Set(names)];
  const toBedrock = new Map<string, string>();
  const taken = new Set<string>();
  // Names that already fit keep themselves, whatever order they come in: a valid name is never renamed.
  for (const name of unique) {
    if (valid(name)) {
      toBedrock.set(name, name);
      taken.add(name);
    }
  }
  for (const name of unique) {
    if (toBedrock.has(name)) continue;
    const cleaned = name.replace(invalidChars, '_');
    let candidate = (cleaned === '' ? fallback : cleaned).slice(0, MAX_LENGTH);
    if (taken.has(candidate)) candidate = `${candidate.slice(0, MAX_LENGTH - 9)}_${shortHash(name)}`;
    for (let counter = 2; taken.has(candidate); counter++) {
      const suffix = `_${shortHash(name)}${counter}`;
      candidate = `${cleaned.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
    }
    toBedrock.set(name, candidate);
    taken.add(candidate);
  }
  const fromBedrock = new Map<string, string>();
  for (const [original, mapped] of toBedrock) fromBedrock.set(mapped, original);
  return { toBedrock, fromBedrock };
}
