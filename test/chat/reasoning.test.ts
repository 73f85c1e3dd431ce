import { describe, expect, it } from 'vitest';
import {
  convertReasoningDetails,
  DEFAULT_ANSWER_TOKENS,
  planReasoning,
  readReasoningEffort,
  type ReasoningModelFacts,
  type ReasoningRequestFacts,
  THINKING_BUDGETS,
  toReasoningDetail,
} from '../../src/chat/reasoning.js';
import type { ReasoningStyle } from '../../src/models/types.js';
import { badRequest } from './helpers.js';

const request = (facts: Partial<ReasoningRequestFacts> = {}): ReasoningRequestFacts => ({
  effort: undefined,
  maxTokens: undefined,
  temperature: undefined,
  topP: undefined,
  forcedToolChoice: false,
  additionalFields: undefined,
  ...facts,
});
const model = (style: ReasoningStyle, maxOutputTokens: number | null = 64_000): ReasoningModelFacts => ({ style, maxOutputTokens, model: '`test-model`' });

function plan(facts: Partial<ReasoningRequestFacts>, style: ReasoningStyle, maxOutputTokens?: number | null, effortLevels?: ReasoningModelFacts['effortLevels']) {
  const dropped: string[] = [];
  const result = planReasoning(request(facts), { ...model(style, maxOutputTokens), effortLevels }, (param) => dropped.push(param));
  return { ...result, dropped };
}

