/**
 * The model catalog: data only. The resolver (`resolve.ts`), cost (`cost.ts`) and listing (`models.ts`) read it.
 *
 * Sources (../shared/reference/, gathered for this project; all checked on {@link CATALOG_CHECKED}):
 * - `bedrock-models.json` (LiteLLM 2026-07-24, models.dev 2026-07-02, Vercel AI SDK 2026-08-22, AWS docs): IDs,
 *   names, context windows, max output tokens, observed profile prefixes, prices, release dates.
 * - `bedrock-wire.md` §6.2 (which models need a profile where), §7 (AWS Converse feature table), §5 (embeddings).
 * - `structured-output.md` (native structured output; 1h cache TTL only on Claude 4.5+).
 * - `peers.md` §0 (temperature + top_p conflict on Claude 4.5+, cache minimums).
 *
 * Rules used where sources disagree (each exception is commented at its entry):
 * - Prices: LiteLLM's base-ID price, else models.dev; geographic-profile prices where AWS charges more (Claude 4.5+,
 *   Nova 2 Lite: +10 % over base/`global.`, bedrock-wire.md §0.9; Nova v1, Llama 3.2 and DeepSeek V3.2 in EU).
 *   A geography without its own price costs the base price; `us-gov.` without its own price is unknown.
 * - `onDemandRegions`: `'none'` where every source says "profile only"; `'all'` where the base ID is listed as
 *   on demand (or nothing says otherwise); a Region list where the answer is per Region (bedrock-wire.md §0.8).
 *   Where unsure and a same-priced profile exists, the list is kept short, so the client calls the profile, which
 *   works either way.
 * - `profiles`: the prefixes observed in LiteLLM / models.dev / Vercel (evidence of existence, not of absence).
 * - Audio and video input: the reference's `input_modalities` (video: Nova Lite, Pro, Premier, 2 Lite, and 2 Pro as
 *   its family; audio: Voxtral). Citations: Claude 3.5 Haiku, 3.7 and later (Anthropic's citations feature, which
 *   Claude 3 models lack); no other family documents Converse citations.
 * - Capabilities: the AWS feature table where it has a row; otherwise conservative (`false`, `['auto']`) unless a
 *   newer model family is listed with the feature by the sources (noted inline).
 * - Prompt-cache minimums (tokens per checkpoint): Claude 3.7 / 4 / 4.1 / Sonnet 4.5: 1,024; Claude 3.5 Haiku and
 *   Sonnet 4.6: 2,048; Haiku 4.5, Opus 4.5, Opus 4.6: 4,096 (Anthropic's table); Nova: 1,000 (AWS prompt-caching
 *   page). Newer Claude models without a published figure use their family's value; a minimum set too high only
 *   means a cache point is skipped, never a failed request. TTL `1h` only on Claude 4.5+; Nova caches no tools.
 */
import type { ChatCapabilities, ModelEntry } from './types.js';

/** The date the data in this file was last checked against the references. */
export const CATALOG_CHECKED = '2026-11-21';

// --- Capability sets shared by a family (data; spread into entries) --------------------------------------------

const CLAUDE_3 = {
  tools: true,
  toolChoice: ['auto', 'any', 'tool'],
  streamingTools: true,
  vision: true,
  documents: true,
  audio: false,
  video: false,
  // Anthropic's citations need Claude 3.5 Sonnet v2 or later (and not 3 Haiku): off here, on from CLAUDE_CITATIONS.
  citations: false,
  systemPrompt: true,
  reasoning: 'none',
  promptCaching: null,
  structuredOutput: false,
  temperatureTopPConflict: false,
  streaming: true,
} as const satisfies ChatCapabilities;

const CLAUDE_3_5_HAIKU = {
  ...CLAUDE_3,
  citations: true,
  // Bedrock serves Claude 3.5 Haiku text-only (bedrock-models.json notes).
  vision: false,
  promptCaching: { minTokens: 2048, ttls: ['5m'], tools: true },
} as const satisfies ChatCapabilities;

/** Claude 3.7 Sonnet, Sonnet 4, Opus 4 and 4.1: extended thinking, 5-minute caching. */
const CLAUDE_THINKING = {
  ...CLAUDE_3,
  citations: true,
  reasoning: 'anthropic-thinking',
  promptCaching: { minTokens: 1024, ttls: ['5m'], tools: true },
} as const satisfies ChatCapabilities;

/** Claude 4.5 and later: native structured output, 1h cache TTL, temperature and top_p exclusive. */
const CLAUDE_4_5 = {
  ...CLAUDE_THINKING,
  promptCaching: { minTokens: 1024, ttls: ['5m', '1h'], tools: true },
  structuredOutput: true,
  temperatureTopPConflict: true,
} as const satisfies ChatCapabilities;

const CLAUDE_4_5_CACHE_2048 = {
  ...CLAUDE_4_5,
  promptCaching: { minTokens: 2048, ttls: ['5m', '1h'], tools: true },
} as const satisfies ChatCapabilities;

const CLAUDE_4_5_CACHE_4096 = {
  ...CLAUDE_4_5,
  promptCaching: { minTokens: 4096, ttls: ['5m', '1h'], tools: true },
} as const satisfies ChatCapabilities;

/** Nova Micro: text only, no document chat (AWS feature table). */
const NOVA_MICRO = {
  tools: true,
  toolChoice: ['auto', 'any', 'tool'],
  streamingTools: true,
  vision: false,
  documents: false,
  audio: false,
  video: false,
  citations: false,
  systemPrompt: true,
  reasoning: 'none',
  promptCaching: { minTokens: 1000, ttls: ['5m'], tools: false },
  structuredOutput: false,
  temperatureTopPConflict: false,
  streaming: true,
} as const satisfies ChatCapabilities;

/** Nova Lite, Pro, Premier: images, video and documents (input modalities text, image, video in the reference). */
const NOVA_MULTIMODAL = { ...NOVA_MICRO, vision: true, documents: true, video: true } as const satisfies ChatCapabilities;

/** Nova 2: reasoning through `reasoningConfig`. Tool choice follows the Nova user guide (auto/any/tool). */
const NOVA_2 = { ...NOVA_MULTIMODAL, reasoning: 'nova-reasoning-config' } as const satisfies ChatCapabilities;

