import { describe, expect, it } from 'vitest';
import { TextResponse } from '../../src/http/text-response.js';

/**
 * A `TextResponse` must behave as `new Response(text, init)` does, whatever is read in whatever order: each case runs
 * the same steps on both and compares every outcome (a value, or the error's class and name).
 */
type Step = (response: Response) => unknown;

const readBody: Step = async (response) => {
  const body = response.body;
  if (body === null) return 'null body';
  if (body.locked) return 'locked';
  return new Response(body).text();
};
const steps = {
  text: (response) => response.text(),
  json: (response) => response.json(),
  arrayBuffer: async (response) => Buffer.from(await response.arrayBuffer()).toString('utf8'),
  blob: async (response) => {
    const blob = await response.blob();
    return [blob.type, await blob.text()];
  },
  formData: (response) => response.formData(),
  body: readBody,
  bodyUsed: (response) => response.bodyUsed,
  head: (response) => [response.status, response.statusText, response.ok, response.type, response.url, response.redirected, [...response.headers]],
} satisfies Record<string, Step>;
type StepName = keyof typeof steps;

/** Runs `names` in order; `clone` makes the rest run on a clone (the original's later steps are prefixed `orig.`). */
async function run(response: Response, names: readonly string[]): Promise<unknown[]> {
  const outcomes: unknown[] = [];
  let current = response;
  for (const name of names) {
    try {
      if (name === 'clone') {
        current = current.clone();
        outcomes.push(['clone', current instanceof Response]);
        continue;
      }
      const target = name.startsWith('orig.') ? response : current;
      const step = steps[name.replace(/^orig\./, '') as StepName];
      outcomes.push(await step(target));
    } catch (error) {
      outcomes.push(['threw', (error as Error).constructor.name, (error as Error).name]);
    }
  }
  return outcomes;
}

const JSON_TEXT = JSON.stringify({ id: 'chatcmpl-1', choices: [{ message: { content: 'héllo ✓' } }] });
const INIT: ResponseInit = { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' } };

const CASES: ReadonlyArray<readonly string[]> = [
  ['head'],
  ['json'],
  ['text'],
  ['arrayBuffer'],
  ['blob'],
  ['body'],
  ['formData'],
  ['bodyUsed', 'json', 'bodyUsed'],
  ['json', 'json'],
  ['text', 'json'],
  ['json', 'text'],
  ['json', 'arrayBuffer'],
  ['json', 'body'],
  ['json', 'bodyUsed', 'body', 'bodyUsed'],
  ['body', 'json'],
  ['body', 'bodyUsed', 'text'],
  ['arrayBuffer', 'json', 'bodyUsed'],
  ['clone', 'json', 'orig.text', 'orig.bodyUsed', 'bodyUsed'],
  ['clone', 'head', 'body', 'orig.json'],
  ['json', 'clone'],
  ['body', 'clone'],
  ['clone', 'clone', 'text', 'orig.blob'],
];

describe('TextResponse', () => {
  it.each(CASES.map((names) => [names.join(' → '), names] as const))('behaves as a Response: %s', async (_label, names) => {
    const expected = await run(new Response(JSON_TEXT, INIT), names);
    const actual = await run(new TextResponse(JSON_TEXT, INIT), names);
    expect(actual).toEqual(expected);
  });

  it('is a Response, with the status, status text and headers it was given', () => {
    const response = new TextResponse('{"error":{}}', { status: 429, statusText: 'Too Many Requests', headers: { 'content-type': 'application/json', 'retry-after': '2' } });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.headers.get('retry-after')]).toEqual([429, 'Too Many Requests', false, '2']);
  });

  it('rejects json() of text that is not JSON as a Response does, and the body is then used', async () => {
    for (const response of [new Response('not json', INIT), new TextResponse('not json', INIT)]) {
      await expect(response.json()).rejects.toBeInstanceOf(SyntaxError);
      expect(response.bodyUsed).toBe(true);
      await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    }
  });

  it('serves bytes() where the runtime has it', async () => {
    const real = new Response(JSON_TEXT, INIT) as Response & { bytes?: () => Promise<Uint8Array> };
    const ours = new TextResponse(JSON_TEXT, INIT) as Response & { bytes?: () => Promise<Uint8Array> };
    expect(typeof ours.bytes).toBe(typeof real.bytes);
    if (real.bytes === undefined || ours.bytes === undefined) return;
    expect(Buffer.from(await ours.bytes()).toString('utf8')).toBe(Buffer.from(await real.bytes()).toString('utf8'));
  });

  it('keeps the text of a multi-byte body whole through every reader', async () => {
    const text = JSON.stringify({ content: '日本語 ✓ 😀'.repeat(5_000) });
    expect(await new TextResponse(text, INIT).text()).toBe(text);
    expect(await readBody(new TextResponse(text, INIT))).toBe(text);
    expect(Buffer.from(await new TextResponse(text, INIT).arrayBuffer()).toString('utf8')).toBe(text);
  });
});
