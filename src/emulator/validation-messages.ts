/**
 * The wording of the emulator's `ValidationException`s for Converse requests, quoted from real Bedrock responses
 * (see `src/emulator/README.md` for sources), and the helpers the validators throw them with.
 */
import type { JsonObject } from './converse.js';
import { validationError } from './errors.js';

/** Anthropic models' errors reach the caller prefixed like this. */
export const MODEL_ERROR_PREFIX = 'The model returned the following errors: ';

export const MESSAGES = {
  startWithUser: 'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
  alternateRoles:
    'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
  toolConfigRequired: 'The toolConfig field must be defined when using toolUse and toolResult content blocks.',
  unsupportedAction: "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
  streamingUnsupported: 'The model is unsupported for streaming.',
  streamingToolUseUnsupported: "This model doesn't support tool use in streaming mode.",
  toolUseUnsupported: "This model doesn't support tool use.",
  systemUnsupported: "This model doesn't support system messages.",
  temperatureAndTopP: `${MODEL_ERROR_PREFIX}\`temperature\` and \`top_p\` cannot both be specified for this model. Please use only one.`,
  thinkingForcedTool: `${MODEL_ERROR_PREFIX}Thinking may not be enabled when tool_choice forces tool use.`,
  thinkingBudgetMinimum: `${MODEL_ERROR_PREFIX}thinking.enabled.budget_tokens: Input should be greater than or equal to 1024`,
  thinkingBudgetBelowMax: `${MODEL_ERROR_PREFIX}\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size`,
  thinkingTemperature: `${MODEL_ERROR_PREFIX}\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking`,
  thinkingTopP: `${MODEL_ERROR_PREFIX}\`top_p\` must be greater than or equal to 0.95 or unset when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking`,
  thinkingTopK: `${MODEL_ERROR_PREFIX}\`top_k\` must be unset when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking`,
  thinkingUnsupported: `${MODEL_ERROR_PREFIX}thinking: Extra inputs are not permitted`,
  extendedTtlNonAnthropic: 'Extended TTL prompt caching is only supported for Anthropic models',
} as const;

export const at = (path: string, message: string): string => `${MODEL_ERROR_PREFIX}${path}: ${message}`;

/** Bedrock's message when `maxTokens` exceeds the model's limit. */
export function maxTokensMessage(limit: number): string {
  return `The maximum tokens you requested exceeds the model limit of ${limit}. Try again with a maximum tokens value that is lower than ${limit}.`;
}

/** Coral's constraint message, e.g. for `inferenceConfig.maxTokens`. */
export function constraintMessage(value: unknown, path: string, constraint: string): string {
  return `1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: ${constraint}`;
}

export function cacheLimitMessage(found: number): string {
  return `${MODEL_ERROR_PREFIX}A maximum of 4 blocks with cache_control may be provided. Found ${found}.`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fail(message: string): never {
  throw validationError(message);
}
