import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, fromAwsError } from '../../src/core/errors.js';
import { CATALOG, CATALOG_ENTRIES, type CanonicalAlias } from '../../src/models/catalog.js';
import { KNOWN_REGIONS, geographiesForRegion, isGovCloudRegion } from '../../src/models/geography.js';
import {
  isOnDemandIn,
  isOnDemandThroughputError,
  profileFallbackFor,
  resolveModel,
  type CrossRegionMode,
} from '../../src/models/resolve.js';

/** One Region per geography (and the special cases): the columns of the tables below. */
const REGIONS = [
  'us-east-1', // us, Nova's on-demand Region
  'us-west-2', // us
  'ca-central-1', // us (Canada routes through US profiles)
  'eu-west-1', // eu
  'ap-southeast-1', // apac
  'ap-northeast-1', // jp, then apac
  'ap-southeast-2', // au, then apac
  'me-central-1', // apac
  'sa-east-1', // no geography: global only
  'us-gov-west-1', // us-gov, never global
] as const;

/**
 * The profile prefix each alias gets per Region in REGIONS order ("-" = the base ID), written by hand from the
 * catalog's profiles / onDemandRegions and the rules in resolve.ts. `global` is the `crossRegion: 'global'` row,
 * when it differs from `auto`.
 */
const EXPECTED: Record<CanonicalAlias, { auto: string; global?: string }> = {
  'claude-3-haiku': { auto: '- - - - - - - - - -' },
  'claude-3-sonnet': { auto: '- - us eu apac apac apac apac - -' },
  'claude-3-opus': { auto: 'us - us eu - - - - - -' },
  'claude-3-5-sonnet': { auto: 'us us us eu apac apac apac apac - -' },
  'claude-3-5-sonnet-v1': { auto: '- - - - - - - - - -' },
  'claude-3-5-haiku': { auto: 'us - us eu - - - - - -' },
  'claude-3-7-sonnet': { auto: 'us us us eu apac apac apac apac - us-gov' },
  'claude-sonnet-4': {
    auto: 'us us us eu apac apac apac apac global -',
    global: 'global global global global global global global global global -',
  },
  'claude-opus-4': { auto: 'us us us eu - - - - - -' },
  'claude-opus-4-1': { auto: 'us us us eu - - - - - -' },
  'claude-sonnet-4-5': {
    auto: 'us us us eu global jp au global global us-gov',
    global: 'global global global global global global global global global us-gov',
  },
  'claude-haiku-4-5': {
    auto: 'us us us eu apac jp au apac global -',
    global: 'global global global global global global global global global -',
  },
  'claude-opus-4-5': {
    auto: 'us us us eu global global global global global -',
    global: 'global global global global global global global global global -',
  },
  'claude-opus-4-6': {
    auto: 'us us us eu global global au global global -',
    global: 'global global global global global global global global global -',
  },
  'claude-sonnet-4-6': {
    auto: 'us us us eu global jp au global global -',
    global: 'global global global global global global global global global -',
  },
  'claude-opus-4-7': {
    auto: 'us us us eu global jp au global global -',
    global: 'global global global global global global global global global -',
  },
  'claude-opus-4-8': {
    auto: 'us us us eu global jp au global global -',
    global: 'global global global global global global global global global -',
  },
  'claude-sonnet-5': {
    auto: 'us us us eu global jp au global global -',
    global: 'global global global global global global global global global -',
  },
  'claude-opus-5': {
    auto: 'us us us eu global jp au global global -',
    global: 'global global global global global global global global global -',
  },
  'claude-fable-5': {
    auto: 'us us us eu global global global global global -',
    global: 'global global global global global global global global global -',
  },
  'nova-micro': { auto: '- us us eu apac apac apac apac - -' },
  'nova-lite': { auto: '- us us eu apac apac apac apac - -' },
  'nova-pro': { auto: '- us us eu apac apac apac apac - -' },
  'nova-premier': { auto: 'us us us - - - - - - -' },
  'nova-2-lite': {
    auto: 'us us us eu apac jp apac apac global -',
    global: 'global global global global global global global global global -',
  },
  'nova-2-pro': { auto: 'us us us eu apac apac apac apac - -' },
  'llama3-8b': { auto: '- - - - - - - - - -' },
  'llama3-70b': { auto: '- - - - - - - - - -' },
  'llama3-1-8b': { auto: 'us - us - - - - - - -' },
  'llama3-1-70b': { auto: 'us - us - - - - - - -' },
  'llama3-1-405b': { auto: 'us - us - - - - - - -' },
  'llama3-2-1b': { auto: 'us us us eu - - - - - -' },
  'llama3-2-3b': { auto: 'us us us eu - - - - - -' },
  'llama3-2-11b': { auto: 'us us us - - - - - - -' },
  'llama3-2-90b': { auto: 'us us us - - - - - - -' },
  'llama3-3-70b': { auto: 'us us us - - - - - - -' },
  'llama4-scout': { auto: 'us us us - - - - - - -' },
  'llama4-maverick': { auto: 'us us us - - - - - - -' },
  'mistral-7b': { auto: '- - - - - - - - - -' },
  'mixtral-8x7b': { auto: '- - - - - - - - - -' },
  'mistral-large': { auto: '- - - - - - - - - -' },
  'mistral-large-2': { auto: '- - - - - - - - - -' },
  'pixtral-large': { auto: 'us us us eu - - - - - -' },
  'voxtral-mini': { auto: '- - - - - - - - - -' },
  'voxtral-small': { auto: '- - - - - - - - - -' },
  'command-r': { auto: '- - - - - - - - - -' },
  'command-r-plus': { auto: '- - - - - - - - - -' },
  'jamba-1-5-large': { auto: '- - - - - - - - - -' },
  'jamba-1-5-mini': { auto: '- - - - - - - - - -' },
  'deepseek-r1': { auto: 'us us us - - - - - - -' },
  'deepseek-v3': { auto: '- - - - - - - - - -' },
  'deepseek-v3-2': { auto: '- - - - - - - - - -' },
  'gpt-oss-20b': { auto: '- - - - - - - - - -' },
  'gpt-oss-120b': { auto: '- - - - - - - - - -' },
  'qwen3-32b': { auto: '- - - - - - - - - -' },
  'qwen3-235b': { auto: '- - - - - - - - - -' },
  'qwen3-coder-30b': { auto: '- - - - - - - - - -' },
  'qwen3-coder-480b': { auto: '- - - - - - - - - -' },
  'titan-embed-text': { auto: '- - - - - - - - - -' },
  'titan-embed-text-v2': { auto: '- - - - - - - - - -' },
  'titan-embed-image': { auto: '- - - - - - - - - -' },
  'embed-english': { auto: '- - - - - - - - - -' },
  'embed-multilingual': { auto: '- - - - - - - - - -' },
  'embed-v4': {
    auto: '- us us global global global global global global -',
    global: 'global global global global global global global global global -',
  },
  'nova-multimodal-embeddings': { auto: '- - - - - - - - - -' },
};

