/**
 * Every family of routes the handler registers (`ROUTES`) is named where users read what the in-process `fetch` and
 * `bedrock-openai serve` serve: README's "Use the official openai SDK…" paragraph and `serve --help`. (Both once
 * listed only chat completions, embeddings and models after the Responses and Batch routes had joined.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HandlerContext, OpenAIApp } from '../../src/http/context.js';
import { ROUTES } from '../../src/http/routes/index.js';
import { SERVE_USAGE } from '../../src/server/options.js';

function registeredFamilies(): string[] {
  const paths = new Set<string>();
  const record = (_method: string | string[], path: string): unknown => paths.add(path);
  const app = { on: record, all: (path: string) => paths.add(path) } as unknown as OpenAIApp;
  for (const register of ROUTES) register(app, {} as HandlerContext);
  return [...new Set([...paths].map((path) => path.split('/')[1]!))].sort();
}

describe('the served routes are documented', () => {
  const families = registeredFamilies();

  it('finds the route families', () => {
    expect(families).toEqual(expect.arrayContaining(['chat', 'embeddings', 'models', 'responses']));
  });

  it('README names each in the paragraph on createBedrockFetch()', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('`createBedrockFetch()` returns a `fetch` that serves');
    expect(start).toBeGreaterThan(-1);
    const paragraph = readme.slice(start, readme.indexOf('\n\n', start));
    for (const family of families) expect(paragraph, family).toContain(`\`/v1/${family}`);
  });

  it('`bedrock-openai serve --help` names each', () => {
    const description = SERVE_USAGE.split('\n').find((line) => line.startsWith('Serves '))!;
    for (const family of families) expect(description, family).toContain(family);
  });
});
