/**
 * The second, model-aware step of building a Converse request (pure): once the model is resolved, the plan from
 * `convertToConverseRequest` is finished for it, and every rule the model enforces is checked before sending.
 *
 * 1. Reasoning: `reasoning_effort` → the family's `additionalModelRequestFields` (and `maxTokens` for Claude
 *    thinking), with the family's rules (`reasoning.ts`).
 * 2. Structured output: `response_format` → native `outputConfig`, a forced JSON tool, or a system instruction
 *    (`structured-output.ts`).
 * 3. Capabilities: tools, images, documents, system prompts, streaming, temperature with top_p (`capabilities.ts`;
 *    `top_p: 1` beside `temperature` is dropped first on models that refuse the pair: it changes nothing).
 * 4. Prompt caching: `bedrock.cache: 'auto'` placed; cache points only on models with prompt caching, tool cache
 *    points only where tools can be cached, `ttl: '1h'` only where the model allows it, at most four.
 *
 * A model the catalog does not know (an ARN without `bedrock.baseModel`, a new ID) is not checked: its request is
 * sent as asked, with native structured output for `json_schema`, and Bedrock judges it. Only `reasoning_effort`
 * needs the family, so it asks for `bedrock.baseModel`.
 */
import type { ConverseCommandInput, SystemContentBlock, Tool } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';
import type { ModelEntry } from '../models/types.js';
import { addAutoCachePoints, type CachePointUse, checkCachePointCount } from './cache-points.js';
import { checkCapabilities, describeModel, dropNoOpTopP } from './capabilities.js';
import { planReasoning, type ReasoningPlan } from './reasoning.js';
import {
  chooseStructuredOutputMode,
  createJsonTool,
  createOutputConfig,
  JSON_OBJECT_INSTRUCTION,
  type StructuredOutputPlan,
} from './structured-output.js';
import type { ConverseRequestPlan } from './to-converse-request.js';
import type { UnsupportedParamHandler } from './unsupported-params.js';

export interface AdaptedRequest {
  /** The Converse input to send (without `modelId`). */
  input: Omit<ConverseCommandInput, 'modelId'>;
  /** How `response_format` is served, for the response converters; `undefined` for plain text. */
  structuredOutput: StructuredOutputPlan | undefined;
  /** Whether the model reasons on this request. */
  reasoning: boolean;
}

