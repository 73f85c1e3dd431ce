/**
 * Reasoning configuration and signatures. Claude's reasoning blocks carry a signature the client must replay
 * unchanged; the emulator signs with a fixed HMAC key so signatures are deterministic and verifiable across
 * emulator instances (they mean nothing outside the emulator).
 */
import { createHmac } from 'node:crypto';
import type { EmulatorModel } from './models.js';

const SIGNING_KEY = 'bedrock-openai-emulator/reasoning-signature';

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
