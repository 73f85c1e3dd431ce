/**
 * Cross-region inference profiles on the wire: a model that Bedrock refuses by its base ID in a region succeeds
 * through its alias (the client picks the region's profile), and the safety net rescues a base ID once.
 * The emulator's region table is its own (src/emulator/models.ts), so a wrong catalog entry fails here.
 */
import { describe, expect, it } from 'vitest';
import type { Client, Warning } from '../../src/client.js';
import { BadRequestError } from '../../src/core/errors.js';
import { useEmulator } from '../support/emulator.js';

const { emulator, client } = useEmulator();

const ask = (target: Client, model: string) => target.chat.completions.create({ model, messages: [{ role: 'user', content: 'hello' }] });

describe('a profile-only model', () => {
  const baseId = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

  it('fails by its base ID when nothing may add a profile', async () => {
    const error = await ask(client({ region: 'us-east-1', crossRegion: 'off' }), baseId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(/on-demand throughput isn.t supported/);
  });

  it.each([
    ['us-east-1', 'us.'],
    ['us-west-2', 'us.'],
    ['eu-west-1', 'eu.'],
    ['ap-northeast-1', 'jp.'],
    ['ap-southeast-2', 'au.'],
  ])('succeeds through its alias in %s, via the %s profile', async (region, prefix) => {
    const completion = await ask(client({ region }), 'bedrock/claude-sonnet-4-5');
    expect(completion.model).toBe(`${prefix}${baseId}`);
    expect(emulator.requests.at(-1)?.region).toBe(region);
  });

  it('falls back to global. where no geographic profile fits, warning once', async () => {
    const warnings: Warning[] = [];
    const target = client({ region: 'ap-southeast-1', onWarning: (warning) => warnings.push(warning) });
    for (let call = 0; call < 2; call++) {
      expect((await ask(target, 'claude-opus-4-5')).model).toBe('global.anthropic.claude-opus-4-5-20251101-v1:0');
    }
    expect(warnings).toEqual([expect.objectContaining({ code: 'global_inference_profile', param: 'model' })]);
  });

  it('goes global. when asked', async () => {
    expect((await ask(client({ region: 'eu-west-1', crossRegion: 'global' }), 'claude-sonnet-4-5')).model).toBe(`global.${baseId}`);
  });

  it('is rescued once by the safety net when called by its base ID, with a warning', async () => {
    const warnings: Warning[] = [];
    emulator.clearRequests();
    const completion = await ask(client({ region: 'us-east-1', onWarning: (warning) => warnings.push(warning) }), baseId);
    expect(completion.model).toBe(`us.${baseId}`);
    expect(emulator.requests.map((request) => request.modelId)).toEqual([baseId, `us.${baseId}`]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'inference_profile_fallback', param: 'model' })]);
  });
});

describe('a model whose on-demand support depends on the region (Nova Pro)', () => {
  it('is called by its base ID where it is on demand', async () => {
    expect((await ask(client({ region: 'us-east-1' }), 'nova-pro')).model).toBe('amazon.nova-pro-v1:0');
  });

  it('is called through apac. in ap-southeast-1, where its base ID fails', async () => {
    await expect(ask(client({ region: 'ap-southeast-1', crossRegion: 'off' }), 'amazon.nova-pro-v1:0')).rejects.toBeInstanceOf(BadRequestError);
    expect((await ask(client({ region: 'ap-southeast-1' }), 'nova-pro')).model).toBe('apac.amazon.nova-pro-v1:0');
  });
});

describe('profiles and ARNs', () => {
  it('refuses a profile of another geography, as Bedrock does', async () => {
    await expect(ask(client({ region: 'us-east-1' }), 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0')).rejects.toBeInstanceOf(BadRequestError);
  });

  it('calls an application-profile ARN in its own region, with the capabilities of its declared base model', async () => {
    const arn = 'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123xyz';
    const target = client({ region: 'us-east-1', aliases: { support: { id: arn, baseModel: 'claude-haiku-4-5' } } });
    const completion = await ask(target, 'support');
    expect(completion.model).toBe(arn);
    expect(emulator.requests.at(-1)?.region).toBe('eu-west-1');
  });
});
