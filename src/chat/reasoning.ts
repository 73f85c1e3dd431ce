/**
 * Reasoning: `reasoning_effort` → each family's switch, the rules each family enforces (checked here, before
 * sending, with the rule in the message), and reasoning blocks out of and back into Bedrock.
 *
 * | catalog `reasoning` | `reasoning_effort` → `additionalModelRequestFields` | rules |
 * |---|---|---|
 * | `anthropic-thinking` (Claude 3.7, 4.x) | `thinking: { type: 'enabled', budget_tokens }`, budget from {@link THINKING_BUDGETS} | `max_tokens` > budget (default: budget + {@link DEFAULT_ANSWER_TOKENS}); no forced tool choice; `temperature` unset or 1; `top_p` unset or ≥ 0.95; no `top_k` |
 * | `nova-reasoning-config` (Nova 2) | `reasoningConfig: { type: 'enabled', maxReasoningEffort }` (`low`/`medium`/`high`) | no `temperature` or `top_p`; with `high`, no `max_tokens` either |
 * | `openai-reasoning-effort` (gpt-oss) | `reasoning_effort` (`low`/`medium`/`high`) | — |
 * | `always-on` (DeepSeek R1) | nothing can be sent: any `reasoning_effort` is an unsupported parameter | — |
 * | `none` | only `'none'` is accepted | — |
 *
 * `'none'` turns nothing on. `'minimal'` is rejected everywhere (no Bedrock family has a level below `low`);
 * `'xhigh'` exists only for Claude (budget 32,768). `'max'` is Converse's `outputConfig.effort: 'max'`, sent with
 * adaptive thinking (`thinking: { type: 'adaptive' }`: Converse caps effort at `high` without thinking) to the
 * Claude models whose catalog entry lists `max` in `effortLevels`; every other model refuses it.
 *
 * The same rules apply when reasoning is switched on through `bedrock.additionalModelRequestFields` directly.
 * Setting both `reasoning_effort` and the family's own field is a conflict.
 *
 * Out of Bedrock, reasoning blocks become `message.reasoning_content` (their text, joined) and
 * `message.reasoning_details` (`{ type: 'reasoning.text', text, signature? }` / `{ type: 'reasoning.redacted',
 * data }`). Back into Bedrock, an assistant message's `reasoning_details` are replayed at the start of its turn,
 * only the signed and redacted ones: unsigned reasoning (Nova, gpt-oss, DeepSeek) is never sent back, since
 * Bedrock rejects or leaks it.
 */
import type { ContentBlock, ReasoningContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';
import type { OutputEffort, ReasoningStyle } from '../models/types.js';
import type { ChatCompletionReasoningDetail } from './types.js';

export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

const EFFORTS: readonly ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];

/** Claude thinking budgets (`thinking.budget_tokens`) per `reasoning_effort`. 1,024 is Claude's minimum. */
export const THINKING_BUDGETS = { low: 1024, medium: 4096, high: 16_384, xhigh: 32_768 } as const;

/** Tokens left for the answer when `max_tokens` is not given with Claude thinking: `max_tokens` = budget + this. */
export const DEFAULT_ANSWER_TOKENS = 4096;

/** Reads `reasoning_effort`: `undefined` when unset (or `null`). */
export function readReasoningEffort(value: unknown): ReasoningEffort | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(EFFORTS as readonly string[]).includes(value)) {
    throw BadRequestError.forParam('reasoning_effort', `\`reasoning_effort\` must be one of ${EFFORTS.map((effort) => `"${effort}"`).join(', ')}; got ${JSON.stringify(value)}.`);
  }
  return value as ReasoningEffort;
}

/** What the request already says that reasoning rules look at. */
export interface ReasoningRequestFacts {
  effort: ReasoningEffort | undefined;
  /** `max_tokens` / `max_completion_tokens`, when given. */
  maxTokens: number | undefined;
  /** Which of the two was given (for messages). Default `max_tokens`. */
  maxTokensParam?: string;
  temperature: number | undefined;
  topP: number | undefined;
  /** The Bedrock tool choice the request forces (`any` or `tool`), when it does. */
  forcedToolChoice: boolean;
  /** `bedrock.additionalModelRequestFields`, as given. */
  additionalFields: Record<string, unknown> | undefined;
}

/** What the model is, for reasoning. */
export interface ReasoningModelFacts {
  style: ReasoningStyle;
  /** The catalog's maximum output tokens, when known. */
  maxOutputTokens: number | null;
  /** `` `alias` (id) `` for messages. */
  model: string;
  /** The catalog's `effortLevels` (Converse `outputConfig.effort`), when known. */
  effortLevels?: readonly OutputEffort[] | undefined;
}

export interface ReasoningPlan {
  /** Fields to merge into `additionalModelRequestFields` (none when reasoning is off or set by the user). */
  additionalFields: Record<string, unknown>;
  /** `inferenceConfig.maxTokens` to send when the user gave none (Claude thinking). */
  maxTokens?: number;
  /** Whether reasoning is on (by `reasoning_effort`, by the user's own fields, or always). */
  enabled: boolean;
  /** Whether Claude thinking is on (its rules apply: no forced tool choice). */
  thinking: boolean;
  /** Converse `outputConfig.effort` to send (`reasoning_effort: 'max'`). */
  outputEffort?: OutputEffort;
}

