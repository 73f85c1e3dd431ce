/**
 * A reasoning item's `encrypted_content`: what Bedrock needs to replay a reasoning block exactly — the text with
 * Bedrock's signature (Claude), or the redacted data — carried opaquely, as OpenAI's own encrypted reasoning is.
 * The format is ours (`brv1.` + base64url JSON); Bedrock's signature itself is what protects the text.
 */
import type { ChatCompletionReasoningDetail } from '../chat/types.js';
import { BadRequestError } from '../core/errors.js';

const PREFIX = 'brv1.';

/** The `encrypted_content` for a reasoning block; `null` for unsigned text (nothing Bedrock would take back). */
export function encodeReasoning(detail: ChatCompletionReasoningDetail): string | null {
  if (detail.type === 'reasoning.redacted') return PREFIX + Buffer.from(JSON.stringify({ r: detail.data })).toString('base64url');
  if (detail.signature === undefined) return null;
  return PREFIX + Buffer.from(JSON.stringify({ t: detail.text, s: detail.signature })).toString('base64url');
}

/** Reads an `encrypted_content` back into the reasoning detail it carries; a 400 naming `param` if it is not ours. */
export function decodeReasoning(value: string, param: string): ChatCompletionReasoningDetail {
  const fail = (): never => {
    throw BadRequestError.forParam(param, `\`${param}\` is not reasoning this library returned (pass \`encrypted_content\` back unchanged).`, 'invalid_encrypted_content');
  };
  if (!value.startsWith(PREFIX)) fail();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    return fail();
  }
  const fields = decoded as { t?: unknown; s?: unknown; r?: unknown };
  if (typeof decoded !== 'object' || decoded === null) return fail();
  if (typeof fields.r === 'string' && fields.r !== '') return { type: 'reasoning.redacted', data: fields.r };
  if (typeof fields.t === 'string' && typeof fields.s === 'string' && fields.s !== '') return { type: 'reasoning.text', text: fields.t, signature: fields.s };
  return fail();
}
