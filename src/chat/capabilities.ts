/**
 * Checks a request against what the catalog says the model can do, before anything is sent: tools, tool choice,
 * images, documents, audio, video, document citations, system prompts, streaming (with and without tools), and `temperature` with `top_p` on models
 * that reject the pair. A miss is a `BadRequestError` naming the model and the feature, with `param` pointing at
 * the first use. Models the catalog does not know (ARNs without `bedrock.baseModel`, new IDs) are not checked.
 */
import { BadRequestError } from '../core/errors.js';
import type { ModelEntry } from '../models/types.js';
import type { RequestFeatures } from './to-converse-request.js';

/**
 * `top_p: 1` beside `temperature`, on a model that refuses the two together (Claude 4.5 and later): `top_p: 1`
 * keeps every token, the same as leaving it unset, so it is dropped (LlamaIndex and others always send it) and
 * the request goes on with `temperature` alone. Any other `top_p` is left for {@link checkCapabilities} to refuse.
 * Returns the inference config and features to use (the same objects when nothing is dropped).
 */
export function dropNoOpTopP<T extends { temperature?: number | undefined; topP?: number | undefined }>(
  inference: T | undefined,
  features: RequestFeatures,
  capabilities: { temperatureTopPConflict: boolean } | undefined,
): { inference: T | undefined; features: RequestFeatures } {
  if (capabilities?.temperatureTopPConflict !== true || features.temperatureAndTopP === undefined || inference?.topP !== 1) {
    return { inference, features };
  }
  const { topP: _dropped, ...rest } = inference;
  const { temperatureAndTopP: _pair, ...otherFeatures } = features;
  return { inference: rest as T, features: otherFeatures };
}

/** How errors name a model: `` `alias` `` when the alias was called, else `` `alias` (model ID) ``. */
export function describeModel(entry: ModelEntry, modelId: string): string {
  return entry.alias === modelId ? `\`${modelId}\`` : `\`${entry.alias}\` (${modelId})`;
}

/** Throws when the model lacks a feature the request uses (see the module comment). */
export function checkCapabilities(entry: ModelEntry | undefined, modelId: string, features: RequestFeatures): void {
  if (entry === undefined) return;
  const model = describeModel(entry, modelId);
  if (entry.kind !== 'chat' || entry.capabilities === undefined) {
    throw BadRequestError.forParam('model', `${model} is an ${entry.kind} model; chat completions need a chat model.`, 'model_not_supported');
  }
  const capabilities = entry.capabilities;
  const fail = (param: string, feature: string): never => {
    throw BadRequestError.forParam(param, `${model} does not support ${feature} on Bedrock (\`${param}\`).`, 'unsupported_feature');
  };
  if (features.system !== undefined && !capabilities.systemPrompt) fail(features.system, 'system prompts');
  if (features.tools !== undefined && !capabilities.tools) fail(features.tools, 'tool use');
  if (features.toolBlocks !== undefined && !capabilities.tools) fail(features.toolBlocks, 'tool use (the conversation holds tool calls)');
  if (features.toolChoice !== undefined && !capabilities.toolChoice.includes(features.toolChoice.value)) {
    const openAIName = { auto: '"auto"', any: '"required"', tool: 'a named function' }[features.toolChoice.value];
    fail(features.toolChoice.param, `\`tool_choice\` ${openAIName} (Bedrock toolChoice \`${features.toolChoice.value}\`)`);
  }
  if (features.image !== undefined && !capabilities.vision) fail(features.image, 'image input');
  if (features.document !== undefined && !capabilities.documents) fail(features.document, 'document input');
  if (features.audio !== undefined && !capabilities.audio) fail(features.audio, 'audio input');
  if (features.video !== undefined && !capabilities.video) fail(features.video, 'video input');
  if (features.citations !== undefined && !capabilities.citations) fail(features.citations, 'document citations');
  if (features.stream !== undefined) {
    if (!capabilities.streaming) fail(features.stream, 'streaming (ConverseStream)');
    const usesTools = features.tools ?? features.toolBlocks;
    if (usesTools !== undefined && !capabilities.streamingTools) fail(features.stream, 'streaming with tools');
  }
  if (features.temperatureAndTopP !== undefined && capabilities.temperatureTopPConflict) {
    throw BadRequestError.forParam(
      features.temperatureAndTopP,
      `${model} rejects \`temperature\` and \`top_p\` in the same request; send only one of them.`,
      'unsupported_feature',
    );
  }
}
