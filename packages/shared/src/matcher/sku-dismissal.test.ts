import { describe, expect, it } from 'vitest';
import type { Product } from '../contract/product.js';
import { indexCatalog } from './catalog-index.js';
import { dismissalScope } from './dismissal.js';
import { tokenize } from './normalize.js';
import { findSkus } from './sku.js';

const product = (id: string, title: string, sku: string): Product =>
  ({ id, title, sku, price: { amount: '1.00', currencyCode: 'USD' }, available: true, variants: [{ id: `${id}v`, title: 'Black', sku: `${sku}-BLA` }] });
const index = indexCatalog([product('a', 'Glow Serum 30ml', 'LS-HG-VC30'), product('b', 'Ring Light', 'GL-RING-10')]);

describe('findSkus', () => {
  it('reads SKUs spelled letter by letter with numbers said aloud', () => {
    const hits = findSkus(index, tokenize('search l s h g v c thirty that is the full size').tokens);
    expect(hits.map((h) => h.ord)).toEqual([0]);
    expect(findSkus(index, tokenize('and for phone orders g l ring ten').tokens).map((h) => h.ord)).toEqual([1]);
  });
  it('finds variant SKUs and ignores words that are not spelled out', () => {
    expect(findSkus(index, tokenize('g l ring ten b l a').tokens).map((h) => h.ord)).toEqual([1]);
    expect(findSkus(index, tokenize('the ring light is ten dollars').tokens)).toEqual([]);
  });
});

describe('dismissalScope', () => {
  const at = (text: string, word: string): boolean => {
    const { tokens } = tokenize(text);
    const i = tokens.findIndex((t) => t.norm === word);
    return dismissalScope(tokens)(i, i);
  };
  it('dismisses a product named next to "we don\'t have", "sold out", "not in today\'s show"', () => {
    expect(at("we don't have the cashmere one today", 'cashmere')).toBe(true);
    expect(at('the nimbus grinder is not on today\'s show sorry', 'grinder')).toBe(true);
    expect(at('the overnight mask sold out in two days', 'overnight')).toBe(true);
  });
  it('stops at "just"/"but" and at a turn-around', () => {
    expect(at("we're not doing the shampoo today just the mask", 'mask')).toBe(false);
    expect(at("the pearl drops, they're not on the rundown but let's pull them up", 'pearl')).toBe(false);
    expect(at('this is the silk scarf and i love it', 'silk')).toBe(false);
  });
});