/** The family's own field for its reasoning switch. */
const OWN_FIELD: Partial<Record<ReasoningStyle, string>> = {
  'anthropic-thinking': 'thinking',
  'nova-reasoning-config': 'reasoningConfig',
  'openai-reasoning-effort': 'reasoning_effort',
};

/**
 * Maps `reasoning_effort` for a model and checks the family's rules (see the module comment). Throws a
 * `BadRequestError` naming the parameter and the rule; an effort the family cannot take goes to `unsupported`.
 */
export function planReasoning(request: ReasoningRequestFacts, model: ReasoningModelFacts, unsupported: (param: string, reason: string) => void): ReasoningPlan {
  const { effort } = request;
  const fail = (param: string, message: string, code = 'unsupported_feature'): never => {
    throw BadRequestError.forParam(param, message, code);
  };
  const ownField = OWN_FIELD[model.style];
  const fields = request.additionalFields ?? {};
  if (effort !== undefined && effort !== 'none' && ownField !== undefined && fields[ownField] !== undefined) {
    fail(`bedrock.additionalModelRequestFields.${ownField}`, `\`reasoning_effort\` and \`bedrock.additionalModelRequestFields.${ownField}\` both set reasoning; give one of them.`, 'invalid_value');
  }
  if (effort === 'minimal') {
    throw BadRequestError.forParam('reasoning_effort', '`reasoning_effort` "minimal" has no equivalent on Bedrock; the lowest level is "low".', 'invalid_value');
  }
  const plan: ReasoningPlan = { additionalFields: {}, enabled: false, thinking: false };

  switch (model.style) {
    case 'none':
      if (effort !== undefined && effort !== 'none') fail('reasoning_effort', `${model.model} does not support reasoning on Bedrock (\`reasoning_effort\`).`);
      return plan;
    case 'always-on':
      if (effort !== undefined) unsupported('reasoning_effort', `${model.model} always reasons, and its reasoning effort cannot be set or turned off.`);
      plan.enabled = true;
      return plan;
    case 'openai-reasoning-effort': {
      if (effort !== undefined && effort !== 'none') {
        if (effort === 'xhigh' || effort === 'max') fail('reasoning_effort', `${model.model} takes \`reasoning_effort\` "low", "medium" or "high".`, 'invalid_value');
        plan.additionalFields = { reasoning_effort: effort };
      }
      plan.enabled = effort !== undefined && effort !== 'none' ? true : fields['reasoning_effort'] !== undefined;
      return plan;
    }
    case 'nova-reasoning-config': {
      let level: string | undefined;
      if (effort !== undefined && effort !== 'none') {
        if (effort === 'xhigh' || effort === 'max') fail('reasoning_effort', `${model.model} takes \`reasoning_effort\` "low", "medium" or "high".`, 'invalid_value');
        level = effort;
        plan.additionalFields = { reasoningConfig: { type: 'enabled', maxReasoningEffort: effort } };
      } else {
        const own = fields['reasoningConfig'] as { type?: unknown; maxReasoningEffort?: unknown } | undefined;
        if (own?.type === 'enabled') level = typeof own.maxReasoningEffort === 'string' ? own.maxReasoningEffort : 'enabled';
      }
      if (level === undefined) return plan;
      plan.enabled = true;
      const source = effort !== undefined && effort !== 'none' ? '`reasoning_effort`' : '`bedrock.additionalModelRequestFields.reasoningConfig`';
      if (request.temperature !== undefined) fail('temperature', `${model.model} does not take \`temperature\` while reasoning (${source}); leave it unset.`);
      if (request.topP !== undefined) fail('top_p', `${model.model} does not take \`top_p\` while reasoning (${source}); leave it unset.`);
      if (level === 'high' && request.maxTokens !== undefined) {
        const param = request.maxTokensParam ?? 'max_tokens';
        fail(param, `${model.model} does not take \`${param}\` with "high" reasoning effort (${source}); leave it unset, or use "medium".`);
      }
      return plan;
    }
    case 'anthropic-thinking': {
      let budget: number | undefined;
      let source: string;
      if (effort === 'max') {
        if (model.effortLevels?.includes('max') !== true) {
          fail(
            'reasoning_effort',
            `${model.model} does not take \`reasoning_effort\` "max" on Bedrock (Converse \`outputConfig.effort\` "max" is for the models that list it, such as Claude Opus 4.6); use "xhigh".`,
            'invalid_value',
          );
        }
        source = '`reasoning_effort` "max"';
        // Adaptive thinking: the model decides how long to think; Converse caps effort at `high` without thinking.
        plan.additionalFields = { thinking: { type: 'adaptive' } };
        plan.outputEffort = 'max';
      } else if (effort !== undefined && effort !== 'none') {
        budget = THINKING_BUDGETS[effort];
        source = `\`reasoning_effort\` "${effort}"`;
        const maxTokens = request.maxTokens ?? budget + DEFAULT_ANSWER_TOKENS;
        if (request.maxTokens !== undefined && request.maxTokens <= budget) {
          const param = request.maxTokensParam ?? 'max_tokens';
          fail(
            param,
            `With ${source}, Claude thinks with a budget of ${budget} tokens, and \`${param}\` (${request.maxTokens}) must be greater than that budget (it covers thinking and answer); raise it above ${budget} or lower the effort.`,
            'invalid_value',
          );
        }
        if (request.maxTokens === undefined && model.maxOutputTokens !== null && maxTokens > model.maxOutputTokens) {
          fail(
            'reasoning_effort',
            `${source} needs \`max_tokens\` above its thinking budget of ${budget} (by default ${budget} + ${DEFAULT_ANSWER_TOKENS} = ${maxTokens}), but ${model.model} produces at most ${model.maxOutputTokens} tokens; use a lower effort, or set \`max_tokens\` between ${budget + 1} and ${model.maxOutputTokens}.`,
            'invalid_value',
          );
        }
        plan.additionalFields = { thinking: { type: 'enabled', budget_tokens: budget } };
        if (request.maxTokens === undefined) plan.maxTokens = maxTokens;
      } else {
        const own = fields['thinking'] as { type?: unknown; budget_tokens?: unknown } | undefined;
        if (own?.type !== 'enabled' && own?.type !== 'adaptive') return plan;
        source = '`bedrock.additionalModelRequestFields.thinking`';
      }
      plan.enabled = true;
      plan.thinking = true;
      if (request.forcedToolChoice) {
        fail('tool_choice', `Claude does not allow a forced \`tool_choice\` ("required" or a named function) while thinking (${source}); use "auto", or turn thinking off.`);
      }
      if (request.temperature !== undefined && request.temperature !== 1) {
        fail('temperature', `Claude takes \`temperature\` only as 1 (or unset) while thinking (${source}); got ${request.temperature}.`);
      }
      if (request.topP !== undefined && request.topP < 0.95) {
        fail('top_p', `Claude takes \`top_p\` only from 0.95 to 1 (or unset) while thinking (${source}); got ${request.topP}.`);
      }
      if (fields['top_k'] !== undefined) {
        fail('bedrock.additionalModelRequestFields.top_k', `Claude does not take \`top_k\` while thinking (${source}); remove it.`);
      }
      return plan;
    }
    default: {
      const exhaustive: never = model.style;
      throw new Error(`Unhandled reasoning style ${JSON.stringify(exhaustive)}`);
    }
  }
}

