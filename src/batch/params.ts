/**
 * The checks every Files and Batches method makes of its params, as the online methods do: a parameter it does not
 * know is refused by name, and one Bedrock cannot honour is refused with the reason or, under
 * `dropUnsupportedParams`, dropped with a warning.
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

/** Refuses a top-level parameter the method does not know, by name (as `openai`'s API does). */
export function rejectUnknownParams(params: object, known: ReadonlySet<string>): void {
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && !known.has(key)) throw BadRequestError.forParam(key, `Unknown parameter: \`${key}\`.`, 'unknown_parameter');
  }
}
