/**
 * Compiles the benchmark's child-process entry points ({@link ENTRY_POINTS}) to plain ES modules in
 * `bench/results/build/`, so measured processes run on plain `node`: a TypeScript loader (tsx) would add its
 * module hooks, a loader thread and transform time to every import, cold start included.
 *
 * The entry points import nothing from `bench/` but types, which transpiling erases; they load the package under
 * test by its name (`bedrock-openai`, resolved through `package.json` `exports` to `dist/`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';

export const ENTRY_POINTS = ['worker.ts', 'emulator-process.ts', 'server-process.ts', 'quota-worker.ts'] as const;

/** Transpiles each entry point of `benchDirectory` into `outputDirectory` as `<name>.mjs`; returns their paths. */
export function compileEntryPoints(benchDirectory: string, outputDirectory: string): Record<(typeof ENTRY_POINTS)[number], string> {
  mkdirSync(outputDirectory, { recursive: true });
  const outputs = {} as Record<(typeof ENTRY_POINTS)[number], string>;
  for (const entry of ENTRY_POINTS) {
    const source = readFileSync(join(benchDirectory, entry), 'utf8');
    const result = ts.transpileModule(source, {
      fileName: entry,
      reportDiagnostics: true,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        sourceMap: false,
      },
    });
    const errors = (result.diagnostics ?? []).filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
      throw new Error(`bench/${entry}: ${errors.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')).join('; ')}`);
    }
    if (/^\s*import\s(?!type\b)[^(]*from\s+['"]\.{1,2}\//m.test(result.outputText)) {
      throw new Error(`bench/${entry} imports a relative module at run time; child entry points may only import types from bench/.`);
    }
    const output = join(outputDirectory, `${basename(entry, '.ts')}.mjs`);
    writeFileSync(output, result.outputText);
    outputs[entry] = output;
  }
  return outputs;
}
