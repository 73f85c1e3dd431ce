import { describe, expect, expectTypeOf, it } from 'vitest';
import { CATALOG, CATALOG_CHECKED, CATALOG_ENTRIES, type CanonicalAlias, type CatalogAlias, type ModelName } from '../../src/models/catalog.js';
import { KNOWN_REGIONS, PROFILE_PREFIXES } from '../../src/models/geography.js';
import { findCatalogEntry } from '../../src/models/resolve.js';
import type { ModelEntry, ReasoningStyle } from '../../src/models/types.js';

/** The 26 aliases of the ported library (OneLLM `MODEL_MAPPINGS`) and the base IDs they must reach. */
const PORTED_ALIASES: Record<string, string> = {
  'claude-3-5-sonnet': 'anthropic.claude-3-5-sonnet-20241022-v2:0',
  'claude-3-5-haiku': 'anthropic.claude-3-5-haiku-20241022-v1:0',
  'claude-3-opus': 'anthropic.claude-3-opus-20240229-v1:0',
  'claude-3-sonnet': 'anthropic.claude-3-sonnet-20240229-v1:0',
  'claude-3-haiku': 'anthropic.claude-3-haiku-20240307-v1:0',
  'llama3-2-90b': 'meta.llama3-2-90b-instruct-v1:0',
  'llama3-2-11b': 'meta.llama3-2-11b-instruct-v1:0',
  'llama3-2-3b': 'meta.llama3-2-3b-instruct-v1:0',
  'llama3-2-1b': 'meta.llama3-2-1b-instruct-v1:0',
  'llama3-1-405b': 'meta.llama3-1-405b-instruct-v1:0',
  'llama3-1-70b': 'meta.llama3-1-70b-instruct-v1:0',
  'llama3-1-8b': 'meta.llama3-1-8b-instruct-v1:0',
  'nova-pro': 'amazon.nova-pro-v1:0',
  'nova-lite': 'amazon.nova-lite-v1:0',
  'nova-micro': 'amazon.nova-micro-v1:0',
  'mistral-7b': 'mistral.mistral-7b-instruct-v0:2',
  'mixtral-8x7b': 'mistral.mixtral-8x7b-instruct-v0:1',
  'mistral-large': 'mistral.mistral-large-2402-v1:0',
  'command-r': 'cohere.command-r-v1:0',
  'command-r-plus': 'cohere.command-r-plus-v1:0',
  'jamba-1-5-large': 'ai21.jamba-1-5-large-v1:0',
  'jamba-1-5-mini': 'ai21.jamba-1-5-mini-v1:0',
  'titan-embed-text': 'amazon.titan-embed-text-v1',
  'titan-embed-text-v2': 'amazon.titan-embed-text-v2:0',
  'embed-english': 'cohere.embed-english-v3',
  'embed-multilingual': 'cohere.embed-multilingual-v3',
};

/** Today's models the issue names, by base model ID. */
const CURRENT_MODEL_IDS = [
  'anthropic.claude-3-7-sonnet-20250219-v1:0',
  'anthropic.claude-sonnet-4-20250514-v1:0',
  'anthropic.claude-opus-4-20250514-v1:0',
  'anthropic.claude-opus-4-1-20250805-v1:0',
  'anthropic.claude-sonnet-4-5-20250929-v1:0',
  'anthropic.claude-haiku-4-5-20251001-v1:0',
  'anthropic.claude-opus-4-5-20251101-v1:0',
  'anthropic.claude-opus-4-6-v1',
  'anthropic.claude-sonnet-4-6',
  'amazon.nova-premier-v1:0',
  'amazon.nova-2-lite-v1:0',
  'meta.llama3-3-70b-instruct-v1:0',
  'meta.llama4-scout-17b-instruct-v1:0',
  'meta.llama4-maverick-17b-instruct-v1:0',
  'mistral.mistral-large-2407-v1:0',
  'mistral.pixtral-large-2502-v1:0',
  'deepseek.r1-v1:0',
  'deepseek.v3-v1:0',
  'openai.gpt-oss-20b-1:0',
  'openai.gpt-oss-120b-1:0',
  'qwen.qwen3-32b-v1:0',
  'qwen.qwen3-235b-a22b-2507-v1:0',
  'cohere.embed-v4:0',
  'amazon.nova-2-multimodal-embeddings-v1:0',
];

