/**
 * The emulator's table of Bedrock models: each model's ID, where it is served on demand or only through an
 * inference profile, and what it supports; and which Regions each inference-profile prefix serves. Written from the
 * project's reference facts (`bedrock-models.json`, `bedrock-wire.md` §6 and §7), NOT imported from the client's
 * catalog (`src/models/`), so a wrong catalog entry fails a test against the emulator. {@link ModelRegistry}
 * (src/emulator/models.ts) resolves identifiers over it.
 */
export type ProfilePrefix = 'us' | 'eu' | 'apac' | 'jp' | 'au' | 'us-gov' | 'global';

/** Where a model can be called with its base ID (on-demand throughput). */
export type OnDemandSupport = 'on-demand' | 'profile-only' | { profileOnlyIn: readonly string[] };

/** How a model is asked to reason. */
export type ReasoningStyle =
  /** Claude 3.7+: `additionalModelRequestFields.thinking = {type: "enabled", budget_tokens}`; signed reasoning. */
  | 'anthropic-thinking'
  /** Nova 2: `additionalModelRequestFields.reasoningConfig = {type: "enabled", maxReasoningEffort}`. */
  | 'nova-reasoning-config'
  /** gpt-oss: `additionalModelRequestFields.reasoning_effort = "low" | "medium" | "high"`. */
  | 'reasoning-effort'
  /** Always reasons (DeepSeek-R1). */
  | 'always';

export type ToolChoiceKind = 'auto' | 'any' | 'tool';

export interface EmulatorModel {
  id: string;
  kind: 'chat' | 'embedding';
  onDemand: OnDemandSupport;
  /** Prefixes `p` for which the profile `p.<id>` exists. */
  profilePrefixes: readonly ProfilePrefix[];
  /** Largest `maxTokens` accepted; also the default output budget. */
  maxOutputTokens: number;
  /** Chat models: Converse works (false for the Command text models, which are "limited (no chat)"). */
  converse: boolean;
  converseStream: boolean;
  systemPrompt: boolean;
  /** Tool choices the model accepts; empty when it has no tool use. */
  toolChoice: readonly ToolChoiceKind[];
  /** ConverseStream with `toolConfig` works. */
  streamingToolUse: boolean;
  promptCaching: boolean;
  /** `cachePoint.ttl = "1h"` accepted (Claude 4.5 and later). */
  extendedCacheTtl: boolean;
  /** `temperature` and `topP` cannot both be set (Claude Opus 4.1, Claude 4.5 and later). */
  samplingParametersExclusive: boolean;
  reasoning: ReasoningStyle | undefined;
  /**
   * Thinking may come back redacted (`reasoningContent.redactedContent`): Claude 3.7 Sonnet only; Claude 4 models
   * do not produce redacted thinking blocks (AWS, "Thinking encryption"). Absent means false.
   */
  redactedThinking?: boolean;
}

type ChatFlags = Partial<
  Pick<
    EmulatorModel,
    | 'converse'
    | 'converseStream'
    | 'systemPrompt'
    | 'toolChoice'
    | 'streamingToolUse'
    | 'promptCaching'
    | 'extendedCacheTtl'
    | 'samplingParametersExclusive'
    | 'reasoning'
    | 'redactedThinking'
  >
>;

function chat(
  id: string,
  onDemand: OnDemandSupport,
  profilePrefixes: readonly ProfilePrefix[],
  maxOutputTokens: number,
  flags: ChatFlags,
): EmulatorModel {
  const toolChoice = flags.toolChoice ?? [];
  return {
    id,
    kind: 'chat',
    onDemand,
    profilePrefixes,
    maxOutputTokens,
    converse: flags.converse ?? true,
    converseStream: flags.converseStream ?? true,
    systemPrompt: flags.systemPrompt ?? true,
    toolChoice,
    streamingToolUse: toolChoice.length > 0 && (flags.streamingToolUse ?? true),
    promptCaching: flags.promptCaching ?? false,
    extendedCacheTtl: flags.extendedCacheTtl ?? false,
    samplingParametersExclusive: flags.samplingParametersExclusive ?? false,
    reasoning: flags.reasoning,
    ...(flags.redactedThinking === true ? { redactedThinking: true } : {}),
  };
}