function expectedId(alias: CanonicalAlias, mode: CrossRegionMode, columnIndex: number): string {
  const id = CATALOG[alias].id;
  if (mode === 'off') return id;
  const row = mode === 'global' ? (EXPECTED[alias].global ?? EXPECTED[alias].auto) : EXPECTED[alias].auto;
  const prefix = row.split(' ')[columnIndex];
  if (prefix === undefined) throw new Error(`row for ${alias} has too few columns`);
  return prefix === '-' ? id : `${prefix}.${id}`;
}

const MODES: readonly CrossRegionMode[] = ['auto', 'global', 'off'];

describe('resolveModel: every alias × a Region of every geography × every crossRegion mode', () => {
  it('the expectation table covers exactly the catalog, with one column per Region', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(CATALOG).sort());
    for (const row of Object.values(EXPECTED)) {
      expect(row.auto.split(' ')).toHaveLength(REGIONS.length);
      if (row.global !== undefined) expect(row.global.split(' ')).toHaveLength(REGIONS.length);
    }
  });

  const cases = (Object.keys(CATALOG) as CanonicalAlias[]).flatMap((alias) =>
    MODES.flatMap((mode) => REGIONS.map((region, column) => ({ alias, mode, region, column }))),
  );

  it.each(cases)('$alias in $region, crossRegion $mode', ({ alias, mode, region, column }) => {
    const expected = expectedId(alias, mode, column);
    const entry = CATALOG[alias];
    for (const name of [alias, `bedrock/${alias}`, ...entry.aliases, ...entry.aliases.map((other) => `bedrock/${other}`)]) {
      const resolved = resolveModel(name, { region, crossRegion: mode });
      expect(resolved.modelId, name).toBe(expected);
      expect(resolved.entry).toBe(entry);
      expect(resolved.via).toBe('alias');
      expect(resolved.region).toBe(region);
      expect(resolved.profileAdded).toBe(expected !== entry.id);
    }
  });
});