/** Claude 4.5 and later: structured output, 1h cache TTL, temperature/top_p conflict. */
const CLAUDE_4_5_PLUS: readonly CanonicalAlias[] = [
  'claude-sonnet-4-5',
  'claude-haiku-4-5',
  'claude-opus-4-5',
  'claude-opus-4-6',
  'claude-sonnet-4-6',
  'claude-opus-4-7',
  'claude-opus-4-8',
  'claude-sonnet-5',
  'claude-opus-5',
  'claude-fable-5',
];

const entries = Object.entries(CATALOG) as [CanonicalAlias, ModelEntry][];

describe('catalog coverage', () => {
  it('records when its data was checked', () => {
    expect(CATALOG_CHECKED).toBe('2026-11-21');
  });

  it.each(Object.entries(PORTED_ALIASES))('ported alias %s → %s', (alias, id) => {
    expect(findCatalogEntry(alias)?.id).toBe(id);
    expect(findCatalogEntry(`bedrock/${alias}`)?.id).toBe(id);
  });

  it.each(CURRENT_MODEL_IDS)('has %s', (id) => {
    expect(CATALOG_ENTRIES.map((entry) => entry.id)).toContain(id);
  });

  it('lists entries in CATALOG order', () => {
    expect(CATALOG_ENTRIES).toEqual(Object.values(CATALOG));
  });
});

