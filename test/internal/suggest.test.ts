import { describe, expect, it } from 'vitest';
import { closestMatches, editDistance } from '../../src/internal/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['a', '', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['temprature', 'temperature', 1],
    ['same', 'same', 0],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestMatches', () => {
  const params = ['n', 'model', 'messages', 'max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'tools', 'user', 'stream', 'stream_options'];
  it.each([
    // A typo within the length-scaled distance.
    ['temprature', params, ['temperature']],
    ['max_token', params, ['max_tokens']],
    ['MAX_TOKENS', params, ['max_tokens']],
    // Far from everything: no suggestion. `n` is inside `frobnicate`, but a one-letter name suggests nothing by
    // containment (it used to: "Did you mean `n`?").
    ['frobnicate', params, []],
    ['xyzzy_qwerty', params, []],
    ['unknown', params, []],
    // Substrings of three characters or more count, best (closest) first, ties in alphabetical order.
    ['top', params, ['stop', 'top_p']],
    ['username', params, ['user']],
    ['sonnet-4-5', ['claude-sonnet-4-5', 'claude-haiku-4-5', 'nova-pro'], ['claude-sonnet-4-5']],
    ['stream_option', params, ['stream_options', 'stream']],
  ])('%j suggests what it should', (input, candidates, expected) => {
    expect(closestMatches(input, candidates)).toEqual(expected);
  });

  it('keeps at most `limit`, by score, then in alphabetical order', () => {
    expect(closestMatches('stream', params, 1)).toEqual(['stream']);
    expect(closestMatches('tool', ['tool_choice', 'tools', 'stool'], 3)).toEqual(['stool', 'tools', 'tool_choice']);
    expect(closestMatches('tool', ['tool_choice', 'tools', 'stool'], 2)).toEqual(['stool', 'tools']);
  });
});
