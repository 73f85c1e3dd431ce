/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The fewest characters a substring must have to make a suggestion on its own. */
const MIN_CONTAINED = 3;

/**
 * The candidates closest to `input` (case-insensitive), best first, within a distance that scales with length.
 * Substring matches count as close (so `sonnet-4-5` suggests `claude-sonnet-4-5`) when the shorter of the two has at
 * least {@link MIN_CONTAINED} characters: a one-letter name such as `n` is inside nearly every word.
 */
export function closestMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(needle, lower);
    const threshold = Math.max(2, Math.floor(Math.max(needle.length, lower.length) / 3));
    const contains = Math.min(needle.length, lower.length) >= MIN_CONTAINED && (lower.includes(needle) || needle.includes(lower));
    if (distance <= threshold || contains) scored.push({ candidate, score: contains ? distance / 10 : distance });
  }
  scored.sort((left, right) => left.score - right.score || left.candidate.localeCompare(right.candidate));
  return scored.slice(0, limit).map((entry) => entry.candidate);
}
