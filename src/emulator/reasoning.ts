/**
 * Reasoning configuration, signatures and redacted reasoning. Claude's reasoning blocks carry a signature the
 * client must replay unchanged; the emulator signs with a fixed HMAC key so signatures are deterministic and
 * verifiable across emulator instances (they mean nothing outside the emulator).
 *
 * Redacted reasoning (`reasoningContent.redactedContent`, Anthropic's `redacted_thinking`) is what Claude 3.7
 * Sonnet returns instead of readable thinking when its safety systems flag the reasoning; Claude 4 models never
 * return it (AWS, "Thinking encryption"). Anthropic documents a magic string that forces it
 * ({@link REDACTED_THINKING_TRIGGER}); the emulator honours the same string. Its blob is opaque but checkable:
 * a 16-byte nonce followed by the HMAC-SHA256 of the nonce ({@link createRedactedReasoning},
 * {@link verifyRedactedReasoning}), so a replayed blob must be one the emulator issued, byte for byte.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EmulatorModel } from './models.js';

const SIGNING_KEY = 'bedrock-openai-emulator/reasoning-signature';
const REDACTION_KEY = 'bedrock-openai-emulator/redacted-reasoning';
const NONCE_BYTES = 16;
const MAC_BYTES = 32;

/**
 * Anthropic's documented test string that makes Claude 3.7 Sonnet return redacted thinking
 * (AWS "Thinking encryption" page; Anthropic's extended-thinking guide). The emulator's default trigger.
 */
export const REDACTED_THINKING_TRIGGER =
  'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253D5E2D82641AC0E52CC2876CB';

/**
 * A redacted-reasoning blob (base64, as `redactedContent` travels in JSON) for a hidden thought: a nonce derived
 * from `seed`, then the HMAC of the nonce. Deterministic for a seed.
 */
export function createRedactedReasoning(seed: string): string {
  const nonce = createHash('sha256').update(seed).digest().subarray(0, NONCE_BYTES);
  const mac = createHmac('sha256', REDACTION_KEY).update(nonce).digest();
  return Buffer.concat([nonce, mac]).toString('base64');
}

/** Whether `data` (base64) is a redacted-reasoning blob the emulator issued, unchanged. */
export function verifyRedactedReasoning(data: unknown): boolean {
  if (typeof data !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return false;
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length !== NONCE_BYTES + MAC_BYTES) return false;
  const expected = createHmac('sha256', REDACTION_KEY).update(bytes.subarray(0, NONCE_BYTES)).digest();
  return timingSafeEqual(expected, bytes.subarray(NONCE_BYTES));
}

/** The signature the emulator attaches to a reasoning text. */
export function signReasoning(text: string): string {
  return createHmac('sha256', SIGNING_KEY).update(text).digest('base64');
}

/** Whether `signature` is the emulator's signature of `text`. */
export function verifyReasoningSignature(text: string, signature: string): boolean {
  return signReasoning(text) === signature;
}

/** What reasoning a request asked for. */
export interface ReasoningRequest {
  /** Claude `thinking.budget_tokens` (undefined for adaptive thinking and other styles). */
  budgetTokens?: number;
  /** Nova `maxReasoningEffort` / gpt-oss `reasoning_effort`. */
  effort?: string;
  /** Whether the reply carries a signature (Claude only). */
  signed: boolean;
}

/**
 * Whether the reply's reasoning is redacted: Claude thinking is on, the model redacts (Claude 3.7 Sonnet), and the
 * last user text contains `trigger` (case-sensitive, like Anthropic's magic string). An empty or absent trigger
 * never redacts.
 */
export function shouldRedactReasoning(model: EmulatorModel, reasoning: ReasoningRequest | undefined, userText: string, trigger: string | undefined): boolean {
  if (reasoning?.signed !== true || model.redactedThinking !== true) return false;
  return trigger !== undefined && trigger !== '' && userText.includes(trigger);
}

function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Reads the reasoning switch for the model's style from `additionalModelRequestFields`; `undefined` when the
 * request does not enable reasoning (or the model does not reason). Shape errors are left to validation.
 */
export function readReasoningRequest(
  model: EmulatorModel,
  additionalFields: Record<string, unknown> | undefined,
): ReasoningRequest | undefined {
  switch (model.reasoning) {
    case 'anthropic-thinking': {
      const thinking = objectOrUndefined(additionalFields?.['thinking']);
      if (thinking === undefined) return undefined;
      if (thinking['type'] === 'enabled') {
        const budget = thinking['budget_tokens'];
        return typeof budget === 'number' ? { budgetTokens: budget, signed: true } : { signed: true };
      }
      if (thinking['type'] === 'adaptive') return { signed: true };
      return undefined;
    }
    case 'nova-reasoning-config': {
      const config = objectOrUndefined(additionalFields?.['reasoningConfig']);
      if (config?.['type'] !== 'enabled') return undefined;
      const effort = config['maxReasoningEffort'];
      return typeof effort === 'string' ? { effort, signed: false } : { signed: false };
    }
    case 'reasoning-effort': {
      const effort = additionalFields?.['reasoning_effort'];
      return typeof effort === 'string' ? { effort, signed: false } : undefined;
    }
    case 'always':
      return { signed: false };
    case undefined:
      return undefined;
  }
}