/** Plain text models with no tool use (Llama 3, Llama 3.2 1B/3B). */
const TEXT_ONLY = {
  tools: false,
  toolChoice: [],
  streamingTools: false,
  vision: false,
  documents: true,
  audio: false,
  video: false,
  citations: false,
  systemPrompt: true,
  reasoning: 'none',
  promptCaching: null,
  structuredOutput: false,
  temperatureTopPConflict: false,
  streaming: true,
} as const satisfies ChatCapabilities;

/** Llama 3.1: tool use (auto only) but no streaming tool use (AWS feature table). */
const LLAMA_TOOLS = { ...TEXT_ONLY, tools: true, toolChoice: ['auto'] } as const satisfies ChatCapabilities;

/** Llama 3.2 11B / 90B Vision. */
const LLAMA_VISION = { ...LLAMA_TOOLS, vision: true } as const satisfies ChatCapabilities;

/** Llama 4: no ConverseStream at all (AWS Meta page, bedrock-wire.md §6.4); document chat not listed. */
const LLAMA_4 = { ...LLAMA_VISION, documents: false, streaming: false } as const satisfies ChatCapabilities;

/** Mistral 7B and Mixtral: no system prompt, no tools (AWS feature table). */
const MISTRAL_INSTRUCT = { ...TEXT_ONLY, systemPrompt: false } as const satisfies ChatCapabilities;

/** Mistral Large 24.02 / 24.07: tools with auto/any, no streaming tool use (AWS feature table). */
const MISTRAL_LARGE = { ...TEXT_ONLY, tools: true, toolChoice: ['auto', 'any'] } as const satisfies ChatCapabilities;

/** Cohere Command R / R+ and AI21 Jamba 1.5: tools and streaming tools, documents, no vision (AWS feature table). */
const TOOLS_STREAMING = { ...TEXT_ONLY, tools: true, toolChoice: ['auto'], streamingTools: true } as const satisfies ChatCapabilities;

/**
 * Open-weight models newer than AWS's feature table (DeepSeek V3.x, Qwen3): tool use is listed by LiteLLM and
 * models.dev, ConverseStream by the reference; streaming tool use is assumed (Bedrock rejects it loudly if not).
 * Document chat is not listed, so it is off.
 */
const OPEN_WEIGHT_TOOLS = { ...TOOLS_STREAMING, documents: false } as const satisfies ChatCapabilities;

// --- The catalog --------------------------------------------------------------------------------------------

/**
 * Every model this package knows, keyed by its canonical alias. Each entry also answers to the names in `aliases`,
 * and every alias works with a `bedrock/` prefix.
 */
