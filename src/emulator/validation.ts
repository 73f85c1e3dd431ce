/**
 * Converse / ConverseStream request validation with Bedrock's own messages for the common traps.
 * {@link validateConverseRequest} is pure: it throws an {@link EmulatorError} (`ValidationException`, 400) or
 * returns the request typed.
 *
 * Messages quoted from real Bedrock responses (see `src/emulator/README.md` for sources); where no real wording
 * was found, the emulator follows Bedrock's "This model doesn't support the … field" pattern.
 */
import type { ConverseRequestJson, JsonObject } from './converse.js';
import { validateMedia } from './media.js';
import type { EmulatorModel } from './models.js';
import { readReasoningRequest, verifyReasoningSignature, verifyRedactedReasoning } from './reasoning.js';
import { validateTools } from './validate-tools.js';
import { at, cacheLimitMessage, constraintMessage, fail, isObject, maxTokensMessage, MESSAGES, MODEL_ERROR_PREFIX } from './validation-messages.js';

export { cacheLimitMessage, maxTokensMessage, MESSAGES } from './validation-messages.js';

export interface ValidationContext {
  model: EmulatorModel;
  operation: 'Converse' | 'ConverseStream';
}

/** Where the cache points of a request are, in order (tools, system, messages). */
export interface CachePointLocation {
  path: string;
  ttl: '5m' | '1h';
}

/** Lists the request's `cachePoint` blocks: `toolConfig.tools`, then `system`, then messages. */
export function findCachePoints(request: ConverseRequestJson): CachePointLocation[] {
  const points: CachePointLocation[] = [];
  const visit = (block: unknown, path: string): void => {
    if (!isObject(block) || !isObject(block['cachePoint'])) return;
    const ttl = block['cachePoint']['ttl'];
    points.push({ path, ttl: ttl === '1h' ? '1h' : '5m' });
  };
  (request.toolConfig?.tools ?? []).forEach((tool, index) => visit(tool, `toolConfig.tools.${index}`));
  (request.system ?? []).forEach((block, index) => visit(block, `system.${index}`));
  (request.messages ?? []).forEach((message, messageIndex) =>
    (isObject(message) && Array.isArray(message.content) ? message.content : []).forEach((block, blockIndex) =>
      visit(block, `messages.${messageIndex}.content.${blockIndex}`),
    ),
  );
  return points;
}

/**
 * Validates a Converse request body for `model`, as Bedrock does. Throws the first problem found, in roughly the
 * order Bedrock checks: model/operation support, message structure, tool blocks, inference parameters, reasoning,
 * cache points, structured output.
 */
export function validateConverseRequest(body: unknown, context: ValidationContext): ConverseRequestJson {
  const { model, operation } = context;
  if (model.kind !== 'chat' || !model.converse) fail(MESSAGES.unsupportedAction);
  if (operation === 'ConverseStream' && !model.converseStream) fail(MESSAGES.streamingUnsupported);
  if (!isObject(body)) fail('The request body must be a JSON object.');
  const request = body as ConverseRequestJson;

  validateMessages(request);
  validateDocumentNames(request);
  validateMedia(request, model.id);
  validateSystem(request, model);
  validateTools(request, context);
  const maxTokens = validateInferenceConfig(request, model);
  validateReasoning(request, model, maxTokens);
  validateCachePoints(request, model);
  validateOutputConfig(request, model);
  return request;
}

function validateMessages(request: ConverseRequestJson): void {
  const messages = request.messages;
  if (messages !== undefined && !Array.isArray(messages)) fail(constraintMessage(messages, 'messages', 'Member must be a list'));
  const list = messages ?? [];
  const conversation = list.filter((message) => !(isObject(message) && message.role === 'system'));
  list.forEach((message, index) => {
    if (!isObject(message)) fail(constraintMessage(message, `messages.${index + 1}.member`, 'Member must be a structure'));
    if (message.role !== 'user' && message.role !== 'assistant' && message.role !== 'system') {
      fail(
        constraintMessage(message.role, `messages.${index + 1}.member.role`, 'Member must satisfy enum value set: [user, assistant, system]'),
      );
    }
  });
  if (conversation.length === 0 || conversation[0]?.role !== 'user') fail(MESSAGES.startWithUser);
  for (let index = 1; index < conversation.length; index += 1) {
    if (conversation[index]?.role === conversation[index - 1]?.role) fail(MESSAGES.alternateRoles);
  }
  list.forEach((message, messageIndex) => {
    if (!Array.isArray(message.content) || message.content.length === 0) {
      fail(`The content field in the Message object at messages.${messageIndex} is empty. Add a ContentBlock object to the content field and try again.`);
    }
    message.content.forEach((block, blockIndex) => {
      if (!isObject(block)) fail(constraintMessage(block, `messages.${messageIndex}.content.${blockIndex}`, 'Member must be a structure'));
      const text = block['text'];
      if (text !== undefined && (typeof text !== 'string' || text.trim() === '')) {
        fail(
          `The text field in the ContentBlock object at messages.${messageIndex}.content.${blockIndex} is blank. Add text to the text field, and try again.`,
        );
      }
    });
  });
}

