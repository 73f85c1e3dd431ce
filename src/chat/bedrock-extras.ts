/**
 * `params.bedrock` → the Bedrock-only members of a Converse request, validated before anything is sent:
 *
 * | `bedrock.` | Converse |
 * |---|---|
 * | `additionalModelRequestFields` | `additionalModelRequestFields` (merged with what `reasoning_effort` sets) |
 * | `additionalModelResponseFieldPaths` | `additionalModelResponseFieldPaths` (≤ 10 JSON Pointers) |
 * | `performanceConfig` (or the shorthand `latency`) | `performanceConfig` |
 * | `guardrail` | `guardrailConfig` (`streamProcessingMode` only when streaming) |
 * | `promptVariables` | `promptVariables` (only with a Prompt-management ARN as `model`) |
 * | `cache` | read by the cache-point planner (`cache-points.ts`) |
 * | `baseModel` | read by model resolution |
 * | `streamInternally` | serve a non-streaming call over ConverseStream (`completions.ts`) |
 */
import type { GuardrailStreamConfiguration, PromptVariableValues } from '@aws-sdk/client-bedrock-runtime';
import { BadRequestError } from '../core/errors.js';
import { conformsTo } from '../internal/service-constraints.js';
import { closestMatches } from '../internal/suggest.js';
import type { BedrockChatExtras } from './types.js';

const BEDROCK_EXTRAS = [
  'baseModel',
  'additionalModelRequestFields',
  'additionalModelResponseFieldPaths',
  'performanceConfig',
  'latency',
  'guardrail',
  'promptVariables',
  'cache',
  'streamInternally',
] as const satisfies readonly (keyof BedrockChatExtras)[];

/** Bedrock's guardrail identifier: an ID or a guardrail ARN (bedrock-wire.md §1.4, `GuardrailIdentifier`). */

/** The validated extras. */
export interface BedrockExtras {
  baseModel?: string;
  additionalModelRequestFields?: Record<string, unknown>;
  additionalModelResponseFieldPaths?: string[];
  latency?: 'standard' | 'optimized';
  /** Converse(Stream) `guardrailConfig`. */
  guardrailConfig?: GuardrailStreamConfiguration;
  promptVariables?: Record<string, PromptVariableValues>;
  cache?: { ttl?: '5m' | '1h' };
  streamInternally?: boolean;
}

/** Reads and validates `params.bedrock` (see the module comment). `stream` decides whether `streamProcessingMode` may be set. */
export function readBedrockExtras(extras: unknown, stream: boolean): BedrockExtras {
  if (extras === undefined) return {};
  if (typeof extras !== 'object' || extras === null || Array.isArray(extras)) throw BadRequestError.forParam('bedrock', '`bedrock` must be an object.');
  const given = extras as BedrockChatExtras & Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (given[key] === undefined) continue;
    if (!(BEDROCK_EXTRAS as readonly string[]).includes(key)) {
      const suggestions = closestMatches(key, BEDROCK_EXTRAS, 1);
      throw BadRequestError.forParam(
        `bedrock.${key}`,
        `Unrecognized Bedrock option \`bedrock.${key}\`.${suggestions.length === 0 ? '' : ` Did you mean \`bedrock.${suggestions[0]}\`?`}`,
        'unknown_parameter',
      );
    }
  }
  const result: BedrockExtras = {};
  if (given.streamInternally !== undefined) {
    if (typeof given.streamInternally !== 'boolean') {
      throw BadRequestError.forParam('bedrock.streamInternally', '`bedrock.streamInternally` must be true or false.');
    }
    result.streamInternally = given.streamInternally;
  }
  if (given.baseModel !== undefined) {
    if (typeof given.baseModel !== 'string' || given.baseModel === '') throw BadRequestError.forParam('bedrock.baseModel', '`bedrock.baseModel` must be a non-empty string.');
    result.baseModel = given.baseModel;
  }
  const fields = given.additionalModelRequestFields;
  if (fields !== undefined) {
    if (!isPlainObject(fields)) throw BadRequestError.forParam('bedrock.additionalModelRequestFields', '`bedrock.additionalModelRequestFields` must be a JSON object.');
    result.additionalModelRequestFields = fields;
  }
  const paths = given.additionalModelResponseFieldPaths;
  if (paths !== undefined) {
    const param = 'bedrock.additionalModelResponseFieldPaths';
    if (!Array.isArray(paths) || paths.length > 10) throw BadRequestError.forParam(param, `\`${param}\` must be an array of at most 10 JSON Pointers.`);
    paths.forEach((path: unknown, index) => {
      if (typeof path !== 'string' || path.length < 1 || path.length > 256 || !path.startsWith('/')) {
        throw BadRequestError.forParam(`${param}[${index}]`, `\`${param}[${index}]\` must be a JSON Pointer (\`/…\`) of 1–256 characters.`);
      }
    });
    result.additionalModelResponseFieldPaths = [...paths];
  }
  const latency = readLatency(given);
  if (latency !== undefined) result.latency = latency;
  const guardrail = readGuardrail(given.guardrail, stream);
  if (guardrail !== undefined) result.guardrailConfig = guardrail;
  const variables = readPromptVariables(given.promptVariables);
  if (variables !== undefined) result.promptVariables = variables;
  const cache = readCacheStrategy(given.cache);
  if (cache !== undefined) result.cache = cache;
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readLatency(extras: BedrockChatExtras): 'standard' | 'optimized' | undefined {
  const check = (value: unknown, param: string): 'standard' | 'optimized' => {
    if (value !== 'standard' && value !== 'optimized') throw BadRequestError.forParam(param, `\`${param}\` must be "standard" or "optimized".`);
    return value;
  };
  const shorthand = extras.latency === undefined ? undefined : check(extras.latency, 'bedrock.latency');
  const config: unknown = extras.performanceConfig;
  if (config === undefined) return shorthand;
  if (!isPlainObject(config)) throw BadRequestError.forParam('bedrock.performanceConfig', '`bedrock.performanceConfig` must be an object (`{ latency }`).');
  for (const key of Object.keys(config)) {
    if (key !== 'latency') throw BadRequestError.forParam(`bedrock.performanceConfig.${key}`, `Unrecognized option \`bedrock.performanceConfig.${key}\` (Converse's performanceConfig has only \`latency\`).`, 'unknown_parameter');
  }
  const latency = check(config['latency'], 'bedrock.performanceConfig.latency');
  if (shorthand !== undefined) {
    throw BadRequestError.forParam('bedrock.latency', '`bedrock.latency` is a shorthand for `bedrock.performanceConfig.latency`; give one of them.');
  }
  return latency;
}

