/**
 * Generates the README's model alias table from the catalog, so the two cannot drift.
 *
 *   npx tsx scripts/generate-alias-table.ts           # print the table
 *   npx tsx scripts/generate-alias-table.ts --write   # replace the table between the README markers
 *   npx tsx scripts/generate-alias-table.ts --check   # exit 1 if the README table is out of date
 *
 * test/models/alias-table.test.ts checks that the README matches {@link renderAliasTable}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CATALOG_CHECKED, CATALOG_ENTRIES } from '../src/models/catalog.js';
import { modelIdForRegion } from '../src/models/resolve.js';
import type { ModelEntry } from '../src/models/types.js';

export const TABLE_START = '<!-- alias-table:start -->';
export const TABLE_END = '<!-- alias-table:end -->';

/** The Regions whose resolved IDs the table shows, one per common geography. */
export const SAMPLE_REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-1'] as const;

function formatTokens(count: number | null): string {
  if (count === null) return '–';
  if (count >= 1_000_000 && count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  if (count >= 1000 && count % 1000 === 0) return `${count / 1000}K`;
  return count.toLocaleString('en-US');
}

function formatPrice(entry: ModelEntry): string {
  const base = entry.prices?.base;
  if (base === undefined) return '–';
  return entry.kind === 'embedding' ? `${base.input}` : `${base.input} / ${base.output}`;
}

function formatCall(entry: ModelEntry, region: string): string {
  const { profile } = modelIdForRegion(entry, region, 'auto');
  return profile === undefined ? 'base' : `\`${profile}.\``;
}

/** The markdown table (without the markers): one row per catalog entry, in catalog order. */
export function renderAliasTable(): string {
  const header = [
    'Alias',
    'Model',
    'Kind',
    'Bedrock model ID',
    'Other names',
    'Profiles',
    ...SAMPLE_REGIONS.map((region) => `Called in ${region}`),
    'Context',
    '$/M tokens in / out',
  ];
  const rows = CATALOG_ENTRIES.map((entry) => [
    `\`${entry.alias}\``,
    entry.name,
    entry.kind,
    `\`${entry.id}\``,
    entry.aliases.length === 0 ? '–' : entry.aliases.map((alias) => `\`${alias}\``).join(', '),
    entry.profiles.length === 0 ? '–' : entry.profiles.join(', '),
    ...SAMPLE_REGIONS.map((region) => formatCall(entry, region)),
    formatTokens(entry.contextWindow),
    formatPrice(entry),
  ]);
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    `Generated from \`src/models/catalog.ts\` (data checked ${CATALOG_CHECKED}) by \`scripts/generate-alias-table.ts\`. ` +
      'Every alias also works as `bedrock/<alias>`. "Called in" shows what `crossRegion: "auto"` sends there: ' +
      '`base` = the base model ID, otherwise the inference-profile prefix added to it. Prices are the base-ID ' +
      'prices in USD per million tokens (embeddings: input only).',
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
  ].join('\n');
}

/**
 * `readme` with the text between the alias-table markers replaced by the generated table, or `undefined` when the
 * markers are missing.
 */
export function replaceAliasTable(readme: string, table: string = renderAliasTable()): string | undefined {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

/** The README path beside this script's package root. */
export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url));

function main(argv: readonly string[]): number {
  const table = renderAliasTable();
  const write = argv.includes('--write');
  const check = argv.includes('--check');
  if (!write && !check) {
    process.stdout.write(`${table}\n`);
    return 0;
  }
  const readme = readFileSync(README_PATH, 'utf8');
  const updated = replaceAliasTable(readme, table);
  if (updated === undefined) {
    process.stderr.write(`README.md has no ${TABLE_START} … ${TABLE_END} markers; nothing to ${write ? 'write' : 'check'}.\n`);
    return 1;
  }
  if (check) {
    if (updated === readme) return 0;
    process.stderr.write('README.md alias table is out of date: run `npx tsx scripts/generate-alias-table.ts --write`.\n');
    return 1;
  }
  if (updated !== readme) writeFileSync(README_PATH, updated);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