describe('resolveModel: invariants over every known Region', () => {
  const cases = CATALOG_ENTRIES.flatMap((entry) => KNOWN_REGIONS.map((region) => ({ alias: entry.alias, region })));

  it.each(cases)('$alias in $region', ({ alias, region }) => {
    const entry = CATALOG[alias as CanonicalAlias];
    const off = resolveModel(alias, { region, crossRegion: 'off' });
    expect(off.modelId).toBe(entry.id);
    expect(off.profile).toBeUndefined();
    for (const mode of ['auto', 'global'] as const) {
      const { modelId, profile } = resolveModel(alias, { region, crossRegion: mode });
      if (profile === undefined) {
        expect(modelId).toBe(entry.id);
        continue;
      }
      expect(modelId).toBe(`${profile}.${entry.id}`);
      expect(entry.profiles).toContain(profile);
      expect(profile).not.toBe('ca');
      if (profile === 'global') expect(isGovCloudRegion(region)).toBe(false);
      else expect(geographiesForRegion(region)).toContain(profile);
    }
    if (isOnDemandIn(entry, region)) expect(resolveModel(alias, { region }).modelId).toBe(entry.id);
  });

  it('defaults to crossRegion auto', () => {
    expect(resolveModel('claude-sonnet-4-5', { region: 'us-east-1' }).modelId).toBe('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });
});

describe('resolveModel: the issue examples', () => {
  it.each([
    ['claude-sonnet-4-5', 'us-east-1', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['bedrock/claude-sonnet-4-5', 'eu-west-1', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['nova-pro', 'us-east-1', 'amazon.nova-pro-v1:0'],
    ['nova-pro', 'ap-southeast-1', 'apac.amazon.nova-pro-v1:0'],
    ['claude-3-5-sonnet', 'us-east-1', 'us.anthropic.claude-3-5-sonnet-20241022-v2:0'],
    ['titan-embed-text-v2', 'eu-west-1', 'amazon.titan-embed-text-v2:0'],
  ])('%s in %s → %s', (name, region, modelId) => {
    expect(resolveModel(name, { region }).modelId).toBe(modelId);
  });
});

describe('resolveModel: model IDs and profile IDs pass through', () => {
  it.each([
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5', 'model-id', undefined],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5', 'profile-id', 'us'],
    ['eu.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5', 'profile-id', 'eu'],
    ['global.anthropic.claude-haiku-4-5-20251001-v1:0', 'claude-haiku-4-5', 'profile-id', 'global'],
    ['us-gov.anthropic.claude-3-7-sonnet-20250219-v1:0', 'claude-3-7-sonnet', 'profile-id', 'us-gov'],
    ['apac.amazon.nova-pro-v1:0', 'nova-pro', 'profile-id', 'apac'],
    ['amazon.nova-pro-v1:0:300k', 'nova-pro', 'model-id', undefined],
    ['bedrock/amazon.titan-embed-text-v2:0', 'titan-embed-text-v2', 'model-id', undefined],
  ])('%s', (name, alias, via, profile) => {
    for (const mode of MODES) {
      const resolved = resolveModel(name, { region: 'us-east-1', crossRegion: mode });
      expect(resolved.modelId).toBe(name.replace(/^bedrock\//, ''));
      expect(resolved.entry).toBe(CATALOG[alias as CanonicalAlias]);
      expect(resolved.via).toBe(via);
      expect(resolved.profile).toBe(profile);
      expect(resolved.profileAdded).toBe(false);
    }
  });

  it('passes unknown well-formed IDs through with unknown capabilities', () => {
    for (const name of ['acme.frontier-9-v1:0', 'us.acme.frontier-9-v1:0', 'anthropic.claude-sonnet-4-6-v1', 'deepseek.v4']) {
      const resolved = resolveModel(name, { region: 'eu-west-1' });
      expect(resolved.modelId).toBe(name);
      expect(resolved.entry).toBeUndefined();
    }
  });

  it('rejects malformed IDs before any request, naming the field', () => {
    for (const name of ['anthropic.claude sonnet', 'anthropic.claude/sonnet', '.leading-dot', `a.${'x'.repeat(2048)}`]) {
      const error = catchError(() => resolveModel(name, { region: 'us-east-1' }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).param).toBe('model');
    }
    const empty = catchError(() => resolveModel('', { region: 'us-east-1' }));
    expect(empty).toBeInstanceOf(BadRequestError);
    expect((empty as BadRequestError).param).toBe('model');
  });
});

describe('resolveModel: unknown aliases', () => {
  it.each([
    ['claude-sonet-4-5', 'claude-sonnet-4-5'],
    ['bedrock/nova-prp', 'nova-pro'],
    ['sonnet-4-5', 'claude-sonnet-4-5'],
    ['titan-embed-v2', 'titan-embed-text-v2'],
  ])('%s is a NotFoundError suggesting %s', (name, suggestion) => {
    const error = catchError(() => resolveModel(name, { region: 'us-east-1' }));
    expect(error).toBeInstanceOf(NotFoundError);
    const notFound = error as NotFoundError;
    expect(notFound.status).toBe(404);
    expect(notFound.code).toBe('model_not_found');
    expect(notFound.param).toBe('model');
    expect(notFound.message).toContain(`"${suggestion}"`);
  });

  it('suggests user aliases too', () => {
    const error = catchError(() => resolveModel('my-fast-modle', { region: 'us-east-1', aliases: { 'my-fast-model': 'nova-micro' } }));
    expect((error as NotFoundError).message).toContain('"my-fast-model"');
  });

  it('says plainly when nothing is close', () => {
    const error = catchError(() => resolveModel('zzzzzzzzzzzz', { region: 'us-east-1' })) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).not.toContain('Did you mean');
  });
});

describe('resolveModel: user aliases', () => {
  it('override built-in names and keep IDs unchanged', () => {
    const aliases = { 'nova-pro': 'amazon.nova-lite-v1:0' };
    const resolved = resolveModel('nova-pro', { region: 'us-east-1', aliases });
    expect(resolved.modelId).toBe('amazon.nova-lite-v1:0');
    expect(resolved.entry).toBe(CATALOG['nova-lite']);
    expect(resolved.via).toBe('user-alias');
    expect(resolveModel('bedrock/nova-pro', { region: 'us-east-1', aliases }).modelId).toBe('amazon.nova-lite-v1:0');
  });

  it('resolve a built-in alias target for the Region', () => {
    const options = { region: 'eu-west-1', aliases: { fast: 'claude-haiku-4-5', quick: { id: 'bedrock/claude-haiku-4-5' } } };
    expect(resolveModel('fast', options).modelId).toBe('eu.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(resolveModel('quick', options).modelId).toBe('eu.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(resolveModel('fast', { ...options, crossRegion: 'off' }).modelId).toBe('anthropic.claude-haiku-4-5-20251001-v1:0');
  });

  it('map a name to an application-profile ARN whose capabilities come from baseModel', () => {
    const arn = 'arn:aws:bedrock:eu-central-1:123456789012:application-inference-profile/a1b2c3d4e5';
    const resolved = resolveModel('team-sonnet', {
      region: 'us-east-1',
      aliases: { 'team-sonnet': { id: arn, baseModel: 'claude-sonnet-4-5' } },
    });
    expect(resolved).toMatchObject({ modelId: arn, via: 'user-alias', region: 'eu-central-1', profileAdded: false });
    expect(resolved.entry).toBe(CATALOG['claude-sonnet-4-5']);
  });

  it('do not chain through other user aliases', () => {
    const error = catchError(() => resolveModel('a', { region: 'us-east-1', aliases: { a: 'b', b: 'nova-pro' } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('the alias "a" maps to "b"');
  });

  it('reject a target that is not a string or { id }', () => {
    const error = catchError(() => resolveModel('broken', { region: 'us-east-1', aliases: { broken: { id: '' } } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).param).toBe('aliases.broken');
  });

  it('name the alias when its baseModel is unknown', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/zz';
    const error = catchError(() => resolveModel('x', { region: 'us-east-1', aliases: { x: { id: arn, baseModel: 'claude-sonet' } } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).param).toBe('aliases.x.baseModel');
  });
});

describe('resolveModel: ARNs of every kind round-trip', () => {
  const cases = [
    {
      arn: 'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
      kind: 'foundation-model',
      region: 'eu-west-1',
      alias: 'claude-3-haiku',
    },
    {
      arn: 'arn:aws:bedrock:us-east-2:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      kind: 'inference-profile',
      region: 'us-east-2',
      alias: 'claude-sonnet-4-5',
    },
    {
      arn: 'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123xyz',
      kind: 'application-inference-profile',
      region: 'eu-west-1',
      alias: undefined,
    },
    { arn: 'arn:aws:bedrock:us-west-2:123456789012:provisioned-model/p9x8y7z6w5v4', kind: 'provisioned-model', region: 'us-west-2', alias: undefined },
    {
      arn: 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1/abcd1234efgh',
      kind: 'custom-model',
      region: 'us-east-1',
      alias: undefined,
    },
    {
      arn: 'arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/dep0001abcde',
      kind: 'custom-model-deployment',
      region: 'us-east-1',
      alias: undefined,
    },
    { arn: 'arn:aws:bedrock:ap-northeast-1:123456789012:imported-model/imp42abcdefg', kind: 'imported-model', region: 'ap-northeast-1', alias: undefined },
    {
      arn: 'arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:application-inference-profile/gov1',
      kind: 'application-inference-profile',
      region: 'us-gov-west-1',
      alias: undefined,
    },
    { arn: 'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT1234:1', kind: 'prompt', region: 'us-east-1', alias: undefined },
    { arn: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/my-endpoint', kind: 'other', region: 'us-east-1', alias: undefined },
  ] as const;

  it.each(cases)('$kind: $arn', ({ arn, kind, region, alias }) => {
    for (const mode of MODES) {
      for (const name of [arn, `bedrock/${arn}`]) {
        const resolved = resolveModel(name, { region: 'sa-east-1', crossRegion: mode });
        expect(resolved.modelId).toBe(arn);
        expect(resolved.via).toBe('arn');
        expect(resolved.region).toBe(region);
        expect(resolved.arn?.resourceType).toBe(kind);
        expect(resolved.profileAdded).toBe(false);
        expect(resolved.entry).toBe(alias === undefined ? undefined : CATALOG[alias]);
      }
    }
  });

  it.each([
    // A foundation-model ARN takes a base model ID, not a profile ID or a context-window variant.
    'arn:aws:bedrock:us-east-1::foundation-model/us.anthropic.claude-3-haiku-20240307-v1:0',
    'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1:200k',
    // Custom-model ARNs with the base model's version (the pattern allows none), prompt IDs other than 10 characters,
    // provisioned/imported IDs other than 12 lower-case characters.
    'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1:0:300k/abcd1234efgh',
    'arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345',
    'arn:aws:bedrock:us-west-2:123456789012:provisioned-model/p9x8y7z6',
    'arn:aws:bedrock:ap-northeast-1:123456789012:imported-model/imp-42',
    // IDs: an underscore next to a dot.
    'my_org.model-v1',
  ])('refuses %s, which the service model\'s modelId pattern refuses, naming model', (name) => {
    expect(() => resolveModel(name, { region: 'us-east-1' })).toThrow(expect.objectContaining({ param: 'model', status: 400 }));
    expect(() => resolveModel(name, { region: 'us-east-1' })).toThrow(/model ID pattern of Bedrock's service model/);
  });

  it('takes capabilities from bedrock.baseModel for an ARN without a model name', () => {
    const arn = 'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123xyz';
    for (const baseModel of ['claude-sonnet-4-5', 'bedrock/claude-sonnet-4-5', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0']) {
      const resolved = resolveModel(arn, { region: 'us-east-1', baseModel });
      expect(resolved.entry).toBe(CATALOG['claude-sonnet-4-5']);
      expect(resolved.modelId).toBe(arn);
      expect(resolved.region).toBe('eu-west-1');
    }
    expect(resolveModel(arn, { region: 'us-east-1', baseModel: 'acme.unknown-v1' }).entry).toBeUndefined();
  });

  it('ignores baseModel when the name already identifies a catalog model', () => {
    expect(resolveModel('nova-pro', { region: 'us-east-1', baseModel: 'claude-sonnet-4-5' }).entry).toBe(CATALOG['nova-pro']);
  });

  it('rejects an unknown baseModel alias, naming the option', () => {
    const arn = 'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123xyz';
    const error = catchError(() => resolveModel(arn, { region: 'us-east-1', baseModel: 'sonet' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).param).toBe('bedrock.baseModel');
  });

  it.each(['arn:aws:bedrock:us-east-1', 'arn:aws:bedrock:us-east-1:123:foundation-model/x', 'arn:aws:bedrock:us-east-1:123456789012:no-slash', 'arn:'])(
    'rejects the malformed ARN %s',
    (arn) => {
      const error = catchError(() => resolveModel(arn, { region: 'us-east-1' }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).param).toBe('model');
    },
  );
});

describe('isOnDemandThroughputError', () => {
  const curly =
    'Invocation of model ID anthropic.claude-3-5-sonnet-20241022-v2:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.';
  const sdkError = (name: string, message: string) =>
    Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400, requestId: 'req-1' } });

  it.each([
    ['the SDK exception (curly apostrophe)', sdkError('ValidationException', curly), true],
    ['the SDK exception (straight apostrophe)', sdkError('ValidationException', curly.replace('’', "'")), true],
    ['the mapped BadRequestError', fromAwsError(sdkError('ValidationException', curly)), true],
    ['another ValidationException', sdkError('ValidationException', 'Malformed input request: #: extraneous key [foo]'), false],
    ['the message under another exception', sdkError('ThrottlingException', curly), false],
    ['a plain Error', new Error(curly), false],
    ['a string', curly, false],
    ['null', null, false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isOnDemandThroughputError(error)).toBe(expected);
  });
});

describe('profileFallbackFor', () => {
  it.each([
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', 'auto', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu-west-1', 'auto', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'ap-southeast-1', 'auto', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-gov-west-1', 'auto', 'us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', 'global', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', 'off', undefined],
    // Nova is on demand in us-east-1 by the catalog, but a fallback is asked for only after Bedrock said no.
    ['amazon.nova-pro-v1:0', 'us-east-1', 'auto', 'us.amazon.nova-pro-v1:0'],
    ['amazon.nova-pro-v1:0', 'ap-southeast-1', 'auto', 'apac.amazon.nova-pro-v1:0'],
    ['meta.llama3-8b-instruct-v1:0', 'us-east-1', 'auto', undefined],
    ['acme.frontier-9-v1:0', 'eu-west-1', 'auto', 'eu.acme.frontier-9-v1:0'],
    ['acme.frontier-9-v1:0', 'sa-east-1', 'auto', undefined],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', 'auto', undefined],
    ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', 'auto', undefined],
  ] as const)('%s in %s (%s) → %s', (modelId, region, mode, expected) => {
    expect(profileFallbackFor(modelId, region, mode)).toBe(expected);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