const GUARDRAIL_KEYS = ['guardrailIdentifier', 'guardrailVersion', 'trace', 'streamProcessingMode'] as const;

function readGuardrail(guardrail: unknown, stream: boolean): GuardrailStreamConfiguration | undefined {
  if (guardrail === undefined) return undefined;
  const param = 'bedrock.guardrail';
  if (!isPlainObject(guardrail)) throw BadRequestError.forParam(param, `\`${param}\` must be an object (\`{ guardrailIdentifier, guardrailVersion, trace?, streamProcessingMode? }\`).`);
  for (const key of Object.keys(guardrail)) {
    if (!(GUARDRAIL_KEYS as readonly string[]).includes(key)) {
      const suggestions = closestMatches(key, GUARDRAIL_KEYS, 1);
      throw BadRequestError.forParam(
        `${param}.${key}`,
        `Unrecognized guardrail option \`${param}.${key}\`.${suggestions.length === 0 ? '' : ` Did you mean \`${param}.${suggestions[0]}\`?`}`,
        'unknown_parameter',
      );
    }
  }
  const { guardrailIdentifier, guardrailVersion, trace, streamProcessingMode } = guardrail;
  if (typeof guardrailIdentifier !== 'string' || guardrailIdentifier === '' || !conformsTo('GuardrailIdentifier', guardrailIdentifier)) {
    throw BadRequestError.forParam(`${param}.guardrailIdentifier`, `\`${param}.guardrailIdentifier\` must be a guardrail ID (lower-case letters and digits) or a guardrail ARN.`);
  }
  if (typeof guardrailVersion !== 'string' || guardrailVersion === '' || !conformsTo('GuardrailVersion', guardrailVersion)) {
    throw BadRequestError.forParam(`${param}.guardrailVersion`, `\`${param}.guardrailVersion\` must be "DRAFT" or a version number such as "1" (a string).`);
  }
  const config: GuardrailStreamConfiguration = { guardrailIdentifier, guardrailVersion };
  if (trace !== undefined) {
    if (trace !== 'enabled' && trace !== 'disabled' && trace !== 'enabled_full') {
      throw BadRequestError.forParam(`${param}.trace`, `\`${param}.trace\` must be "enabled", "disabled" or "enabled_full".`);
    }
    config.trace = trace;
  }
  if (streamProcessingMode !== undefined) {
    if (streamProcessingMode !== 'sync' && streamProcessingMode !== 'async') {
      throw BadRequestError.forParam(`${param}.streamProcessingMode`, `\`${param}.streamProcessingMode\` must be "sync" or "async".`);
    }
    if (!stream) {
      throw BadRequestError.forParam(`${param}.streamProcessingMode`, `\`${param}.streamProcessingMode\` applies only to streaming requests (\`stream: true\`).`);
    }
    config.streamProcessingMode = streamProcessingMode;
  }
  return config;
}

function readPromptVariables(variables: unknown): Record<string, PromptVariableValues> | undefined {
  if (variables === undefined) return undefined;
  const param = 'bedrock.promptVariables';
  if (!isPlainObject(variables)) throw BadRequestError.forParam(param, `\`${param}\` must be an object of \`{ text }\` values.`);
  const result: Record<string, PromptVariableValues> = {};
  for (const [name, value] of Object.entries(variables)) {
    const text = isPlainObject(value) ? value['text'] : undefined;
    if (typeof text !== 'string' || Object.keys(value as object).length !== 1) {
      throw BadRequestError.forParam(`${param}.${name}`, `\`${param}.${name}\` must be \`{ text: string }\`.`);
    }
    result[name] = { text };
  }
  return result;
}

function readCacheStrategy(cache: unknown): { ttl?: '5m' | '1h' } | undefined {
  if (cache === undefined) return undefined;
  const param = 'bedrock.cache';
  if (cache === 'auto') return {};
  if (isPlainObject(cache) && cache['type'] === 'auto') {
    for (const key of Object.keys(cache)) {
      if (key !== 'type' && key !== 'ttl') throw BadRequestError.forParam(`${param}.${key}`, `Unrecognized option \`${param}.${key}\`.`, 'unknown_parameter');
    }
    const ttl = cache['ttl'];
    if (ttl === undefined) return {};
    if (ttl !== '5m' && ttl !== '1h') throw BadRequestError.forParam(`${param}.ttl`, `\`${param}.ttl\` must be "5m" or "1h".`);
    return { ttl };
  }
  throw BadRequestError.forParam(param, `\`${param}\` must be "auto" or \`{ type: 'auto', ttl? }\`.`);
}
