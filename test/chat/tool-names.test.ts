import { describe, expect, it } from 'vitest';
import { createToolCallIdMap, createToolNameMap, fromBedrockName, TOOL_NAME_PATTERN, TOOL_USE_ID_PATTERN, toBedrockName } from '../../src/chat/tool-names.js';

describe('createToolNameMap', () => {
  it.each([
    ['get_weather', 'get_weather'],
    ['get-weather-2', 'get-weather-2'],
    ['weather.get', 'weather_get'],
    ['name space/tool', 'name_space_tool'],
    ['ünïcode', '_n_code'],
    ['x'.repeat(70), 'x'.repeat(64)],
  ])('maps %j to %j', (name, expected) => {
    const map = createToolNameMap([name]);
    expect(toBedrockName(map, name)).toBe(expected);
    expect(fromBedrockName(map, expected)).toBe(name);
  });

  it('never renames a valid name, even when an invalid one would clean to it', () => {
    const map = createToolNameMap(['a.b', 'a_b']);
    expect(toBedrockName(map, 'a_b')).toBe('a_b');
    expect(toBedrockName(map, 'a.b')).not.toBe('a_b');
    expect(toBedrockName(map, 'a.b')).toMatch(TOOL_NAME_PATTERN);
    expect(fromBedrockName(map, toBedrockName(map, 'a.b'))).toBe('a.b');
  });

  it('keeps colliding names apart and every result in the charset', () => {
    const names = ['a.b', 'a/b', 'a b', 'a:b', `${'y'.repeat(64)}.1`, `${'y'.repeat(64)}.2`];
    const map = createToolNameMap(names);
    const mapped = names.map((name) => toBedrockName(map, name));
    expect(new Set(mapped).size).toBe(names.length);
    for (const name of mapped) expect(name).toMatch(TOOL_NAME_PATTERN);
    for (const name of names) expect(fromBedrockName(map, toBedrockName(map, name))).toBe(name);
  });

  it('is deterministic', () => {
    const names = ['a.b', 'a/b', 'c'];
    expect([...createToolNameMap(names).toBedrock]).toEqual([...createToolNameMap(names).toBedrock]);
  });

  it('passes unknown names through in both directions', () => {
    const map = createToolNameMap(['a.b']);
    expect(fromBedrockName(map, 'invented_by_model')).toBe('invented_by_model');
    expect(toBedrockName(map, 'zzz')).toBe('zzz');
  });
});

describe('createToolCallIdMap', () => {
  it.each([
    ['call_abc123', 'call_abc123'],
    ['tooluse_Ab-c.d:e', 'tooluse_Ab-c.d:e'],
    ['call/abc', 'call_abc'],
  ])('maps %j to %j', (id, expected) => {
    expect(toBedrockName(createToolCallIdMap([id]), id)).toBe(expected);
  });

  it('shortens long IDs without collisions', () => {
    const ids = [`${'z'.repeat(64)}A`, `${'z'.repeat(64)}B`];
    const map = createToolCallIdMap(ids);
    const mapped = ids.map((id) => toBedrockName(map, id));
    expect(new Set(mapped).size).toBe(2);
    for (const id of mapped) expect(id).toMatch(TOOL_USE_ID_PATTERN);
  });
});