describe('readReasoningEffort', () => {
  it.each([undefined, null])('reads %j as unset', (value) => expect(readReasoningEffort(value)).toBeUndefined());
  it.each(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'])('accepts %s', (value) => expect(readReasoningEffort(value)).toBe(value));
  it.each(['maximum', 'HIGH', 3])('rejects %j, naming reasoning_effort', (value) => expect(badRequest(() => readReasoningEffort(value)).param).toBe('reasoning_effort'));
});

describe('planReasoning: mapping per family', () => {
  it.each([
    ['low', 1024, 1024 + DEFAULT_ANSWER_TOKENS],
    ['medium', 4096, 4096 + DEFAULT_ANSWER_TOKENS],
    ['high', 16_384, 16_384 + DEFAULT_ANSWER_TOKENS],
    ['xhigh', 32_768, 32_768 + DEFAULT_ANSWER_TOKENS],
  ] as const)('Claude %s → thinking budget %i and a default max_tokens of %i', (effort, budget, maxTokens) => {
    expect(THINKING_BUDGETS[effort]).toBe(budget);
    expect(plan({ effort }, 'anthropic-thinking')).toEqual({
      additionalFields: { thinking: { type: 'enabled', budget_tokens: budget } },
      maxTokens,
      enabled: true,
      thinking: true,
      dropped: [],
    });
  });

  it('Claude "max" on a model whose catalog lists effort "max" → adaptive thinking and outputConfig.effort "max", max_tokens left to Bedrock', () => {
    expect(plan({ effort: 'max' }, 'anthropic-thinking', 128_000, ['low', 'medium', 'high', 'max'])).toEqual({
      additionalFields: { thinking: { type: 'adaptive' } },
      outputEffort: 'max',
      enabled: true,
      thinking: true,
      dropped: [],
    });
  });

  it('keeps a max_tokens above the budget as given', () => {
    const result = plan({ effort: 'low', maxTokens: 2000 }, 'anthropic-thinking');
    expect(result.enabled).toBe(true);
    expect(result.maxTokens).toBeUndefined();
  });

  it.each(['low', 'medium', 'high'] as const)('Nova 2 %s → reasoningConfig', (effort) => {
    expect(plan({ effort }, 'nova-reasoning-config')).toMatchObject({ additionalFields: { reasoningConfig: { type: 'enabled', maxReasoningEffort: effort } }, enabled: true, thinking: false });
  });

  it.each(['low', 'medium', 'high'] as const)('gpt-oss %s → reasoning_effort', (effort) => {
    expect(plan({ effort }, 'openai-reasoning-effort')).toMatchObject({ additionalFields: { reasoning_effort: effort }, enabled: true });
  });

  it.each<ReasoningStyle>(['anthropic-thinking', 'nova-reasoning-config', 'openai-reasoning-effort', 'none'])('"none" and unset send nothing on %s', (style) => {
    for (const effort of ['none', undefined] as const) {
      expect(plan({ effort }, style)).toMatchObject({ additionalFields: {}, enabled: false, thinking: false });
    }
  });

  it('DeepSeek R1 reasons always; any reasoning_effort goes to the unsupported handler', () => {
    expect(plan({}, 'always-on')).toMatchObject({ additionalFields: {}, enabled: true, dropped: [] });
    expect(plan({ effort: 'high' }, 'always-on').dropped).toEqual(['reasoning_effort']);
    expect(plan({ effort: 'none' }, 'always-on').dropped).toEqual(['reasoning_effort']);
  });

  it.each<[string, Record<string, unknown>, ReasoningStyle, boolean]>([
    ['thinking enabled', { thinking: { type: 'enabled', budget_tokens: 2000 } }, 'anthropic-thinking', true],
    ['adaptive thinking', { thinking: { type: 'adaptive' } }, 'anthropic-thinking', true],
    ['thinking disabled', { thinking: { type: 'disabled' } }, 'anthropic-thinking', false],
    ['Nova reasoningConfig', { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' } }, 'nova-reasoning-config', true],
    ['gpt-oss reasoning_effort', { reasoning_effort: 'low' }, 'openai-reasoning-effort', true],
  ])('sees reasoning switched on by the user\'s own fields (%s) and adds nothing', (_name, additionalFields, style, enabled) => {
    expect(plan({ additionalFields }, style)).toMatchObject({ additionalFields: {}, enabled });
  });
});

describe('planReasoning: rules, before sending', () => {
  it.each<[string, Partial<ReasoningRequestFacts>, ReasoningStyle, string, RegExp]>([
    ['reasoning on a model without it', { effort: 'low' }, 'none', 'reasoning_effort', /does not support reasoning/],
    ['"minimal"', { effort: 'minimal' }, 'anthropic-thinking', 'reasoning_effort', /lowest level is "low"/],
    ['"xhigh" on Nova', { effort: 'xhigh' }, 'nova-reasoning-config', 'reasoning_effort', /"low", "medium" or "high"/],
    ['"xhigh" on gpt-oss', { effort: 'xhigh' }, 'openai-reasoning-effort', 'reasoning_effort', /"low", "medium" or "high"/],
    ['"max" on Nova', { effort: 'max' }, 'nova-reasoning-config', 'reasoning_effort', /"low", "medium" or "high"/],
    ['"max" on gpt-oss', { effort: 'max' }, 'openai-reasoning-effort', 'reasoning_effort', /"low", "medium" or "high"/],
    ['"max" on a Claude model without effort "max"', { effort: 'max' }, 'anthropic-thinking', 'reasoning_effort', /does not take `reasoning_effort` "max"/],
    ['max_tokens equal to the budget', { effort: 'low', maxTokens: 1024 }, 'anthropic-thinking', 'max_tokens', /greater than that budget/],
    ['max_completion_tokens below the budget', { effort: 'medium', maxTokens: 100, maxTokensParam: 'max_completion_tokens' }, 'anthropic-thinking', 'max_completion_tokens', /`max_completion_tokens` \(100\)/],
    ['a forced tool choice with thinking', { effort: 'low', forcedToolChoice: true }, 'anthropic-thinking', 'tool_choice', /forced `tool_choice`/],
    ['temperature ≠ 1 with thinking', { effort: 'low', temperature: 0.7 }, 'anthropic-thinking', 'temperature', /only as 1/],
    ['top_p < 0.95 with thinking', { effort: 'low', topP: 0.9 }, 'anthropic-thinking', 'top_p', /0\.95/],
    ['top_k with thinking', { effort: 'low', additionalFields: { top_k: 5 } }, 'anthropic-thinking', 'bedrock.additionalModelRequestFields.top_k', /top_k/],
    ['temperature with the user\'s own thinking', { temperature: 0.2, additionalFields: { thinking: { type: 'enabled', budget_tokens: 2048 } } }, 'anthropic-thinking', 'temperature', /additionalModelRequestFields\.thinking/],
    ['both reasoning_effort and thinking', { effort: 'low', additionalFields: { thinking: { type: 'enabled' } } }, 'anthropic-thinking', 'bedrock.additionalModelRequestFields.thinking', /give one of them/],
    ['both reasoning_effort and reasoningConfig', { effort: 'low', additionalFields: { reasoningConfig: {} } }, 'nova-reasoning-config', 'bedrock.additionalModelRequestFields.reasoningConfig', /give one of them/],
    ['temperature while Nova reasons', { effort: 'low', temperature: 0.5 }, 'nova-reasoning-config', 'temperature', /leave it unset/],
    ['top_p while Nova reasons', { effort: 'medium', topP: 0.5 }, 'nova-reasoning-config', 'top_p', /leave it unset/],
    ['max_tokens with Nova high effort', { effort: 'high', maxTokens: 1000 }, 'nova-reasoning-config', 'max_tokens', /"high"/],
  ])('rejects %s', (_name, facts, style, param, message) => {
    const error = badRequest(() => plan(facts, style));
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it('applies the thinking rules to "max" (adaptive thinking is thinking)', () => {
    const levels = ['low', 'medium', 'high', 'max'] as const;
    expect(badRequest(() => plan({ effort: 'max', forcedToolChoice: true }, 'anthropic-thinking', 128_000, levels)).param).toBe('tool_choice');
    expect(badRequest(() => plan({ effort: 'max', temperature: 0.5 }, 'anthropic-thinking', 128_000, levels)).param).toBe('temperature');
  });

  it('rejects an effort whose default max_tokens the model cannot produce, rather than clamping', () => {
    const error = badRequest(() => plan({ effort: 'high' }, 'anthropic-thinking', 8192));
    expect(error.param).toBe('reasoning_effort');
    expect(error.message).toContain('at most 8192');
    expect(plan({ effort: 'medium' }, 'anthropic-thinking', 8192).maxTokens).toBe(8192);
  });

  it('allows temperature 1 and top_p ≥ 0.95 with thinking, and max_tokens with Nova medium effort', () => {
    expect(plan({ effort: 'low', temperature: 1, topP: 0.95 }, 'anthropic-thinking').enabled).toBe(true);
    expect(plan({ effort: 'medium', maxTokens: 500 }, 'nova-reasoning-config').enabled).toBe(true);
  });
});

describe('convertReasoningDetails (replay)', () => {
  it('replays signed text and redacted data, in order, and leaves unsigned text out', () => {
    expect(
      convertReasoningDetails(
        [
          { type: 'reasoning.text', text: 'unsigned thought' },
          { type: 'reasoning.text', text: 'signed thought', signature: 'c2ln' },
          { type: 'reasoning.redacted', data: 'AQID' },
        ],
        'messages[1].reasoning_details',
      ),
    ).toEqual([
      { reasoningContent: { reasoningText: { text: 'signed thought', signature: 'c2ln' } } },
      { reasoningContent: { redactedContent: Buffer.from([1, 2, 3]) } },
    ]);
  });

  it.each([undefined, null, []])('gives nothing for %j', (details) => expect(convertReasoningDetails(details, 'x')).toEqual([]));

  it.each<[unknown, string]>([
    ['nope', 'm.reasoning_details'],
    [[5], 'm.reasoning_details[0]'],
    [[{ type: 'reasoning.summary', summary: 'x' }], 'm.reasoning_details[0].type'],
    [[{ type: 'reasoning.text' }], 'm.reasoning_details[0].text'],
    [[{ type: 'reasoning.text', text: 't', signature: '' }], 'm.reasoning_details[0].signature'],
    [[{ type: 'reasoning.redacted', data: 'not base64!' }], 'm.reasoning_details[0].data'],
  ])('rejects %j, naming %s', (details, param) => {
    expect(badRequest(() => convertReasoningDetails(details, 'm.reasoning_details')).param).toBe(param);
  });
});

describe('toReasoningDetail', () => {
  it.each([
    [{ reasoningText: { text: 'a', signature: 's' } }, { type: 'reasoning.text', text: 'a', signature: 's' }],
    [{ reasoningText: { text: 'a' } }, { type: 'reasoning.text', text: 'a' }],
    [{ redactedContent: Uint8Array.from([1, 2, 3]) }, { type: 'reasoning.redacted', data: 'AQID' }],
    [{ $unknown: ['future', {}] }, undefined],
  ] as const)('maps %j', (block, detail) => {
    expect(toReasoningDetail(block as never)).toEqual(detail);
  });
});
