// What the show tells the matcher: the rundown resolves short names, segments cut mid-name are read across the
// cut, and words around a name say whose product it is.
import { describe, expect, it } from 'vitest';
import type { Product } from '../contract/product.js';
import { createMentionTracker, indexCatalog } from './index.js';

const p = (id: string, title: string, vendor: string, productType: string, variants: string[] = [], sku = id.toUpperCase()): Product => ({
  id, title, vendor, productType, tags: [productType.toLowerCase()], sku, available: true, price: { amount: '10.00', currencyCode: 'USD' },
  variants: variants.map((v, i) => ({ id: `${id}-${i}`, title: v, sku: `${sku}-${i}` })),
});

// Invented: two brands that both make a "Dew Cleanser", a family with a Mini, models shared across types,
// and colours that many products come in.
const catalog = [
  p('dl-cleanser', 'Dewlight Dew Cleanser Duo', 'Dewlight', 'Cleanser'),
  p('ns-cleanser', 'Nori Skin Dew Cleanser', 'Nori Skin', 'Cleanser'),
  p('ns-toner', 'Nori Skin Halo Toner', 'Nori Skin', 'Toner', ['Rose', 'Clear']),
  p('serum', 'Lumera Dew Serum', 'Lumera', 'Serum', ['Rose', 'Peach']),
  p('serum-mini', 'Lumera Dew Serum Mini', 'Lumera', 'Serum', ['Rose']),
  p('kite-ocean', 'Blue Kite Ocean Robot Kit', 'Blue Kite', 'Robot Kit', ['Classic', 'Deluxe']),
  p('puzzle-ocean', 'Wonderbox Ocean Puzzle', 'Wonderbox', 'Puzzle', ['Red', 'Green']),
  p('scarf', 'Marlo Fjord Scarf', 'Marlo', 'Scarf', ['Navy', 'Olive']),
  p('charger', 'Quanta Volt Charger', 'Quanta', 'Charger', ['Black']),
  p('headphones', 'Quanta Prism Headphones', 'Quanta', 'Headphones', ['Black', 'White']),
  p('sauce', 'Mesa Verde Sunset Hot Sauce', 'Mesa Verde', 'Hot Sauce', [], 'MVHS49'),
];
const index = indexCatalog(catalog);
const RUNDOWN = ['dl-cleanser', 'ns-toner', 'serum', 'serum-mini', 'kite-ocean', 'scarf', 'charger', 'headphones', 'sauce'];

/** Feeds texts as back-to-back segments (150 ms apart, as recognizers emit them); ids suggested per segment. */
function run(texts: string[], rundown: string[] = RUNDOWN): string[][] {
  const t = createMentionTracker(index, { rundown });
  return texts.map((text, i) => t.push({ id: String(i), startMs: i * 3000, endMs: i * 3000 + 2850, text, final: true }).map((m) => m.productId));
}

describe('context: what the show resolves', () => {
  it('a short name that fits one rundown product means that one, not another brand’s with the same words', () => {
    expect(run(['now let me show you the dew cleanser'])).toEqual([['dl-cleanser']]);
    // Off the rundown it needs its own name ...
    expect(run(['now let me show you the nori skin dew cleanser'])).toEqual([['ns-cleanser']]);
    // ... and when neither is in the show, two brands' products fit the words: too ambiguous to suggest.
    expect(run(['now let me show you the dew cleanser'], ['ns-toner'])).toEqual([[]]);
  });

  it('a variant with a model word names the product when the rundown has one such', () => {
    expect(run(['next up is the classic ocean'])).toEqual([['kite-ocean']]);
    expect(run(['you guys asked about the scarf in olive'])).toEqual([['scarf']]);
    // A list of colours of the product on screen is no new mention.
    expect(run(['check out the marlo fjord scarf', 'it comes in navy and olive'])).toEqual([['scarf'], []]);
  });

  it('"the dew one" refers when one plausible product has that name; "the fancy one" never does', () => {
    expect(run(['okay so this is the halo one'])).toEqual([['ns-toner']]);
    expect(run(['okay so this is the fancy one'])).toEqual([[]]);
    // Two rundown products are "dew": the word alone picks neither.
    expect(run(['okay so this is the dew one'])).toEqual([[]]);
  });

  it('reads a name across a segment cut and prefers the longer reading', () => {
    expect(run(['next up is the lumera dew', 'serum mini and it is tiny'])).toEqual([['serum'], ['serum-mini']]);
    expect(run(['so this is the', 'marlo fjord scarf'])).toEqual([[], ['scarf']]);
    // A cut SKU: the letters in one segment, the number in the next.
    expect(run(['okay so this is the m v h s', 'forty nine'])).toEqual([[], ['sauce']]);
    // Words of the previous segment that are not a cut name do not join the next one.
    expect(run(['the quality is really there', 'it handles any weather'])).toEqual([[], []]);
  });

  it('a filler inside a spelled number does not split it', () => {
    expect(run(['okay so this is the m v h s forty uh nine'])).toEqual([['sauce']]);
  });

  it('"X versus the Y" and "X and the Y" are two noun phrases', () => {
    expect(run(['so the volt charger versus the quanta headphones let me compare them'])).toEqual([['charger', 'headphones']]);
  });

  it('another company’s name before a kind of product makes it their product', () => {
    expect(run(['check out the marlo fjord scarf', 'it is lovely', 'way better than the larkspur scarf i used before'])).toEqual([['scarf'], [], []]);
    expect(run(['i always say a good serum changes everything'])).toEqual([[]]);
  });
});
