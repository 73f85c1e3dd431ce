/**
 * Deterministic model behaviour for Converse and ConverseStream. {@link replyFor} turns a validated request
 * into the assistant's content blocks, stop reason, usage and trace — a pure function of the request, the model
 * and the instance's prompt-cache memory. The rules (also in `src/emulator/README.md`):
 *
 * - **Text**: `You said: <the last user message's text>` (a greeting when there is none; after tool results,
 *   `Tool <name> returned: <result>` per result). Cut at the first stop sequence (`stop_sequence`) or at
 *   `maxTokens` tokens (`max_tokens`).
 * - **Tokens**: whitespace-separated words ({@link countTokens}), for input and output alike.
 * - **Tools**: with `toolChoice.any` or `.tool`, or when the last user text names tools (whole word), the reply is
 *   `toolUse` blocks (one per named tool, in tool order; `any` with no name → the first tool) whose `input` is
 *   generated from the tool's JSON schema, stop reason `tool_use`.
 * - **Reasoning**: when enabled, a first `reasoningContent` block (signed for Claude). Claude 3.7 Sonnet, when the
 *   last user text contains {@link ReplyContext.redactedThinkingTrigger}, returns it redacted instead
 *   (`redactedContent`, a blob the emulator can verify on replay).
 * - **Structured output**: `outputConfig.textFormat` → the text is JSON generated from the schema.
 * - **Guardrails**: with `guardrailConfig`, user text containing the trigger word → `guardrail_intervened`.
 * - **Citations**: documents of the last user turn with `citations.enabled` → `citationsContent` blocks after the
 *   text (`media.ts`).
 */
import { createHash } from 'node:crypto';
import { citationBlocks } from './media.js';
import type { EmulatorModel } from './models.js';
import type { PromptCache } from './prompt-cache.js';
import { createRedactedReasoning, readReasoningRequest, shouldRedactReasoning, signReasoning } from './reasoning.js';
import { generateFromSchema } from './schema-value.js';
import { countTokens, splitTokens } from './tokens.js';
import { readOutputSchema } from './validation.js';

export type JsonObject = Record<string, unknown>;

/** One content block of a Converse message, as JSON on the wire. */
export type ContentBlockJson = JsonObject;

export interface ConverseMessageJson {
  role: string;
  content: ContentBlockJson[];
}

/** The Converse request body (the model ID travels in the path). */
export interface ConverseRequestJson {
  messages?: ConverseMessageJson[];
  system?: JsonObject[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  toolConfig?: { tools?: JsonObject[]; toolChoice?: JsonObject };
  guardrailConfig?: { guardrailIdentifier?: string; guardrailVersion?: string; trace?: string };
  additionalModelRequestFields?: JsonObject;
  additionalModelResponseFieldPaths?: string[];
  [member: string]: unknown;
}

export interface TokenUsageJson {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
  cacheDetails?: Array<{ ttl: '5m' | '1h'; inputTokens: number }>;
}

export type StopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence' | 'guardrail_intervened';

export interface ConverseReply {
  content: ContentBlockJson[];
  stopReason: StopReason;
  usage: TokenUsageJson;
  additionalModelResponseFields?: JsonObject;
  trace?: JsonObject;
}

/** Reply text when the conversation holds no user text at all. */
export const GREETING = 'Hello from the Bedrock emulator.';
/** Default word that makes a configured guardrail intervene (case-insensitive substring of user text). */
export const DEFAULT_GUARDRAIL_TRIGGER = 'blocked-topic';
/** What the emulated guardrail answers with, like Bedrock's default blocked-input message. */
export const GUARDRAIL_BLOCKED_MESSAGE = 'Sorry, the model cannot answer this question.';

export interface ReplyContext {
  model: EmulatorModel;
  /** Instance memory for prompt caching; omit to ignore cache points. */
  promptCache?: PromptCache;
  guardrailTrigger?: string;
  /**
   * Last-user-text substring that makes a redacting model (Claude 3.7 Sonnet) return its thinking as a
   * `redactedContent` block. Omitted: reasoning is never redacted (the InvokeModel path passes none).
   */
  redactedThinkingTrigger?: string;
}

function textOf(block: ContentBlockJson): string | undefined {
  return typeof block['text'] === 'string' ? block['text'] : undefined;
}

/** All user-visible text of a message's blocks, joined with newlines. */
export function messageText(message: ConverseMessageJson | undefined): string {
  if (message === undefined) return '';
  return message.content
    .map(textOf)
    .filter((text): text is string => text !== undefined)
    .join('\n');
}

/** Tokens of one content block: text, tool input/result payloads, reasoning text, guarded text. */
export function countBlockTokens(block: ContentBlockJson): number {
  const text = textOf(block);
  if (text !== undefined) return countTokens(text);
  if (block['toolUse'] !== undefined) return countTokens(JSON.stringify((block['toolUse'] as JsonObject)['input'] ?? {}));
  if (block['toolResult'] !== undefined) {
    const content = ((block['toolResult'] as JsonObject)['content'] as JsonObject[] | undefined) ?? [];
    return content.reduce((sum, item) => sum + countTokens(toolResultItemText(item)), 0);
  }
  const reasoningText = (block['reasoningContent'] as JsonObject | undefined)?.['reasoningText'] as JsonObject | undefined;
  if (typeof reasoningText?.['text'] === 'string') return countTokens(reasoningText['text']);
  const guarded = ((block['guardContent'] as JsonObject | undefined)?.['text'] as JsonObject | undefined)?.['text'];
  if (typeof guarded === 'string') return countTokens(guarded);
  return 0;
}

function toolResultItemText(item: JsonObject): string {
  return typeof item['text'] === 'string' ? item['text'] : JSON.stringify(item['json'] ?? '');
}

/** Tokens of the request's input: system text, message blocks, tool definitions. */
export function countInputTokens(request: ConverseRequestJson): number {
  let total = 0;
  for (const block of request.system ?? []) total += countBlockTokens(block);
  for (const message of request.messages ?? []) for (const block of message.content) total += countBlockTokens(block);
  for (const tool of request.toolConfig?.tools ?? []) {
    if (tool['toolSpec'] !== undefined) total += countTokens(JSON.stringify(tool['toolSpec']));
  }
  return total;
}

function lastUserMessage(request: ConverseRequestJson): ConverseMessageJson | undefined {
  const messages = request.messages ?? [];
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    if (messages[index]?.role === 'user') return messages[index];
  }
  return undefined;
}