/**
 * Document names (AWS, DocumentBlock): alphanumerics, whitespace (no more than one in a row, ASCII whitespace as in
 * the service model's patterns), hyphens, parentheses and square brackets; unique across the request ("Messages
 * can't contain duplicate document names.", as Bedrock words it). The charset message is the emulator's own.
 */
function validateDocumentNames(request: ConverseRequestJson): void {
  const seen = new Set<string>();
  const check = (block: unknown, path: string): void => {
    const document = isObject(block) && isObject(block['document']) ? block['document'] : undefined;
    const name = document?.['name'];
    if (typeof name !== 'string') return;
    if (!/^[a-zA-Z0-9 \t\n\v\f\r\-()[\]]*$/.test(name) || /[ \t\n\v\f\r]{2}/.test(name)) {
      fail(
        `The document name at ${path}.document.name is invalid. A name may contain only alphanumeric characters, whitespace characters (no more than one in a row), hyphens, parentheses and square brackets.`,
      );
    }
    if (seen.has(name)) fail("Messages can't contain duplicate document names.");
    seen.add(name);
  };
  (request.messages ?? []).forEach((message, messageIndex) =>
    (isObject(message) && Array.isArray(message.content) ? message.content : []).forEach((block, blockIndex) => {
      const path = `messages.${messageIndex}.content.${blockIndex}`;
      check(block, path);
      const results = isObject(block) && isObject(block['toolResult']) ? block['toolResult']['content'] : undefined;
      if (Array.isArray(results)) results.forEach((item, itemIndex) => check(item, `${path}.toolResult.content.${itemIndex}`));
    }),
  );
}

function validateSystem(request: ConverseRequestJson, model: EmulatorModel): void {
  const system = request.system;
  if (system === undefined) return;
  if (!Array.isArray(system)) fail(constraintMessage(system, 'system', 'Member must be a list'));
  if (system.length > 0 && !model.systemPrompt) fail(MESSAGES.systemUnsupported);
  system.forEach((block, index) => {
    const text = isObject(block) ? block['text'] : undefined;
    if (text !== undefined && (typeof text !== 'string' || text.trim() === '')) {
      fail(`The text field in the SystemContentBlock object at system.${index} is blank. Add text to the text field, and try again.`);
    }
  });
}

function validateInferenceConfig(request: ConverseRequestJson, model: EmulatorModel): number {
  const config = request.inferenceConfig;
  if (config === undefined) return model.maxOutputTokens;
  if (!isObject(config)) fail(constraintMessage(config, 'inferenceConfig', 'Member must be a structure'));
  const { maxTokens, temperature, topP, stopSequences } = config;
  if (maxTokens !== undefined) {
    if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
      fail(constraintMessage(maxTokens, 'inferenceConfig.maxTokens', 'Member must have value greater than or equal to 1'));
    }
    if (maxTokens > model.maxOutputTokens) fail(maxTokensMessage(model.maxOutputTokens));
  }
  for (const [name, value] of [
    ['temperature', temperature],
    ['topP', topP],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || value < 0) {
      fail(constraintMessage(value, `inferenceConfig.${name}`, 'Member must have value greater than or equal to 0'));
    }
    if (value > 1) fail(constraintMessage(value, `inferenceConfig.${name}`, 'Member must have value less than or equal to 1'));
  }
  if (temperature !== undefined && topP !== undefined && model.samplingParametersExclusive) fail(MESSAGES.temperatureAndTopP);
  if (stopSequences !== undefined && (!Array.isArray(stopSequences) || stopSequences.some((item) => typeof item !== 'string'))) {
    fail(constraintMessage(JSON.stringify(stopSequences), 'inferenceConfig.stopSequences', 'Member must be a list of strings'));
  }
  return maxTokens ?? model.maxOutputTokens;
}

