/**
 * Converse `toolConfig` validation as Bedrock does it: the model must support tool use (and in streams, streaming
 * tool use), tool names are unique and match the pattern, `toolChoice` is one the model supports and names a tool,
 * and every `toolUse` is answered by a `toolResult` in the next user turn, and only those.
 */
import type { ConverseRequestJson, JsonObject } from './converse.js';
import type { EmulatorModel } from './models.js';
import type { ValidationContext } from './validation.js';
import { at, constraintMessage, fail, isObject, MESSAGES, MODEL_ERROR_PREFIX } from './validation-messages.js';

interface ToolBlockRef {
  id: string;
  messageIndex: number;
  blockIndex: number;
}

export function validateTools(request: ConverseRequestJson, context: ValidationContext): void {
  const { model, operation } = context;
  const messages = request.messages ?? [];
  const toolConfig = request.toolConfig;
  const hasToolBlocks = messages.some((message) =>
    message.content.some((block) => block['toolUse'] !== undefined || block['toolResult'] !== undefined),
  );
  if (toolConfig === undefined) {
    if (hasToolBlocks) fail(MESSAGES.toolConfigRequired);
    return;
  }
  if (!isObject(toolConfig)) fail(constraintMessage(toolConfig, 'toolConfig', 'Member must be a structure'));
  if (model.toolChoice.length === 0) fail(MESSAGES.toolUseUnsupported);
  if (operation === 'ConverseStream' && !model.streamingToolUse) fail(MESSAGES.streamingToolUseUnsupported);
  const tools = toolConfig.tools;
  if (!Array.isArray(tools) || tools.length === 0) {
    fail(constraintMessage('[]', 'toolConfig.tools', 'Member must have length greater than or equal to 1'));
  }
  const names = new Set<string>();
  tools.forEach((tool, index) => {
    const spec = isObject(tool) ? tool['toolSpec'] : undefined;
    if (!isObject(spec)) return;
    const name = spec['name'];
    if (typeof name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(name)) {
      fail(
        constraintMessage(name, `toolConfig.tools.${index + 1}.member.toolSpec.name`, 'Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+'),
      );
    }
    if (names.has(name)) fail(`${MODEL_ERROR_PREFIX}tools: Tool names must be unique.`);
    names.add(name);
  });
  const choice = toolConfig.toolChoice;
  if (choice !== undefined) {
    const kind = (['auto', 'any', 'tool'] as const).find((key) => isObject(choice) && choice[key] !== undefined);
    if (kind === undefined) fail(constraintMessage(JSON.stringify(choice), 'toolConfig.toolChoice', 'Member must be one of auto, any, tool'));
    if (!model.toolChoice.includes(kind)) {
      fail(`This model doesn't support the toolConfig.toolChoice.${kind} field. Remove toolConfig.toolChoice.${kind} and try again.`);
    }
    if (kind === 'tool') {
      const name = (choice['tool'] as JsonObject)['name'];
      if (typeof name !== 'string' || !names.has(name)) {
        fail(`${MODEL_ERROR_PREFIX}tool_choice.name: Tool '${String(name)}' not found in provided tools`);
      }
    }
  }

  // toolUse / toolResult pairing, turn by turn.
  let previousToolUses: ToolBlockRef[] = [];
  messages.forEach((message, messageIndex) => {
    const toolUses: ToolBlockRef[] = [];
    const toolResults: ToolBlockRef[] = [];
    message.content.forEach((block, blockIndex) => {
      const toolUse = block['toolUse'];
      if (isObject(toolUse)) toolUses.push({ id: String(toolUse['toolUseId']), messageIndex, blockIndex });
      const toolResult = block['toolResult'];
      if (isObject(toolResult)) {
        toolResults.push({ id: String(toolResult['toolUseId']), messageIndex, blockIndex });
        if (toolResult['status'] !== undefined && !supportsToolResultStatus(model)) {
          fail("This model doesn't support the status field. Remove status and try again.");
        }
      }
    });
    if (message.role === 'user') {
      if (toolResults.length > previousToolUses.length) {
        fail(`The number of toolResult blocks at messages.${messageIndex}.content exceeds the number of toolUse blocks of previous turn.`);
      }
      const known = new Set(previousToolUses.map((use) => use.id));
      const unexpected = toolResults.filter((result) => !known.has(result.id));
      const first = unexpected[0];
      if (first !== undefined) {
        fail(
          at(
            `messages.${messageIndex}.content.${first.blockIndex}`,
            `unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${unexpected.map((result) => result.id).join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
          ),
        );
      }
      const answered = new Set(toolResults.map((result) => result.id));
      const missing = previousToolUses.filter((use) => !answered.has(use.id));
      const firstMissing = missing[0];
      if (firstMissing !== undefined) {
        fail(
          at(
            `messages.${firstMissing.messageIndex}`,
            `\`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.map((use) => use.id).join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
          ),
        );
      }
      previousToolUses = [];
    } else if (message.role === 'assistant') {
      previousToolUses = toolUses;
    }
  });
}

/** `ToolResultBlock.status` is "only supported by Amazon Nova and Anthropic Claude 3 and 4" (SDK docs). */
function supportsToolResultStatus(model: EmulatorModel): boolean {
  return model.id.startsWith('anthropic.') || model.id.startsWith('amazon.nova');
}
