import {
  serviceModelRegExp,
  serviceStringLength
} from "./chunk-MA7DIEUK.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  BedrockOpenAIError,
  ConfigurationError,
  ConflictError,
  DEFAULT_MAX_BODY_BYTES,
  InternalServerError,
  InvalidWebhookSignatureError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  Stream,
  UnprocessableEntityError,
  errorResponse,
  fromAwsError,
  httpError,
  redactSecrets
} from "./chunk-BKX5MZVJ.js";

// dist/src/core/api-promise.js
function attachRequestId(data, requestId) {
  if (typeof data === "object" && data !== null) {
    Object.defineProperty(data, "_request_id", { value: requestId ?? null, enumerable: false, writable: true, configurable: true });
  }
  return data;
}
var APIPromise = class _APIPromise extends Promise {
  #parsed;
  #responsePromise;
  constructor(responsePromise) {
    super((resolve2) => resolve2(null));
    this.#responsePromise = responsePromise;
    responsePromise.catch(() => void 0);
  }
  /** Creates an `APIPromise` from a function producing the response (called at once). */
  static from(produce) {
    return new _APIPromise(produce());
  }
  /** The result with the request ID and response metadata. */
  withResponse() {
    return this.#responsePromise;
  }
  #parse() {
    this.#parsed ??= this.#responsePromise.then((response) => attachRequestId(response.data, response.request_id));
    return this.#parsed;
  }
  then(onfulfilled, onrejected) {
    return this.#parse().then(onfulfilled, onrejected);
  }
  catch(onrejected) {
    return this.#parse().catch(onrejected);
  }
  finally(onfinally) {
    return this.#parse().finally(onfinally);
  }
  static get [Symbol.species]() {
    return Promise;
  }
};

// dist/src/models/catalog.js
var CATALOG_CHECKED = "2026-11-21";
var CLAUDE_3 = {
  tools: true,
  toolChoice: ["auto", "any", "tool"],
  streamingTools: true,
  vision: true,
  documents: true,
  audio: false,
  video: false,
  // Anthropic's citations need Claude 3.5 Sonnet v2 or later (and not 3 Haiku): off here, on from CLAUDE_CITATIONS.
  citations: false,
  systemPrompt: true,
  reasoning: "none",
  promptCaching: null,
  structuredOutput: false,
  temperatureTopPConflict: false,
  streaming: true
};
var CLAUDE_3_5_HAIKU = {
  ...CLAUDE_3,
  citations: true,
  // Bedrock serves Claude 3.5 Haiku text-only (bedrock-models.json notes).
  vision: false,
  promptCaching: { minTokens: 2048, ttls: ["5m"], tools: true }
};
var CLAUDE_THINKING = {
  ...CLAUDE_3,
  citations: true,
  reasoning: "anthropic-thinking",
  promptCaching: { minTokens: 1024, ttls: ["5m"], tools: true }
};
var CLAUDE_4_5 = {
  ...CLAUDE_THINKING,
  promptCaching: { minTokens: 1024, ttls: ["5m", "1h"], tools: true },
  structuredOutput: true,
  temperatureTopPConflict: true
};
var CLAUDE_4_5_CACHE_2048 = {
  ...CLAUDE_4_5,
  promptCaching: { minTokens: 2048, ttls: ["5m", "1h"], tools: true }
};
var CLAUDE_4_5_CACHE_4096 = {
  ...CLAUDE_4_5,
  promptCaching: { minTokens: 4096, ttls: ["5m", "1h"], tools: true }
};
var NOVA_MICRO = {
  tools: true,
  toolChoice: ["auto", "any", "tool"],
  streamingTools: true,
  vision: false,
  documents: false,
  audio: false,
  video: false,
  citations: false,
  systemPrompt: true,
  reasoning: "none",
  promptCaching: { minTokens: 1e3, ttls: ["5m"], tools: false },
  structuredOutput: false,
  temperatureTopPConflict: false,
  streaming: true
};
var NOVA_MULTIMODAL = { ...NOVA_MICRO, vision: true, documents: true, video: true };
var NOVA_2 = { ...NOVA_MULTIMODAL, reasoning: "nova-reasoning-config" };
var TEXT_ONLY = {
  tools: false,
  toolChoice: [],
  streamingTools: false,
  vision: false,
  documents: true,
  audio: false,
  video: false,
  citations: false,
  systemPrompt: true,
  reasoning: "none",
  promptCaching: null,
  structuredOutput: false,
  temperatureTopPConflict: false,
  streaming: true
};
var LLAMA_TOOLS = { ...TEXT_ONLY, tools: true, toolChoice: ["auto"] };
var LLAMA_VISION = { ...LLAMA_TOOLS, vision: true };
var LLAMA_4 = { ...LLAMA_VISION, documents: false, streaming: false };
var MISTRAL_INSTRUCT = { ...TEXT_ONLY, systemPrompt: false };
var MISTRAL_LARGE = { ...TEXT_ONLY, tools: true, toolChoice: ["auto", "any"] };
var TOOLS_STREAMING = { ...TEXT_ONLY, tools: true, toolChoice: ["auto"], streamingTools: true };
var OPEN_WEIGHT_TOOLS = { ...TOOLS_STREAMING, documents: false };
var CATALOG = {
  // ---------------------------------------------------------------------------------------- Anthropic Claude
  "claude-3-haiku": {
    alias: "claude-3-haiku",
    aliases: ["claude-3-haiku-20240307"],
    id: "anthropic.claude-3-haiku-20240307-v1:0",
    name: "Claude 3 Haiku",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_3,
    contextWindow: 2e5,
    maxOutputTokens: 4096,
    profiles: ["us", "eu", "apac"],
    // ON_DEMAND even in ap-southeast-1's listing (bedrock-wire.md §6.2).
    onDemandRegions: "all",
    prices: { base: { input: 0.25, output: 1.25, cacheRead: 0.025, cacheWrite: 0.3125 } },
    releaseDate: "2024-03-13"
  },
  "claude-3-sonnet": {
    alias: "claude-3-sonnet",
    aliases: ["claude-3-sonnet-20240229"],
    id: "anthropic.claude-3-sonnet-20240229-v1:0",
    name: "Claude 3 Sonnet",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_3,
    contextWindow: 2e5,
    maxOutputTokens: 4096,
    profiles: ["us", "eu", "apac"],
    // Profile-only in ap-southeast-1's listing; on demand in its launch Regions. Elsewhere the profile is used.
    onDemandRegions: ["us-east-1", "us-west-2"],
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: "2024-03-04"
  },
  "claude-3-opus": {
    alias: "claude-3-opus",
    aliases: ["claude-3-opus-20240229"],
    id: "anthropic.claude-3-opus-20240229-v1:0",
    name: "Claude 3 Opus",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_3,
    contextWindow: 2e5,
    maxOutputTokens: 4096,
    profiles: ["us", "eu"],
    // Served on demand only in us-west-2; us./eu. profiles elsewhere (same price).
    onDemandRegions: ["us-west-2"],
    prices: { base: { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 } },
    releaseDate: "2024-02-29"
  },
  "claude-3-5-sonnet": {
    alias: "claude-3-5-sonnet",
    // The ported library maps `claude-3-5-sonnet` to the October 2024 (v2) model.
    aliases: ["claude-3-5-sonnet-v2", "claude-3-5-sonnet-20241022"],
    id: "anthropic.claude-3-5-sonnet-20241022-v2:0",
    name: "Claude 3.5 Sonnet v2",
    provider: "Anthropic",
    kind: "chat",
    // Prompt caching was a closed preview on this model (AWS prompt-caching page); not offered.
    capabilities: CLAUDE_3,
    contextWindow: 2e5,
    maxOutputTokens: 8192,
    profiles: ["us", "eu", "apac"],
    onDemandRegions: "none",
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: "2024-10-22"
  },
  "claude-3-5-sonnet-v1": {
    alias: "claude-3-5-sonnet-v1",
    aliases: ["claude-3-5-sonnet-20240620"],
    id: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    name: "Claude 3.5 Sonnet",
    provider: "Anthropic",
    kind: "chat",
    // bedrock-models.json marks prompt caching, but AWS's prompt-caching page never lists this model: not offered.
    capabilities: CLAUDE_3,
    contextWindow: 2e5,
    maxOutputTokens: 4096,
    profiles: ["us", "eu", "apac", "us-gov"],
    onDemandRegions: "all",
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: "2024-06-20"
  },
  "claude-3-5-haiku": {
    alias: "claude-3-5-haiku",
    aliases: ["claude-3-5-haiku-20241022"],
    id: "anthropic.claude-3-5-haiku-20241022-v1:0",
    name: "Claude 3.5 Haiku",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_3_5_HAIKU,
    contextWindow: 2e5,
    maxOutputTokens: 8192,
    profiles: ["us", "eu"],
    // On demand in us-west-2 (its launch Region); the us. profile elsewhere.
    onDemandRegions: ["us-west-2"],
    // LiteLLM's eu. price (0.25/1.25) is Claude 3 Haiku's, copied by mistake; the base price applies.
    prices: { base: { input: 0.8, output: 4, cacheRead: 0.08, cacheWrite: 1 } },
    releaseDate: "2024-10-22"
  },
  "claude-3-7-sonnet": {
    alias: "claude-3-7-sonnet",
    aliases: ["claude-3-7-sonnet-20250219"],
    id: "anthropic.claude-3-7-sonnet-20250219-v1:0",
    name: "Claude 3.7 Sonnet",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_THINKING,
    contextWindow: 2e5,
    maxOutputTokens: 8192,
    profiles: ["us", "eu", "apac", "us-gov"],
    onDemandRegions: "none",
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: "2025-02-19"
  },
  "claude-sonnet-4": {
    alias: "claude-sonnet-4",
    aliases: ["claude-4-sonnet", "claude-sonnet-4-0", "claude-sonnet-4-20250514"],
    id: "anthropic.claude-sonnet-4-20250514-v1:0",
    name: "Claude Sonnet 4",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_THINKING,
    // 1M only with the context-1m beta; 200K is the default window (bedrock-wire.md §6.4).
    contextWindow: 2e5,
    maxOutputTokens: 64e3,
    profiles: ["us", "eu", "apac", "global"],
    onDemandRegions: "none",
    prices: { base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } },
    releaseDate: "2025-05-22"
  },
  "claude-opus-4": {
    alias: "claude-opus-4",
    aliases: ["claude-4-opus", "claude-opus-4-0", "claude-opus-4-20250514"],
    id: "anthropic.claude-opus-4-20250514-v1:0",
    name: "Claude Opus 4",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_THINKING,
    contextWindow: 2e5,
    maxOutputTokens: 32e3,
    profiles: ["us", "eu"],
    onDemandRegions: "none",
    prices: { base: { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 } },
    releaseDate: "2025-05-22"
  },
  "claude-opus-4-1": {
    alias: "claude-opus-4-1",
    aliases: ["claude-4-1-opus", "claude-opus-4-1-20250805"],
    id: "anthropic.claude-opus-4-1-20250805-v1:0",
    name: "Claude Opus 4.1",
    provider: "Anthropic",
    kind: "chat",
    // Opus 4.1 already rejects `temperature` with `top_p` ("cannot both be specified for this model"), as the 4.5
    // models do: reported by users of several Bedrock clients (aws-samples/bedrock-chat PR #979).
    capabilities: { ...CLAUDE_THINKING, temperatureTopPConflict: true },
    contextWindow: 2e5,
    maxOutputTokens: 32e3,
    profiles: ["us", "eu"],
    onDemandRegions: "none",
    prices: { base: { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 } },
    releaseDate: "2025-08-05"
  },
  "claude-sonnet-4-5": {
    alias: "claude-sonnet-4-5",
    aliases: ["claude-4-5-sonnet", "claude-sonnet-4-5-20250929"],
    id: "anthropic.claude-sonnet-4-5-20250929-v1:0",
    name: "Claude Sonnet 4.5",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_4_5,
    contextWindow: 2e5,
    maxOutputTokens: 64e3,
    profiles: ["us", "eu", "jp", "au", "us-gov", "global"],
    onDemandRegions: "none",
    // Geo profiles +10 % (LiteLLM lists input/output; cache prices carry the same +10 %). us-gov: LiteLLM 3.6/18.
    prices: {
      base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      global: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      us: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      eu: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      jp: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      au: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      "us-gov": { input: 3.6, output: 18 }
    },
    releaseDate: "2025-09-29"
  },
  "claude-haiku-4-5": {
    alias: "claude-haiku-4-5",
    aliases: ["claude-4-5-haiku", "claude-haiku-4-5-20251001"],
    id: "anthropic.claude-haiku-4-5-20251001-v1:0",
    name: "Claude Haiku 4.5",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 2e5,
    maxOutputTokens: 64e3,
    profiles: ["us", "eu", "apac", "jp", "au", "global"],
    onDemandRegions: "none",
    prices: {
      base: { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
      global: { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
      us: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 },
      eu: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 },
      apac: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 },
      jp: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 },
      au: { input: 1.1, output: 5.5, cacheRead: 0.11, cacheWrite: 1.375 }
    },
    releaseDate: "2025-10-15"
  },
  "claude-opus-4-5": {
    alias: "claude-opus-4-5",
    aliases: ["claude-4-5-opus", "claude-opus-4-5-20251101"],
    id: "anthropic.claude-opus-4-5-20251101-v1:0",
    name: "Claude Opus 4.5",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 2e5,
    maxOutputTokens: 64e3,
    profiles: ["us", "eu", "global"],
    onDemandRegions: "none",
    // LiteLLM prices eu. at the global rate but us. at +10 %; AWS applies the geo premium uniformly from 4.5 on.
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 }
    },
    releaseDate: "2025-11-24"
  },
  "claude-opus-4-6": {
    alias: "claude-opus-4-6",
    aliases: ["claude-4-6-opus"],
    // No `:0` suffix (models.dev renamed it 2026-02-05; bedrock-wire.md §6.4).
    id: "anthropic.claude-opus-4-6-v1",
    name: "Claude Opus 4.6",
    provider: "Anthropic",
    kind: "chat",
    // Adaptive thinking and effort up to `max` (bedrock-models.json notes: LiteLLM's adaptive_thinking, max_reasoning_effort).
    capabilities: { ...CLAUDE_4_5_CACHE_4096, effortLevels: ["low", "medium", "high", "max"] },
    contextWindow: 1e6,
    maxOutputTokens: 128e3,
    profiles: ["us", "eu", "au", "global"],
    onDemandRegions: "none",
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      au: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 }
    },
    releaseDate: "2026-02-05"
  },
  "claude-sonnet-4-6": {
    alias: "claude-sonnet-4-6",
    aliases: ["claude-4-6-sonnet"],
    // LiteLLM and models.dev; Vercel lists `anthropic.claude-sonnet-4-6-v1` (bedrock-wire.md §0.7). Either passes
    // through when given in full.
    id: "anthropic.claude-sonnet-4-6",
    name: "Claude Sonnet 4.6",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_4_5_CACHE_2048,
    contextWindow: 1e6,
    maxOutputTokens: 64e3,
    profiles: ["us", "eu", "jp", "au", "global"],
    onDemandRegions: "none",
    prices: {
      base: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      global: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      us: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      eu: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      jp: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
      au: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 }
    },
    releaseDate: "2026-02-17"
  },
  "claude-opus-4-7": {
    alias: "claude-opus-4-7",
    aliases: ["claude-4-7-opus"],
    id: "anthropic.claude-opus-4-7",
    name: "Claude Opus 4.7",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 1e6,
    maxOutputTokens: 128e3,
    profiles: ["us", "eu", "jp", "au", "global"],
    onDemandRegions: "none",
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      jp: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      au: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 }
    },
    releaseDate: "2026-04-16"
  },
  "claude-opus-4-8": {
    alias: "claude-opus-4-8",
    aliases: ["claude-4-8-opus"],
    id: "anthropic.claude-opus-4-8",
    name: "Claude Opus 4.8",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 1e6,
    maxOutputTokens: 128e3,
    profiles: ["us", "eu", "jp", "au", "global"],
    onDemandRegions: "none",
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      jp: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      au: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 }
    },
    releaseDate: "2026-05-28"
  },
  "claude-sonnet-5": {
    alias: "claude-sonnet-5",
    aliases: ["claude-5-sonnet"],
    id: "anthropic.claude-sonnet-5",
    name: "Claude Sonnet 5",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_4_5_CACHE_2048,
    contextWindow: 1e6,
    maxOutputTokens: 128e3,
    profiles: ["us", "eu", "jp", "au", "global"],
    onDemandRegions: "none",
    prices: {
      base: { input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 },
      global: { input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 },
      us: { input: 2.2, output: 11, cacheRead: 0.22, cacheWrite: 2.75 },
      eu: { input: 2.2, output: 11, cacheRead: 0.22, cacheWrite: 2.75 },
      jp: { input: 2.2, output: 11, cacheRead: 0.22, cacheWrite: 2.75 },
      au: { input: 2.2, output: 11, cacheRead: 0.22, cacheWrite: 2.75 }
    },
    releaseDate: "2026-06-30"
  },
  "claude-opus-5": {
    alias: "claude-opus-5",
    aliases: ["claude-5-opus"],
    // LiteLLM only (bedrock-models.json); a jp. profile also appears in models.dev. No release date in the sources.
    id: "anthropic.claude-opus-5",
    name: "Claude Opus 5",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 1e6,
    maxOutputTokens: 128e3,
    profiles: ["us", "eu", "jp", "au", "global"],
    onDemandRegions: "none",
    prices: {
      base: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      global: { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
      us: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      eu: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      jp: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 },
      au: { input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 }
    }
  },
  "claude-fable-5": {
    alias: "claude-fable-5",
    aliases: ["claude-5-fable"],
    // LiteLLM only (bedrock-models.json). No release date in the sources.
    id: "anthropic.claude-fable-5",
    name: "Claude Fable 5",
    provider: "Anthropic",
    kind: "chat",
    capabilities: CLAUDE_4_5_CACHE_4096,
    contextWindow: 1e6,
    maxOutputTokens: 128e3,
    profiles: ["us", "eu", "global"],
    onDemandRegions: "none",
    prices: {
      base: { input: 10, output: 50, cacheRead: 1, cacheWrite: 12.5 },
      global: { input: 10, output: 50, cacheRead: 1, cacheWrite: 12.5 },
      us: { input: 11, output: 55, cacheRead: 1.1, cacheWrite: 13.75 },
      eu: { input: 11, output: 55, cacheRead: 1.1, cacheWrite: 13.75 }
    }
  },
  // ----------------------------------------------------------------------------------------------- Amazon Nova
  "nova-micro": {
    alias: "nova-micro",
    aliases: ["nova-micro-v1"],
    id: "amazon.nova-micro-v1:0",
    name: "Nova Micro",
    provider: "Amazon",
    kind: "chat",
    capabilities: NOVA_MICRO,
    contextWindow: 128e3,
    maxOutputTokens: 1e4,
    profiles: ["us", "eu", "apac"],
    // On demand in us-east-1, profile-only in ap-southeast-1 (bedrock-wire.md §0.8). Elsewhere the profile is used.
    onDemandRegions: ["us-east-1"],
    // Cache reads: models.dev (LiteLLM has none). Cache writes: no source, so unknown.
    prices: {
      base: { input: 0.035, output: 0.14, cacheRead: 875e-5 },
      eu: { input: 0.046, output: 0.184 },
      apac: { input: 0.037, output: 0.148 }
    },
    releaseDate: "2024-12-03"
  },
  "nova-lite": {
    alias: "nova-lite",
    aliases: ["nova-lite-v1"],
    id: "amazon.nova-lite-v1:0",
    name: "Nova Lite",
    provider: "Amazon",
    kind: "chat",
    capabilities: NOVA_MULTIMODAL,
    contextWindow: 3e5,
    maxOutputTokens: 1e4,
    profiles: ["us", "eu", "apac"],
    onDemandRegions: ["us-east-1"],
    prices: {
      base: { input: 0.06, output: 0.24, cacheRead: 0.015 },
      eu: { input: 0.078, output: 0.312 },
      apac: { input: 0.063, output: 0.252 }
    },
    releaseDate: "2024-12-03"
  },
  "nova-pro": {
    alias: "nova-pro",
    aliases: ["nova-pro-v1"],
    id: "amazon.nova-pro-v1:0",
    name: "Nova Pro",
    provider: "Amazon",
    kind: "chat",
    capabilities: NOVA_MULTIMODAL,
    contextWindow: 3e5,
    maxOutputTokens: 1e4,
    profiles: ["us", "eu", "apac"],
    onDemandRegions: ["us-east-1"],
    prices: {
      base: { input: 0.8, output: 3.2, cacheRead: 0.2 },
      eu: { input: 1.05, output: 4.2 },
      apac: { input: 0.84, output: 3.36 }
    },
    releaseDate: "2024-12-03"
  },
  "nova-premier": {
    alias: "nova-premier",
    aliases: ["nova-premier-v1"],
    id: "amazon.nova-premier-v1:0",
    name: "Nova Premier",
    provider: "Amazon",
    kind: "chat",
    // AWS's prompt-caching page lists Nova Premier as generally available. Its "reasoning" flag in LiteLLM is not
    // the Nova 2 reasoningConfig, so reasoning is `none`.
    capabilities: NOVA_MULTIMODAL,
    contextWindow: 1e6,
    maxOutputTokens: 16384,
    profiles: ["us"],
    onDemandRegions: "none",
    // Only the us. profile is priced (LiteLLM, models.dev).
    prices: { base: { input: 2.5, output: 12.5 }, us: { input: 2.5, output: 12.5 } },
    releaseDate: "2024-12-03"
  },
  "nova-2-lite": {
    alias: "nova-2-lite",
    aliases: ["nova-2-lite-v1"],
    id: "amazon.nova-2-lite-v1:0",
    name: "Nova 2 Lite",
    provider: "Amazon",
    kind: "chat",
    capabilities: NOVA_2,
    // LiteLLM (models.dev's 128K/4,096 entry is stale: bedrock-wire.md §6.4).
    contextWindow: 1e6,
    maxOutputTokens: 64e3,
    // jp.: models.dev has providers/amazon-bedrock/models/jp.amazon.nova-2-lite-v1:0.toml.
    profiles: ["us", "eu", "apac", "jp", "global"],
    onDemandRegions: "none",
    prices: {
      base: { input: 0.3, output: 2.5, cacheRead: 0.075 },
      global: { input: 0.3, output: 2.5, cacheRead: 0.075 },
      us: { input: 0.33, output: 2.75 },
      eu: { input: 0.33, output: 2.75 },
      apac: { input: 0.33, output: 2.75 },
      jp: { input: 0.33, output: 2.75 }
    },
    // The reference's 2024-12-01 is models.dev's placeholder; Nova 2 launched with the 20251202 preview IDs.
    releaseDate: "2025-12-02"
  },
  "nova-2-pro": {
    alias: "nova-2-pro",
    aliases: ["nova-2-pro-preview"],
    id: "amazon.nova-2-pro-preview-20251202-v1:0",
    name: "Nova 2 Pro (preview)",
    provider: "Amazon",
    kind: "chat",
    capabilities: NOVA_2,
    contextWindow: 1e6,
    maxOutputTokens: 64e3,
    profiles: ["us", "eu", "apac"],
    // Preview: no source says on demand; the profiles are priced the same as the base ID.
    onDemandRegions: "none",
    prices: { base: { input: 2.1875, output: 17.5, cacheRead: 0.546875 } },
    releaseDate: "2025-12-02"
  },
  // ---------------------------------------------------------------------------------------------- Meta Llama
  "llama3-8b": {
    alias: "llama3-8b",
    aliases: ["llama3-8b-instruct"],
    id: "meta.llama3-8b-instruct-v1:0",
    name: "Llama 3 8B Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: TEXT_ONLY,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.3, output: 0.6 } },
    releaseDate: "2024-07-23"
  },
  "llama3-70b": {
    alias: "llama3-70b",
    aliases: ["llama3-70b-instruct"],
    id: "meta.llama3-70b-instruct-v1:0",
    name: "Llama 3 70B Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: TEXT_ONLY,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 2.65, output: 3.5 } },
    releaseDate: "2024-07-23"
  },
  "llama3-1-8b": {
    alias: "llama3-1-8b",
    aliases: ["llama3-1-8b-instruct"],
    id: "meta.llama3-1-8b-instruct-v1:0",
    name: "Llama 3.1 8B Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: LLAMA_TOOLS,
    contextWindow: 128e3,
    maxOutputTokens: 2048,
    profiles: ["us"],
    // On demand in us-west-2 (launch Region); the us. profile (same price) elsewhere.
    onDemandRegions: ["us-west-2"],
    prices: { base: { input: 0.22, output: 0.22 } },
    releaseDate: "2024-07-23"
  },
  "llama3-1-70b": {
    alias: "llama3-1-70b",
    aliases: ["llama3-1-70b-instruct"],
    id: "meta.llama3-1-70b-instruct-v1:0",
    name: "Llama 3.1 70B Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: LLAMA_TOOLS,
    contextWindow: 128e3,
    maxOutputTokens: 2048,
    profiles: ["us"],
    onDemandRegions: ["us-west-2"],
    // models.dev (0.72) has AWS's December 2024 price cut; LiteLLM's 0.99 predates it.
    prices: { base: { input: 0.72, output: 0.72 } },
    releaseDate: "2024-07-23"
  },
  "llama3-1-405b": {
    alias: "llama3-1-405b",
    aliases: ["llama3-1-405b-instruct"],
    id: "meta.llama3-1-405b-instruct-v1:0",
    name: "Llama 3.1 405B Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: LLAMA_TOOLS,
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: ["us"],
    onDemandRegions: ["us-west-2"],
    // models.dev (2.4/2.4) has AWS's December 2024 price cut; LiteLLM's 5.32/16 predates it.
    prices: { base: { input: 2.4, output: 2.4 } },
    releaseDate: "2024-07-23"
  },
  "llama3-2-1b": {
    alias: "llama3-2-1b",
    aliases: ["llama3-2-1b-instruct"],
    id: "meta.llama3-2-1b-instruct-v1:0",
    name: "Llama 3.2 1B Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: TEXT_ONLY,
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: ["us", "eu"],
    // "Llama 3.2 and 3.3 use geofencing" (AWS Meta page): profile only.
    onDemandRegions: "none",
    prices: { base: { input: 0.1, output: 0.1 }, eu: { input: 0.13, output: 0.13 } },
    releaseDate: "2024-09-25"
  },
  "llama3-2-3b": {
    alias: "llama3-2-3b",
    aliases: ["llama3-2-3b-instruct"],
    id: "meta.llama3-2-3b-instruct-v1:0",
    name: "Llama 3.2 3B Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: TEXT_ONLY,
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: ["us", "eu"],
    onDemandRegions: "none",
    prices: { base: { input: 0.15, output: 0.15 }, eu: { input: 0.19, output: 0.19 } },
    releaseDate: "2024-09-25"
  },
  "llama3-2-11b": {
    alias: "llama3-2-11b",
    aliases: ["llama3-2-11b-instruct", "llama3-2-11b-vision"],
    id: "meta.llama3-2-11b-instruct-v1:0",
    name: "Llama 3.2 11B Vision Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: LLAMA_VISION,
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: ["us"],
    onDemandRegions: "none",
    // models.dev (0.16) has AWS's December 2024 price cut; LiteLLM's 0.35 predates it.
    prices: { base: { input: 0.16, output: 0.16 } },
    releaseDate: "2024-09-25"
  },
  "llama3-2-90b": {
    alias: "llama3-2-90b",
    aliases: ["llama3-2-90b-instruct", "llama3-2-90b-vision"],
    id: "meta.llama3-2-90b-instruct-v1:0",
    name: "Llama 3.2 90B Vision Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: LLAMA_VISION,
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: ["us"],
    onDemandRegions: "none",
    // models.dev (0.72) has AWS's December 2024 price cut; LiteLLM's 2.0 predates it.
    prices: { base: { input: 0.72, output: 0.72 } },
    releaseDate: "2024-09-25"
  },
  "llama3-3-70b": {
    alias: "llama3-3-70b",
    aliases: ["llama3-3-70b-instruct"],
    id: "meta.llama3-3-70b-instruct-v1:0",
    name: "Llama 3.3 70B Instruct",
    provider: "Meta",
    kind: "chat",
    // Not in AWS's feature table: treated like Llama 3.1 (auto tool choice, no streaming tools); documents unlisted.
    capabilities: { ...LLAMA_TOOLS, documents: false },
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: ["us"],
    onDemandRegions: "none",
    prices: { base: { input: 0.72, output: 0.72 } },
    releaseDate: "2024-12-06"
  },
  "llama4-scout": {
    alias: "llama4-scout",
    aliases: ["llama4-scout-17b", "llama4-scout-17b-instruct"],
    id: "meta.llama4-scout-17b-instruct-v1:0",
    name: "Llama 4 Scout 17B Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: LLAMA_4,
    // LiteLLM 128K vs models.dev 3.5M: unresolved; the smaller figure is kept.
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: ["us"],
    onDemandRegions: "none",
    prices: { base: { input: 0.17, output: 0.66 } },
    releaseDate: "2025-04-05"
  },
  "llama4-maverick": {
    alias: "llama4-maverick",
    aliases: ["llama4-maverick-17b", "llama4-maverick-17b-instruct"],
    id: "meta.llama4-maverick-17b-instruct-v1:0",
    name: "Llama 4 Maverick 17B Instruct",
    provider: "Meta",
    kind: "chat",
    capabilities: LLAMA_4,
    // LiteLLM 128K vs models.dev 1M: unresolved; the smaller figure is kept.
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: ["us"],
    onDemandRegions: "none",
    prices: { base: { input: 0.24, output: 0.97 } },
    releaseDate: "2025-04-05"
  },
  // ------------------------------------------------------------------------------------------------ Mistral AI
  "mistral-7b": {
    alias: "mistral-7b",
    aliases: ["mistral-7b-instruct"],
    id: "mistral.mistral-7b-instruct-v0:2",
    name: "Mistral 7B Instruct",
    provider: "Mistral AI",
    kind: "chat",
    capabilities: MISTRAL_INSTRUCT,
    contextWindow: 32e3,
    maxOutputTokens: 8191,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.15, output: 0.2 } },
    releaseDate: "2025-04-01"
  },
  "mixtral-8x7b": {
    alias: "mixtral-8x7b",
    aliases: ["mixtral-8x7b-instruct"],
    id: "mistral.mixtral-8x7b-instruct-v0:1",
    name: "Mixtral 8x7B Instruct",
    provider: "Mistral AI",
    kind: "chat",
    capabilities: MISTRAL_INSTRUCT,
    contextWindow: 32e3,
    maxOutputTokens: 8191,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.45, output: 0.7 } },
    releaseDate: "2025-04-01"
  },
  "mistral-large": {
    alias: "mistral-large",
    // The ported library maps `mistral-large` to Mistral Large 24.02.
    aliases: ["mistral-large-2402"],
    id: "mistral.mistral-large-2402-v1:0",
    name: "Mistral Large (24.02)",
    provider: "Mistral AI",
    kind: "chat",
    capabilities: MISTRAL_LARGE,
    contextWindow: 32e3,
    maxOutputTokens: 8191,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 8, output: 24 } },
    releaseDate: "2024-12-01"
  },
  "mistral-large-2": {
    alias: "mistral-large-2",
    aliases: ["mistral-large-2407"],
    id: "mistral.mistral-large-2407-v1:0",
    name: "Mistral Large 2 (24.07)",
    provider: "Mistral AI",
    kind: "chat",
    capabilities: MISTRAL_LARGE,
    contextWindow: 128e3,
    maxOutputTokens: 8191,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 3, output: 9 } },
    releaseDate: "2024-07-24"
  },
  "pixtral-large": {
    alias: "pixtral-large",
    aliases: ["pixtral-large-2502"],
    id: "mistral.pixtral-large-2502-v1:0",
    name: "Pixtral Large (25.02)",
    provider: "Mistral AI",
    kind: "chat",
    // Not in AWS's feature table: Mistral Large's restrictions (no streaming tools) plus vision; tool choice auto.
    capabilities: { ...MISTRAL_LARGE, toolChoice: ["auto"], vision: true, documents: false },
    contextWindow: 128e3,
    maxOutputTokens: 8192,
    profiles: ["us", "eu"],
    onDemandRegions: "none",
    prices: { base: { input: 2, output: 6 } },
    releaseDate: "2025-04-08"
  },
  "voxtral-mini": {
    alias: "voxtral-mini",
    aliases: ["voxtral-mini-3b"],
    id: "mistral.voxtral-mini-3b-2507",
    name: "Voxtral Mini 3B",
    provider: "Mistral AI",
    kind: "chat",
    // Reference: input audio and text, Converse yes, ConverseStream unknown, tool use (LiteLLM/models.dev flag),
    // tool choice and documents unknown. Streaming is left on: Bedrock answers loudly if not.
    capabilities: { ...TEXT_ONLY, tools: true, toolChoice: ["auto"], documents: false, audio: true },
    contextWindow: 128e3,
    maxOutputTokens: 8192,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.04, output: 0.04 } },
    releaseDate: "2025-07-15"
  },
  "voxtral-small": {
    alias: "voxtral-small",
    aliases: ["voxtral-small-24b"],
    id: "mistral.voxtral-small-24b-2507",
    name: "Voxtral Small 24B",
    provider: "Mistral AI",
    kind: "chat",
    // As Voxtral Mini.
    capabilities: { ...TEXT_ONLY, tools: true, toolChoice: ["auto"], documents: false, audio: true },
    contextWindow: 128e3,
    maxOutputTokens: 8192,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.1, output: 0.3 } },
    releaseDate: "2025-07-15"
  },
  // ---------------------------------------------------------------------------------------------------- Cohere
  "command-r": {
    alias: "command-r",
    aliases: [],
    id: "cohere.command-r-v1:0",
    name: "Command R",
    provider: "Cohere",
    kind: "chat",
    capabilities: TOOLS_STREAMING,
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.5, output: 1.5 } },
    releaseDate: "2024-03-11"
  },
  "command-r-plus": {
    alias: "command-r-plus",
    aliases: [],
    id: "cohere.command-r-plus-v1:0",
    name: "Command R+",
    provider: "Cohere",
    kind: "chat",
    capabilities: TOOLS_STREAMING,
    contextWindow: 128e3,
    maxOutputTokens: 4096,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 3, output: 15 } },
    releaseDate: "2024-04-04"
  },
  // ------------------------------------------------------------------------------------------------ AI21 Labs
  "jamba-1-5-large": {
    alias: "jamba-1-5-large",
    aliases: [],
    id: "ai21.jamba-1-5-large-v1:0",
    name: "Jamba 1.5 Large",
    provider: "AI21 Labs",
    kind: "chat",
    capabilities: TOOLS_STREAMING,
    contextWindow: 256e3,
    maxOutputTokens: 256e3,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 2, output: 8 } },
    releaseDate: "2024-08-15"
  },
  "jamba-1-5-mini": {
    alias: "jamba-1-5-mini",
    aliases: [],
    id: "ai21.jamba-1-5-mini-v1:0",
    name: "Jamba 1.5 Mini",
    provider: "AI21 Labs",
    kind: "chat",
    capabilities: TOOLS_STREAMING,
    contextWindow: 256e3,
    maxOutputTokens: 256e3,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.2, output: 0.4 } },
    releaseDate: "2024-08-15"
  },
  // --------------------------------------------------------------------------------------------------- DeepSeek
  "deepseek-r1": {
    alias: "deepseek-r1",
    aliases: [],
    id: "deepseek.r1-v1:0",
    name: "DeepSeek-R1",
    provider: "DeepSeek",
    kind: "chat",
    // Reasons on every request. Tool use is unverified (LiteLLM: no flag; models.dev: yes), so it is off.
    capabilities: { ...TEXT_ONLY, documents: false, reasoning: "always-on" },
    contextWindow: 128e3,
    // AWS's InvokeModel max_tokens limit (1–32,768); the model card says 8K.
    maxOutputTokens: 32768,
    profiles: ["us"],
    // "invoked through cross-Region inference … use us.deepseek.r1-v1:0" (AWS DeepSeek page).
    onDemandRegions: "none",
    // Only the us. profile is priced (LiteLLM, models.dev).
    prices: { base: { input: 1.35, output: 5.4 }, us: { input: 1.35, output: 5.4 } },
    releaseDate: "2025-01-20"
  },
  "deepseek-v3": {
    alias: "deepseek-v3",
    aliases: ["deepseek-v3-1"],
    id: "deepseek.v3-v1:0",
    name: "DeepSeek-V3.1",
    provider: "DeepSeek",
    kind: "chat",
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 163840,
    maxOutputTokens: 81920,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.58, output: 1.68 } },
    releaseDate: "2025-09-18"
  },
  "deepseek-v3-2": {
    alias: "deepseek-v3-2",
    aliases: [],
    id: "deepseek.v3.2",
    name: "DeepSeek-V3.2",
    provider: "DeepSeek",
    kind: "chat",
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 163840,
    maxOutputTokens: 163840,
    profiles: ["us", "eu"],
    onDemandRegions: "all",
    prices: { base: { input: 0.62, output: 1.85 }, eu: { input: 0.74, output: 2.22 } },
    releaseDate: "2026-02-06"
  },
  // ------------------------------------------------------------------------------------------- OpenAI gpt-oss
  "gpt-oss-20b": {
    alias: "gpt-oss-20b",
    aliases: [],
    id: "openai.gpt-oss-20b-1:0",
    name: "gpt-oss-20b",
    provider: "OpenAI",
    kind: "chat",
    // Native structured output: named in structured-output.md.
    capabilities: { ...OPEN_WEIGHT_TOOLS, reasoning: "openai-reasoning-effort", structuredOutput: true },
    contextWindow: 128e3,
    // LiteLLM 128,000 vs models.dev 16,384 vs Roo-Code 8,192: LiteLLM kept.
    maxOutputTokens: 128e3,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.07, output: 0.3 } },
    releaseDate: "2025-08-05"
  },
  "gpt-oss-120b": {
    alias: "gpt-oss-120b",
    aliases: [],
    id: "openai.gpt-oss-120b-1:0",
    name: "gpt-oss-120b",
    provider: "OpenAI",
    kind: "chat",
    capabilities: { ...OPEN_WEIGHT_TOOLS, reasoning: "openai-reasoning-effort", structuredOutput: true },
    contextWindow: 128e3,
    maxOutputTokens: 128e3,
    profiles: ["us-gov"],
    onDemandRegions: "all",
    prices: { base: { input: 0.15, output: 0.6 } },
    releaseDate: "2025-08-05"
  },
  // ------------------------------------------------------------------------------------------------------ Qwen
  "qwen3-32b": {
    alias: "qwen3-32b",
    aliases: [],
    id: "qwen.qwen3-32b-v1:0",
    name: "Qwen3 32B (dense)",
    provider: "Qwen",
    kind: "chat",
    // Reasoning cannot be steered through Converse (no documented field), so `none`.
    capabilities: OPEN_WEIGHT_TOOLS,
    // LiteLLM 131,072 vs models.dev 16,384: LiteLLM kept.
    contextWindow: 131072,
    maxOutputTokens: 16384,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.15, output: 0.6 } },
    releaseDate: "2025-09-18"
  },
  "qwen3-235b": {
    alias: "qwen3-235b",
    aliases: ["qwen3-235b-a22b", "qwen3-235b-a22b-2507"],
    id: "qwen.qwen3-235b-a22b-2507-v1:0",
    name: "Qwen3 235B A22B 2507",
    provider: "Qwen",
    kind: "chat",
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 262144,
    maxOutputTokens: 131072,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.22, output: 0.88 } },
    releaseDate: "2025-09-18"
  },
  "qwen3-coder-30b": {
    alias: "qwen3-coder-30b",
    aliases: ["qwen3-coder-30b-a3b"],
    id: "qwen.qwen3-coder-30b-a3b-v1:0",
    name: "Qwen3 Coder 30B A3B",
    provider: "Qwen",
    kind: "chat",
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 262144,
    maxOutputTokens: 131072,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.15, output: 0.6 } },
    releaseDate: "2025-09-18"
  },
  "qwen3-coder-480b": {
    alias: "qwen3-coder-480b",
    aliases: ["qwen3-coder-480b-a35b"],
    id: "qwen.qwen3-coder-480b-a35b-v1:0",
    name: "Qwen3 Coder 480B A35B",
    provider: "Qwen",
    kind: "chat",
    capabilities: OPEN_WEIGHT_TOOLS,
    contextWindow: 262e3,
    maxOutputTokens: 65536,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.22, output: 1.8 } },
    releaseDate: "2025-09-18"
  },
  // ------------------------------------------------------------------------------------------------ Embeddings
  "titan-embed-text": {
    alias: "titan-embed-text",
    aliases: ["titan-embed-text-v1"],
    id: "amazon.titan-embed-text-v1",
    name: "Titan Embeddings G1 - Text",
    provider: "Amazon",
    kind: "embedding",
    embedding: { family: "titan-text-v1", dimensions: [1536], defaultDimensions: 1536, batchSize: 1, images: false },
    contextWindow: 8192,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.1, output: 0 } }
  },
  "titan-embed-text-v2": {
    alias: "titan-embed-text-v2",
    aliases: [],
    id: "amazon.titan-embed-text-v2:0",
    name: "Titan Text Embeddings V2",
    provider: "Amazon",
    kind: "embedding",
    embedding: {
      family: "titan-text-v2",
      dimensions: [1024, 512, 256],
      defaultDimensions: 1024,
      batchSize: 1,
      maxInputChars: 5e4,
      images: false
    },
    contextWindow: 8192,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.02, output: 0 } }
  },
  "titan-embed-image": {
    alias: "titan-embed-image",
    aliases: ["titan-embed-image-v1", "titan-multimodal-embeddings"],
    id: "amazon.titan-embed-image-v1",
    name: "Titan Multimodal Embeddings G1",
    provider: "Amazon",
    kind: "embedding",
    embedding: { family: "titan-multimodal", dimensions: [1024, 384, 256], defaultDimensions: 1024, batchSize: 1, images: true },
    // AWS docs: 256 text tokens (LiteLLM says 128).
    contextWindow: 256,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.8, output: 0 } }
  },
  "embed-english": {
    alias: "embed-english",
    aliases: ["embed-english-v3", "cohere-embed-english"],
    id: "cohere.embed-english-v3",
    name: "Embed English v3",
    provider: "Cohere",
    kind: "embedding",
    embedding: {
      family: "cohere-v3",
      dimensions: [1024],
      defaultDimensions: 1024,
      batchSize: 96,
      maxInputChars: 2048,
      images: true
    },
    // 512 tokens recommended per text.
    contextWindow: 512,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.1, output: 0 } }
  },
  "embed-multilingual": {
    alias: "embed-multilingual",
    aliases: ["embed-multilingual-v3", "cohere-embed-multilingual"],
    id: "cohere.embed-multilingual-v3",
    name: "Embed Multilingual v3",
    provider: "Cohere",
    kind: "embedding",
    embedding: {
      family: "cohere-v3",
      dimensions: [1024],
      defaultDimensions: 1024,
      batchSize: 96,
      maxInputChars: 2048,
      images: true
    },
    contextWindow: 512,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.1, output: 0 } }
  },
  "embed-v4": {
    alias: "embed-v4",
    aliases: ["cohere-embed-v4", "embed-v4-0"],
    // ListFoundationModels says `cohere.embed-v4:0`; the doc page says `cohere.embed-v4` (bedrock-wire.md §5).
    id: "cohere.embed-v4:0",
    name: "Embed v4",
    provider: "Cohere",
    kind: "embedding",
    embedding: { family: "cohere-v4", dimensions: [1536, 1024, 512, 256], defaultDimensions: 1536, batchSize: 96, images: true },
    contextWindow: 128e3,
    maxOutputTokens: null,
    // Vercel mentions us. and global. profiles; ap-southeast-1 lists it as profile-only (bedrock-wire.md §6.2).
    profiles: ["us", "global"],
    onDemandRegions: ["us-east-1"],
    prices: { base: { input: 0.12, output: 0 } }
  },
  "nova-multimodal-embeddings": {
    alias: "nova-multimodal-embeddings",
    aliases: ["nova-2-multimodal-embeddings", "nova-embed"],
    id: "amazon.nova-2-multimodal-embeddings-v1:0",
    name: "Nova Multimodal Embeddings",
    provider: "Amazon",
    kind: "embedding",
    // Default 1024 per the reference JSON (`default_dimension`).
    embedding: {
      family: "nova-multimodal",
      dimensions: [1024, 3072, 384, 256],
      defaultDimensions: 1024,
      batchSize: 1,
      images: true
    },
    // "8K tokens" (Nova user guide, bedrock-wire.md §5); the JSON's 8,172 looks like a typo.
    contextWindow: 8192,
    maxOutputTokens: null,
    profiles: [],
    onDemandRegions: "all",
    prices: { base: { input: 0.135, output: 0 } }
  }
};
var CATALOG_ENTRIES = Object.values(CATALOG);

// dist/src/models/arn.js
var ARN_PATTERN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:([^/\s]+)\/(\S+)$/;
var ARN_RESOURCE_TYPES = /* @__PURE__ */ new Set([
  "foundation-model",
  "inference-profile",
  "application-inference-profile",
  "provisioned-model",
  "custom-model",
  "custom-model-deployment",
  "imported-model",
  "prompt",
  "prompt-router",
  "default-prompt-router"
]);
function parseBedrockArn(value) {
  const match = ARN_PATTERN.exec(value);
  if (match === null)
    return void 0;
  const [, partition = "", service = "", region = "", accountId = "", type = "", resourceId = ""] = match;
  const resourceType = service === "bedrock" && ARN_RESOURCE_TYPES.has(type) ? type : "other";
  return { partition, service, region, accountId, resourceType, resourceId };
}

// dist/src/models/geography.js
var REGION_GEOGRAPHIES = {
  // United States
  "us-east-1": ["us"],
  "us-east-2": ["us"],
  "us-west-1": ["us"],
  "us-west-2": ["us"],
  // Canada (see the module comment)
  "ca-central-1": ["us"],
  "ca-west-1": [],
  // Mexico, South America, Africa, Middle East (no geographic profile lists them, except me-central-1)
  "mx-central-1": [],
  "sa-east-1": [],
  "af-south-1": [],
  "il-central-1": [],
  "me-south-1": [],
  "me-central-1": ["apac"],
  // Europe
  "eu-central-1": ["eu"],
  "eu-central-2": ["eu"],
  "eu-west-1": ["eu"],
  "eu-west-2": ["eu"],
  "eu-west-3": ["eu"],
  "eu-north-1": ["eu"],
  "eu-south-1": ["eu"],
  "eu-south-2": ["eu"],
  // Asia Pacific
  "ap-northeast-1": ["jp", "apac"],
  "ap-northeast-2": ["apac"],
  "ap-northeast-3": ["jp", "apac"],
  "ap-south-1": ["apac"],
  "ap-south-2": ["apac"],
  "ap-southeast-1": ["apac"],
  "ap-southeast-2": ["au", "apac"],
  "ap-southeast-3": ["apac"],
  "ap-southeast-4": ["au", "apac"],
  "ap-southeast-5": ["apac"],
  "ap-southeast-6": [],
  "ap-southeast-7": ["apac"],
  "ap-east-1": [],
  "ap-east-2": ["apac"],
  // AWS GovCloud (US)
  "us-gov-east-1": ["us-gov"],
  "us-gov-west-1": ["us-gov"]
};
var KNOWN_REGIONS = Object.keys(REGION_GEOGRAPHIES);
var PROFILE_PREFIXES = ["us", "eu", "apac", "jp", "au", "ca", "us-gov", "global"];
var PROFILE_PREFIX_SET = new Set(PROFILE_PREFIXES);
function isKnownRegion(region) {
  return Object.prototype.hasOwnProperty.call(REGION_GEOGRAPHIES, region);
}
function geographiesForRegion(region) {
  return isKnownRegion(region) ? REGION_GEOGRAPHIES[region] : [];
}
function isGovCloudRegion(region) {
  return region.startsWith("us-gov-");
}
function isProfilePrefix(value) {
  return PROFILE_PREFIX_SET.has(value);
}
function splitProfilePrefix(modelId) {
  const dot = modelId.indexOf(".");
  if (dot > 0) {
    const head = modelId.slice(0, dot);
    if (isProfilePrefix(head) && modelId.length > dot + 1)
      return { prefix: head, baseModelId: modelId.slice(dot + 1) };
  }
  return { prefix: void 0, baseModelId: modelId };
}

// dist/src/models/cost.js
function pricesFor(modelId, entry, region) {
  const prices = entry?.prices;
  if (prices === void 0)
    return void 0;
  let profileId = modelId;
  let callRegion = region;
  if (modelId.startsWith("arn:")) {
    const arn = parseBedrockArn(modelId);
    if (arn === void 0)
      return void 0;
    if (arn.resourceType !== "foundation-model" && arn.resourceType !== "inference-profile")
      return void 0;
    profileId = arn.resourceId;
    if (arn.region !== "")
      callRegion = arn.region;
  }
  const { prefix } = splitProfilePrefix(profileId);
  if (prefix === void 0) {
    return callRegion !== void 0 && isGovCloudRegion(callRegion) ? prices["us-gov"] : prices.base;
  }
  if (prefix === "us-gov")
    return prices["us-gov"];
  if (prefix === "global")
    return prices.global ?? prices.base;
  return prices[prefix] ?? prices.base;
}
function computeCost(modelId, entry, usage, region) {
  const prices = pricesFor(modelId, entry, region);
  if (prices === void 0)
    return void 0;
  const counts = [usage.inputTokens, usage.outputTokens, usage.cacheReadTokens ?? 0, usage.cacheWriteTokens ?? 0];
  if (counts.some((count) => !Number.isFinite(count) || count < 0))
    return void 0;
  const [inputTokens = 0, outputTokens = 0, cacheReadTokens = 0, cacheWriteTokens = 0] = counts;
  if (cacheReadTokens > 0 && prices.cacheRead === void 0)
    return void 0;
  if (cacheWriteTokens > 0 && prices.cacheWrite === void 0)
    return void 0;
  const total = inputTokens * prices.input + outputTokens * prices.output + cacheReadTokens * (prices.cacheRead ?? 0) + cacheWriteTokens * (prices.cacheWrite ?? 0);
  return Math.round(total / 1e6 * 1e12) / 1e12;
}

// dist/src/embeddings/run.js
import { setMaxListeners } from "node:events";

// dist/src/internal/abort.js
function isAborted(signal) {
  return signal?.aborted === true;
}

// dist/src/core/light-abort.js
var LightAbortController = class {
  signal = new LightAbortSignal();
  abort(reason) {
    this.signal._abort(reason);
  }
};
var LightAbortSignal = class {
  aborted = false;
  reason = void 0;
  onabort = null;
  #listeners = [];
  addEventListener(type, listener) {
    if (type === "abort" && !this.aborted)
      this.#listeners.push(listener);
  }
  removeEventListener(type, listener) {
    const index = this.#listeners.indexOf(listener);
    if (type === "abort" && index !== -1)
      this.#listeners.splice(index, 1);
  }
  /** @internal */
  _abort(reason) {
    if (this.aborted)
      return;
    this.aborted = true;
    this.reason = reason ?? new DOMException("This operation was aborted", "AbortError");
    const listeners = this.#listeners;
    this.#listeners = [];
    const event = { type: "abort" };
    for (const listener of listeners)
      listener(event);
    this.onabort?.(event);
  }
};

// dist/src/core/retry.js
import pRetry, { AbortError } from "p-retry";
var INITIAL_RETRY_DELAY_MS = 500;
var MAX_RETRY_DELAY_MS = 8e3;
function retryDelayMs(retryIndex, random = Math.random) {
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retryIndex, MAX_RETRY_DELAY_MS);
  const jitter = 1 - random() * 0.25;
  return Math.round(base * jitter);
}
var RETRYABLE_EXCEPTIONS = /* @__PURE__ */ new Set([
  "ThrottlingException",
  "ServiceUnavailableException",
  "InternalServerException",
  "ModelNotReadyException",
  "ModelTimeoutException"
]);
function isRetryableError(error) {
  if (error instanceof APIUserAbortError)
    return false;
  if (error instanceof APIConnectionError)
    return true;
  if (!(error instanceof APIError))
    return false;
  const name = error.bedrockErrorName;
  if (name !== void 0 && RETRYABLE_EXCEPTIONS.has(name))
    return true;
  if (name === "ServiceQuotaExceededException")
    return /too many (requests|tokens)|rate/i.test(error.message);
  if (name === "ValidationException" || name === "AccessDeniedException" || name === "ResourceNotFoundException")
    return false;
  const status = error.status;
  if (status === void 0)
    return false;
  if (status === 401 || status === 403)
    return false;
  return status === 408 || status === 429 || status >= 500;
}
function sleep(ms, signal) {
  return new Promise((resolve2, reject) => {
    if (signal?.aborted === true)
      return reject(new APIUserAbortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve2();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
async function withRetry(attempt, policy) {
  if (policy.signal?.aborted === true)
    throw new APIUserAbortError();
  const retryable = policy.isRetryable ?? isRetryableError;
  let firstError;
  try {
    return { value: await attempt(1), attempts: 1, totalDelayMs: 0 };
  } catch (error) {
    if (policy.maxRetries === 0 || !retryable(error))
      throw error;
    firstError = error;
  }
  const wait = policy.sleep ?? sleep;
  let attempts = 1;
  let totalDelayMs = 0;
  const backOff = async (error, attemptNumber) => {
    const delayMs = retryDelayMs(attemptNumber - 1, policy.random);
    policy.onRetry?.({
      attempt: attemptNumber,
      delayMs,
      errorName: error.name,
      bedrockErrorName: error instanceof APIError ? error.bedrockErrorName : void 0,
      error
    });
    await wait(delayMs, policy.signal);
    totalDelayMs += delayMs;
  };
  await backOff(firstError, 1);
  const value = await pRetry(async (retryNumber) => {
    const attemptNumber = retryNumber + 1;
    attempts = attemptNumber;
    if (policy.signal?.aborted === true)
      throw new AbortError(new APIUserAbortError());
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!retryable(error))
        throw new AbortError(error);
      throw error;
    }
  }, {
    retries: policy.maxRetries - 1,
    factor: 1,
    minTimeout: 0,
    maxTimeout: 0,
    randomize: false,
    shouldRetry: async ({ error, attemptNumber }) => {
      await backOff(error, attemptNumber + 1);
      return true;
    }
  });
  return { value, attempts, totalDelayMs };
}

// dist/src/core/response-headers.js
var BEDROCK_HEADERS = /* @__PURE__ */ Symbol.for("bedrock-openai.bedrockResponseHeaders");
var BEDROCK_HEADERS_MIDDLEWARE = "bedrockOpenAIResponseHeaders";
function headerNumber(headers, name) {
  const raw = headers[name];
  if (raw === void 0 || raw.trim() === "")
    return void 0;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : void 0;
}
function readBedrockHeaders(headers) {
  return {
    inputTokenCount: headerNumber(headers, "x-amzn-bedrock-input-token-count"),
    outputTokenCount: headerNumber(headers, "x-amzn-bedrock-output-token-count"),
    invocationLatencyMs: headerNumber(headers, "x-amzn-bedrock-invocation-latency")
  };
}
function addBedrockHeadersMiddleware(stack) {
  stack.add((next) => async (args) => {
    const result = await next(args);
    const response = result.response;
    const output = result.output;
    if (response?.headers !== void 0 && typeof output === "object" && output !== null) {
      Object.defineProperty(output, BEDROCK_HEADERS, { value: readBedrockHeaders(response.headers), enumerable: false, configurable: true });
    }
    return result;
  }, { step: "initialize", name: BEDROCK_HEADERS_MIDDLEWARE, override: true });
}
function bedrockHeadersOf(output) {
  if (typeof output !== "object" || output === null)
    return void 0;
  return output[BEDROCK_HEADERS];
}

// dist/src/embeddings/encoding.js
import { endianness } from "node:os";
var LITTLE_ENDIAN = endianness() === "LE";
function encodeFloat32Base64(vector) {
  const floats = new Float32Array(vector.length);
  if (LITTLE_ENDIAN) {
    for (let index = 0; index < vector.length; index++)
      floats[index] = vector[index];
  } else {
    const view = new DataView(floats.buffer);
    for (let index = 0; index < vector.length; index++)
      view.setFloat32(index * 4, vector[index], true);
  }
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString("base64");
}

// dist/src/internal/service-constraints.js
var SERVICE_CONSTRAINTS = {
  ConversationalModelId: { min: 1, max: 2048, pattern: "(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|([0-9]{12}:imported-model/[a-z0-9]{12})|([0-9]{12}:provisioned-model/[a-z0-9]{12})|([0-9]{12}:custom-model-deployment/[a-z0-9]{12})|([0-9]{12}:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+)))|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|(([0-9a-zA-Z][_-]?)+)|([a-zA-Z0-9-:.]+)|(^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(?::[0-9]{1,5})?))$|(^arn:aws:sagemaker:[a-z0-9-]+:[0-9]{12}:endpoint/[a-zA-Z0-9-]+$)|(^arn:aws(-[^:]+)?:bedrock:([0-9a-z-]{1,20}):([0-9]{12}):(default-)?prompt-router/[a-zA-Z0-9-:.]+$)" },
  InvokeModelIdentifier: { min: 1, max: 2048, pattern: "(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|([0-9]{12}:imported-model/[a-z0-9]{12})|([0-9]{12}:provisioned-model/[a-z0-9]{12})|([0-9]{12}:custom-model-deployment/[a-z0-9]{12})|([0-9]{12}:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+)))|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|(([0-9a-zA-Z][_-]?)+)|([a-zA-Z0-9-:.]+)$|(^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(?::[0-9]{1,5})?))$|(^arn:aws:sagemaker:[a-z0-9-]+:[0-9]{12}:endpoint/[a-zA-Z0-9-]+$)|(^arn:aws(-[^:]+)?:bedrock:([0-9a-z-]{1,20}):([0-9]{12}):(default-)?prompt-router/[a-zA-Z0-9-:.]+$)" },
  ToolName: { min: 1, max: 64, pattern: "[a-zA-Z0-9_-]+" },
  ToolUseId: { min: 1, max: 64, pattern: "[a-zA-Z0-9_.:-]+" },
  RequestMetadataKeyString: { min: 1, max: 256, pattern: "[a-zA-Z0-9\\s:_@$#=/+,-.]{1,256}" },
  RequestMetadataValueString: { min: 0, max: 256, pattern: "[a-zA-Z0-9\\s:_@$#=/+,-.]{0,256}" },
  S3Uri: { min: 1, max: 1024, pattern: "s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?" },
  GuardrailIdentifier: { min: 0, max: 2048, pattern: "(|([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))" },
  GuardrailVersion: { pattern: "(|([1-9][0-9]{0,7})|(DRAFT))" },
  NonEmptyString: { min: 1 },
  DocumentBlockNameString: { min: 1, max: 200 }
};
var MAX_INT32 = 2147483647;
function serviceViolation(shape, value) {
  const constraint = SERVICE_CONSTRAINTS[shape];
  const length = serviceStringLength(value);
  if (constraint.min !== void 0 && length < constraint.min)
    return "min";
  if (constraint.max !== void 0 && length > constraint.max)
    return "max";
  if (constraint.pattern !== void 0 && !serviceModelRegExp(constraint.pattern).test(value))
    return "pattern";
  return void 0;
}
function conformsTo(shape, value) {
  return serviceViolation(shape, value) === void 0;
}

// dist/src/internal/suggest.js
function editDistance(a, b) {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(above + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}
function closestMatches(input, candidates, limit = 3) {
  const needle = input.toLowerCase();
  const scored = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(needle, lower);
    const threshold = Math.max(2, Math.floor(Math.max(needle.length, lower.length) / 3));
    const contains = lower.includes(needle) || needle.includes(lower);
    if (distance <= threshold || contains)
      scored.push({ candidate, score: contains ? distance / 10 : distance });
  }
  scored.sort((left, right) => left.score - right.score || left.candidate.localeCompare(right.candidate));
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

// dist/src/embeddings/validate.js
var KNOWN_PARAMS = {
  input: true,
  model: true,
  dimensions: true,
  encoding_format: true,
  user: true,
  bedrock: true
};
var BEDROCK_OPTIONS = ["inputType", "truncate", "normalize", "baseModel"];
var INPUT_TYPES = ["search_document", "search_query", "classification", "clustering"];
var TRUNCATIONS = ["none", "start", "end"];
function describe(value) {
  if (Array.isArray(value))
    return "an array";
  if (value === null)
    return "null";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value);
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  return typeof value;
}
function readInputs(input) {
  if (typeof input === "string") {
    if (input === "")
      throw BadRequestError.forParam("input", "`input` must not be an empty string.");
    return [input];
  }
  if (!Array.isArray(input)) {
    throw BadRequestError.forParam("input", `\`input\` must be a string or an array of strings; got ${describe(input)}.`);
  }
  if (input.length === 0)
    throw BadRequestError.forParam("input", "`input` must hold at least one string.");
  if (typeof input[0] === "number") {
    throw BadRequestError.forParam("input", "`input` is a token array; Bedrock embedding models take text, so pass the string itself (token IDs from another tokenizer mean nothing to them).", "unsupported_value");
  }
  for (let index = 0; index < input.length; index++) {
    const value = input[index];
    if (typeof value === "string") {
      if (value === "")
        throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` is an empty string; every input must hold text.`);
      continue;
    }
    if (Array.isArray(value) || typeof value === "number") {
      throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` is a token array; Bedrock embedding models take text, so pass strings.`, "unsupported_value");
    }
    throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` must be a string; got ${describe(value)}.`);
  }
  return input;
}
function readEmbeddingRequest(params) {
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    throw BadRequestError.forParam("body", "The request must be an object with `model` and `input`.");
  }
  const body = params;
  for (const key of Object.keys(body)) {
    if (Object.hasOwn(KNOWN_PARAMS, key) || body[key] === void 0)
      continue;
    const suggestions = closestMatches(key, [...Object.keys(KNOWN_PARAMS), ...BEDROCK_OPTIONS, "input_type"], 1);
    const suggestion = suggestions[0];
    const hint = key === "input_type" || suggestion === "inputType" || suggestion === "input_type" ? " Did you mean `bedrock.inputType`?" : suggestion === void 0 ? "" : BEDROCK_OPTIONS.includes(suggestion) ? ` Did you mean \`bedrock.${suggestion}\`?` : ` Did you mean \`${suggestion}\`?`;
    throw BadRequestError.forParam(key, `Unrecognized request argument supplied: \`${key}\`.${hint}`, "unknown_parameter");
  }
  if (typeof params.model !== "string" || params.model.trim() === "") {
    throw BadRequestError.forParam("model", "`model` must be a model alias, model ID, profile ID or ARN (a non-empty string).");
  }
  const inputs = readInputs(params.input);
  const format = params.encoding_format ?? "float";
  if (format !== "float" && format !== "base64") {
    throw BadRequestError.forParam("encoding_format", `\`encoding_format\` must be "float" or "base64"; got ${describe(format)}.`);
  }
  const dimensions = params.dimensions;
  if (dimensions !== void 0 && (typeof dimensions !== "number" || !Number.isInteger(dimensions) || dimensions <= 0)) {
    throw BadRequestError.forParam("dimensions", `\`dimensions\` must be a positive whole number; got ${describe(dimensions)}.`);
  }
  const extras = readBedrockOptions(params.bedrock);
  return {
    inputs,
    encodingFormat: format,
    dimensions,
    inputType: extras.inputType ?? "search_document",
    truncate: extras.truncate,
    normalize: extras.normalize,
    baseModel: extras.baseModel,
    requestMetadata: readUser(params.user)
  };
}
function readUser(user) {
  if (user === void 0)
    return void 0;
  if (typeof user !== "string")
    throw BadRequestError.forParam("user", `\`user\` must be a string; got ${describe(user)}.`);
  if (user.length > 256)
    throw BadRequestError.forParam("user", `\`user\` is ${user.length} characters; Bedrock request metadata values hold at most 256.`);
  if (!conformsTo("RequestMetadataValueString", user)) {
    throw BadRequestError.forParam("user", "`user` holds characters Bedrock request metadata does not allow (ASCII letters, digits, ASCII whitespace (space, tab, line breaks) and : _ @ $ # = / + , . - only).");
  }
  return JSON.stringify({ user });
}
function readBedrockOptions(extras) {
  if (extras === void 0)
    return {};
  if (typeof extras !== "object" || extras === null || Array.isArray(extras))
    throw BadRequestError.forParam("bedrock", "`bedrock` must be an object.");
  const options = extras;
  for (const key of Object.keys(options)) {
    if (BEDROCK_OPTIONS.includes(key) || options[key] === void 0)
      continue;
    const [suggestion] = closestMatches(key, BEDROCK_OPTIONS, 1);
    throw BadRequestError.forParam(`bedrock.${key}`, `Unrecognized Bedrock option \`bedrock.${key}\`.${suggestion === void 0 ? "" : ` Did you mean \`bedrock.${suggestion}\`?`}`, "unknown_parameter");
  }
  const result = {};
  const { inputType, truncate, normalize, baseModel } = options;
  if (inputType !== void 0) {
    if (!INPUT_TYPES.includes(inputType)) {
      throw BadRequestError.forParam("bedrock.inputType", `\`bedrock.inputType\` must be one of ${INPUT_TYPES.map((value) => `"${value}"`).join(", ")}; got ${describe(inputType)}.`);
    }
    result.inputType = inputType;
  }
  if (truncate !== void 0) {
    if (!TRUNCATIONS.includes(truncate)) {
      throw BadRequestError.forParam("bedrock.truncate", `\`bedrock.truncate\` must be "none", "start" or "end"; got ${describe(truncate)}.`);
    }
    result.truncate = truncate;
  }
  if (normalize !== void 0) {
    if (typeof normalize !== "boolean")
      throw BadRequestError.forParam("bedrock.normalize", `\`bedrock.normalize\` must be true or false; got ${describe(normalize)}.`);
    result.normalize = normalize;
  }
  if (baseModel !== void 0) {
    if (typeof baseModel !== "string" || baseModel.trim() === "")
      throw BadRequestError.forParam("bedrock.baseModel", "`bedrock.baseModel` must be a non-empty string.");
    result.baseModel = baseModel.trim();
  }
  return result;
}
var IMAGE_FORMATS = {
  "titan-text-v1": [],
  "titan-text-v2": [],
  "titan-multimodal": ["png", "jpeg"],
  "cohere-v3": ["png", "jpeg"],
  "cohere-v4": ["png", "jpeg", "gif", "webp"],
  "nova-multimodal": ["png", "jpeg", "gif", "webp"]
};
var DATA_URL = /^data:(image\/([a-z0-9.+-]+));base64,/i;
function isImageInput(input) {
  return input.charCodeAt(0) === 100 && input.startsWith("data:image/");
}
function parseDataUrlImage(input) {
  const match = DATA_URL.exec(input.slice(0, 64));
  if (match === null)
    return void 0;
  const subtype = (match[2] ?? "").toLowerCase();
  const format = subtype === "png" ? "png" : subtype === "jpeg" || subtype === "jpg" ? "jpeg" : subtype === "gif" ? "gif" : subtype === "webp" ? "webp" : void 0;
  if (format === void 0)
    return void 0;
  return { format, mediaType: (match[1] ?? "").toLowerCase(), data: input.slice(match[0].length) };
}
function exceedsCharacters(text, limit) {
  if (text.length <= limit)
    return false;
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > limit)
      return true;
  }
  return false;
}
var MAX_INPUT_BODY_BYTES = 25e6 - 1024;
function checkRequestForModel(request, facts, model) {
  const { family } = facts;
  if (request.dimensions !== void 0 && !facts.dimensions.includes(request.dimensions)) {
    const allowed = [...facts.dimensions].sort((left, right) => left - right);
    throw BadRequestError.forParam("dimensions", allowed.length === 1 ? `\`dimensions\` must be ${allowed[0]} for ${model}, which has a fixed vector length; got ${request.dimensions}.` : `\`dimensions\` must be one of ${allowed.join(", ")} for ${model}; got ${request.dimensions}.`);
  }
  const titan = family === "titan-text-v1" || family === "titan-text-v2" || family === "titan-multimodal";
  if (titan && request.truncate !== void 0 && request.truncate !== "none") {
    throw BadRequestError.forParam("bedrock.truncate", `${model} cannot truncate inputs (Titan models reject over-long text); remove \`bedrock.truncate\` or shorten the input.`, "unsupported_parameter");
  }
  if (request.normalize !== void 0 && family !== "titan-text-v2") {
    throw BadRequestError.forParam("bedrock.normalize", `\`bedrock.normalize\` applies only to Titan Text Embeddings V2, not ${model}.`, "unsupported_parameter");
  }
  const formats = IMAGE_FORMATS[family];
  const maxChars = facts.maxInputChars;
  const inputs = request.inputs;
  let images;
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index];
    if (input.length > MAX_INPUT_BODY_BYTES / 6 && Buffer.byteLength(JSON.stringify(input)) > MAX_INPUT_BODY_BYTES) {
      throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` is larger than the 25,000,000 bytes an InvokeModel request body may hold; send a smaller ${isImageInput(input) ? "image" : "text"}.`, "input_too_long");
    }
    if (isImageInput(input)) {
      const image = parseDataUrlImage(input);
      if (!facts.images || formats.length === 0) {
        throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` is an image, but ${model} embeds text only.`, "unsupported_value");
      }
      if (image === void 0 || !formats.includes(image.format)) {
        throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` must be a base64 \`data:\` URL of a ${formats.join(", ")} image for ${model}.`, "invalid_image");
      }
      if (image.data === "")
        throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` is an image data URL without data.`, "invalid_image");
      images ??= new Uint8Array(inputs.length);
      images[index] = 1;
      continue;
    }
    if (maxChars !== void 0 && exceedsCharacters(input, maxChars)) {
      throw BadRequestError.forParam(`input[${index}]`, `\`input[${index}]\` has more than ${maxChars.toLocaleString("en-US")} characters, the most ${model} takes per input; split it into smaller chunks.`, "input_too_long");
    }
  }
  return { images };
}

// dist/src/embeddings/families.js
function familySettingsOf(request, facts) {
  return {
    family: facts.family,
    dimensions: request.dimensions ?? facts.defaultDimensions,
    inputType: request.inputType,
    truncate: request.truncate,
    normalize: request.normalize
  };
}
function batchSizesFor(facts) {
  switch (facts.family) {
    case "cohere-v3":
      return { text: facts.batchSize, image: 1 };
    case "cohere-v4":
      return { text: facts.batchSize, image: facts.batchSize };
    default:
      return { text: facts.batchSize, image: 1 };
  }
}
var NOVA_PURPOSE = {
  search_document: "GENERIC_INDEX",
  search_query: "GENERIC_RETRIEVAL",
  classification: "CLASSIFICATION",
  clustering: "CLUSTERING"
};
var COHERE_V3_TRUNCATE = { none: "NONE", start: "START", end: "END" };
var COHERE_V4_TRUNCATE = { none: "NONE", start: "LEFT", end: "RIGHT" };
var NOVA_TRUNCATE = { none: "NONE", start: "START", end: "END" };
function buildRequestBody(settings, inputs, start, end, image) {
  const first2 = inputs[start];
  switch (settings.family) {
    case "titan-text-v1":
      return { inputText: first2 };
    case "titan-text-v2":
      return settings.normalize === void 0 ? { inputText: first2, dimensions: settings.dimensions } : { inputText: first2, dimensions: settings.dimensions, normalize: settings.normalize };
    case "titan-multimodal": {
      const embeddingConfig = { outputEmbeddingLength: settings.dimensions };
      return image ? { inputImage: imageOf(first2).data, embeddingConfig } : { inputText: first2, embeddingConfig };
    }
    case "cohere-v3": {
      if (image)
        return { images: [first2], input_type: "image" };
      const body = { texts: inputs.slice(start, end), input_type: settings.inputType };
      if (settings.truncate !== void 0)
        body["truncate"] = COHERE_V3_TRUNCATE[settings.truncate];
      return body;
    }
    case "cohere-v4": {
      const body = image ? { images: inputs.slice(start, end), input_type: settings.inputType } : { texts: inputs.slice(start, end), input_type: settings.inputType };
      body["embedding_types"] = ["float"];
      body["output_dimension"] = settings.dimensions;
      if (settings.truncate !== void 0)
        body["truncate"] = COHERE_V4_TRUNCATE[settings.truncate];
      return body;
    }
    case "nova-multimodal": {
      const params = { embeddingPurpose: NOVA_PURPOSE[settings.inputType], embeddingDimension: settings.dimensions };
      if (image) {
        const { format, data } = imageOf(first2);
        params["image"] = { format, source: { bytes: data } };
      } else {
        params["text"] = { truncationMode: NOVA_TRUNCATE[settings.truncate ?? "none"], value: first2 };
      }
      return { schemaVersion: "nova-multimodal-embed-v1", taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: params };
    }
    default: {
      const unknown = settings.family;
      throw new BedrockOpenAIError(`Unknown embedding family ${String(unknown)}.`);
    }
  }
}
function imageOf(input) {
  const image = parseDataUrlImage(input);
  if (image === void 0)
    throw new BedrockOpenAIError("Not an image data URL.");
  return image;
}
function unexpected(family, what) {
  return new BedrockOpenAIError(`Unexpected ${family} embedding response from Bedrock: ${what}.`);
}
function isVectorList(value) {
  return Array.isArray(value) && value.every((vector) => Array.isArray(vector));
}
function parseResponseBody(family, body, count) {
  if (typeof body !== "object" || body === null)
    throw unexpected(family, "the body is not a JSON object");
  const json = body;
  let vectors;
  let inputTokens;
  switch (family) {
    case "titan-text-v1":
    case "titan-text-v2":
    case "titan-multimodal": {
      const byType = json["embeddingsByType"];
      const vector = Array.isArray(json["embedding"]) ? json["embedding"] : byType?.float;
      if (!Array.isArray(vector))
        throw unexpected(family, "no `embedding` array");
      vectors = [vector];
      inputTokens = json["inputTextTokenCount"];
      break;
    }
    case "cohere-v3":
    case "cohere-v4": {
      const embeddings = json["embeddings"];
      const list = Array.isArray(embeddings) ? embeddings : embeddings?.float;
      if (!isVectorList(list))
        throw unexpected(family, "no `embeddings` (or `embeddings.float`) list of vectors");
      vectors = list;
      break;
    }
    case "nova-multimodal": {
      const embeddings = json["embeddings"];
      if (!Array.isArray(embeddings))
        throw unexpected(family, "no `embeddings` list");
      vectors = embeddings.map((entry) => {
        const vector = entry?.embedding;
        if (!Array.isArray(vector))
          throw unexpected(family, "an `embeddings` entry without an `embedding` array");
        return vector;
      });
      inputTokens = json["inputTokenCount"];
      break;
    }
    default: {
      const unknown = family;
      throw new BedrockOpenAIError(`Unknown embedding family ${String(unknown)}.`);
    }
  }
  if (vectors.length !== count)
    throw unexpected(family, `${vectors.length} vectors for ${count} inputs`);
  return { vectors, inputTokens: typeof inputTokens === "number" && Number.isFinite(inputTokens) && inputTokens >= 0 ? inputTokens : void 0 };
}

// dist/src/embeddings/run.js
var DEFAULT_EMBEDDING_CONCURRENCY = 16;
var DEFAULT_THROTTLE_RETRIES = 8;
function embeddingFailureOf(error) {
  if (typeof error !== "object" || error === null)
    return void 0;
  const details = error;
  return Array.isArray(details.failedInputs) && typeof details.notEmbedded === "number" ? { failedInputs: details.failedInputs, notEmbedded: details.notEmbedded } : void 0;
}
function retrySettingsOf(client, options) {
  return client._retryPolicy(options);
}
var EMBEDDING_OPTION_KEYS = ["concurrency", "throttleRetries", "onProgress"];
function isThrottle(error) {
  return error instanceof APIError && error.status === 429 && isRetryableError(error);
}
function isValidationError(error) {
  return error instanceof APIError && error.bedrockErrorName === "ValidationException";
}
function describeRange(start, end) {
  return end - start === 1 ? `input ${start}` : `inputs ${start}\u2013${end - 1}`;
}
function failureError(failures, total, embedded) {
  const sorted = [...failures].sort((left, right) => left.start - right.start);
  const first2 = failures[0];
  const reason = (error2) => {
    const name = error2 instanceof APIError && error2.bedrockErrorName !== void 0 ? `${error2.bedrockErrorName}: ` : "";
    return `${name}${error2 instanceof Error ? error2.message : String(error2)}`;
  };
  const shown = sorted.slice(0, 5).map((failure) => `${describeRange(failure.start, failure.end)} (${reason(failure.error)})`);
  const more = sorted.length > shown.length ? `; and ${sorted.length - shown.length} more requests` : "";
  const notEmbedded = total - embedded;
  const failedInputs = [];
  for (const failure of sorted)
    for (let index = failure.start; index < failure.end; index++)
      failedInputs.push(index);
  const stopped = notEmbedded > failedInputs.length ? ` The call stopped there: ${notEmbedded} of ${total} inputs have no vector, and no partial result is returned.` : "";
  const message = `Embedding failed for ${shown.join("; ")}${more}.${stopped}`;
  const param = failedInputs.length === 1 ? `input[${failedInputs[0]}]` : "input";
  const cause = first2.error;
  let error;
  if (cause instanceof APIConnectionTimeoutError)
    error = new APIConnectionTimeoutError({ message, cause });
  else if (cause instanceof APIError) {
    error = APIError.generate(cause.status, message, {
      cause,
      bedrockErrorName: cause.bedrockErrorName,
      requestID: cause.requestID,
      headers: cause.headers,
      type: cause.type,
      code: cause.code,
      param
    });
  } else
    error = new BedrockOpenAIError(message, { cause });
  const details = { failedInputs, notEmbedded };
  Object.assign(error, details);
  return error;
}
var EmbeddingRun = class {
  #client;
  #inputs;
  #settings;
  #modelId;
  #region;
  #base64;
  #requestMetadata;
  #options;
  #retry;
  #throttleRetries;
  #concurrency;
  /** Aborted when the caller aborts or a request fails for good: cancels every request and backoff in flight. */
  #controller = new AbortController();
  /** The controllers of the batches in flight (see #send). */
  #inFlight = /* @__PURE__ */ new Set();
  #data;
  #embedded = 0;
  #promptTokens = 0;
  #requests = 0;
  #unreported = 0;
  #attempts = 0;
  #retryDelayMs = 0;
  #firstRequestId;
  #stopped = false;
  #failures = [];
  #callbackError;
  #internals;
  constructor(client, request, settings, modelId, region, options, internals) {
    this.#client = client;
    this.#internals = internals;
    this.#inputs = request.inputs;
    this.#settings = settings;
    this.#modelId = modelId;
    this.#region = region;
    this.#base64 = request.encodingFormat === "base64";
    this.#requestMetadata = request.requestMetadata;
    this.#options = options;
    this.#retry = retrySettingsOf(client, options);
    this.#throttleRetries = options.throttleRetries ?? DEFAULT_THROTTLE_RETRIES;
    this.#concurrency = options.concurrency ?? DEFAULT_EMBEDDING_CONCURRENCY;
    setMaxListeners(this.#concurrency * 4 + 8, this.#controller.signal);
    this.#data = new Array(request.inputs.length);
  }
  async execute(planner) {
    const signal = this.#options.signal;
    if (signal?.aborted === true)
      throw new APIUserAbortError();
    const onAbort = () => this.#stop();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const workers = Math.min(this.#concurrency, planner.remaining);
      const running = [];
      for (let worker = 0; worker < workers; worker++)
        running.push(this.#work(planner));
      await Promise.all(running);
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
    if (isAborted(signal))
      throw new APIUserAbortError();
    if (this.#callbackError !== void 0)
      throw this.#callbackError.error;
    if (this.#failures.length > 0)
      throw failureError(this.#failures, this.#inputs.length, this.#embedded);
    return {
      data: this.#data,
      promptTokens: this.#promptTokens,
      requests: this.#requests,
      unreportedRequests: this.#unreported,
      metadata: { httpStatusCode: 200, requestId: this.#firstRequestId, attempts: this.#attempts, totalRetryDelay: this.#retryDelayMs }
    };
  }
  /** Stops the call: no new batches, and every request and backoff in flight is cancelled. */
  #stop() {
    this.#stopped = true;
    if (!this.#controller.signal.aborted)
      this.#controller.abort();
    for (const batchController of this.#inFlight)
      batchController.abort();
    this.#inFlight.clear();
  }
  /** One worker: pulls batches until none is left or the call stops. */
  async #work(planner) {
    while (!this.#stopped) {
      const batch = planner.next();
      if (batch === void 0)
        return;
      try {
        await this.#embed(batch);
      } catch (error) {
        if (this.#controller.signal.aborted)
          return;
        this.#stopped = true;
        this.#failures.push(await this.#narrow(batch, error));
        this.#stop();
        return;
      }
      const onProgress = this.#options.onProgress;
      if (onProgress !== void 0) {
        try {
          onProgress({ done: this.#embedded, total: this.#inputs.length });
        } catch (error) {
          this.#callbackError ??= { error };
          this.#stop();
          return;
        }
      }
    }
  }
  /** The InvokeModel input for a batch. */
  #commandInput(batch) {
    const body = JSON.stringify(buildRequestBody(this.#settings, this.#inputs, batch.start, batch.end, batch.image));
    const input = { modelId: this.#modelId, body, contentType: "application/json", accept: "application/json" };
    if (this.#requestMetadata !== void 0)
      input.requestMetadata = this.#requestMetadata;
    return input;
  }
  /**
   * Sends one batch with retries (every attempt goes through the client's limiter for the model), and returns the parsed vectors and the token
   * count (body field, else the `x-amzn-bedrock-input-token-count` header).
   */
  async #send(batch) {
    const input = this.#commandInput(batch);
    const batchController = new LightAbortController();
    if (this.#controller.signal.aborted)
      batchController.abort();
    else
      this.#inFlight.add(batchController);
    const signal = batchController.signal;
    const maxRetries = this.#retry.maxRetries;
    const throttleRetries = this.#throttleRetries;
    let throttled = 0;
    let failed = 0;
    let outcome;
    try {
      outcome = await withRetry(() => this.#client._send("InvokeModel", input, {
        maxRetries: 0,
        timeout: this.#retry.timeoutMs,
        signal,
        region: this.#region,
        headers: this.#options.headers
      }), {
        maxRetries: maxRetries + throttleRetries,
        signal,
        onRetry: this.#retry.onRetry,
        sleep: this.#internals.sleep,
        random: this.#internals.random,
        isRetryable: (error) => {
          if (!isRetryableError(error))
            return false;
          if (isThrottle(error))
            return throttled++ < throttleRetries;
          return failed++ < maxRetries;
        }
      });
    } finally {
      this.#inFlight.delete(batchController);
    }
    this.#attempts += outcome.attempts;
    this.#retryDelayMs += outcome.totalDelayMs;
    const { output, requestId } = outcome.value;
    const body = output.body;
    if (body === void 0)
      throw new BedrockOpenAIError(`Bedrock returned no body for ${describeRange(batch.start, batch.end)}.`);
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new BedrockOpenAIError(`Bedrock returned a body that is not JSON for ${describeRange(batch.start, batch.end)}.`);
    }
    const parsed = parseResponseBody(this.#settings.family, json, batch.end - batch.start);
    return { vectors: parsed.vectors, inputTokens: parsed.inputTokens ?? bedrockHeadersOf(output)?.inputTokenCount, requestId };
  }
  /** Embeds a batch and stores its vectors at their inputs' indexes. */
  async #embed(batch) {
    const { vectors, inputTokens, requestId } = await this.#send(batch);
    const data = this.#data;
    for (let offset = 0; offset < vectors.length; offset++) {
      const index = batch.start + offset;
      const vector = vectors[offset];
      data[index] = this.#base64 ? { object: "embedding", index, embedding: encodeFloat32Base64(vector) } : { object: "embedding", index, embedding: vector };
    }
    this.#embedded += vectors.length;
    this.#requests++;
    if (inputTokens === void 0)
      this.#unreported++;
    else
      this.#promptTokens += inputTokens;
    if (batch.start === 0)
      this.#firstRequestId = requestId ?? void 0;
  }
  /**
   * For a Bedrock `ValidationException` on a request of several inputs, finds the input that causes it: sends
   * halves on their own, following the failing half, about 2·log₂(batch) extra requests at most.
   * When neither half fails alone, or another error gets in the way, the whole range is reported.
   */
  async #narrow(batch, error) {
    let range = batch;
    let cause = error;
    while (isValidationError(cause) && range.end - range.start > 1 && !isAborted(this.#controller.signal)) {
      const middle = range.start + range.end >>> 1;
      const halves = [
        { start: range.start, end: middle, image: range.image },
        { start: middle, end: range.end, image: range.image }
      ];
      let next;
      for (const half of halves) {
        try {
          await this.#send(half);
        } catch (halfError) {
          if (isValidationError(halfError))
            next = { range: half, cause: halfError };
          break;
        }
      }
      if (next === void 0)
        break;
      range = next.range;
      cause = next.cause;
    }
    return { start: range.start, end: range.end, error: cause };
  }
};

// dist/src/core/request-options.js
var COMMON_KEYS = ["maxRetries", "timeout", "streamIdleTimeout", "signal", "onRetry", "headers", "query", "idempotencyKey", "fetchOptions"];
var REFUSED_HEADERS = /* @__PURE__ */ new Set(["authorization", "host", "content-type", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "expect", "te", "trailer", "upgrade", "proxy-authorization"]);
var REFUSED_HEADER_PREFIXES = ["x-amz-", "x-amzn-"];
var HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
var HEADER_VALUE = /^[\t\x20-\x7e]*$/;
function readRequestOptions(options, extraKeys = []) {
  if (options === void 0 || options === null)
    return {};
  if (typeof options !== "object" || Array.isArray(options))
    throw BadRequestError.forParam("options", "Request options must be an object.");
  for (const key of Object.keys(options)) {
    if (options[key] === void 0)
      continue;
    if (!COMMON_KEYS.includes(key) && !extraKeys.includes(key)) {
      throw BadRequestError.forParam(`options.${key}`, `Unrecognized request option \`${key}\`.`, "unknown_parameter");
    }
  }
  const { signal, headers, query, idempotencyKey, fetchOptions, ...rest } = options;
  if (signal !== void 0 && signal !== null && !isAbortSignal(signal)) {
    throw BadRequestError.forParam("options.signal", "`signal` must be an AbortSignal (or null).");
  }
  if (query !== void 0 && query !== null && !isEmpty(query, "options.query")) {
    throw BadRequestError.forParam("options.query", "`query` is not supported on Bedrock: no Bedrock Runtime operation takes query parameters.", "unsupported_parameter");
  }
  if (idempotencyKey !== void 0) {
    throw BadRequestError.forParam("options.idempotencyKey", "`idempotencyKey` is not supported on Bedrock: Bedrock Runtime has no idempotency key, so a retried request is always a new generation (set `maxRetries: 0` to never repeat one).", "unsupported_parameter");
  }
  if (fetchOptions !== void 0 && !isEmpty(fetchOptions, "options.fetchOptions")) {
    throw BadRequestError.forParam("options.fetchOptions", "`fetchOptions` is not supported: requests go through the AWS SDK's HTTP handler, not `fetch`. Give the client a `requestHandler` for agents, proxies or TLS settings, and use `headers` and `signal` for the rest.", "unsupported_parameter");
  }
  const read = { ...rest, ...isAbortSignal(signal) ? { signal } : {} };
  const normalized = readHeaders(headers);
  if (normalized !== void 0)
    read.headers = normalized;
  return read;
}
function readHeaders(headers) {
  if (headers === void 0 || headers === null)
    return void 0;
  const entries = [];
  if (typeof Headers !== "undefined" && headers instanceof Headers) {
    headers.forEach((value, name) => entries.push([name, value]));
  } else if (Array.isArray(headers)) {
    headers.forEach((pair, index) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") {
        throw BadRequestError.forParam(`options.headers[${index}]`, "`headers` as an array must hold `[name, value]` pairs.");
      }
      entries.push([pair[0], pair[1]]);
    });
  } else if (typeof headers === "object") {
    for (const [name, value] of Object.entries(headers)) {
      if (Array.isArray(value))
        for (const each of value)
          entries.push([name, each]);
      else
        entries.push([name, value]);
    }
  } else {
    throw BadRequestError.forParam("options.headers", "`headers` must be an object, a Headers instance or an array of `[name, value]` pairs.");
  }
  const out = {};
  for (const [rawName, value] of entries) {
    const param = `options.headers.${rawName}`;
    if (!HEADER_NAME.test(rawName))
      throw BadRequestError.forParam(param, `\`${rawName}\` is not a valid HTTP header name.`);
    const name = rawName.toLowerCase();
    if (REFUSED_HEADERS.has(name) || REFUSED_HEADER_PREFIXES.some((prefix) => name.startsWith(prefix))) {
      throw BadRequestError.forParam(param, `The header \`${rawName}\` cannot be set per request: the AWS SDK sets it (signing, framing, Bedrock's own headers) or it would change the protocol. Bedrock's own settings are request fields (e.g. \`bedrock.guardrail\`).`, "unsupported_parameter");
    }
    if (value === null || value === void 0)
      continue;
    if (typeof value !== "string")
      throw BadRequestError.forParam(param, `The header \`${rawName}\` must be a string (or null).`);
    if (!HEADER_VALUE.test(value))
      throw BadRequestError.forParam(param, `The header \`${rawName}\` holds characters an HTTP header cannot carry (visible ASCII, spaces and tabs only).`);
    out[name] = out[name] === void 0 ? value : `${out[name]}, ${value}`;
  }
  return Object.keys(out).length === 0 ? void 0 : out;
}
function isAbortSignal(value) {
  return typeof value === "object" && value !== null && typeof value.aborted === "boolean" && typeof value.addEventListener === "function";
}
function isEmpty(value, param) {
  if (typeof value !== "object" || value === null)
    throw BadRequestError.forParam(param, `\`${param.slice("options.".length)}\` must be an object.`);
  if (value instanceof URLSearchParams)
    return [...value.keys()].length === 0;
  return Object.values(value).every((entry) => entry === void 0);
}
function readLocalOptions(options, method, what) {
  const read = readRequestOptions(options);
  if (read.headers !== void 0) {
    throw BadRequestError.forParam("options.headers", `\`${method}\` ${what} and sends no request, so there is nothing to put \`headers\` on.`, "unsupported_parameter");
  }
  if (read.signal?.aborted === true)
    throw new APIUserAbortError();
}

// dist/src/core/resource.js
var APIResource = class {
  _client;
  constructor(client) {
    this._client = client;
  }
};

// dist/src/embeddings/batching.js
var BatchPlanner = class {
  #count;
  #textSize;
  #imageSize;
  #images;
  #next = 0;
  /**
   * @param count number of inputs
   * @param sizes most inputs per request, for text and for images (each ≥ 1)
   * @param images `1` at each image input's index; `undefined` when all inputs are text
   */
  constructor(count, sizes, images) {
    if (!(sizes.text >= 1 && sizes.image >= 1))
      throw new RangeError("Batch sizes must be at least 1.");
    this.#count = count;
    this.#textSize = Math.floor(sizes.text);
    this.#imageSize = Math.floor(sizes.image);
    this.#images = images;
  }
  /** The next batch, or `undefined` when every input has been handed out. */
  next() {
    const start = this.#next;
    if (start >= this.#count)
      return void 0;
    const images = this.#images;
    if (images === void 0) {
      const end2 = Math.min(start + this.#textSize, this.#count);
      this.#next = end2;
      return { start, end: end2, image: false };
    }
    const image = images[start] === 1;
    const limit = Math.min(start + (image ? this.#imageSize : this.#textSize), this.#count);
    let end = start + 1;
    while (end < limit && images[end] === 1 === image)
      end++;
    this.#next = end;
    return { start, end, image };
  }
  /** Inputs not handed out yet. */
  get remaining() {
    return this.#count - this.#next;
  }
};

// dist/src/embeddings/embeddings.js
var MAX_EMBEDDING_CONCURRENCY = 256;
function checkWholeNumber(name, value, min, max) {
  if (value === void 0)
    return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw BadRequestError.forParam(name, `\`${name}\` must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}.`);
  }
}
function checkRequestOptions(options) {
  if (typeof options !== "object" || options === null)
    throw BadRequestError.forParam("options", "Request options must be an object.");
  checkWholeNumber("concurrency", options.concurrency, 1, MAX_EMBEDDING_CONCURRENCY);
  checkWholeNumber("throttleRetries", options.throttleRetries, 0, 100);
  if (options.onProgress !== void 0 && typeof options.onProgress !== "function") {
    throw BadRequestError.forParam("onProgress", "`onProgress` must be a function.");
  }
}
function embeddingFactsOf(entry, name, modelId) {
  const known = CATALOG_ENTRIES.filter((candidate) => candidate.kind === "embedding").map((candidate) => candidate.alias);
  if (entry === void 0) {
    throw BadRequestError.forParam("model", `${JSON.stringify(name)} (${modelId}) is not an embedding model the catalog knows, so its request format is unknown. Use one of ${known.join(", ")}, or a model/profile ID of one; for an application-inference-profile ARN, set \`bedrock.baseModel\` to the model it runs.`, "model_not_found");
  }
  if (entry.embedding === void 0) {
    throw BadRequestError.forParam("model", `${entry.alias} (${modelId}) is a ${entry.kind} model, not an embedding model. Embedding models: ${known.join(", ")}.`, "invalid_model");
  }
  return entry.embedding;
}
var Embeddings = class extends APIResource {
  #internals;
  constructor(client, internals = {}) {
    super(client);
    this.#internals = internals;
  }
  create(params, options = {}) {
    return APIPromise.from(() => this.#create(params, options));
  }
  async #create(params, given) {
    const request = readEmbeddingRequest(params);
    checkRequestOptions(given);
    const options = readRequestOptions(given, EMBEDDING_OPTION_KEYS);
    const resolved = await this._client._resolveModel(params.model, { baseModel: request.baseModel });
    const facts = embeddingFactsOf(resolved.entry, params.model, resolved.modelId);
    const kinds = checkRequestForModel(request, facts, resolved.modelId);
    const settings = familySettingsOf(request, facts);
    const run = new EmbeddingRun(this._client, request, settings, resolved.modelId, resolved.region, options, this.#internals);
    const planner = new BatchPlanner(request.inputs.length, batchSizesFor(facts), kinds.images);
    const outcome = await run.execute(planner);
    const usage = { prompt_tokens: outcome.promptTokens, total_tokens: outcome.promptTokens };
    if (outcome.unreportedRequests > 0) {
      this._client._warn({
        code: "embedding_usage_unreported",
        message: `Bedrock reported no token count for ${outcome.unreportedRequests} of ${outcome.requests} embedding requests to ${resolved.modelId}; usage counts only the others and has no cost.`
      });
    } else {
      const cost = computeCost(resolved.modelId, resolved.entry, { inputTokens: outcome.promptTokens, outputTokens: 0 }, resolved.region);
      if (cost !== void 0)
        usage.cost = cost;
    }
    const data = { object: "list", data: outcome.data, model: resolved.modelId, usage };
    return { data, request_id: outcome.metadata.requestId ?? null, response: outcome.metadata };
  }
};

// dist/src/batch/files.js
import { randomBytes } from "node:crypto";
import { Readable as Readable2 } from "node:stream";

// dist/src/batch/storage.js
import { Readable } from "node:stream";

// dist/src/core/services.js
var BEDROCK_RUNTIME = {
  name: "bedrock-runtime",
  load: () => import("@aws-sdk/client-bedrock-runtime"),
  createClient: (module, settings) => new module.BedrockRuntimeClient(settings),
  commandClass: (module, operation) => module[`${operation}Command`],
  prepareCommand(operation, command) {
    if (operation === "InvokeModel")
      addBedrockHeadersMiddleware(command.middlewareStack);
  }
};
var BEDROCK_CONTROL = {
  name: "bedrock",
  load: () => import("@aws-sdk/client-bedrock"),
  createClient: (module, settings) => new module.BedrockClient(settings),
  commandClass: (module, operation) => module[`${operation}Command`]
};
var S3_SERVICE = {
  name: "s3",
  load: () => import("@aws-sdk/client-s3"),
  createClient: (module, settings) => new module.S3Client({ ...settings, ...settings.endpoint === void 0 ? {} : { forcePathStyle: true } }),
  commandClass: (module, operation) => module[`${operation}Command`]
};

// dist/src/batch/storage.js
var FILE_ID = /^file-[0-9a-f]{24}$/;
var OUTPUT_FILE_ID = /^file-batch-([0-9a-f]{12})-(output|errors)$/;
function fileKey(context, id) {
  return `${context.config.prefix}files/${id}`;
}
function batchKey(context, token, name) {
  return `${context.config.prefix}batches/${token}/${name}`;
}
function s3Uri(context, key) {
  return `s3://${context.config.bucket}/${key}`;
}
async function s3Send(context, name, input, options = {}) {
  return context.send(S3_SERVICE, name, input, options);
}
async function readObject(context, key, what, options = {}) {
  try {
    const output = await s3Send(context, "GetObject", { Bucket: context.config.bucket, Key: key }, options);
    return output.Body;
  } catch (error) {
    if (isNotFound(error))
      throw new NotFoundError(404, `No such ${what}.`, { code: "not_found", type: "invalid_request_error" });
    throw error;
  }
}
async function readJson(context, key, what, options = {}) {
  const body = await readObject(context, key, what, options);
  const chunks = [];
  for await (const chunk of body)
    chunks.push(Buffer.from(chunk));
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}
async function exists(context, key, options = {}) {
  try {
    await s3Send(context, "HeadObject", { Bucket: context.config.bucket, Key: key }, options);
    return true;
  } catch (error) {
    if (isNotFound(error))
      return false;
    throw error;
  }
}
function putText(context, key, text, options = {}) {
  return s3Send(context, "PutObject", { Bucket: context.config.bucket, Key: key, Body: text, ContentType: "application/json" }, options);
}
function isNotFound(error) {
  const name = error.bedrockErrorName;
  return error.status === 404 || name === "NoSuchKey" || name === "NotFound";
}
async function uploadStream(context, key, chunks, extra = {}) {
  const [{ Upload }, client] = await Promise.all([import("@aws-sdk/lib-storage"), context.s3Client()]);
  let bytes = 0;
  const counted = Readable.from((async function* () {
    for await (const chunk of chunks) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      bytes += buffer.length;
      yield buffer;
    }
  })());
  const upload = new Upload({
    client,
    params: { Bucket: context.config.bucket, Key: key, Body: counted, ContentType: extra.contentType ?? "application/jsonl", Metadata: extra.metadata },
    queueSize: 2,
    leavePartsOnError: false
  });
  const onAbort = () => void upload.abort().catch(() => void 0);
  extra.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    await upload.done();
  } catch (error) {
    counted.destroy();
    throw context.mapError(error);
  } finally {
    extra.signal?.removeEventListener("abort", onAbort);
  }
  return bytes;
}
async function* readLines(body) {
  const decoder = new TextDecoder();
  let pending = "";
  let lineNumber = 0;
  for await (const chunk of body) {
    pending += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf("\n");
    while (newline !== -1) {
      lineNumber += 1;
      const text = pending.slice(0, newline).replace(/\r$/, "");
      pending = pending.slice(newline + 1);
      yield { text, lineNumber };
      newline = pending.indexOf("\n");
    }
  }
  pending += decoder.decode();
  if (pending !== "")
    yield { text: pending.replace(/\r$/, ""), lineNumber: lineNumber + 1 };
}
var Channel = class {
  #buffer = [];
  #closed = false;
  #wakeConsumer;
  #wakeProducer;
  #limit;
  constructor(limit = 64) {
    this.#limit = limit;
  }
  async push(value) {
    this.#buffer.push(value);
    this.#wakeConsumer?.();
    while (this.#buffer.length >= this.#limit && !this.#closed)
      await new Promise((resolve2) => this.#wakeProducer = resolve2);
  }
  close() {
    this.#closed = true;
    this.#wakeConsumer?.();
  }
  async *[Symbol.asyncIterator]() {
    for (; ; ) {
      if (this.#buffer.length > 0) {
        const values = this.#buffer;
        this.#buffer = [];
        this.#wakeProducer?.();
        yield* values;
        continue;
      }
      if (this.#closed)
        return;
      await new Promise((resolve2) => this.#wakeConsumer = resolve2);
    }
  }
};

// dist/src/batch/files.js
function chunksOf(file) {
  if (typeof file === "string" || file instanceof Uint8Array)
    return (async function* () {
      yield file;
    })();
  if (typeof Blob !== "undefined" && file instanceof Blob)
    return file.stream();
  if (typeof file[Symbol.asyncIterator] === "function")
    return file;
  if (typeof file.getReader === "function") {
    const reader = file.getReader();
    return (async function* () {
      for (; ; ) {
        const { done, value } = await reader.read();
        if (done)
          return;
        yield value;
      }
    })();
  }
  throw BadRequestError.forParam("file", "`file` must be a string, bytes, a Blob/File, a ReadableStream or an async iterable (e.g. fs.createReadStream).");
}
function filenameOf(params) {
  if (params.filename !== void 0)
    return params.filename;
  const named = params.file;
  if (typeof named.name === "string" && named.name !== "")
    return named.name;
  if (typeof named.path === "string")
    return named.path.slice(named.path.lastIndexOf("/") + 1);
  return "upload.jsonl";
}
var Files = class extends APIResource {
  /** Uploads a file for a batch (`purpose: 'batch'`), streaming it to S3 with multipart upload. */
  create(params, options = {}) {
    return APIPromise.from(async () => {
      if (params?.purpose !== "batch")
        throw BadRequestError.forParam("purpose", `\`purpose\` must be "batch" (the only purpose Bedrock batch inference has); got ${JSON.stringify(params?.purpose)}.`);
      const context = await this._client._batchContext();
      const id = `file-${randomBytes(12).toString("hex")}`;
      const filename = filenameOf(params);
      const bytes = await uploadStream(context, fileKey(context, id), chunksOf(params.file), {
        metadata: { filename: encodeURIComponent(filename), purpose: "batch" },
        signal: options.signal ?? void 0
      });
      return respond({ id, object: "file", bytes, created_at: Math.floor(Date.now() / 1e3), filename, purpose: "batch", status: "processed", expires_at: null, status_details: null });
    });
  }
  /** A file's description. */
  retrieve(fileId, options = {}) {
    return APIPromise.from(async () => respond(await describeFile(await this._client._batchContext(), fileId, options)));
  }
  /** Uploaded files, newest first (`limit` default 20, max 10,000; `after` a file ID from a previous page). */
  list(params = {}, options = {}) {
    return APIPromise.from(async () => {
      const context = await this._client._batchContext();
      const limit = params.limit ?? 20;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1e4)
        throw BadRequestError.forParam("limit", "`limit` must be a whole number from 1 to 10000.");
      const entries = [];
      let token;
      do {
        const page2 = await s3Send(context, "ListObjectsV2", { Bucket: context.config.bucket, Prefix: `${context.config.prefix}files/`, ContinuationToken: token }, options);
        for (const item of page2.Contents ?? []) {
          const id = item.Key?.slice(item.Key.lastIndexOf("/") + 1) ?? "";
          if (FILE_ID.test(id))
            entries.push({ id, modified: item.LastModified?.getTime() ?? 0 });
        }
        token = page2.IsTruncated === true ? page2.NextContinuationToken : void 0;
      } while (token !== void 0);
      entries.sort((left, right) => right.modified - left.modified || (left.id < right.id ? 1 : -1));
      const start = params.after === void 0 ? 0 : entries.findIndex((entry) => entry.id === params.after) + 1;
      const page = entries.slice(start, start + limit);
      const data = params.purpose === "batch_output" ? [] : await Promise.all(page.map((entry) => describeFile(context, entry.id, options)));
      return respond({ object: "list", data, has_more: start + limit < entries.length, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    });
  }
  /** A file's bytes, as a fetch `Response` (like `openai`'s `files.content`): `.text()`, `.body`, … */
  content(fileId, options = {}) {
    return APIPromise.from(async () => {
      const context = await this._client._batchContext();
      const body = await readObject(context, keyOf(context, fileId), `file ${fileId}`, options);
      return respond(new Response(Readable2.toWeb(body), { headers: { "content-type": "application/octet-stream" } }));
    });
  }
  /** Deletes a file. */
  delete(fileId, options = {}) {
    return APIPromise.from(async () => {
      const context = await this._client._batchContext();
      await describeFile(context, fileId, options);
      await s3Send(context, "DeleteObject", { Bucket: context.config.bucket, Key: keyOf(context, fileId) }, options);
      return respond({ id: fileId, object: "file", deleted: true });
    });
  }
};
function respond(data) {
  return { data, request_id: null, response: { httpStatusCode: 200, requestId: void 0, attempts: 1, totalRetryDelay: 0 } };
}
function keyOf(context, fileId) {
  if (typeof fileId === "string" && FILE_ID.test(fileId))
    return fileKey(context, fileId);
  const output = typeof fileId === "string" ? OUTPUT_FILE_ID.exec(fileId) : null;
  if (output !== null)
    return batchKey(context, output[1] ?? "", `${output[2]}.jsonl`);
  throw new NotFoundError(404, `No such file: ${JSON.stringify(fileId)}.`, { code: "not_found", type: "invalid_request_error", param: "file_id" });
}
async function describeFile(context, fileId, options = {}) {
  const key = keyOf(context, fileId);
  let head;
  try {
    head = await s3Send(context, "HeadObject", { Bucket: context.config.bucket, Key: key }, options);
  } catch (error) {
    if (isNotFound(error))
      throw new NotFoundError(404, `No such file: ${fileId}.`, { code: "not_found", type: "invalid_request_error", param: "file_id" });
    throw error;
  }
  const output = OUTPUT_FILE_ID.test(fileId);
  const metadataName = head.Metadata?.["filename"];
  return {
    id: fileId,
    object: "file",
    bytes: head.ContentLength ?? 0,
    created_at: Math.floor((head.LastModified?.getTime() ?? Date.now()) / 1e3),
    filename: metadataName !== void 0 ? decodeURIComponent(metadataName) : output ? `${fileId}.jsonl` : fileId,
    purpose: output ? "batch_output" : "batch",
    status: "processed",
    expires_at: null,
    status_details: null
  };
}

// dist/src/batch/upload-records.js
var MIN_BATCH_RECORDS = 100;
async function uploadRecords(context, token, source, counts, options) {
  const head = [];
  for (; ; ) {
    if (counts().records >= MIN_BATCH_RECORDS)
      break;
    const next = await source.next();
    if (next.done === true)
      break;
    head.push(next.value);
  }
  const { lines, records } = counts();
  if (records < MIN_BATCH_RECORDS) {
    throw BadRequestError.forParam("input_file_id", `The input file makes ${records} Bedrock record${records === 1 ? "" : "s"} (${lines} request${lines === 1 ? "" : "s"}); Bedrock batch inference needs at least ${MIN_BATCH_RECORDS} per job. Send fewer requests online, or add more to the batch.`, "batch_too_small");
  }
  const lineChunks = [];
  let finishLines;
  let linesWaiting;
  let sourceDone = false;
  const recordStream = async function* () {
    for (const item of head) {
      lineChunks.push(item.line);
      yield item.record;
    }
    linesWaiting?.();
    for (; ; ) {
      const next = await source.next();
      if (next.done === true)
        break;
      lineChunks.push(next.value.line);
      linesWaiting?.();
      yield next.value.record;
    }
    sourceDone = true;
    finishLines?.();
    linesWaiting?.();
  };
  const lineStream = async function* () {
    for (; ; ) {
      if (lineChunks.length > 0) {
        yield lineChunks.splice(0, lineChunks.length).join("");
        continue;
      }
      if (sourceDone)
        return;
      await new Promise((resolve2) => linesWaiting = resolve2);
    }
  };
  const controller = new AbortController();
  const relay = () => controller.abort();
  options.signal?.addEventListener("abort", relay, { once: true });
  try {
    const uploads = [
      uploadStream(context, batchKey(context, token, "input.jsonl"), recordStream(), { signal: controller.signal }),
      uploadStream(context, batchKey(context, token, "lines.jsonl"), lineStream(), { signal: controller.signal })
    ];
    const settled = await Promise.allSettled(uploads);
    const failure = settled.find((result) => result.status === "rejected");
    if (failure !== void 0) {
      controller.abort();
      throw unwrap(failure.reason);
    }
  } finally {
    options.signal?.removeEventListener("abort", relay);
    void finishLines;
  }
}
function unwrap(error) {
  return error;
}

// dist/src/batch/batches.js
import { randomBytes as randomBytes3 } from "node:crypto";

// dist/src/batch/finalize.js
import { randomBytes as randomBytes2 } from "node:crypto";

// dist/src/batch/status.js
var TERMINAL_JOB_STATUSES = /* @__PURE__ */ new Set(["Completed", "PartiallyCompleted", "Failed", "Stopped", "Expired"]);
function mapJobStatus(status) {
  switch (status) {
    case "Submitted":
    case "Validating":
    case "Scheduled":
      return "validating";
    case "InProgress":
      return "in_progress";
    case "Completed":
    case "PartiallyCompleted":
      return "completed";
    case "Failed":
      return "failed";
    case "Stopping":
      return "cancelling";
    case "Stopped":
      return "cancelled";
    case "Expired":
      return "expired";
    default:
      return "in_progress";
  }
}

// dist/src/batch/job-record.js
function serializeChatContext(context) {
  const toolNames = [...context.toolNames.toBedrock.entries()].filter(([from, to]) => from !== to);
  const toolCallIds = [...context.toolCallIds.toBedrock.entries()].filter(([from, to]) => from !== to);
  return { toolNames, toolCallIds, ...context.structuredOutput === void 0 ? {} : { structuredOutput: context.structuredOutput } };
}
function nameMap(entries = []) {
  return { toBedrock: new Map(entries), fromBedrock: new Map(entries.map(([from, to]) => [to, from])) };
}
function deserializeChatContext(value) {
  const serialized = value;
  return { toolNames: nameMap(serialized.toolNames), toolCallIds: nameMap(serialized.toolCallIds), structuredOutput: serialized.structuredOutput };
}
function jobIdOf(batchId) {
  const match = typeof batchId === "string" ? /^batch_([a-z0-9]{12})$/.exec(batchId) : null;
  if (match === null)
    throw new NotFoundError(404, `No such batch: ${JSON.stringify(batchId)}.`, { code: "not_found", type: "invalid_request_error", param: "batch_id" });
  return match[1] ?? "";
}
var seconds = (date) => date === void 0 ? null : Math.floor(date.getTime() / 1e3);
function describeBatch(batchId, job, meta, result) {
  const jobStatus = job.status ?? "Submitted";
  const status = mapJobStatus(jobStatus);
  const ended = seconds(job.endTime ?? job.lastModifiedTime);
  const oneToOne = meta.records === meta.lines;
  const counts = result !== void 0 ? { total: meta.lines, completed: result.completed, failed: result.failed } : { total: meta.lines, completed: oneToOne ? job.successRecordCount ?? 0 : 0, failed: oneToOne ? job.errorRecordCount ?? 0 : 0 };
  const token = meta.token;
  return {
    id: batchId,
    object: "batch",
    endpoint: meta.endpoint,
    errors: jobStatus === "Failed" ? { object: "list", data: [{ code: "bedrock_job_failed", message: job.message ?? "The Bedrock batch inference job failed.", line: null, param: null }] } : null,
    input_file_id: meta.input_file_id,
    completion_window: meta.completion_window,
    status,
    output_file_id: result?.output === true ? `file-batch-${token}-output` : null,
    error_file_id: result?.errors === true ? `file-batch-${token}-errors` : null,
    created_at: meta.created_at,
    in_progress_at: ["InProgress", "Stopping", "Stopped", "Completed", "PartiallyCompleted", "Expired"].includes(jobStatus) ? seconds(job.submitTime) : null,
    expires_at: seconds(job.jobExpirationTime),
    finalizing_at: result?.finalizing_at ?? null,
    completed_at: status === "completed" ? result?.finished_at ?? ended : null,
    failed_at: status === "failed" ? ended : null,
    expired_at: status === "expired" ? ended : null,
    cancelling_at: jobStatus === "Stopping" || jobStatus === "Stopped" ? seconds(job.lastModifiedTime) : null,
    cancelled_at: status === "cancelled" ? ended : null,
    request_counts: counts,
    metadata: meta.metadata,
    model: meta.model
  };
}

// dist/src/chat/cache-points.js
var MAX_CACHE_POINTS = 4;
function createCachePoint(ttl) {
  return { cachePoint: ttl === void 0 ? { type: "default" } : { type: "default", ttl } };
}
function readCacheControl(value, param) {
  if (value === void 0 || value === null)
    return void 0;
  if (typeof value !== "object" || Array.isArray(value) || value.type !== "ephemeral") {
    throw BadRequestError.forParam(param, `\`${param}\` must be \`{ type: 'ephemeral', ttl?: '5m' | '1h' }\`.`);
  }
  for (const key of Object.keys(value)) {
    if (key !== "type" && key !== "ttl")
      throw BadRequestError.forParam(`${param}.${key}`, `Unrecognized option \`${param}.${key}\`.`, "unknown_parameter");
  }
  const ttl = value.ttl;
  if (ttl !== void 0 && ttl !== "5m" && ttl !== "1h")
    throw BadRequestError.forParam(`${param}.ttl`, `\`${param}.ttl\` must be "5m" or "1h".`);
  return { param, ttl };
}
function readPromptCacheBreakpoint(value, param) {
  if (value === void 0 || value === null)
    return void 0;
  if (typeof value !== "object" || Array.isArray(value) || value.mode !== "explicit") {
    throw BadRequestError.forParam(param, `\`${param}\` must be \`{ mode: 'explicit', ttl?: '30m' }\`.`);
  }
  for (const key of Object.keys(value)) {
    if (key !== "mode" && key !== "ttl")
      throw BadRequestError.forParam(`${param}.${key}`, `Unrecognized option \`${param}.${key}\`.`, "unknown_parameter");
  }
  const ttl = value.ttl;
  if (ttl === void 0 || ttl === null)
    return { param, ttl: void 0 };
  if (ttl === "30m")
    return { param, ttl: "1h" };
  if (ttl === "12h") {
    throw BadRequestError.forParam(`${param}.ttl`, `\`${param}.ttl\` "12h" is longer than any Bedrock prompt cache (5 minutes, or 1 hour where the model allows it); use "30m" (served by Bedrock's 1-hour TTL) or leave it unset.`, "unsupported_feature");
  }
  throw BadRequestError.forParam(`${param}.ttl`, `\`${param}.ttl\` must be "30m"; got ${JSON.stringify(ttl)}.`);
}
function readPartCacheBreakpoint(part, param) {
  const control = readCacheControl(part.cache_control, `${param}.cache_control`);
  const breakpoint = readPromptCacheBreakpoint(part.prompt_cache_breakpoint, `${param}.prompt_cache_breakpoint`);
  if (control !== void 0 && breakpoint !== void 0) {
    throw BadRequestError.forParam(`${param}.prompt_cache_breakpoint`, `\`${param}\` has both \`cache_control\` and \`prompt_cache_breakpoint\`; give one of them.`);
  }
  return control ?? breakpoint;
}
function addMessageCachePoint(message, param, blocks, sink) {
  const use = readCacheControl(message.cache_control, `${param}.cache_control`);
  if (use === void 0)
    return;
  const last = blocks.at(-1);
  if (last === void 0) {
    throw BadRequestError.forParam(`${param}.cache_control`, `\`${param}\` has no content for \`cache_control\` to follow; put it on a message with content.`);
  }
  if (last.cachePoint !== void 0) {
    throw BadRequestError.forParam(`${param}.cache_control`, `\`${param}\` already ends with a cache point (from its last content part's breakpoint); give only one of them.`);
  }
  blocks.push(createCachePoint(use.ttl));
  sink.push(use);
}
function addPartCachePoint(part, param, blocks, added, sink) {
  const use = readPartCacheBreakpoint(part, param);
  if (use === void 0)
    return;
  const field = use.param.slice(param.length + 1);
  if (!added)
    throw BadRequestError.forParam(use.param, `\`${param}\` is blank, so there is nothing for its \`${field}\` to follow.`);
  blocks.push(createCachePoint(use.ttl));
  sink.push(use);
}
function isCachePoint(block) {
  return block?.cachePoint !== void 0;
}
function addAutoCachePoints(input, ttl, cacheTools) {
  const added = [];
  const param = "bedrock.cache";
  if (cacheTools && input.tools !== void 0 && input.tools.length > 0 && !isCachePoint(input.tools.at(-1))) {
    input.tools.push(createCachePoint(ttl));
    added.push({ param, ttl, tools: true });
  }
  if (input.system.length > 0 && !isCachePoint(input.system.at(-1))) {
    input.system.push(createCachePoint(ttl));
    added.push({ param, ttl });
  }
  const lastUser = input.messages.findLast((message) => message.role === "user");
  const content = lastUser?.content;
  if (content !== void 0 && content.length > 0 && !isCachePoint(content.at(-1))) {
    content.push(createCachePoint(ttl));
    added.push({ param, ttl });
  }
  return added;
}
function checkCachePointCount(uses) {
  if (uses.length <= MAX_CACHE_POINTS)
    return;
  const extra = uses[MAX_CACHE_POINTS];
  throw BadRequestError.forParam(extra.param, `A request may hold at most ${MAX_CACHE_POINTS} cache points (Bedrock's limit); this one (\`${extra.param}\`) is number ${MAX_CACHE_POINTS + 1} of ${uses.length} (from ${[...new Set(uses.map((use) => `\`${use.param}\``))].join(", ")}).`, "too_many_cache_points");
}

// dist/src/chat/capabilities.js
function dropNoOpTopP(inference, features, capabilities) {
  if (capabilities?.temperatureTopPConflict !== true || features.temperatureAndTopP === void 0 || inference?.topP !== 1) {
    return { inference, features };
  }
  const { topP: _dropped, ...rest } = inference;
  const { temperatureAndTopP: _pair, ...otherFeatures } = features;
  return { inference: rest, features: otherFeatures };
}
function describeModel(entry, modelId) {
  return entry.alias === modelId ? `\`${modelId}\`` : `\`${entry.alias}\` (${modelId})`;
}
function checkCapabilities(entry, modelId, features) {
  if (entry === void 0)
    return;
  const model = describeModel(entry, modelId);
  if (entry.kind !== "chat" || entry.capabilities === void 0) {
    throw BadRequestError.forParam("model", `${model} is an ${entry.kind} model; chat completions need a chat model.`, "model_not_supported");
  }
  const capabilities = entry.capabilities;
  const fail = (param, feature) => {
    throw BadRequestError.forParam(param, `${model} does not support ${feature} on Bedrock (\`${param}\`).`, "unsupported_feature");
  };
  if (features.system !== void 0 && !capabilities.systemPrompt)
    fail(features.system, "system prompts");
  if (features.tools !== void 0 && !capabilities.tools)
    fail(features.tools, "tool use");
  if (features.toolBlocks !== void 0 && !capabilities.tools)
    fail(features.toolBlocks, "tool use (the conversation holds tool calls)");
  if (features.toolChoice !== void 0 && !capabilities.toolChoice.includes(features.toolChoice.value)) {
    const openAIName = { auto: '"auto"', any: '"required"', tool: "a named function" }[features.toolChoice.value];
    fail(features.toolChoice.param, `\`tool_choice\` ${openAIName} (Bedrock toolChoice \`${features.toolChoice.value}\`)`);
  }
  if (features.image !== void 0 && !capabilities.vision)
    fail(features.image, "image input");
  if (features.document !== void 0 && !capabilities.documents)
    fail(features.document, "document input");
  if (features.audio !== void 0 && !capabilities.audio)
    fail(features.audio, "audio input");
  if (features.video !== void 0 && !capabilities.video)
    fail(features.video, "video input");
  if (features.citations !== void 0 && !capabilities.citations)
    fail(features.citations, "document citations");
  if (features.stream !== void 0) {
    if (!capabilities.streaming)
      fail(features.stream, "streaming (ConverseStream)");
    const usesTools = features.tools ?? features.toolBlocks;
    if (usesTools !== void 0 && !capabilities.streamingTools)
      fail(features.stream, "streaming with tools");
  }
  if (features.temperatureAndTopP !== void 0 && capabilities.temperatureTopPConflict) {
    throw BadRequestError.forParam(features.temperatureAndTopP, `${model} rejects \`temperature\` and \`top_p\` in the same request; send only one of them.`, "unsupported_feature");
  }
}

// dist/src/chat/reasoning.js
var EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh", "max"];
var THINKING_BUDGETS = { low: 1024, medium: 4096, high: 16384, xhigh: 32768 };
var DEFAULT_ANSWER_TOKENS = 4096;
function readReasoningEffort(value) {
  if (value === void 0 || value === null)
    return void 0;
  if (typeof value !== "string" || !EFFORTS.includes(value)) {
    throw BadRequestError.forParam("reasoning_effort", `\`reasoning_effort\` must be one of ${EFFORTS.map((effort) => `"${effort}"`).join(", ")}; got ${JSON.stringify(value)}.`);
  }
  return value;
}
var OWN_FIELD = {
  "anthropic-thinking": "thinking",
  "nova-reasoning-config": "reasoningConfig",
  "openai-reasoning-effort": "reasoning_effort"
};
function planReasoning(request, model, unsupported) {
  const { effort } = request;
  const fail = (param, message, code = "unsupported_feature") => {
    throw BadRequestError.forParam(param, message, code);
  };
  const ownField = OWN_FIELD[model.style];
  const fields = request.additionalFields ?? {};
  if (effort !== void 0 && effort !== "none" && ownField !== void 0 && fields[ownField] !== void 0) {
    fail(`bedrock.additionalModelRequestFields.${ownField}`, `\`reasoning_effort\` and \`bedrock.additionalModelRequestFields.${ownField}\` both set reasoning; give one of them.`, "invalid_value");
  }
  if (effort === "minimal") {
    throw BadRequestError.forParam("reasoning_effort", '`reasoning_effort` "minimal" has no equivalent on Bedrock; the lowest level is "low".', "invalid_value");
  }
  const plan = { additionalFields: {}, enabled: false, thinking: false };
  switch (model.style) {
    case "none":
      if (effort !== void 0 && effort !== "none")
        fail("reasoning_effort", `${model.model} does not support reasoning on Bedrock (\`reasoning_effort\`).`);
      return plan;
    case "always-on":
      if (effort !== void 0)
        unsupported("reasoning_effort", `${model.model} always reasons, and its reasoning effort cannot be set or turned off.`);
      plan.enabled = true;
      return plan;
    case "openai-reasoning-effort": {
      if (effort !== void 0 && effort !== "none") {
        if (effort === "xhigh" || effort === "max")
          fail("reasoning_effort", `${model.model} takes \`reasoning_effort\` "low", "medium" or "high".`, "invalid_value");
        plan.additionalFields = { reasoning_effort: effort };
      }
      plan.enabled = effort !== void 0 && effort !== "none" ? true : fields["reasoning_effort"] !== void 0;
      return plan;
    }
    case "nova-reasoning-config": {
      let level;
      if (effort !== void 0 && effort !== "none") {
        if (effort === "xhigh" || effort === "max")
          fail("reasoning_effort", `${model.model} takes \`reasoning_effort\` "low", "medium" or "high".`, "invalid_value");
        level = effort;
        plan.additionalFields = { reasoningConfig: { type: "enabled", maxReasoningEffort: effort } };
      } else {
        const own = fields["reasoningConfig"];
        if (own?.type === "enabled")
          level = typeof own.maxReasoningEffort === "string" ? own.maxReasoningEffort : "enabled";
      }
      if (level === void 0)
        return plan;
      plan.enabled = true;
      const source = effort !== void 0 && effort !== "none" ? "`reasoning_effort`" : "`bedrock.additionalModelRequestFields.reasoningConfig`";
      if (request.temperature !== void 0)
        fail("temperature", `${model.model} does not take \`temperature\` while reasoning (${source}); leave it unset.`);
      if (request.topP !== void 0)
        fail("top_p", `${model.model} does not take \`top_p\` while reasoning (${source}); leave it unset.`);
      if (level === "high" && request.maxTokens !== void 0) {
        const param = request.maxTokensParam ?? "max_tokens";
        fail(param, `${model.model} does not take \`${param}\` with "high" reasoning effort (${source}); leave it unset, or use "medium".`);
      }
      return plan;
    }
    case "anthropic-thinking": {
      let budget;
      let source;
      if (effort === "max") {
        if (model.effortLevels?.includes("max") !== true) {
          fail("reasoning_effort", `${model.model} does not take \`reasoning_effort\` "max" on Bedrock (Converse \`outputConfig.effort\` "max" is for the models that list it, such as Claude Opus 4.6); use "xhigh".`, "invalid_value");
        }
        source = '`reasoning_effort` "max"';
        plan.additionalFields = { thinking: { type: "adaptive" } };
        plan.outputEffort = "max";
      } else if (effort !== void 0 && effort !== "none") {
        budget = THINKING_BUDGETS[effort];
        source = `\`reasoning_effort\` "${effort}"`;
        const maxTokens = request.maxTokens ?? budget + DEFAULT_ANSWER_TOKENS;
        if (request.maxTokens !== void 0 && request.maxTokens <= budget) {
          const param = request.maxTokensParam ?? "max_tokens";
          fail(param, `With ${source}, Claude thinks with a budget of ${budget} tokens, and \`${param}\` (${request.maxTokens}) must be greater than that budget (it covers thinking and answer); raise it above ${budget} or lower the effort.`, "invalid_value");
        }
        if (request.maxTokens === void 0 && model.maxOutputTokens !== null && maxTokens > model.maxOutputTokens) {
          fail("reasoning_effort", `${source} needs \`max_tokens\` above its thinking budget of ${budget} (by default ${budget} + ${DEFAULT_ANSWER_TOKENS} = ${maxTokens}), but ${model.model} produces at most ${model.maxOutputTokens} tokens; use a lower effort, or set \`max_tokens\` between ${budget + 1} and ${model.maxOutputTokens}.`, "invalid_value");
        }
        plan.additionalFields = { thinking: { type: "enabled", budget_tokens: budget } };
        if (request.maxTokens === void 0)
          plan.maxTokens = maxTokens;
      } else {
        const own = fields["thinking"];
        if (own?.type !== "enabled" && own?.type !== "adaptive")
          return plan;
        source = "`bedrock.additionalModelRequestFields.thinking`";
      }
      plan.enabled = true;
      plan.thinking = true;
      if (request.forcedToolChoice) {
        fail("tool_choice", `Claude does not allow a forced \`tool_choice\` ("required" or a named function) while thinking (${source}); use "auto", or turn thinking off.`);
      }
      if (request.temperature !== void 0 && request.temperature !== 1) {
        fail("temperature", `Claude takes \`temperature\` only as 1 (or unset) while thinking (${source}); got ${request.temperature}.`);
      }
      if (request.topP !== void 0 && request.topP < 0.95) {
        fail("top_p", `Claude takes \`top_p\` only from 0.95 to 1 (or unset) while thinking (${source}); got ${request.topP}.`);
      }
      if (fields["top_k"] !== void 0) {
        fail("bedrock.additionalModelRequestFields.top_k", `Claude does not take \`top_k\` while thinking (${source}); remove it.`);
      }
      return plan;
    }
    default: {
      const exhaustive = model.style;
      throw new Error(`Unhandled reasoning style ${JSON.stringify(exhaustive)}`);
    }
  }
}
function convertReasoningDetails(details, param) {
  if (details === void 0 || details === null)
    return [];
  if (!Array.isArray(details))
    throw BadRequestError.forParam(param, `\`${param}\` must be an array.`);
  const blocks = [];
  details.forEach((detail, index) => {
    const detailParam = `${param}[${index}]`;
    const typed = detail;
    if (typeof detail !== "object" || detail === null)
      throw BadRequestError.forParam(detailParam, `\`${detailParam}\` must be an object.`);
    switch (typed.type) {
      case "reasoning.text": {
        if (typeof typed.text !== "string")
          throw BadRequestError.forParam(`${detailParam}.text`, `\`${detailParam}.text\` must be a string.`);
        if (typed.signature === void 0 || typed.signature === null)
          return;
        if (typeof typed.signature !== "string" || typed.signature === "") {
          throw BadRequestError.forParam(`${detailParam}.signature`, `\`${detailParam}.signature\` must be a non-empty string (the signature as returned).`);
        }
        blocks.push({ reasoningContent: { reasoningText: { text: typed.text, signature: typed.signature } } });
        return;
      }
      case "reasoning.redacted": {
        if (typeof typed.data !== "string" || typed.data === "" || !/^[A-Za-z0-9+/]*={0,2}$/.test(typed.data)) {
          throw BadRequestError.forParam(`${detailParam}.data`, `\`${detailParam}.data\` must be the base64 data as returned.`);
        }
        blocks.push({ reasoningContent: { redactedContent: Buffer.from(typed.data, "base64") } });
        return;
      }
      default:
        throw BadRequestError.forParam(`${detailParam}.type`, `\`${detailParam}.type\` must be "reasoning.text" or "reasoning.redacted"; got ${JSON.stringify(typed.type)}.`);
    }
  });
  return blocks;
}
function toReasoningDetail(block) {
  if (block.reasoningText !== void 0) {
    const { text = "", signature } = block.reasoningText;
    return signature === void 0 ? { type: "reasoning.text", text } : { type: "reasoning.text", text, signature };
  }
  if (block.redactedContent !== void 0)
    return { type: "reasoning.redacted", data: Buffer.from(block.redactedContent).toString("base64") };
  return void 0;
}

// dist/src/chat/structured-output.js
var JSON_OBJECT_TOOL_NAME = "json_object";
var JSON_OBJECT_INSTRUCTION = "Respond with one valid JSON object and nothing else: no prose, no code fences, no text before or after the object.";
var SCHEMA_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
function readResponseFormat(value) {
  if (value === void 0 || value === null)
    return void 0;
  const param = "response_format";
  if (typeof value !== "object" || Array.isArray(value))
    throw BadRequestError.forParam(param, "`response_format` must be an object.");
  const format = value;
  switch (format.type) {
    case "text":
      return void 0;
    case "json_object":
      return readJsonObjectSchema(value.schema);
    case "json_schema": {
      const definition = format.json_schema;
      if (typeof definition !== "object" || definition === null) {
        throw BadRequestError.forParam(`${param}.json_schema`, "`response_format.json_schema` must be an object (`{ name, schema, description?, strict? }`).");
      }
      const { name, description, schema, strict } = definition;
      if (typeof name !== "string" || !SCHEMA_NAME_PATTERN.test(name)) {
        throw BadRequestError.forParam(`${param}.json_schema.name`, "`response_format.json_schema.name` must be 1\u201364 letters, digits, underscores or dashes.");
      }
      if (description !== void 0 && typeof description !== "string") {
        throw BadRequestError.forParam(`${param}.json_schema.description`, "`response_format.json_schema.description` must be a string.");
      }
      if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
        throw BadRequestError.forParam(`${param}.json_schema.schema`, "`response_format.json_schema.schema` must be a JSON Schema object (Bedrock needs one).");
      }
      if (strict !== void 0 && strict !== null && typeof strict !== "boolean") {
        throw BadRequestError.forParam(`${param}.json_schema.strict`, "`response_format.json_schema.strict` must be a boolean.");
      }
      return { type: "json_schema", name, ...description === void 0 ? {} : { description }, schema };
    }
    default:
      throw BadRequestError.forParam(`${param}.type`, `\`response_format.type\` must be "text", "json_object" or "json_schema"; got ${JSON.stringify(format.type)}.`);
  }
}
function readJsonObjectSchema(schema) {
  if (schema === void 0 || schema === null)
    return { type: "json_object" };
  const param = "response_format.schema";
  if (typeof schema !== "object" || Array.isArray(schema)) {
    throw BadRequestError.forParam(param, `\`${param}\` must be a JSON Schema object; got ${Array.isArray(schema) ? "an array" : typeof schema}.`);
  }
  const type = schema.type;
  const allowsObject = type === void 0 || type === "object" || Array.isArray(type) && type.includes("object");
  if (!allowsObject) {
    throw BadRequestError.forParam(`${param}.type`, `\`response_format\` json_object asks for one JSON object, but \`${param}.type\` is ${JSON.stringify(type)}; use \`json_schema\` for other JSON values.`);
  }
  return { type: "json_schema", name: JSON_OBJECT_TOOL_NAME, schema, fromJsonObject: true };
}
function chooseStructuredOutputMode(request, context) {
  if (request.type === "json_schema") {
    if (context.nativeStructuredOutput !== false)
      return { via: "native" };
    const feature = `\`response_format\` json_schema on ${context.model}, which has no native structured output,`;
    if (!context.forcedTool) {
      throw BadRequestError.forParam("response_format", `${context.model} does not support structured output on Bedrock (\`response_format\` json_schema): it has neither native structured output nor forced tool use.`, "unsupported_feature");
    }
    if (context.userTools) {
      throw BadRequestError.forParam("response_format", `${feature} is served by forcing a tool call, which would stop your \`tools\` from being called; send the request without \`tools\`, or use a model with native structured output.`, "unsupported_feature");
    }
    if (context.thinking) {
      throw BadRequestError.forParam("response_format", `${feature} is served by forcing a tool call, and Claude does not allow a forced tool choice with thinking (\`reasoning_effort\`); drop one of them, or use a model with native structured output.`, "unsupported_feature");
    }
    if (context.toolNames.has(request.name)) {
      if (request.fromJsonObject === true) {
        throw BadRequestError.forParam("response_format", `\`response_format\` json_object with a \`schema\` is served by a forced tool named \`${request.name}\`, which is also the name of a tool in this conversation; use \`json_schema\` with another name.`);
      }
      throw BadRequestError.forParam("response_format.json_schema.name", `\`response_format.json_schema.name\` \`${request.name}\` is also the name of a tool in this conversation; rename it.`);
    }
    return { via: "tool", toolName: request.name };
  }
  if (context.forcedTool && !context.thinking && !context.userTools && !context.toolNames.has(JSON_OBJECT_TOOL_NAME)) {
    return { via: "tool", toolName: JSON_OBJECT_TOOL_NAME };
  }
  return { via: "instruction" };
}
function createOutputConfig(request) {
  return {
    textFormat: {
      type: "json_schema",
      structure: {
        jsonSchema: {
          schema: JSON.stringify(request.schema),
          name: request.name,
          ...request.description === void 0 ? {} : { description: request.description }
        }
      }
    }
  };
}
function createJsonTool(request, toolName, choice) {
  const schema = request.type === "json_schema" ? request.schema : { type: "object" };
  const description = request.type === "json_schema" ? `Give your answer as this tool's input.${request.description === void 0 ? "" : ` ${request.description}`}` : "Give your answer as this tool's input: one JSON object.";
  return {
    tool: { toolSpec: { name: toolName, description, inputSchema: { json: schema } } },
    toolChoice: choice === "tool" ? { tool: { name: toolName } } : { any: {} }
  };
}
function checkJsonOutput(content, finishReason, requestId) {
  if (finishReason !== "stop")
    return;
  let problem;
  if (content === null || content.trim() === "")
    problem = "no content";
  else {
    try {
      JSON.parse(content);
    } catch {
      const preview = content.length > 80 ? `${content.slice(0, 80)}\u2026` : content;
      problem = `content that is not JSON: ${JSON.stringify(preview)}`;
    }
  }
  if (problem === void 0)
    return;
  throw new UnprocessableEntityError(422, `\`response_format\` asked for JSON, but the model returned ${problem}.`, {
    code: "invalid_json_output",
    type: "model_error",
    param: "response_format",
    requestID: requestId
  });
}

// dist/src/chat/adapt-to-model.js
function adaptRequestToModel(plan, model, unsupported) {
  const { entry, modelId } = model;
  const capabilities = entry?.capabilities;
  const name = entry === void 0 ? `\`${modelId}\`` : describeModel(entry, modelId);
  const input = cloneInput(plan.input);
  const noOp = dropNoOpTopP(input.inferenceConfig, { ...plan.features }, capabilities);
  if (noOp.inference !== input.inferenceConfig)
    input.inferenceConfig = noOp.inference;
  const features = noOp.features;
  const inference = input.inferenceConfig;
  let reasoning = { additionalFields: {}, enabled: false, thinking: false };
  if (capabilities !== void 0) {
    reasoning = planReasoning({
      effort: plan.reasoningEffort,
      maxTokens: inference?.maxTokens,
      ...plan.maxTokensParam === void 0 ? {} : { maxTokensParam: plan.maxTokensParam },
      temperature: inference?.temperature,
      topP: inference?.topP,
      forcedToolChoice: features.toolChoice !== void 0 && features.toolChoice.value !== "auto",
      additionalFields: plan.additionalModelRequestFields
    }, { style: capabilities.reasoning, maxOutputTokens: entry?.maxOutputTokens ?? null, model: name, effortLevels: capabilities.effortLevels }, unsupported);
  } else if (plan.reasoningEffort !== void 0 && plan.reasoningEffort !== "none") {
    throw BadRequestError.forParam("reasoning_effort", `\`reasoning_effort\` is sent differently by each model family, and the catalog does not know ${name}; set \`bedrock.baseModel\` to the model it runs (an alias or base model ID).`);
  }
  if (Object.keys(reasoning.additionalFields).length > 0) {
    input.additionalModelRequestFields = { ...input.additionalModelRequestFields, ...reasoning.additionalFields };
  }
  if (reasoning.maxTokens !== void 0)
    input.inferenceConfig = { ...input.inferenceConfig, maxTokens: reasoning.maxTokens };
  if (reasoning.outputEffort !== void 0)
    input.outputConfig = { ...input.outputConfig, effort: reasoning.outputEffort };
  let structuredOutput;
  const format = plan.responseFormat;
  if (format !== void 0) {
    const toolChoices = capabilities?.toolChoice ?? ["tool"];
    const forcedChoice = toolChoices.includes("tool") ? "tool" : toolChoices.includes("any") ? "any" : void 0;
    const existingTools = input.toolConfig?.tools ?? [];
    const mode = chooseStructuredOutputMode(format, {
      nativeStructuredOutput: capabilities?.structuredOutput,
      forcedTool: (capabilities?.tools ?? true) && forcedChoice !== void 0 && (forcedChoice === "tool" || existingTools.length === 0),
      thinking: reasoning.thinking,
      userTools: features.tools !== void 0,
      toolNames: new Set(existingTools.flatMap((tool) => tool.toolSpec?.name === void 0 ? [] : [tool.toolSpec.name])),
      model: name
    });
    switch (mode.via) {
      case "native":
        if (format.type !== "json_schema")
          throw new Error("native structured output is only chosen for json_schema");
        input.outputConfig = { ...input.outputConfig, ...createOutputConfig(format) };
        break;
      case "tool": {
        const { tool, toolChoice } = createJsonTool(format, mode.toolName, forcedChoice ?? "tool");
        input.toolConfig = { tools: [...existingTools, tool], toolChoice };
        features.tools = "response_format";
        break;
      }
      case "instruction": {
        const system = [...input.system ?? [], { text: JSON_OBJECT_INSTRUCTION }];
        input.system = system;
        features.system ??= "response_format";
        break;
      }
      default: {
        const exhaustive = mode;
        throw new Error(`Unhandled structured output mode ${JSON.stringify(exhaustive)}`);
      }
    }
    structuredOutput = { type: format.type, mode };
  }
  checkCapabilities(entry, modelId, features);
  const uses = [...plan.cachePoints];
  if (plan.autoCache !== void 0 || uses.length > 0) {
    const caching = capabilities?.promptCaching;
    const first2 = uses[0]?.param ?? "bedrock.cache";
    if (capabilities !== void 0 && (caching === null || caching === void 0)) {
      throw BadRequestError.forParam(first2, `${name} does not support prompt caching on Bedrock (\`${first2}\`).`, "unsupported_feature");
    }
    if (plan.autoCache !== void 0) {
      const added = addAutoCachePoints({ system: input.system ?? [], messages: input.messages ?? [], tools: input.toolConfig?.tools }, plan.autoCache.ttl, caching?.tools ?? true);
      uses.unshift(...added.filter((use) => use.tools === true));
      uses.push(...added.filter((use) => use.tools !== true));
    }
    if (caching !== void 0 && caching !== null) {
      const toolUse = uses.find((use) => use.tools === true && use.param !== "bedrock.cache");
      if (toolUse !== void 0 && !caching.tools) {
        throw BadRequestError.forParam(toolUse.param, `${name} does not support caching tool definitions on Bedrock (\`${toolUse.param}\`); put \`cache_control\` on the system prompt or a message instead.`, "unsupported_feature");
      }
      for (const use of uses) {
        if (use.ttl !== void 0 && !caching.ttls.includes(use.ttl)) {
          throw BadRequestError.forParam(`${use.param}.ttl`, `${name} does not support the prompt-cache TTL "${use.ttl}" on Bedrock (it takes ${caching.ttls.map((ttl) => `"${ttl}"`).join(", ")}).`, "unsupported_feature");
        }
      }
    }
    checkCachePointCount(uses);
  }
  return { input, structuredOutput, reasoning: reasoning.enabled };
}
function cloneInput(input) {
  const copy = { ...input };
  if (input.system !== void 0)
    copy.system = [...input.system];
  if (input.messages !== void 0)
    copy.messages = input.messages.map((message) => ({ ...message, content: [...message.content ?? []] }));
  if (input.toolConfig !== void 0)
    copy.toolConfig = { ...input.toolConfig, tools: [...input.toolConfig.tools ?? []] };
  if (input.inferenceConfig !== void 0)
    copy.inferenceConfig = { ...input.inferenceConfig };
  return copy;
}

// dist/src/chat/citations.js
function toLocation(location) {
  if (location === void 0)
    return void 0;
  if (location.web !== void 0) {
    return { type: "web", ...location.web.url === void 0 ? {} : { url: location.web.url }, ...location.web.domain === void 0 ? {} : { domain: location.web.domain } };
  }
  const span = (value) => ({
    ...value.documentIndex === void 0 ? {} : { document_index: value.documentIndex },
    ...value.start === void 0 ? {} : { start: value.start },
    ...value.end === void 0 ? {} : { end: value.end }
  });
  if (location.documentChar !== void 0)
    return { type: "document_char", ...span(location.documentChar) };
  if (location.documentPage !== void 0)
    return { type: "document_page", ...span(location.documentPage) };
  if (location.documentChunk !== void 0)
    return { type: "document_chunk", ...span(location.documentChunk) };
  if (location.searchResultLocation !== void 0) {
    const { searchResultIndex, start, end } = location.searchResultLocation;
    return {
      type: "search_result",
      ...searchResultIndex === void 0 ? {} : { search_result_index: searchResultIndex },
      ...start === void 0 ? {} : { start },
      ...end === void 0 ? {} : { end }
    };
  }
  return void 0;
}
function toBedrockCitation(citation) {
  const location = toLocation(citation.location);
  const passages = (citation.sourceContent ?? []).flatMap((part) => typeof part.text === "string" ? [part.text] : []);
  return {
    ...citation.title === void 0 ? {} : { title: citation.title },
    ...citation.source === void 0 ? {} : { source: citation.source },
    ...passages.length === 0 ? {} : { source_content: passages },
    ...location === void 0 ? {} : { location }
  };
}
function toAnnotation(citation, start, end) {
  const bedrock = toBedrockCitation(citation);
  const url = bedrock.location?.type === "web" ? bedrock.location.url ?? "" : "";
  return { type: "url_citation", url_citation: { end_index: end, start_index: start, title: bedrock.title ?? "", url }, bedrock_citation: bedrock };
}

// dist/src/chat/finish-reason.js
function mapStopReason(stopReason) {
  switch (stopReason) {
    case "end_turn":
    case "stop_sequence":
      return { finishReason: "stop" };
    case "max_tokens":
    case "model_context_window_exceeded":
      return { finishReason: "length" };
    case "tool_use":
      return { finishReason: "tool_calls" };
    case "guardrail_intervened":
    case "content_filtered":
      return { finishReason: "content_filter" };
    case "malformed_model_output":
    case "malformed_tool_use":
      return { error: stopReason };
    default: {
      const exhaustive = stopReason;
      return exhaustive;
    }
  }
}
function toFinishReason(stopReason, requestId = null) {
  if (stopReason === void 0) {
    throw new UnprocessableEntityError(422, "Bedrock returned no stop reason.", { code: "missing_stop_reason", type: "model_error", requestID: requestId });
  }
  const outcome = KNOWN_STOP_REASONS.has(stopReason) ? mapStopReason(stopReason) : void 0;
  if (outcome === void 0) {
    throw new UnprocessableEntityError(422, `Bedrock returned an unknown stop reason \`${stopReason}\`.`, {
      code: "unknown_stop_reason",
      type: "model_error",
      requestID: requestId
    });
  }
  if ("error" in outcome) {
    const what = outcome.error === "malformed_tool_use" ? "a malformed tool call" : "malformed output";
    throw new UnprocessableEntityError(422, `The model produced ${what} (Bedrock stop reason \`${outcome.error}\`); the response cannot be used.`, {
      code: outcome.error,
      type: "model_error",
      requestID: requestId
    });
  }
  return outcome.finishReason;
}
var KNOWN_STOP_REASONS = /* @__PURE__ */ new Set([
  "end_turn",
  "stop_sequence",
  "max_tokens",
  "model_context_window_exceeded",
  "tool_use",
  "guardrail_intervened",
  "content_filtered",
  "malformed_model_output",
  "malformed_tool_use"
]);

// dist/src/chat/legacy-functions.js
function isSet(value) {
  return value !== void 0 && value !== null;
}
function readLegacyFunctions(body) {
  const { functions, function_call: functionCall } = body;
  if (!isSet(functions)) {
    if (isSet(functionCall))
      throw BadRequestError.forParam("function_call", "`function_call` is only allowed when `functions` are given.");
    return void 0;
  }
  if (isSet(body.tools)) {
    throw BadRequestError.forParam("functions", "Send either `tools` or the legacy `functions`, not both (`functions` is the deprecated form of `tools`).");
  }
  if (isSet(functionCall) && isSet(body.tool_choice)) {
    throw BadRequestError.forParam("function_call", "Send either `tool_choice` or the legacy `function_call`, not both.");
  }
  if (!Array.isArray(functions) || functions.length === 0)
    throw BadRequestError.forParam("functions", "`functions` must be a non-empty array.");
  const tools = functions.map((definition, index) => {
    const param = `functions[${index}]`;
    if (typeof definition !== "object" || definition === null || Array.isArray(definition))
      throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const { name, description, parameters, ...rest } = definition;
    const unknown = Object.keys(rest).find((key) => rest[key] !== void 0);
    if (unknown !== void 0)
      throw BadRequestError.forParam(`${param}.${unknown}`, `Unrecognized field \`${param}.${unknown}\` (a function has name, description and parameters).`, "unknown_parameter");
    if (typeof name !== "string" || name === "")
      throw BadRequestError.forParam(`${param}.name`, `\`${param}.name\` must be a non-empty string.`);
    if (description !== void 0 && typeof description !== "string")
      throw BadRequestError.forParam(`${param}.description`, `\`${param}.description\` must be a string.`);
    if (parameters !== void 0 && (typeof parameters !== "object" || parameters === null || Array.isArray(parameters))) {
      throw BadRequestError.forParam(`${param}.parameters`, `\`${param}.parameters\` must be a JSON Schema object.`);
    }
    functions.slice(0, index).forEach((earlier) => {
      if (earlier.name === name)
        throw BadRequestError.forParam(`${param}.name`, `Function name \`${name}\` is used by two functions.`);
    });
    return {
      type: "function",
      function: {
        name,
        ...description === void 0 ? {} : { description },
        ...parameters === void 0 ? {} : { parameters }
      }
    };
  });
  return { tools, toolChoice: readFunctionCall(functionCall, tools) };
}
function readFunctionCall(value, tools) {
  if (!isSet(value))
    return void 0;
  if (value === "none" || value === "auto")
    return value;
  const name = typeof value === "object" && !Array.isArray(value) ? value.name : void 0;
  if (typeof name !== "string" || name === "") {
    throw BadRequestError.forParam("function_call", `\`function_call\` must be "none", "auto" or \`{ name }\`; got ${JSON.stringify(value)}.`);
  }
  if (!tools.some((tool) => tool.function.name === name)) {
    throw BadRequestError.forParam("function_call.name", `\`function_call\` names \`${name}\`, which is not in \`functions\`.`);
  }
  return { type: "function", function: { name } };
}
function legacyCallId(messageIndex) {
  return `legacy_function_call_${messageIndex}`;
}
function toLegacyShape(toolCalls) {
  const [first2, ...others] = toolCalls;
  if (first2 === void 0)
    return {};
  return { function_call: { name: first2.function.name, arguments: first2.function.arguments }, ...others.length === 0 ? {} : { tool_calls: others } };
}

// dist/src/chat/tool-names.js
import { createHash } from "node:crypto";
var MAX_LENGTH = 64;
function createToolNameMap(names) {
  return createNameMap(names, (name) => conformsTo("ToolName", name), /[^a-zA-Z0-9_-]/g, "tool");
}
function createToolCallIdMap(ids) {
  return createNameMap(ids, (id) => conformsTo("ToolUseId", id), /[^a-zA-Z0-9_.:-]/g, "call");
}
function toBedrockName(map, name) {
  return map.toBedrock.get(name) ?? name;
}
function fromBedrockName(map, name) {
  return map.fromBedrock.get(name) ?? name;
}
function shortHash(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
function createNameMap(names, valid, invalidChars, fallback) {
  const unique = [...new Set(names)];
  const toBedrock = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Set();
  for (const name of unique) {
    if (valid(name)) {
      toBedrock.set(name, name);
      taken.add(name);
    }
  }
  for (const name of unique) {
    if (toBedrock.has(name))
      continue;
    const cleaned = name.replace(invalidChars, "_");
    let candidate = (cleaned === "" ? fallback : cleaned).slice(0, MAX_LENGTH);
    if (taken.has(candidate))
      candidate = `${candidate.slice(0, MAX_LENGTH - 9)}_${shortHash(name)}`;
    for (let counter = 2; taken.has(candidate); counter++) {
      const suffix = `_${shortHash(name)}${counter}`;
      candidate = `${cleaned.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
    }
    toBedrock.set(name, candidate);
    taken.add(candidate);
  }
  const fromBedrock = /* @__PURE__ */ new Map();
  for (const [original, mapped] of toBedrock)
    fromBedrock.set(mapped, original);
  return { toBedrock, fromBedrock };
}

// dist/src/chat/usage.js
function convertUsage(usage, cost) {
  const counts = {
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cacheReadTokens: usage?.cacheReadInputTokens ?? 0,
    cacheWriteTokens: usage?.cacheWriteInputTokens ?? 0
  };
  const promptTokens = counts.inputTokens + counts.cacheReadTokens + counts.cacheWriteTokens;
  const converted = {
    prompt_tokens: promptTokens,
    completion_tokens: counts.outputTokens,
    total_tokens: promptTokens + counts.outputTokens,
    prompt_tokens_details: { cached_tokens: counts.cacheReadTokens, cache_write_tokens: counts.cacheWriteTokens }
  };
  const dollars = cost?.(counts);
  if (dollars !== void 0)
    converted.cost = dollars;
  return converted;
}

// dist/src/chat/from-converse-response.js
function createCompletionId(requestId) {
  return `chatcmpl-${requestId ?? crypto.randomUUID()}`;
}
function toOpenAIServiceTier(tier) {
  return tier === "default" || tier === "flex" || tier === "priority" ? tier : void 0;
}
function convertFromConverseResponse(response, context) {
  const blocks = response.output?.message?.content;
  if (blocks === void 0) {
    throw new APIError(502, "Bedrock returned a Converse response without a message.", { code: "invalid_response", requestID: context.requestId });
  }
  const message = convertContentBlocks(blocks, context);
  const finishReason = mapLegacyStop(mapJsonToolStop(toFinishReason(response.stopReason, context.requestId), context.structuredOutput), context.legacyFunctions);
  if (context.structuredOutput !== void 0)
    checkJsonOutput(message.content, finishReason, context.requestId);
  const bedrock = { stop_reason: response.stopReason };
  const tier = response.serviceTier?.type;
  if (tier !== void 0)
    bedrock.service_tier = tier;
  if (response.metrics?.latencyMs !== void 0)
    bedrock.latency_ms = response.metrics.latencyMs;
  if (response.additionalModelResponseFields !== void 0)
    bedrock.additional_model_response_fields = response.additionalModelResponseFields;
  if (response.trace !== void 0)
    bedrock.trace = response.trace;
  if (response.performanceConfig?.latency !== void 0)
    bedrock.performance_config = { latency: response.performanceConfig.latency };
  const cacheDetails = convertCacheDetails(response.usage);
  if (cacheDetails !== void 0)
    bedrock.cache_details = cacheDetails;
  const serviceTier = toOpenAIServiceTier(tier);
  return {
    id: context.id,
    object: "chat.completion",
    created: context.created,
    model: context.model,
    choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
    usage: convertUsage(response.usage, context.cost),
    ...serviceTier === void 0 ? {} : { service_tier: serviceTier },
    bedrock
  };
}
function mapJsonToolStop(finishReason, structuredOutput) {
  return finishReason === "tool_calls" && structuredOutput?.mode.via === "tool" ? "stop" : finishReason;
}
function unionKind(value) {
  const entries = Object.entries(value).filter(([, member]) => member !== void 0);
  const unknown = entries.find(([key]) => key === "$unknown")?.[1];
  return unknown?.[0] ?? entries[0]?.[0] ?? "empty";
}
function unmappedContent(kind, requestId) {
  return new APIError(502, `Bedrock answered with a \`${kind}\` content block, which chat completions cannot carry (nothing this library sends asks for one); use the AWS SDK directly for this model or feature.`, {
    code: "unsupported_response_content",
    requestID: requestId
  });
}
function mapLegacyStop(finishReason, legacyFunctions) {
  return finishReason === "tool_calls" && legacyFunctions === true ? "function_call" : finishReason;
}
function convertCacheDetails(usage) {
  const details = usage?.cacheDetails;
  if (details === void 0 || details.length === 0)
    return void 0;
  return details.map((detail) => ({ ttl: detail.ttl ?? "5m", input_tokens: detail.inputTokens ?? 0 }));
}
function convertContentBlocks(blocks, context) {
  let text = "";
  let json;
  let reasoning = "";
  const details = [];
  const toolCalls = [];
  const annotations = [];
  const jsonTool = context.structuredOutput?.mode.via === "tool" ? context.structuredOutput.mode.toolName : void 0;
  for (const block of blocks) {
    if (block.text !== void 0)
      text += block.text;
    else if (block.toolUse !== void 0 && jsonTool !== void 0 && block.toolUse.name === jsonTool) {
      json = (json ?? "") + JSON.stringify(block.toolUse.input ?? {});
    } else if (block.toolUse !== void 0) {
      toolCalls.push({
        id: fromBedrockName(context.toolCallIds, block.toolUse.toolUseId ?? ""),
        type: "function",
        function: {
          name: fromBedrockName(context.toolNames, block.toolUse.name ?? ""),
          arguments: JSON.stringify(block.toolUse.input ?? {})
        }
      });
    } else if (block.reasoningContent !== void 0) {
      const detail = toReasoningDetail(block.reasoningContent);
      if (detail === void 0)
        continue;
      details.push(detail);
      if (detail.type === "reasoning.text")
        reasoning += detail.text;
    } else if (block.citationsContent !== void 0) {
      const start = text.length;
      for (const part of block.citationsContent.content ?? [])
        text += part.text ?? "";
      for (const citation of block.citationsContent.citations ?? [])
        annotations.push(toAnnotation(citation, start, text.length));
    } else if (block.cachePoint === void 0) {
      throw unmappedContent(unionKind(block), context.requestId);
    }
  }
  const content = json !== void 0 ? json : text === "" ? null : text;
  const message = {
    role: "assistant",
    // No text at all is `null` (as the concatenated deltas of the same stream give).
    content,
    refusal: null
  };
  if (toolCalls.length > 0)
    Object.assign(message, context.legacyFunctions === true ? toLegacyShape(toolCalls) : { tool_calls: toolCalls });
  if (annotations.length > 0 && json === void 0)
    message.annotations = annotations;
  if (reasoning !== "")
    message.reasoning_content = reasoning;
  if (details.length > 0)
    message.reasoning_details = details;
  return message;
}

// dist/src/chat/bedrock-extras.js
var BEDROCK_EXTRAS = [
  "baseModel",
  "additionalModelRequestFields",
  "additionalModelResponseFieldPaths",
  "performanceConfig",
  "latency",
  "guardrail",
  "promptVariables",
  "cache",
  "streamInternally"
];
function readBedrockExtras(extras, stream) {
  if (extras === void 0)
    return {};
  if (typeof extras !== "object" || extras === null || Array.isArray(extras))
    throw BadRequestError.forParam("bedrock", "`bedrock` must be an object.");
  const given = extras;
  for (const key of Object.keys(given)) {
    if (given[key] === void 0)
      continue;
    if (!BEDROCK_EXTRAS.includes(key)) {
      const suggestions = closestMatches(key, BEDROCK_EXTRAS, 1);
      throw BadRequestError.forParam(`bedrock.${key}`, `Unrecognized Bedrock option \`bedrock.${key}\`.${suggestions.length === 0 ? "" : ` Did you mean \`bedrock.${suggestions[0]}\`?`}`, "unknown_parameter");
    }
  }
  const result = {};
  if (given.streamInternally !== void 0) {
    if (typeof given.streamInternally !== "boolean") {
      throw BadRequestError.forParam("bedrock.streamInternally", "`bedrock.streamInternally` must be true or false.");
    }
    result.streamInternally = given.streamInternally;
  }
  if (given.baseModel !== void 0) {
    if (typeof given.baseModel !== "string" || given.baseModel === "")
      throw BadRequestError.forParam("bedrock.baseModel", "`bedrock.baseModel` must be a non-empty string.");
    result.baseModel = given.baseModel;
  }
  const fields = given.additionalModelRequestFields;
  if (fields !== void 0) {
    if (!isPlainObject(fields))
      throw BadRequestError.forParam("bedrock.additionalModelRequestFields", "`bedrock.additionalModelRequestFields` must be a JSON object.");
    result.additionalModelRequestFields = fields;
  }
  const paths = given.additionalModelResponseFieldPaths;
  if (paths !== void 0) {
    const param = "bedrock.additionalModelResponseFieldPaths";
    if (!Array.isArray(paths) || paths.length > 10)
      throw BadRequestError.forParam(param, `\`${param}\` must be an array of at most 10 JSON Pointers.`);
    paths.forEach((path, index) => {
      if (typeof path !== "string" || path.length < 1 || path.length > 256 || !path.startsWith("/")) {
        throw BadRequestError.forParam(`${param}[${index}]`, `\`${param}[${index}]\` must be a JSON Pointer (\`/\u2026\`) of 1\u2013256 characters.`);
      }
    });
    result.additionalModelResponseFieldPaths = [...paths];
  }
  const latency = readLatency(given);
  if (latency !== void 0)
    result.latency = latency;
  const guardrail = readGuardrail(given.guardrail, stream);
  if (guardrail !== void 0)
    result.guardrailConfig = guardrail;
  const variables = readPromptVariables(given.promptVariables);
  if (variables !== void 0)
    result.promptVariables = variables;
  const cache = readCacheStrategy(given.cache);
  if (cache !== void 0)
    result.cache = cache;
  return result;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function readLatency(extras) {
  const check = (value, param) => {
    if (value !== "standard" && value !== "optimized")
      throw BadRequestError.forParam(param, `\`${param}\` must be "standard" or "optimized".`);
    return value;
  };
  const shorthand = extras.latency === void 0 ? void 0 : check(extras.latency, "bedrock.latency");
  const config = extras.performanceConfig;
  if (config === void 0)
    return shorthand;
  if (!isPlainObject(config))
    throw BadRequestError.forParam("bedrock.performanceConfig", "`bedrock.performanceConfig` must be an object (`{ latency }`).");
  for (const key of Object.keys(config)) {
    if (key !== "latency")
      throw BadRequestError.forParam(`bedrock.performanceConfig.${key}`, `Unrecognized option \`bedrock.performanceConfig.${key}\` (Converse's performanceConfig has only \`latency\`).`, "unknown_parameter");
  }
  const latency = check(config["latency"], "bedrock.performanceConfig.latency");
  if (shorthand !== void 0) {
    throw BadRequestError.forParam("bedrock.latency", "`bedrock.latency` is a shorthand for `bedrock.performanceConfig.latency`; give one of them.");
  }
  return latency;
}
var GUARDRAIL_KEYS = ["guardrailIdentifier", "guardrailVersion", "trace", "streamProcessingMode"];
function readGuardrail(guardrail, stream) {
  if (guardrail === void 0)
    return void 0;
  const param = "bedrock.guardrail";
  if (!isPlainObject(guardrail))
    throw BadRequestError.forParam(param, `\`${param}\` must be an object (\`{ guardrailIdentifier, guardrailVersion, trace?, streamProcessingMode? }\`).`);
  for (const key of Object.keys(guardrail)) {
    if (!GUARDRAIL_KEYS.includes(key)) {
      const suggestions = closestMatches(key, GUARDRAIL_KEYS, 1);
      throw BadRequestError.forParam(`${param}.${key}`, `Unrecognized guardrail option \`${param}.${key}\`.${suggestions.length === 0 ? "" : ` Did you mean \`${param}.${suggestions[0]}\`?`}`, "unknown_parameter");
    }
  }
  const { guardrailIdentifier, guardrailVersion, trace, streamProcessingMode } = guardrail;
  if (typeof guardrailIdentifier !== "string" || guardrailIdentifier === "" || !conformsTo("GuardrailIdentifier", guardrailIdentifier)) {
    throw BadRequestError.forParam(`${param}.guardrailIdentifier`, `\`${param}.guardrailIdentifier\` must be a guardrail ID (lower-case letters and digits) or a guardrail ARN.`);
  }
  if (typeof guardrailVersion !== "string" || guardrailVersion === "" || !conformsTo("GuardrailVersion", guardrailVersion)) {
    throw BadRequestError.forParam(`${param}.guardrailVersion`, `\`${param}.guardrailVersion\` must be "DRAFT" or a version number such as "1" (a string).`);
  }
  const config = { guardrailIdentifier, guardrailVersion };
  if (trace !== void 0) {
    if (trace !== "enabled" && trace !== "disabled" && trace !== "enabled_full") {
      throw BadRequestError.forParam(`${param}.trace`, `\`${param}.trace\` must be "enabled", "disabled" or "enabled_full".`);
    }
    config.trace = trace;
  }
  if (streamProcessingMode !== void 0) {
    if (streamProcessingMode !== "sync" && streamProcessingMode !== "async") {
      throw BadRequestError.forParam(`${param}.streamProcessingMode`, `\`${param}.streamProcessingMode\` must be "sync" or "async".`);
    }
    if (!stream) {
      throw BadRequestError.forParam(`${param}.streamProcessingMode`, `\`${param}.streamProcessingMode\` applies only to streaming requests (\`stream: true\`).`);
    }
    config.streamProcessingMode = streamProcessingMode;
  }
  return config;
}
function readPromptVariables(variables) {
  if (variables === void 0)
    return void 0;
  const param = "bedrock.promptVariables";
  if (!isPlainObject(variables))
    throw BadRequestError.forParam(param, `\`${param}\` must be an object of \`{ text }\` values.`);
  const result = {};
  for (const [name, value] of Object.entries(variables)) {
    const text = isPlainObject(value) ? value["text"] : void 0;
    if (typeof text !== "string" || Object.keys(value).length !== 1) {
      throw BadRequestError.forParam(`${param}.${name}`, `\`${param}.${name}\` must be \`{ text: string }\`.`);
    }
    result[name] = { text };
  }
  return result;
}
function readCacheStrategy(cache) {
  if (cache === void 0)
    return void 0;
  const param = "bedrock.cache";
  if (cache === "auto")
    return {};
  if (isPlainObject(cache) && cache["type"] === "auto") {
    for (const key of Object.keys(cache)) {
      if (key !== "type" && key !== "ttl")
        throw BadRequestError.forParam(`${param}.${key}`, `Unrecognized option \`${param}.${key}\`.`, "unknown_parameter");
    }
    const ttl = cache["ttl"];
    if (ttl === void 0)
      return {};
    if (ttl !== "5m" && ttl !== "1h")
      throw BadRequestError.forParam(`${param}.ttl`, `\`${param}.ttl\` must be "5m" or "1h".`);
    return { ttl };
  }
  throw BadRequestError.forParam(param, `\`${param}\` must be "auto" or \`{ type: 'auto', ttl? }\`.`);
}

// dist/src/chat/document-source.js
var DOCUMENT_FORMATS = ["pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt", "md"];
var MAX_DOCUMENT_BYTES = 4718592;
var MAX_DOCUMENTS = 5;
var MAX_NAME_LENGTH = 200;
var MEDIA_TYPES = {
  "application/pdf": "pdf",
  "text/csv": "csv",
  "application/csv": "csv",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/html": "html",
  "text/plain": "txt",
  "text/markdown": "md",
  "text/x-markdown": "md"
};
function documentFormatFromMediaType(mediaType) {
  return MEDIA_TYPES[mediaType.split(";")[0].trim().toLowerCase()];
}
function documentFormatFromFilename(filename) {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (extension === "markdown")
    return "md";
  if (extension === "htm")
    return "html";
  if (extension === "text")
    return "txt";
  return DOCUMENT_FORMATS.find((format) => format === extension);
}
function sanitizeDocumentName(filename, fallback) {
  if (filename === void 0)
    return fallback;
  const withoutExtension = filename.replace(/\.[a-z0-9]{1,8}$/i, "");
  const cleaned = withoutExtension.replace(/[^a-zA-Z0-9 \t\n\v\f\r\-()[\]]+/g, "-").replace(/[ \t\n\v\f\r]+/g, " ").replace(/-{2,}/g, "-").replace(/^[ -]+|[ -]+$/g, "").slice(0, MAX_NAME_LENGTH).trimEnd();
  return cleaned === "" ? fallback : cleaned;
}
function claimUniqueName(name, taken) {
  let candidate = name;
  for (let counter = 2; taken.has(candidate); counter++) {
    const suffix = ` (${counter})`;
    candidate = `${name.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}

// dist/src/chat/image-source.js
var DEFAULT_IMAGE_FETCH = Object.freeze({ maxBytes: 20 * 1024 * 1024, timeoutMs: 1e4 });
var IMAGE_FORMATS2 = ["png", "jpeg", "gif", "webp"];
var MAX_IMAGE_BYTES = 3932160;
var MAX_IMAGES = 20;
var BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
function parseDataUrl(url, param) {
  const comma = url.indexOf(",");
  if (!url.startsWith("data:") || comma < 0) {
    throw BadRequestError.forParam(param, `\`${param}\` is not a valid data URL (expected \`data:<media type>;base64,<data>\`).`);
  }
  const header = url.slice(5, comma).split(";").map((piece) => piece.trim());
  const isBase64 = header.slice(1).some((piece) => piece.toLowerCase() === "base64");
  const mediaType = (header[0] ?? "").toLowerCase() || "text/plain";
  const payload = url.slice(comma + 1);
  let bytes;
  if (isBase64) {
    const compact = payload.replace(/\s+/g, "");
    if (!BASE64.test(compact))
      throw BadRequestError.forParam(param, `\`${param}\` holds invalid base64 data.`);
    bytes = new Uint8Array(Buffer.from(compact, "base64"));
  } else {
    try {
      bytes = new TextEncoder().encode(decodeURIComponent(payload));
    } catch {
      throw BadRequestError.forParam(param, `\`${param}\` holds invalid percent-encoded data.`);
    }
  }
  if (bytes.length === 0)
    throw BadRequestError.forParam(param, `\`${param}\` holds no data.`);
  return { mediaType, bytes };
}
function imageFormatFromMediaType(mediaType) {
  const type = mediaType.split(";")[0].trim().toLowerCase();
  switch (type) {
    case "image/png":
      return "png";
    case "image/jpeg":
    case "image/jpg":
      return "jpeg";
    case "image/gif":
      return "gif";
    case "image/webp":
      return "webp";
    default:
      return void 0;
  }
}
function sniffImageFormat(bytes) {
  const startsWith = (signature, offset = 0) => bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
  if (startsWith([137, 80, 78, 71, 13, 10, 26, 10]))
    return "png";
  if (startsWith([255, 216, 255]))
    return "jpeg";
  if (startsWith([71, 73, 70, 56]))
    return "gif";
  if (startsWith([82, 73, 70, 70]) && startsWith([87, 69, 66, 80], 8))
    return "webp";
  return void 0;
}
function imageFormatFromPath(path) {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === "jpg")
    return "jpeg";
  return IMAGE_FORMATS2.find((format) => format === extension);
}
function describeUrl(url) {
  try {
    const parsed = new URL(url);
    return redactSecrets(`${parsed.protocol}//${parsed.host}${parsed.pathname}`);
  } catch {
    return "<invalid URL>";
  }
}
function checkImageBytes(bytes, declared, param, what) {
  const sniffed = sniffImageFormat(bytes);
  if (declared !== void 0 && sniffed !== void 0 && declared !== sniffed) {
    throw BadRequestError.forParam(param, `${what} is labelled ${declared} but its bytes are ${sniffed}.`, "invalid_image_format");
  }
  const format = declared ?? sniffed;
  if (format === void 0) {
    throw BadRequestError.forParam(param, `${what} is not a PNG, JPEG, GIF or WebP image (the formats Bedrock accepts).`, "invalid_image_format");
  }
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw BadRequestError.forParam(param, `${what} is ${formatMegabytes(bytes.length)}; Bedrock accepts images up to 3.75 MB.`, "image_too_large");
  }
  return format;
}
function formatMegabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}
async function fillRemoteImages(slots, options) {
  const fetched = await fetchRemoteImages(slots, options);
  for (const slot of slots) {
    const image = fetched.get(slot.url);
    slot.block.format = image.format;
    slot.block.source = { bytes: image.bytes };
  }
}
async function fetchRemoteImages(slots, options) {
  const urls = [...new Map(slots.map((slot) => [slot.url, slot.param])).entries()];
  const results = /* @__PURE__ */ new Map();
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const [url, param] = urls[next++];
      results.set(url, await fetchImage(url, param, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  return results;
}
var GENERIC_TYPES = /* @__PURE__ */ new Set(["", "application/octet-stream", "binary/octet-stream"]);
async function fetchImage(url, param, options) {
  const shown = describeUrl(url);
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === void 0 ? timeout : AbortSignal.any([timeout, options.signal]);
  const fail = (reason, code = "image_fetch_failed") => BadRequestError.forParam(param, `Could not use the image at ${shown}: ${reason}.`, code);
  let response;
  try {
    response = await fetchFunction(url, { signal, redirect: "follow", headers: { accept: "image/png, image/jpeg, image/gif, image/webp" } });
  } catch (error) {
    if (options.signal?.aborted === true)
      throw new APIUserAbortError({ cause: error });
    if (timeout.aborted)
      throw fail(`no response within ${options.timeoutMs} ms (imageFetch.timeoutMs)`, "image_fetch_timeout");
    throw fail(`the request failed (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    if (!response.ok)
      throw fail(`HTTP ${response.status}`);
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    const declared = imageFormatFromMediaType(contentType);
    if (declared === void 0 && !GENERIC_TYPES.has(contentType)) {
      throw fail(`its content-type is ${contentType}, not image/png, image/jpeg, image/gif or image/webp`, "invalid_image_format");
    }
    const length = Number(response.headers.get("content-length") ?? Number.NaN);
    if (Number.isFinite(length) && length > options.maxBytes) {
      throw fail(`it is ${length} bytes, over the ${options.maxBytes}-byte limit (imageFetch.maxBytes)`, "image_too_large");
    }
    const bytes = await readCapped(response, options.maxBytes, () => fail(`it is over the ${options.maxBytes}-byte limit (imageFetch.maxBytes)`, "image_too_large"));
    if (bytes.length === 0)
      throw fail("the response was empty");
    return { format: checkImageBytes(bytes, declared, param, `The image at ${shown}`), bytes };
  } catch (error) {
    if (error instanceof BadRequestError)
      throw error;
    if (options.signal?.aborted === true)
      throw new APIUserAbortError({ cause: error });
    if (timeout.aborted)
      throw fail(`it did not arrive within ${options.timeoutMs} ms (imageFetch.timeoutMs)`, "image_fetch_timeout");
    throw fail(`reading it failed (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await response.body?.cancel().catch(() => void 0);
  }
}
async function readCapped(response, maxBytes, tooLarge) {
  if (response.body === null)
    return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done)
      break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => void 0);
      throw tooLarge();
    }
    chunks.push(value);
  }
  reader.releaseLock();
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

// dist/src/chat/media-source.js
var AUDIO_FORMATS = ["mp3", "opus", "wav", "aac", "flac", "mp4", "ogg", "mkv", "mka", "x-aac", "m4a", "mpeg", "mpga", "pcm", "webm"];
var MAX_INLINE_VIDEO_BASE64_BYTES = 25 * 1024 * 1024;
var AUDIO_MEDIA_TYPES = {
  "audio/wav": "wav",
  "audio/wave": "wav",
  "audio/x-wav": "wav",
  "audio/vnd.wave": "wav",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/aac": "aac",
  "audio/x-aac": "x-aac",
  "audio/flac": "flac",
  "audio/x-flac": "flac",
  "audio/mp4": "mp4",
  "audio/m4a": "m4a",
  "audio/x-m4a": "m4a",
  "audio/ogg": "ogg",
  "audio/opus": "opus",
  "audio/webm": "webm",
  "audio/x-matroska": "mka",
  "audio/pcm": "pcm",
  "audio/l16": "pcm"
};
var VIDEO_MEDIA_TYPES = {
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/x-matroska": "mkv",
  "video/webm": "webm",
  "video/x-flv": "flv",
  "video/mpeg": "mpeg",
  "video/x-ms-wmv": "wmv",
  "video/3gpp": "three_gp"
};
var AUDIO_EXTENSIONS = { wav: "wav", mp3: "mp3", aac: "aac", flac: "flac", m4a: "m4a", ogg: "ogg", oga: "ogg", opus: "opus", mka: "mka", pcm: "pcm", mpga: "mpga" };
var VIDEO_EXTENSIONS = { mp4: "mp4", mov: "mov", mkv: "mkv", webm: "webm", flv: "flv", mpeg: "mpeg", mpg: "mpg", wmv: "wmv", "3gp": "three_gp" };
function mediaFormatFromMediaType(mediaType) {
  const type = mediaType.split(";")[0].trim().toLowerCase();
  const audio = AUDIO_MEDIA_TYPES[type];
  if (audio !== void 0)
    return { kind: "audio", format: audio };
  const video = VIDEO_MEDIA_TYPES[type];
  return video === void 0 ? void 0 : { kind: "video", format: video };
}
function mediaFormatFromFilename(filename) {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (extension === void 0)
    return void 0;
  const audio = AUDIO_EXTENSIONS[extension];
  if (audio !== void 0)
    return { kind: "audio", format: audio };
  const video = VIDEO_EXTENSIONS[extension];
  return video === void 0 ? void 0 : { kind: "video", format: video };
}
function convertInputAudioPart(part, param) {
  const audio = part.input_audio;
  if (typeof audio !== "object" || audio === null)
    throw BadRequestError.forParam(`${param}.input_audio`, `\`${param}.input_audio\` must be an object (\`{ data, format }\`).`);
  const format = audio.format;
  if (typeof format !== "string" || !AUDIO_FORMATS.includes(format)) {
    throw BadRequestError.forParam(`${param}.input_audio.format`, `\`${param}.input_audio.format\` must be one of ${AUDIO_FORMATS.join(", ")} (Converse's audio formats); got ${JSON.stringify(format)}.`, "invalid_audio_format");
  }
  const dataParam = `${param}.input_audio.data`;
  if (typeof audio.data !== "string" || audio.data === "")
    throw BadRequestError.forParam(dataParam, `\`${dataParam}\` must be non-empty base64 audio data.`);
  const { bytes } = parseDataUrl(/^data:/i.test(audio.data) ? audio.data : `data:;base64,${audio.data}`, dataParam);
  return { format, source: { bytes } };
}
function createMediaBlock(media, bytes, dataParam) {
  if (media.kind === "audio")
    return { audio: { format: media.format, source: { bytes } } };
  const encoded = Math.ceil(bytes.length / 3) * 4;
  if (encoded >= MAX_INLINE_VIDEO_BASE64_BYTES) {
    throw BadRequestError.forParam(dataParam, `The video at \`${dataParam}\` is ${formatMegabytes(encoded)} base64-encoded; Bedrock takes inline video under 25 MB (larger ones only from S3).`, "video_too_large");
  }
  return { video: { format: media.format, source: { bytes } } };
}

// dist/src/chat/to-converse-content.js
function convertTextContent(content, param, sink) {
  if (typeof content === "string")
    return isBlank(content) ? [] : [{ text: content }];
  if (!Array.isArray(content))
    throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of text parts.`);
  const blocks = [];
  content.forEach((part, index) => {
    const partParam = `${param}[${index}]`;
    const typed = part;
    if (typeof part !== "object" || part === null || typed.type !== "text") {
      throw BadRequestError.forParam(`${partParam}.type`, `\`${partParam}\` must be a text part (\`{ type: 'text', text }\`) here.`);
    }
    if (typeof typed.text !== "string")
      throw BadRequestError.forParam(`${partParam}.text`, `\`${partParam}.text\` must be a string.`);
    const added = !isBlank(typed.text);
    if (added)
      blocks.push({ text: typed.text });
    addPartCachePoint(part, partParam, blocks, added, sink);
  });
  return blocks;
}
function convertAssistantContent(content, param, sink) {
  if (typeof content === "string")
    return isBlank(content) ? [] : [{ text: content }];
  if (!Array.isArray(content))
    throw BadRequestError.forParam(param, `\`${param}\` must be a string, an array of parts, or null.`);
  const blocks = [];
  content.forEach((part, index) => {
    const partParam = `${param}[${index}]`;
    const typed = part;
    const text = typed?.type === "text" ? typed.text : typed?.type === "refusal" ? typed.refusal : void 0;
    if (typeof text !== "string") {
      throw BadRequestError.forParam(partParam, `\`${partParam}\` must be a text or refusal part in an assistant message.`);
    }
    const added = !isBlank(text);
    if (added)
      blocks.push({ text });
    addPartCachePoint(part, partParam, blocks, added, sink);
  });
  return blocks;
}
function convertUserContent(content, param, context, media, features, sink) {
  if (typeof content === "string")
    return { blocks: isBlank(content) ? [] : [{ text: content }] };
  if (!Array.isArray(content))
    throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of content parts.`);
  const blocks = [];
  let documentParam;
  content.forEach((raw, index) => {
    const partParam = `${param}[${index}]`;
    if (typeof raw !== "object" || raw === null)
      throw BadRequestError.forParam(partParam, `\`${partParam}\` must be a content part object.`);
    const part = raw;
    switch (part.type) {
      case "text": {
        const text = raw.text;
        if (typeof text !== "string")
          throw BadRequestError.forParam(`${partParam}.text`, `\`${partParam}.text\` must be a string.`);
        const added = !isBlank(text);
        if (added)
          blocks.push({ text });
        addPartCachePoint(raw, partParam, blocks, added, sink);
        return;
      }
      case "image_url": {
        const image = convertImagePart(raw, partParam, context, media);
        countImage(media, partParam);
        features.image ??= partParam;
        blocks.push({ image });
        addPartCachePoint(raw, partParam, blocks, true, sink);
        return;
      }
      case "file": {
        const block = convertFilePart(raw, partParam, media);
        if (block.image !== void 0) {
          countImage(media, partParam);
          features.image ??= partParam;
        } else if (block.audio !== void 0) {
          features.audio ??= partParam;
        } else if (block.video !== void 0) {
          features.video ??= partParam;
        } else {
          features.document ??= partParam;
          documentParam ??= partParam;
          if (block.document?.citations !== void 0)
            features.citations ??= `${partParam}.citations`;
        }
        blocks.push(block);
        addPartCachePoint(raw, partParam, blocks, true, sink);
        return;
      }
      case "input_audio": {
        blocks.push({ audio: convertInputAudioPart(raw, partParam) });
        features.audio ??= partParam;
        addPartCachePoint(raw, partParam, blocks, true, sink);
        return;
      }
      default:
        throw BadRequestError.forParam(`${partParam}.type`, `\`${partParam}.type\` must be "text", "image_url", "input_audio" or "file"; got ${JSON.stringify(part.type)}.`);
    }
  });
  return documentParam === void 0 ? { blocks } : { blocks, documentParam };
}
function countImage(media, param) {
  media.images += 1;
  if (media.images > MAX_IMAGES) {
    throw BadRequestError.forParam(param, `A request may hold at most ${MAX_IMAGES} images (Bedrock's limit); this is image ${media.images}.`, "too_many_images");
  }
}
function convertImagePart(part, param, context, media) {
  const urlParam = `${param}.image_url.url`;
  const url = part.image_url?.url;
  if (typeof url !== "string" || url === "")
    throw BadRequestError.forParam(urlParam, `\`${urlParam}\` must be a non-empty string.`);
  const detail = part.image_url?.detail;
  if (detail !== void 0 && detail !== "auto") {
    context.unsupported(`${param}.image_url.detail`, 'Bedrock has no image detail setting (only "auto" is possible).');
  }
  if (/^data:/i.test(url)) {
    const { mediaType, bytes } = parseDataUrl(url, urlParam);
    const declared = imageFormatFromMediaType(mediaType);
    if (declared === void 0) {
      throw BadRequestError.forParam(urlParam, `The image at \`${urlParam}\` has media type ${mediaType}; Bedrock takes image/png, image/jpeg, image/gif and image/webp.`, "invalid_image_format");
    }
    return { format: checkImageBytes(bytes, declared, urlParam, `The image at \`${urlParam}\``), source: { bytes } };
  }
  if (/^s3:\/\//i.test(url)) {
    if (!conformsTo("S3Uri", url)) {
      throw BadRequestError.forParam(urlParam, `\`${urlParam}\` is not an S3 URI Bedrock accepts: it must be s3://<bucket>/<key> with a lower-case scheme, a bucket name of 3\u201363 lower-case letters, digits, dots and hyphens (starting and ending with a letter or digit), no line breaks, and at most 1024 characters.`, "invalid_image_url");
    }
    const format = imageFormatFromPath(url);
    if (format === void 0) {
      throw BadRequestError.forParam(urlParam, `Cannot tell the format of ${url}: the key must end in .png, .jpg, .jpeg, .gif or .webp.`, "invalid_image_format");
    }
    return { format, source: { s3Location: { uri: url } } };
  }
  if (/^https?:\/\//i.test(url)) {
    if (!context.imageFetch) {
      throw BadRequestError.forParam(urlParam, `Remote image URLs are not fetched (\`imageFetch: false\`): ${describeUrl(url)}. Send a data: URL or an s3:// URI, or enable imageFetch.`, "image_fetch_disabled");
    }
    const block = { format: void 0, source: void 0 };
    media.remoteImages.push({ url, param: urlParam, block });
    return block;
  }
  throw BadRequestError.forParam(urlParam, `\`${urlParam}\` must be a data:, https://, http:// or s3:// URL.`, "invalid_image_url");
}
function readCitations(value, param) {
  if (value === void 0 || value === null)
    return void 0;
  if (typeof value === "boolean")
    return { enabled: value };
  if (typeof value === "object" && !Array.isArray(value) && typeof value.enabled === "boolean" && Object.keys(value).length === 1) {
    return { enabled: value.enabled };
  }
  throw BadRequestError.forParam(param, `\`${param}\` must be \`{ enabled: true }\` or \`{ enabled: false }\`.`);
}
function convertFilePart(part, param, media) {
  const citations = readCitations(part.citations, `${param}.citations`);
  const block = convertFileData(part, param, media);
  if (citations === void 0)
    return block;
  if (block.document === void 0) {
    throw BadRequestError.forParam(`${param}.citations`, `\`${param}.citations\` asks for citations, which Bedrock gives for documents only; this file is ${block.image !== void 0 ? "an image" : block.audio !== void 0 ? "audio" : "a video"}.`);
  }
  return citations.enabled ? { document: { ...block.document, citations: { enabled: true } } } : block;
}
function convertFileData(part, param, media) {
  const file = part.file;
  if (typeof file !== "object" || file === null)
    throw BadRequestError.forParam(`${param}.file`, `\`${param}.file\` must be an object.`);
  if (file.file_id !== void 0) {
    throw BadRequestError.forParam(`${param}.file.file_id`, "File IDs refer to OpenAI's Files API, which Bedrock does not have; send the file as `file_data`.", "unsupported_content");
  }
  const dataParam = `${param}.file.file_data`;
  const filename = typeof file.filename === "string" ? file.filename : void 0;
  if (typeof file.file_data !== "string" || file.file_data === "") {
    throw BadRequestError.forParam(dataParam, `\`${dataParam}\` must be a data URL (\`data:application/pdf;base64,\u2026\`).`);
  }
  const { mediaType, bytes } = /^data:/i.test(file.file_data) ? parseDataUrl(file.file_data, dataParam) : parseDataUrl(`data:;base64,${file.file_data}`, dataParam);
  const imageFormat = imageFormatFromMediaType(mediaType);
  if (imageFormat !== void 0) {
    return { image: { format: checkImageBytes(bytes, imageFormat, dataParam, `The image at \`${dataParam}\``), source: { bytes } } };
  }
  const genericType = mediaType === "text/plain" && !/^data:text\/plain/i.test(file.file_data);
  const typedAsDocument = !genericType && documentFormatFromMediaType(mediaType) !== void 0;
  const mediaFormat = (genericType ? void 0 : mediaFormatFromMediaType(mediaType)) ?? (typedAsDocument || filename === void 0 ? void 0 : mediaFormatFromFilename(filename));
  if (mediaFormat !== void 0)
    return createMediaBlock(mediaFormat, bytes, dataParam);
  const format = (genericType ? void 0 : documentFormatFromMediaType(mediaType)) ?? (filename === void 0 ? void 0 : documentFormatFromFilename(filename));
  if (format === void 0) {
    throw BadRequestError.forParam(dataParam, `Cannot send \`${param}\` as a document, audio or video: media type ${genericType ? "(none)" : mediaType}${filename === void 0 ? "" : `, file name ${JSON.stringify(filename)}`}. Bedrock takes documents (pdf, csv, doc, docx, xls, xlsx, html, txt, md), audio/* and video/* files.`, "invalid_document_format");
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw BadRequestError.forParam(dataParam, `The file at \`${param}\` is ${formatMegabytes(bytes.length)}; Bedrock accepts documents up to 4.5 MB.`, "document_too_large");
  }
  media.documents += 1;
  if (media.documents > MAX_DOCUMENTS) {
    throw BadRequestError.forParam(param, `A request may hold at most ${MAX_DOCUMENTS} documents (Bedrock's limit); this is document ${media.documents}.`, "too_many_documents");
  }
  const name = claimUniqueName(sanitizeDocumentName(filename, `document-${media.documents}`), media.documentNames);
  return { document: { format, name, source: { bytes } } };
}
function isBlank(text) {
  return text.trim() === "";
}

// dist/src/chat/to-converse-messages.js
function convertToConverseMessages(messages, context) {
  if (!Array.isArray(messages) || messages.length === 0) {
    throw BadRequestError.forParam("messages", "`messages` must be a non-empty array.");
  }
  const system = [];
  const turns = [];
  const features = {};
  const media = { images: 0, documents: 0, documentNames: /* @__PURE__ */ new Set(), remoteImages: [] };
  const pending = /* @__PURE__ */ new Map();
  let pendingAnsweredBy;
  const legacyPending = /* @__PURE__ */ new Map();
  const cacheSink = [];
  const push = (role, content, param, documentParam) => {
    if (content.length === 0)
      return;
    const last = turns.at(-1);
    if (last !== void 0 && last.role === role) {
      last.content.push(...content);
      if (last.documentParam === void 0 && documentParam !== void 0)
        last.documentParam = documentParam;
    } else {
      turns.push({ role, content, param, ...documentParam === void 0 ? {} : { documentParam } });
    }
  };
  const requireAnswered = () => {
    const [first3] = pending.values();
    if (first3 !== void 0) {
      const message = first3.endsWith(".function_call") ? `Function call \`${first3}\` has no \`function\` message answering it. Every function call must be answered by a \`function\` message (with its \`name\`) right after the assistant message.` : `Tool call \`${first3}\` has no \`tool\` message answering it. Every tool call must be answered by a \`tool\` message (with its \`tool_call_id\`) right after the assistant message.`;
      throw BadRequestError.forParam(first3, message, "missing_tool_result");
    }
    pendingAnsweredBy = void 0;
  };
  messages.forEach((raw, index) => {
    const param = `messages[${index}]`;
    if (typeof raw !== "object" || raw === null)
      throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const message = raw;
    switch (message.role) {
      case "system":
      case "developer": {
        rejectName(message, param, context);
        const blocks = convertTextContent(message.content, `${param}.content`, cacheSink);
        if (blocks.length > 0)
          features.system ??= `${param}`;
        addMessageCachePoint(message, param, blocks, cacheSink);
        system.push(...blocks);
        return;
      }
      case "user": {
        requireAnswered();
        rejectName(message, param, context);
        const { blocks, documentParam } = convertUserContent(message.content, `${param}.content`, context, media, features, cacheSink);
        addMessageCachePoint(message, param, blocks, cacheSink);
        push("user", blocks, param, documentParam);
        return;
      }
      case "assistant": {
        requireAnswered();
        rejectName(message, param, context);
        if (message.audio !== void 0 && message.audio !== null)
          context.unsupported(`${param}.audio`, "Converse has no audio output to refer back to.");
        const blocks = convertReasoningDetails(message.reasoning_details, `${param}.reasoning_details`);
        if (message.reasoning_content !== void 0 && message.reasoning_content !== null && typeof message.reasoning_content !== "string") {
          throw BadRequestError.forParam(`${param}.reasoning_content`, `\`${param}.reasoning_content\` must be a string.`);
        }
        if (message.content !== void 0 && message.content !== null)
          blocks.push(...convertAssistantContent(message.content, `${param}.content`, cacheSink));
        if (typeof message.refusal === "string" && message.refusal.trim() !== "")
          blocks.push({ text: message.refusal });
        const toolCalls = message.tool_calls;
        if (toolCalls !== void 0 && toolCalls !== null) {
          if (!Array.isArray(toolCalls))
            throw BadRequestError.forParam(`${param}.tool_calls`, `\`${param}.tool_calls\` must be an array.`);
          toolCalls.forEach((toolCall, callIndex) => {
            const callParam = `${param}.tool_calls[${callIndex}]`;
            const block = convertToolCall(toolCall, callParam, context);
            const toolUseId = block.toolUse.toolUseId;
            if (pending.has(toolUseId)) {
              throw BadRequestError.forParam(`${callParam}.id`, `Tool call ID \`${toolCall.id}\` is used twice in one message.`);
            }
            pending.set(toolUseId, callParam);
            features.toolBlocks ??= callParam;
            blocks.push(block);
          });
        }
        if (message.function_call !== void 0 && message.function_call !== null) {
          const callParam = `${param}.function_call`;
          const block = convertLegacyFunctionCall(message.function_call, callParam, legacyCallId(index), context);
          pending.set(block.toolUse.toolUseId, callParam);
          legacyPending.set(block.toolUse.toolUseId, block.toolUse.name);
          features.toolBlocks ??= callParam;
          blocks.push(block);
        }
        addMessageCachePoint(message, param, blocks, cacheSink);
        push("assistant", blocks, param);
        return;
      }
      case "tool": {
        const idParam = `${param}.tool_call_id`;
        if (typeof message.tool_call_id !== "string" || message.tool_call_id === "") {
          throw BadRequestError.forParam(idParam, `\`${idParam}\` must be a non-empty string.`);
        }
        const toolUseId = toBedrockName(context.toolCallIds, message.tool_call_id);
        if (!pending.has(toolUseId)) {
          const answered = pendingAnsweredBy === toolUseId ? " more than once" : "";
          throw BadRequestError.forParam(idParam, `\`${idParam}\` (\`${message.tool_call_id}\`) does not answer a tool call of the assistant message before it${answered}.`, "invalid_tool_call_id");
        }
        pending.delete(toolUseId);
        pendingAnsweredBy = toolUseId;
        features.toolBlocks ??= param;
        const partUses = [];
        const content = convertTextContent(message.content, `${param}.content`, partUses).filter((block) => block.text !== void 0).map((block) => ({ text: block.text }));
        const resultBlocks = [{ toolResult: { toolUseId, content } }];
        const messageUse = readCacheControl(message.cache_control, `${param}.cache_control`);
        const use = messageUse ?? partUses.at(-1);
        if (use !== void 0) {
          resultBlocks.push(createCachePoint(use.ttl));
          cacheSink.push(use);
        }
        push("user", resultBlocks, param);
        return;
      }
      case "function": {
        const name = message.name;
        if (typeof name !== "string" || name === "")
          throw BadRequestError.forParam(`${param}.name`, `\`${param}.name\` must be a non-empty string.`);
        const bedrockName = toBedrockName(context.toolNames, name);
        const toolUseId = [...legacyPending].find(([id, called]) => called === bedrockName && pending.has(id))?.[0];
        if (toolUseId === void 0) {
          throw BadRequestError.forParam(`${param}.name`, `\`${param}\` (function \`${name}\`) does not answer a \`function_call\` of the assistant message before it.`, "invalid_tool_call_id");
        }
        pending.delete(toolUseId);
        pendingAnsweredBy = toolUseId;
        features.toolBlocks ??= param;
        const content = message.content;
        if (content !== null && typeof content !== "string")
          throw BadRequestError.forParam(`${param}.content`, `\`${param}.content\` must be a string or null.`);
        push("user", [{ toolResult: { toolUseId, content: content === null || isBlank(content) ? [] : [{ text: content }] } }], param);
        return;
      }
      default: {
        const role = message.role;
        throw BadRequestError.forParam(`${param}.role`, `\`${param}.role\` must be one of system, developer, user, assistant, tool, function; got ${JSON.stringify(role)}.`);
      }
    }
  });
  requireAnswered();
  trimFinalAssistantPrefill(turns);
  if (turns.length === 0 && context.afterPrompt !== true) {
    throw BadRequestError.forParam("messages", "`messages` must hold at least one user message with content (Bedrock needs one).");
  }
  const first2 = turns[0];
  if (first2 !== void 0 && first2.role !== "user" && context.afterPrompt !== true) {
    throw BadRequestError.forParam(first2.param, `The conversation starts with an assistant message (\`${first2.param}\`); Bedrock requires the first message after the system messages to be a user message.`);
  }
  for (const turn of turns) {
    if (turn.documentParam !== void 0 && !turn.content.some((block) => block.text !== void 0)) {
      throw BadRequestError.forParam(turn.documentParam, "A user message with a file must also hold text (Bedrock requires a text block beside every document).");
    }
  }
  if (cacheSink.length > 0)
    features.cachePoints = cacheSink;
  return { system, messages: turns.map((turn) => ({ role: turn.role, content: turn.content })), features, remoteImages: media.remoteImages };
}
function rejectName(message, param, context) {
  if (message.name !== void 0 && message.name !== null)
    context.unsupported(`${param}.name`, "Converse messages have no participant names.");
}
function convertLegacyFunctionCall(functionCall, param, toolUseId, context) {
  if (typeof functionCall !== "object" || functionCall === null)
    throw BadRequestError.forParam(param, `\`${param}\` must be an object (\`{ name, arguments }\`).`);
  const { name, arguments: argumentsText } = functionCall;
  if (typeof name !== "string" || name === "")
    throw BadRequestError.forParam(`${param}.name`, `\`${param}.name\` must be a non-empty string.`);
  return { toolUse: { toolUseId, name: toBedrockName(context.toolNames, name), input: parseToolArguments(argumentsText, `${param}.arguments`) } };
}
function parseToolArguments(argumentsText, param) {
  if (typeof argumentsText !== "string")
    throw BadRequestError.forParam(param, `\`${param}\` must be a JSON string.`);
  let input = {};
  if (argumentsText.trim() !== "") {
    try {
      input = JSON.parse(argumentsText);
    } catch {
      throw BadRequestError.forParam(param, `\`${param}\` is not valid JSON.`);
    }
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw BadRequestError.forParam(param, `\`${param}\` must encode a JSON object (Bedrock tool input is an object).`);
  }
  return input;
}
function convertToolCall(toolCall, param, context) {
  const call = toolCall;
  if (typeof toolCall !== "object" || toolCall === null)
    throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
  if (call.type === "custom") {
    throw BadRequestError.forParam(`${param}.type`, "Custom tool calls are not supported on Bedrock; use function tools.", "unsupported_parameter");
  }
  if (call.type !== "function")
    throw BadRequestError.forParam(`${param}.type`, `\`${param}.type\` must be "function".`);
  if (typeof call.id !== "string" || call.id === "")
    throw BadRequestError.forParam(`${param}.id`, `\`${param}.id\` must be a non-empty string.`);
  const name = call.function?.name;
  if (typeof name !== "string" || name === "") {
    throw BadRequestError.forParam(`${param}.function.name`, `\`${param}.function.name\` must be a non-empty string.`);
  }
  return {
    toolUse: {
      toolUseId: toBedrockName(context.toolCallIds, call.id),
      name: toBedrockName(context.toolNames, name),
      input: parseToolArguments(call.function?.arguments, `${param}.function.arguments`)
    }
  };
}
function trimFinalAssistantPrefill(turns) {
  const last = turns.at(-1);
  if (last === void 0 || last.role !== "assistant")
    return;
  const position = last.content.at(-1)?.cachePoint !== void 0 ? last.content.length - 2 : last.content.length - 1;
  const lastBlock = last.content[position];
  if (lastBlock?.text === void 0)
    return;
  const trimmed = lastBlock.text.trimEnd();
  if (trimmed === "")
    last.content.splice(position, 1);
  else
    last.content[position] = { text: trimmed };
  if (last.content.every((block) => block.cachePoint !== void 0))
    turns.pop();
}

// dist/src/chat/to-converse-tools.js
function readTools(body, context) {
  const tools = body.tools;
  if (tools === void 0 || tools === null)
    return [];
  if (!Array.isArray(tools))
    throw BadRequestError.forParam("tools", "`tools` must be an array.");
  const seen = /* @__PURE__ */ new Set();
  const functionTools = [];
  tools.forEach((tool, index) => {
    const param = `tools[${index}]`;
    const typed = tool;
    if (typeof tool !== "object" || tool === null)
      throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    if (typed.type === "custom") {
      context.unsupported(param, "Bedrock has no custom (free-form) tools; use function tools.");
      return;
    }
    if (typed.type !== "function")
      throw BadRequestError.forParam(`${param}.type`, `\`${param}.type\` must be "function".`);
    const definition = typed.function;
    if (typeof definition !== "object" || definition === null)
      throw BadRequestError.forParam(`${param}.function`, `\`${param}.function\` must be an object.`);
    const name = definition.name;
    if (typeof name !== "string" || name === "")
      throw BadRequestError.forParam(`${param}.function.name`, `\`${param}.function.name\` must be a non-empty string.`);
    if (seen.has(name))
      throw BadRequestError.forParam(`${param}.function.name`, `Tool name \`${name}\` is used by two tools.`);
    seen.add(name);
    if (definition.description !== void 0 && typeof definition.description !== "string") {
      throw BadRequestError.forParam(`${param}.function.description`, `\`${param}.function.description\` must be a string.`);
    }
    const parameters = definition.parameters;
    if (parameters !== void 0 && (typeof parameters !== "object" || parameters === null || Array.isArray(parameters))) {
      throw BadRequestError.forParam(`${param}.function.parameters`, `\`${param}.function.parameters\` must be a JSON Schema object.`);
    }
    const strict = definition.strict;
    if (strict !== void 0 && strict !== null && typeof strict !== "boolean") {
      throw BadRequestError.forParam(`${param}.function.strict`, `\`${param}.function.strict\` must be a boolean.`);
    }
    functionTools.push(tool);
  });
  return functionTools;
}
function readToolChoice(body, tools, context) {
  const choice = body.tool_choice;
  if (choice === void 0 || choice === null)
    return { kind: "unset" };
  const names = new Set(tools.map((tool) => tool.function.name));
  const requireTools = () => {
    if (tools.length === 0)
      throw BadRequestError.forParam("tool_choice", "`tool_choice` is only allowed when `tools` are given.");
  };
  if (choice === "none")
    return { kind: "none" };
  if (choice === "auto")
    return { kind: "auto" };
  if (choice === "required") {
    requireTools();
    return { kind: "any" };
  }
  if (typeof choice !== "object") {
    throw BadRequestError.forParam("tool_choice", `\`tool_choice\` must be "none", "auto", "required" or an object; got ${JSON.stringify(choice)}.`);
  }
  switch (choice.type) {
    case "function": {
      const name = choice.function?.name;
      if (typeof name !== "string" || name === "")
        throw BadRequestError.forParam("tool_choice.function.name", "`tool_choice.function.name` must be a non-empty string.");
      requireTools();
      if (!names.has(name))
        throw BadRequestError.forParam("tool_choice.function.name", `\`tool_choice\` names \`${name}\`, which is not in \`tools\`.`);
      return { kind: "tool", name };
    }
    case "allowed_tools": {
      requireTools();
      const allowed = choice.allowed_tools;
      const mode = allowed?.mode;
      if (mode !== "auto" && mode !== "required")
        throw BadRequestError.forParam("tool_choice.allowed_tools.mode", '`tool_choice.allowed_tools.mode` must be "auto" or "required".');
      if (!Array.isArray(allowed.tools) || allowed.tools.length === 0) {
        throw BadRequestError.forParam("tool_choice.allowed_tools.tools", "`tool_choice.allowed_tools.tools` must be a non-empty array.");
      }
      const allowedNames = /* @__PURE__ */ new Set();
      allowed.tools.forEach((entry, index) => {
        const param = `tool_choice.allowed_tools.tools[${index}]`;
        const name = entry.function?.name;
        if (entry.type !== "function" || typeof name !== "string") {
          throw BadRequestError.forParam(param, `\`${param}\` must be \`{ type: 'function', function: { name } }\`.`);
        }
        if (!names.has(name))
          throw BadRequestError.forParam(param, `\`${param}\` names \`${name}\`, which is not in \`tools\`.`);
        allowedNames.add(name);
      });
      return { kind: "allowed", mode: mode === "required" ? "any" : "auto", names: allowedNames };
    }
    case "custom":
      context.unsupported("tool_choice", "Bedrock has no custom (free-form) tools.");
      return { kind: "unset" };
    default:
      throw BadRequestError.forParam("tool_choice.type", '`tool_choice.type` must be "function" or "allowed_tools".');
  }
}
function readParallelToolCalls(body, context) {
  const value = body.parallel_tool_calls;
  if (value === void 0 || value === null || value === true)
    return;
  if (value !== false)
    throw BadRequestError.forParam("parallel_tool_calls", "`parallel_tool_calls` must be a boolean.");
  context.unsupported("parallel_tool_calls", "Converse has no switch that stops a model from calling several tools at once (only `true` is possible).");
}
function historyToolNames(messages) {
  const names = [];
  if (!Array.isArray(messages))
    return names;
  for (const message of messages) {
    const legacyName = message?.role === "assistant" ? message.function_call?.name : message?.role === "function" ? message.name : void 0;
    if (typeof legacyName === "string" && legacyName !== "")
      names.push(legacyName);
    if (message?.role !== "assistant" || !Array.isArray(message.tool_calls))
      continue;
    for (const call of message.tool_calls) {
      const name = call?.function?.name;
      if (typeof name === "string" && name !== "")
        names.push(name);
    }
  }
  return names;
}
function historyToolCallIds(messages) {
  const ids = [];
  if (!Array.isArray(messages))
    return ids;
  for (const message of messages) {
    if (message?.role === "assistant" && Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls)
        if (typeof call?.id === "string" && call.id !== "")
          ids.push(call.id);
    }
    if (message?.role === "tool" && typeof message.tool_call_id === "string" && message.tool_call_id !== "")
      ids.push(message.tool_call_id);
  }
  return ids;
}
var EMPTY_SCHEMA = { type: "object", properties: {} };
function toToolSpec(tool, toolNames) {
  const definition = tool.function;
  return {
    toolSpec: {
      name: toBedrockName(toolNames, definition.name),
      // Bedrock requires a non-empty description when one is sent; an empty one says nothing, so it is left out.
      ...definition.description === void 0 || definition.description === "" ? {} : { description: definition.description },
      inputSchema: { json: definition.parameters ?? EMPTY_SCHEMA },
      ...typeof definition.strict === "boolean" ? { strict: definition.strict } : {}
    }
  };
}
function buildToolConfig(tools, choice, toolNames, messages, features, cachePoints) {
  const historyHasToolBlocks = features.toolBlocks !== void 0;
  let specs = [];
  tools.forEach((tool, index) => {
    if (choice.kind === "allowed" && !choice.names.has(tool.function.name))
      return;
    specs.push(toToolSpec(tool, toolNames));
    const use = readCacheControl(tool.cache_control, `tools[${index}].cache_control`);
    if (use !== void 0 && choice.kind !== "none") {
      specs.push(createCachePoint(use.ttl));
      cachePoints.push({ ...use, tools: true });
    }
  });
  if (choice.kind === "none" && !historyHasToolBlocks)
    return void 0;
  if (specs.length === 0) {
    if (!historyHasToolBlocks)
      return void 0;
    specs = standInTools(messages);
  } else {
    features.tools = "tools";
  }
  let toolChoice;
  switch (choice.kind) {
    case "unset":
    case "none":
      break;
    case "auto":
      toolChoice = { auto: {} };
      break;
    case "any":
      toolChoice = { any: {} };
      break;
    case "tool":
      toolChoice = { tool: { name: toBedrockName(toolNames, choice.name) } };
      break;
    case "allowed":
      toolChoice = choice.mode === "any" ? { any: {} } : { auto: {} };
      break;
    default: {
      const exhaustive = choice;
      throw new Error(`Unhandled tool choice ${JSON.stringify(exhaustive)}`);
    }
  }
  if (toolChoice !== void 0) {
    features.toolChoice = { param: "tool_choice", value: toolChoice.auto !== void 0 ? "auto" : toolChoice.any !== void 0 ? "any" : "tool" };
  }
  return { tools: specs, ...toolChoice === void 0 ? {} : { toolChoice } };
}
function standInTools(messages) {
  const names = /* @__PURE__ */ new Set();
  for (const message of messages) {
    for (const block of message.content ?? [])
      if (block.toolUse?.name !== void 0)
        names.add(block.toolUse.name);
  }
  return [...names].map((name) => ({
    toolSpec: { name, description: "A tool called earlier in this conversation.", inputSchema: { json: { type: "object" } } }
  }));
}

// dist/src/chat/unsupported-params.js
function createUnsupportedParamHandler(options) {
  return (param, reason) => {
    if (!options.drop) {
      throw BadRequestError.forParam(param, `\`${param}\` is not supported on Bedrock: ${reason} Remove it, or set \`dropUnsupportedParams: true\` to drop it with a warning.`, "unsupported_parameter");
    }
    options.warn({ code: "unsupported_param_dropped", message: `Dropped \`${param}\`: ${reason}`, param });
  };
}
var UNSUPPORTED_PARAMS = {
  logprobs: { isUnset: (value) => value === false, reason: "Bedrock does not return token log probabilities." },
  top_logprobs: { isUnset: (value) => value === 0, reason: "Bedrock does not return token log probabilities." },
  logit_bias: {
    isUnset: (value) => typeof value === "object" && value !== null && Object.keys(value).length === 0,
    reason: "Bedrock has no token bias setting."
  },
  presence_penalty: { isUnset: (value) => value === 0, reason: "Converse has no presence penalty." },
  frequency_penalty: { isUnset: (value) => value === 0, reason: "Converse has no frequency penalty." },
  seed: { isUnset: () => false, reason: "Converse has no sampling seed." },
  n: { isUnset: (value) => value === 1, reason: "Bedrock returns one choice per request (only `n: 1` is possible)." },
  audio: { isUnset: () => false, reason: "Converse does not produce audio." },
  modalities: {
    isUnset: (value) => Array.isArray(value) && value.every((modality) => modality === "text"),
    reason: 'Converse produces text only (only `["text"]` is possible).'
  },
  prediction: { isUnset: () => false, reason: "Bedrock has no predicted outputs." },
  store: { isUnset: (value) => value === false, reason: "Bedrock does not store completions." },
  web_search_options: { isUnset: () => false, reason: "Converse has no built-in web search." },
  verbosity: { isUnset: () => false, reason: "Converse has no verbosity setting." },
  moderation: {
    isUnset: () => false,
    reason: "Bedrock has no OpenAI moderation models; apply a Bedrock guardrail with `bedrock.guardrail` instead."
  },
  prompt_cache_key: { isUnset: () => false, reason: "Bedrock caches by cache points, not keys." },
  prompt_cache_options: {
    // `{ mode: 'explicit' }` (or `{}`) asks for what Bedrock does: cache only at the breakpoints given.
    isUnset: (value) => typeof value === "object" && value !== null && Object.entries(value).every(([key, option]) => option === void 0 || key === "mode" && option === "explicit"),
    reason: 'Bedrock caches only at the breakpoints given (`prompt_cache_breakpoint`, `cache_control`, or `bedrock.cache: "auto"`), for 5 minutes or 1 hour; it has no implicit breakpoint (`mode: "implicit"`) and no `ttl` option.'
  },
  prompt_cache_retention: { isUnset: () => false, reason: "Bedrock caches by cache points, not retention settings." }
};

// dist/src/chat/to-converse-request.js
var KNOWN_PARAMS2 = {
  messages: true,
  model: true,
  audio: true,
  frequency_penalty: true,
  function_call: true,
  functions: true,
  logit_bias: true,
  logprobs: true,
  max_completion_tokens: true,
  max_tokens: true,
  metadata: true,
  modalities: true,
  moderation: true,
  n: true,
  parallel_tool_calls: true,
  prediction: true,
  presence_penalty: true,
  prompt_cache_key: true,
  prompt_cache_options: true,
  prompt_cache_retention: true,
  reasoning_effort: true,
  response_format: true,
  safety_identifier: true,
  seed: true,
  service_tier: true,
  stop: true,
  store: true,
  stream: true,
  stream_options: true,
  temperature: true,
  tool_choice: true,
  tools: true,
  top_logprobs: true,
  top_p: true,
  user: true,
  verbosity: true,
  web_search_options: true,
  bedrock: true
};
var MAX_METADATA_ENTRIES = 16;
var METADATA_CHARSET = "ASCII letters, digits, ASCII whitespace (space, tab, line breaks) and : _ @ $ # = / + , . - only";
function convertToConverseRequest(params, context) {
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    throw BadRequestError.forParam("body", "The request params must be an object.");
  }
  const raw = params;
  rejectUnknownParams(raw);
  const legacy = readLegacyFunctions(raw);
  const body = legacy === void 0 ? raw : withTools(raw, legacy);
  if (typeof body.model !== "string" || body.model.trim() === "")
    throw BadRequestError.forParam("model", "`model` must be a non-empty string.");
  for (const [param, rule] of Object.entries(UNSUPPORTED_PARAMS)) {
    const value = body[param];
    if (value !== void 0 && value !== null && !rule.isUnset(value))
      context.unsupported(param, rule.reason);
  }
  const features = {};
  const stream = readStream(body, features);
  const includeUsage = readStreamOptions(body, stream);
  const { config: inferenceConfig, maxTokensParam } = readInferenceConfig(body, features);
  const tools = readTools(body, context);
  const toolChoice = readToolChoice(body, tools, context);
  readParallelToolCalls(body, context);
  const reasoningEffort = readReasoningEffort(body.reasoning_effort);
  const responseFormat = readResponseFormat(body.response_format);
  const extras = readBedrockExtras(body.bedrock, stream);
  const toolNames = createToolNameMap([...tools.map((tool) => tool.function.name), ...historyToolNames(body.messages)]);
  const toolCallIds = createToolCallIdMap(historyToolCallIds(body.messages));
  const promptArn = parseBedrockArn(body.model)?.resourceType === "prompt";
  const converted = promptArn && Array.isArray(body.messages) && body.messages.length === 0 ? { system: [], messages: [], features: {}, remoteImages: [] } : convertToConverseMessages(body.messages, { toolNames, toolCallIds, imageFetch: context.imageFetch, unsupported: context.unsupported, afterPrompt: promptArn });
  const { cachePoints: messageCachePoints = [], ...messageFeatures } = converted.features;
  Object.assign(features, messageFeatures);
  const toolCachePoints = [];
  const toolConfig = buildToolConfig(tools, toolChoice, toolNames, converted.messages, features, toolCachePoints);
  if (legacy !== void 0) {
    if (features.tools === "tools")
      features.tools = "functions";
    if (features.toolChoice !== void 0)
      features.toolChoice = { ...features.toolChoice, param: "function_call" };
  }
  const requestMetadata = readRequestMetadata(body);
  const serviceTier = readServiceTier(body, context);
  const input = {
    ...converted.messages.length === 0 ? {} : { messages: converted.messages },
    ...converted.system.length === 0 ? {} : { system: converted.system },
    ...Object.keys(inferenceConfig).length === 0 ? {} : { inferenceConfig },
    ...toolConfig === void 0 ? {} : { toolConfig },
    ...requestMetadata === void 0 ? {} : { requestMetadata },
    ...serviceTier === void 0 ? {} : { serviceTier: { type: serviceTier } },
    ...extras.additionalModelRequestFields === void 0 ? {} : { additionalModelRequestFields: { ...extras.additionalModelRequestFields } },
    ...extras.additionalModelResponseFieldPaths === void 0 ? {} : { additionalModelResponseFieldPaths: extras.additionalModelResponseFieldPaths },
    ...extras.latency === void 0 ? {} : { performanceConfig: { latency: extras.latency } },
    ...extras.guardrailConfig === void 0 ? {} : { guardrailConfig: extras.guardrailConfig },
    ...extras.promptVariables === void 0 ? {} : { promptVariables: extras.promptVariables }
  };
  checkPromptVariables(body.model, promptArn, extras, input);
  return {
    input,
    toolNames,
    toolCallIds,
    stream,
    includeUsage,
    baseModel: extras.baseModel,
    features,
    remoteImages: converted.remoteImages,
    reasoningEffort,
    responseFormat,
    cachePoints: [...toolCachePoints, ...messageCachePoints],
    autoCache: extras.cache,
    maxTokensParam,
    additionalModelRequestFields: extras.additionalModelRequestFields,
    streamInternally: extras.streamInternally,
    legacyFunctions: legacy !== void 0
  };
}
function checkPromptVariables(model, promptArn, extras, input) {
  if (extras.promptVariables !== void 0 && !promptArn) {
    throw BadRequestError.forParam("bedrock.promptVariables", `\`bedrock.promptVariables\` fill the variables of a Prompt-management prompt: \`model\` must be a prompt ARN (\`arn:aws:bedrock:<region>:<account>:prompt/<id>\`), not \`${model}\`.`);
  }
  if (!promptArn)
    return;
  const fixed = [
    ["system", "system and developer messages"],
    ["inferenceConfig", "`max_tokens`, `temperature`, `top_p` and `stop`"],
    ["toolConfig", "`tools` and tool calls"],
    ["additionalModelRequestFields", "`bedrock.additionalModelRequestFields`"]
  ];
  for (const [member, what] of fixed) {
    if (input[member] !== void 0) {
      throw BadRequestError.forParam("model", `With a Prompt-management prompt as \`model\`, the prompt fixes ${what}; Bedrock rejects them in the request (Converse \`${member}\`).`);
    }
  }
}
function withTools(body, legacy) {
  const { functions: _functions, function_call: _functionCall, tool_choice: _toolChoice, ...rest } = body;
  return { ...rest, tools: legacy.tools, ...legacy.toolChoice === void 0 ? {} : { tool_choice: legacy.toolChoice } };
}
function rejectUnknownParams(body) {
  for (const key of Object.keys(body)) {
    if (Object.hasOwn(KNOWN_PARAMS2, key) || body[key] === void 0)
      continue;
    const suggestions = closestMatches(key, Object.keys(KNOWN_PARAMS2), 1);
    const hint = suggestions.length === 0 ? "" : ` Did you mean \`${suggestions[0]}\`?`;
    throw BadRequestError.forParam(key, `Unrecognized request argument supplied: \`${key}\`.${hint}`, "unknown_parameter");
  }
}
function readStream(body, features) {
  const value = body.stream;
  if (value === void 0 || value === null || value === false)
    return false;
  if (value !== true)
    throw BadRequestError.forParam("stream", "`stream` must be a boolean.");
  features.stream = "stream";
  return true;
}
function readStreamOptions(body, stream) {
  const options = body.stream_options;
  if (options === void 0 || options === null)
    return false;
  if (!stream)
    throw BadRequestError.forParam("stream_options", "`stream_options` is only allowed when `stream` is true.");
  if (typeof options !== "object")
    throw BadRequestError.forParam("stream_options", "`stream_options` must be an object.");
  for (const key of Object.keys(options)) {
    if (key !== "include_usage" && key !== "include_obfuscation") {
      throw BadRequestError.forParam(`stream_options.${key}`, `Unrecognized stream option \`${key}\`.`, "unknown_parameter");
    }
  }
  const includeUsage = options.include_usage;
  if (includeUsage !== void 0 && typeof includeUsage !== "boolean") {
    throw BadRequestError.forParam("stream_options.include_usage", "`stream_options.include_usage` must be a boolean.");
  }
  return includeUsage === true;
}
function isSet2(value) {
  return value !== void 0 && value !== null;
}
function readInferenceConfig(body, features) {
  const config = {};
  const maxTokens = body.max_tokens;
  const maxCompletionTokens = body.max_completion_tokens;
  for (const [param, value] of [
    ["max_tokens", maxTokens],
    ["max_completion_tokens", maxCompletionTokens]
  ]) {
    if (isSet2(value) && (!Number.isInteger(value) || value < 1)) {
      throw BadRequestError.forParam(param, `\`${param}\` must be a whole number \u2265 1; got ${JSON.stringify(value)}.`);
    }
    if (isSet2(value) && value > MAX_INT32) {
      throw BadRequestError.forParam(param, `\`${param}\` is ${value}; Bedrock's \`maxTokens\` is a 32-bit integer (at most ${MAX_INT32}), and no model writes that many tokens.`);
    }
  }
  if (isSet2(maxTokens) && isSet2(maxCompletionTokens) && maxTokens !== maxCompletionTokens) {
    throw BadRequestError.forParam("max_completion_tokens", "`max_tokens` and `max_completion_tokens` disagree; send one of them.");
  }
  const maximum = maxCompletionTokens ?? maxTokens;
  if (isSet2(maximum))
    config.maxTokens = maximum;
  const temperature = body.temperature;
  if (isSet2(temperature)) {
    if (typeof temperature !== "number" || !Number.isFinite(temperature) || temperature < 0 || temperature > 1) {
      throw BadRequestError.forParam("temperature", `\`temperature\` must be between 0 and 1 on Bedrock (OpenAI allows up to 2; nothing is rescaled); got ${JSON.stringify(temperature)}.`);
    }
    config.temperature = temperature;
  }
  const topP = body.top_p;
  if (isSet2(topP)) {
    if (typeof topP !== "number" || !Number.isFinite(topP) || topP < 0 || topP > 1) {
      throw BadRequestError.forParam("top_p", `\`top_p\` must be between 0 and 1; got ${JSON.stringify(topP)}.`);
    }
    config.topP = topP;
  }
  if (isSet2(temperature) && isSet2(topP))
    features.temperatureAndTopP = "top_p";
  const stop = body.stop;
  if (isSet2(stop)) {
    const sequences = typeof stop === "string" ? [stop] : stop;
    if (!Array.isArray(sequences))
      throw BadRequestError.forParam("stop", "`stop` must be a string or an array of strings.");
    sequences.forEach((sequence, index) => {
      const param = typeof stop === "string" ? "stop" : `stop[${index}]`;
      if (typeof sequence !== "string" || sequence === "")
        throw BadRequestError.forParam(param, `\`${param}\` must be a non-empty string.`);
    });
    if (sequences.length > 2500)
      throw BadRequestError.forParam("stop", "Bedrock accepts at most 2500 stop sequences.");
    if (sequences.length > 0)
      config.stopSequences = [...sequences];
  }
  const maxTokensParam = isSet2(maxCompletionTokens) ? "max_completion_tokens" : isSet2(maxTokens) ? "max_tokens" : void 0;
  return { config, maxTokensParam };
}
function readRequestMetadata(body) {
  const metadata = {};
  const add = (key, value, param) => {
    if (typeof value !== "string")
      throw BadRequestError.forParam(param, `\`${param}\` must be a string.`);
    if (Object.hasOwn(metadata, key))
      throw BadRequestError.forParam(param, `\`${param}\` sets request metadata key \`${key}\` twice.`);
    if (key.length < 1 || key.length > 256)
      throw BadRequestError.forParam(param, `Request metadata keys must be 1\u2013256 characters; \`${param}\` has ${key.length}.`);
    if (value.length > 256)
      throw BadRequestError.forParam(param, `\`${param}\` is ${value.length} characters; Bedrock request metadata values hold at most 256.`);
    if (!conformsTo("RequestMetadataKeyString", key)) {
      throw BadRequestError.forParam(param, `The key of \`${param}\` holds characters Bedrock request metadata does not allow (${METADATA_CHARSET}).`);
    }
    if (!conformsTo("RequestMetadataValueString", value)) {
      throw BadRequestError.forParam(param, `\`${param}\` holds characters Bedrock request metadata does not allow (${METADATA_CHARSET}).`);
    }
    metadata[key] = value;
  };
  const source = body.metadata;
  if (isSet2(source)) {
    if (typeof source !== "object" || Array.isArray(source))
      throw BadRequestError.forParam("metadata", "`metadata` must be an object of strings.");
    for (const [key, value] of Object.entries(source))
      add(key, value, `metadata.${key}`);
  }
  if (body.user !== void 0)
    add("user", body.user, "user");
  if (isSet2(body.safety_identifier))
    add("safety_identifier", body.safety_identifier, "safety_identifier");
  const count = Object.keys(metadata).length;
  if (count > MAX_METADATA_ENTRIES) {
    throw BadRequestError.forParam("metadata", `Bedrock takes at most ${MAX_METADATA_ENTRIES} request metadata entries (from \`metadata\`, \`user\` and \`safety_identifier\`); got ${count}.`);
  }
  return count === 0 ? void 0 : metadata;
}
function readServiceTier(body, context) {
  const tier = body.service_tier;
  switch (tier) {
    case void 0:
    case null:
    case "auto":
      return void 0;
    case "default":
    case "flex":
    case "priority":
      return tier;
    case "scale":
    case "fast":
      context.unsupported("service_tier", `Bedrock has no "${tier}" tier (it has default, flex and priority).`);
      return void 0;
    default:
      throw BadRequestError.forParam("service_tier", `\`service_tier\` must be "auto", "default", "flex" or "priority"; got ${JSON.stringify(tier)}.`);
  }
}

// dist/src/batch/records.js
var BATCH_ENDPOINTS = ["/v1/chat/completions", "/v1/embeddings"];
function lineError(lineNumber, customId, message, param) {
  const where = customId === void 0 ? `Line ${lineNumber}` : `Line ${lineNumber} (custom_id ${JSON.stringify(customId)})`;
  return BadRequestError.forParam(param, `${where}: ${message}`, "invalid_batch_line");
}
function parseBatchLine(text, lineNumber) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw lineError(lineNumber, void 0, `not valid JSON (${error.message}).`, "input_file");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw lineError(lineNumber, void 0, "must be a JSON object with custom_id, method, url and body.", "input_file");
  const line = value;
  const customId = line["custom_id"];
  if (typeof customId !== "string" || customId === "")
    throw lineError(lineNumber, void 0, "`custom_id` must be a non-empty string.", "custom_id");
  if (line["method"] !== "POST")
    throw lineError(lineNumber, customId, `\`method\` must be "POST"; got ${JSON.stringify(line["method"])}.`, "method");
  if (!BATCH_ENDPOINTS.includes(line["url"])) {
    throw lineError(lineNumber, customId, `\`url\` must be one of ${BATCH_ENDPOINTS.join(", ")}; got ${JSON.stringify(line["url"])}.`, "url");
  }
  const body = line["body"];
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw lineError(lineNumber, customId, "`body` must be a JSON object.", "body");
  return { custom_id: customId, method: "POST", url: line["url"], body };
}
function withLine(lineNumber, customId, convert) {
  try {
    return convert();
  } catch (error) {
    if (error instanceof BadRequestError)
      throw lineError(lineNumber, customId, error.message, `body.${error.param ?? ""}`.replace(/\.$/, ""));
    throw error;
  }
}
function convertChatLine(line, lineNumber, model) {
  return withLine(lineNumber, line.custom_id, () => {
    const unsupported = createUnsupportedParamHandler({ drop: false, warn: () => void 0 });
    const plan = convertToConverseRequest(line.body, { imageFetch: false, unsupported });
    if (plan.stream)
      throw BadRequestError.forParam("stream", "`stream: true` has no meaning in a batch; remove it.");
    const adapted = adaptRequestToModel(plan, model, unsupported);
    return {
      modelInput: adapted.input,
      context: { toolNames: plan.toolNames, toolCallIds: plan.toolCallIds, structuredOutput: adapted.structuredOutput }
    };
  });
}
function convertEmbeddingLine(line, lineNumber, model, facts) {
  return withLine(lineNumber, line.custom_id, () => {
    const request = readEmbeddingRequest(line.body);
    const kinds = checkRequestForModel(request, facts, model.modelId);
    const settings = familySettingsOf(request, facts);
    const modelInputs = request.inputs.map((_, index) => buildRequestBody(settings, request.inputs, index, index + 1, kinds.images?.[index] === 1));
    return { modelInputs, context: { count: request.inputs.length, base64: request.encodingFormat === "base64" } };
  });
}
function convertChatOutput(modelOutput, context, meta) {
  return convertFromConverseResponse(modelOutput, {
    id: meta.id,
    model: meta.model,
    created: meta.created,
    toolNames: context.toolNames,
    toolCallIds: context.toolCallIds,
    requestId: meta.requestId,
    structuredOutput: context.structuredOutput
  });
}
function convertEmbeddingOutputs(modelOutputs, context, facts, model) {
  let tokens = 0;
  const data = modelOutputs.map((output, index) => {
    const parsed = parseResponseBody(facts.family, output, 1);
    tokens += parsed.inputTokens ?? 0;
    const vector = parsed.vectors[0] ?? [];
    return { object: "embedding", index, embedding: context.base64 ? encodeFloat32Base64(vector) : vector };
  });
  return { object: "list", data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
var LINE_DIGITS = 7;
var PART_DIGITS = 4;
function recordIdFor(lineIndex, part) {
  if (lineIndex >= 36 ** LINE_DIGITS || part >= 36 ** PART_DIGITS)
    throw new BedrockOpenAIError(`Batch too large: line ${lineIndex + 1}, input ${part + 1}.`);
  return lineIndex.toString(36).padStart(LINE_DIGITS, "0") + part.toString(36).padStart(PART_DIGITS, "0");
}
function parseRecordId(recordId) {
  if (typeof recordId !== "string" || !/^[0-9a-z]{11}$/.test(recordId))
    return void 0;
  return { lineIndex: Number.parseInt(recordId.slice(0, LINE_DIGITS), 36), part: Number.parseInt(recordId.slice(LINE_DIGITS), 36) };
}

// dist/src/batch/finalize.js
async function finalizeBatch(client, context, meta, jobId, status, options) {
  const finalizingAt = Math.floor(Date.now() / 1e3);
  const lines = [];
  for await (const { text } of readLines(await readObject(context, batchKey(context, meta.token, "lines.jsonl"), "batch line index", options))) {
    if (text !== "")
      lines.push(JSON.parse(text));
  }
  const seen = new Uint8Array(lines.length);
  const pending = /* @__PURE__ */ new Map();
  let completed = 0;
  let failed = 0;
  let facts;
  if (meta.endpoint === "/v1/embeddings") {
    const resolved = await client._resolveModel(meta.model);
    facts = embeddingFactsOf(resolved.entry, meta.model, resolved.modelId);
  }
  const outputKey = batchKey(context, meta.token, `output/${jobId}/input.jsonl.out`);
  const hasOutput = await exists(context, outputKey, options);
  const outputs = new Channel();
  const errors = new Channel();
  let outputCount = 0;
  let errorCount = 0;
  const uploads = Promise.all([
    uploadStream(context, batchKey(context, meta.token, "output.jsonl"), outputs),
    uploadStream(context, batchKey(context, meta.token, "errors.jsonl"), errors)
  ]);
  uploads.catch(() => void 0);
  const requestIdFor = (recordId) => `${jobId}-${recordId}`;
  const emit = async (lineIndex, answer, recordId) => {
    const line = lines[lineIndex];
    if (line === void 0 || seen[lineIndex] === 1)
      return;
    seen[lineIndex] = 1;
    const id = `batch_req_${randomBytes2(12).toString("hex")}`;
    if ("error" in answer) {
      failed += 1;
      errorCount += 1;
      await errors.push(`${JSON.stringify({ id, custom_id: line.custom_id, response: null, error: answer.error })}
`);
    } else if (answer.status === 200) {
      completed += 1;
      outputCount += 1;
      await outputs.push(`${JSON.stringify({ id, custom_id: line.custom_id, response: { status_code: 200, request_id: requestIdFor(recordId), body: answer.body }, error: null })}
`);
    } else {
      failed += 1;
      errorCount += 1;
      await errors.push(`${JSON.stringify({ id, custom_id: line.custom_id, response: { status_code: answer.status, request_id: requestIdFor(recordId), body: answer.body }, error: null })}
`);
    }
  };
  try {
    if (hasOutput) {
      for await (const { text } of readLines(await readObject(context, outputKey, "batch output", options))) {
        if (text.trim() === "")
          continue;
        const record = JSON.parse(text);
        const position = parseRecordId(record.recordId);
        if (position === void 0)
          continue;
        const line = lines[position.lineIndex];
        if (line === void 0)
          continue;
        const recordId = record.recordId;
        if (line.chat !== void 0) {
          if (record.error !== void 0)
            await emit(position.lineIndex, bedrockErrorAnswer(record.error), recordId);
          else
            await emit(position.lineIndex, { status: 200, body: convertChatOutput(record.modelOutput, deserializeChatContext(line.chat), { id: `chatcmpl-${randomBytes2(12).toString("hex")}`, model: meta.model, created: meta.created_at, requestId: requestIdFor(recordId) }) }, recordId);
        } else if (line.embedding !== void 0) {
          const count = line.embedding.count;
          let entry = pending.get(position.lineIndex);
          if (entry === void 0)
            pending.set(position.lineIndex, entry = { outputs: new Array(count), got: 0, error: void 0 });
          if (entry.outputs[position.part] === void 0)
            entry.got += 1;
          entry.outputs[position.part] = record.modelOutput ?? null;
          if (record.error !== void 0)
            entry.error ??= record.error;
          if (entry.got === count) {
            pending.delete(position.lineIndex);
            await emit(position.lineIndex, entry.error !== void 0 ? bedrockErrorAnswer(entry.error) : { status: 200, body: convertEmbeddingOutputs(entry.outputs, line.embedding, facts, meta.model) }, recordId);
          }
        }
      }
    }
  } catch (error) {
    outputs.close();
    errors.close();
    throw error;
  }
  const missing = missingError(status);
  for (const [index] of lines.entries())
    if (seen[index] === 0)
      await emit(index, { error: missing }, "");
  outputs.close();
  errors.close();
  await uploads;
  const result = { completed, failed, finalizing_at: finalizingAt, finished_at: Math.floor(Date.now() / 1e3), output: outputCount > 0, errors: errorCount > 0 };
  await putText(context, batchKey(context, meta.token, "result.json"), JSON.stringify(result), options);
  return result;
}
function bedrockErrorAnswer(error) {
  const status = typeof error.errorCode === "number" ? error.errorCode : 500;
  return { status, body: { error: { message: error.errorMessage ?? "Bedrock reported an error for this record.", type: status >= 500 ? "server_error" : "invalid_request_error", param: null, code: null } } };
}
function missingError(status) {
  if (status === "Expired")
    return { code: "batch_expired", message: "This request could not be executed before the completion window expired." };
  if (status === "Stopped")
    return { code: "batch_cancelled", message: "This request was not executed because the batch was cancelled." };
  return { code: "batch_failed", message: `This request was not executed: the Bedrock job ended ${status}.` };
}

// dist/src/batch/batches.js
var TOKEN = /\/batches\/([0-9a-f]{12})\/input\.jsonl$/;
var Batches = class extends APIResource {
  /** Validates the input file, writes Bedrock's records and starts the job. */
  create(params, options = {}) {
    return APIPromise.from(async () => respond2(await this.#create(params, options)));
  }
  /** The batch's status and, once it has ended, its output and error files. */
  retrieve(batchId, options = {}) {
    return APIPromise.from(async () => respond2(await this.#retrieve(await this._client._batchContext(), batchId, options)));
  }
  /** Batches made by this package, newest first. */
  list(params = {}, options = {}) {
    return APIPromise.from(async () => {
      const context = await this._client._batchContext();
      const limit = params.limit ?? 20;
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        throw BadRequestError.forParam("limit", "`limit` must be a whole number from 1 to 100.");
      const summaries = [];
      let nextToken;
      do {
        const page = await context.send(BEDROCK_CONTROL, "ListModelInvocationJobs", { nameContains: "bedrock-openai-", sortOrder: "Descending", maxResults: 100, nextToken }, options);
        for (const summary of page.invocationJobSummaries ?? []) {
          const inputUri = summary.inputDataConfig?.s3InputDataConfig?.s3Uri ?? "";
          if (inputUri.startsWith(s3Uri(context, `${context.config.prefix}batches/`)))
            summaries.push(`batch_${summary.jobArn?.split("/").at(-1) ?? ""}`);
        }
        nextToken = page.nextToken;
      } while (nextToken !== void 0 && summaries.length < 1e4);
      const start = params.after === void 0 ? 0 : summaries.indexOf(params.after) + 1;
      const ids = summaries.slice(start, start + limit);
      const data = await Promise.all(ids.map((id) => this.#retrieve(context, id, options)));
      return respond2({ object: "list", data, has_more: start + limit < summaries.length, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    });
  }
  /** Stops the job (`StopModelInvocationJob`); the batch goes `cancelling`, then `cancelled`. */
  cancel(batchId, options = {}) {
    return APIPromise.from(async () => {
      const context = await this._client._batchContext();
      await context.send(BEDROCK_CONTROL, "StopModelInvocationJob", { jobIdentifier: jobIdOf(batchId) }, options);
      return respond2(await this.#retrieve(context, batchId, options));
    });
  }
  /** Polls until the batch has ended (completed, failed, expired or cancelled); `signal` stops waiting (not the job). */
  async wait(batchId, options = {}) {
    const interval = options.pollIntervalMs ?? 3e4;
    if (!Number.isFinite(interval) || interval < 0)
      throw BadRequestError.forParam("pollIntervalMs", "`pollIntervalMs` must be a number of milliseconds \u2265 0.");
    for (; ; ) {
      const batch = await this.retrieve(batchId, options);
      options.onProgress?.(batch);
      if (["completed", "failed", "expired", "cancelled"].includes(batch.status))
        return batch;
      await new Promise((resolve2, reject) => {
        if (options.signal?.aborted === true)
          return reject(new APIUserAbortError());
        const timer = setTimeout(() => {
          options.signal?.removeEventListener("abort", onAbort);
          resolve2();
        }, interval);
        const onAbort = () => {
          clearTimeout(timer);
          reject(new APIUserAbortError());
        };
        options.signal?.addEventListener("abort", onAbort, { once: true });
      });
    }
  }
  /**
   * Embeds a corpus as one batch job, for RAG indexing: reads `texts` (any iterable or async iterable, e.g. lines of
   * a file) and uploads the records with multipart upload as it reads, waits for the job, then gives the vectors back
   * as they stream out of S3, keyed by input index (in no particular order). Neither the corpus nor the vectors are
   * ever held in memory; a text Bedrock could not embed comes back as `{ index, error }`.
   *
   * ```ts
   * const job = await client.batches.embedCorpus(readLines('corpus.txt'), { model: 'titan-embed-text-v2', dimensions: 256 });
   * for await (const result of job.results()) if ('embedding' in result) await index.upsert(result.index, result.embedding);
   * ```
   */
  async embedCorpus(texts, params, options = {}) {
    if (typeof params?.model !== "string")
      throw BadRequestError.forParam("model", "`model` must be an embedding model name.");
    const context = await this._client._batchContext();
    const resolved = await this._client._resolveModel(params.model);
    const facts = embeddingFactsOf(resolved.entry, params.model, resolved.modelId);
    const token = randomBytes3(6).toString("hex");
    let count = 0;
    const source = async function* () {
      for await (const text of texts) {
        const index = count;
        const line = { custom_id: String(index), method: "POST", url: "/v1/embeddings", body: { model: params.model, input: text, ...params.dimensions === void 0 ? {} : { dimensions: params.dimensions }, ...params.bedrock === void 0 ? {} : { bedrock: params.bedrock } } };
        const { modelInputs } = convertEmbeddingLine(line, index + 1, resolved, facts);
        count += 1;
        yield { record: `${JSON.stringify({ recordId: recordIdFor(index, 0), modelInput: modelInputs[0] })}
`, line: `{"custom_id":"${index}","embedding":{"count":1,"base64":false}}
` };
      }
    };
    await uploadRecords(context, token, source(), () => ({ lines: count, records: count }), options);
    const meta = { token, endpoint: "/v1/embeddings", input_file_id: "", completion_window: params.completion_window ?? "24h", metadata: params.metadata ?? null, model: resolved.modelId, lines: count, records: count, created_at: Math.floor(Date.now() / 1e3) };
    const jobId = await this.#startJob(context, meta, options);
    const batch = await this.wait(`batch_${jobId}`, options);
    const family = facts.family;
    const total = count;
    return {
      batch,
      async *results() {
        const seen = new Uint8Array(total);
        const outputKey = batchKey(context, token, `output/${jobId}/input.jsonl.out`);
        if (await exists(context, outputKey, options)) {
          for await (const { text } of readLines(await readObject(context, outputKey, "batch output", options))) {
            if (text.trim() === "")
              continue;
            const record = JSON.parse(text);
            const position = parseRecordId(record.recordId);
            if (position === void 0 || position.lineIndex >= total || seen[position.lineIndex] === 1)
              continue;
            seen[position.lineIndex] = 1;
            if (record.error !== void 0)
              yield { index: position.lineIndex, error: { code: record.error.errorCode ?? 500, message: record.error.errorMessage ?? "Bedrock reported an error for this record." } };
            else
              yield { index: position.lineIndex, embedding: parseResponseBody(family, record.modelOutput, 1).vectors[0] ?? [] };
          }
        }
        const missing = missingError(batch.status === "cancelled" ? "Stopped" : batch.status === "expired" ? "Expired" : "Failed");
        for (let index = 0; index < total; index += 1)
          if (seen[index] === 0)
            yield { index, error: { code: missing.code, message: missing.message } };
      }
    };
  }
  async #startJob(context, meta, options) {
    await putText(context, batchKey(context, meta.token, "batch.json"), JSON.stringify(meta), options);
    const hours = Number(/^(\d+)h$/.exec(meta.completion_window)?.[1] ?? 24);
    const { jobArn } = await context.send(BEDROCK_CONTROL, "CreateModelInvocationJob", {
      jobName: `bedrock-openai-${meta.token}`,
      roleArn: context.config.roleArn,
      modelId: meta.model,
      modelInvocationType: meta.endpoint === "/v1/chat/completions" ? "Converse" : "InvokeModel",
      timeoutDurationInHours: hours,
      inputDataConfig: { s3InputDataConfig: { s3InputFormat: "JSONL", s3Uri: s3Uri(context, batchKey(context, meta.token, "input.jsonl")) } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: s3Uri(context, batchKey(context, meta.token, "output/")) } }
    }, options);
    return jobArn?.split("/").at(-1) ?? "";
  }
  async #create(params, options) {
    if (typeof params !== "object" || params === null)
      throw BadRequestError.forParam("params", "`batches.create` takes { input_file_id, endpoint, completion_window }.");
    if (!BATCH_ENDPOINTS.includes(params.endpoint))
      throw BadRequestError.forParam("endpoint", `\`endpoint\` must be one of ${BATCH_ENDPOINTS.join(", ")} on Bedrock; got ${JSON.stringify(params.endpoint)}.`);
    const hours = /^(\d+)h$/.exec(String(params.completion_window))?.[1];
    const timeoutHours = hours === void 0 ? NaN : Number(hours);
    if (!(timeoutHours >= 24 && timeoutHours <= 168)) {
      throw BadRequestError.forParam("completion_window", `\`completion_window\` must be "24h" to "168h" (Bedrock's job timeout range); got ${JSON.stringify(params.completion_window)}.`);
    }
    const context = await this._client._batchContext();
    await describeFile(context, params.input_file_id, options);
    const token = randomBytes3(6).toString("hex");
    const converted = await this.#convertInput(context, params, token, options);
    const meta = {
      token,
      endpoint: params.endpoint,
      input_file_id: params.input_file_id,
      completion_window: params.completion_window,
      metadata: params.metadata ?? null,
      model: converted.modelId,
      lines: converted.lines,
      records: converted.records,
      created_at: Math.floor(Date.now() / 1e3)
    };
    const jobId = await this.#startJob(context, meta, options);
    return this.#retrieve(context, `batch_${jobId}`, options);
  }
  /**
   * Streams the input file line by line: each line is checked and converted; the records and per-line contexts are
   * uploaded as they come (multipart), but only once Bedrock's minimum record count is reached, so a small or bad
   * file uploads nothing that stays.
   */
  async #convertInput(context, params, token, options) {
    const body = await readObject(context, keyOf(context, params.input_file_id), `file ${params.input_file_id}`, options);
    let model;
    let facts;
    let lines = 0;
    let records = 0;
    const customIds = /* @__PURE__ */ new Set();
    const client = this._client;
    const convert = async function* () {
      for await (const { text, lineNumber } of readLines(body)) {
        if (text.trim() === "")
          continue;
        const line = parseBatchLine(text, lineNumber);
        if (line.url !== params.endpoint)
          throw lineError(lineNumber, line.custom_id, `\`url\` ${line.url} differs from the batch's endpoint ${params.endpoint}.`, "url");
        if (customIds.has(line.custom_id))
          throw lineError(lineNumber, line.custom_id, "`custom_id` repeats an earlier line; each must be unique.", "custom_id");
        customIds.add(line.custom_id);
        const name = line.body["model"];
        if (typeof name !== "string" || name === "")
          throw lineError(lineNumber, line.custom_id, "`body.model` must be a model name.", "body.model");
        if (model === void 0) {
          const resolved = await client._resolveModel(name);
          model = { modelId: resolved.modelId, entry: resolved.entry, name };
          if (params.endpoint === "/v1/embeddings")
            facts = embeddingFactsOf(resolved.entry, name, resolved.modelId);
        } else if (name !== model.name) {
          throw lineError(lineNumber, line.custom_id, `\`body.model\` is ${JSON.stringify(name)}, but a batch runs one model (${JSON.stringify(model.name)} from the first line).`, "body.model");
        }
        const lineIndex = lines;
        lines += 1;
        if (params.endpoint === "/v1/chat/completions") {
          const { modelInput, context: lineContext } = convertChatLine(line, lineNumber, model);
          records += 1;
          yield { record: `${JSON.stringify({ recordId: recordIdFor(lineIndex, 0), modelInput })}
`, line: `${JSON.stringify({ custom_id: line.custom_id, chat: serializeChatContext(lineContext) })}
` };
        } else {
          const { modelInputs, context: lineContext } = convertEmbeddingLine(line, lineNumber, model, facts);
          let recordText = "";
          for (const [part, modelInput] of modelInputs.entries())
            recordText += `${JSON.stringify({ recordId: recordIdFor(lineIndex, part), modelInput })}
`;
          records += modelInputs.length;
          yield { record: recordText, line: `${JSON.stringify({ custom_id: line.custom_id, embedding: lineContext })}
` };
        }
      }
    };
    await uploadRecords(context, token, convert(), () => ({ lines, records }), options);
    return { modelId: model.modelId, lines, records };
  }
  async #retrieve(context, batchId, options) {
    const jobId = jobIdOf(batchId);
    let job;
    try {
      job = await context.send(BEDROCK_CONTROL, "GetModelInvocationJob", { jobIdentifier: jobId }, options);
    } catch (error) {
      if (error.status === 404)
        throw new NotFoundError(404, `No such batch: ${batchId}.`, { code: "not_found", type: "invalid_request_error", param: "batch_id" });
      throw error;
    }
    const token = TOKEN.exec(job.inputDataConfig?.s3InputDataConfig?.s3Uri ?? "")?.[1];
    if (token === void 0)
      throw new NotFoundError(404, `No such batch: ${batchId} (job ${jobId} was not made by bedrock-openai).`, { code: "not_found", type: "invalid_request_error", param: "batch_id" });
    const meta = await readJson(context, batchKey(context, token, "batch.json"), `batch ${batchId}`, options);
    const status = job.status ?? "Submitted";
    let result;
    if (TERMINAL_JOB_STATUSES.has(status)) {
      const resultKey = batchKey(context, token, "result.json");
      result = await exists(context, resultKey, options) ? await readJson(context, resultKey, "batch result", options) : await finalizeBatch(this._client, context, meta, jobId, status, options);
    }
    return describeBatch(batchId, job, meta, result);
  }
};
function respond2(data) {
  return { data, request_id: null, response: { httpStatusCode: 200, requestId: void 0, attempts: 1, totalRetryDelay: 0 } };
}

// dist/src/chat/stream-internally.js
var STREAM_INTERNALLY_MIN_TOKENS = 21333;
function shouldStreamInternally(requested, explicitMaxTokens) {
  if (requested !== void 0)
    return requested;
  return explicitMaxTokens !== void 0 && explicitMaxTokens >= STREAM_INTERNALLY_MIN_TOKENS;
}
function assembleConverseResponse(events) {
  const blocks = /* @__PURE__ */ new Map();
  const block = (index) => {
    const key = index ?? 0;
    let found = blocks.get(key);
    if (found === void 0) {
      found = {};
      blocks.set(key, found);
    }
    return found;
  };
  const response = { output: void 0, stopReason: void 0, usage: void 0, metrics: void 0 };
  let role = "assistant";
  for (const event of events) {
    if (event.messageStart !== void 0) {
      role = event.messageStart.role === "user" ? "user" : "assistant";
    } else if (event.contentBlockStart !== void 0) {
      const start = event.contentBlockStart.start;
      if (start?.toolUse !== void 0) {
        block(event.contentBlockStart.contentBlockIndex).toolUse = {
          toolUseId: start.toolUse.toolUseId ?? "",
          name: start.toolUse.name ?? "",
          input: ""
        };
      } else if (start !== void 0) {
        throw unplaceable(`a content block start of kind ${Object.keys(start).join(", ")}`);
      }
    } else if (event.contentBlockDelta !== void 0) {
      const delta = event.contentBlockDelta.delta;
      const target = block(event.contentBlockDelta.contentBlockIndex);
      if (delta?.text !== void 0) {
        target.text = (target.text ?? "") + delta.text;
      } else if (delta?.toolUse !== void 0) {
        if (target.toolUse === void 0)
          throw unplaceable("a tool-use delta without its block start");
        target.toolUse.input += delta.toolUse.input ?? "";
      } else if (delta?.reasoningContent !== void 0) {
        const reasoning = delta.reasoningContent;
        if (reasoning.redactedContent !== void 0) {
          (target.redacted ??= []).push(reasoning.redactedContent);
        } else {
          target.reasoning ??= { text: "" };
          if (reasoning.text !== void 0)
            target.reasoning.text += reasoning.text;
          if (reasoning.signature !== void 0)
            target.reasoning.signature = (target.reasoning.signature ?? "") + reasoning.signature;
        }
      } else if (delta?.citation !== void 0) {
        (target.citations ??= []).push(delta.citation);
      } else if (delta !== void 0) {
        throw unplaceable(`a content delta of kind ${Object.keys(delta).join(", ")}`);
      }
    } else if (event.messageStop !== void 0) {
      response.stopReason = event.messageStop.stopReason;
      if (event.messageStop.additionalModelResponseFields !== void 0) {
        response.additionalModelResponseFields = event.messageStop.additionalModelResponseFields;
      }
    } else if (event.metadata !== void 0) {
      const { usage, metrics, trace, performanceConfig, serviceTier } = event.metadata;
      response.usage = usage;
      response.metrics = metrics;
      if (trace !== void 0)
        response.trace = trace;
      if (performanceConfig !== void 0)
        response.performanceConfig = performanceConfig;
      if (serviceTier !== void 0)
        response.serviceTier = serviceTier;
    }
  }
  const content = [];
  for (const index of [...blocks.keys()].sort((left, right) => left - right)) {
    const found = blocks.get(index);
    if (found.reasoning !== void 0) {
      content.push({
        reasoningContent: {
          reasoningText: found.reasoning.signature === void 0 ? { text: found.reasoning.text } : { text: found.reasoning.text, signature: found.reasoning.signature }
        }
      });
    }
    if (found.redacted !== void 0)
      content.push({ reasoningContent: { redactedContent: concatenate(found.redacted) } });
    if (found.citations !== void 0) {
      content.push({ citationsContent: { content: found.text === void 0 ? [] : [{ text: found.text }], citations: found.citations.map(toCitation) } });
    } else if (found.text !== void 0)
      content.push({ text: found.text });
    if (found.toolUse !== void 0) {
      content.push({ toolUse: { toolUseId: found.toolUse.toolUseId, name: found.toolUse.name, input: parseToolInput(found.toolUse.input) } });
    }
  }
  response.output = { message: { role, content } };
  return response;
}
function toCitation(delta) {
  const { sourceContent, ...rest } = delta;
  return { ...rest, ...sourceContent === void 0 ? {} : { sourceContent: sourceContent.map((part) => ({ text: part.text ?? "" })) } };
}
function parseToolInput(json) {
  if (json.trim() === "")
    return {};
  try {
    return JSON.parse(json);
  } catch {
    throw new APIError(422, `The model streamed tool input that is not valid JSON: ${json.slice(0, 200)}`, {
      code: "malformed_tool_use",
      type: "model_error"
    });
  }
}
function concatenate(parts) {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
function unplaceable(what) {
  return new APIError(422, `ConverseStream sent ${what}; the response cannot be assembled.`, { code: "unexpected_stream_event", type: "model_error" });
}

// dist/src/chat/prepare.js
var CHAT_OPTION_KEYS = ["dropUnsupportedParams", "imageFetch"];
async function prepareConverseCall(client, body, given, rename2) {
  const options = readRequestOptions(given, CHAT_OPTION_KEYS);
  const imageFetch = imageFetchSettings(client, options);
  const dropped = [];
  const unsupported = createUnsupportedParamHandler({
    drop: options.dropUnsupportedParams ?? client._settings.dropUnsupportedParams,
    warn: (warning) => dropped.push(warning)
  });
  let plan;
  let model;
  let adapted;
  try {
    plan = convertToConverseRequest(body, { imageFetch: imageFetch !== false, unsupported });
    model = await client._resolveModel(body.model, { baseModel: plan.baseModel });
    adapted = adaptRequestToModel(plan, model, unsupported);
  } catch (error) {
    throw rename2 === void 0 ? error : renameErrorParams(error, rename2);
  }
  if (plan.remoteImages.length > 0 && imageFetch !== false) {
    await fillRemoteImages(plan.remoteImages, { ...imageFetch, signal: options.signal });
  }
  for (const warning of dropped) {
    client._warn(rename2 === void 0 ? warning : { ...warning, param: rename2(warning.param), message: rename2(warning.message) });
  }
  const requestOptions = {
    maxRetries: options.maxRetries,
    timeout: options.timeout,
    streamIdleTimeout: options.streamIdleTimeout,
    signal: options.signal,
    onRetry: options.onRetry,
    headers: options.headers,
    region: model.region,
    // What Bedrock reserves from a tokens-per-minute quota when the request sets no maxTokens.
    outputBudget: model.entry?.maxOutputTokens ?? void 0
  };
  return { plan, model, adapted, input: { modelId: model.modelId, ...adapted.input }, requestOptions };
}
function renameErrorParams(error, rename2) {
  if (!(error instanceof APIError) || typeof error.param !== "string")
    return error;
  const Class = error.constructor;
  return new Class(error.status ?? 400, rename2(error.message), {
    param: rename2(error.param),
    code: error.code,
    type: error.type,
    requestID: error.requestID,
    bedrockErrorName: error.bedrockErrorName,
    headers: error.headers,
    cause: error.cause
  });
}
async function sendOverStream(client, input, requestOptions) {
  const sent = await client._sendStream("ConverseStream", input, (output) => output.stream, requestOptions);
  const events = [];
  let result = sent.first;
  try {
    while (result.done !== true) {
      events.push(result.value);
      result = await sent.rest.next();
    }
  } catch (error) {
    await sent.rest.return?.();
    throw error;
  }
  return { output: assembleConverseResponse(events), requestId: sent.requestId, metadata: sent.metadata, modelId: sent.modelId };
}
function imageFetchSettings(client, options) {
  const base = client._settings.imageFetch;
  const override = options.imageFetch;
  if (override === false)
    return false;
  const defaults = base === false ? DEFAULT_IMAGE_FETCH : base;
  if (override === void 0)
    return base;
  const settings = { maxBytes: override.maxBytes ?? defaults.maxBytes, timeoutMs: override.timeoutMs ?? defaults.timeoutMs };
  if (!Number.isInteger(settings.maxBytes) || settings.maxBytes < 1)
    throw new ConfigurationError("imageFetch.maxBytes", "`imageFetch.maxBytes` must be a whole number of bytes \u2265 1.");
  if (!Number.isFinite(settings.timeoutMs) || settings.timeoutMs <= 0)
    throw new ConfigurationError("imageFetch.timeoutMs", "`imageFetch.timeoutMs` must be a number of milliseconds > 0.");
  return settings;
}
function costFunction(modelId, entry, region) {
  if (entry === void 0)
    return void 0;
  return (counts) => computeCost(modelId, entry, counts, region);
}

// dist/src/chat/stream-chunks.js
var STREAM_EXCEPTIONS = [
  "internalServerException",
  "modelStreamErrorException",
  "validationException",
  "throttlingException",
  "serviceUnavailableException"
];
function createChunkMapper(context) {
  const blocks = /* @__PURE__ */ new Map();
  let nextOrdinal = 0;
  let started = false;
  let stopped = false;
  const jsonTool = context.structuredOutput?.mode.via === "tool" ? context.structuredOutput.mode.toolName : void 0;
  let content = null;
  let heldText = "";
  let jsonSeen = false;
  let pendingFinish;
  const { id, created, model, includeUsage } = context;
  const chunk = (choices, extra) => {
    const made = { id, object: "chat.completion.chunk", created, model, choices };
    if (includeUsage)
      made.usage = null;
    if (extra?.usage !== void 0)
      made.usage = extra.usage;
    if (extra?.bedrock !== void 0)
      made.bedrock = extra.bedrock;
    return made;
  };
  const deltaChunk = (delta) => chunk([{ index: 0, delta, finish_reason: null }]);
  const start = () => {
    if (started)
      return [];
    started = true;
    return [deltaChunk({ role: "assistant" })];
  };
  let contentLength = 0;
  const cited = /* @__PURE__ */ new Map();
  const citedBlock = (index) => {
    let found = cited.get(index);
    if (found === void 0) {
      found = { start: contentLength, end: contentLength, citations: [] };
      cited.set(index, found);
    }
    return found;
  };
  const contentChunk = (text) => {
    if (context.structuredOutput !== void 0)
      content = (content ?? "") + text;
    contentLength += text.length;
    if (started)
      return [deltaChunk({ content: text })];
    return [...start(), deltaChunk({ content: text })];
  };
  const reasoningBlock = (index) => {
    const block = blocks.get(index);
    if (block?.kind === "reasoning")
      return block;
    const created2 = { kind: "reasoning", text: "", signature: void 0, redacted: [] };
    blocks.set(index, created2);
    return created2;
  };
  const map = (event) => {
    if (event.messageStart !== void 0)
      return start();
    if (event.contentBlockStart !== void 0) {
      const index = event.contentBlockStart.contentBlockIndex ?? 0;
      const toolUse = event.contentBlockStart.start?.toolUse;
      if (toolUse === void 0) {
        const start2 = event.contentBlockStart.start;
        if (start2 !== void 0)
          throw unmappedContent(unionKind(start2), context.requestId);
        blocks.set(index, { kind: "other" });
        return [];
      }
      if (jsonTool !== void 0 && toolUse.name === jsonTool) {
        blocks.set(index, { kind: "json", hasInput: false });
        jsonSeen = true;
        return start();
      }
      const ordinal = nextOrdinal++;
      const name = fromBedrockName(context.toolNames, toolUse.name ?? "");
      if (context.legacyFunctions === true && ordinal === 0) {
        blocks.set(index, { kind: "function", hasArguments: false });
        return [...start(), deltaChunk({ function_call: { name, arguments: "" } })];
      }
      const toolIndex = context.legacyFunctions === true ? ordinal - 1 : ordinal;
      blocks.set(index, { kind: "tool", ordinal: toolIndex, hasArguments: false });
      return [
        ...start(),
        deltaChunk({
          tool_calls: [{ index: toolIndex, id: fromBedrockName(context.toolCallIds, toolUse.toolUseId ?? ""), type: "function", function: { name, arguments: "" } }]
        })
      ];
    }
    if (event.contentBlockDelta !== void 0) {
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      const delta = event.contentBlockDelta.delta;
      if (delta?.text !== void 0) {
        if (delta.text === "")
          return [];
        if (jsonTool !== void 0) {
          heldText += delta.text;
          return start();
        }
        const span = citedBlock(index);
        const chunks = contentChunk(delta.text);
        span.end = contentLength;
        return chunks;
      }
      if (delta?.citation !== void 0) {
        if (jsonTool === void 0)
          citedBlock(index).citations.push(delta.citation);
        return start();
      }
      if (delta?.toolUse !== void 0) {
        const block = blocks.get(index);
        if (block?.kind === "json") {
          const fragment2 = delta.toolUse.input ?? "";
          if (fragment2 === "")
            return [];
          block.hasInput = true;
          return contentChunk(fragment2);
        }
        if (block?.kind === "function") {
          const fragment2 = delta.toolUse.input ?? "";
          if (fragment2 === "")
            return [];
          block.hasArguments = true;
          return [deltaChunk({ function_call: { arguments: fragment2 } })];
        }
        if (block?.kind !== "tool") {
          throw new BedrockOpenAIError(`Bedrock sent tool input for content block ${index} before that tool call started.`);
        }
        const fragment = delta.toolUse.input ?? "";
        if (fragment === "")
          return [];
        block.hasArguments = true;
        return [deltaChunk({ tool_calls: [{ index: block.ordinal, function: { arguments: fragment } }] })];
      }
      const reasoning = delta?.reasoningContent;
      if (reasoning !== void 0) {
        const block = reasoningBlock(index);
        if (reasoning.signature !== void 0)
          block.signature = (block.signature ?? "") + reasoning.signature;
        if (reasoning.redactedContent !== void 0)
          block.redacted.push(reasoning.redactedContent);
        if (reasoning.text === void 0 || reasoning.text === "")
          return start();
        block.text += reasoning.text;
        return [...start(), deltaChunk({ reasoning_content: reasoning.text })];
      }
      if (delta !== void 0)
        throw unmappedContent(unionKind(delta), context.requestId);
      return [];
    }
    if (event.contentBlockStop !== void 0) {
      const span = cited.get(event.contentBlockStop.contentBlockIndex ?? 0);
      if (span !== void 0 && span.citations.length > 0) {
        const annotations = span.citations.map((citation) => toAnnotation(citation, span.start, span.end));
        span.citations = [];
        return [deltaChunk({ annotations })];
      }
      const block = blocks.get(event.contentBlockStop.contentBlockIndex ?? 0);
      if (block?.kind === "tool" && !block.hasArguments) {
        block.hasArguments = true;
        return [deltaChunk({ tool_calls: [{ index: block.ordinal, function: { arguments: "{}" } }] })];
      }
      if (block?.kind === "function" && !block.hasArguments) {
        block.hasArguments = true;
        return [deltaChunk({ function_call: { arguments: "{}" } })];
      }
      if (block?.kind === "json" && !block.hasInput) {
        block.hasInput = true;
        return contentChunk("{}");
      }
      if (block?.kind === "reasoning") {
        const detail = block.redacted.length > 0 ? toReasoningDetail({ redactedContent: Buffer.concat(block.redacted) }) : toReasoningDetail({ reasoningText: block.signature === void 0 ? { text: block.text } : { text: block.text, signature: block.signature } });
        return detail === void 0 ? [] : [deltaChunk({ reasoning_details: [detail] })];
      }
      return [];
    }
    if (event.messageStop !== void 0) {
      const stopReason = event.messageStop.stopReason;
      const finishReason = mapLegacyStop(mapJsonToolStop(toFinishReason(stopReason, context.requestId), context.structuredOutput), context.legacyFunctions);
      stopped = true;
      const chunks = start();
      if (jsonTool !== void 0 && !jsonSeen && heldText !== "")
        chunks.push(...contentChunk(heldText));
      if (context.structuredOutput !== void 0)
        checkJsonOutput(content, finishReason, context.requestId);
      const bedrock = { stop_reason: stopReason };
      if (event.messageStop.additionalModelResponseFields !== void 0)
        bedrock.additional_model_response_fields = event.messageStop.additionalModelResponseFields;
      pendingFinish = chunk([{ index: 0, delta: {}, finish_reason: finishReason }], { bedrock });
      return chunks;
    }
    if (event.metadata !== void 0) {
      const chunks = takeFinish();
      const bedrock = chunks[0]?.bedrock;
      if (bedrock !== void 0) {
        const { metadata } = event;
        if (metadata.serviceTier?.type !== void 0)
          bedrock.service_tier = metadata.serviceTier.type;
        if (metadata.metrics?.latencyMs !== void 0)
          bedrock.latency_ms = metadata.metrics.latencyMs;
        if (metadata.trace !== void 0)
          bedrock.trace = metadata.trace;
        if (metadata.performanceConfig?.latency !== void 0)
          bedrock.performance_config = { latency: metadata.performanceConfig.latency };
        const cacheDetails = convertCacheDetails(metadata.usage);
        if (cacheDetails !== void 0)
          bedrock.cache_details = cacheDetails;
      }
      if (context.includeUsage)
        chunks.push(chunk([], { usage: convertUsage(event.metadata.usage, context.cost) }));
      return chunks;
    }
    for (const name of STREAM_EXCEPTIONS) {
      const exception = event[name];
      if (exception !== void 0) {
        throw fromAwsError({ name: name.charAt(0).toUpperCase() + name.slice(1), message: exception.message, $fault: "server" });
      }
    }
    return [];
  };
  const takeFinish = () => {
    const finish = pendingFinish;
    pendingFinish = void 0;
    return finish === void 0 ? [] : [finish];
  };
  const end = () => {
    if (!stopped)
      throw new APIConnectionError({ message: "The Bedrock stream ended before the message was complete (no messageStop event)." });
    return takeFinish();
  };
  return { map, end };
}

// dist/src/chat/completions.js
var Completions = class extends APIResource {
  create(body, options = {}) {
    return APIPromise.from(() => this.#create(body, options));
  }
  async #create(body, options) {
    const client = this._client;
    const { plan, model, adapted, input, requestOptions } = await prepareConverseCall(client, body, options);
    const created = Math.floor(Date.now() / 1e3);
    if (!plan.stream) {
      const streamInternally = shouldStreamInternally(plan.streamInternally, plan.input.inferenceConfig?.maxTokens);
      const { output, requestId, metadata, modelId } = streamInternally ? await sendOverStream(client, input, requestOptions) : await client._send("Converse", input, requestOptions);
      const completion = convertFromConverseResponse(output, {
        id: createCompletionId(requestId),
        // The ID actually called: the client may have retried a base ID with its inference profile.
        model: modelId,
        created,
        toolNames: plan.toolNames,
        toolCallIds: plan.toolCallIds,
        requestId,
        cost: costFunction(modelId, model.entry, model.region),
        structuredOutput: adapted.structuredOutput,
        legacyFunctions: plan.legacyFunctions
      });
      return { data: completion, request_id: requestId, response: metadata };
    }
    const sent = await client._sendStream("ConverseStream", input, (output) => output.stream, requestOptions);
    const mapper = createChunkMapper({
      id: createCompletionId(sent.requestId),
      model: sent.modelId,
      created,
      toolNames: plan.toolNames,
      toolCallIds: plan.toolCallIds,
      includeUsage: plan.includeUsage,
      requestId: sent.requestId,
      cost: costFunction(sent.modelId, model.entry, model.region),
      structuredOutput: adapted.structuredOutput,
      legacyFunctions: plan.legacyFunctions
    });
    const stream = new Stream(() => mapEvents(sent.first, sent.rest, mapper, sent.controller.signal), sent.controller);
    return { data: stream, request_id: sent.requestId, response: sent.metadata };
  }
};
function mapEvents(first2, rest, mapper, signal) {
  let pending = first2;
  let items = [];
  let position = 0;
  let finished = false;
  let closed = false;
  const close = async () => {
    if (closed)
      return;
    closed = true;
    items = [];
    if (!finished)
      await rest.return?.();
  };
  const advance = async () => {
    try {
      for (; ; ) {
        if (closed || finished && position >= items.length) {
          closed = true;
          return { done: true, value: void 0 };
        }
        const result = pending ?? await rest.next();
        pending = void 0;
        if (signal.aborted)
          throw new APIUserAbortError();
        position = 0;
        if (result.done === true) {
          finished = true;
          items = mapper.end();
        } else {
          items = mapper.map(result.value);
        }
        if (position < items.length)
          return { done: false, value: items[position++] };
      }
    } catch (error) {
      await close();
      throw error;
    }
  };
  return {
    next() {
      if (position < items.length) {
        if (signal.aborted)
          return close().then(() => Promise.reject(new APIUserAbortError()));
        return Promise.resolve({ done: false, value: items[position++] });
      }
      return advance();
    },
    async return() {
      await close();
      return { done: true, value: void 0 };
    },
    [Symbol.asyncIterator]() {
      return this;
    }
  };
}

// dist/src/chat/chat.js
var Chat = class extends APIResource {
  completions;
  constructor(client) {
    super(client);
    this.completions = new Completions(client);
  }
};

// dist/src/limits/adapt.js
var BETA = 0.95;
var CUBIC_RECOVERY_SECONDS = 4;
var CUBIC_C = (1 - BETA) / CUBIC_RECOVERY_SECONDS ** 3;
var MIN_RATE = 1 / 60;
function unknownDimension(declared = Number.POSITIVE_INFINITY) {
  return { declared, throttledAt: Number.POSITIVE_INFINITY, since: 0 };
}
function rateOf(dimension, now) {
  if (!Number.isFinite(dimension.throttledAt))
    return dimension.declared;
  const seconds2 = Math.max(0, now - dimension.since) / 1e3 - CUBIC_RECOVERY_SECONDS;
  const rate = dimension.throttledAt * (1 + CUBIC_C * seconds2 ** 3);
  return Math.min(dimension.declared, Math.max(MIN_RATE, rate));
}
function afterThrottle(dimension, measured, now, trusted = true) {
  const current = rateOf(dimension, now);
  const learning = !Number.isFinite(current) || dimension.provisional === true;
  if (!learning)
    return { declared: dimension.declared, throttledAt: Math.max(MIN_RATE, current), since: now };
  const usable = measured !== void 0 && Number.isFinite(measured) && measured > 0 ? measured : void 0;
  if (usable === void 0)
    return Number.isFinite(current) ? { ...dimension, throttledAt: current, since: now } : dimension;
  return { declared: dimension.declared, throttledAt: Math.max(MIN_RATE, usable), since: now, ...trusted ? {} : { provisional: true } };
}
var INITIAL_WINDOW = 4;
var MIN_MEASURED = 16;
var MIN_MEASURE_MS = 20;
var MIN_MEASURED_RESERVATIONS = 10;
function trustworthy(measure, kind, reserved) {
  if (measure.samples < MIN_MEASURED || measure.ms < MIN_MEASURE_MS)
    return false;
  return kind === "requests" || measure.netTokens >= MIN_MEASURED_RESERVATIONS * reserved;
}
function nextWindow(window, event) {
  if (event.type === "success")
    return window < event.threshold ? window + 1 : window + 1 / window;
  if (event.measured)
    return Number.POSITIVE_INFINITY;
  return Math.max(1, Math.floor(Math.min(window, event.inFlight + 1) / 2));
}
var LOG_SIZE = 4096;
var AttemptLog = class {
  #times = new Float64Array(LOG_SIZE);
  #tokens = new Float64Array(LOG_SIZE);
  #requests = new Uint8Array(LOG_SIZE);
  #next = 0;
  #size = 0;
  record(time, requests, tokens) {
    this.#times[this.#next] = time;
    this.#requests[this.#next] = requests;
    this.#tokens[this.#next] = tokens;
    this.#next = (this.#next + 1) % LOG_SIZE;
    this.#size = Math.min(LOG_SIZE, this.#size + 1);
  }
  /** The time of the oldest entry kept when the log is full (`-Infinity` while it has never overflowed). */
  get horizon() {
    return this.#size < LOG_SIZE ? Number.NEGATIVE_INFINITY : this.#times[this.#next];
  }
  /** Requests and tokens of the entries with `from ≤ time ≤ to`. */
  sum(from, to) {
    let requests = 0;
    let tokens = 0;
    for (let index = 0; index < this.#size; index += 1) {
      const time = this.#times[index];
      if (time < from || time > to)
        continue;
      requests += this.#requests[index];
      tokens += this.#tokens[index];
    }
    return { requests, tokens };
  }
};
function measureAdmitted(logs, from, to) {
  const start = Math.max(from, logs.sent.horizon);
  const ms = to - start;
  if (!(ms > 0))
    return { requests: 0, tokens: 0, samples: 0, netTokens: 0, ms: 0 };
  const sent = logs.sent.sum(start, to);
  const refused = logs.refused.sum(start, to);
  const refunds = logs.refunds.sum(start, to);
  const samples = Math.max(0, sent.requests - refused.requests);
  const tokens = Math.max(0, sent.tokens - refused.tokens - refunds.tokens);
  return { requests: samples * 1e3 / ms, tokens: tokens * 1e3 / ms, samples, netTokens: tokens, ms };
}

// dist/src/limits/limiter.js
var Bucket = class {
  level;
  at;
  constructor(now) {
    this.level = Number.POSITIVE_INFINITY;
    this.at = now;
  }
  refill(now, perSecond, capacity) {
    if (!Number.isFinite(perSecond)) {
      this.level = Number.POSITIVE_INFINITY;
    } else {
      if (!Number.isFinite(this.level))
        this.level = capacity;
      this.level = Math.min(capacity, this.level + Math.max(0, now - this.at) * perSecond / 1e3);
    }
    this.at = now;
  }
};
var BURST_SECONDS = { requests: { declared: 0.5, learned: 0.1 }, tokens: { declared: 1, learned: 1 } };
function budgetOf(dimension, now, kind) {
  const rate = rateOf(dimension, now);
  if (!Number.isFinite(rate))
    return { perSecond: rate, capacity: rate };
  const burst = BURST_SECONDS[kind];
  if (rate >= dimension.declared) {
    const perSecond = dimension.declared;
    return { perSecond: perSecond * 59 / 60, capacity: Math.max(1, perSecond * burst.declared) };
  }
  return { perSecond: rate, capacity: Math.max(1, rate * burst.learned) };
}
var ModelLimiter = class {
  model;
  region;
  declared;
  #now;
  #onEvent;
  #requests;
  #tokens;
  #window;
  /** The window after the last halving: below it the window doubles per round trip, above it it grows by one. */
  #threshold = Number.POSITIVE_INFINITY;
  /** Bumped on every decrease, per kind: a throttle of an attempt sent before it does not decrease again. */
  #epochs = { requests: 0, tokens: 0 };
  #requestBucket;
  #tokenBucket;
  /** Attempts sent (admitted or not) and refused (throttled or unanswered), at their send time; refunds when settled. */
  #logs = { sent: new AttemptLog(), refused: new AttemptLog(), refunds: new AttemptLog() };
  /** The send time of the first throttled attempt of each kind (where the measure of a quota being learned starts). */
  #episodes = { requests: void 0, tokens: void 0 };
  #queue = [];
  #head = 0;
  #inFlight = 0;
  #admitted = 0;
  #throttled = 0;
  #timer;
  constructor(options) {
    this.model = options.model;
    this.region = options.region;
    this.declared = { ...options.declared };
    this.#now = options.now ?? (() => performance.now());
    this.#onEvent = options.onEvent;
    const perSecond = (perMinute) => perMinute === void 0 ? Number.POSITIVE_INFINITY : perMinute / 60;
    this.#requests = unknownDimension(perSecond(this.declared.requestsPerMinute));
    this.#tokens = unknownDimension(perSecond(this.declared.tokensPerMinute));
    const declared = this.declared.requestsPerMinute !== void 0 || this.declared.tokensPerMinute !== void 0;
    this.#window = declared ? Number.POSITIVE_INFINITY : INITIAL_WINDOW;
    const now = this.#now();
    this.#requestBucket = new Bucket(now);
    this.#tokenBucket = new Bucket(now);
  }
  get queued() {
    return this.#queue.length - this.#head;
  }
  get inFlight() {
    return this.#inFlight;
  }
  state() {
    const now = this.#now();
    const perMinute = (dimension) => {
      const rate = rateOf(dimension, now);
      return Number.isFinite(rate) ? Math.round(rate * 60 * 100) / 100 : null;
    };
    return {
      model: this.model,
      region: this.region,
      inFlight: this.#inFlight,
      queued: this.queued,
      requestsPerMinute: perMinute(this.#requests),
      tokensPerMinute: perMinute(this.#tokens),
      declared: { ...this.declared },
      window: Number.isFinite(this.#window) ? Math.floor(this.#window) : null,
      admitted: this.#admitted,
      throttled: this.#throttled
    };
  }
  /** Waits for a permit. Synchronous (no promise) when the queue is empty and the budget allows. */
  acquire(options) {
    const signal = options.signal;
    if (signal?.aborted === true)
      return Promise.reject(options.abortError());
    const now = this.#now();
    if (this.queued === 0 && this.#canSend(options.tokens, now)) {
      return this.#grant(options.tokens, now, now);
    }
    return new Promise((resolve2, reject) => {
      let timer;
      const leave = (error) => {
        const index = this.#queue.indexOf(waiter, this.#head);
        if (index === -1)
          return;
        this.#queue.splice(index, 1);
        waiter.detach();
        reject(error);
        this.#pump();
      };
      const onAbort = () => leave(options.abortError());
      const waiter = {
        tokens: options.tokens,
        enqueuedAt: now,
        grant: resolve2,
        detach: () => {
          signal?.removeEventListener("abort", onAbort);
          if (timer !== void 0)
            clearTimeout(timer);
        }
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const deadline = options.deadline;
      if (deadline !== void 0 && Number.isFinite(deadline.ms))
        timer = setTimeout(() => leave(deadline.error()), deadline.ms);
      this.#queue.push(waiter);
      this.#pump();
    });
  }
  #refill(now) {
    const requests = budgetOf(this.#requests, now, "requests");
    const tokens = budgetOf(this.#tokens, now, "tokens");
    this.#requestBucket.refill(now, requests.perSecond, requests.capacity);
    this.#tokenBucket.refill(now, tokens.perSecond, tokens.capacity);
  }
  #canSend(tokens, now) {
    if (this.#inFlight >= this.#window)
      return false;
    this.#refill(now);
    if (this.#requestBucket.level < 1)
      return false;
    const tokenBudget = budgetOf(this.#tokens, now, "tokens");
    return this.#tokenBucket.level >= tokens || this.#tokenBucket.level >= tokenBudget.capacity;
  }
  /** Milliseconds until the buckets hold what `tokens` needs (0 if now; `Infinity` if only a release helps). */
  #waitMs(tokens, now) {
    if (this.#inFlight >= this.#window)
      return Number.POSITIVE_INFINITY;
    const requests = budgetOf(this.#requests, now, "requests");
    const tokenBudget = budgetOf(this.#tokens, now, "tokens");
    const needRequests = Math.max(0, 1 - this.#requestBucket.level);
    const needTokens = Math.max(0, Math.min(tokens, tokenBudget.capacity) - this.#tokenBucket.level);
    const ms = (need, perSecond) => need === 0 ? 0 : need * 1e3 / perSecond;
    return Math.max(ms(needRequests, requests.perSecond), ms(needTokens, tokenBudget.perSecond));
  }
  #pump() {
    if (this.#timer !== void 0) {
      clearTimeout(this.#timer);
      this.#timer = void 0;
    }
    while (this.#head < this.#queue.length) {
      const waiter = this.#queue[this.#head];
      const now = this.#now();
      if (!this.#canSend(waiter.tokens, now)) {
        const wait = this.#waitMs(waiter.tokens, now);
        if (Number.isFinite(wait))
          this.#timer = setTimeout(() => this.#pump(), Math.max(1, Math.ceil(wait)));
        return;
      }
      this.#head += 1;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue.splice(0, this.#head);
        this.#head = 0;
      }
      waiter.detach();
      waiter.grant(this.#grant(waiter.tokens, waiter.enqueuedAt, now));
    }
  }
  #grant(tokens, enqueuedAt, now) {
    this.#logs.sent.record(now, 1, tokens);
    this.#requestBucket.level -= 1;
    this.#tokenBucket.level -= tokens;
    this.#inFlight += 1;
    const epochs = { ...this.#epochs };
    const queuedMs = now - enqueuedAt;
    let finished = false;
    const permit = {
      queuedMs,
      finish: (outcome, actualTokens) => {
        if (finished)
          return;
        finished = true;
        this.#finish(outcome, tokens, actualTokens, epochs, now);
      }
    };
    if (this.#onEvent !== void 0)
      this.#onEvent({ type: "granted", queuedMs, state: this.state() });
    return permit;
  }
  /**
   * A throttle of `kind` of an attempt sent at `sentAt` (see adapt.ts). The first of its wave (`decrease`: the
   * attempt was sent after the last decrease) lowers the rate: while the quota is being learned, to what Bedrock was
   * measured admitting since the first throttle of this kind (provisionally while that rests on too little), halving
   * the requests in flight until a trusted rate is known; once known, by a step of BETA.
   */
  #onThrottle(kind, sentAt, reserved, now, decrease) {
    const start = this.#episodes[kind];
    const fresh = start === void 0;
    if (fresh)
      this.#episodes[kind] = sentAt;
    if (!decrease)
      return;
    const current = kind === "tokens" ? this.#tokens : this.#requests;
    this.#epochs[kind] += 1;
    let measured;
    let trusted = false;
    if (!fresh) {
      const admitted = measureAdmitted(this.#logs, start, sentAt);
      trusted = trustworthy(admitted, kind, reserved);
      if (admitted.samples > 0)
        measured = kind === "tokens" ? admitted.tokens : admitted.requests;
    }
    const dimension = afterThrottle(current, measured, now, trusted);
    if (kind === "tokens")
      this.#tokens = dimension;
    else
      this.#requests = dimension;
    const limited = Number.isFinite(rateOf(dimension, now));
    if (limited) {
      const bucket = kind === "tokens" ? this.#tokenBucket : this.#requestBucket;
      bucket.level = Math.min(bucket.level, 0);
    }
    const known = limited && dimension.provisional !== true;
    this.#window = nextWindow(this.#window, { type: "throttle", measured: known, inFlight: this.#inFlight });
    this.#threshold = this.#window;
  }
  /** Returns tokens Bedrock did not keep (a refund at settlement, or a reservation it never took) to the bucket. */
  #giveBackTokens(tokens, now) {
    this.#tokenBucket.level = Math.min(budgetOf(this.#tokens, now, "tokens").capacity, this.#tokenBucket.level + tokens);
  }
  #finish(outcome, reserved, actual, epochs, sentAt) {
    this.#inFlight -= 1;
    const now = this.#now();
    this.#refill(now);
    if (outcome === "admitted") {
      this.#admitted += 1;
      const refund = actual === void 0 ? 0 : reserved - actual;
      if (refund !== 0) {
        this.#logs.refunds.record(now, 0, refund);
        this.#giveBackTokens(refund, now);
      }
      if (Number.isFinite(this.#window))
        this.#window = nextWindow(this.#window, { type: "success", threshold: this.#threshold });
    } else if (outcome === "throttled-requests" || outcome === "throttled-tokens") {
      this.#throttled += 1;
      this.#logs.refused.record(sentAt, 1, reserved);
      this.#giveBackTokens(reserved, now);
      const kind = outcome === "throttled-tokens" ? "tokens" : "requests";
      this.#onThrottle(kind, sentAt, reserved, now, epochs[kind] === this.#epochs[kind]);
      if (this.#onEvent !== void 0)
        this.#onEvent({ type: "throttled", kind, state: this.state() });
    } else {
      this.#logs.refused.record(sentAt, 1, reserved);
      this.#giveBackTokens(reserved, now);
    }
    this.#pump();
  }
};

// dist/src/limits/limits.js
var QUOTA_FIELDS = ["requestsPerMinute", "tokensPerMinute"];
function validateDeclaredQuotas(value, file) {
  const where = file === void 0 ? "" : ` in ${file}`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigurationError("quotas", `\`quotas\`${where} must be an object mapping models to { "requestsPerMinute", "tokensPerMinute" }.`, file);
  }
  const quotas = {};
  for (const [model, quota] of Object.entries(value)) {
    const param = `quotas.${model}`;
    if (model.trim() === "")
      throw new ConfigurationError("quotas", `\`quotas\`${where} has an empty model name.`, file);
    if (typeof quota !== "object" || quota === null || Array.isArray(quota)) {
      throw new ConfigurationError(param, `\`${param}\`${where} must be an object such as { "requestsPerMinute": 500, "tokensPerMinute": 200000 }.`, file);
    }
    const clean = {};
    for (const [key, amount] of Object.entries(quota)) {
      if (!QUOTA_FIELDS.includes(key)) {
        throw new ConfigurationError(`${param}.${key}`, `\`${param}.${key}\`${where} is not a quota; use ${QUOTA_FIELDS.join(" or ")}.`, file);
      }
      if (typeof amount !== "number" || !Number.isFinite(amount) || amount <= 0) {
        throw new ConfigurationError(`${param}.${key}`, `\`${param}.${key}\`${where} must be a number > 0 (per minute); got ${JSON.stringify(amount)}.`, file);
      }
      clean[key] = amount;
    }
    if (Object.keys(clean).length === 0) {
      throw new ConfigurationError(param, `\`${param}\`${where} declares neither requestsPerMinute nor tokensPerMinute.`, file);
    }
    quotas[model] = clean;
  }
  return quotas;
}
var Limits = class {
  #limiters = /* @__PURE__ */ new Map();
  #options;
  constructor(options) {
    this.#options = options;
  }
  /** The limiter of a model ID in a Region. */
  for(modelId, region) {
    const key = `${region}\0${modelId}`;
    let limiter = this.#limiters.get(key);
    if (limiter === void 0) {
      limiter = new ModelLimiter({
        model: modelId,
        region,
        declared: this.#options.declaredFor(modelId, region),
        onEvent: this.#options.onEvent,
        now: this.#options.now
      });
      this.#limiters.set(key, limiter);
    }
    return limiter;
  }
  states() {
    return [...this.#limiters.values()].map((limiter) => limiter.state());
  }
  /** One line per limiter for `client.describe()`: in flight, queued, rates (declared or learned), throttles. */
  describe() {
    const perMinute = (rate, declared, unit) => rate === null ? `${unit}/min unknown` : `${Math.round(rate)} ${unit}/min (${declared !== void 0 && rate >= declared ? "declared" : "learned"})`;
    return this.states().map((state) => `${state.model} in ${state.region}: ${state.inFlight} in flight, ${state.queued} queued, ${perMinute(state.requestsPerMinute, state.declared.requestsPerMinute, "requests")}, ${perMinute(state.tokensPerMinute, state.declared.tokensPerMinute, "tokens")}, ${state.throttled} throttled of ${state.admitted + state.throttled}`);
  }
};

// dist/src/models/resolve.js
var BEDROCK_PREFIX = "bedrock/";
var MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
var CONTEXT_VARIANT_SUFFIX = /:\d+k$/;
var ENTRY_BY_NAME = new Map(CATALOG_ENTRIES.flatMap((entry) => [entry.alias, ...entry.aliases].map((name) => [name, entry])));
var ENTRY_BY_ID = new Map(CATALOG_ENTRIES.map((entry) => [entry.id, entry]));
function findEntryByModelId(baseModelId) {
  return ENTRY_BY_ID.get(baseModelId) ?? ENTRY_BY_ID.get(baseModelId.replace(CONTEXT_VARIANT_SUFFIX, ""));
}
function findCatalogEntry(name) {
  const stripped = stripBedrockPrefix(name);
  return ENTRY_BY_NAME.get(stripped) ?? findEntryByModelId(splitProfilePrefix(stripped).baseModelId);
}
function isOnDemandIn(entry, region) {
  const regions = entry.onDemandRegions;
  if (regions === "all")
    return true;
  if (regions === "none")
    return false;
  return regions.includes(region);
}
function pickProfile(entry, region, preferGlobal) {
  const globalAllowed = !isGovCloudRegion(region) && entry.profiles.includes("global");
  if (preferGlobal && globalAllowed)
    return "global";
  for (const geography of geographiesForRegion(region)) {
    if (entry.profiles.includes(geography))
      return geography;
  }
  return globalAllowed ? "global" : void 0;
}
function modelIdForRegion(entry, region, mode = "auto") {
  if (mode === "off")
    return { modelId: entry.id, profile: void 0 };
  let profile;
  if (mode === "global" && entry.profiles.includes("global") && !isGovCloudRegion(region))
    profile = "global";
  else if (!isOnDemandIn(entry, region))
    profile = pickProfile(entry, region, false);
  return profile === void 0 ? { modelId: entry.id, profile } : { modelId: `${profile}.${entry.id}`, profile };
}
function resolveModel(name, options) {
  return checkModelIdConforms(resolveUnchecked(name, options), name);
}
function checkModelIdConforms(resolved, name) {
  const { modelId } = resolved;
  if (conformsTo("ConversationalModelId", modelId) && conformsTo("InvokeModelIdentifier", modelId))
    return resolved;
  const target = modelId === name ? `model "${name}"` : `model "${name}" (called as "${modelId}")`;
  throw BadRequestError.forParam("model", `${target} does not match the model ID pattern of Bedrock's service model, so Bedrock would refuse it: give a model alias, a Bedrock model ID (e.g. "anthropic.claude-sonnet-4-5-20250929-v1:0"), an inference profile ID (e.g. "us.anthropic.claude-sonnet-4-5-20250929-v1:0") or a Bedrock ARN (foundation-model ARNs take base model IDs; inference-profile ARNs take profile IDs).`);
}
function resolveUnchecked(name, options) {
  if (typeof name !== "string" || name.length === 0) {
    throw BadRequestError.forParam("model", 'model is required: give a model alias (e.g. "claude-sonnet-4-5"), a Bedrock model ID, an inference profile ID or an ARN.');
  }
  const mode = options.crossRegion ?? "auto";
  const aliases = options.aliases ?? {};
  const stripped = stripBedrockPrefix(name);
  const aliasKey = ownKey(aliases, name) ?? ownKey(aliases, stripped);
  if (aliasKey !== void 0) {
    const target = aliases[aliasKey];
    const targetId = typeof target === "string" ? target : target?.id;
    if (typeof targetId !== "string" || targetId === "") {
      throw BadRequestError.forParam(`aliases.${aliasKey}`, `The alias "${aliasKey}" must map to a model alias, model ID or ARN, or to { id, baseModel }.`);
    }
    const targetBaseModel = typeof target === "string" ? void 0 : target.baseModel;
    const resolved2 = resolveName(stripBedrockPrefix(targetId), options.region, mode, () => notFound(name, `the alias "${aliasKey}" maps to "${targetId}", which is not a known alias, model ID or ARN`, aliases));
    let entry = resolved2.entry;
    if (entry === void 0 && targetBaseModel !== void 0)
      entry = entryForBaseModel(targetBaseModel, `aliases.${aliasKey}.baseModel`);
    if (entry === void 0 && options.baseModel !== void 0)
      entry = entryForBaseModel(options.baseModel, "bedrock.baseModel");
    return { ...resolved2, entry, via: "user-alias" };
  }
  const resolved = resolveName(stripped, options.region, mode, () => notFound(name, void 0, aliases));
  if (resolved.entry === void 0 && options.baseModel !== void 0) {
    return { ...resolved, entry: entryForBaseModel(options.baseModel, "bedrock.baseModel") };
  }
  return resolved;
}
function resolveName(name, region, mode, onUnknown) {
  const byAlias = ENTRY_BY_NAME.get(name);
  if (byAlias !== void 0) {
    const { modelId, profile } = modelIdForRegion(byAlias, region, mode);
    return { modelId, entry: byAlias, via: "alias", region, profile, profileAdded: profile !== void 0 };
  }
  if (name.startsWith("arn:"))
    return resolveArn(name, region);
  if (name.includes(".")) {
    if (name.length > 2048 || !MODEL_ID_PATTERN.test(name)) {
      throw BadRequestError.forParam("model", `model "${name}" is not a valid Bedrock model ID: IDs use letters, digits, ".", "-", "_" and ":" (e.g. "anthropic.claude-sonnet-4-5-20250929-v1:0").`);
    }
    const { prefix, baseModelId } = splitProfilePrefix(name);
    const entry = findEntryByModelId(baseModelId);
    return { modelId: name, entry, via: prefix === void 0 ? "model-id" : "profile-id", region, profile: prefix, profileAdded: false };
  }
  return onUnknown();
}
function resolveArn(arn, region) {
  const parsed = parseBedrockArn(arn);
  if (parsed === void 0) {
    throw BadRequestError.forParam("model", `model "${arn}" is not a well-formed ARN: expected arn:<partition>:bedrock:<region>:<account>:<resource-type>/<id>.`);
  }
  let entry;
  let profile;
  if (parsed.resourceType === "foundation-model") {
    entry = findEntryByModelId(parsed.resourceId);
  } else if (parsed.resourceType === "inference-profile") {
    const split = splitProfilePrefix(parsed.resourceId);
    profile = split.prefix;
    entry = findEntryByModelId(split.baseModelId);
  }
  return {
    modelId: arn,
    entry,
    via: "arn",
    region: parsed.region === "" ? region : parsed.region,
    profile,
    profileAdded: false,
    arn: parsed
  };
}
function entryForBaseModel(baseModel, param) {
  const stripped = stripBedrockPrefix(baseModel);
  const entry = findCatalogEntry(stripped);
  if (entry !== void 0 || stripped.includes("."))
    return entry;
  const suggestions = closestMatches(stripped, ENTRY_BY_NAME.keys());
  throw new NotFoundError(404, `${param} "${baseModel}" is not a known model alias${didYouMean(suggestions)}`, {
    code: "model_not_found",
    param,
    type: "invalid_request_error"
  });
}
function notFound(name, detail, aliases) {
  const candidates = [...ENTRY_BY_NAME.keys(), ...Object.keys(aliases)];
  const suggestions = closestMatches(stripBedrockPrefix(name), candidates);
  const reason = detail ?? `"${name}" is not a known model alias`;
  throw new NotFoundError(404, `Model not found: ${reason}${didYouMean(suggestions)} To call a model the catalog does not list, pass its Bedrock model ID (e.g. "anthropic.claude-sonnet-4-5-20250929-v1:0"), an inference profile ID or an ARN.`, { code: "model_not_found", param: "model", type: "invalid_request_error" });
}
function didYouMean(suggestions) {
  return suggestions.length === 0 ? "." : `. Did you mean ${suggestions.map((item) => `"${item}"`).join(", ")}?`;
}
function stripBedrockPrefix(name) {
  return name.startsWith(BEDROCK_PREFIX) ? name.slice(BEDROCK_PREFIX.length) : name;
}
function ownKey(record, key) {
  return Object.prototype.hasOwnProperty.call(record, key) ? key : void 0;
}
var ON_DEMAND_MESSAGE = /on-demand throughput isn.?t supported/i;
function isOnDemandThroughputError(error) {
  if (typeof error !== "object" || error === null)
    return false;
  const candidate = error;
  const exceptionName = typeof candidate.bedrockErrorName === "string" ? candidate.bedrockErrorName : candidate.name;
  if (exceptionName !== "ValidationException")
    return false;
  return typeof candidate.message === "string" && ON_DEMAND_MESSAGE.test(candidate.message);
}
function profileFallbackFor(modelId, region, crossRegion = "auto") {
  if (crossRegion === "off" || modelId.startsWith("arn:"))
    return void 0;
  const { prefix, baseModelId } = splitProfilePrefix(modelId);
  if (prefix !== void 0)
    return void 0;
  const entry = findEntryByModelId(baseModelId);
  const profile = entry === void 0 ? geographiesForRegion(region)[0] : pickProfile(entry, region, crossRegion === "global");
  return profile === void 0 ? void 0 : `${profile}.${modelId}`;
}

// dist/src/models/models.js
var Models = class {
  #context;
  /**
   * @param context the client's settings, or a function resolving them (the client reads its Region lazily, as the
   *   shared config file may supply it).
   */
  constructor(context) {
    this.#context = typeof context === "function" ? context : async () => context;
  }
  /**
   * Every catalog model, with the ID this client would call for it in its Region. Await the result for the page,
   * or iterate it directly: `for await (const model of client.models.list())`.
   */
  list(options) {
    const page = (async () => {
      readLocalOptions(options, "models.list()", "reads the local catalog");
      const { region, crossRegion } = await this.#context();
      const data = CATALOG_ENTRIES.map((entry) => {
        const { modelId, profile } = modelIdForRegion(entry, region, crossRegion);
        return describeModel2(entry, modelId, profile, region);
      });
      return createModelsPage(data);
    })();
    return Object.defineProperty(page, Symbol.asyncIterator, {
      enumerable: false,
      value: async function* iterate() {
        yield* (await page).data;
      }
    });
  }
  /**
   * One model, by alias (catalog or user), model ID, profile ID or ARN with a known base model.
   * @throws {NotFoundError} when the name is unknown or the catalog has no entry for it.
   */
  async retrieve(name, options) {
    readLocalOptions(options, "models.retrieve()", "reads the local catalog");
    const resolved = resolveModel(name, await this.#context());
    if (resolved.entry === void 0) {
      throw new NotFoundError(404, `The model catalog has no entry for "${name}". It can still be called by that ID, but its capabilities and prices are unknown.`, { code: "model_not_found", param: "model", type: "invalid_request_error" });
    }
    return describeModel2(resolved.entry, resolved.modelId, resolved.profile, resolved.region);
  }
};
function createModelsPage(data) {
  const page = { object: "list", data };
  const methods = {
    async *[Symbol.asyncIterator]() {
      yield* page.data;
    },
    getPaginatedItems: () => page.data,
    hasNextPage: () => false,
    getNextPage: () => Promise.reject(new BedrockOpenAIError("No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.")),
    async *iterPages() {
      yield page;
    }
  };
  for (const key of Reflect.ownKeys(methods)) {
    Object.defineProperty(page, key, { enumerable: false, value: methods[key] });
  }
  return page;
}
function describeModel2(entry, modelId, profile, region) {
  const prices = pricesFor(modelId, entry, region);
  return {
    id: modelId,
    object: "model",
    created: entry.releaseDate === void 0 ? 0 : Math.floor(Date.parse(`${entry.releaseDate}T00:00:00Z`) / 1e3),
    owned_by: entry.id.slice(0, entry.id.indexOf(".")),
    base_model_id: entry.id,
    name: entry.name,
    provider: entry.provider,
    alias: entry.alias,
    aliases: [...entry.aliases],
    kind: entry.kind,
    capabilities: entry.capabilities === void 0 ? null : structuredClone(entry.capabilities),
    embedding: entry.embedding === void 0 ? null : structuredClone(entry.embedding),
    context_window: entry.contextWindow,
    max_output_tokens: entry.maxOutputTokens,
    profiles: [...entry.profiles],
    inference_profile: profile ?? null,
    region,
    pricing: prices === void 0 ? null : { input: prices.input, output: prices.output, cache_read: prices.cacheRead ?? null, cache_write: prices.cacheWrite ?? null }
  };
}

// dist/src/responses/encrypted-reasoning.js
var PREFIX = "brv1.";
function encodeReasoning(detail) {
  if (detail.type === "reasoning.redacted")
    return PREFIX + Buffer.from(JSON.stringify({ r: detail.data })).toString("base64url");
  if (detail.signature === void 0)
    return null;
  return PREFIX + Buffer.from(JSON.stringify({ t: detail.text, s: detail.signature })).toString("base64url");
}
function decodeReasoning(value, param) {
  const fail = () => {
    throw BadRequestError.forParam(param, `\`${param}\` is not reasoning this library returned (pass \`encrypted_content\` back unchanged).`, "invalid_encrypted_content");
  };
  if (!value.startsWith(PREFIX))
    fail();
  let decoded;
  try {
    decoded = JSON.parse(Buffer.from(value.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    return fail();
  }
  const fields = decoded;
  if (typeof decoded !== "object" || decoded === null)
    return fail();
  if (typeof fields.r === "string" && fields.r !== "")
    return { type: "reasoning.redacted", data: fields.r };
  if (typeof fields.t === "string" && typeof fields.s === "string" && fields.s !== "")
    return { type: "reasoning.text", text: fields.t, signature: fields.s };
  return fail();
}

// dist/src/responses/ids.js
import { randomUUID } from "node:crypto";
var ITEM_ID = /^[a-z]+_([0-9a-f]{32})_(i?)(\d+)$/;
function createResponseId() {
  const hex = randomUUID().replaceAll("-", "");
  return { id: `resp_${hex}`, hex };
}
function outputItemId(prefix, hex, index) {
  return `${prefix}_${hex}_${index}`;
}
function inputItemId(prefix, hex, index) {
  return `${prefix}_${hex}_i${index}`;
}
function parseItemId(id) {
  const match = ITEM_ID.exec(id);
  if (match === null)
    return void 0;
  return { responseId: `resp_${match[1]}`, input: match[2] === "i", index: Number(match[3]) };
}

// dist/src/responses/response-object.js
function convertResponseUsage(usage) {
  const converted = convertUsage(usage);
  return {
    input_tokens: converted.prompt_tokens,
    input_tokens_details: {
      cached_tokens: converted.prompt_tokens_details?.cached_tokens ?? 0,
      cache_write_tokens: converted.prompt_tokens_details?.cache_write_tokens ?? 0
    },
    output_tokens: converted.completion_tokens,
    // Bedrock counts reasoning inside `outputTokens` and reports no split.
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: converted.total_tokens
  };
}
function buildResponse(context, outcome) {
  let outputText = "";
  for (const item of outcome.output) {
    if (item.type !== "message")
      continue;
    for (const part of item.content)
      if (part.type === "output_text")
        outputText += part.text;
  }
  return {
    id: context.id,
    object: "response",
    created_at: context.createdAt,
    status: outcome.status,
    ...outcome.status === "completed" ? { completed_at: Math.floor(Date.now() / 1e3) } : {},
    error: null,
    incomplete_details: outcome.incomplete === void 0 ? null : { reason: outcome.incomplete },
    model: context.model,
    output: [...outcome.output],
    output_text: outputText,
    ...context.echo,
    ...outcome.usage === void 0 ? {} : { usage: outcome.usage },
    ...outcome.bedrock === void 0 ? {} : { bedrock: outcome.bedrock }
  };
}
function cloneItem(item) {
  switch (item.type) {
    case "message":
      return { ...item, content: item.content.map((part) => part.type === "output_text" ? { ...part, annotations: [...part.annotations] } : { ...part }) };
    case "reasoning":
      return { ...item, summary: item.summary.map((part) => ({ ...part })), ...item.content === void 0 ? {} : { content: item.content.map((part) => ({ ...part })) } };
    case "function_call":
      return { ...item };
    default: {
      const exhaustive = item;
      return exhaustive;
    }
  }
}

// dist/src/responses/stream-events.js
var STREAM_EXCEPTIONS2 = ["internalServerException", "modelStreamErrorException", "validationException", "throttlingException", "serviceUnavailableException"];
function createResponseEventMapper(context) {
  const blocks = /* @__PURE__ */ new Map();
  const output = [];
  let sequence = 0;
  let started = false;
  let stopped = false;
  let openMessage;
  const jsonTool = context.structuredOutput?.mode.via === "tool" ? context.structuredOutput.mode.toolName : void 0;
  let jsonText = null;
  let heldText = "";
  let jsonSeen = false;
  let final;
  let finalSent = false;
  let storedResponse;
  const quiet = context.quiet === true;
  const events = [];
  const emit = (event) => {
    event.sequence_number = sequence++;
    if (!quiet || "response" in event)
      events.push(event);
  };
  const copy = (item) => quiet ? item : cloneItem(present(item));
  const take = () => events.splice(0, events.length);
  const present = (item) => {
    if (item.type !== "reasoning" || context.includeEncrypted || item.encrypted_content === void 0)
      return item;
    const { encrypted_content: _hidden, ...shown } = item;
    return shown;
  };
  const snapshot = (status) => buildResponse(context, { status, output: [], usage: void 0, incomplete: void 0, bedrock: void 0 });
  const start = () => {
    if (started)
      return;
    started = true;
    if (quiet) {
      sequence += 2;
      return;
    }
    emit({ type: "response.created", response: snapshot("in_progress") });
    emit({ type: "response.in_progress", response: snapshot("in_progress") });
  };
  const addItem = (prefix, make) => {
    const outputIndex = output.length;
    const item = make(outputItemId(prefix, context.hex, outputIndex));
    output.push(item);
    emit({ type: "response.output_item.added", output_index: outputIndex, item: copy(item) });
    return { item, outputIndex };
  };
  const closeMessage = (status = "completed") => {
    if (openMessage === void 0)
      return;
    const { item, outputIndex } = openMessage;
    openMessage = void 0;
    item.status = status;
    emit({ type: "response.output_item.done", output_index: outputIndex, item: copy(item) });
  };
  const openTextPart = () => {
    if (openMessage === void 0) {
      const added = addItem("msg", (id) => ({ id, type: "message", status: "in_progress", role: "assistant", content: [] }));
      openMessage = { item: added.item, outputIndex: added.outputIndex };
    }
    const message = openMessage;
    const part = { type: "output_text", annotations: [], logprobs: [], text: "" };
    const contentIndex = message.item.content.length;
    message.item.content.push(part);
    emit({ type: "response.content_part.added", item_id: message.item.id, output_index: message.outputIndex, content_index: contentIndex, part: { ...part, annotations: [], logprobs: [] } });
    return { kind: "text", message, part, contentIndex };
  };
  const textDelta = (block, delta) => {
    block.part.text += delta;
    if (context.structuredOutput !== void 0)
      jsonText = (jsonText ?? "") + delta;
    emit({ type: "response.output_text.delta", item_id: block.message.item.id, output_index: block.message.outputIndex, content_index: block.contentIndex, delta, logprobs: [] });
  };
  const closeTextPart = (block) => {
    const { message, part, contentIndex } = block;
    emit({ type: "response.output_text.done", item_id: message.item.id, output_index: message.outputIndex, content_index: contentIndex, text: part.text, logprobs: [] });
    emit({ type: "response.content_part.done", item_id: message.item.id, output_index: message.outputIndex, content_index: contentIndex, part: { ...part, annotations: [], logprobs: [] } });
  };
  const textBlock = (index) => {
    const block = blocks.get(index);
    if (block?.kind === "text")
      return block;
    const opened = openTextPart();
    blocks.set(index, opened);
    return opened;
  };
  const reasoningBlock = (index) => {
    const block = blocks.get(index);
    if (block?.kind === "reasoning")
      return block;
    closeMessage();
    const added = addItem("rs", (id) => ({ id, type: "reasoning", summary: [] }));
    const created = {
      kind: "reasoning",
      item: added.item,
      outputIndex: added.outputIndex,
      text: "",
      partOpen: false,
      signature: void 0,
      redacted: []
    };
    blocks.set(index, created);
    return created;
  };
  const reasoningDelta = (block, delta) => {
    const { item, outputIndex } = block;
    if (!block.partOpen) {
      block.partOpen = true;
      if (context.summary) {
        emit({ type: "response.reasoning_summary_part.added", item_id: item.id, output_index: outputIndex, summary_index: 0, part: { type: "summary_text", text: "" } });
      } else {
        emit({ type: "response.content_part.added", item_id: item.id, output_index: outputIndex, content_index: 0, part: { type: "reasoning_text", text: "" } });
      }
    }
    block.text += delta;
    if (context.summary)
      emit({ type: "response.reasoning_summary_text.delta", item_id: item.id, output_index: outputIndex, summary_index: 0, delta });
    else
      emit({ type: "response.reasoning_text.delta", item_id: item.id, output_index: outputIndex, content_index: 0, delta });
  };
  const closeReasoning = (block) => {
    const { item, outputIndex, text } = block;
    if (block.partOpen) {
      if (context.summary) {
        emit({ type: "response.reasoning_summary_text.done", item_id: item.id, output_index: outputIndex, summary_index: 0, text });
        emit({ type: "response.reasoning_summary_part.done", item_id: item.id, output_index: outputIndex, summary_index: 0, part: { type: "summary_text", text } });
        item.summary = [{ type: "summary_text", text }];
      } else {
        emit({ type: "response.reasoning_text.done", item_id: item.id, output_index: outputIndex, content_index: 0, text });
        emit({ type: "response.content_part.done", item_id: item.id, output_index: outputIndex, content_index: 0, part: { type: "reasoning_text", text } });
        item.content = [{ type: "reasoning_text", text }];
      }
    }
    const detail = block.redacted.length > 0 ? toReasoningDetail({ redactedContent: Buffer.concat(block.redacted) }) : toReasoningDetail({ reasoningText: block.signature === void 0 ? { text } : { text, signature: block.signature } });
    const encrypted = detail === void 0 ? null : encodeReasoning(detail);
    if (encrypted !== null)
      item.encrypted_content = encrypted;
    emit({ type: "response.output_item.done", output_index: outputIndex, item: copy(item) });
  };
  const closeTool = (block) => {
    const { item, outputIndex } = block;
    if (item.arguments === "")
      item.arguments = "{}";
    item.status = "completed";
    emit({ type: "response.function_call_arguments.done", item_id: item.id, output_index: outputIndex, name: item.name, arguments: item.arguments });
    emit({ type: "response.output_item.done", output_index: outputIndex, item: copy(item) });
  };
  const closeBlock = (index) => {
    const block = blocks.get(index);
    blocks.delete(index);
    if (block === void 0)
      return;
    switch (block.kind) {
      case "text":
        closeTextPart(block);
        return;
      case "tool":
        closeTool(block);
        return;
      case "reasoning":
        closeReasoning(block);
        return;
      case "pending-text":
      case "other":
        return;
      default: {
        const exhaustive = block;
        throw new Error(`Unhandled block ${JSON.stringify(exhaustive)}`);
      }
    }
  };
  const finish = (usage) => {
    if (final === void 0 || finalSent)
      return;
    finalSent = true;
    const stored = buildResponse(context, {
      status: final.status,
      output,
      usage: convertResponseUsage(usage),
      incomplete: final.reason,
      bedrock: final.bedrock
    });
    storedResponse = stored;
    const shown = context.includeEncrypted ? stored : { ...stored, output: output.map(present) };
    emit({ type: final.status === "completed" ? "response.completed" : "response.incomplete", response: shown });
  };
  const map = (event) => {
    start();
    if (event.messageStart !== void 0)
      return take();
    if (event.contentBlockStart !== void 0) {
      const index = event.contentBlockStart.contentBlockIndex ?? 0;
      const toolUse = event.contentBlockStart.start?.toolUse;
      if (toolUse === void 0) {
        blocks.set(index, { kind: "other" });
        return take();
      }
      if (jsonTool !== void 0 && toolUse.name === jsonTool) {
        jsonSeen = true;
        blocks.set(index, { kind: "pending-text" });
        return take();
      }
      closeMessage();
      const added = addItem("fc", (id) => ({
        id,
        type: "function_call",
        status: "in_progress",
        arguments: "",
        call_id: fromBedrockName(context.toolCallIds, toolUse.toolUseId ?? ""),
        name: fromBedrockName(context.toolNames, toolUse.name ?? "")
      }));
      blocks.set(index, { kind: "tool", item: added.item, outputIndex: added.outputIndex });
      return take();
    }
    if (event.contentBlockDelta !== void 0) {
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      const delta = event.contentBlockDelta.delta;
      if (delta?.text !== void 0) {
        if (delta.text === "")
          return take();
        if (jsonTool !== void 0)
          heldText += delta.text;
        else
          textDelta(textBlock(index), delta.text);
        return take();
      }
      if (delta?.toolUse !== void 0) {
        const fragment = delta.toolUse.input ?? "";
        const block = blocks.get(index);
        if (block?.kind === "pending-text" || block?.kind === "text" && jsonTool !== void 0) {
          if (fragment !== "")
            textDelta(textBlock(index), fragment);
          return take();
        }
        if (block?.kind !== "tool")
          throw new BedrockOpenAIError(`Bedrock sent tool input for content block ${index} before that tool call started.`);
        if (fragment === "")
          return take();
        block.item.arguments += fragment;
        emit({ type: "response.function_call_arguments.delta", item_id: block.item.id, output_index: block.outputIndex, delta: fragment });
        return take();
      }
      const reasoning = delta?.reasoningContent;
      if (reasoning !== void 0) {
        const block = reasoningBlock(index);
        if (reasoning.signature !== void 0)
          block.signature = (block.signature ?? "") + reasoning.signature;
        if (reasoning.redactedContent !== void 0)
          block.redacted.push(reasoning.redactedContent);
        if (reasoning.text !== void 0 && reasoning.text !== "")
          reasoningDelta(block, reasoning.text);
        return take();
      }
      return take();
    }
    if (event.contentBlockStop !== void 0) {
      const index = event.contentBlockStop.contentBlockIndex ?? 0;
      const block = blocks.get(index);
      if (block?.kind === "pending-text") {
        textDelta(textBlock(index), "{}");
      }
      closeBlock(index);
      return take();
    }
    if (event.messageStop !== void 0) {
      const stopReason = event.messageStop.stopReason;
      const finishReason = mapJsonToolStop(toFinishReason(stopReason, context.requestId), context.structuredOutput);
      stopped = true;
      if (jsonTool !== void 0 && !jsonSeen && heldText !== "") {
        const block = openTextPart();
        textDelta(block, heldText);
        closeTextPart(block);
      }
      for (const index of [...blocks.keys()])
        closeBlock(index);
      if (context.structuredOutput !== void 0)
        checkJsonOutput(jsonText, finishReason, context.requestId);
      const reason = finishReason === "length" ? "max_output_tokens" : finishReason === "content_filter" ? "content_filter" : void 0;
      closeMessage(reason === void 0 ? "completed" : "incomplete");
      const bedrock = { stop_reason: stopReason };
      if (event.messageStop.additionalModelResponseFields !== void 0)
        bedrock.additional_model_response_fields = event.messageStop.additionalModelResponseFields;
      final = reason === void 0 ? { status: "completed", bedrock } : { status: "incomplete", reason, bedrock };
      return take();
    }
    if (event.metadata !== void 0) {
      const { metadata } = event;
      if (final !== void 0) {
        const { bedrock } = final;
        if (metadata.serviceTier?.type !== void 0)
          bedrock.service_tier = metadata.serviceTier.type;
        if (metadata.metrics?.latencyMs !== void 0)
          bedrock.latency_ms = metadata.metrics.latencyMs;
        if (metadata.trace !== void 0)
          bedrock.trace = metadata.trace;
        const cacheDetails = convertCacheDetails(metadata.usage);
        if (cacheDetails !== void 0)
          bedrock.cache_details = cacheDetails;
        if (metadata.usage?.cacheWriteInputTokens !== void 0)
          bedrock.cache_write_tokens = metadata.usage.cacheWriteInputTokens;
      }
      finish(metadata.usage);
      return take();
    }
    for (const name of STREAM_EXCEPTIONS2) {
      const exception = event[name];
      if (exception !== void 0) {
        throw fromAwsError({ name: name.charAt(0).toUpperCase() + name.slice(1), message: exception.message, $fault: "server" });
      }
    }
    return take();
  };
  const end = () => {
    if (!stopped)
      throw new APIConnectionError({ message: "The Bedrock stream ended before the message was complete (no messageStop event)." });
    finish(void 0);
    return take();
  };
  return { map, end, stored: () => storedResponse };
}

// dist/src/responses/from-converse-response.js
function convertConverseResponse(response, context) {
  const mapper = createResponseEventMapper({ ...context, quiet: true });
  let last;
  for (const event of eventsOf(response, context.requestId))
    last = mapper.map(event).at(-1) ?? last;
  last = mapper.end().at(-1) ?? last;
  const stored = mapper.stored();
  if (stored === void 0 || last === void 0 || !("response" in last))
    throw new BedrockOpenAIError("The response could not be assembled.");
  return { shown: last.response, stored };
}
function* eventsOf(response, requestId) {
  const blocks = response.output?.message?.content;
  if (blocks === void 0) {
    throw new BedrockOpenAIError(`Bedrock returned a Converse response without a message${requestId === null ? "" : ` (request ${requestId})`}.`);
  }
  yield { messageStart: { role: "assistant" } };
  let index = 0;
  for (const block of blocks) {
    const contentBlockIndex = index++;
    if (block.text !== void 0)
      yield { contentBlockDelta: { contentBlockIndex, delta: { text: block.text } } };
    else if (block.toolUse !== void 0) {
      yield { contentBlockStart: { contentBlockIndex, start: { toolUse: { toolUseId: block.toolUse.toolUseId, name: block.toolUse.name } } } };
      yield { contentBlockDelta: { contentBlockIndex, delta: { toolUse: { input: JSON.stringify(block.toolUse.input ?? {}) } } } };
    } else if (block.reasoningContent !== void 0) {
      const { reasoningText, redactedContent } = block.reasoningContent;
      if (redactedContent !== void 0)
        yield { contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { redactedContent } } } };
      else if (reasoningText !== void 0) {
        yield { contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { text: reasoningText.text ?? "" } } } };
        if (reasoningText.signature !== void 0)
          yield { contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { signature: reasoningText.signature } } } };
      }
    } else if (block.citationsContent?.content !== void 0) {
      for (const part of block.citationsContent.content)
        if (part.text !== void 0)
          yield { contentBlockDelta: { contentBlockIndex, delta: { text: part.text } } };
    }
    yield { contentBlockStop: { contentBlockIndex } };
  }
  yield { messageStop: { stopReason: response.stopReason, additionalModelResponseFields: response.additionalModelResponseFields } };
  yield {
    metadata: {
      usage: response.usage,
      metrics: response.metrics,
      ...response.trace === void 0 ? {} : { trace: response.trace },
      ...response.serviceTier === void 0 ? {} : { serviceTier: response.serviceTier }
    }
  };
}

// dist/src/responses/to-chat-messages.js
var MessageBuilder = class {
  messages = [];
  /** Chat path prefix (`messages[2]`, `messages[2].tool_calls[0]`, `messages[2].content[1]`) → the item's path. */
  #paths = /* @__PURE__ */ new Map();
  #context;
  /** Reasoning details waiting for the assistant message they precede. */
  #reasoning = [];
  /** Function calls not answered yet: call ID → where the call is. */
  #pending = /* @__PURE__ */ new Map();
  constructor(context) {
    this.#context = context;
  }
  push(message, param) {
    const index = this.messages.length;
    this.messages.push(message);
    this.#paths.set(`messages[${index}]`, param);
    return index;
  }
  /** Adds one item (resolving references). */
  add(raw, param) {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const item = raw;
    const type = item.type ?? (item.role === void 0 ? void 0 : "message");
    switch (type) {
      case "message":
        this.#addMessage(item, param);
        return;
      case "function_call":
        this.#addFunctionCall(item, param);
        return;
      case "function_call_output":
        this.#addFunctionCallOutput(item, param);
        return;
      case "reasoning":
        this.#addReasoning(item, param);
        return;
      default: {
        if (typeof type === "string" && /_call(_output)?$|^mcp_|^compaction$|^tool_search/.test(type)) {
          throw BadRequestError.forParam(`${param}.type`, `\`${param}\` is a \`${type}\` item, which belongs to an OpenAI built-in tool; Bedrock has no equivalent.`, "unsupported_item");
        }
        throw BadRequestError.forParam(`${param}.type`, `\`${param}.type\` must be "message", "function_call", "function_call_output", "reasoning" or "item_reference"; got ${JSON.stringify(type)}.`);
      }
    }
  }
  finish() {
    const [first2] = this.#pending.entries();
    if (first2 !== void 0)
      this.#unanswered(first2[0], first2[1]);
  }
  #unanswered(callId, param) {
    throw BadRequestError.forParam(param, `No tool output found for function call ${callId}: every \`function_call\` needs a \`function_call_output\` with its \`call_id\` before the next message.`, "missing_tool_result");
  }
  #requireAnswered() {
    this.finish();
  }
  #addMessage(message, param) {
    const role = message.role;
    if (role !== "user" && role !== "system" && role !== "developer" && role !== "assistant") {
      throw BadRequestError.forParam(`${param}.role`, `\`${param}.role\` must be "user", "assistant", "system" or "developer"; got ${JSON.stringify(role)}.`);
    }
    if (role === "system" || role === "developer") {
      this.push({ role, content: this.#textParts(message.content, `${param}.content`, ["input_text"]) }, param);
      return;
    }
    this.#requireAnswered();
    if (role === "user") {
      const content2 = typeof message.content === "string" ? message.content : this.#userParts(message.content, `${param}.content`);
      this.push({ role: "user", content: content2 }, param);
      return;
    }
    const content = this.#textParts(message.content, `${param}.content`, ["output_text", "input_text", "refusal"]);
    const assistant = this.#assistant(param);
    const index = this.messages.length - 1;
    const existing = assistant.content;
    const offset = Array.isArray(existing) ? existing.length : 0;
    if (typeof content === "string")
      assistant.content = offset === 0 ? content : [...existing, { type: "text", text: content }];
    else {
      assistant.content = [...Array.isArray(existing) ? existing : typeof existing === "string" ? [{ type: "text", text: existing }] : [], ...content];
      content.forEach((_, part) => this.#paths.set(`messages[${index}].content[${offset + part}]`, `${param}.content[${part}]`));
    }
  }
  /** The assistant message to add to: the last message if it is an assistant's without answered calls, else a new one. */
  #assistant(param) {
    const last = this.messages.at(-1);
    let assistant;
    if (last?.role === "assistant" && this.#reasoning.length === 0)
      assistant = last;
    else {
      assistant = { role: "assistant", content: null };
      this.push(assistant, param);
    }
    if (this.#reasoning.length > 0) {
      const index = this.messages.length - 1;
      const details = [...assistant.reasoning_details ?? []];
      for (const { detail, param: detailParam } of this.#reasoning) {
        this.#paths.set(`messages[${index}].reasoning_details[${details.length}]`, detailParam);
        details.push(detail);
      }
      assistant.reasoning_details = details;
      this.#reasoning = [];
    }
    return assistant;
  }
  #addFunctionCall(call, param) {
    if (typeof call.call_id !== "string" || call.call_id === "")
      throw BadRequestError.forParam(`${param}.call_id`, `\`${param}.call_id\` must be a non-empty string.`);
    const last = this.messages.at(-1);
    const assistant = last?.role === "assistant" && this.#reasoning.length === 0 ? last : this.#assistant(param);
    const index = this.messages.length - 1;
    const calls = assistant.tool_calls ?? (assistant.tool_calls = []);
    this.#paths.set(`messages[${index}].tool_calls[${calls.length}]`, param);
    calls.push({ id: call.call_id, type: "function", function: { name: call.name, arguments: call.arguments } });
    this.#pending.set(call.call_id, param);
  }
  #addFunctionCallOutput(result, param) {
    const callId = result.call_id;
    if (typeof callId !== "string" || callId === "")
      throw BadRequestError.forParam(`${param}.call_id`, `\`${param}.call_id\` must be a non-empty string.`);
    if (!this.#pending.has(callId)) {
      throw BadRequestError.forParam(`${param}.call_id`, `No function call found for \`${param}.call_id\` (\`${callId}\`): a \`function_call_output\` must follow the \`function_call\` it answers.`, "invalid_tool_call_id");
    }
    this.#pending.delete(callId);
    const output = result.output;
    let content;
    if (typeof output === "string")
      content = output;
    else if (Array.isArray(output)) {
      content = output.map((part, index) => {
        const typed = part;
        if (typed?.type !== "input_text" || typeof typed.text !== "string") {
          throw BadRequestError.forParam(`${param}.output[${index}]`, `\`${param}.output[${index}]\` must be an \`input_text\` part: tool outputs are text here (Bedrock tool results of chat's converters hold text).`, "unsupported_content");
        }
        return withBreakpoint({ type: "text", text: typed.text }, part);
      });
    } else
      throw BadRequestError.forParam(`${param}.output`, `\`${param}.output\` must be a string or an array of parts.`);
    this.push({ role: "tool", tool_call_id: callId, content }, param);
  }
  #addReasoning(item, param) {
    this.#requireAnswered();
    const encrypted = item.encrypted_content;
    if (isSet3(encrypted)) {
      if (typeof encrypted !== "string")
        throw BadRequestError.forParam(`${param}.encrypted_content`, `\`${param}.encrypted_content\` must be a string.`);
      this.#reasoning.push({ detail: decodeReasoning(encrypted, `${param}.encrypted_content`), param: `${param}.encrypted_content` });
      return;
    }
    const parts = [...Array.isArray(item.content) ? item.content : [], ...Array.isArray(item.summary) ? item.summary : []];
    const text = parts.map((part) => typeof part?.text === "string" ? part.text : "").join("");
    this.#reasoning.push({ detail: { type: "reasoning.text", text }, param });
  }
  #textParts(content, param, types) {
    if (typeof content === "string")
      return content;
    if (!Array.isArray(content))
      throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of parts.`);
    return content.map((part, index) => {
      const typed = part;
      const partParam = `${param}[${index}]`;
      if (typeof part !== "object" || part === null || typeof typed.type !== "string" || !types.includes(typed.type)) {
        throw BadRequestError.forParam(`${partParam}.type`, `\`${partParam}.type\` must be ${types.map((type) => `"${type}"`).join(" or ")} here; got ${JSON.stringify(typed?.type)}.`);
      }
      const text = typed.type === "refusal" ? typed.refusal : typed.text;
      if (typeof text !== "string")
        throw BadRequestError.forParam(partParam, `\`${partParam}\` must hold its text as a string.`);
      return withBreakpoint({ type: "text", text }, part);
    });
  }
  #userParts(content, param) {
    if (!Array.isArray(content))
      throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of parts.`);
    return content.map((part, index) => withBreakpoint(this.#userPart(part, `${param}[${index}]`), part));
  }
  #userPart(part, partParam) {
    {
      const typed = part;
      if (typeof part !== "object" || part === null)
        throw BadRequestError.forParam(partParam, `\`${partParam}\` must be an object.`);
      switch (typed.type) {
        case "input_text":
          return { type: "text", text: typed.text };
        case "input_image": {
          if (isSet3(typed.file_id)) {
            throw BadRequestError.forParam(`${partParam}.file_id`, "File IDs refer to OpenAI's Files API, which Bedrock does not have; send `image_url` (a data:, https:// or s3:// URL).", "unsupported_content");
          }
          const detail = typed.detail === "original" ? "high" : typed.detail;
          if (typed.detail === "original")
            this.#context.unsupported(`${partParam}.detail`, 'Bedrock has no image detail setting (only "auto" is possible).');
          return { type: "image_url", image_url: { url: typed.image_url, ...isSet3(detail) && typed.detail !== "original" ? { detail } : {} } };
        }
        case "input_file": {
          if (isSet3(typed.file_url)) {
            throw BadRequestError.forParam(`${partParam}.file_url`, "File URLs are not fetched; send the file as `file_data` (a data: URL).", "unsupported_content");
          }
          return {
            type: "file",
            file: {
              ...typed.file_data === void 0 ? {} : { file_data: typed.file_data },
              ...isSet3(typed.file_id) ? { file_id: typed.file_id } : {},
              ...typed.filename === void 0 ? {} : { filename: typed.filename }
            }
          };
        }
        case "input_audio":
          throw BadRequestError.forParam(partParam, `Audio input (\`${partParam}\`) is not supported: Converse takes text, images and documents.`, "unsupported_content");
        default:
          throw BadRequestError.forParam(`${partParam}.type`, `\`${partParam}.type\` must be "input_text", "input_image" or "input_file"; got ${JSON.stringify(typed.type)}.`);
      }
    }
  }
  /** The renamer for chat's paths (see {@link ParamRenamer}). */
  renamer() {
    const paths = this.#paths;
    return (text) => text.replace(/messages\[\d+\](?:\.[a-z_]+|\[\d+\])*/g, (path) => {
      let prefix = path;
      while (prefix !== "") {
        const target = paths.get(prefix);
        if (target !== void 0)
          return target + renameSuffix(path.slice(prefix.length));
        const cut = Math.max(prefix.lastIndexOf("."), prefix.lastIndexOf("["));
        prefix = cut <= 0 ? "" : prefix.slice(0, cut);
      }
      return path;
    }).replace(/`messages`/g, "`input`").replace(/\bmax_completion_tokens\b|\bmax_tokens\b/g, "max_output_tokens").replace(/\bresponse_format\.json_schema\b/g, "text.format").replace(/\bresponse_format\b/g, "text.format").replace(/\breasoning_effort\b/g, "reasoning.effort").replace(/(?<![.\w])verbosity\b/g, "text.verbosity").replace(/\btools\[(\d+)\]\.function\b/g, "tools[$1]").replace(/\btool_choice\.function\.name\b/g, "tool_choice.name").replace(/\btool_choice\.allowed_tools\.tools\[(\d+)\]/g, "tool_choice.tools[$1]").replace(/\btool_choice\.allowed_tools\b/g, "tool_choice");
  }
};
function renameSuffix(suffix) {
  return suffix.replace(/\.image_url\.url$/, ".image_url").replace(/\.image_url\.detail$/, ".detail").replace(/\.file\.(file_data|file_id|filename)$/, ".$1").replace(/\.file$/, "").replace(/^\.function\.(arguments|name)$/, ".$1").replace(/^\.tool_call_id$/, ".call_id");
}
function isSet3(value) {
  return value !== void 0 && value !== null;
}
function withBreakpoint(part, raw) {
  const breakpoint = raw?.prompt_cache_breakpoint;
  return breakpoint === void 0 || breakpoint === null ? part : { ...part, prompt_cache_breakpoint: breakpoint };
}

// dist/src/responses/to-chat-tools.js
var BUILT_IN_TOOLS = {
  web_search: "web search",
  web_search_2025_08_26: "web search",
  web_search_preview: "web search",
  web_search_preview_2025_03_11: "web search",
  file_search: "file search (vector stores)",
  code_interpreter: "the code interpreter",
  computer: "computer use",
  computer_use: "computer use",
  computer_use_preview: "computer use",
  mcp: "remote MCP servers",
  image_generation: "image generation",
  local_shell: "the local shell tool",
  shell: "the shell tool",
  apply_patch: "the apply_patch tool",
  tool_search: "tool search",
  namespace: "tool namespaces",
  custom: "custom (free-form) tools"
};
function convertTools(tools, unsupported) {
  if (!isSet4(tools))
    return void 0;
  if (!Array.isArray(tools))
    throw BadRequestError.forParam("tools", "`tools` must be an array.");
  const converted = [];
  tools.forEach((tool, index) => {
    const param = `tools[${index}]`;
    if (typeof tool !== "object" || tool === null)
      throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const typed = tool;
    if (typed.type !== "function") {
      const what = typeof typed.type === "string" ? BUILT_IN_TOOLS[typed.type] : void 0;
      if (what === void 0)
        throw BadRequestError.forParam(`${param}.type`, `\`${param}.type\` must be "function"; got ${JSON.stringify(typed.type)}.`);
      unsupported(param, `OpenAI's built-in \`${String(typed.type)}\` tool (${what}) runs on OpenAI's servers and has no Bedrock equivalent; define a function tool and run it yourself.`);
      return;
    }
    if (typed.defer_loading === true)
      unsupported(`${param}.defer_loading`, "Bedrock loads every tool definition with the request.");
    converted.push({
      type: "function",
      function: {
        name: typed.name,
        ...isSet4(typed.description) ? { description: typed.description } : {},
        ...isSet4(typed.parameters) ? { parameters: typed.parameters } : {},
        ...isSet4(typed.strict) ? { strict: typed.strict } : {}
      }
    });
  });
  return converted;
}
function convertToolChoice(choice, unsupported) {
  if (!isSet4(choice))
    return void 0;
  if (typeof choice === "string")
    return choice;
  if (typeof choice !== "object" || Array.isArray(choice)) {
    throw BadRequestError.forParam("tool_choice", '`tool_choice` must be "none", "auto", "required" or an object.');
  }
  const typed = choice;
  if (typed.type === "function")
    return { type: "function", function: { name: typed.name } };
  if (typed.type === "allowed_tools") {
    const tools = Array.isArray(typed.tools) ? typed.tools.map((tool) => {
      const entry = tool;
      return { type: entry?.type, function: { name: entry?.name } };
    }) : typed.tools;
    return { type: "allowed_tools", allowed_tools: { mode: typed.mode, tools } };
  }
  const what = typeof typed.type === "string" ? BUILT_IN_TOOLS[typed.type] : void 0;
  if (what === void 0)
    throw BadRequestError.forParam("tool_choice.type", `\`tool_choice.type\` must be "function" or "allowed_tools"; got ${JSON.stringify(typed.type)}.`);
  unsupported("tool_choice", `OpenAI's built-in \`${String(typed.type)}\` tool (${what}) has no Bedrock equivalent.`);
  return void 0;
}
function isSet4(value) {
  return value !== void 0 && value !== null;
}

// dist/src/responses/to-chat-request.js
var KNOWN_PARAMS3 = {
  model: true,
  input: true,
  instructions: true,
  include: true,
  max_output_tokens: true,
  metadata: true,
  parallel_tool_calls: true,
  previous_response_id: true,
  reasoning: true,
  safety_identifier: true,
  service_tier: true,
  store: true,
  stream: true,
  stream_options: true,
  temperature: true,
  text: true,
  tool_choice: true,
  tools: true,
  top_p: true,
  truncation: true,
  user: true,
  background: true,
  conversation: true,
  context_management: true,
  prompt: true,
  prompt_cache_key: true,
  prompt_cache_retention: true,
  moderation: true,
  prompt_cache_options: true,
  bedrock: true
};
var INCLUDABLES = [
  "file_search_call.results",
  "web_search_call.results",
  "web_search_call.action.sources",
  "message.input_image.image_url",
  "computer_call_output.output.image_url",
  "code_interpreter_call.outputs",
  "reasoning.encrypted_content",
  "message.output_text.logprobs"
];
function convertToChatRequest(params, context) {
  if (typeof params !== "object" || params === null || Array.isArray(params))
    throw BadRequestError.forParam("body", "The request body must be an object.");
  for (const key of Object.keys(params)) {
    if (!Object.hasOwn(KNOWN_PARAMS3, key))
      throw BadRequestError.forParam(key, `Unknown parameter: \`${key}\`.`, "unknown_parameter");
  }
  if (typeof params.model !== "string" || params.model === "")
    throw BadRequestError.forParam("model", "`model` must be a non-empty string (a Bedrock model, alias or ARN).");
  readUnsupported(params, context.unsupported);
  const includeEncrypted = readInclude(params.include, context.unsupported);
  const summary = readReasoningSummary(params.reasoning);
  const builder = new MessageBuilder(context);
  if (isSet5(params.instructions)) {
    if (typeof params.instructions !== "string")
      throw BadRequestError.forParam("instructions", "`instructions` must be a string.");
    if (params.instructions.trim() !== "")
      builder.push({ role: "system", content: params.instructions }, "instructions");
  }
  for (const { item, param } of context.history)
    builder.add(item, param);
  const input = normaliseInput(params.input).map((item, index) => {
    const param = typeof params.input === "string" ? "input" : `input[${index}]`;
    const resolved = resolveReference(item, param, context);
    builder.add(resolved, param);
    return resolved;
  });
  builder.finish();
  const body = { model: params.model, messages: builder.messages, stream: context.stream };
  const copy = (key) => {
    if (params[key] !== void 0)
      body[key] = params[key];
  };
  copy("temperature");
  copy("top_p");
  copy("metadata");
  copy("user");
  copy("safety_identifier");
  copy("service_tier");
  copy("prompt_cache_key");
  copy("prompt_cache_retention");
  copy("moderation");
  copy("prompt_cache_options");
  copy("bedrock");
  if (params.max_output_tokens !== void 0)
    body.max_completion_tokens = params.max_output_tokens;
  if (params.parallel_tool_calls !== void 0 && params.parallel_tool_calls !== null)
    body.parallel_tool_calls = params.parallel_tool_calls;
  const tools = convertTools(params.tools, context.unsupported);
  if (tools !== void 0)
    body.tools = tools;
  const toolChoice = convertToolChoice(params.tool_choice, context.unsupported);
  if (toolChoice !== void 0)
    body.tool_choice = toolChoice;
  readText(params.text, body);
  const effort = readReasoningEffort2(params.reasoning);
  if (effort !== void 0)
    body.reasoning_effort = effort;
  return { body, rename: builder.renamer(), summary, includeEncrypted, input };
}
function resolveReference(item, param, context) {
  const typed = item;
  if (typeof typed !== "object" || typed === null)
    return item;
  const reference = typed.type === "item_reference" || (typed.type === void 0 || typed.type === null) && typed.role === void 0 && typed.id !== void 0;
  if (!reference)
    return item;
  if (typeof typed.id !== "string" || typed.id === "")
    throw BadRequestError.forParam(`${param}.id`, `\`${param}.id\` must be a non-empty string.`);
  const resolved = context.resolveItem(typed.id);
  if (resolved === void 0)
    throw BadRequestError.forParam(`${param}.id`, `Item with id '${typed.id}' not found (it must be an item of a stored response).`, "item_not_found");
  return resolved;
}
function normaliseInput(input) {
  if (input === void 0 || input === null)
    return [];
  if (typeof input === "string")
    return [{ type: "message", role: "user", content: input }];
  if (!Array.isArray(input))
    throw BadRequestError.forParam("input", "`input` must be a string or an array of items.");
  return input;
}
function readUnsupported(params, unsupported) {
  if (params.background === true)
    unsupported("background", "Bedrock answers within the request; there is no background mode (poll-free calls only).");
  if (isSet5(params.conversation))
    unsupported("conversation", "OpenAI conversations are not available; chain responses with `previous_response_id`.");
  if (Array.isArray(params.context_management) ? params.context_management.length > 0 : isSet5(params.context_management)) {
    unsupported("context_management", "Bedrock has no server-side context compaction.");
  }
  if (isSet5(params.prompt))
    unsupported("prompt", "OpenAI stored prompts are not available; a Bedrock Prompt-management prompt ARN can be the `model`.");
  if (params.truncation === "auto")
    unsupported("truncation", 'Bedrock does not truncate a conversation to fit the context window (only "disabled" is possible).');
  else if (isSet5(params.truncation) && params.truncation !== "disabled") {
    throw BadRequestError.forParam("truncation", `\`truncation\` must be "auto" or "disabled"; got ${JSON.stringify(params.truncation)}.`);
  }
  if (isSet5(params.store) && typeof params.store !== "boolean")
    throw BadRequestError.forParam("store", "`store` must be a boolean.");
  if (isSet5(params.stream_options) && (typeof params.stream_options !== "object" || Array.isArray(params.stream_options))) {
    throw BadRequestError.forParam("stream_options", "`stream_options` must be an object.");
  }
  if (isSet5(params.previous_response_id) && (typeof params.previous_response_id !== "string" || params.previous_response_id === "")) {
    throw BadRequestError.forParam("previous_response_id", "`previous_response_id` must be a non-empty string.");
  }
}
function readInclude(include, unsupported) {
  if (!isSet5(include))
    return false;
  if (!Array.isArray(include))
    throw BadRequestError.forParam("include", "`include` must be an array.");
  let encrypted = false;
  include.forEach((value, index) => {
    const param = `include[${index}]`;
    if (typeof value !== "string" || !INCLUDABLES.includes(value)) {
      throw BadRequestError.forParam(param, `\`${param}\` must be one of ${INCLUDABLES.map((name) => `"${name}"`).join(", ")}; got ${JSON.stringify(value)}.`);
    }
    if (value === "reasoning.encrypted_content")
      encrypted = true;
    if (value === "message.output_text.logprobs")
      unsupported(param, "Bedrock does not return token log probabilities.");
  });
  return encrypted;
}
function readReasoningSummary(reasoning) {
  if (!isSet5(reasoning))
    return false;
  if (typeof reasoning !== "object" || Array.isArray(reasoning))
    throw BadRequestError.forParam("reasoning", "`reasoning` must be an object.");
  const { summary, generate_summary: generateSummary } = reasoning;
  for (const [param, value] of [["reasoning.summary", summary], ["reasoning.generate_summary", generateSummary]]) {
    if (isSet5(value) && value !== "auto" && value !== "concise" && value !== "detailed") {
      throw BadRequestError.forParam(param, `\`${param}\` must be "auto", "concise" or "detailed"; got ${JSON.stringify(value)}.`);
    }
  }
  return isSet5(summary) || isSet5(generateSummary);
}
function readReasoningEffort2(reasoning) {
  if (!isSet5(reasoning))
    return void 0;
  const effort = reasoning.effort;
  return isSet5(effort) ? effort : void 0;
}
function readText(text, body) {
  if (text === void 0 || text === null)
    return;
  if (typeof text !== "object" || Array.isArray(text))
    throw BadRequestError.forParam("text", "`text` must be an object.");
  const { format, verbosity } = text;
  if (isSet5(verbosity))
    body.verbosity = verbosity;
  if (!isSet5(format))
    return;
  if (typeof format !== "object" || Array.isArray(format))
    throw BadRequestError.forParam("text.format", "`text.format` must be an object.");
  const typed = format;
  switch (typed.type) {
    case "text":
      return;
    case "json_object":
      body.response_format = { type: "json_object" };
      return;
    case "json_schema":
      body.response_format = {
        type: "json_schema",
        json_schema: {
          name: typed.name,
          schema: typed.schema,
          ...typed.description === void 0 ? {} : { description: typed.description },
          ...typed.strict === void 0 ? {} : { strict: typed.strict }
        }
      };
      return;
    default:
      throw BadRequestError.forParam("text.format.type", `\`text.format.type\` must be "text", "json_object" or "json_schema"; got ${JSON.stringify(typed.type)}.`);
  }
}
function isSet5(value) {
  return value !== void 0 && value !== null;
}

// dist/src/responses/responses.js
var MAX_CHAIN = 1e5;
var Responses = class extends APIResource {
  inputItems;
  inputTokens;
  constructor(client) {
    super(client);
    this.inputItems = new InputItems(client);
    this.inputTokens = new InputTokens(client);
  }
  create(body, options = {}) {
    return APIPromise.from(() => this.#create(body, options));
  }
  /** A stored response (404 `NotFoundError` for an unknown ID, as OpenAI's). */
  retrieve(id, query = {}, options = {}) {
    return APIPromise.from(async () => {
      readLocalOptions(options, "responses.retrieve()", "reads the response store");
      const record = await findResponse(this._client, id, "response_id");
      return local(presentResponse(record.response, includesEncrypted(query.include)));
    });
  }
  /** Deletes a stored response (404 `NotFoundError` for an unknown ID). */
  delete(id, options = {}) {
    return APIPromise.from(async () => {
      readLocalOptions(options, "responses.delete()", "deletes from the response store");
      if (!await this._client._responseStore.delete(id))
        throw notFound2(id, "response_id");
      return local({ id, object: "response", deleted: true });
    });
  }
  async #create(params, options) {
    const client = this._client;
    const store = client._responseStore;
    const stream = params?.stream === true;
    if (params?.stream !== void 0 && params.stream !== null && typeof params.stream !== "boolean")
      throw BadRequestError.forParam("stream", "`stream` must be a boolean.");
    const { plan, warnings } = await planRequest(client, params, options, stream);
    const prepared = await prepareConverseCall(client, plan.body, options, plan.rename);
    for (const warning of warnings)
      client._warn(warning);
    const { id, hex } = createResponseId();
    const keep = params.store !== false;
    const context = {
      id,
      hex,
      createdAt: Math.floor(Date.now() / 1e3),
      model: prepared.model.modelId,
      echo: echoOf(params),
      toolNames: prepared.plan.toolNames,
      toolCallIds: prepared.plan.toolCallIds,
      requestId: null,
      structuredOutput: prepared.adapted.structuredOutput,
      summary: plan.summary,
      includeEncrypted: plan.includeEncrypted
    };
    const record = (response) => ({ response, input: inputItemsOf(plan.input, hex) });
    if (!stream) {
      const { input, requestOptions } = prepared;
      const streamInternally = shouldStreamInternally(prepared.plan.streamInternally, prepared.plan.input.inferenceConfig?.maxTokens);
      const sent2 = streamInternally ? await sendOverStream(client, input, requestOptions) : await client._send("Converse", input, requestOptions);
      let converted;
      try {
        converted = convertConverseResponse(sent2.output, { ...context, model: sent2.modelId, requestId: sent2.requestId });
      } catch (error) {
        throw renameErrorParams(error, plan.rename);
      }
      if (keep)
        await store.set(id, record(converted.stored));
      return { data: converted.shown, request_id: sent2.requestId, response: sent2.metadata };
    }
    const sent = await client._sendStream("ConverseStream", prepared.input, (output) => output.stream, prepared.requestOptions);
    const mapper = createResponseEventMapper({ ...context, model: sent.modelId, requestId: sent.requestId });
    const events = async function* () {
      try {
        for await (const event of mapEvents(sent.first, sent.rest, mapper, sent.controller.signal)) {
          if (keep && (event.type === "response.completed" || event.type === "response.incomplete"))
            await store.set(id, record(mapper.stored()));
          yield event;
        }
      } catch (error) {
        throw renameErrorParams(error, plan.rename);
      }
    };
    return { data: new Stream(() => events(), sent.controller), request_id: sent.requestId, response: sent.metadata };
  }
};
var InputItems = class extends APIResource {
  /** The input items of a stored response (this request's own; `order` `desc` by default, as OpenAI's). */
  list(responseId, query = {}, options = {}) {
    return APIPromise.from(async () => {
      readLocalOptions(options, "responses.inputItems.list()", "reads the response store");
      const record = await findResponse(this._client, responseId, "response_id");
      return local(listItems(record.input, query));
    });
  }
};
var InputTokens = class extends APIResource {
  /**
   * Counts the input tokens a `responses.create` with these params would send, with Bedrock's CountTokens: served
   * for Anthropic Claude models; any other model is a 400 naming `model`.
   */
  count(body, options = {}) {
    return APIPromise.from(async () => {
      const client = this._client;
      const { plan, warnings } = await planRequest(client, body, options, false);
      const prepared = await prepareConverseCall(client, plan.body, options, plan.rename);
      for (const warning of warnings)
        client._warn(warning);
      const baseId = prepared.model.entry?.id ?? bareModelId(prepared.model.modelId);
      if (!baseId.startsWith("anthropic.")) {
        throw BadRequestError.forParam("model", `Bedrock counts tokens (CountTokens) only for Anthropic Claude models; \`${String(body.model)}\` is not one, so its input tokens cannot be counted before a call (\`usage.input_tokens\` of a response reports them).`, "unsupported_model");
      }
      const { input } = prepared;
      const converse = {
        messages: input.messages,
        ...input.system === void 0 ? {} : { system: input.system },
        ...input.toolConfig === void 0 ? {} : { toolConfig: input.toolConfig },
        ...input.additionalModelRequestFields === void 0 ? {} : { additionalModelRequestFields: input.additionalModelRequestFields }
      };
      const sent = await client._send("CountTokens", { modelId: baseId, input: { converse } }, prepared.requestOptions);
      const counted = sent.output.inputTokens ?? 0;
      return { data: { object: "response.input_tokens", input_tokens: counted }, request_id: sent.requestId, response: sent.metadata };
    });
  }
};
async function planRequest(client, params, options, stream) {
  if (typeof params !== "object" || params === null || Array.isArray(params))
    throw BadRequestError.forParam("body", "The request body must be an object.");
  const warnings = [];
  const unsupported = createUnsupportedParamHandler({
    drop: options.dropUnsupportedParams ?? client._settings.dropUnsupportedParams,
    warn: (warning) => warnings.push(warning)
  });
  const previous = params.previous_response_id;
  const history = typeof previous === "string" && previous !== "" ? await readChain(client._responseStore, previous) : [];
  const references = await readReferences(client._responseStore, params.input);
  const plan = convertToChatRequest(params, { history, resolveItem: (id) => references.get(id), unsupported, stream });
  return { plan, warnings };
}
async function readChain(store, id) {
  const records = [];
  const seen = /* @__PURE__ */ new Set();
  let current = id;
  while (typeof current === "string" && current !== "" && !seen.has(current) && records.length < MAX_CHAIN) {
    seen.add(current);
    const record = await store.get(current);
    if (record === void 0) {
      if (current === id)
        throw notFound2(id, "previous_response_id", "Previous response");
      throw new NotFoundError(404, `Previous response with id '${id}' cannot be continued: the earlier response '${current}' it builds on is no longer stored.`, {
        param: "previous_response_id",
        type: "invalid_request_error",
        code: "previous_response_not_found"
      });
    }
    records.push({ id: current, record });
    current = record.response.previous_response_id;
  }
  const items = [];
  for (const { id: responseId, record } of records.reverse()) {
    record.input.forEach((item, index) => items.push({ item, param: `previous_response_id (${responseId} input[${index}])` }));
    record.response.output.forEach((item, index) => items.push({ item, param: `previous_response_id (${responseId} output[${index}])` }));
  }
  return items;
}
async function readReferences(store, input) {
  const found = /* @__PURE__ */ new Map();
  if (!Array.isArray(input))
    return found;
  const records = /* @__PURE__ */ new Map();
  for (const item of input) {
    if (typeof item !== "object" || item === null || typeof item.id !== "string")
      continue;
    const reference = item.type === "item_reference" || (item.type === void 0 || item.type === null) && item.role === void 0;
    if (!reference)
      continue;
    const where = parseItemId(item.id);
    if (where === void 0)
      continue;
    if (!records.has(where.responseId))
      records.set(where.responseId, await store.get(where.responseId));
    const record = records.get(where.responseId);
    const stored = where.input ? record?.input[where.index] : record?.response.output[where.index];
    if (stored?.id === item.id)
      found.set(item.id, stored);
  }
  return found;
}
async function findResponse(client, id, param) {
  if (typeof id !== "string" || id === "")
    throw BadRequestError.forParam(param, `\`${param}\` must be a non-empty string.`);
  const record = await client._responseStore.get(id);
  if (record === void 0)
    throw notFound2(id, param);
  return record;
}
function notFound2(id, param, what = "Response") {
  return new NotFoundError(404, `${what} with id '${id}' not found.`, { param, type: "invalid_request_error", code: null });
}
function local(data) {
  return { data, request_id: null, response: { httpStatusCode: void 0, requestId: void 0, attempts: 0, totalRetryDelay: 0 } };
}
function includesEncrypted(include) {
  return Array.isArray(include) && include.includes("reasoning.encrypted_content");
}
function presentResponse(response, includeEncrypted) {
  if (includeEncrypted)
    return response;
  return { ...response, output: response.output.map((item) => hideEncrypted(item)) };
}
function hideEncrypted(item) {
  if (item.type !== "reasoning" || item.encrypted_content === void 0)
    return item;
  const { encrypted_content: _hidden, ...shown } = item;
  return shown;
}
function echoOf(params) {
  const tools = [];
  for (const tool of params.tools ?? []) {
    if (tool.type !== "function")
      continue;
    const fn = tool;
    tools.push({ type: "function", name: fn.name, description: fn.description ?? null, parameters: fn.parameters ?? null, strict: fn.strict ?? null });
  }
  const choice = params.tool_choice;
  const toolChoice = choice === void 0 || choice === null || typeof choice === "object" && choice.type !== "function" && choice.type !== "allowed_tools" ? "auto" : choice;
  const echo = {
    instructions: params.instructions ?? null,
    metadata: params.metadata ?? {},
    parallel_tool_calls: params.parallel_tool_calls ?? true,
    temperature: params.temperature ?? null,
    top_p: params.top_p ?? null,
    tool_choice: toolChoice,
    tools,
    background: false,
    max_output_tokens: params.max_output_tokens ?? null,
    previous_response_id: params.previous_response_id ?? null,
    reasoning: { effort: params.reasoning?.effort ?? null, summary: params.reasoning?.summary ?? params.reasoning?.generate_summary ?? null },
    service_tier: params.service_tier ?? "auto",
    store: params.store !== false,
    text: { format: params.text?.format ?? { type: "text" }, ...params.text?.verbosity === void 0 ? {} : { verbosity: params.text.verbosity } },
    truncation: params.truncation ?? "disabled"
  };
  if (params.user !== void 0)
    echo.user = params.user;
  if (params.safety_identifier !== void 0 && params.safety_identifier !== null)
    echo.safety_identifier = params.safety_identifier;
  return echo;
}
var PREFIXES = { message: "msg", function_call: "fc", function_call_output: "fco", reasoning: "rs" };
function inputItemsOf(input, hex) {
  return input.map((raw, index) => {
    const item = raw;
    const type = item.type ?? "message";
    const id = typeof item.id === "string" && item.id !== "" ? item.id : inputItemId(PREFIXES[type] ?? "msg", hex, index);
    if (type === "message") {
      const content = typeof item.content === "string" ? [{ type: item.role === "assistant" ? "output_text" : "input_text", text: item.content, ...item.role === "assistant" ? { annotations: [] } : {} }] : item.content;
      return { ...item, type: "message", id, content, status: item.status ?? "completed" };
    }
    return { ...item, id };
  });
}
function listItems(items, query) {
  const order = query.order ?? "desc";
  if (order !== "asc" && order !== "desc")
    throw BadRequestError.forParam("order", '`order` must be "asc" or "desc".');
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw BadRequestError.forParam("limit", "`limit` must be a whole number from 1 to 100.");
  const ordered = order === "asc" ? items : [...items].reverse();
  let start = 0;
  if (query.after !== void 0) {
    const position = ordered.findIndex((item) => item.id === query.after);
    if (position === -1)
      throw BadRequestError.forParam("after", `\`after\` (\`${query.after}\`) is not an item of this response.`);
    start = position + 1;
  }
  const data = ordered.slice(start, start + limit);
  return { object: "list", data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < ordered.length };
}
function bareModelId(modelId) {
  return modelId.replace(/^(us|eu|apac|jp|au|ca|us-gov|global)\./, "");
}

// dist/src/responses/store.js
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
var MemoryResponseStore = class _MemoryResponseStore {
  static DEFAULT_MAX_RESPONSES = 1e3;
  static DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
  #maxResponses;
  #maxBytes;
  /** Insertion order is recency order: a read moves an entry to the end. */
  #entries = /* @__PURE__ */ new Map();
  #bytes = 0;
  constructor(options = {}) {
    this.#maxResponses = options.maxResponses ?? _MemoryResponseStore.DEFAULT_MAX_RESPONSES;
    this.#maxBytes = options.maxBytes ?? _MemoryResponseStore.DEFAULT_MAX_BYTES;
    if (!Number.isInteger(this.#maxResponses) || this.#maxResponses < 1)
      throw new RangeError("`maxResponses` must be a whole number \u2265 1.");
    if (!Number.isInteger(this.#maxBytes) || this.#maxBytes < 1)
      throw new RangeError("`maxBytes` must be a whole number \u2265 1.");
  }
  /** Responses held now, and their total size. */
  get size() {
    return { responses: this.#entries.size, bytes: this.#bytes };
  }
  async get(id) {
    const entry = this.#entries.get(id);
    if (entry === void 0)
      return void 0;
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return JSON.parse(entry.json);
  }
  async set(id, record) {
    const json = JSON.stringify(record);
    const bytes = Buffer.byteLength(json);
    this.#remove(id);
    if (bytes > this.#maxBytes)
      return;
    this.#entries.set(id, { json, bytes });
    this.#bytes += bytes;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxResponses && this.#bytes <= this.#maxBytes)
        break;
      this.#remove(oldest);
    }
  }
  async delete(id) {
    return this.#remove(id);
  }
  #remove(id) {
    const entry = this.#entries.get(id);
    if (entry === void 0)
      return false;
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
    return true;
  }
};
var FileResponseStore = class {
  #directory;
  #ready;
  constructor(directory) {
    if (typeof directory !== "string" || directory === "")
      throw new TypeError("FileResponseStore needs a directory path.");
    this.#directory = directory;
  }
  async get(id) {
    const path = this.#path(id);
    if (path === void 0)
      return void 0;
    try {
      return JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      if (error.code === "ENOENT")
        return void 0;
      throw error;
    }
  }
  async set(id, record) {
    const path = this.#path(id);
    if (path === void 0)
      throw new TypeError(`Not a response ID: ${JSON.stringify(id)}.`);
    this.#ready ??= mkdir(this.#directory, { recursive: true });
    await this.#ready;
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, JSON.stringify(record));
    await rename(temporary, path);
  }
  async delete(id) {
    const path = this.#path(id);
    if (path === void 0)
      return false;
    try {
      await rm(path);
      return true;
    } catch (error) {
      if (error.code === "ENOENT")
        return false;
      throw error;
    }
  }
  /** The file of an ID; `undefined` for anything that is not one of our IDs (no path can escape the directory). */
  #path(id) {
    return /^resp_[0-9a-f]{32}$/.test(id) ? join(this.#directory, `${id}.json`) : void 0;
  }
};

// dist/src/batch/config.js
var S3_URI = /^s3:\/\/([a-z0-9][-.a-z0-9]{1,61}[a-z0-9])(?:\/((?:[-!_*'().a-zA-Z0-9]+\/)*(?:[-!_*'().a-zA-Z0-9]+\/?)?))?$/;
var ROLE_ARN = /^arn:aws(-[^:]+)?:iam::[0-9]{12}:role\/.+$/;
var ENV = { s3Uri: "BEDROCK_OPENAI_BATCH_S3_URI", roleArn: "BEDROCK_OPENAI_BATCH_ROLE_ARN" };
function resolveBatchConfig(input) {
  const pick = (field) => {
    const option = input.options?.[field];
    if (option !== void 0)
      return { value: option, source: `the batch.${field} option` };
    const env = input.env[ENV[field]]?.trim();
    if (env !== void 0 && env !== "")
      return { value: env, source: ENV[field] };
    const file = input.file?.[field];
    if (file !== void 0)
      return { value: file, source: `batch.${field} in ${input.filePath ?? "bedrock.json"}` };
    throw new ConfigurationError(`batch.${field}`, `Batch inference needs \`batch.${field}\` (${field === "s3Uri" ? 'the S3 folder for files and job data, e.g. "s3://my-bucket/bedrock-batch/"' : 'the IAM role Bedrock assumes to read and write it, e.g. "arn:aws:iam::123456789012:role/BedrockBatch"'}): set it in the \`batch\` client option, ${ENV[field]}, or "batch" in bedrock.json.`);
  };
  const s3Uri2 = pick("s3Uri");
  const match = typeof s3Uri2.value === "string" ? S3_URI.exec(s3Uri2.value.trim()) : null;
  if (match === null) {
    throw new ConfigurationError("batch.s3Uri", `\`batch.s3Uri\` (from ${s3Uri2.source}) must be an S3 URI like "s3://my-bucket/prefix/" (bucket name in lower case; key characters as Bedrock allows: letters, digits and -!_*'().); got ${JSON.stringify(s3Uri2.value)}.`);
  }
  const roleArn = pick("roleArn");
  if (typeof roleArn.value !== "string" || !ROLE_ARN.test(roleArn.value.trim())) {
    throw new ConfigurationError("batch.roleArn", `\`batch.roleArn\` (from ${roleArn.source}) must be an IAM role ARN like "arn:aws:iam::123456789012:role/BedrockBatch"; got ${JSON.stringify(roleArn.value)}.`);
  }
  for (const field of ["s3Endpoint", "bedrockEndpoint"]) {
    const value = input.options?.[field] ?? input.file?.[field];
    if (value !== void 0 && !/^https?:\/\/[^\s]+$/.test(value))
      throw new ConfigurationError(`batch.${field}`, `\`batch.${field}\` must be an http(s) URL; got ${JSON.stringify(value)}.`);
  }
  const folder = match[2] ?? "";
  return {
    bucket: match[1] ?? "",
    prefix: folder === "" || folder.endsWith("/") ? folder : `${folder}/`,
    roleArn: roleArn.value.trim(),
    s3Endpoint: input.options?.s3Endpoint ?? input.file?.s3Endpoint,
    bedrockEndpoint: input.options?.bedrockEndpoint ?? input.file?.bedrockEndpoint
  };
}

// dist/src/internal/log.js
var LOG_LEVELS = ["off", "error", "warn", "info", "debug"];
var RANK = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
function createLogger(level, sink = console) {
  const at = (lineLevel) => (message) => {
    if (RANK[lineLevel] > RANK[level])
      return;
    sink[lineLevel]?.(redactSecrets(message));
  };
  return { level, error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}

// dist/src/client-options.js
function configOptionsOf(options) {
  return {
    region: options.region,
    profile: options.profile,
    endpoint: options.endpoint,
    apiKey: options.apiKey,
    maxRetries: options.maxRetries,
    timeout: options.timeout,
    crossRegion: options.crossRegion,
    aliases: options.aliases
  };
}
function validateClientOptions(options) {
  if (typeof options !== "object" || options === null)
    throw new ConfigurationError("options", "Client options must be an object.");
  const strings = ["region", "profile", "endpoint"];
  for (const key of strings) {
    const value = options[key];
    if (value !== void 0 && (typeof value !== "string" || value.trim() === "")) {
      throw new ConfigurationError(key, `\`${key}\` must be a non-empty string; got ${JSON.stringify(value)}.`);
    }
  }
  if (options.maxRetries !== void 0 && (!Number.isInteger(options.maxRetries) || options.maxRetries < 0)) {
    throw new ConfigurationError("maxRetries", `\`maxRetries\` must be a whole number \u2265 0; got ${JSON.stringify(options.maxRetries)}.`);
  }
  if (options.timeout !== void 0 && (typeof options.timeout !== "number" || !Number.isFinite(options.timeout) || options.timeout <= 0)) {
    throw new ConfigurationError("timeout", `\`timeout\` must be a number of milliseconds > 0; got ${JSON.stringify(options.timeout)}.`);
  }
  if (options.streamIdleTimeout !== void 0 && (typeof options.streamIdleTimeout !== "number" || !Number.isFinite(options.streamIdleTimeout) || options.streamIdleTimeout < 0)) {
    throw new ConfigurationError("streamIdleTimeout", `\`streamIdleTimeout\` must be a number of milliseconds \u2265 0 (0 turns it off); got ${JSON.stringify(options.streamIdleTimeout)}.`);
  }
  if (options.crossRegion !== void 0 && !["auto", "off", "global"].includes(options.crossRegion)) {
    throw new ConfigurationError("crossRegion", `\`crossRegion\` must be "auto", "off" or "global"; got ${JSON.stringify(options.crossRegion)}.`);
  }
  if (options.configFile !== void 0 && options.configFile !== false && typeof options.configFile !== "string") {
    throw new ConfigurationError("configFile", "`configFile` must be a path or false.");
  }
  if (options.logLevel !== void 0 && !LOG_LEVELS.includes(options.logLevel)) {
    throw new ConfigurationError("logLevel", `\`logLevel\` must be one of ${LOG_LEVELS.join(", ")}.`);
  }
  if (options.quotas !== void 0)
    validateDeclaredQuotas(options.quotas);
  if (options.onLimit !== void 0 && typeof options.onLimit !== "function")
    throw new ConfigurationError("onLimit", "`onLimit` must be a function.");
  if (options.limits !== void 0 && !(options.limits instanceof Limits)) {
    throw new ConfigurationError("limits", "`limits` must be another client's `limits` (`new Client({ limits: other.limits })`).");
  }
}

// dist/src/config/bedrock-json.js
import { existsSync, readFileSync } from "node:fs";
import { dirname, join as join2, resolve } from "node:path";

// dist/src/internal/env.js
function readEnv(env, name) {
  const value = env[name];
  if (value === void 0)
    return void 0;
  const trimmed = value.trim();
  return trimmed === "" ? void 0 : trimmed;
}

// dist/src/config/bedrock-json.js
var KEYS = {
  profile: "a string",
  region: "a string",
  endpoint: "a string (URL)",
  aliases: 'an object mapping alias names to model IDs, or to { "id": ..., "baseModel": ... }',
  crossRegion: 'one of "auto", "off", "global"',
  maxRetries: "a whole number \u2265 0",
  timeout: "a whole number of milliseconds > 0",
  batch: "an object with string fields s3Uri, roleArn, s3Endpoint, bedrockEndpoint",
  quotas: 'an object mapping models to { "requestsPerMinute": \u2026, "tokensPerMinute": \u2026 }'
};
var BATCH_KEYS = ["s3Uri", "roleArn", "s3Endpoint", "bedrockEndpoint"];
function findBedrockJson(input) {
  const exists2 = input.exists ?? existsSync;
  if (input.configFile === false)
    return void 0;
  const explicit = input.configFile ?? readEnv(input.env, "BEDROCK_CONFIG_FILE");
  if (explicit !== void 0) {
    const path = resolve(input.cwd, explicit);
    if (!exists2(path)) {
      const source = input.configFile !== void 0 ? "the configFile option" : "BEDROCK_CONFIG_FILE";
      throw new ConfigurationError("configFile", `bedrock.json not found: ${path} (named by ${source}).`, path);
    }
    return path;
  }
  let directory = resolve(input.cwd);
  for (; ; ) {
    const candidate = join2(directory, "bedrock.json");
    if (exists2(candidate))
      return candidate;
    if (exists2(join2(directory, "package.json")) || exists2(join2(directory, ".git")))
      return void 0;
    const parent = dirname(directory);
    if (parent === directory)
      return void 0;
    directory = parent;
  }
}
function loadBedrockJson(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigurationError("configFile", `Cannot read bedrock.json at ${path}: ${error.message}`, path);
  }
  return { path, config: parseBedrockJson(text, path) };
}
function parseBedrockJson(text, path) {
  let data;
  try {
    data = JSON.parse(text.charCodeAt(0) === 65279 ? text.slice(1) : text);
  } catch (error) {
    const { line, column } = locateJsonError(text, error);
    throw new ConfigurationError("bedrock.json", `Invalid JSON in ${path} at line ${line}, column ${column}: ${error.message}`, path);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ConfigurationError("bedrock.json", `${path} must hold a JSON object, like { "region": "us-east-1" }.`, path);
  }
  const record = data;
  const config = {};
  for (const [key, value] of Object.entries(record)) {
    if (!(key in KEYS)) {
      const [suggestion] = closestMatches(key, Object.keys(KEYS), 1);
      const hint = suggestion === void 0 ? ` Known keys: ${Object.keys(KEYS).join(", ")}.` : ` Did you mean "${suggestion}"?`;
      throw new ConfigurationError(key, `Unknown key "${key}" in ${path}.${hint}`, path);
    }
    const wrongType = () => new ConfigurationError(key, `"${key}" in ${path} must be ${KEYS[key]}; got ${describe2(value)}.`, path);
    switch (key) {
      case "profile":
      case "region":
      case "endpoint":
        if (typeof value !== "string" || value.trim() === "")
          throw wrongType();
        if (key === "endpoint" && !isUrl(value))
          throw wrongType();
        config[key] = value.trim();
        break;
      case "crossRegion":
        if (value !== "auto" && value !== "off" && value !== "global")
          throw wrongType();
        config.crossRegion = value;
        break;
      case "maxRetries":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
          throw wrongType();
        config.maxRetries = value;
        break;
      case "timeout":
        if (typeof value !== "number" || !Number.isInteger(value) || value <= 0)
          throw wrongType();
        config.timeout = value;
        break;
      case "aliases":
        config.aliases = parseAliases(value, path, wrongType);
        break;
      case "batch": {
        if (typeof value !== "object" || value === null || Array.isArray(value))
          throw wrongType();
        const batch = {};
        for (const [field, fieldValue] of Object.entries(value)) {
          if (!BATCH_KEYS.includes(field)) {
            throw new ConfigurationError(`batch.${field}`, `Unknown key "batch.${field}" in ${path}. Known keys: ${BATCH_KEYS.join(", ")}.`, path);
          }
          if (typeof fieldValue !== "string" || fieldValue.trim() === "") {
            throw new ConfigurationError(`batch.${field}`, `"batch.${field}" in ${path} must be a non-empty string; got ${describe2(fieldValue)}.`, path);
          }
          batch[field] = fieldValue.trim();
        }
        config.batch = batch;
        break;
      }
      case "quotas":
        config.quotas = validateDeclaredQuotas(value, path);
        break;
    }
  }
  return config;
}
function parseAliases(value, path, wrongType) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw wrongType();
  const aliases = {};
  for (const [name, target] of Object.entries(value)) {
    const param = `aliases.${name}`;
    if (typeof target === "string" && target.trim() !== "") {
      aliases[name] = target.trim();
      continue;
    }
    if (typeof target === "object" && target !== null && !Array.isArray(target)) {
      const { id, baseModel, ...rest } = target;
      const [extra] = Object.keys(rest);
      if (extra !== void 0) {
        throw new ConfigurationError(param, `Unknown key "${extra}" in "${param}" in ${path}; an alias takes "id" and "baseModel".`, path);
      }
      if (typeof id !== "string" || id.trim() === "") {
        throw new ConfigurationError(param, `"${param}.id" in ${path} must be a model ID or ARN (a string).`, path);
      }
      if (baseModel !== void 0 && (typeof baseModel !== "string" || baseModel.trim() === "")) {
        throw new ConfigurationError(param, `"${param}.baseModel" in ${path} must be a model alias or ID (a string).`, path);
      }
      aliases[name] = baseModel === void 0 ? { id: id.trim() } : { id: id.trim(), baseModel: baseModel.trim() };
      continue;
    }
    throw new ConfigurationError(param, `"${param}" in ${path} must be a model ID string or { "id": ..., "baseModel": ... }; got ${describe2(target)}.`, path);
  }
  return aliases;
}
function isUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
function describe2(value) {
  if (value === null)
    return "null";
  if (Array.isArray(value))
    return "an array";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
function locateJsonError(text, error) {
  const failsBefore = (length) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (prefixError) {
      const message = prefixError.message;
      if (/Unexpected end/i.test(message))
        return false;
      const position = /position (\d+)/.exec(message);
      return !(position !== null && Number(position[1]) >= length);
    }
  };
  let offset;
  const stated = /position (\d+)/.exec(error.message);
  if (stated !== null) {
    offset = Number(stated[1]);
  } else {
    let low = 1;
    let high = text.length;
    while (low < high) {
      const middle = low + high >> 1;
      if (failsBefore(middle))
        high = middle;
      else
        low = middle + 1;
    }
    offset = low - 1;
  }
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { line, column };
}

// dist/src/config/credentials.js
import { homedir } from "node:os";
import { join as join3 } from "node:path";

// dist/src/config/resolve.js
var DEFAULT_REGION = "us-east-1";
var DEFAULT_MAX_RETRIES = 2;
var DEFAULT_TIMEOUT_MS = 6e5;
function first(...candidates) {
  for (const candidate of candidates) {
    if (candidate !== void 0 && candidate.value !== void 0)
      return candidate;
  }
  return void 0;
}
function fromEnv(env, name) {
  return { value: readEnv(env, name), source: `env:${name}` };
}
function resolveConfig(input) {
  const { options, env } = input;
  const file = input.file?.config ?? {};
  const fileSource = (key) => `bedrock.json:${key}`;
  const option = (value) => ({ value, source: "option" });
  const fromFile = (key, value) => ({ value, source: fileSource(key) });
  const profile = first(option(options.profile), fromEnv(env, "AWS_PROFILE"), fromFile("profile", file.profile)) ?? {
    value: "default",
    source: "default"
  };
  const sharedRegion = input.sharedConfig?.[profile.value]?.["region"]?.trim();
  const region = first(option(options.region), fromEnv(env, "AWS_REGION"), fromEnv(env, "AWS_DEFAULT_REGION"), fromFile("region", file.region), { value: sharedRegion === "" ? void 0 : sharedRegion, source: `shared-config:${profile.value}` }) ?? { value: DEFAULT_REGION, source: "default" };
  const endpoint = first(option(options.endpoint), fromEnv(env, "AWS_ENDPOINT_URL_BEDROCK_RUNTIME"), fromEnv(env, "AWS_ENDPOINT_URL"), fromFile("endpoint", file.endpoint));
  const apiKey = first(option(options.apiKey), fromEnv(env, "AWS_BEARER_TOKEN_BEDROCK"));
  const maxRetries = first(option(options.maxRetries), fromFile("maxRetries", file.maxRetries)) ?? {
    value: DEFAULT_MAX_RETRIES,
    source: "default"
  };
  const timeout = first(option(options.timeout), fromFile("timeout", file.timeout)) ?? {
    value: DEFAULT_TIMEOUT_MS,
    source: "default"
  };
  const crossRegion = first(option(options.crossRegion), fromFile("crossRegion", file.crossRegion)) ?? {
    value: "auto",
    source: "default"
  };
  if (endpoint !== void 0)
    assertUrl(endpoint);
  return {
    region,
    profile,
    endpoint,
    apiKey,
    maxRetries,
    timeout,
    crossRegion,
    aliases: { ...file.aliases, ...options.aliases }
  };
}
function assertUrl(endpoint) {
  let url;
  try {
    url = new URL(endpoint.value);
  } catch {
    url = void 0;
  }
  if (url === void 0 || url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError("endpoint", `The endpoint from ${describeSource(endpoint.source)} is not an http(s) URL: ${JSON.stringify(endpoint.value)}.`);
  }
}
function describeSource(source) {
  if (source === "option")
    return "the client option";
  if (source === "default")
    return "the default";
  if (source.startsWith("env:"))
    return `the ${source.slice(4)} environment variable`;
  if (source.startsWith("bedrock.json:"))
    return `bedrock.json (${source.slice("bedrock.json:".length)})`;
  return `the shared AWS config file (profile ${source.slice("shared-config:".length)})`;
}

// dist/src/config/credentials.js
var ENV_KEY = "AWS_ACCESS_KEY_ID";
var ENV_SECRET = "AWS_SECRET_ACCESS_KEY";
var ENV_SESSION = "AWS_SESSION_TOKEN";
function validateCredentialOptions(options) {
  const explicit = ["apiKey", "credentials", "profile"].filter((name) => options[name] !== void 0);
  if (explicit.length > 1) {
    throw new ConfigurationError(explicit.join(", "), `Pass only one of ${explicit.map((name) => `\`${name}\``).join(" and ")}: they are different ways to authenticate. Use \`apiKey\` for a Bedrock API key, \`credentials\` for AWS keys or a credential provider, or \`profile\` for a shared-config profile.`);
  }
  if (options.apiKey !== void 0 && (typeof options.apiKey !== "string" || options.apiKey.trim() === "")) {
    throw new ConfigurationError("apiKey", "`apiKey` must be a non-empty string (a Bedrock API key).");
  }
  if (options.profile !== void 0 && (typeof options.profile !== "string" || options.profile.trim() === "")) {
    throw new ConfigurationError("profile", "`profile` must be a non-empty string (a profile name from ~/.aws/config).");
  }
  const credentials = options.credentials;
  if (credentials === void 0 || typeof credentials === "function")
    return;
  if (typeof credentials !== "object" || credentials === null) {
    throw new ConfigurationError("credentials", "`credentials` must be { accessKeyId, secretAccessKey, sessionToken? } or a credential provider function.");
  }
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  const missing = [
    typeof accessKeyId === "string" && accessKeyId.trim() !== "" ? void 0 : "accessKeyId",
    typeof secretAccessKey === "string" && secretAccessKey.trim() !== "" ? void 0 : "secretAccessKey"
  ].filter((name) => name !== void 0);
  if (missing.length > 0) {
    throw new ConfigurationError(`credentials.${missing[0]}`, `\`credentials\` needs both accessKeyId and secretAccessKey; ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing or empty.`);
  }
  if (sessionToken !== void 0 && typeof sessionToken !== "string") {
    throw new ConfigurationError("credentials.sessionToken", "`credentials.sessionToken` must be a string.");
  }
}
function planAuth(input) {
  const { config, env } = input;
  if (input.credentials !== void 0) {
    return typeof input.credentials === "function" ? { kind: "provider", provider: input.credentials, source: "option" } : { kind: "static", credentials: input.credentials, source: "option" };
  }
  if (config.apiKey !== void 0)
    return { kind: "bearer", token: config.apiKey.value, source: config.apiKey.source };
  const profileChosen = config.profile.source !== "default";
  const accessKeyId = readEnv(env, ENV_KEY);
  const secretAccessKey = readEnv(env, ENV_SECRET);
  if (accessKeyId !== void 0 && secretAccessKey !== void 0 && !profileChosen) {
    return { kind: "environment", credentials: environmentCredentials(env, accessKeyId, secretAccessKey), source: `env:${ENV_KEY}` };
  }
  const present = [ENV_KEY, ENV_SECRET].filter((name) => readEnv(env, name) !== void 0);
  const environmentKeys = present.length === 2 ? "ignored-for-profile" : present.length === 1 ? `incomplete:${present[0]}` : "unset";
  const home = readEnv(env, "HOME") ?? readEnv(env, "USERPROFILE") ?? homedir();
  const webIdentity = {};
  const tokenFile = readEnv(env, "AWS_WEB_IDENTITY_TOKEN_FILE");
  const roleArn = readEnv(env, "AWS_ROLE_ARN");
  const roleSessionName = readEnv(env, "AWS_ROLE_SESSION_NAME");
  if (tokenFile !== void 0)
    webIdentity.tokenFile = tokenFile;
  if (roleArn !== void 0)
    webIdentity.roleArn = roleArn;
  if (roleSessionName !== void 0)
    webIdentity.roleSessionName = roleSessionName;
  return {
    kind: "chain",
    profile: config.profile.value,
    profileSource: config.profile.source,
    passProfile: profileChosen || input.injectedEnv === true,
    credentialsFile: readEnv(env, "AWS_SHARED_CREDENTIALS_FILE") ?? join3(home, ".aws", "credentials"),
    configFile: readEnv(env, "AWS_CONFIG_FILE") ?? join3(home, ".aws", "config"),
    webIdentity,
    environmentKeys
  };
}
function environmentCredentials(env, accessKeyId, secretAccessKey) {
  const credentials = { accessKeyId, secretAccessKey };
  const sessionToken = readEnv(env, ENV_SESSION);
  const expiration = readEnv(env, "AWS_CREDENTIAL_EXPIRATION");
  const credentialScope = readEnv(env, "AWS_CREDENTIAL_SCOPE");
  const accountId = readEnv(env, "AWS_ACCOUNT_ID");
  if (sessionToken !== void 0)
    credentials.sessionToken = sessionToken;
  if (expiration !== void 0)
    credentials.expiration = new Date(expiration);
  if (credentialScope !== void 0)
    credentials.credentialScope = credentialScope;
  if (accountId !== void 0)
    credentials.accountId = accountId;
  return credentials;
}
function authWarning(plan) {
  if (plan.kind !== "chain" || plan.environmentKeys !== "ignored-for-profile")
    return void 0;
  return `bedrock-openai: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are set, but profile "${plan.profile}" was chosen by ${describeSource(plan.profileSource)}: the profile's credentials are used and the environment keys are ignored. Unset one of them to silence this warning.`;
}
function describeAuth(plan) {
  switch (plan.kind) {
    case "bearer":
      return `Bedrock API key from ${describeSource(plan.source)}`;
    case "static":
      return "static AWS keys from the credentials option";
    case "provider":
      return "the credential provider from the credentials option";
    case "environment":
      return `AWS keys from the ${ENV_KEY}/${ENV_SECRET} environment variables${plan.credentials.sessionToken === void 0 ? "" : ` with ${ENV_SESSION}`}`;
    case "chain":
      return `the AWS credential chain for profile "${plan.profile}" (from ${describeSource(plan.profileSource)}${environmentKeysNote(plan)})`;
  }
}
function environmentKeysNote(plan) {
  if (plan.environmentKeys === "ignored-for-profile")
    return `; the ${ENV_KEY}/${ENV_SECRET} environment keys are ignored for it`;
  if (plan.environmentKeys.startsWith("incomplete:"))
    return `; only ${plan.environmentKeys.slice("incomplete:".length)} of the environment key pair is set`;
  return "";
}
function secretsOf(plan) {
  if (plan.kind === "bearer")
    return [plan.token];
  if (plan.kind === "static" || plan.kind === "environment") {
    return [plan.credentials.secretAccessKey, plan.credentials.sessionToken ?? "", plan.credentials.accessKeyId].filter((value) => value !== "");
  }
  return [];
}
function toSdkAuthConfig(plan) {
  switch (plan.kind) {
    case "bearer":
      return {
        token: { token: plan.token },
        authSchemePreference: ["httpBearerAuth"],
        // The SigV4 identity is never used with this preference; a provider that fails clearly keeps the SDK
        // from running its own default chain.
        credentials: async () => {
          throw new AuthenticationError(401, "SigV4 credentials are not used when a Bedrock API key is configured.");
        }
      };
    case "static": {
      const { accessKeyId, secretAccessKey, sessionToken } = plan.credentials;
      return {
        credentials: sessionToken === void 0 ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken },
        authSchemePreference: ["sigv4"]
      };
    }
    case "environment": {
      const { expiration, ...rest } = plan.credentials;
      const identity = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== void 0));
      return expiration === void 0 ? { credentials: identity, authSchemePreference: ["sigv4"] } : { credentials: async () => ({ ...identity, expiration }), authSchemePreference: ["sigv4"] };
    }
    case "provider":
      return { credentials: plan.provider, authSchemePreference: ["sigv4"] };
    case "chain":
      return { credentials: createChainProvider(plan), authSchemePreference: ["sigv4"] };
  }
}
function createChainProvider(plan) {
  let provider;
  return async (identityProperties) => {
    if (provider === void 0) {
      const { fromNodeProviderChain } = await import("@aws-sdk/credential-providers");
      provider = fromNodeProviderChain(chainInit(plan));
    }
    try {
      return await provider(identityProperties);
    } catch (error) {
      const name = error.name;
      if (name === "CredentialsProviderError" || name === "ProviderError")
        throw noCredentialsError(plan, error, process.env);
      throw error;
    }
  };
}
function chainInit(plan) {
  const { tokenFile, roleArn, roleSessionName } = plan.webIdentity;
  const quiet = () => void 0;
  return {
    ...plan.passProfile ? { profile: plan.profile } : {},
    filepath: plan.credentialsFile,
    configFilepath: plan.configFile,
    ...tokenFile === void 0 ? {} : { webIdentityTokenFile: tokenFile },
    ...roleArn === void 0 ? {} : { roleArn },
    ...roleSessionName === void 0 ? {} : { roleSessionName },
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet }
  };
}
function noCredentialsError(plan, cause, remoteEnv = {}) {
  const detail = cause instanceof Error ? ` (last provider said: ${redactSecrets(cause.message)})` : "";
  const set = (name) => readEnv(remoteEnv, name) !== void 0;
  const environmentStep = plan.environmentKeys === "ignored-for-profile" ? `the ${ENV_KEY}/${ENV_SECRET} environment variables were skipped, since profile "${plan.profile}" was chosen` : plan.environmentKeys === "unset" ? `the ${ENV_KEY}/${ENV_SECRET} environment variables (not set)` : `the ${ENV_KEY}/${ENV_SECRET} environment variables (only ${plan.environmentKeys.slice("incomplete:".length)} is set: both are needed)`;
  const webIdentityStep = plan.webIdentity.tokenFile !== void 0 && plan.webIdentity.roleArn !== void 0 ? `web identity with the token in ${plan.webIdentity.tokenFile}` : "web identity (AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not both set)";
  const container = set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") || set("AWS_CONTAINER_CREDENTIALS_FULL_URI");
  const imdsDisabled = (readEnv(remoteEnv, "AWS_EC2_METADATA_DISABLED") ?? "false").toLowerCase() !== "false";
  const remoteStep = container ? "the ECS container credentials endpoint" : imdsDisabled ? "no ECS container endpoint set, and the EC2 instance metadata service is disabled (AWS_EC2_METADATA_DISABLED)" : "no ECS container endpoint set, then the EC2 instance metadata service";
  const message = [
    `No AWS credentials found for Bedrock${detail}.`,
    `Tried, in order: ${environmentStep};`,
    `profile "${plan.profile}" (from ${describeSource(plan.profileSource)}) in ${plan.credentialsFile} and ${plan.configFile}`,
    `(static keys, assume-role, SSO, credential_process, web identity); ${webIdentityStep}; ${remoteStep}.`,
    "To fix it, do one of:",
    `  - run \`aws sso login --profile ${plan.profile}\` (or \`aws configure\`) for that profile;`,
    "  - set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys);",
    '  - name another profile with "profile" in bedrock.json, AWS_PROFILE, or the profile option;',
    "  - use a Bedrock API key: the apiKey option or AWS_BEARER_TOKEN_BEDROCK."
  ].join("\n");
  const scrubbedCause = cause instanceof Error ? Object.assign(new Error(redactSecrets(cause.message)), { name: cause.name }) : void 0;
  return new AuthenticationError(401, message, {
    cause: scrubbedCause,
    code: "no_credentials",
    type: "authentication_error",
    bedrockErrorName: "CredentialsProviderError"
  });
}

// dist/src/config/shared-config.js
async function loadSharedConfig(env) {
  const { loadSharedConfigFiles } = await import("@smithy/shared-ini-file-loader");
  const configFilepath = env["AWS_CONFIG_FILE"]?.trim();
  const filepath = env["AWS_SHARED_CREDENTIALS_FILE"]?.trim();
  try {
    const files = await loadSharedConfigFiles({
      ...configFilepath === void 0 || configFilepath === "" ? {} : { configFilepath },
      ...filepath === void 0 || filepath === "" ? {} : { filepath },
      ignoreCache: true
    });
    return files.configFile;
  } catch {
    return {};
  }
}

// dist/src/core/call-signal.js
var CALL_SIGNAL = /* @__PURE__ */ Symbol("bedrock-openai.callSignal");
var CALL_SIGNAL_MIDDLEWARE = "bedrockOpenAICallSignal";
var requestSignals = /* @__PURE__ */ new WeakMap();
function withCallSignal(input, signal) {
  return { ...input, [CALL_SIGNAL]: signal };
}
function callSignalOf(input) {
  return typeof input === "object" && input !== null ? input[CALL_SIGNAL] : void 0;
}
function addCallSignalMiddleware(stack) {
  stack.add((next) => (args) => {
    const signal = callSignalOf(args.input);
    if (signal !== void 0 && typeof args.request === "object" && args.request !== null)
      requestSignals.set(args.request, signal);
    return next(args);
  }, { step: "deserialize", priority: "low", name: CALL_SIGNAL_MIDDLEWARE, override: true });
}
var CallSignalHandler = class {
  #inner;
  constructor(inner) {
    this.#inner = inner;
  }
  get metadata() {
    return this.#inner.metadata;
  }
  handle(request, options) {
    const abortSignal = requestSignals.get(request);
    if (abortSignal === void 0)
      return this.#inner.handle(request, options);
    requestSignals.delete(request);
    return this.#inner.handle(request, { ...options, abortSignal });
  }
  updateHttpClientConfig(key, value) {
    this.#inner.updateHttpClientConfig?.(key, value);
  }
  httpHandlerConfigs() {
    return this.#inner.httpHandlerConfigs?.() ?? {};
  }
  destroy() {
    this.#inner.destroy?.();
  }
};

// dist/src/core/request-headers.js
var REQUEST_HEADERS = /* @__PURE__ */ Symbol("bedrock-openai.requestHeaders");
var REQUEST_HEADERS_MIDDLEWARE = "bedrockOpenAIRequestHeaders";
function withRequestHeaders(input, headers) {
  return { ...input, [REQUEST_HEADERS]: headers };
}
function requestHeadersOf(input) {
  return typeof input === "object" && input !== null ? input[REQUEST_HEADERS] : void 0;
}
function addRequestHeadersMiddleware(stack) {
  stack.add((next) => (args) => {
    const headers = requestHeadersOf(args.input);
    const request = args.request;
    if (headers !== void 0 && request?.headers !== void 0) {
      for (const [name, value] of Object.entries(headers))
        request.headers[name] = value;
    }
    return next(args);
  }, { step: "build", priority: "low", name: REQUEST_HEADERS_MIDDLEWARE, override: true });
}

// dist/src/core/sdk-clients.js
var SdkClients = class {
  #options;
  #states = /* @__PURE__ */ new Map();
  #handler;
  constructor(options) {
    this.#options = options;
  }
  /** The SDK client of a service and region once built, else `undefined`. */
  readyClient(service, region) {
    return this.#states.get(service)?.readyClients.get(region);
  }
  /** The command class of an operation once loaded, else `undefined`. */
  readyCommand(service, name) {
    return this.#states.get(service)?.commandClasses.get(name);
  }
  /** Imports the service's package (once) and builds the region's SDK client and the operation's command class. */
  load(service, region, name) {
    const state = this.#state(service);
    return Promise.all([this.#sdkClient(state, service, region), state.commandClasses.get(name) ?? this.#loadCommandClass(state, service, name)]);
  }
  /** The SDK client of a service and region, built on first use. */
  client(service, region) {
    return this.#sdkClient(this.#state(service), service, region);
  }
  /** Destroys every SDK client (closing pooled connections); later calls build new ones. */
  close() {
    for (const state of this.#states.values()) {
      for (const client of state.clients.values())
        void client.then((sdkClient) => sdkClient.destroy()).catch(() => void 0);
      state.clients.clear();
      state.readyClients.clear();
    }
    this.#handler = void 0;
  }
  #state(service) {
    let state = this.#states.get(service);
    if (state === void 0) {
      state = { module: void 0, clients: /* @__PURE__ */ new Map(), readyClients: /* @__PURE__ */ new Map(), commandClasses: /* @__PURE__ */ new Map() };
      this.#states.set(service, state);
    }
    return state;
  }
  #loadModule(state, service) {
    if (state.module === void 0) {
      const module = service.load();
      state.module = module;
      module.catch(() => {
        if (state.module === module)
          state.module = void 0;
      });
    }
    return state.module;
  }
  #loadHandler() {
    if (this.#options.requestHandler !== void 0)
      return Promise.resolve(this.#options.requestHandler);
    this.#handler ??= (async () => {
      const [{ NodeHttpHandler }, http, https] = await Promise.all([
        import("@smithy/node-http-handler"),
        import("node:http"),
        import("node:https")
      ]);
      return new NodeHttpHandler({
        httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
        httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 })
      });
    })();
    return this.#handler;
  }
  #sdkClient(state, service, region) {
    let client = state.clients.get(region);
    if (client === void 0) {
      client = (async () => {
        const [module, handler, endpoint] = await Promise.all([
          this.#loadModule(state, service),
          this.#loadHandler(),
          this.#options.endpoint(service)
        ]);
        const { auth } = this.#options;
        const settings = {
          region,
          maxAttempts: 1,
          // The SDK resolves each command class's middleware once instead of on every call (src/core/call-signal.ts
          // explains how each attempt's abort signal still reaches the HTTP handler).
          cacheMiddleware: true,
          requestHandler: new CallSignalHandler(handler),
          authSchemePreference: auth.authSchemePreference,
          ...auth.credentials === void 0 ? {} : { credentials: auth.credentials },
          ...auth.token === void 0 ? {} : { token: auth.token },
          ...endpoint === void 0 ? {} : { endpoint }
        };
        const sdkClient = service.createClient(module, settings);
        addCallSignalMiddleware(sdkClient.middlewareStack);
        addRequestHeadersMiddleware(sdkClient.middlewareStack);
        if (state.clients.get(region) === client)
          state.readyClients.set(region, sdkClient);
        return sdkClient;
      })();
      state.clients.set(region, client);
      client.catch(() => state.clients.delete(region));
    }
    return client;
  }
  async #loadCommandClass(state, service, name) {
    const module = await this.#loadModule(state, service);
    const Command = service.commandClass(module, name);
    state.commandClasses.set(name, Command);
    return Command;
  }
};

// dist/src/limits/attempt.js
function outcomeOf(error) {
  if (!(error instanceof APIError) || error.status === void 0)
    return "failed";
  const name = error.bedrockErrorName;
  const tooMany = /too many (requests|tokens)/i.exec(error.message);
  if (name === "ThrottlingException" || name === "ServiceQuotaExceededException" && tooMany !== null || name === void 0 && error.status === 429) {
    return /too many tokens/i.test(error.message) ? "throttled-tokens" : "throttled-requests";
  }
  return "admitted";
}
function acquirePermit(limiter, tokens, signal, timeoutMs) {
  return limiter.acquire({
    tokens,
    signal,
    abortError: () => new APIUserAbortError(),
    deadline: {
      ms: timeoutMs,
      error: () => new APIConnectionTimeoutError({
        message: `Request timed out after ${timeoutMs} ms waiting for the rate limiter of ${limiter.model} (${limiter.queued} calls queued, ${limiter.inFlight} in flight).`
      })
    }
  });
}

// dist/src/core/transport.js
var Transport = class {
  #options;
  /** The SDK clients (src/core/sdk-clients.ts): packages, one client per service and region, command classes. */
  #clients;
  /** Per SDK client, the operations whose first command the SDK's middleware cache already holds (see `#attempt`). */
  #cachedOperations = /* @__PURE__ */ new WeakMap();
  constructor(options) {
    this.#options = options;
    this.#clients = new SdkClients(options);
  }
  /** Sends one operation with retries; each attempt is bounded by `timeoutMs` and cancelled by `signal`. */
  async send(service, name, input, options) {
    const attempt = () => this.#attempt(service, name, input, options, void 0, new LightAbortController());
    const limit = options.limit;
    const outcome = await withRetry(limit === void 0 ? attempt : async () => {
      const { value, permit } = await this.#limitedAttempt(service, name, limit, options, attempt);
      permit.finish("admitted", limit.used?.(value));
      return value;
    }, { maxRetries: options.maxRetries, signal: options.signal, onRetry: options.onRetry });
    const output = outcome.value;
    const meta = output.$metadata ?? {};
    return {
      output,
      requestId: meta.requestId ?? null,
      metadata: { httpStatusCode: meta.httpStatusCode, requestId: meta.requestId, attempts: outcome.attempts, totalRetryDelay: outcome.totalDelayMs }
    };
  }
  /**
   * Sends a streaming operation. Retries cover the request and the wait for the first event (an HTTP error, or an
   * exception frame before any event); once the first event has arrived, nothing is retried. After that the
   * caller's signal still cancels the stream, and a `next()` that waits `idleTimeoutMs` (0: forever) fails with
   * `APIConnectionTimeoutError` and cancels the request.
   */
  async sendStream(service, name, input, pick, options) {
    let controller = new AbortController();
    const limit = options.limit;
    let permit;
    const outcome = await withRetry(async () => {
      controller = new AbortController();
      const attempt = () => this.#attempt(service, name, input, options, async (output2) => {
        const iterable = pick(output2);
        if (iterable === void 0)
          throw new BedrockOpenAIError(`${name} returned no event stream.`);
        const iterator2 = iterable[Symbol.asyncIterator]();
        const first3 = await iterator2.next();
        return { output: output2, iterator: iterator2, first: first3 };
      }, controller);
      if (limit === void 0)
        return attempt();
      const limited = await this.#limitedAttempt(service, name, limit, options, attempt);
      permit = limited.permit;
      return limited.value;
    }, { maxRetries: options.maxRetries, signal: options.signal, onRetry: options.onRetry });
    const { output, iterator, first: first2 } = outcome.value;
    let usedTokens2 = first2.done === true ? void 0 : limit?.usedByEvent?.(first2.value);
    const settle = () => permit?.finish("admitted", usedTokens2);
    if (first2.done === true)
      settle();
    const meta = output.$metadata;
    const streamController = controller;
    const idleTimeoutMs = options.idleTimeoutMs;
    const signal = options.signal;
    const onAbort = () => streamController.abort(signal?.reason);
    const release = () => signal?.removeEventListener("abort", onAbort);
    if (signal !== void 0) {
      signal.addEventListener("abort", onAbort, { once: true });
      streamController.signal.addEventListener("abort", release, { once: true });
    }
    if (first2.done === true)
      release();
    const secrets = this.#options.secrets;
    let waiting = false;
    let idleFired = false;
    const idleTimer = idleTimeoutMs === 0 || first2.done === true ? void 0 : setTimeout(() => {
      if (!waiting)
        return;
      idleFired = true;
      streamController.abort();
    }, idleTimeoutMs).unref();
    const usedByEvent = limit?.usedByEvent;
    const onEvent = (result) => {
      waiting = false;
      if (result.done === true) {
        clearTimeout(idleTimer);
        release();
        settle();
      } else if (usedByEvent !== void 0) {
        usedTokens2 = usedByEvent(result.value) ?? usedTokens2;
      }
      return result;
    };
    const onError = (error) => {
      waiting = false;
      clearTimeout(idleTimer);
      release();
      settle();
      if (idleFired)
        throw new APIConnectionTimeoutError({ message: `The ${name} stream sent no event for ${idleTimeoutMs} ms (streamIdleTimeout).` });
      if (streamController.signal.aborted)
        throw new APIUserAbortError({ cause: fromAwsError(error, secrets) });
      throw fromAwsError(error, secrets);
    };
    const rest = {
      next() {
        waiting = true;
        idleTimer?.refresh();
        return iterator.next().then(onEvent, onError);
      },
      async return() {
        clearTimeout(idleTimer);
        streamController.abort();
        release();
        settle();
        try {
          await iterator.return?.();
        } catch {
        }
        return { done: true, value: void 0 };
      }
    };
    return {
      first: first2,
      rest,
      requestId: meta.requestId ?? null,
      metadata: { httpStatusCode: meta.httpStatusCode, requestId: meta.requestId, attempts: outcome.attempts, totalRetryDelay: outcome.totalDelayMs },
      controller: streamController
    };
  }
  /**
   * The SDK client for a service and region (one each, built on first use), for code that drives it itself. Its
   * commands bypass the transport's retries, timeouts and error mapping; failures of the load itself are mapped.
   */
  async sdkClient(service, region) {
    try {
      return await this.#clients.client(service, region);
    } catch (error) {
      throw fromAwsError(error, this.#options.secrets);
    }
  }
  /** Closes pooled connections. The transport can still be used afterwards (new connections are opened). */
  close() {
    this.#clients.close();
  }
  /**
   * Runs one attempt of an operation with a per-attempt timeout linked to the caller's signal, and maps errors.
   * `consume` runs inside the attempt (and its timeout), e.g. to read the first event of a stream.
   */
  async #attempt(service, name, input, options, consume, controller) {
    const { region, timeoutMs, signal } = options;
    if (signal?.aborted === true)
      throw new APIUserAbortError();
    let sdkClient = this.#clients.readyClient(service, region);
    let Command = this.#clients.readyCommand(service, name);
    const signalled = withCallSignal(options.headers === void 0 ? input : withRequestHeaders(input, options.headers), controller.signal);
    if (sdkClient === void 0 || Command === void 0) {
      try {
        [sdkClient, Command] = await this.#clients.load(service, region, name);
      } catch (error) {
        throw fromAwsError(error, this.#options.secrets);
      }
      if (isAborted(signal))
        throw new APIUserAbortError();
    }
    const command = new Command(signalled);
    service.prepareCommand?.(name, command);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const timeout = { fired: false };
    const timer = setTimeout(() => {
      timeout.fired = true;
      controller.abort();
    }, timeoutMs);
    const cachesThisCommand = this.#firstOfOperation(sdkClient, name);
    try {
      const output = await sdkClient.send(command);
      return consume === void 0 ? output : await consume(output);
    } catch (error) {
      if (timeout.fired)
        throw new APIConnectionTimeoutError({ message: `Request timed out after ${timeoutMs} ms (${name}).` });
      if (isAborted(signal))
        throw new APIUserAbortError({ cause: fromAwsError(error, this.#options.secrets) });
      throw fromAwsError(error, this.#options.secrets);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (cachesThisCommand)
        emptyObject(signalled);
    }
  }
  /**
   * Runs an attempt under a permit of the call's limiter: waits for it (at most the attempt's timeout, cancelled by
   * the caller's signal), and on failure tells the limiter how Bedrock answered; on success the caller finishes the
   * permit. The SDK client and command class are loaded before queueing: on the first call that takes a while, and
   * attempts granted meanwhile would reach Bedrock all at once, as a burst the limiter never meant to send.
   */
  async #limitedAttempt(service, name, limit, options, attempt) {
    if (this.#clients.readyClient(service, options.region) === void 0 || this.#clients.readyCommand(service, name) === void 0) {
      try {
        await this.#clients.load(service, options.region, name);
      } catch {
      }
    }
    const permit = await acquirePermit(limit.limiter, limit.tokens, options.signal, options.timeoutMs);
    try {
      return { value: await attempt(), permit };
    } catch (error) {
      permit.finish(outcomeOf(error));
      throw error;
    }
  }
  /** Whether the next `send` of `name` on `sdkClient` is its first, whose command the SDK's handler cache keeps. */
  #firstOfOperation(sdkClient, name) {
    let cached = this.#cachedOperations.get(sdkClient);
    if (cached === void 0)
      this.#cachedOperations.set(sdkClient, cached = /* @__PURE__ */ new Set());
    if (cached.has(name))
      return false;
    cached.add(name);
    return true;
  }
};
function emptyObject(value) {
  for (const key of Reflect.ownKeys(value))
    delete value[key];
}

// dist/src/limits/cost.js
var CHARS_PER_TOKEN = 4;
function isObject(value) {
  return typeof value === "object" && value !== null;
}
function blockChars(block) {
  if (!isObject(block))
    return 0;
  let chars = 0;
  if (typeof block["text"] === "string")
    chars += block["text"].length;
  const toolUse = block["toolUse"];
  if (isObject(toolUse))
    chars += JSON.stringify(toolUse["input"] ?? null).length;
  const toolResult = block["toolResult"];
  if (isObject(toolResult) && Array.isArray(toolResult["content"])) {
    for (const item of toolResult["content"]) {
      if (!isObject(item))
        continue;
      if (typeof item["text"] === "string")
        chars += item["text"].length;
      if (item["json"] !== void 0)
        chars += JSON.stringify(item["json"]).length;
    }
  }
  const reasoning = block["reasoningContent"];
  if (isObject(reasoning) && isObject(reasoning["reasoningText"]) && typeof reasoning["reasoningText"]["text"] === "string") {
    chars += reasoning["reasoningText"]["text"].length;
  }
  const spec = block["toolSpec"];
  if (isObject(spec))
    chars += JSON.stringify(spec).length;
  return chars;
}
function converseInputChars(input) {
  let chars = 0;
  for (const block of Array.isArray(input["system"]) ? input["system"] : [])
    chars += blockChars(block);
  for (const message of Array.isArray(input["messages"]) ? input["messages"] : []) {
    if (!isObject(message) || !Array.isArray(message["content"]))
      continue;
    for (const block of message["content"])
      chars += blockChars(block);
  }
  const tools = isObject(input["toolConfig"]) ? input["toolConfig"]["tools"] : void 0;
  for (const tool of Array.isArray(tools) ? tools : [])
    chars += blockChars(tool);
  return chars;
}
function reservedTokens(operation, input, outputBudget = 0) {
  if (!isObject(input))
    return 0;
  if (operation === "Converse" || operation === "ConverseStream") {
    const maxTokens = isObject(input["inferenceConfig"]) ? input["inferenceConfig"]["maxTokens"] : void 0;
    return Math.ceil(converseInputChars(input) / CHARS_PER_TOKEN) + (typeof maxTokens === "number" && maxTokens > 0 ? maxTokens : outputBudget);
  }
  if (operation === "InvokeModel" || operation === "InvokeModelWithResponseStream") {
    const body = input["body"];
    const length = typeof body === "string" ? body.length : body instanceof Uint8Array ? body.byteLength : 0;
    return Math.ceil(length / CHARS_PER_TOKEN) + outputBudget;
  }
  return 0;
}
function usedTokens(operation, output) {
  if (!isObject(output))
    return void 0;
  if (operation === "Converse")
    return usageTokens(output["usage"]);
  if (operation === "InvokeModel") {
    const headers = bedrockHeadersOf(output);
    if (headers?.inputTokenCount === void 0)
      return void 0;
    return headers.inputTokenCount + (headers.outputTokenCount ?? 0);
  }
  return void 0;
}
function streamEventTokens(event) {
  if (!isObject(event) || !isObject(event["metadata"]))
    return void 0;
  return usageTokens(event["metadata"]["usage"]);
}
function usageTokens(usage) {
  if (!isObject(usage))
    return void 0;
  const number = (key) => typeof usage[key] === "number" ? usage[key] : 0;
  if (typeof usage["inputTokens"] !== "number" && typeof usage["outputTokens"] !== "number")
    return void 0;
  return number("inputTokens") + number("cacheWriteInputTokens") + number("outputTokens");
}

// dist/src/client.js
var Client = class _Client {
  static DEFAULT_TIMEOUT = 6e5;
  static DEFAULT_MAX_RETRIES = 2;
  static DEFAULT_STREAM_IDLE_TIMEOUT = 3e5;
  // The error classes as statics, as on `openai`'s `OpenAI` (`catch (e) { if (e instanceof Client.RateLimitError) … }`).
  // They are this package's classes (the same ones `bedrock-openai` exports), with `openai`'s names and fields.
  static OpenAIError = BedrockOpenAIError;
  static APIError = APIError;
  static APIConnectionError = APIConnectionError;
  static APIConnectionTimeoutError = APIConnectionTimeoutError;
  static APIUserAbortError = APIUserAbortError;
  static NotFoundError = NotFoundError;
  static ConflictError = ConflictError;
  static RateLimitError = RateLimitError;
  static BadRequestError = BadRequestError;
  static AuthenticationError = AuthenticationError;
  static InternalServerError = InternalServerError;
  static PermissionDeniedError = PermissionDeniedError;
  static UnprocessableEntityError = UnprocessableEntityError;
  static InvalidWebhookSignatureError = InvalidWebhookSignatureError;
  /** Ours only: a `BadRequestError` for bad client configuration or `bedrock.json`. */
  static ConfigurationError = ConfigurationError;
  chat;
  embeddings;
  models;
  responses;
  /** @internal */
  _responseStore;
  /** OpenAI's Files API over S3 (batch input and output). */
  files;
  /** OpenAI's Batches API over Bedrock batch inference. */
  batches;
  /**
   * One limiter per model and Region, shared by every call of this client (and of clients given it as `limits`):
   * `client.limits.states()` reports each one's requests in flight and queued and its current rates.
   */
  limits;
  /** @internal */
  _settings;
  /** @internal */
  _logger;
  #options;
  #env;
  #file;
  /** Settings resolved without the shared config file (which is read lazily, only when needed for the region). */
  #config;
  #configReady;
  /** The final config once {@link Client.#resolvedConfig} has settled: calls after the first read it without awaiting. */
  #configSettled;
  #auth;
  #secrets;
  /** Sends every AWS call: retries, timeouts, cancellation, error mapping, one SDK client per service and region. */
  #transport;
  #batchConfig;
  /** Models already warned about for a `global.` fallback (once per model and region). */
  #globalWarned = /* @__PURE__ */ new Set();
  constructor(options = {}) {
    validateClientOptions(options);
    this.#options = options;
    this.#env = options.env ?? process.env;
    const envLevel = this.#env["BEDROCK_OPENAI_LOG"]?.trim().toLowerCase();
    const level = options.logLevel ?? (LOG_LEVELS.includes(envLevel) ? envLevel : "warn");
    this._logger = createLogger(level, options.logger);
    validateCredentialOptions(options);
    const path = findBedrockJson({ configFile: options.configFile, env: this.#env, cwd: options.cwd ?? process.cwd() });
    this.#file = path === void 0 ? void 0 : loadBedrockJson(path);
    this.#config = resolveConfig({ options: configOptionsOf(options), env: this.#env, file: this.#file });
    this.#auth = planAuth({ credentials: options.credentials, config: this.#config, env: this.#env, injectedEnv: this.#env !== process.env });
    this.#secrets = secretsOf(this.#auth);
    const authNote = authWarning(this.#auth);
    if (authNote !== void 0)
      this._logger.warn(authNote);
    const auth = toSdkAuthConfig(this.#auth);
    this.#transport = new Transport({
      auth: {
        authSchemePreference: auth.authSchemePreference,
        ...auth.credentials === void 0 ? {} : { credentials: auth.credentials },
        ...auth.token === void 0 ? {} : { token: auth.token }
      },
      secrets: this.#secrets,
      requestHandler: options.requestHandler,
      endpoint: async (service) => {
        if (service === BEDROCK_RUNTIME)
          return (await this.#resolvedConfig()).endpoint?.value;
        if (service === S3_SERVICE)
          return this.#batchConfig?.s3Endpoint;
        if (service === BEDROCK_CONTROL)
          return this.#batchConfig?.bedrockEndpoint;
        return void 0;
      }
    });
    const declared = { ...this.#file?.config.quotas, ...options.quotas };
    this.limits = options.limits ?? new Limits({
      declaredFor: (modelId, region) => this.#declaredQuotaFor(declared, modelId, region),
      onEvent: options.onLimit
    });
    const imageFetch = options.imageFetch;
    this._settings = {
      dropUnsupportedParams: options.dropUnsupportedParams ?? false,
      imageFetch: imageFetch === false ? false : { maxBytes: imageFetch?.maxBytes ?? DEFAULT_IMAGE_FETCH.maxBytes, timeoutMs: imageFetch?.timeoutMs ?? DEFAULT_IMAGE_FETCH.timeoutMs }
    };
    this.chat = new Chat(this);
    this.embeddings = new Embeddings(this);
    this._responseStore = options.responseStore ?? new MemoryResponseStore();
    this.responses = new Responses(this);
    this.files = new Files(this);
    this.batches = new Batches(this);
    this.models = new Models(async () => {
      const config = await this.#resolvedConfig();
      return { region: config.region.value, crossRegion: config.crossRegion.value, aliases: config.aliases };
    });
    this._logger.debug(`bedrock-openai: ${this.describe()}`);
  }
  /**
   * @internal The batch settings (a `ConfigurationError` naming the missing or malformed field) and calls to S3 and
   * the Bedrock control plane through the transport.
   */
  async _batchContext() {
    this.#batchConfig ??= resolveBatchConfig({ options: this.#options.batch, env: this.#env, file: this.#file?.config.batch, filePath: this.#file?.path });
    const config = this.#batchConfig;
    const region = (await this.#resolvedConfig()).region.value;
    const transport = this.#transport;
    return {
      config,
      region,
      send: async (service, name, input, options = {}) => {
        const { maxRetries, timeout, streamIdleTimeout, signal, onRetry, headers, query, idempotencyKey, fetchOptions } = options;
        const read = readRequestOptions({ maxRetries, timeout, streamIdleTimeout, signal, onRetry, headers, query, idempotencyKey, fetchOptions });
        const policy = this._retryPolicy(read);
        return (await transport.send(service, name, input, { region, maxRetries: policy.maxRetries, timeoutMs: policy.timeoutMs, signal: read.signal, onRetry: policy.onRetry, headers: read.headers })).output;
      },
      s3Client: () => transport.sdkClient(S3_SERVICE, region),
      mapError: (error) => fromAwsError(error, this.#secrets)
    };
  }
  /** @internal The transport (src/core/transport.ts), for resources that call other AWS services. */
  get _transport() {
    return this.#transport;
  }
  /** The resolved settings and where each came from, without secrets (for debugging). */
  describe() {
    const config = this.#config;
    const parts = [
      `region ${config.region.value} (${describeSource(config.region.source)})`,
      `auth: ${describeAuth(this.#auth)}`,
      config.endpoint === void 0 ? "endpoint: AWS default" : `endpoint ${config.endpoint.value} (${describeSource(config.endpoint.source)})`,
      `maxRetries ${config.maxRetries.value}`,
      `timeout ${config.timeout.value} ms`,
      `crossRegion ${config.crossRegion.value}`,
      this.#file === void 0 ? "no bedrock.json" : `bedrock.json at ${this.#file.path}`
    ];
    const limits = this.limits.describe();
    if (limits.length > 0)
      parts.push(`limits: ${limits.join("; ")}`);
    return parts.join("; ");
  }
  /** The declared quota of a model ID in a Region: a `quotas` key that is that ID or resolves to it. */
  #declaredQuotaFor(declared, modelId, region) {
    if (declared[modelId] !== void 0)
      return declared[modelId];
    const config = this.#configSettled ?? this.#config;
    for (const [name, quota] of Object.entries(declared)) {
      try {
        if (resolveModel(name, { region, crossRegion: config.crossRegion.value, aliases: config.aliases }).modelId === modelId)
          return quota;
      } catch {
      }
    }
    return void 0;
  }
  /** The limiter and costs of a Bedrock Runtime model call (CountTokens is not limited). */
  #limitOf(name, input, region, outputBudget) {
    if (name === "CountTokens" || input.modelId === void 0)
      return void 0;
    return {
      limiter: this.limits.for(input.modelId, region),
      tokens: reservedTokens(name, input, outputBudget),
      used: (output) => usedTokens(name, output),
      usedByEvent: name === "ConverseStream" ? streamEventTokens : void 0
    };
  }
  /** The region the client calls, and where that setting came from. */
  async region() {
    const config = await this.#resolvedConfig();
    return { value: config.region.value, source: describeSource(config.region.source) };
  }
  /** Closes pooled connections. The client can still be used afterwards (new connections are opened). */
  close() {
    this.#transport.close();
  }
  /** Reads the shared config file's region for the profile, only when no higher-precedence source set one. */
  #resolvedConfig() {
    this.#configReady ??= (async () => {
      if (this.#config.region.source !== "default")
        return this.#config;
      const sharedConfig = await loadSharedConfig(this.#env);
      this.#config = resolveConfig({ options: configOptionsOf(this.#options), env: this.#env, file: this.#file, sharedConfig });
      this._logger.debug(`bedrock-openai: region ${this.#config.region.value} (${describeSource(this.#config.region.source)})`);
      return this.#config;
    })();
    void this.#configReady.then((config) => this.#configSettled = config, () => void 0);
    return this.#configReady;
  }
  /**
   * @internal Resolves a model name for a call. In `auto` mode a model with no profile for the Region's geography
   * is sent to its `global.` profile; that crosses the geography, so it is reported through `onWarning` (once per
   * model and region).
   */
  async _resolveModel(name, extra = {}) {
    const config = await this.#resolvedConfig();
    const resolved = resolveModel(name, {
      region: config.region.value,
      crossRegion: config.crossRegion.value,
      aliases: config.aliases,
      ...extra.baseModel === void 0 ? {} : { baseModel: extra.baseModel }
    });
    const warningKey = `${name}\0${resolved.region}`;
    if (resolved.profileAdded && resolved.profile === "global" && config.crossRegion.value === "auto" && !this.#globalWarned.has(warningKey)) {
      this.#globalWarned.add(warningKey);
      this._warn({
        code: "global_inference_profile",
        message: `${name} has no inference profile for the geography of ${resolved.region}, so it is called through ${resolved.modelId}, which may route the request to any commercial Region. Set crossRegion: "off" to prevent this.`,
        param: "model"
      });
    }
    return resolved;
  }
  /** @internal Reports a warning. */
  _warn(warning) {
    if (this.#options.onWarning !== void 0) {
      this.#options.onWarning(warning);
      return;
    }
    process.emitWarning(warning.message, { type: "BedrockOpenAIWarning", code: warning.code });
  }
  /**
   * @internal The retry settings for a call: the request's, else the client's. Embeddings run their own retry loop
   * (each attempt must wait for a slot of the adaptive limiter) and read these.
   */
  _retryPolicy(options) {
    const maxRetries = options.maxRetries ?? this.#config.maxRetries.value;
    const timeoutMs = options.timeout ?? this.#config.timeout.value;
    if (!Number.isInteger(maxRetries) || maxRetries < 0)
      throw new ConfigurationError("maxRetries", "`maxRetries` must be a whole number \u2265 0.");
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
      throw new ConfigurationError("timeout", "`timeout` must be a number of milliseconds > 0.");
    const onRetry = (info) => {
      this._logger.info(`bedrock-openai: attempt ${info.attempt} failed (${info.bedrockErrorName ?? info.errorName}); retrying in ${info.delayMs} ms`);
      options.onRetry?.(info);
      this.#options.onRetry?.(info);
    };
    return { maxRetries, timeoutMs, onRetry };
  }
  /**
   * The safety net for a base model ID that Bedrock refuses on demand in this Region ("…with on-demand
   * throughput isn't supported…"): the inference profile to retry with once, reported through `onWarning`.
   */
  async #profileFallback(error, modelId, region) {
    if (modelId === void 0 || !isOnDemandThroughputError(error))
      return void 0;
    const config = await this.#resolvedConfig();
    const fallback = profileFallbackFor(modelId, region, config.crossRegion.value);
    if (fallback === void 0)
      return void 0;
    this._warn({
      code: "inference_profile_fallback",
      message: `Bedrock does not serve ${modelId} on demand in ${region}; retried once with the inference profile ${fallback}.`,
      param: "model"
    });
    return fallback;
  }
  /** @internal Sends one operation with retries. `region` overrides the client's region (an ARN's region). */
  async _send(name, input, options = {}) {
    return this.#withProfileFallback(input, options, async (modelInput) => {
      const sent = await this.#transport.send(BEDROCK_RUNTIME, name, modelInput, await this.#attemptOptions(name, modelInput, options));
      return { output: sent.output, modelId: modelInput.modelId ?? "", requestId: sent.requestId, metadata: sent.metadata };
    });
  }
  /**
   * @internal Sends a streaming operation. Retries cover the request and the wait for the first event (an HTTP
   * error, or an exception frame before any event); once the first event has arrived, nothing is retried.
   */
  async _sendStream(name, input, pick, options = {}) {
    const idleTimeoutMs = options.streamIdleTimeout ?? this.#options.streamIdleTimeout ?? _Client.DEFAULT_STREAM_IDLE_TIMEOUT;
    if (!Number.isFinite(idleTimeoutMs) || idleTimeoutMs < 0) {
      throw new ConfigurationError("streamIdleTimeout", "`streamIdleTimeout` must be a number of milliseconds \u2265 0 (0 turns it off).");
    }
    return this.#withProfileFallback(input, options, async (modelInput) => {
      const attempt = await this.#attemptOptions(name, modelInput, options);
      const sent = await this.#transport.sendStream(BEDROCK_RUNTIME, name, modelInput, pick, { ...attempt, idleTimeoutMs });
      return { modelId: modelInput.modelId ?? "", ...sent };
    });
  }
  /**
   * Runs `call` (one operation with its retries); when Bedrock refuses the base model ID on demand in this Region,
   * runs it once more with the inference profile the safety net picks (see {@link Client.#profileFallback}).
   */
  async #withProfileFallback(input, options, call) {
    try {
      return await call(input);
    } catch (error) {
      const region = options.region ?? (await this.#resolvedConfig()).region.value;
      const fallback = await this.#profileFallback(error, input.modelId, region);
      if (fallback === void 0)
        throw error;
      return await call({ ...input, modelId: fallback });
    }
  }
  /** The transport options of a Bedrock Runtime call: Region, retries, per-attempt timeout, signal, headers, limiter. */
  async #attemptOptions(name, input, options) {
    const config = this.#configSettled ?? await this.#resolvedConfig();
    const { maxRetries, timeoutMs, onRetry } = this._retryPolicy(options);
    const region = options.region ?? config.region.value;
    return {
      region,
      maxRetries,
      timeoutMs,
      signal: options.signal,
      onRetry,
      headers: options.headers,
      limit: this.#limitOf(name, input, region, options.outputBudget)
    };
  }
};

// dist/src/http/handler.js
function createOpenAIHandler(options = {}) {
  const client = options.client instanceof Client ? options.client : new Client(options.client ?? {});
  const basePath = normalizeBasePath(options.basePath ?? "/v1");
  const maxBodyBytes = nonNegative(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, "maxBodyBytes");
  const heartbeatMs = nonNegative(options.heartbeatMs, 0, "heartbeatMs");
  const requestTimeoutMs = nonNegative(options.requestTimeoutMs, 0, "requestTimeoutMs");
  const context = { client, maxBodyBytes, heartbeatMs, retried: client._retryPolicy({}).maxRetries > 0 };
  const settings = { requestTimeoutMs, shutdownSignal: options.shutdownSignal, onExchange: options.onExchange };
  let app;
  let ready;
  const load = () => {
    app = import("./app-XEMPPWZZ.js").then(({ createApp }) => ready = createApp(context, settings, basePath));
    app.catch(() => app = void 0);
    return app;
  };
  const handler = (request) => ready === void 0 ? (app ?? load()).then((loaded) => loaded.fetch(request)) : Promise.resolve(ready.fetch(request));
  return Object.assign(handler, { client });
}
function normalizeBasePath(path) {
  if (typeof path !== "string" || path !== "" && !path.startsWith("/")) {
    throw new TypeError(`basePath must be a path starting with "/"; got ${JSON.stringify(path)}.`);
  }
  return path.replace(/\/+$/, "");
}
function nonNegative(value, fallback, name) {
  if (value === void 0)
    return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new TypeError(`${name} must be a number \u2265 0; got ${JSON.stringify(value)}.`);
  return value;
}

// dist/src/server/auth.js
import { createHash as createHash2, timingSafeEqual } from "node:crypto";
import { readFileSync as readFileSync2 } from "node:fs";
function parseKeyList(text) {
  return text.split(/[\n,]/).map((key) => key.trim()).filter((key) => key !== "" && !key.startsWith("#"));
}
function readKeysFile(path) {
  let text;
  try {
    text = readFileSync2(path, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the API keys file ${path}: ${error.code ?? "unreadable"}.`);
  }
  const keys = parseKeyList(text);
  if (keys.length === 0)
    throw new Error(`The API keys file ${path} holds no key.`);
  return keys;
}
var MIN_KEY_LENGTH = 16;
function createKeyCheck(keys) {
  for (const key of keys) {
    if (key.length < MIN_KEY_LENGTH)
      throw new Error(`Every API key must be at least ${MIN_KEY_LENGTH} characters long (one is ${key.length}).`);
  }
  const digests = keys.map(digest);
  return (authorization) => {
    const match = authorization === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const given = digest(match?.[1] ?? "");
    let ok = false;
    for (const expected of digests)
      ok = timingSafeEqual(given, expected) || ok;
    return ok && match !== null;
  };
}
function digest(value) {
  return createHash2("sha256").update(value).digest();
}
function isLoopback(host) {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(?:\.\d{1,3}){3}$/.test(bare) || bare === "::ffff:127.0.0.1";
}

// dist/src/server/server.js
var DEFAULT_PORT = 8080;
var DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
var DEFAULT_REQUEST_TIMEOUT_MS = 9e5;
var DEFAULT_HEARTBEAT_MS = 15e3;
var DEFAULT_SHUTDOWN_GRACE_MS = 3e4;
async function startServer(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? DEFAULT_PORT;
  const keys = options.apiKeys ?? [];
  if (keys.length === 0 && !isLoopback(host)) {
    throw new Error(`Refusing to listen on ${host} without API keys: anyone who reaches it would spend your AWS account's money. Give keys (--api-key, BEDROCK_OPENAI_API_KEYS or --api-keys-file), or listen on 127.0.0.1.`);
  }
  const checkKey = keys.length === 0 ? void 0 : createKeyCheck(keys);
  const maxConcurrent = options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS;
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1)
    throw new TypeError("maxConcurrentRequests must be a whole number \u2265 1.");
  const ownClient = !(options.client instanceof Client);
  const client = options.client instanceof Client ? options.client : new Client(options.client ?? {});
  const logger = client._logger;
  const shutdown = new AbortController();
  let inFlight = 0;
  let draining = false;
  const idleWaiters = /* @__PURE__ */ new Set();
  const log = logger.level === "info" || logger.level === "debug" ? (record) => logger.info(formatAccessLine(record)) : () => void 0;
  const handler = createOpenAIHandler({
    client,
    maxBodyBytes: options.maxBodyBytes,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    shutdownSignal: shutdown.signal,
    onExchange: (record) => {
      inFlight -= 1;
      log(record);
      if (inFlight === 0)
        for (const wake of idleWaiters)
          wake();
    }
  });
  const [{ Hono }, { cors }] = await Promise.all([import("hono"), import("hono/cors")]);
  const app = new Hono();
  if (options.cors !== void 0) {
    app.use("*", cors({ origin: options.cors, allowHeaders: ["authorization", "content-type", "openai-beta", "x-stainless-*"], exposeHeaders: ["x-request-id"] }));
  }
  app.get("/health", (c) => c.json({ status: draining ? "draining" : "ok" }, draining ? 503 : 200));
  app.use("*", async (c, next) => {
    const started = performance.now();
    const refuse = (status, error, headers) => {
      const response = errorResponse(error, { retried: false }, headers);
      log({ method: c.req.method, path: c.req.path, model: void 0, status, ms: performance.now() - started, promptTokens: void 0, completionTokens: void 0, requestId: null, error: error.code, cancelled: false });
      return response;
    };
    if (draining) {
      return refuse(503, httpError(503, "The server is shutting down; retry the request.", { code: "server_shutting_down", type: "server_error" }), { connection: "close" });
    }
    if (checkKey !== void 0 && c.req.method !== "OPTIONS" && !checkKey(c.req.header("authorization") ?? null)) {
      return refuse(401, httpError(401, 'Incorrect or missing API key. Send it as "Authorization: Bearer <key>".', { code: "invalid_api_key" }));
    }
    if (inFlight >= maxConcurrent) {
      return refuse(429, httpError(429, `This server is serving its limit of ${maxConcurrent} concurrent requests; retry shortly.`, { code: "concurrency_limit" }), {
        "retry-after": "1"
      });
    }
    await next();
  });
  app.all("*", (c) => {
    inFlight += 1;
    return handler(c.req.raw);
  });
  const { createAdaptorServer } = await import("@hono/node-server");
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false });
  await new Promise((resolve2, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve2();
    });
  });
  const address = server.address();
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}/v1`;
  let closing;
  const idle = (ms) => new Promise((resolve2) => {
    if (inFlight === 0)
      return resolve2(true);
    const done = (value) => {
      clearTimeout(timer);
      idleWaiters.delete(wake);
      resolve2(value);
    };
    const wake = () => done(true);
    const timer = setTimeout(() => done(inFlight === 0), ms);
    idleWaiters.add(wake);
  });
  return {
    url,
    host: address.address,
    port: address.port,
    client,
    get inFlight() {
      return inFlight;
    },
    close(closeOptions = {}) {
      closing ??= (async () => {
        draining = true;
        const stopped = new Promise((resolve2) => server.close(() => resolve2()));
        server.closeIdleConnections();
        const graceMs = closeOptions.graceMs ?? options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
        let cutShort = 0;
        if (!await idle(graceMs)) {
          cutShort = inFlight;
          logger.warn(`bedrock-openai: shutdown grace of ${graceMs} ms over; ending ${cutShort} request(s) still in flight`);
          shutdown.abort();
          await idle(2e3);
        }
        await closeConnectionsAsTheyIdle(server, 2e3);
        server.closeAllConnections();
        await stopped;
        if (ownClient)
          client.close();
        return { cutShort };
      })();
      return closing;
    }
  };
}
async function closeConnectionsAsTheyIdle(server, maxMs) {
  const deadline = performance.now() + maxMs;
  for (; ; ) {
    server.closeIdleConnections();
    const open = await new Promise((resolve2) => server.getConnections((error, count) => resolve2(error === null ? count : 0)));
    if (open === 0 || performance.now() >= deadline)
      return;
    await new Promise((resolve2) => setTimeout(resolve2, 20));
  }
}
function formatAccessLine(record) {
  const parts = [`bedrock-openai: ${record.method} ${record.path}`, `status=${record.status}`, `ms=${record.ms.toFixed(1)}`];
  if (record.model !== void 0)
    parts.push(`model=${JSON.stringify(record.model)}`);
  if (record.promptTokens !== void 0 || record.completionTokens !== void 0) {
    parts.push(`tokens=${record.promptTokens ?? 0}+${record.completionTokens ?? 0}`);
  }
  if (record.requestId !== null)
    parts.push(`request_id=${record.requestId}`);
  if (record.error !== void 0)
    parts.push(`error=${record.error}`);
  if (record.cancelled)
    parts.push("cancelled");
  return parts.join(" ");
}

export {
  APIPromise,
  CATALOG_CHECKED,
  CATALOG,
  computeCost,
  embeddingFailureOf,
  Embeddings,
  Files,
  MIN_BATCH_RECORDS,
  Batches,
  Completions,
  Chat,
  LOG_LEVELS,
  Limits,
  resolveModel,
  Models,
  Responses,
  InputItems,
  InputTokens,
  MemoryResponseStore,
  FileResponseStore,
  Client,
  createOpenAIHandler,
  parseKeyList,
  readKeysFile,
  DEFAULT_PORT,
  startServer
};