export const CATALOG = {
  // ---------------------------------------------------------------------------------------- Anthropic Claude
  'claude-3-haiku': {
    alias: 'claude-3-haiku',
    aliases: ['claude-3-haiku-20240307'],
    id: 'anthropic.claude-3-haiku-20240307-v1:0',
    name: 'Claude 3 Haiku',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_3,
    contextWindow: 200_000,
    maxOutputTokens: 4096,
    profiles: ['us', 'eu', 'apac'],
    // ON_DEMAND even in ap-southeast-1's listing (bedrock-wire.md §6.2).
    onDemandRegions: 'all',
    prices: { base: { input: 0.25, output: 1.25, cacheRead: 0.025, cacheWrite: 0.3125 } },
    releaseDate: '2024-03-13',
  },
  'claude-3-sonnet': {
    alias: 'claude-3-sonnet',
    aliases: ['claude-3-sonnet-20240229'],
    id: 'anthropic.claude-3-sonnet-20240229-v1:0',
    name: 'Claude 3 Sonnet',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_3,
    contextWindow: 200_000,
    maxOutputTokens: 4096,
    profiles: ['us', 'eu', 'apac'],
    // Profile-only in ap-southeast-1's listing; on demand in its launch Regions. Elsewhere the profile is used.
    onDemandRegions: ['us-east-1', 'us-west-2'],
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: '2024-03-04',
  },
  'claude-3-opus': {
    alias: 'claude-3-opus',
    aliases: ['claude-3-opus-20240229'],
    id: 'anthropic.claude-3-opus-20240229-v1:0',
    name: 'Claude 3 Opus',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_3,
    contextWindow: 200_000,
    maxOutputTokens: 4096,
    profiles: ['us', 'eu'],
    // Served on demand only in us-west-2; us./eu. profiles elsewhere (same price).
    onDemandRegions: ['us-west-2'],
    prices: { base: { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 } },
    releaseDate: '2024-02-29',
  },
  'claude-3-5-sonnet': {
    alias: 'claude-3-5-sonnet',
    // The ported library maps `claude-3-5-sonnet` to the October 2024 (v2) model.
    aliases: ['claude-3-5-sonnet-v2', 'claude-3-5-sonnet-20241022'],
    id: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
    name: 'Claude 3.5 Sonnet v2',
    provider: 'Anthropic',
    kind: 'chat',
    // Prompt caching was a closed preview on this model (AWS prompt-caching page); not offered.
    capabilities: CLAUDE_3,
    contextWindow: 200_000,
    maxOutputTokens: 8192,
    profiles: ['us', 'eu', 'apac'],
    onDemandRegions: 'none',
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: '2024-10-22',
  },
  'claude-3-5-sonnet-v1': {
    alias: 'claude-3-5-sonnet-v1',
    aliases: ['claude-3-5-sonnet-20240620'],
    id: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    name: 'Claude 3.5 Sonnet',
    provider: 'Anthropic',
    kind: 'chat',
    // bedrock-models.json marks prompt caching, but AWS's prompt-caching page never lists this model: not offered.
    capabilities: CLAUDE_3,
    contextWindow: 200_000,
    maxOutputTokens: 4096,
    profiles: ['us', 'eu', 'apac', 'us-gov'],
    onDemandRegions: 'all',
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: '2024-06-20',
  },
  'claude-3-5-haiku': {
    alias: 'claude-3-5-haiku',
    aliases: ['claude-3-5-haiku-20241022'],
    id: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    name: 'Claude 3.5 Haiku',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_3_5_HAIKU,
    contextWindow: 200_000,
    maxOutputTokens: 8192,
    profiles: ['us', 'eu'],
    // On demand in us-west-2 (its launch Region); the us. profile elsewhere.
    onDemandRegions: ['us-west-2'],
    // LiteLLM's eu. price (0.25/1.25) is Claude 3 Haiku's, copied by mistake; the base price applies.
    prices: { base: { input: 0.8, output: 4, cacheRead: 0.08, cacheWrite: 1 } },
    releaseDate: '2024-10-22',
  },
  'claude-3-7-sonnet': {
    alias: 'claude-3-7-sonnet',
    aliases: ['claude-3-7-sonnet-20250219'],
    id: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
    name: 'Claude 3.7 Sonnet',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_THINKING,
    contextWindow: 200_000,
    maxOutputTokens: 8192,
    profiles: ['us', 'eu', 'apac', 'us-gov'],
    onDemandRegions: 'none',
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: '2025-02-19',
  },
  'claude-sonnet-4': {
    alias: 'claude-sonnet-4',
    aliases: ['claude-4-sonnet', 'claude-sonnet-4-0', 'claude-sonnet-4-20250514'],
    id: 'anthropic.claude-sonnet-4-20250514-v1:0',
    name: 'Claude Sonnet 4',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_THINKING,
    // 1M only with the context-1m beta; 200K is the default window (bedrock-wire.md §6.4).
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    profiles: ['us', 'eu', 'apac', 'global'],
    onDemandRegions: 'none',
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: '2025-05-22',
  },
  'claude-opus-4': {
    alias: 'claude-opus-4',
    aliases: ['claude-4-opus', 'claude-opus-4-0', 'claude-opus-4-20250514'],
    id: 'anthropic.claude-opus-4-20250514-v1:0',
    name: 'Claude Opus 4',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_THINKING,
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    profiles: ['us', 'eu'],
    onDemandRegions: 'none',
    prices: { base: { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 } },
    releaseDate: '2025-05-22',
  },
  'claude-opus-4-1': {
    alias: 'claude-opus-4-1',
    aliases: ['claude-4-1-opus', 'claude-opus-4-1-20250805'],
    id: 'anthropic.claude-opus-4-1-20250805-v1:0',
    name: 'Claude Opus 4.1',
    provider: 'Anthropic',
    kind: 'chat',
    // Opus 4.1 already rejects `temperature` with `top_p` ("cannot both be specified for this model"), as the 4.5
    // models do: reported by users of several Bedrock clients (aws-samples/bedrock-chat PR #979).
    capabilities: { ...CLAUDE_THINKING, temperatureTopPConflict: true },
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    profiles: ['us', 'eu'],
    onDemandRegions: 'none',
    prices: { base: { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 } },
    releaseDate: '2025-08-05',
  },
  'claude-sonnet-4-5': {
    alias: 'claude-sonnet-4-5',
    aliases: ['claude-4-5-sonnet', 'claude-sonnet-4-5-20250929'],
    id: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'Claude Sonnet 4.5',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_4_5,
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    profiles: ['us', 'eu', 'jp', 'au', 'us-gov', 'global'],
    onDemandRegions: 'none',
    // Geo profiles +10 % (LiteLLM lists input/output; cache prices carry the same +10 %). us-gov: LiteLLM 3.6/18.
    prices: {
      base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      global: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      us: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      eu: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      jp: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      au: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      'us-gov': { input: 3.6, output: 18 },
    },
    releaseDate: '2025-09-29',
  },
  'claude-haiku-4-5': {
    alias: 'claude-haiku-4-5',
    aliases: ['claude-4-5-haiku', 'claude-haiku-4-5-20251001'],
    id: 'anthropic.claude-haiku-4-5-20251001-v1:0',
    name: 'Claude Haiku 4.5',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    profiles: ['us', 'eu', 'apac', 'jp', 'au', 'global'],
    onDemandRegions: 'none',
    prices: {
      base: { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
      global: { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
      us: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 },
      eu: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 },
      apac: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 },
      jp: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 },
      au: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 },
    },
    releaseDate: '2025-10-15',
  },
  'claude-opus-4-5': {
    alias: 'claude-opus-4-5',
    aliases: ['claude-4-5-opus', 'claude-opus-4-5-20251101'],
    id: 'anthropic.claude-opus-4-5-20251101-v1:0',
    name: 'Claude Opus 4.5',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    profiles: ['us', 'eu', 'global'],
    onDemandRegions: 'none',
    // LiteLLM prices eu. at the global rate but us. at +10 %; AWS applies the geo premium uniformly from 4.5 on.
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
    },
    releaseDate: '2025-11-24',
  },
  'claude-opus-4-6': {
    alias: 'claude-opus-4-6',
    aliases: ['claude-4-6-opus'],
    // No `:0` suffix (models.dev renamed it 2026-02-05; bedrock-wire.md §6.4).
    id: 'anthropic.claude-opus-4-6-v1',
    name: 'Claude Opus 4.6',
    provider: 'Anthropic',
    kind: 'chat',
    // Adaptive thinking and effort up to `max` (bedrock-models.json notes: LiteLLM's adaptive_thinking, max_reasoning_effort).
    capabilities: { ...CLAUDE_4_5_CACHE_4096, effortLevels: ['low', 'medium', 'high', 'max'] },
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    profiles: ['us', 'eu', 'au', 'global'],
    onDemandRegions: 'none',
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      au: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
    },
    releaseDate: '2026-02-05',
  },
  'claude-sonnet-4-6': {
    alias: 'claude-sonnet-4-6',
    aliases: ['claude-4-6-sonnet'],
    // LiteLLM and models.dev; Vercel lists `anthropic.claude-sonnet-4-6-v1` (bedrock-wire.md §0.7). Either passes
    // through when given in full.
    id: 'anthropic.claude-sonnet-4-6',
    name: 'Claude Sonnet 4.6',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_4_5_CACHE_2048,
    contextWindow: 1_000_000,
    maxOutputTokens: 64_000,
    profiles: ['us', 'eu', 'jp', 'au', 'global'],
    onDemandRegions: 'none',
    prices: {
      base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      global: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      us: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      eu: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      jp: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      au: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
    },
    releaseDate: '2026-02-17',
  },
  'claude-opus-4-7': {
    alias: 'claude-opus-4-7',
    aliases: ['claude-4-7-opus'],
    id: 'anthropic.claude-opus-4-7',
    name: 'Claude Opus 4.7',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    profiles: ['us', 'eu', 'jp', 'au', 'global'],
    onDemandRegions: 'none',
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      jp: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      au: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
    },
    releaseDate: '2026-04-16',
  },
  'claude-opus-4-8': {
    alias: 'claude-opus-4-8',
    aliases: ['claude-4-8-opus'],
    id: 'anthropic.claude-opus-4-8',
    name: 'Claude Opus 4.8',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    profiles: ['us', 'eu', 'jp', 'au', 'global'],
    onDemandRegions: 'none',
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      jp: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      au: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
    },
    releaseDate: '2026-05-28',
  },
  'claude-sonnet-5': {
    alias: 'claude-sonnet-5',
    aliases: ['claude-5-sonnet'],
    id: 'anthropic.claude-sonnet-5',
    name: 'Claude Sonnet 5',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_4_5_CACHE_2048,
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    profiles: ['us', 'eu', 'jp', 'au', 'global'],
    onDemandRegions: 'none',
    prices: {
      base: { input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 },
      global: { input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 },
      us: { input: 2.2, output: 11, cacheRead: 0.22, cacheWrite: 2.75 },
      eu: { input: 2.2, output: 11, cacheRead: 0.22, cacheWrite: 2.75 },
      jp: { input: 2.2, output: 11, cacheRead: 0.22, cacheWrite: 2.75 },
      au: { input: 2.2, output: 11, cacheRead: 0.22, cacheWrite: 2.75 },
    },
    releaseDate: '2026-06-30',
  },
  'claude-opus-5': {
    alias: 'claude-opus-5',
    aliases: ['claude-5-opus'],
    // LiteLLM only (bedrock-models.json); a jp. profile also appears in models.dev. No release date in the sources.
    id: 'anthropic.claude-opus-5',
    name: 'Claude Opus 5',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    profiles: ['us', 'eu', 'jp', 'au', 'global'],
    onDemandRegions: 'none',
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      jp: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      au: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
    },
  },
  'claude-fable-5': {
    alias: 'claude-fable-5',
    aliases: ['claude-5-fable'],
    // LiteLLM only (bedrock-models.json). No release date in the sources.
    id: 'anthropic.claude-fable-5',
    name: 'Claude Fable 5',
    provider: 'Anthropic',
    kind: 'chat',
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    profiles: ['us', 'eu', 'global'],
    onDemandRegions: 'none',
    prices: {
      base: { input: 10, output: 50, cacheRead: 1, cacheWrite: 12.5 },
      global: { input: 10, output: 50, cacheRead: 1, cacheWrite: 12.5 },
      us: { input: 11, output: 55, cacheRead: 1.1, cacheWrite: 13.75 },
      eu: { input: 11, output: 55, cacheRead: 1.1, cacheWrite: 13.75 },
    },
  },

  // ----------------------------------------------------------------------------------------------- Amazon Nova
  'nova-micro': {
    alias: 'nova-micro',
    aliases: ['nova-micro-v1'],
    id: 'amazon.nova-micro-v1:0',
    name: 'Nova Micro',
    provider: 'Amazon',
    kind: 'chat',
    capabilities: NOVA_MICRO,
    contextWindow: 128_000,
    maxOutputTokens: 10_000,
    profiles: ['us', 'eu', 'apac'],
    // On demand in us-east-1, profile-only in ap-southeast-1 (bedrock-wire.md §0.8). Elsewhere the profile is used.
    onDemandRegions: ['us-east-1'],
    // Cache reads: models.dev (LiteLLM has none). Cache writes: no source, so unknown.
    prices: {
      base: { input: 0.035, output: 0.14, cacheRead: 0.00875 },
      eu: { input: 0.046, output: 0.184 },
      apac: { input: 0.037, output: 0.148 },
    },
    releaseDate: '2024-12-03',
  },
  'nova-lite': {
    alias: 'nova-lite',
    aliases: ['nova-lite-v1'],
    id: 'amazon.nova-lite-v1:0',
    name: 'Nova Lite',
    provider: 'Amazon',
    kind: 'chat',
    capabilities: NOVA_MULTIMODAL,
    contextWindow: 300_000,
    maxOutputTokens: 10_000,
    profiles: ['us', 'eu', 'apac'],
    onDemandRegions: ['us-east-1'],
    prices: {
      base: { input: 0.06, output: 0.24, cacheRead: 0.015 },
      eu: { input: 0.078, output: 0.312 },
      apac: { input: 0.063, output: 0.252 },
    },
    releaseDate: '2024-12-03',
  },
  'nova-pro': {
    alias: 'nova-pro',
    aliases: ['nova-pro-v1'],
    id: 'amazon.nova-pro-v1:0',
    name: 'Nova Pro',
    provider: 'Amazon',
    kind: 'chat',
    capabilities: NOVA_MULTIMODAL,
    contextWindow: 300_000,
    maxOutputTokens: 10_000,
    profiles: ['us', 'eu', 'apac'],
    onDemandRegions: ['us-east-1'],
    prices: {
      base: { input: 0.8, output: 3.2, cacheRead: 0.2 },
      eu: { input: 1.05, output: 4.2 },
      apac: { input: 0.84, output: 3.36 },
    },
    releaseDate: '2024-12-03',
  },
  'nova-premier': {
    alias: 'nova-premier',
    aliases: ['nova-premier-v1'],
    id: 'amazon.nova-premier-v1:0',
    name: 'Nova Premier',
    provider: 'Amazon',
    kind: 'chat',
    // AWS's prompt-caching page lists Nova Premier as generally available. Its "reasoning" flag in LiteLLM is not
    // the Nova 2 reasoningConfig, so reasoning is `none`.
    capabilities: NOVA_MULTIMODAL,
    contextWindow: 1_000_000,
    maxOutputTokens: 16_384,
    profiles: ['us'],
    onDemandRegions: 'none',
    // Only the us. profile is priced (LiteLLM, models.dev).
    prices: { base: { input: 2.5, output: 12.5 }, us: { input: 2.5, output: 12.5 } },
    releaseDate: '2024-12-03',
  },
  'nova-2-lite': {
    alias: 'nova-2-lite',
    aliases: ['nova-2-lite-v1'],
    id: 'amazon.nova-2-lite-v1:0',
    name: 'Nova 2 Lite',
    provider: 'Amazon',
    kind: 'chat',
    capabilities: NOVA_2,
    // LiteLLM (models.dev's 128K/4,096 entry is stale: bedrock-wire.md §6.4).
    contextWindow: 1_000_000,
    maxOutputTokens: 64_000,
    // jp.: models.dev has providers/amazon-bedrock/models/jp.amazon.nova-2-lite-v1:0.toml.
    profiles: ['us', 'eu', 'apac', 'jp', 'global'],
    onDemandRegions: 'none',
    prices: {
      base: { input: 0.3, output: 2.5, cacheRead: 0.075 },
      global: { input: 0.3, output: 2.5, cacheRead: 0.075 },
      us: { input: 0.33, output: 2.75 },
      eu: { input: 0.33, output: 2.75 },
      apac: { input: 0.33, output: 2.75 },
      jp: { input: 0.33, output: 2.75 },
    },
    // The reference's 2024-12-01 is models.dev's placeholder; Nova 2 launched with the 20251202 preview IDs.
    releaseDate: '2025-12-02',
  },
  'nova-2-pro': {
    alias: 'nova-2-pro',
    aliases: ['nova-2-pro-preview'],
    id: 'amazon.nova-2-pro-preview-20251202-v1:0',
    name: 'Nova 2 Pro (preview)',
    provider: 'Amazon',
    kind: 'chat',
    capabilities: NOVA_2,
    contextWindow: 1_000_000,
    maxOutputTokens: 64_000,
    profiles: ['us', 'eu', 'apac'],
    // Preview: no source says on demand; the profiles are priced the same as the base ID.
    onDemandRegions: 'none',
    prices: { base: { input: 2.1875, output: 17.5, cacheRead: 0.546875 } },
    releaseDate: '2025-12-02',
  },

  // ---------------------------------------------------------------------------------------------- Meta Llama
  'llama3-8b': {
    alias: 'llama3-8b',
    aliases: ['llama3-8b-instruct'],
    id: 'meta.llama3-8b-instruct-v1:0',
    name: 'Llama 3 8B Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: TEXT_ONLY,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.3, output: 0.6 } },
    releaseDate: '2024-07-23',
  },
  'llama3-70b': {
    alias: 'llama3-70b',
    aliases: ['llama3-70b-instruct'],
    id: 'meta.llama3-70b-instruct-v1:0',
    name: 'Llama 3 70B Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: TEXT_ONLY,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 2.65, output: 3.5 } },
    releaseDate: '2024-07-23',
  },
  'llama3-1-8b': {
    alias: 'llama3-1-8b',
    aliases: ['llama3-1-8b-instruct'],
    id: 'meta.llama3-1-8b-instruct-v1:0',
    name: 'Llama 3.1 8B Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: LLAMA_TOOLS,
    contextWindow: 128_000,
    maxOutputTokens: 2048,
    profiles: ['us'],
    // On demand in us-west-2 (launch Region); the us. profile (same price) elsewhere.
    onDemandRegions: ['us-west-2'],
    prices: { base: { input: 0.22, output: 0.22 } },
    releaseDate: '2024-07-23',
  },
  'llama3-1-70b': {
    alias: 'llama3-1-70b',
    aliases: ['llama3-1-70b-instruct'],
    id: 'meta.llama3-1-70b-instruct-v1:0',
    name: 'Llama 3.1 70B Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: LLAMA_TOOLS,
    contextWindow: 128_000,
    maxOutputTokens: 2048,
    profiles: ['us'],
    onDemandRegions: ['us-west-2'],
    // models.dev (0.72) has AWS's December 2024 price cut; LiteLLM's 0.99 predates it.
    prices: { base: { input: 0.72, output: 0.72 } },
    releaseDate: '2024-07-23',
  },
  'llama3-1-405b': {
    alias: 'llama3-1-405b',
    aliases: ['llama3-1-405b-instruct'],
    id: 'meta.llama3-1-405b-instruct-v1:0',
    name: 'Llama 3.1 405B Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: LLAMA_TOOLS,
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: ['us'],
    onDemandRegions: ['us-west-2'],
    // models.dev (2.4/2.4) has AWS's December 2024 price cut; LiteLLM's 5.32/16 predates it.
    prices: { base: { input: 2.4, output: 2.4 } },
    releaseDate: '2024-07-23',
  },
  'llama3-2-1b': {
    alias: 'llama3-2-1b',
    aliases: ['llama3-2-1b-instruct'],
    id: 'meta.llama3-2-1b-instruct-v1:0',
    name: 'Llama 3.2 1B Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: TEXT_ONLY,
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: ['us', 'eu'],
    // "Llama 3.2 and 3.3 use geofencing" (AWS Meta page): profile only.
    onDemandRegions: 'none',
    prices: { base: { input: 0.1, output: 0.1 }, eu: { input: 0.13, output: 0.13 } },
    releaseDate: '2024-09-25',
  },
  'llama3-2-3b': {
    alias: 'llama3-2-3b',
    aliases: ['llama3-2-3b-instruct'],
    id: 'meta.llama3-2-3b-instruct-v1:0',
    name: 'Llama 3.2 3B Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: TEXT_ONLY,
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: ['us', 'eu'],
    onDemandRegions: 'none',
    prices: { base: { input: 0.15, output: 0.15 }, eu: { input: 0.19, output: 0.19 } },
    releaseDate: '2024-09-25',
  },
  'llama3-2-11b': {
    alias: 'llama3-2-11b',
    aliases: ['llama3-2-11b-instruct', 'llama3-2-11b-vision'],
    id: 'meta.llama3-2-11b-instruct-v1:0',
    name: 'Llama 3.2 11B Vision Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: LLAMA_VISION,
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: ['us'],
    onDemandRegions: 'none',
    // models.dev (0.16) has AWS's December 2024 price cut; LiteLLM's 0.35 predates it.
    prices: { base: { input: 0.16, output: 0.16 } },
    releaseDate: '2024-09-25',
  },
  'llama3-2-90b': {
    alias: 'llama3-2-90b',
    aliases: ['llama3-2-90b-instruct', 'llama3-2-90b-vision'],
    id: 'meta.llama3-2-90b-instruct-v1:0',
    name: 'Llama 3.2 90B Vision Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: LLAMA_VISION,
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: ['us'],
    onDemandRegions: 'none',
    // models.dev (0.72) has AWS's December 2024 price cut; LiteLLM's 2.0 predates it.
    prices: { base: { input: 0.72, output: 0.72 } },
    releaseDate: '2024-09-25',
  },
  'llama3-3-70b': {
    alias: 'llama3-3-70b',
    aliases: ['llama3-3-70b-instruct'],
    id: 'meta.llama3-3-70b-instruct-v1:0',
    name: 'Llama 3.3 70B Instruct',
    provider: 'Meta',
    kind: 'chat',
    // Not in AWS's feature table: treated like Llama 3.1 (auto tool choice, no streaming tools); documents unlisted.
    capabilities: { ...LLAMA_TOOLS, documents: false },
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: ['us'],
    onDemandRegions: 'none',
    prices: { base: { input: 0.72, output: 0.72 } },
    releaseDate: '2024-12-06',
  },
  'llama4-scout': {
    alias: 'llama4-scout',
    aliases: ['llama4-scout-17b', 'llama4-scout-17b-instruct'],
    id: 'meta.llama4-scout-17b-instruct-v1:0',
    name: 'Llama 4 Scout 17B Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: LLAMA_4,
    // LiteLLM 128K vs models.dev 3.5M: unresolved; the smaller figure is kept.
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: ['us'],
    onDemandRegions: 'none',
    prices: { base: { input: 0.17, output: 0.66 } },
    releaseDate: '2025-04-05',
  },
  'llama4-maverick': {
    alias: 'llama4-maverick',
    aliases: ['llama4-maverick-17b', 'llama4-maverick-17b-instruct'],
    id: 'meta.llama4-maverick-17b-instruct-v1:0',
    name: 'Llama 4 Maverick 17B Instruct',
    provider: 'Meta',
    kind: 'chat',
    capabilities: LLAMA_4,
    // LiteLLM 128K vs models.dev 1M: unresolved; the smaller figure is kept.
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: ['us'],
    onDemandRegions: 'none',
    prices: { base: { input: 0.24, output: 0.97 } },
    releaseDate: '2025-04-05',
  },

  // ------------------------------------------------------------------------------------------------ Mistral AI
  'mistral-7b': {
    alias: 'mistral-7b',
    aliases: ['mistral-7b-instruct'],
    id: 'mistral.mistral-7b-instruct-v0:2',
    name: 'Mistral 7B Instruct',
    provider: 'Mistral AI',
    kind: 'chat',
    capabilities: MISTRAL_INSTRUCT,
    contextWindow: 32_000,
    maxOutputTokens: 8191,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.15, output: 0.2 } },
    releaseDate: '2025-04-01',
  },
  'mixtral-8x7b': {
    alias: 'mixtral-8x7b',
    aliases: ['mixtral-8x7b-instruct'],
    id: 'mistral.mixtral-8x7b-instruct-v0:1',
    name: 'Mixtral 8x7B Instruct',
    provider: 'Mistral AI',
    kind: 'chat',
    capabilities: MISTRAL_INSTRUCT,
    contextWindow: 32_000,
    maxOutputTokens: 8191,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.45, output: 0.7 } },
    releaseDate: '2025-04-01',
  },
  'mistral-large': {
    alias: 'mistral-large',
    // The ported library maps `mistral-large` to Mistral Large 24.02.
    aliases: ['mistral-large-2402'],
    id: 'mistral.mistral-large-2402-v1:0',
    name: 'Mistral Large (24.02)',
    provider: 'Mistral AI',
    kind: 'chat',
    capabilities: MISTRAL_LARGE,
    contextWindow: 32_000,
    maxOutputTokens: 8191,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 8, output: 24 } },
    releaseDate: '2024-12-01',
  },
  'mistral-large-2': {
    alias: 'mistral-large-2',
    aliases: ['mistral-large-2407'],
    id: 'mistral.mistral-large-2407-v1:0',
    name: 'Mistral Large 2 (24.07)',
    provider: 'Mistral AI',
    kind: 'chat',
    capabilities: MISTRAL_LARGE,
    contextWindow: 128_000,
    maxOutputTokens: 8191,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 3, output: 9 } },
    releaseDate: '2024-07-24',
  },
  'pixtral-large': {
    alias: 'pixtral-large',
    aliases: ['pixtral-large-2502'],
    id: 'mistral.pixtral-large-2502-v1:0',
    name: 'Pixtral Large (25.02)',
    provider: 'Mistral AI',
    kind: 'chat',
    // Not in AWS's feature table: Mistral Large's restrictions (no streaming tools) plus vision; tool choice auto.
    capabilities: { ...MISTRAL_LARGE, toolChoice: ['auto'], vision: true, documents: false },
    contextWindow: 128_000,
    maxOutputTokens: 8192,
    profiles: ['us', 'eu'],
    onDemandRegions: 'none',
    prices: { base: { input: 2, output: 6 } },
    releaseDate: '2025-04-08',
  },
  'voxtral-mini': {
    alias: 'voxtral-mini',
    aliases: ['voxtral-mini-3b'],
    id: 'mistral.voxtral-mini-3b-2507',
    name: 'Voxtral Mini 3B',
    provider: 'Mistral AI',
    kind: 'chat',
    // Reference: input audio and text, Converse yes, ConverseStream unknown, tool use (LiteLLM/models.dev flag),
    // tool choice and documents unknown. Streaming is left on: Bedrock answers loudly if not.
    capabilities: { ...TEXT_ONLY, tools: true, toolChoice: ['auto'], documents: false, audio: true },
    contextWindow: 128_000,
    maxOutputTokens: 8192,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.04, output: 0.04 } },
    releaseDate: '2025-07-15',
  },
  'voxtral-small': {
    alias: 'voxtral-small',
    aliases: ['voxtral-small-24b'],
    id: 'mistral.voxtral-small-24b-2507',
    name: 'Voxtral Small 24B',
    provider: 'Mistral AI',
    kind: 'chat',
    // As Voxtral Mini.
    capabilities: { ...TEXT_ONLY, tools: true, toolChoice: ['auto'], documents: false, audio: true },
    contextWindow: 128_000,
    maxOutputTokens: 8192,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.1, output: 0.3 } },
    releaseDate: '2025-07-15',
  },

  // ---------------------------------------------------------------------------------------------------- Cohere
  'command-r': {
    alias: 'command-r',
    aliases: [],
    id: 'cohere.command-r-v1:0',
    name: 'Command R',
    provider: 'Cohere',
    kind: 'chat',
    capabilities: TOOLS_STREAMING,
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.5, output: 1.5 } },
    releaseDate: '2024-03-11',
  },
  'command-r-plus': {
    alias: 'command-r-plus',
    aliases: [],
    id: 'cohere.command-r-plus-v1:0',
    name: 'Command R+',
    provider: 'Cohere',
    kind: 'chat',
    capabilities: TOOLS_STREAMING,
    contextWindow: 128_000,
    maxOutputTokens: 4096,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 3, output: 15 } },
    releaseDate: '2024-04-04',
  },

  // ------------------------------------------------------------------------------------------------ AI21 Labs
  'jamba-1-5-large': {
    alias: 'jamba-1-5-large',
    aliases: [],
    id: 'ai21.jamba-1-5-large-v1:0',
    name: 'Jamba 1.5 Large',
    provider: 'AI21 Labs',
    kind: 'chat',
    capabilities: TOOLS_STREAMING,
    contextWindow: 256_000,
    maxOutputTokens: 256_000,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 2, output: 8 } },
    releaseDate: '2024-08-15',
  },
  'jamba-1-5-mini': {
    alias: 'jamba-1-5-mini',
    aliases: [],
    id: 'ai21.jamba-1-5-mini-v1:0',
    name: 'Jamba 1.5 Mini',
    provider: 'AI21 Labs',
    kind: 'chat',
    capabilities: TOOLS_STREAMING,
    contextWindow: 256_000,
    maxOutputTokens: 256_000,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.2, output: 0.4 } },
    releaseDate: '2024-08-15',
  },

  // --------------------------------------------------------------------------------------------------- DeepSeek
  'deepseek-r1': {
    alias: 'deepseek-r1',
    aliases: [],
    id: 'deepseek.r1-v1:0',
    name: 'DeepSeek-R1',
    provider: 'DeepSeek',
    kind: 'chat',
    // Reasons on every request. Tool use is unverified (LiteLLM: no flag; models.dev: yes), so it is off.
    capabilities: { ...TEXT_ONLY, documents: false, reasoning: 'always-on' },
    contextWindow: 128_000,
    // AWS's InvokeModel max_tokens limit (1–32,768); the model card says 8K.
    maxOutputTokens: 32_768,
    profiles: ['us'],
    // "invoked through cross-Region inference … use us.deepseek.r1-v1:0" (AWS DeepSeek page).
    onDemandRegions: 'none',
    // Only the us. profile is priced (LiteLLM, models.dev).
    prices: { base: { input: 1.35, output: 5.4 }, us: { input: 1.35, output: 5.4 } },
    releaseDate: '2025-01-20',
  },
  'deepseek-v3': {
    alias: 'deepseek-v3',
    aliases: ['deepseek-v3-1'],
    id: 'deepseek.v3-v1:0',
    name: 'DeepSeek-V3.1',
    provider: 'DeepSeek',
    kind: 'chat',
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 163_840,
    maxOutputTokens: 81_920,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.58, output: 1.68 } },
    releaseDate: '2025-09-18',
  },
  'deepseek-v3-2': {
    alias: 'deepseek-v3-2',
    aliases: [],
    id: 'deepseek.v3.2',
    name: 'DeepSeek-V3.2',
    provider: 'DeepSeek',
    kind: 'chat',
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 163_840,
    maxOutputTokens: 163_840,
    profiles: ['us', 'eu'],
    onDemandRegions: 'all',
    prices: { base: { input: 0.62, output: 1.85 }, eu: { input: 0.74, output: 2.22 } },
    releaseDate: '2026-02-06',
  },

  // ------------------------------------------------------------------------------------------- OpenAI gpt-oss
  'gpt-oss-20b': {
    alias: 'gpt-oss-20b',
    aliases: [],
    id: 'openai.gpt-oss-20b-1:0',
    name: 'gpt-oss-20b',
    provider: 'OpenAI',
    kind: 'chat',
    // Native structured output: named in structured-output.md.
    capabilities: { ...OPEN_WEIGHT_TOOLS, reasoning: 'openai-reasoning-effort', structuredOutput: true },
    contextWindow: 128_000,
    // LiteLLM 128,000 vs models.dev 16,384 vs Roo-Code 8,192: LiteLLM kept.
    maxOutputTokens: 128_000,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.07, output: 0.3 } },
    releaseDate: '2025-08-05',
  },
  'gpt-oss-120b': {
    alias: 'gpt-oss-120b',
    aliases: [],
    id: 'openai.gpt-oss-120b-1:0',
    name: 'gpt-oss-120b',
    provider: 'OpenAI',
    kind: 'chat',
    capabilities: { ...OPEN_WEIGHT_TOOLS, reasoning: 'openai-reasoning-effort', structuredOutput: true },
    contextWindow: 128_000,
    maxOutputTokens: 128_000,
    profiles: ['us-gov'],
    onDemandRegions: 'all',
    prices: { base: { input: 0.15, output: 0.6 } },
    releaseDate: '2025-08-05',
  },

  // ------------------------------------------------------------------------------------------------------ Qwen
  'qwen3-32b': {
    alias: 'qwen3-32b',
    aliases: [],
    id: 'qwen.qwen3-32b-v1:0',
    name: 'Qwen3 32B (dense)',
    provider: 'Qwen',
    kind: 'chat',
    // Reasoning cannot be steered through Converse (no documented field), so `none`.
    capabilities: OPEN_WEIGHT_TOOLS,
    // LiteLLM 131,072 vs models.dev 16,384: LiteLLM kept.
    contextWindow: 131_072,
    maxOutputTokens: 16_384,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.15, output: 0.6 } },
    releaseDate: '2025-09-18',
  },
  'qwen3-235b': {
    alias: 'qwen3-235b',
    aliases: ['qwen3-235b-a22b', 'qwen3-235b-a22b-2507'],
    id: 'qwen.qwen3-235b-a22b-2507-v1:0',
    name: 'Qwen3 235B A22B 2507',
    provider: 'Qwen',
    kind: 'chat',
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 262_144,
    maxOutputTokens: 131_072,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.22, output: 0.88 } },
    releaseDate: '2025-09-18',
  },
  'qwen3-coder-30b': {
    alias: 'qwen3-coder-30b',
    aliases: ['qwen3-coder-30b-a3b'],
    id: 'qwen.qwen3-coder-30b-a3b-v1:0',
    name: 'Qwen3 Coder 30B A3B',
    provider: 'Qwen',
    kind: 'chat',
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 262_144,
    maxOutputTokens: 131_072,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.15, output: 0.6 } },
    releaseDate: '2025-09-18',
  },
  'qwen3-coder-480b': {
    alias: 'qwen3-coder-480b',
    aliases: ['qwen3-coder-480b-a35b'],
    id: 'qwen.qwen3-coder-480b-a35b-v1:0',
    name: 'Qwen3 Coder 480B A35B',
    provider: 'Qwen',
    kind: 'chat',
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 262_000,
    maxOutputTokens: 65_536,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.22, output: 1.8 } },
    releaseDate: '2025-09-18',
  },

  // ------------------------------------------------------------------------------------------------ Embeddings
  'titan-embed-text': {
    alias: 'titan-embed-text',
    aliases: ['titan-embed-text-v1'],
    id: 'amazon.titan-embed-text-v1',
    name: 'Titan Embeddings G1 - Text',
    provider: 'Amazon',
    kind: 'embedding',
    embedding: { family: 'titan-text-v1', dimensions: [1536], defaultDimensions: 1536, batchSize: 1, images: false },
    contextWindow: 8192,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.1, output: 0 } },
  },
  'titan-embed-text-v2': {
    alias: 'titan-embed-text-v2',
    aliases: [],
    id: 'amazon.titan-embed-text-v2:0',
    name: 'Titan Text Embeddings V2',
    provider: 'Amazon',
    kind: 'embedding',
    embedding: {
      family: 'titan-text-v2',
      dimensions: [1024, 512, 256],
      defaultDimensions: 1024,
      batchSize: 1,
      maxInputChars: 50_000,
      images: false,
    },
    contextWindow: 8192,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.02, output: 0 } },
  },
  'titan-embed-image': {
    alias: 'titan-embed-image',
    aliases: ['titan-embed-image-v1', 'titan-multimodal-embeddings'],
    id: 'amazon.titan-embed-image-v1',
    name: 'Titan Multimodal Embeddings G1',
    provider: 'Amazon',
    kind: 'embedding',
    embedding: { family: 'titan-multimodal', dimensions: [1024, 384, 256], defaultDimensions: 1024, batchSize: 1, images: true },
    // AWS docs: 256 text tokens (LiteLLM says 128).
    contextWindow: 256,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.8, output: 0 } },
  },
  'embed-english': {
    alias: 'embed-english',
    aliases: ['embed-english-v3', 'cohere-embed-english'],
    id: 'cohere.embed-english-v3',
    name: 'Embed English v3',
    provider: 'Cohere',
    kind: 'embedding',
    embedding: {
      family: 'cohere-v3',
      dimensions: [1024],
      defaultDimensions: 1024,
      batchSize: 96,
      maxInputChars: 2048,
      images: true,
    },
    // 512 tokens recommended per text.
    contextWindow: 512,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.1, output: 0 } },
  },
  'embed-multilingual': {
    alias: 'embed-multilingual',
    aliases: ['embed-multilingual-v3', 'cohere-embed-multilingual'],
    id: 'cohere.embed-multilingual-v3',
    name: 'Embed Multilingual v3',
    provider: 'Cohere',
    kind: 'embedding',
    embedding: {
      family: 'cohere-v3',
      dimensions: [1024],
      defaultDimensions: 1024,
      batchSize: 96,
      maxInputChars: 2048,
      images: true,
    },
    contextWindow: 512,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.1, output: 0 } },
  },
  'embed-v4': {
    alias: 'embed-v4',
    aliases: ['cohere-embed-v4', 'embed-v4-0'],
    // ListFoundationModels says `cohere.embed-v4:0`; the doc page says `cohere.embed-v4` (bedrock-wire.md §5).
    id: 'cohere.embed-v4:0',
    name: 'Embed v4',
    provider: 'Cohere',
    kind: 'embedding',
    embedding: { family: 'cohere-v4', dimensions: [1536, 1024, 512, 256], defaultDimensions: 1536, batchSize: 96, images: true },
    contextWindow: 128_000,
    maxOutputTokens: null,
    // Vercel mentions us. and global. profiles; ap-southeast-1 lists it as profile-only (bedrock-wire.md §6.2).
    profiles: ['us', 'global'],
    onDemandRegions: ['us-east-1'],
    prices: { base: { input: 0.12, output: 0 } },
  },
  'nova-multimodal-embeddings': {
    alias: 'nova-multimodal-embeddings',
    aliases: ['nova-2-multimodal-embeddings', 'nova-embed'],
    id: 'amazon.nova-2-multimodal-embeddings-v1:0',
    name: 'Nova Multimodal Embeddings',
    provider: 'Amazon',
    kind: 'embedding',
    // Default 1024 per the reference JSON (`default_dimension`).
    embedding: {
      family: 'nova-multimodal',
      dimensions: [1024, 3072, 384, 256],
      defaultDimensions: 1024,
      batchSize: 1,
      images: true,
    },
    // "8K tokens" (Nova user guide, bedrock-wire.md §5); the JSON's 8,172 looks like a typo.
    contextWindow: 8192,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: 'all',
    prices: { base: { input: 0.135, output: 0 } },
  },
} as const satisfies Record<string, ModelEntry>;

/** The canonical alias of every catalog entry (`claude-sonnet-4-5`, `nova-pro`, …). */
export type CanonicalAlias = keyof typeof CATALOG;

/** Every name the catalog answers to: canonical aliases and their other names. */
export type CatalogAlias = CanonicalAlias | (typeof CATALOG)[CanonicalAlias]['aliases'][number];

/**
 * What `model` accepts: a catalog alias, with or without `bedrock/`, or any other string (a Bedrock model ID, a
 * profile ID, an ARN, or a user alias). The union keeps editor completion without rejecting other strings.
 */
export type ModelName = CatalogAlias | `bedrock/${CatalogAlias}` | (string & {});

/** Every catalog entry as a plain list, in catalog order. */
export const CATALOG_ENTRIES: readonly ModelEntry[] = Object.values(CATALOG);