function validateReasoning(request: ConverseRequestJson, model: EmulatorModel, maxTokens: number): void {
  const fields = request.additionalModelRequestFields;
  if (fields !== undefined && !isObject(fields)) {
    fail(constraintMessage(fields, 'additionalModelRequestFields', 'Member must be a JSON object'));
  }
  if (model.id.startsWith('anthropic.') && model.reasoning === undefined && isObject(fields?.['thinking'])) {
    fail(MESSAGES.thinkingUnsupported);
  }
  if (model.reasoning === 'nova-reasoning-config' && isObject(fields?.['reasoningConfig'])) {
    const effort = fields['reasoningConfig']['maxReasoningEffort'];
    if (effort !== undefined && effort !== 'low' && effort !== 'medium' && effort !== 'high') {
      fail(`${MODEL_ERROR_PREFIX}reasoningConfig.maxReasoningEffort: Input should be 'low', 'medium' or 'high'`);
    }
  }
  if (model.reasoning === 'reasoning-effort' && fields?.['reasoning_effort'] !== undefined) {
    const effort = fields['reasoning_effort'];
    if (effort !== 'low' && effort !== 'medium' && effort !== 'high') {
      fail(`${MODEL_ERROR_PREFIX}reasoning_effort: Input should be 'low', 'medium' or 'high'`);
    }
  }
  if (model.reasoning !== 'anthropic-thinking') return;
  const reasoning = readReasoningRequest(model, fields);
  if (reasoning === undefined) return;
  const thinkingField = fields?.['thinking'];
  if (isObject(thinkingField) && thinkingField['type'] === 'enabled' && typeof thinkingField['budget_tokens'] !== 'number') {
    fail(at('thinking.enabled.budget_tokens', 'Field required'));
  }
  if (reasoning.budgetTokens !== undefined) {
    if (reasoning.budgetTokens < 1024) fail(MESSAGES.thinkingBudgetMinimum);
    if (maxTokens <= reasoning.budgetTokens) fail(MESSAGES.thinkingBudgetBelowMax);
  }
  const choice = request.toolConfig?.toolChoice;
  if (isObject(choice) && (choice['any'] !== undefined || choice['tool'] !== undefined)) fail(MESSAGES.thinkingForcedTool);
  const { temperature, topP } = request.inferenceConfig ?? {};
  if (temperature !== undefined && temperature !== 1) fail(MESSAGES.thinkingTemperature);
  if (topP !== undefined && topP < 0.95) fail(MESSAGES.thinkingTopP);
  if (fields?.['top_k'] !== undefined) fail(MESSAGES.thinkingTopK);
  validateReplayedReasoning(request);
}

/**
 * With thinking on, replayed reasoning must be signed and unchanged, redacted reasoning must be a blob the emulator
 * issued, and the assistant turn that made the last tool calls must start with its reasoning block (Claude's rules).
 */
function validateReplayedReasoning(request: ConverseRequestJson): void {
  const messages = request.messages ?? [];
  messages.forEach((message, messageIndex) => {
    if (message.role !== 'assistant') return;
    message.content.forEach((block, blockIndex) => {
      const reasoning = block['reasoningContent'];
      if (isObject(reasoning) && reasoning['redactedContent'] !== undefined && !verifyRedactedReasoning(reasoning['redactedContent'])) {
        fail(at(`messages.${messageIndex}.content.${blockIndex}`, 'Invalid `data` in `redacted_thinking` block'));
      }
      if (!isObject(reasoning) || !isObject(reasoning['reasoningText'])) return;
      const { text, signature } = reasoning['reasoningText'];
      if (typeof signature !== 'string' || signature === '') {
        fail(at(`messages.${messageIndex}.content.${blockIndex}.thinking.signature`, 'Field required'));
      }
      if (typeof text !== 'string' || !verifyReasoningSignature(text, signature)) {
        fail(at(`messages.${messageIndex}.content.${blockIndex}`, 'Invalid `signature` in `thinking` block'));
      }
    });
  });
  // The final assistant turn of an unfinished tool loop must start with a thinking block.
  const last = messages[messages.length - 1];
  const previous = messages[messages.length - 2];
  if (
    last?.role === 'user' &&
    previous?.role === 'assistant' &&
    last.content.some((block) => block['toolResult'] !== undefined) &&
    previous.content.some((block) => block['toolUse'] !== undefined)
  ) {
    const first = previous.content[0];
    if (first !== undefined && first['reasoningContent'] === undefined) {
      const found = first['toolUse'] !== undefined ? 'tool_use' : first['text'] !== undefined ? 'text' : 'other';
      fail(
        at(
          `messages.${messages.length - 2}.content.0.type`,
          `Expected \`thinking\` or \`redacted_thinking\`, but found \`${found}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking`,
        ),
      );
    }
  }
}