/** The user text the reply is derived from (text blocks and guarded text of the last user message). */
export function lastUserText(request: ConverseRequestJson): string {
  const message = lastUserMessage(request);
  if (message === undefined) return '';
  return message.content
    .map((block) => textOf(block) ?? (((block['guardContent'] as JsonObject | undefined)?.['text'] as JsonObject | undefined)?.['text'] as string | undefined))
    .filter((text): text is string => typeof text === 'string')
    .join('\n')
    .trim();
}

/** Name of the tool each `toolUseId` of the conversation called. */
function toolNamesById(request: ConverseRequestJson): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of request.messages ?? []) {
    for (const block of message.content) {
      const toolUse = block['toolUse'] as JsonObject | undefined;
      if (toolUse !== undefined) names.set(String(toolUse['toolUseId']), String(toolUse['name']));
    }
  }
  return names;
}

/** The echo reply: `You said: …`, or a summary of tool results when the last user turn carries them. */
export function echoText(request: ConverseRequestJson): string {
  const message = lastUserMessage(request);
  const results = (message?.content ?? []).map((block) => block['toolResult'] as JsonObject | undefined).filter((result) => result !== undefined);
  if (results.length > 0) {
    const names = toolNamesById(request);
    return results
      .map((result) => {
        const content = ((result['content'] as JsonObject[] | undefined) ?? []).map(toolResultItemText).join(' ');
        return `Tool ${names.get(String(result['toolUseId'])) ?? String(result['toolUseId'])} returned: ${content}`;
      })
      .join('\n');
  }
  const text = lastUserText(request);
  return text === '' ? GREETING : `You said: ${text}`;
}

export interface LimitedText {
  text: string;
  stopReason: 'end_turn' | 'max_tokens' | 'stop_sequence';
  /** The stop sequence that fired. */
  stopSequence?: string;
}

/**
 * Applies `stopSequences` and a token budget to a reply text: cut before the earliest stop sequence
 * (`stop_sequence`), else at `maxTokens` tokens (`max_tokens`), else `end_turn`.
 */
