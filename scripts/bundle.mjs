/**
 * The second step of `npm run build`: bundles what `tsc` emitted into `dist/src/` so that importing the package
 * reads a few files instead of ~90 modules (on the 2-core VM the benchmarks run on, `import('bedrock-openai')` took
 * ~120 ms as separate modules and ~45 ms bundled; see BENCHMARKS.md, cold start).
 *
 * The four entry points (`bedrock-openai`, `bedrock-openai/emulator` and the two CLIs) are rewritten in place, with
 * the code they share in `dist/src/chunks/` (so both entry points see one copy of each class) and the parts loaded
 * on demand (the HTTP handler's routes, the server's Hono) in chunks of their own. Dependencies stay external
 * imports. The per-module `.js` files `tsc` wrote are then removed; its `.d.ts` files stay (the package's types).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist', 'src');
const entryPoints = ['index.js', 'emulator/index.js', 'server/cli.js', 'emulator/cli.js'].map((entry) => join(out, entry));

const result = await build({
  entryPoints,
  outbase: out,
  outdir: out,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});

const kept = new Set(Object.keys(result.metafile.outputs).map((path) => resolve(root, path)));
let removed = 0;
(function prune(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) prune(path);
    else if (/\.js(\.map)?$/.test(entry.name) && !kept.has(path)) {
      rmSync(path);
      removed += 1;
    }
  }
})(out);
// On stderr: `npm pack --json` runs this (through `prepare`) and its stdout must stay JSON.
console.error(`bundle: ${kept.size} files in ${relative(root, out)} (${removed} per-module files removed)`);
