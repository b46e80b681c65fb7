// Which suggestions the tray shows, best first: never a product already on air, never one taken or dismissed,
// one entry per product (its best), ranked by score and then by recency.
import type { Suggestion } from '@cuecart/shared';

export function rankSuggestions(
  all: Iterable<Suggestion>,
  onAir: ReadonlySet<string>,
  hidden: ReadonlySet<string>,
  limit = 20,
): Suggestion[] {
  const best = new Map<string, Suggestion>();
  for (const s of all) {
    if (onAir.has(s.productId) || hidden.has(s.id)) continue;
    const cur = best.get(s.productId);
    if (!cur || compare(s, cur) < 0) best.set(s.productId, s);
  }
  return [...best.values()].sort(compare).slice(0, limit);
}

function compare(a: Suggestion, b: Suggestion): number {
  return b.score - a.score || b.mediaMs - a.mediaMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
