import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH, TABLE_END, TABLE_START, renderAliasTable, replaceAliasTable } from '../../scripts/generate-alias-table.js';
import { CATALOG_ENTRIES } from '../../src/models/catalog.js';

const readme = readFileSync(README_PATH, 'utf8');
const hasMarkers = readme.includes(TABLE_START) && readme.includes(TABLE_END);

describe('the alias table', () => {
  const table = renderAliasTable();
  const rows = table.split('\n').filter((line) => line.startsWith('| `'));

  it('has one row per catalog entry, in catalog order, naming every alias', () => {
    expect(rows).toHaveLength(CATALOG_ENTRIES.length);
    CATALOG_ENTRIES.forEach((entry, index) => {
      expect(rows[index]?.startsWith(`| \`${entry.alias}\` |`)).toBe(true);
      expect(rows[index]).toContain(`\`${entry.id}\``);
      for (const alias of entry.aliases) expect(rows[index]).toContain(`\`${alias}\``);
    });
  });

  it('shows what auto mode calls per Region', () => {
    const sonnet = rows.find((row) => row.startsWith('| `claude-sonnet-4-5` |'));
    expect(sonnet).toContain('| `us.` | `eu.` | `jp.` | `global.` |');
    const novaPro = rows.find((row) => row.startsWith('| `nova-pro` |'));
    expect(novaPro).toContain('| base | `eu.` | `apac.` | `apac.` |');
  });

  it('replaces only the text between the markers', () => {
    const before = `intro\n${TABLE_START}\nstale\n${TABLE_END}\noutro\n`;
    expect(replaceAliasTable(before, 'TABLE')).toBe(`intro\n${TABLE_START}\nTABLE\n${TABLE_END}\noutro\n`);
    expect(replaceAliasTable('no markers here', 'TABLE')).toBeUndefined();
  });

  it.skipIf(!hasMarkers)(
    hasMarkers
      ? 'README.md matches `npx tsx scripts/generate-alias-table.ts --write`'
      : `SKIPPED: README.md has no ${TABLE_START} / ${TABLE_END} markers, so there is no table to compare`,
    () => {
      expect(replaceAliasTable(readme, table)).toBe(readme);
    },
  );
});
