// Finds SKUs read aloud letter by letter ("l s h g v c thirty" -> LS-HG-VC30) in a token window.
import type { CatalogIndex } from './catalog-index.js';
import type { Token } from './normalize.js';

export interface SkuHit { ord: number; start: number; end: number }

const MAX_SKU_TOKENS = 12;

/**
 * Tries every window that starts with a single spelled letter and checks the joined letters and
 * digits against the catalog's SKUs. Two spelled letters are required so an ordinary word that
 * happens to equal a SKU does not count as reading one.
 */
export function findSkus(index: CatalogIndex, tokens: readonly Token[]): SkuHit[] {
  const hits: SkuHit[] = [];
  if (index.skus.size === 0) return hits;
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i] as Token).norm.length !== 1) continue;
    let joined = '';
    let letters = 0;
    let best: SkuHit[] = [];
    for (let j = i; j < tokens.length && j < i + MAX_SKU_TOKENS; j++) {
      const t = (tokens[j] as Token).norm;
      if (t.length > 8) break;
      joined += t;
      if (t.length === 1) letters++;
      const ords = letters >= 2 ? index.skus.get(joined) : undefined;
      if (ords) best = ords.map((ord) => ({ ord, start: i, end: j }));
    }
    if (best.length > 0) {
      hits.push(...best);
      i = (best[0] as SkuHit).end;
    }
  }
  return hits;
}