export function limitText(text: string, maxTokens: number | undefined, stopSequences: readonly string[] | undefined): LimitedText {
  let earliest = -1;
  let sequenceFound: string | undefined;
  for (const sequence of stopSequences ?? []) {
    if (sequence === '') continue;
    const index = text.indexOf(sequence);
    if (index !== -1 && (earliest === -1 || index < earliest)) {
      earliest = index;
      sequenceFound = sequence;
    }
  }
  const cut = earliest === -1 ? text : text.slice(0, earliest);
  if (maxTokens !== undefined) {
    const tokens = splitTokens(cut);
    if (tokens.length > maxTokens) return { text: tokens.slice(0, maxTokens).join(''), stopReason: 'max_tokens' };
  }
  return sequenceFound === undefined ? { text: cut, stopReason: 'end_turn' } : { text: cut, stopReason: 'stop_sequence', stopSequence: sequenceFound };
}

/** A stable `toolUseId` (`tooluse_` + 22 characters) derived from the request and position. */
export function toolUseIdFor(seed: string, index: number): string {
  return `tooluse_${createHash('sha256').update(`${seed}\u0000${index}`).digest('base64url').slice(0, 22)}`;
}

interface ToolSpecJson {
  name: string;
  schema: unknown;
}

function toolSpecs(request: ConverseRequestJson): ToolSpecJson[] {
  const specs: ToolSpecJson[] = [];
  for (const tool of request.toolConfig?.tools ?? []) {
    const spec = tool['toolSpec'] as JsonObject | undefined;
    if (spec === undefined || typeof spec['name'] !== 'string') continue;
    specs.push({ name: spec['name'], schema: (spec['inputSchema'] as JsonObject | undefined)?.['json'] ?? { type: 'object' } });
  }
  return specs;
}

/**
 * The tools the reply calls: the forced tool; for `any`, the named tools or else the first; for `auto`, the
 * tools whose names appear as whole words in the last user text (none after a tool-result turn).
 */
export function selectTools(request: ConverseRequestJson): ToolSpecJson[] {
  const specs = toolSpecs(request);
  if (specs.length === 0) return [];
  const choice = request.toolConfig?.toolChoice;
  const forcedName = ((choice?.['tool'] as JsonObject | undefined)?.['name'] as string | undefined) ?? undefined;
  if (forcedName !== undefined) return specs.filter((spec) => spec.name === forcedName);
  const text = lastUserText(request).toLowerCase();
  const named = specs.filter((spec) => new RegExp(`(^|[^a-z0-9_-])${spec.name.toLowerCase().replace(/[-]/g, '\\-')}($|[^a-z0-9_-])`).test(text));
  if (choice?.['any'] !== undefined) return named.length > 0 ? named : specs.slice(0, 1);
  const afterToolResult = lastUserMessage(request)?.content.some((block) => block['toolResult'] !== undefined) ?? false;
  return afterToolResult ? [] : named;
}

function guardrailIntervenes(request: ConverseRequestJson, trigger: string): boolean {
  if (request.guardrailConfig === undefined || trigger === '') return false;
  const needle = trigger.toLowerCase();
  for (const message of request.messages ?? []) {
    if (message.role !== 'user') continue;
    for (const block of message.content) {
      const text = textOf(block) ?? (((block['guardContent'] as JsonObject | undefined)?.['text'] as JsonObject | undefined)?.['text'] as string | undefined);
      if (typeof text === 'string' && text.toLowerCase().includes(needle)) return true;
    }
  }
  return false;
}

/** The `trace.guardrail` object for a guardrail decision. */
export function guardrailTrace(request: ConverseRequestJson, intervened: boolean): JsonObject {
  const id = request.guardrailConfig?.guardrailIdentifier ?? 'guardrail';
  return {
    guardrail: {
      inputAssessment: {
        [id]: intervened
          ? { topicPolicy: { topics: [{ name: 'EmulatorBlockedTopic', type: 'DENY', action: 'BLOCKED', detected: true }] } }
          : {},
      },
      ...(intervened ? { actionReason: 'Guardrail blocked.' } : {}),
    },
  };
}

function usageFor(inputTokens: number, outputTokens: number, cache: ReturnType<PromptCache['apply']>): TokenUsageJson {
  if (cache === undefined) return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
  const uncached = Math.max(0, inputTokens - cache.cacheReadInputTokens - cache.cacheWriteInputTokens);
  return {
    inputTokens: uncached,
    outputTokens,
    totalTokens: uncached + outputTokens + cache.cacheReadInputTokens + cache.cacheWriteInputTokens,
    cacheReadInputTokens: cache.cacheReadInputTokens,
    cacheWriteInputTokens: cache.cacheWriteInputTokens,
    ...(cache.cacheDetails.length > 0 ? { cacheDetails: cache.cacheDetails } : {}),
  };
}