/**
 * An assistant message's `reasoning_details` → the reasoning blocks to replay (signed text and redacted data only,
 * in order). `param` is the field's path (`messages[1].reasoning_details`).
 */
export function convertReasoningDetails(details: unknown, param: string): ContentBlock[] {
  if (details === undefined || details === null) return [];
  if (!Array.isArray(details)) throw BadRequestError.forParam(param, `\`${param}\` must be an array.`);
  const blocks: ContentBlock[] = [];
  details.forEach((detail: unknown, index) => {
    const detailParam = `${param}[${index}]`;
    const typed = detail as { type?: unknown; text?: unknown; signature?: unknown; data?: unknown };
    if (typeof detail !== 'object' || detail === null) throw BadRequestError.forParam(detailParam, `\`${detailParam}\` must be an object.`);
    switch (typed.type) {
      case 'reasoning.text': {
        if (typeof typed.text !== 'string') throw BadRequestError.forParam(`${detailParam}.text`, `\`${detailParam}.text\` must be a string.`);
        if (typed.signature === undefined || typed.signature === null) return; // Unsigned: never replayed.
        if (typeof typed.signature !== 'string' || typed.signature === '') {
          throw BadRequestError.forParam(`${detailParam}.signature`, `\`${detailParam}.signature\` must be a non-empty string (the signature as returned).`);
        }
        blocks.push({ reasoningContent: { reasoningText: { text: typed.text, signature: typed.signature } } });
        return;
      }
      case 'reasoning.redacted': {
        if (typeof typed.data !== 'string' || typed.data === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(typed.data)) {
          throw BadRequestError.forParam(`${detailParam}.data`, `\`${detailParam}.data\` must be the base64 data as returned.`);
        }
        blocks.push({ reasoningContent: { redactedContent: Buffer.from(typed.data, 'base64') } });
        return;
      }
      default:
        throw BadRequestError.forParam(`${detailParam}.type`, `\`${detailParam}.type\` must be "reasoning.text" or "reasoning.redacted"; got ${JSON.stringify(typed.type)}.`);
    }
  });
  return blocks;
}

/** A Bedrock reasoning block → its `reasoning_details` entry (`undefined` for a member this SDK does not know). */
export function toReasoningDetail(block: ReasoningContentBlock): ChatCompletionReasoningDetail | undefined {
  if (block.reasoningText !== undefined) {
    const { text = '', signature } = block.reasoningText;
    return signature === undefined ? { type: 'reasoning.text', text } : { type: 'reasoning.text', text, signature };
  }
  if (block.redactedContent !== undefined) return { type: 'reasoning.redacted', data: Buffer.from(block.redactedContent).toString('base64') };
  return undefined;
}
