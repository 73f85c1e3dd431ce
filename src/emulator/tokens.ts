/**
 * The emulator's one token-counting rule: **a token is a maximal run of non-whitespace characters** (a
 * whitespace-separated word). It is used for every `inputTokens`, `outputTokens`, `maxTokens` cut-off and
 * embedding token count, so tests can predict usage exactly: `"Hello there, world"` is 3 tokens.
 */

const WORD = /\S+/g;

/** Number of tokens in `text` under the emulator's rule (whitespace-separated words). */
export function countTokens(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count += 1;
  return count;
}

/** Splits text into its tokens, each keeping the whitespace that precedes it, so joining them restores the text. */
export function splitTokens(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}
