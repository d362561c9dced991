/**
 * "Did you mean" for names a user typed: the closest known name within a small edit distance,
 * so a typo gets a fix while an unrelated word gets none (a wrong guess misleads more than silence).
 */
export function closestName(typed: string, known: Iterable<string>, maxDistance?: number): string | undefined {
  // About one edit per four characters: `personel` → `personal`, `replica` → `replicas`.
  const limit = maxDistance ?? Math.min(3, Math.max(1, Math.floor(typed.length / 4)));
  const candidates = [...known].sort();
  if (candidates.includes(typed)) return undefined;
  // A name cut short (`logRetention` for `logRetentionDays`) is far in edits but plainly meant.
  if (maxDistance === undefined && typed.length >= 5) {
    const extended = candidates.filter((c) => c.toLowerCase().startsWith(typed.toLowerCase()));
    if (extended.length === 1) return extended[0];
  }
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(typed.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "personal"?)`, or nothing when no known name is close. */
export function didYouMean(typed: string, known: Iterable<string>, maxDistance?: number): string {
  const closest = closestName(typed, known, maxDistance);
  return closest === undefined ? "" : ` (did you mean ${JSON.stringify(closest)}?)`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
