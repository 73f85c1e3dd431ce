/**
 * Inbound API keys of the gateway: where they come from (flag, `BEDROCK_OPENAI_API_KEYS`, a keys file) and how a
 * request's `Authorization: Bearer <key>` is checked (in constant time, against every key). Keys never reach a log
 * or an error message.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Keys from a comma- or newline-separated list; blank entries and `#` comment lines are skipped. */
export function parseKeyList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((key) => key.trim())
    .filter((key) => key !== '' && !key.startsWith('#'));
}

/** Reads a keys file: one key per line, `#` comments. */
export function readKeysFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the API keys file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
  }
  const keys = parseKeyList(text);
  if (keys.length === 0) throw new Error(`The API keys file ${path} holds no key.`);
  return keys;
}

/** Shortest key accepted: a guessable key on a gateway that spends an AWS account's money is a mistake. */
export const MIN_KEY_LENGTH = 16;

/** Builds the check of a request's `Authorization` header against `keys` (digests compared in constant time). */
export function createKeyCheck(keys: readonly string[]): (authorization: string | null) => boolean {
  for (const key of keys) {
    if (key.length < MIN_KEY_LENGTH) throw new Error(`Every API key must be at least ${MIN_KEY_LENGTH} characters long (one is ${key.length}).`);
  }
  const digests = keys.map(digest);
  return (authorization) => {
    const match = authorization === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const given = digest(match?.[1] ?? '');
    let ok = false;
    // Every key is compared, so the time taken does not say which (or whether any) matched.
    for (const expected of digests) ok = timingSafeEqual(given, expected) || ok;
    return ok && match !== null;
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Whether a listening address is loopback-only (`127.0.0.0/8`, `::1`, `localhost`). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare) || bare === '::ffff:127.0.0.1';
}