/** Finishes `plan` for the resolved model (see the module comment). Does not modify `plan`. */
export function adaptRequestToModel(
  plan: ConverseRequestPlan,
  model: { entry: ModelEntry | undefined; modelId: string },
  unsupported: UnsupportedParamHandler,
): AdaptedRequest {
  const { entry, modelId } = model;
  const capabilities = entry?.capabilities;
  const name = entry === undefined ? `\`${modelId}\`` : describeModel(entry, modelId);
  const input = cloneInput(plan.input);
  // `top_p: 1` with `temperature` on a model that refuses the pair changes nothing: dropped, not refused.
  const noOp = dropNoOpTopP(input.inferenceConfig, { ...plan.features }, capabilities);
  if (noOp.inference !== input.inferenceConfig) input.inferenceConfig = noOp.inference;
  const features = noOp.features;
  const inference = input.inferenceConfig;

  // 1. Reasoning.
  let reasoning: ReasoningPlan = { additionalFields: {}, enabled: false, thinking: false };
  if (capabilities !== undefined) {
    reasoning = planReasoning(
      {
        effort: plan.reasoningEffort,
        maxTokens: inference?.maxTokens,
        ...(plan.maxTokensParam === undefined ? {} : { maxTokensParam: plan.maxTokensParam }),
        temperature: inference?.temperature,
        topP: inference?.topP,
        forcedToolChoice: features.toolChoice !== undefined && features.toolChoice.value !== 'auto',
        additionalFields: plan.additionalModelRequestFields,
      },
      { style: capabilities.reasoning, maxOutputTokens: entry?.maxOutputTokens ?? null, model: name, effortLevels: capabilities.effortLevels },
      unsupported,
    );
  } else if (plan.reasoningEffort !== undefined && plan.reasoningEffort !== 'none') {
    throw BadRequestError.forParam(
      'reasoning_effort',
      `\`reasoning_effort\` is sent differently by each model family, and the catalog does not know ${name}; set \`bedrock.baseModel\` to the model it runs (an alias or base model ID).`,
    );
  }
  if (Object.keys(reasoning.additionalFields).length > 0) {
    input.additionalModelRequestFields = { ...(input.additionalModelRequestFields as Record<string, unknown> | undefined), ...reasoning.additionalFields } as never;
  }
  if (reasoning.maxTokens !== undefined) input.inferenceConfig = { ...input.inferenceConfig, maxTokens: reasoning.maxTokens };
  if (reasoning.outputEffort !== undefined) input.outputConfig = { ...input.outputConfig, effort: reasoning.outputEffort };

  // 2. Structured output.
  let structuredOutput: StructuredOutputPlan | undefined;
  const format = plan.responseFormat;
  if (format !== undefined) {
    const toolChoices = capabilities?.toolChoice ?? ['tool'];
    const forcedChoice = toolChoices.includes('tool') ? 'tool' : toolChoices.includes('any') ? 'any' : undefined;
    const existingTools = input.toolConfig?.tools ?? [];
    const mode = chooseStructuredOutputMode(format, {
      nativeStructuredOutput: capabilities?.structuredOutput,
      forcedTool: (capabilities?.tools ?? true) && forcedChoice !== undefined && (forcedChoice === 'tool' || existingTools.length === 0),
      thinking: reasoning.thinking,
      userTools: features.tools !== undefined,
      toolNames: new Set(existingTools.flatMap((tool) => (tool.toolSpec?.name === undefined ? [] : [tool.toolSpec.name]))),
      model: name,
    });
    switch (mode.via) {
      case 'native':
        if (format.type !== 'json_schema') throw new Error('native structured output is only chosen for json_schema');
        input.outputConfig = { ...input.outputConfig, ...createOutputConfig(format) };
        break;
      case 'tool': {
        const { tool, toolChoice } = createJsonTool(format, mode.toolName, forcedChoice ?? 'tool');
        input.toolConfig = { tools: [...existingTools, tool], toolChoice };
        features.tools = 'response_format';
        break;
      }
      case 'instruction': {
        const system: SystemContentBlock[] = [...(input.system ?? []), { text: JSON_OBJECT_INSTRUCTION }];
        input.system = system;
        features.system ??= 'response_format';
        break;
      }
      default: {
        const exhaustive: never = mode;
        throw new Error(`Unhandled structured output mode ${JSON.stringify(exhaustive)}`);
      }
    }
    structuredOutput = { type: format.type, mode };
  }

  // 3. Capabilities.
  checkCapabilities(entry, modelId, features);

  // 4. Prompt caching.
  const uses: CachePointUse[] = [...plan.cachePoints];
  if (plan.autoCache !== undefined || uses.length > 0) {
    const caching = capabilities?.promptCaching;
    const first = uses[0]?.param ?? 'bedrock.cache';
    if (capabilities !== undefined && (caching === null || caching === undefined)) {
      throw BadRequestError.forParam(first, `${name} does not support prompt caching on Bedrock (\`${first}\`).`, 'unsupported_feature');
    }
    if (plan.autoCache !== undefined) {
      const added = addAutoCachePoints(
        { system: input.system ?? [], messages: input.messages ?? [], tools: input.toolConfig?.tools as Tool[] | undefined },
        plan.autoCache.ttl,
        caching?.tools ?? true,
      );
      uses.unshift(...added.filter((use) => use.tools === true));
      uses.push(...added.filter((use) => use.tools !== true));
    }
    if (caching !== undefined && caching !== null) {
      const toolUse = uses.find((use) => use.tools === true && use.param !== 'bedrock.cache');
      if (toolUse !== undefined && !caching.tools) {
        throw BadRequestError.forParam(toolUse.param, `${name} does not support caching tool definitions on Bedrock (\`${toolUse.param}\`); put \`cache_control\` on the system prompt or a message instead.`, 'unsupported_feature');
      }
      for (const use of uses) {
        if (use.ttl !== undefined && !caching.ttls.includes(use.ttl)) {
          throw BadRequestError.forParam(
            `${use.param}.ttl`,
            `${name} does not support the prompt-cache TTL "${use.ttl}" on Bedrock (it takes ${caching.ttls.map((ttl) => `"${ttl}"`).join(', ')}).`,
            'unsupported_feature',
          );
        }
      }
    }
    checkCachePointCount(uses);
  }
  return { input, structuredOutput, reasoning: reasoning.enabled };
}

/**
 * A copy of the input deep enough that adapting it never changes the plan: the arrays and objects this step
 * adds to (system, the last user message's content, tools, additional fields, inference config) are new.
 */
function cloneInput(input: Omit<ConverseCommandInput, 'modelId'>): Omit<ConverseCommandInput, 'modelId'> {
  const copy = { ...input };
  if (input.system !== undefined) copy.system = [...input.system];
  if (input.messages !== undefined) copy.messages = input.messages.map((message) => ({ ...message, content: [...(message.content ?? [])] }));
  if (input.toolConfig !== undefined) copy.toolConfig = { ...input.toolConfig, tools: [...(input.toolConfig.tools ?? [])] };
  if (input.inferenceConfig !== undefined) copy.inferenceConfig = { ...input.inferenceConfig };
  return copy;
}