describe('catalog integrity', () => {
  it.each(entries)('%s is keyed by its alias', (key, entry) => {
    expect(entry.alias).toBe(key);
  });

  it('has unique names and IDs; names are plain kebab-case', () => {
    const names = CATALOG_ENTRIES.flatMap((entry) => [entry.alias, ...entry.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const ids = CATALOG_ENTRIES.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(entries)('%s has a base model ID, valid profiles and Regions', (_alias, entry) => {
    expect(entry.id).toMatch(/^[a-z0-9-]+\.[A-Za-z0-9._:-]+$/);
    expect(PROFILE_PREFIXES.some((prefix) => entry.id.startsWith(`${prefix}.`))).toBe(false);
    for (const profile of entry.profiles) {
      expect(PROFILE_PREFIXES).toContain(profile);
      expect(profile).not.toBe('ca');
    }
    expect(new Set(entry.profiles).size).toBe(entry.profiles.length);
    if (Array.isArray(entry.onDemandRegions)) {
      expect(entry.onDemandRegions.length).toBeGreaterThan(0);
      for (const region of entry.onDemandRegions) expect(KNOWN_REGIONS).toContain(region);
    }
    // A model that is on demand nowhere must have a profile to be callable at all.
    if (entry.onDemandRegions === 'none') expect(entry.profiles.length).toBeGreaterThan(0);
  });

  it.each(entries)('%s has sane limits, dates and prices', (_alias, entry) => {
    if (entry.contextWindow !== null) expect(entry.contextWindow).toBeGreaterThan(0);
    if (entry.maxOutputTokens !== null && entry.contextWindow !== null) expect(entry.maxOutputTokens).toBeLessThanOrEqual(entry.contextWindow);
    if (entry.releaseDate !== undefined) {
      expect(entry.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(entry.releaseDate))).toBe(false);
    }
    const prices = entry.prices;
    expect(prices?.base).toBeDefined();
    for (const [key, price] of Object.entries(prices ?? {})) {
      if (key !== 'base' && key !== 'global') expect(entry.profiles).toContain(key);
      if (key === 'global') expect(entry.profiles).toContain('global');
      expect(price.input).toBeGreaterThan(0);
      expect(price.output).toBeGreaterThanOrEqual(0);
      if (entry.kind === 'chat') expect(price.output).toBeGreaterThan(0);
      // AWS never charges less for a profile than for the base model.
      expect(price.input).toBeGreaterThanOrEqual(prices?.base?.input ?? 0);
      expect(price.output).toBeGreaterThanOrEqual(prices?.base?.output ?? 0);
    }
  });
});

describe('capabilities', () => {
  const chat = entries.filter(([, entry]) => entry.kind === 'chat');
  const embedding = entries.filter(([, entry]) => entry.kind === 'embedding');

  it('every chat entry has capabilities and no embedding facts; every embedding entry the reverse', () => {
    expect(chat.length).toBeGreaterThan(40);
    for (const [, entry] of chat) {
      expect(entry.capabilities).toBeDefined();
      expect(entry.embedding).toBeUndefined();
    }
    expect(embedding.map(([alias]) => alias).sort()).toEqual(
      ['embed-english', 'embed-multilingual', 'embed-v4', 'nova-multimodal-embeddings', 'titan-embed-image', 'titan-embed-text', 'titan-embed-text-v2'].sort(),
    );
    for (const [, entry] of embedding) {
      expect(entry.embedding).toBeDefined();
      expect(entry.capabilities).toBeUndefined();
      expect(entry.maxOutputTokens).toBeNull();
    }
  });

  it.each(chat)('%s has self-consistent capabilities', (_alias, entry) => {
    const capabilities = entry.capabilities!;
    expect(capabilities.tools).toBe(capabilities.toolChoice.length > 0);
    if (capabilities.tools) expect(capabilities.toolChoice).toContain('auto');
    if (capabilities.streamingTools) expect(capabilities.tools && capabilities.streaming).toBe(true);
    if (capabilities.promptCaching !== null) {
      expect(capabilities.promptCaching.ttls).toContain('5m');
      expect(capabilities.promptCaching.minTokens).toBeGreaterThanOrEqual(1000);
    }
  });

  it('Claude 4.5+ have native structured output, 1h cache TTL and the temperature/top_p conflict; nothing else does (but Opus 4.1 shares the conflict)', () => {
    for (const [alias, entry] of chat) {
      const isNew = CLAUDE_4_5_PLUS.includes(alias);
      expect(entry.capabilities?.temperatureTopPConflict, alias).toBe(isNew || alias === 'claude-opus-4-1');
      expect(entry.capabilities?.promptCaching?.ttls.includes('1h') ?? false, alias).toBe(isNew);
      const structured = isNew || alias === 'gpt-oss-20b' || alias === 'gpt-oss-120b';
      expect(entry.capabilities?.structuredOutput, alias).toBe(structured);
    }
  });

  it.each([
    ['claude-3-haiku', 'none'],
    ['claude-3-5-sonnet', 'none'],
    ['claude-3-5-haiku', 'none'],
    ['claude-3-7-sonnet', 'anthropic-thinking'],
    ['claude-sonnet-4', 'anthropic-thinking'],
    ['claude-opus-4-1', 'anthropic-thinking'],
    ['claude-sonnet-4-5', 'anthropic-thinking'],
    ['claude-opus-4-6', 'anthropic-thinking'],
    ['nova-pro', 'none'],
    ['nova-premier', 'none'],
    ['nova-2-lite', 'nova-reasoning-config'],
    ['nova-2-pro', 'nova-reasoning-config'],
    ['gpt-oss-20b', 'openai-reasoning-effort'],
    ['gpt-oss-120b', 'openai-reasoning-effort'],
    ['deepseek-r1', 'always-on'],
    ['llama4-maverick', 'none'],
  ] as [CanonicalAlias, ReasoningStyle][])('%s reasons with %s', (alias, style) => {
    expect((CATALOG[alias] as ModelEntry).capabilities?.reasoning).toBe(style);
  });

  it.each([
    ['claude-3-5-haiku', 2048],
    ['claude-3-7-sonnet', 1024],
    ['claude-sonnet-4', 1024],
    ['claude-opus-4', 1024],
    ['claude-sonnet-4-5', 1024],
    ['claude-haiku-4-5', 4096],
    ['claude-opus-4-5', 4096],
    ['claude-sonnet-4-6', 2048],
    ['nova-micro', 1000],
    ['nova-pro', 1000],
    ['nova-2-lite', 1000],
  ] as [CanonicalAlias, number][])('%s caches from %d tokens', (alias, minTokens) => {
    expect((CATALOG[alias] as ModelEntry).capabilities?.promptCaching?.minTokens).toBe(minTokens);
  });

  it('Nova caches no tool definitions; Claude does', () => {
    expect(CATALOG['nova-pro'].capabilities.promptCaching.tools).toBe(false);
    expect(CATALOG['claude-sonnet-4-5'].capabilities.promptCaching.tools).toBe(true);
  });

  it('has no prompt caching where AWS does not offer it', () => {
    for (const alias of ['claude-3-haiku', 'claude-3-5-sonnet', 'claude-3-5-sonnet-v1', 'llama3-3-70b', 'gpt-oss-120b'] as const) {
      expect((CATALOG[alias] as ModelEntry).capabilities?.promptCaching).toBeNull();
    }
  });

  it('follows AWS’s feature table for streaming tool use and streaming', () => {
    for (const alias of ['llama3-1-8b', 'llama3-1-70b', 'llama3-1-405b', 'llama3-2-11b', 'llama3-2-90b', 'mistral-large', 'mistral-large-2'] as const) {
      expect(CATALOG[alias].capabilities.tools, alias).toBe(true);
      expect(CATALOG[alias].capabilities.streamingTools, alias).toBe(false);
    }
    for (const alias of ['llama4-scout', 'llama4-maverick'] as const) expect(CATALOG[alias].capabilities.streaming).toBe(false);
    for (const alias of ['mistral-7b', 'mixtral-8x7b'] as const) {
      expect(CATALOG[alias].capabilities.systemPrompt).toBe(false);
      expect(CATALOG[alias].capabilities.tools).toBe(false);
    }
    expect(CATALOG['claude-3-5-haiku'].capabilities.vision).toBe(false);
    expect(CATALOG['nova-micro'].capabilities.vision).toBe(false);
    expect(CATALOG['nova-micro'].capabilities.documents).toBe(false);
    expect(CATALOG['mistral-large'].capabilities.toolChoice).toEqual(['auto', 'any']);
    expect(CATALOG['llama3-1-70b'].capabilities.toolChoice).toEqual(['auto']);
    expect(CATALOG['claude-3-haiku'].capabilities.toolChoice).toEqual(['auto', 'any', 'tool']);
    expect(CATALOG['nova-lite'].capabilities.toolChoice).toEqual(['auto', 'any', 'tool']);
  });

  it('takes audio, video and citations exactly where the references say (input modalities; Anthropic citations)', () => {
    // bedrock-models.json input_modalities: video for Nova Lite/Pro/Premier/2 Lite (2 Pro as its family), audio for Voxtral.
    const video = ['nova-lite', 'nova-pro', 'nova-premier', 'nova-2-lite', 'nova-2-pro'];
    const audio = ['voxtral-mini', 'voxtral-small'];
    const citations = ['claude-3-5-haiku', 'claude-3-7-sonnet', 'claude-sonnet-4', 'claude-opus-4', 'claude-opus-4-1', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-5'];
    for (const entry of CATALOG_ENTRIES) {
      if (entry.capabilities === undefined) continue;
      expect(entry.capabilities.video, entry.alias).toBe(video.includes(entry.alias));
      expect(entry.capabilities.audio, entry.alias).toBe(audio.includes(entry.alias));
      if (citations.includes(entry.alias)) expect(entry.capabilities.citations, entry.alias).toBe(true);
      if (!entry.alias.startsWith('claude-') || ['claude-3-haiku', 'claude-3-sonnet', 'claude-3-opus'].includes(entry.alias)) {
        expect(entry.capabilities.citations, entry.alias).toBe(false);
      }
    }
  });
});

describe('embedding facts', () => {
  it.each([
    ['titan-embed-text', 'titan-text-v1', 1536, 1],
    ['titan-embed-text-v2', 'titan-text-v2', 1024, 1],
    ['titan-embed-image', 'titan-multimodal', 1024, 1],
    ['embed-english', 'cohere-v3', 1024, 96],
    ['embed-multilingual', 'cohere-v3', 1024, 96],
    ['embed-v4', 'cohere-v4', 1536, 96],
    ['nova-multimodal-embeddings', 'nova-multimodal', 1024, 1],
  ] as const)('%s: %s body, %d dimensions by default, %d per call', (alias, family, dimensions, batchSize) => {
    const facts = (CATALOG[alias] as ModelEntry).embedding!;
    expect(facts.family).toBe(family);
    expect(facts.defaultDimensions).toBe(dimensions);
    expect(facts.dimensions[0]).toBe(dimensions);
    expect(new Set(facts.dimensions).size).toBe(facts.dimensions.length);
    expect(facts.batchSize).toBe(batchSize);
  });

  it('records the documented input limits', () => {
    expect(CATALOG['titan-embed-text-v2'].embedding.maxInputChars).toBe(50_000);
    expect(CATALOG['titan-embed-text-v2'].embedding.dimensions).toEqual([1024, 512, 256]);
    expect(CATALOG['embed-english'].embedding.maxInputChars).toBe(2048);
    expect(CATALOG['embed-v4'].embedding.dimensions).toEqual([1536, 1024, 512, 256]);
  });
});

describe('alias types', () => {
  it('derive the alias union from the data and keep other strings open', () => {
    expectTypeOf<'claude-sonnet-4-5'>().toExtend<CatalogAlias>();
    expectTypeOf<'claude-sonnet-4-5-20250929'>().toExtend<CatalogAlias>();
    expectTypeOf<'titan-embed-text-v1'>().toExtend<CatalogAlias>();
    expectTypeOf<'gpt-4o'>().not.toExtend<CatalogAlias>();
    expectTypeOf<'bedrock/nova-pro'>().toExtend<ModelName>();
    expectTypeOf<string>().toExtend<ModelName>();
    expectTypeOf<CanonicalAlias>().toExtend<CatalogAlias>();
  });
});