function validateCachePoints(request: ConverseRequestJson, model: EmulatorModel): void {
  const points = findCachePoints(request);
  for (const point of points) {
    const ttl = lookupTtl(request, point.path);
    if (ttl !== undefined && ttl !== '5m' && ttl !== '1h') {
      fail(constraintMessage(ttl, `${point.path}.cachePoint.ttl`, 'Member must satisfy enum value set: [5m, 1h]'));
    }
    if (ttl === '1h' && !model.extendedCacheTtl) {
      if (model.id.startsWith('anthropic.')) fail(at(`${point.path}.cache_control.ttl`, 'Extra inputs are not permitted'));
      fail(MESSAGES.extendedTtlNonAnthropic);
    }
  }
  if (points.length > 4 && model.promptCaching) fail(cacheLimitMessage(points.length));
}

function lookupTtl(request: ConverseRequestJson, path: string): unknown {
  let current: unknown = request;
  for (const key of path.split('.')) {
    if (current === undefined || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return isObject(current) && isObject(current['cachePoint']) ? current['cachePoint']['ttl'] : undefined;
}

/** Models with native structured output (structured-output.md): Claude 4.5+ and selected open-weight families. */
export function supportsStructuredOutput(model: EmulatorModel): boolean {
  if (model.id.startsWith('anthropic.')) return model.extendedCacheTtl;
  return /^(qwen|deepseek|mistral|google|nvidia|minimax|moonshot|moonshotai|openai)\./.test(model.id);
}

function validateOutputConfig(request: ConverseRequestJson, model: EmulatorModel): void {
  const outputConfig = request['outputConfig'];
  if (outputConfig === undefined) return;
  if (!isObject(outputConfig)) fail(constraintMessage(outputConfig, 'outputConfig', 'Member must be a structure'));
  const textFormat = outputConfig['textFormat'];
  if (textFormat === undefined) return;
  if (!supportsStructuredOutput(model)) {
    fail("This model doesn't support the outputConfig.textFormat field. Remove outputConfig.textFormat and try again.");
  }
  const schema = readOutputSchema(request);
  if (schema instanceof Error) fail(schema.message);
}

/**
 * The parsed JSON Schema of `outputConfig.textFormat` (its `schema` member is a JSON *string*), `undefined`
 * when the request has none, or an Error describing why it is unusable.
 */
export function readOutputSchema(request: ConverseRequestJson): JsonObject | undefined | Error {
  const textFormat = (request['outputConfig'] as JsonObject | undefined)?.['textFormat'];
  if (!isObject(textFormat)) return undefined;
  if (textFormat['type'] !== 'json_schema') {
    return new Error(constraintMessage(textFormat['type'], 'outputConfig.textFormat.type', 'Member must satisfy enum value set: [json_schema]'));
  }
  const jsonSchema = isObject(textFormat['structure']) ? textFormat['structure']['jsonSchema'] : undefined;
  const schemaText = isObject(jsonSchema) ? jsonSchema['schema'] : undefined;
  if (typeof schemaText !== 'string') {
    return new Error(
      constraintMessage(schemaText, 'outputConfig.textFormat.structure.jsonSchema.schema', 'Member must be a string containing a JSON Schema'),
    );
  }
  try {
    const parsed = JSON.parse(schemaText) as unknown;
    if (!isObject(parsed)) throw new Error('not an object');
    return parsed;
  } catch {
    return new Error('The JSON schema in outputConfig.textFormat.structure.jsonSchema.schema is not valid JSON. Fix the schema and try again.');
  }
}

