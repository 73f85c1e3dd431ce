/**
 * The checks Files and Batches methods make of their params, as the online methods do: one Bedrock cannot honour is
 * refused with the reason or, under `dropUnsupportedParams`, dropped with a warning; a batch's `metadata` and
 * `completion_window`. (A parameter a method does not know is refused by `rejectUnknownKeys`, as elsewhere.)
 */
import { createUnsupportedParamHandler, type DroppedParamWarning, type UnsupportedParamHandler } from '../chat/unsupported-params.js';
import type { Client } from '../client.js';
import { BadRequestError } from '../core/errors.js';

/**
 * What a parameter Bedrock cannot honour meets: a `BadRequestError`, or under `dropUnsupportedParams` (the call's,
 * else the client's) a warning (`warn`, default the client's `onWarning`).
 */
export function unsupportedHandler(client: Client, drop: boolean | undefined, warn?: (warning: DroppedParamWarning) => void): UnsupportedParamHandler {
  const dropping = drop ?? client._settings.dropUnsupportedParams;
  if (typeof dropping !== 'boolean') throw BadRequestError.forParam('dropUnsupportedParams', '`dropUnsupportedParams` must be a boolean.');
  return createUnsupportedParamHandler({ drop: dropping, warn: warn ?? ((warning) => client._warn(warning)) });
}

/**
 * A batch's `metadata`, checked as OpenAI's API checks it (Bedrock never sees it: it is kept beside the job): at
 * most 16 string pairs, keys up to 64 characters, values up to 512.
 */
export function readBatchMetadata(value: unknown): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw BadRequestError.forParam('metadata', '`metadata` must be an object of string keys and string values.');
  const entries = Object.entries(value);
  if (entries.length > 16) throw BadRequestError.forParam('metadata', `\`metadata\` holds at most 16 pairs; got ${entries.length}.`);
  for (const [key, field] of entries) {
    if (key.length > 64) throw BadRequestError.forParam('metadata', `\`metadata\` keys are at most 64 characters; ${JSON.stringify(key.slice(0, 20))}… has ${key.length}.`);
    if (typeof field !== 'string') throw BadRequestError.forParam(`metadata.${key}`, `\`metadata.${key}\` must be a string.`);
    if (field.length > 512) throw BadRequestError.forParam(`metadata.${key}`, `\`metadata.${key}\` is ${field.length} characters; values hold at most 512.`);
  }
  return value as Record<string, string>;
}

/** A `completion_window`: Bedrock's job timeout, `"24h"` to `"168h"`. */
export function readCompletionWindow(value: unknown): string {
  const hours = typeof value === 'string' ? /^(\d+)h$/.exec(value)?.[1] : undefined;
  const timeoutHours = hours === undefined ? Number.NaN : Number(hours);
  if (!(timeoutHours >= 24 && timeoutHours <= 168)) {
    throw BadRequestError.forParam('completion_window', `\`completion_window\` must be "24h" to "168h" (Bedrock's job timeout range); got ${JSON.stringify(value)}.`);
  }
  return value as string;
}