/** The deterministic reply to a validated Converse request. */
export function replyFor(request: ConverseRequestJson, context: ReplyContext): ConverseReply {
  const { model } = context;
  const inputTokens = countInputTokens(request);
  const traceEnabled = request.guardrailConfig?.trace === 'enabled' || request.guardrailConfig?.trace === 'enabled_full';

  if (guardrailIntervenes(request, context.guardrailTrigger ?? DEFAULT_GUARDRAIL_TRIGGER)) {
    return {
      content: [{ text: GUARDRAIL_BLOCKED_MESSAGE }],
      stopReason: 'guardrail_intervened',
      usage: { inputTokens, outputTokens: 0, totalTokens: inputTokens },
      ...(traceEnabled ? { trace: guardrailTrace(request, true) } : {}),
    };
  }

  const cache = model.promptCaching ? context.promptCache?.apply(model.id, request) : undefined;
  const maxTokens = request.inferenceConfig?.maxTokens ?? model.maxOutputTokens;
  const content: ContentBlockJson[] = [];
  let outputTokens = 0;
  const userText = lastUserText(request);

  const reasoning = readReasoningRequest(model, request.additionalModelRequestFields);
  if (reasoning !== undefined) {
    const thought = `The user wrote ${countTokens(userText)} words. I will answer by repeating their message.`;
    const budget = Math.min(reasoning.budgetTokens ?? maxTokens, Math.max(1, maxTokens - 1));
    const reasoningText = splitTokens(thought).slice(0, budget).join('');
    outputTokens += countTokens(reasoningText);
    if (shouldRedactReasoning(model, reasoning, userText, context.redactedThinkingTrigger)) {
      // The hidden thought still costs output tokens; the seed makes the blob differ per conversation.
      content.push({ reasoningContent: { redactedContent: createRedactedReasoning(`${reasoningText}\u0000${JSON.stringify(request.messages ?? [])}`) } });
    } else {
      content.push({
        reasoningContent: { reasoningText: reasoning.signed ? { text: reasoningText, signature: signReasoning(reasoningText) } : { text: reasoningText } },
      });
    }
  }

  const tools = selectTools(request);
  if (tools.length > 0) {
    const seed = JSON.stringify(request.messages ?? []);
    const forced = request.toolConfig?.toolChoice?.['any'] !== undefined || request.toolConfig?.toolChoice?.['tool'] !== undefined;
    if (!forced) {
      const preface = `Calling ${tools.map((tool) => tool.name).join(', ')}.`;
      content.push({ text: preface });
      outputTokens += countTokens(preface);
    }
    tools.forEach((tool, index) => {
      const input = generateFromSchema(tool.schema, userText === '' ? undefined : userText);
      outputTokens += countTokens(JSON.stringify(input));
      content.push({ toolUse: { toolUseId: toolUseIdFor(seed, index), name: tool.name, input } });
    });
    return {
      content,
      stopReason: 'tool_use',
      usage: usageFor(inputTokens, outputTokens, cache),
      ...(traceEnabled ? { trace: guardrailTrace(request, false) } : {}),
    };
  }

  const schema = readOutputSchema(request);
  const baseText = schema !== undefined && !(schema instanceof Error) ? JSON.stringify(generateFromSchema(schema, userText === '' ? undefined : userText)) : echoText(request);
  const limited = limitText(baseText, Math.max(0, maxTokens - outputTokens), request.inferenceConfig?.stopSequences);
  if (limited.text !== '') content.push({ text: limited.text });
  outputTokens += countTokens(limited.text);
  if (schema === undefined && limited.stopReason === 'end_turn') {
    for (const block of citationBlocks(request)) {
      content.push(block);
      outputTokens += countTokens(String(((block['citationsContent'] as JsonObject)['content'] as JsonObject[])[0]?.['text'] ?? ''));
    }
  }
  const wantsStopSequence = (request.additionalModelResponseFieldPaths ?? []).includes('/stop_sequence');
  return {
    content,
    stopReason: limited.stopReason,
    usage: usageFor(inputTokens, outputTokens, cache),
    ...(wantsStopSequence ? { additionalModelResponseFields: { stop_sequence: limited.stopSequence ?? null } } : {}),
    ...(traceEnabled ? { trace: guardrailTrace(request, false) } : {}),
  };
}