function embedding(id: string, onDemand: OnDemandSupport, profilePrefixes: readonly ProfilePrefix[]): EmulatorModel {
  return {
    id,
    kind: 'embedding',
    onDemand,
    profilePrefixes,
    maxOutputTokens: 0,
    converse: false,
    converseStream: false,
    systemPrompt: false,
    toolChoice: [],
    streamingToolUse: false,
    promptCaching: false,
    extendedCacheTtl: false,
    samplingParametersExclusive: false,
    reasoning: undefined,
  };
}

/**
 * Every model the emulator serves. "profile-only" follows `requires_inference_profile_for_on_demand: true`;
 * `profileOnlyIn` records the regions where a listing shows `INFERENCE_PROFILE` only (ap-southeast-1, §0.8);
 * unknown (`null`) is served on demand. Profile prefixes are those observed in the sources.
 */
export const MODELS: readonly EmulatorModel[] = [
  chat('anthropic.claude-3-haiku-20240307-v1:0', 'on-demand', ['apac', 'eu', 'us'], 4096, { toolChoice: ['auto', 'any', 'tool'] }),
  chat('anthropic.claude-3-sonnet-20240229-v1:0', { profileOnlyIn: ['ap-southeast-1'] }, ['apac', 'eu', 'us'], 4096, { toolChoice: ['auto', 'any', 'tool'] }),
  chat('anthropic.claude-3-opus-20240229-v1:0', 'on-demand', ['eu', 'us'], 4096, { toolChoice: ['auto', 'any', 'tool'] }),
  chat('anthropic.claude-3-5-sonnet-20240620-v1:0', 'on-demand', ['apac', 'eu', 'us', 'us-gov'], 4096, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true }),
  chat('anthropic.claude-3-5-sonnet-20241022-v2:0', 'profile-only', ['apac', 'eu', 'us'], 8192, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true }),
  chat('anthropic.claude-3-5-haiku-20241022-v1:0', 'on-demand', ['eu', 'us'], 8192, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true }),
  chat('anthropic.claude-3-7-sonnet-20250219-v1:0', 'profile-only', ['apac', 'eu', 'us', 'us-gov'], 8192, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', redactedThinking: true }),
  chat('anthropic.claude-sonnet-4-20250514-v1:0', 'profile-only', ['apac', 'eu', 'global', 'us'], 64000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking' }),
  chat('anthropic.claude-opus-4-20250514-v1:0', 'profile-only', ['eu', 'us'], 32000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking' }),
  chat('anthropic.claude-opus-4-1-20250805-v1:0', 'profile-only', ['eu', 'us'], 32000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true }),
  chat('anthropic.claude-sonnet-4-5-20250929-v1:0', 'profile-only', ['au', 'eu', 'global', 'jp', 'us', 'us-gov'], 64000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('anthropic.claude-haiku-4-5-20251001-v1:0', 'profile-only', ['apac', 'au', 'eu', 'global', 'jp', 'us'], 64000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('anthropic.claude-opus-4-5-20251101-v1:0', 'profile-only', ['eu', 'global', 'us'], 64000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('anthropic.claude-opus-4-6-v1', 'profile-only', ['au', 'eu', 'global', 'us'], 128000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('anthropic.claude-sonnet-4-6', 'profile-only', ['au', 'eu', 'global', 'jp', 'us'], 64000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('anthropic.claude-opus-4-7', 'profile-only', ['au', 'eu', 'global', 'jp', 'us'], 128000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('anthropic.claude-opus-4-8', 'profile-only', ['au', 'eu', 'global', 'jp', 'us'], 128000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('anthropic.claude-opus-5', 'profile-only', ['au', 'eu', 'global', 'jp', 'us'], 128000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('anthropic.claude-sonnet-5', 'profile-only', ['au', 'eu', 'global', 'jp', 'us'], 128000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('anthropic.claude-fable-5', 'profile-only', ['eu', 'global', 'us'], 128000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'anthropic-thinking', samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat('amazon.nova-micro-v1:0', { profileOnlyIn: ['ap-southeast-1'] }, ['apac', 'eu', 'us'], 10000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true }),
  chat('amazon.nova-lite-v1:0', { profileOnlyIn: ['ap-southeast-1'] }, ['apac', 'eu', 'us'], 10000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true }),
  chat('amazon.nova-pro-v1:0', { profileOnlyIn: ['ap-southeast-1'] }, ['apac', 'eu', 'us'], 10000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true }),
  chat('amazon.nova-premier-v1:0', 'profile-only', ['us'], 16384, { toolChoice: ['auto', 'any', 'tool'] }),
  chat('amazon.nova-2-lite-v1:0', 'profile-only', ['apac', 'eu', 'global', 'us'], 64000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'nova-reasoning-config' }),
  chat('amazon.nova-2-pro-preview-20251202-v1:0', 'on-demand', ['apac', 'eu', 'us'], 64000, { toolChoice: ['auto', 'any', 'tool'], promptCaching: true, reasoning: 'nova-reasoning-config' }),
  chat('amazon.titan-text-express-v1', 'on-demand', [], 8192, { systemPrompt: false }),
  chat('amazon.titan-text-lite-v1', 'on-demand', [], 4096, { systemPrompt: false }),
  chat('amazon.titan-text-premier-v1:0', 'on-demand', [], 3072, { systemPrompt: false }),
  chat('meta.llama3-8b-instruct-v1:0', 'on-demand', [], 8192, {  }),
  chat('meta.llama3-70b-instruct-v1:0', 'on-demand', [], 8192, {  }),
  chat('meta.llama3-1-8b-instruct-v1:0', 'on-demand', ['us'], 2048, { toolChoice: ['auto'], streamingToolUse: false }),
  chat('meta.llama3-1-70b-instruct-v1:0', 'on-demand', ['us'], 2048, { toolChoice: ['auto'], streamingToolUse: false }),
  chat('meta.llama3-1-405b-instruct-v1:0', 'on-demand', ['us'], 4096, { toolChoice: ['auto'], streamingToolUse: false }),
  chat('meta.llama3-2-1b-instruct-v1:0', 'profile-only', ['eu', 'us'], 4096, {  }),
  chat('meta.llama3-2-3b-instruct-v1:0', 'profile-only', ['eu', 'us'], 4096, {  }),
  chat('meta.llama3-2-11b-instruct-v1:0', 'profile-only', ['us'], 4096, { toolChoice: ['auto'], streamingToolUse: false }),
  chat('meta.llama3-2-90b-instruct-v1:0', 'profile-only', ['us'], 4096, { toolChoice: ['auto'], streamingToolUse: false }),
  chat('meta.llama3-3-70b-instruct-v1:0', 'profile-only', ['us'], 4096, { toolChoice: ['auto'], streamingToolUse: false }),
  chat('meta.llama4-scout-17b-instruct-v1:0', 'profile-only', ['us'], 4096, { converseStream: false, toolChoice: ['auto'], streamingToolUse: false }),
  chat('meta.llama4-maverick-17b-instruct-v1:0', 'profile-only', ['us'], 4096, { converseStream: false, toolChoice: ['auto'], streamingToolUse: false }),
  chat('mistral.mistral-7b-instruct-v0:2', 'on-demand', [], 8191, { systemPrompt: false }),
  chat('mistral.mixtral-8x7b-instruct-v0:1', 'on-demand', [], 8191, { systemPrompt: false }),
  chat('mistral.mistral-large-2402-v1:0', 'on-demand', [], 8191, { toolChoice: ['auto', 'any'], streamingToolUse: false }),
  chat('mistral.mistral-large-2407-v1:0', 'on-demand', [], 8191, { toolChoice: ['auto', 'any'], streamingToolUse: false }),
  chat('mistral.mistral-small-2402-v1:0', 'on-demand', [], 8191, { toolChoice: ['auto'] }),
  chat('mistral.pixtral-large-2502-v1:0', 'profile-only', ['eu', 'us'], 8192, { toolChoice: ['auto'] }),
  chat('mistral.mistral-large-3-675b-instruct', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('mistral.magistral-small-2509', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('mistral.ministral-3-3b-instruct', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('mistral.ministral-3-8b-instruct', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('mistral.ministral-3-14b-instruct', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('mistral.devstral-2-123b', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('mistral.voxtral-mini-3b-2507', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('mistral.voxtral-small-24b-2507', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('cohere.command-r-v1:0', 'on-demand', [], 4096, { toolChoice: ['auto'] }),
  chat('cohere.command-r-plus-v1:0', 'on-demand', [], 4096, { toolChoice: ['auto'] }),
  chat('cohere.command-text-v14', 'on-demand', [], 4096, { converse: false, converseStream: false, systemPrompt: false }),
  chat('cohere.command-light-text-v14', 'on-demand', [], 4096, { converse: false, converseStream: false, systemPrompt: false }),
  chat('ai21.jamba-1-5-large-v1:0', 'on-demand', [], 256000, { toolChoice: ['auto'] }),
  chat('ai21.jamba-1-5-mini-v1:0', 'on-demand', [], 256000, { toolChoice: ['auto'] }),
  chat('ai21.jamba-instruct-v1:0', 'on-demand', [], 4096, {  }),
  chat('deepseek.r1-v1:0', 'profile-only', ['us'], 32768, { toolChoice: ['auto'], streamingToolUse: false, reasoning: 'always' }),
  chat('deepseek.v3-v1:0', 'on-demand', [], 81920, { toolChoice: ['auto'] }),
  chat('deepseek.v3.2', 'on-demand', ['eu', 'us'], 163840, { toolChoice: ['auto'] }),
  chat('openai.gpt-oss-20b-1:0', 'on-demand', [], 128000, { toolChoice: ['auto'], reasoning: 'reasoning-effort' }),
  chat('openai.gpt-oss-120b-1:0', 'on-demand', ['us-gov'], 128000, { toolChoice: ['auto'], reasoning: 'reasoning-effort' }),
  chat('openai.gpt-oss-safeguard-20b', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('openai.gpt-oss-safeguard-120b', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('qwen.qwen3-32b-v1:0', 'on-demand', [], 16384, { toolChoice: ['auto'] }),
  chat('qwen.qwen3-235b-a22b-2507-v1:0', 'on-demand', [], 131072, { toolChoice: ['auto'] }),
  chat('qwen.qwen3-coder-30b-a3b-v1:0', 'on-demand', [], 131072, { toolChoice: ['auto'] }),
  chat('qwen.qwen3-coder-480b-a35b-v1:0', 'on-demand', [], 65536, { toolChoice: ['auto'] }),
  chat('qwen.qwen3-next-80b-a3b', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('qwen.qwen3-vl-235b-a22b', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('qwen.qwen3-coder-next', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('writer.palmyra-x4-v1:0', 'profile-only', ['us'], 8192, { toolChoice: ['auto'], streamingToolUse: false }),
  chat('writer.palmyra-x5-v1:0', 'profile-only', ['us'], 8192, { toolChoice: ['auto'], streamingToolUse: false }),
  chat('google.gemma-3-4b-it', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('google.gemma-3-12b-it', 'on-demand', [], 8192, {  }),
  chat('google.gemma-3-27b-it', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('minimax.minimax-m2', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('minimax.minimax-m2.1', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('minimax.minimax-m2.5', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('moonshot.kimi-k2-thinking', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('moonshotai.kimi-k2.5', 'on-demand', [], 262144, { toolChoice: ['auto'] }),
  chat('nvidia.nemotron-nano-9b-v2', 'on-demand', [], 8192, { toolChoice: ['auto'] }),
  chat('nvidia.nemotron-nano-12b-v2', 'on-demand', ['us-gov'], 8192, { toolChoice: ['auto'] }),
  chat('nvidia.nemotron-nano-3-30b', 'on-demand', ['us-gov'], 8192, { toolChoice: ['auto'] }),
  chat('nvidia.nemotron-super-3-120b', 'on-demand', [], 32768, { toolChoice: ['auto'] }),
  chat('zai.glm-4.7', 'on-demand', [], 128000, { toolChoice: ['auto'] }),
  chat('zai.glm-4.7-flash', 'on-demand', [], 128000, { toolChoice: ['auto'] }),
  chat('zai.glm-5', 'on-demand', [], 128000, { toolChoice: ['auto'] }),
  embedding('amazon.titan-embed-text-v1', 'on-demand', []),
  embedding('amazon.titan-embed-text-v2:0', 'on-demand', []),
  embedding('amazon.titan-embed-image-v1', 'on-demand', []),
  embedding('cohere.embed-english-v3', 'on-demand', []),
  embedding('cohere.embed-multilingual-v3', 'on-demand', []),
  embedding('cohere.embed-v4:0', { profileOnlyIn: ['ap-southeast-1'] }, ['global', 'us']),
  embedding('amazon.nova-2-multimodal-embeddings-v1:0', 'on-demand', []),
];

/** Model IDs Bedrock has retired: `ResourceNotFoundException` "…reached the end of its life…". */
export const END_OF_LIFE_MODEL_IDS: readonly string[] = [
  'anthropic.claude-v1',
  'anthropic.claude-v2',
  'anthropic.claude-v2:1',
  'anthropic.claude-instant-v1',
  'amazon.titan-text-agile-v1',
  'amazon.nova-sonic-v1:0',
  'stability.stable-diffusion-xl-v0',
];

/** Source regions from which each profile prefix can be called (bedrock-wire.md §6.1). */
export const PROFILE_PREFIX_REGIONS: Readonly<Record<Exclude<ProfilePrefix, 'global'>, readonly string[]>> = {
  us: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
  eu: ['eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-north-1', 'eu-south-1', 'eu-south-2'],
  apac: [
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-4',
    'ap-southeast-5',
    'ap-southeast-7',
    'ap-east-2',
    'me-central-1',
  ],
  jp: ['ap-northeast-1', 'ap-northeast-3'],
  au: ['ap-southeast-2', 'ap-southeast-4'],
  'us-gov': ['us-gov-east-1', 'us-gov-west-1'],
};

/** Every profile prefix, the longest match first (`us-gov.` before `us.`). */
export const PROFILE_PREFIXES: readonly ProfilePrefix[] = ['us-gov', 'global', 'apac', 'us', 'eu', 'jp', 'au'];

/** Whether a profile with `prefix` may be called from `region` (`global.`: any commercial region). */
export function profilePrefixServesRegion(prefix: ProfilePrefix, region: string): boolean {
  if (prefix === 'global') return !/^(us-gov-|us-iso|cn-|eusc-)/.test(region);
  return PROFILE_PREFIX_REGIONS[prefix].includes(region);
}

/** Whether `model` may be called with its base ID in `region`. */
export function isOnDemandIn(model: EmulatorModel, region: string): boolean {
  if (model.onDemand === 'on-demand') return true;
  if (model.onDemand === 'profile-only') return false;
  return !model.onDemand.profileOnlyIn.includes(region);
}

/** Default base model served for an application-inference-profile (or other account-scoped) ARN. */
export const DEFAULT_APPLICATION_PROFILE_MODEL = 'anthropic.claude-haiku-4-5-20251001-v1:0';
