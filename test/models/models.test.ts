import { describe, expect, it } from 'vitest';
import { APIUserAbortError, NotFoundError } from '../../src/core/errors.js';
import { CATALOG, CATALOG_ENTRIES } from '../../src/models/catalog.js';
import { Models, type BedrockModel } from '../../src/models/models.js';

const inUsEast1 = new Models({ region: 'us-east-1', crossRegion: 'auto', aliases: {} });

function byAlias(data: readonly BedrockModel[], alias: string): BedrockModel {
  const found = data.find((model) => model.alias === alias);
  if (found === undefined) throw new Error(`${alias} not listed`);
  return found;
}

describe('Models.list', () => {
  it('returns an OpenAI-shaped page of every catalog entry', async () => {
    const page = await inUsEast1.list();
    expect(page.object).toBe('list');
    expect(page.data).toHaveLength(CATALOG_ENTRIES.length);
    for (const model of page.data) {
      expect(model.object).toBe('model');
      expect(typeof model.id).toBe('string');
      expect(Number.isInteger(model.created)).toBe(true);
      expect(model.owned_by).toBe(model.base_model_id.split('.')[0]);
    }
    expect(JSON.parse(JSON.stringify(page))).toEqual({ object: 'list', data: page.data });
  });

  it('lists the ID the client would call in its Region, with the base ID beside it', async () => {
    const data = (await inUsEast1.list()).data;
    expect(byAlias(data, 'claude-sonnet-4-5')).toMatchObject({
      id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      base_model_id: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
      inference_profile: 'us',
      region: 'us-east-1',
      owned_by: 'anthropic',
      kind: 'chat',
      context_window: 200_000,
      max_output_tokens: 64_000,
      aliases: ['claude-4-5-sonnet', 'claude-sonnet-4-5-20250929'],
      created: Date.UTC(2025, 8, 29) / 1000,
      pricing: { input: 3.3, output: 16.5, cache_read: 0.33, cache_write: 4.125 },
    });
    expect(byAlias(data, 'nova-pro')).toMatchObject({ id: 'amazon.nova-pro-v1:0', inference_profile: null, pricing: { input: 0.8, output: 3.2, cache_read: 0.2, cache_write: null } });
    expect(byAlias(data, 'titan-embed-text-v2')).toMatchObject({ kind: 'embedding', capabilities: null, embedding: { defaultDimensions: 1024 } });
    expect(byAlias(data, 'claude-opus-5').created).toBe(0);
  });

  it('follows the Region and crossRegion mode', async () => {
    const apac = (await new Models({ region: 'ap-southeast-1', crossRegion: 'auto', aliases: {} }).list()).data;
    expect(byAlias(apac, 'nova-pro')).toMatchObject({ id: 'apac.amazon.nova-pro-v1:0', pricing: { input: 0.84, output: 3.36 } });
    const global = (await new Models({ region: 'us-east-1', crossRegion: 'global', aliases: {} }).list()).data;
    expect(byAlias(global, 'claude-sonnet-4-5')).toMatchObject({ id: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', pricing: { input: 3 } });
    const off = (await new Models({ region: 'us-east-1', crossRegion: 'off', aliases: {} }).list()).data;
    expect(off.map((model) => model.id)).toEqual(CATALOG_ENTRIES.map((entry) => entry.id));
  });

  it('is async-iterable over its data', async () => {
    const page = await inUsEast1.list();
    const seen: BedrockModel[] = [];
    for await (const model of page) seen.push(model);
    expect(seen).toEqual(page.data);
  });

  it('can be iterated without awaiting, as openai\'s PagePromise: for await (const model of client.models.list())', async () => {
    const seen: BedrockModel[] = [];
    for await (const model of inUsEast1.list()) seen.push(model);
    expect(seen.map((model) => model.id)).toEqual((await inUsEast1.list()).data.map((model) => model.id));
    expect(seen).toHaveLength(CATALOG_ENTRIES.length);
  });

  it('has openai\'s Page methods: one page, no next page', async () => {
    const page = await inUsEast1.list();
    expect(page.getPaginatedItems()).toBe(page.data);
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow(/No next page/);
    const pages = [];
    for await (const each of page.iterPages()) pages.push(each);
    expect(pages).toEqual([page]);
  });

  it('rejects an iteration of an aborted list with APIUserAbortError, and takes signal: null', async () => {
    const iterate = async () => {
      for await (const _model of inUsEast1.list({ signal: AbortSignal.abort() })) break;
    };
    await expect(iterate()).rejects.toBeInstanceOf(APIUserAbortError);
    expect((await inUsEast1.list({ signal: null })).data).toHaveLength(CATALOG_ENTRIES.length);
  });

  it('hands out copies, so callers cannot change the catalog', async () => {
    const model = byAlias((await inUsEast1.list()).data, 'claude-haiku-4-5');
    model.capabilities!.tools = false;
    model.aliases.push('mine');
    model.profiles.length = 0;
    expect(CATALOG['claude-haiku-4-5'].capabilities.tools).toBe(true);
    expect(CATALOG['claude-haiku-4-5'].aliases).not.toContain('mine');
    expect(CATALOG['claude-haiku-4-5'].profiles.length).toBeGreaterThan(0);
  });
});

describe('Models.retrieve', () => {
  it.each([
    ['claude-haiku-4-5', 'us.anthropic.claude-haiku-4-5-20251001-v1:0', 'claude-haiku-4-5'],
    ['bedrock/nova-micro', 'amazon.nova-micro-v1:0', 'nova-micro'],
    ['anthropic.claude-3-haiku-20240307-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'claude-3-haiku'],
    ['eu.anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5'],
  ])('%s → %s', async (name, id, alias) => {
    const model = await inUsEast1.retrieve(name);
    expect(model.id).toBe(id);
    expect(model.alias).toBe(alias);
  });

  it('prices a retrieved profile ID at its profile price', async () => {
    const model = await inUsEast1.retrieve('eu.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(model).toMatchObject({ inference_profile: 'eu', pricing: { input: 3.3 } });
  });

  it('resolves user aliases, including application-profile ARNs with a base model', async () => {
    const arn = 'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123xyz';
    const models = new Models({ region: 'us-east-1', crossRegion: 'auto', aliases: { team: { id: arn, baseModel: 'claude-sonnet-4-5' } } });
    const model = await models.retrieve('team');
    expect(model).toMatchObject({ id: arn, alias: 'claude-sonnet-4-5', region: 'eu-west-1', pricing: null });
  });

  it.each(['gpt-4o', 'acme.frontier-9-v1:0', 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/x'])(
    '%s is a NotFoundError',
    async (name) => {
      const error = await inUsEast1.retrieve(name).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    },
  );
});
