/**
 * Prompt management: a Prompt-management ARN as `modelId` (`arn:aws:bedrock:<region>:<account>:prompt/<id>`, or
 * `…:prompt/<id>:<version>`) runs a stored prompt whose `{{variable}}` placeholders Converse fills from
 * `promptVariables` (`{ name: { text } }`). Bedrock's rules for such a request (Converse API reference; user guide
 * "Test a prompt using Prompt management"):
 *
 * - `additionalModelRequestFields`, `inferenceConfig`, `system` and `toolConfig` are not allowed (the prompt
 *   defines them);
 * - `messages` may be omitted or empty; given messages are appended after the prompt's own;
 * - `promptVariables` are only allowed with a prompt ARN.
 *
 * The emulator's prompts are TEXT prompts: the filled template is one user message, answered like any other
 * request to the prompt's model (the echo reply). The error wording here is the emulator's own: no real Bedrock
 * message for these cases was found.
 */
import type { ConverseMessageJson, ConverseRequestJson, JsonObject } from './converse.js';
import { validationError } from './errors.js';

/** A stored prompt: the model that runs it and its TEXT template with `{{variable}}` placeholders. */
export interface EmulatorPrompt {
  /** Base model ID or inference-profile ID (resolved in the caller's region, like any model ID). */
  model: string;
  /** The prompt text; `{{name}}` is replaced by `promptVariables.name.text`. */
  template: string;
}

/** A prompt as resolved for one request. */
export interface ResolvedPrompt extends EmulatorPrompt {
  /** The prompt ARN as the request sent it. */
  arn: string;
}

/** The request members a prompt ARN does not allow, in Bedrock's documented order. */
export const PROMPT_FORBIDDEN_FIELDS = ['additionalModelRequestFields', 'inferenceConfig', 'system', 'toolConfig'] as const;

const PROMPT_ARN = /^arn:aws(?:-[a-z-]+)?:bedrock:[a-z0-9-]+:\d{12}:prompt\/([A-Za-z0-9]{1,64})(?::([A-Za-z0-9]{1,64}))?$/;
const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

/** Whether `value` is a Prompt-management ARN (with or without a version). */
export function isPromptArn(value: string): boolean {
  return PROMPT_ARN.test(value);
}

/** The unversioned form of a prompt ARN (`…:prompt/<id>`), or `undefined` for other strings. */
export function unversionedPromptArn(arn: string): string | undefined {
  const match = PROMPT_ARN.exec(arn);
  if (match === null) return undefined;
  return match[2] === undefined ? arn : arn.slice(0, arn.length - match[2].length - 1);
}

/** The variable names a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The emulator's message for a member a prompt ARN does not allow. */
export function promptFieldMessage(field: string): string {
  return `The ${field} field isn't supported when the modelId is a prompt from Prompt management; the prompt defines it. Remove ${field} and try again.`;
}

/** The emulator's message for template variables `promptVariables` leaves out. */
export function missingPromptVariablesMessage(names: readonly string[]): string {
  return `The prompt requires values for these variables, which promptVariables doesn't provide: ${names.join(', ')}. Add them to promptVariables and try again.`;
}

/** The emulator's message for `promptVariables` sent with a model that is not a prompt. */
export const PROMPT_VARIABLES_WITHOUT_PROMPT =
  'The promptVariables field is only supported when the modelId is the ARN of a prompt from Prompt management. Remove promptVariables and try again.';

/** Reads `promptVariables` (`{ name: { text } }`): the text of each variable, or a ValidationException. */
function readPromptVariables(value: unknown): Map<string, string> {
  const variables = new Map<string, string>();
  if (value === undefined) return variables;
  if (!isObject(value)) {
    throw validationError(`1 validation error detected: Value '${String(value)}' at 'promptVariables' failed to satisfy constraint: Member must be a map`);
  }
  for (const [name, entry] of Object.entries(value)) {
    if (!isObject(entry) || typeof entry['text'] !== 'string') {
      throw validationError(
        `1 validation error detected: Value at 'promptVariables.${name}' failed to satisfy constraint: Member must be a union with exactly one member set: text`,
      );
    }
    variables.set(name, entry['text']);
  }
  return variables;
}

/**
 * Fills `template` from `promptVariables`; every placeholder needs a value (extra variables are ignored).
 * Throws a ValidationException naming the missing variables.
 */
export function fillPromptTemplate(template: string, promptVariables: unknown): string {
  const variables = readPromptVariables(promptVariables);
  const missing = templateVariables(template).filter((name) => !variables.has(name));
  if (missing.length > 0) throw validationError(missingPromptVariablesMessage(missing));
  return template.replace(PLACEHOLDER, (_placeholder, name: string) => variables.get(name) ?? '');
}

/**
 * A Converse body sent to a prompt ARN → the request the prompt's model answers: the forbidden members refused,
 * the filled template as the first (user) message, the request's own messages appended after it.
 */
export function applyPrompt(body: unknown, prompt: EmulatorPrompt): ConverseRequestJson {
  if (!isObject(body)) throw validationError('The request body must be a JSON object.');
  for (const field of PROMPT_FORBIDDEN_FIELDS) {
    if (body[field] !== undefined) throw validationError(promptFieldMessage(field));
  }
  const text = fillPromptTemplate(prompt.template, body['promptVariables']);
  const { promptVariables: _variables, messages, ...rest } = body;
  const appended = messages === undefined ? [] : messages;
  if (!Array.isArray(appended)) {
    throw validationError(`1 validation error detected: Value '${String(appended)}' at 'messages' failed to satisfy constraint: Member must be a list`);
  }
  return { ...rest, messages: [{ role: 'user', content: [{ text }] }, ...(appended as ConverseMessageJson[])] };
}

/** Refuses `promptVariables` on a request whose model is not a prompt. */
export function rejectPromptVariables(body: unknown): void {
  if (isObject(body) && body['promptVariables'] !== undefined) throw validationError(PROMPT_VARIABLES_WITHOUT_PROMPT);
}
