/**
 * What happens to a parameter Bedrock cannot honour: by default a `BadRequestError` naming it; with
 * `dropUnsupportedParams: true` (client option or per request) it is dropped and reported through the warning hook.
 * Values equal to OpenAI's own default (`n: 1`, `logprobs: false`, `presence_penalty: 0`, …) change nothing and are
 * accepted either way.
 */
import { BadRequestError } from '../core/errors.js';

/** A warning about a dropped parameter, in the client's `Warning` shape. */
export interface DroppedParamWarning {
  code: 'unsupported_param_dropped';
  message: string;
  param: string;
}

/** Called for each parameter Bedrock cannot honour; throws unless dropping is allowed. */
export type UnsupportedParamHandler = (param: string, reason: string) => void;

/**
 * Builds the handler for one request. `drop` false: throws `BadRequestError.forParam(param, …,
 * 'unsupported_parameter')`. `drop` true: calls `warn` with a `DroppedParamWarning` and returns.
 */
export function createUnsupportedParamHandler(options: {
  drop: boolean;
  warn: (warning: DroppedParamWarning) => void;
}): UnsupportedParamHandler {
  return (param, reason) => {
    if (!options.drop) {
      throw BadRequestError.forParam(
        param,
        `\`${param}\` is not supported on Bedrock: ${reason} Remove it, or set \`dropUnsupportedParams: true\` to drop it with a warning.`,
        'unsupported_parameter',
      );
    }
    options.warn({ code: 'unsupported_param_dropped', message: `Dropped \`${param}\`: ${reason}`, param });
  };
}

/**
 * Top-level parameters with no Bedrock meaning, each with the value(s) that mean "not used" (OpenAI's defaults)
 * and why it cannot be honoured. OpenAI's prompt-cache keys are listed because Bedrock caches by cache points
 * (`cache_control`, `bedrock.cache`), not by keys.
 */
export const UNSUPPORTED_PARAMS: Readonly<Record<string, { isUnset: (value: unknown) => boolean; reason: string }>> = {
  logprobs: { isUnset: (value) => value === false, reason: 'Bedrock does not return token log probabilities.' },
  top_logprobs: { isUnset: (value) => value === 0, reason: 'Bedrock does not return token log probabilities.' },
  logit_bias: {
    isUnset: (value) => typeof value === 'object' && value !== null && Object.keys(value).length === 0,
    reason: 'Bedrock has no token bias setting.',
  },
  presence_penalty: { isUnset: (value) => value === 0, reason: 'Converse has no presence penalty.' },
  frequency_penalty: { isUnset: (value) => value === 0, reason: 'Converse has no frequency penalty.' },
  seed: { isUnset: () => false, reason: 'Converse has no sampling seed.' },
  n: { isUnset: (value) => value === 1, reason: 'Bedrock returns one choice per request (only `n: 1` is possible).' },
  audio: { isUnset: () => false, reason: 'Converse does not produce audio.' },
  modalities: {
    isUnset: (value) => Array.isArray(value) && value.every((modality) => modality === 'text'),
    reason: 'Converse produces text only (only `["text"]` is possible).',
  },
  prediction: { isUnset: () => false, reason: 'Bedrock has no predicted outputs.' },
  store: { isUnset: (value) => value === false, reason: 'Bedrock does not store completions.' },
  web_search_options: { isUnset: () => false, reason: 'Converse has no built-in web search.' },
  verbosity: { isUnset: () => false, reason: 'Converse has no verbosity setting.' },
  moderation: {
    isUnset: () => false,
    reason: 'Bedrock has no OpenAI moderation models; apply a Bedrock guardrail with `bedrock.guardrail` instead.',
  },
  prompt_cache_key: { isUnset: () => false, reason: 'Bedrock caches by cache points, not keys.' },
  prompt_cache_options: {
    // `{ mode: 'explicit' }` (or `{}`) asks for what Bedrock does: cache only at the breakpoints given.
    isUnset: (value) =>
      typeof value === 'object' && value !== null && Object.entries(value).every(([key, option]) => option === undefined || (key === 'mode' && option === 'explicit')),
    reason:
      'Bedrock caches only at the breakpoints given (`prompt_cache_breakpoint`, `cache_control`, or `bedrock.cache: "auto"`), for 5 minutes or 1 hour; it has no implicit breakpoint (`mode: "implicit"`) and no `ttl` option.',
  },
  prompt_cache_retention: { isUnset: () => false, reason: 'Bedrock caches by cache points, not retention settings.' },
};
