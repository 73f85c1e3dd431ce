/**
 * The shape of a model catalog entry. The data lives in `catalog.ts`; the resolver in `resolve.ts`.
 * Chat, embeddings and the client read capabilities only through these types.
 */

/** Geographic cross-region inference-profile prefixes (`us.anthropic.…`). */
export type Geography = 'us' | 'eu' | 'apac' | 'jp' | 'au' | 'ca' | 'us-gov';
/** Every profile prefix, geographic or global. */
export type ProfilePrefix = Geography | 'global';

export type ModelKind = 'chat' | 'embedding';
export type ToolChoiceValue = 'auto' | 'any' | 'tool';

/**
 * How a model reasons, which decides how `reasoning_effort` is sent:
 * - `anthropic-thinking`: `additionalModelRequestFields.thinking = { type: 'enabled', budget_tokens }`
 * - `nova-reasoning-config`: `additionalModelRequestFields.reasoningConfig = { type: 'enabled', maxReasoningEffort }`
 * - `openai-reasoning-effort`: `additionalModelRequestFields.reasoning_effort` (gpt-oss)
 * - `always-on`: reasons without being asked (DeepSeek R1); effort cannot be set
 * - `none`: no reasoning
 */
export type ReasoningStyle = 'none' | 'anthropic-thinking' | 'nova-reasoning-config' | 'openai-reasoning-effort' | 'always-on';

/** Converse `outputConfig.effort` values (service model: "low, medium, high, xhigh, max"). */
export type OutputEffort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export interface PromptCaching {
  /** Minimum tokens before a cache point takes effect. */
  minTokens: number;
  /** Accepted `cachePoint.ttl` values; `['5m']` where only the default is allowed. */
  ttls: readonly ('5m' | '1h')[];
  /** Whether a cache point may follow the tool definitions. */
  tools: boolean;
}

export interface ChatCapabilities {
  tools: boolean;
  toolChoice: readonly ToolChoiceValue[];
  streamingTools: boolean;
  vision: boolean;
  documents: boolean;
  /** Converse `audio` blocks (`input_audio` parts, audio `file` parts). */
  audio: boolean;
  /** Converse `video` blocks (video `file` parts). */
  video: boolean;
  /** Document citations (`citations: { enabled: true }` on a document block → `citationsContent` answers). */
  citations: boolean;
  systemPrompt: boolean;
  reasoning: ReasoningStyle;
  promptCaching: PromptCaching | null;
  /** Native Converse `outputConfig.textFormat` (JSON schema). */
  structuredOutput: boolean;
  /**
   * The Converse `outputConfig.effort` levels the model takes, where the sources list them (Claude Opus 4.6: up to
   * `max`). `reasoning_effort: 'max'` is sent only to models listing `max`.
   */
  effortLevels?: readonly OutputEffort[];
  /** Rejects `temperature` and `topP` in the same request (Claude 4.5+). */
  temperatureTopPConflict: boolean;
  streaming: boolean;
}

export type EmbeddingFamily = 'titan-text-v1' | 'titan-text-v2' | 'titan-multimodal' | 'cohere-v3' | 'cohere-v4' | 'nova-multimodal';

export interface EmbeddingFacts {
  family: EmbeddingFamily;
  /** Dimensions the model accepts; the first is the default. */
  dimensions: readonly number[];
  defaultDimensions: number;
  /** Inputs per InvokeModel call (1 for Titan and Nova, 96 for Cohere). */
  batchSize: number;
  /** Longest input in characters Bedrock accepts, when it states one. */
  maxInputChars?: number;
  images: boolean;
}

/** USD per million tokens. */
export interface Prices {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
}

export interface ModelEntry {
  /** The canonical alias (`claude-sonnet-4-5`). */
  alias: string;
  /** Other names that resolve to this entry. */
  aliases: readonly string[];
  /** The base Bedrock model ID (`anthropic.claude-sonnet-4-5-20250929-v1:0`). */
  id: string;
  name: string;
  provider: string;
  kind: ModelKind;
  /** Present for chat models. */
  capabilities?: ChatCapabilities;
  /** Present for embedding models. */
  embedding?: EmbeddingFacts;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  /** Profile prefixes that exist for this model. */
  profiles: readonly ProfilePrefix[];
  /**
   * Where the base ID can be called on demand: `'all'`, `'none'` (profile only everywhere), or a list of regions.
   * Elsewhere a profile is needed.
   */
  onDemandRegions: 'all' | 'none' | readonly string[];
  /** Prices by how the model is called: `base` (base ID and `global.`), and per geography where AWS charges more. */
  prices?: { base?: Prices; global?: Prices } & Partial<Record<Geography, Prices>>;
  /** ISO date the model was released (for `models.list()`'s `created`). */
  releaseDate?: string;
}
