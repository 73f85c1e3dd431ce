/**
 * The bench's streams (`bench/worker.ts`): the prompt makes the emulator stream exactly the deltas the bench expects
 * (1,000, the later 999 of 8 characters), and the checker of the 1,000-concurrent-streams row counts what a stream
 * lost, reordered or received that was not its own — the row can fail.
 */
import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeltaChecker, deltaIndex, expectedDeltas, streamPrompt } from '../../bench/worker.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';

let emulator: EmulatorHandle;
let client: BedrockRuntimeClient;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new BedrockRuntimeClient({ region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials });
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

describe('the bench stream prompt', () => {
  it.each([0, 7, 1295])('makes the emulator stream the 1,000 expected deltas of stream %i, 8 characters after the first', async (streamId) => {
    const response = await client.send(
      new ConverseStreamCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: streamPrompt(streamId) }] }], inferenceConfig: { maxTokens: 4000 } }),
    );
    const deltas: string[] = [];
    for await (const event of response.stream ?? []) {
      const text = event.contentBlockDelta?.delta?.text;
      if (text !== undefined) deltas.push(text);
    }
    const expected = expectedDeltas(streamId);
    expect(deltas).toEqual(expected);
    expect(expected).toHaveLength(1000);
    expect(expected[0]).toBe('You said: go');
    expect(new Set(expected.slice(1).map((delta) => delta.length))).toEqual(new Set([8]));
    expect(expected.map((delta) => deltaIndex(streamId, delta))).toEqual(expected.map((_, index) => index));
  });

  it('tells one stream’s deltas from another’s', () => {
    expect(deltaIndex(3, expectedDeltas(4)[10] as string)).toBe(-1);
    expect(deltaIndex(3, ' 03 00 x')).toBe(-1);
    expect(deltaIndex(3, ' 03 0a y')).toBe(-1);
    expect(deltaIndex(3, ' 03 0a x')).toBe(10);
  });
});

describe('DeltaChecker', () => {
  const run = (texts: readonly string[]) => {
    const checker = new DeltaChecker(5);
    for (const text of texts) checker.add(text);
    return checker.tally();
  };
  const all = expectedDeltas(5);

  it('counts nothing wrong for a complete stream in order', () => {
    expect(run(all)).toEqual({ received: 1000, lost: 0, outOfOrder: 0, strayOrRepeated: 0 });
  });

  it('counts a lost delta, and the ones after it as out of place', () => {
    expect(run([...all.slice(0, 998), all[999] as string])).toEqual({ received: 999, lost: 1, outOfOrder: 1, strayOrRepeated: 0 });
    expect(run(all.slice(0, 990))).toEqual({ received: 990, lost: 10, outOfOrder: 0, strayOrRepeated: 0 });
  });

  it('counts two swapped deltas as out of order, nothing lost', () => {
    const swapped = [...all];
    [swapped[3], swapped[4]] = [swapped[4] as string, swapped[3] as string];
    expect(run(swapped)).toEqual({ received: 1000, lost: 0, outOfOrder: 2, strayOrRepeated: 0 });
  });

  it('counts a repeated delta and another stream’s delta as stray', () => {
    expect(run([...all, all[999] as string])).toMatchObject({ lost: 0, strayOrRepeated: 1 });
    const foreign = [...all];
    foreign[500] = expectedDeltas(6)[500] as string;
    expect(run(foreign)).toEqual({ received: 1000, lost: 1, outOfOrder: 0, strayOrRepeated: 1 });
  });
});
