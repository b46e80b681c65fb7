import { describe, expect, it } from 'vitest';
import type { Product } from '../contract/product.js';
import { createMentionTracker, indexCatalog } from './index.js';

const p = (id: string, title: string, vendor: string, productType: string, tags: string[], variants: string[] = [], sku = id.toUpperCase()): Product => ({
  id, title, vendor, productType, tags, sku, available: true, price: { amount: '10.00', currencyCode: 'USD' },
  variants: variants.map((v, i) => ({ id: `${id}-${i}`, title: v, sku: `${sku}-${i}` })),
});
// Invented products: near-name families, shared generic words, a brand with several products.
const catalog = [
  p('kettle', 'Brewline Gooseneck Kettle', 'Brewline', 'Kettles', ['kettle', 'coffee']),
  p('kettle-pro', 'Brewline Kettle Pro', 'Brewline', 'Kettles', ['kettle', 'electric', 'coffee']),
  p('tote-canvas', 'Weekender Canvas Tote', 'Fable Goods', 'Bags', ['tote', 'bags']),
  p('tote-leather', 'Harbour Leather Tote', 'Fable Goods', 'Bags', ['tote', 'bags', 'leather']),
  p('wrap-silk', 'Solstice Silk Wrap', 'Maro Atelier', 'Scarves', ['silk', 'scarf'], ['Midnight Blue', 'Ivory']),
  p('wrap-wool', 'Solstice Wool Wrap', 'Maro Atelier', 'Scarves', ['wool', 'scarf'], ['Midnight Blue', 'Oat']),
  p('balm', 'Petalwise Lip Balm', 'Petalwise', 'Lip', ['lip', 'balm'], ['Fig and Plum', 'Bare']),
  p('speaker', 'Echo Pebble Speaker', 'Tunewell Audio', 'Speakers', ['speaker', 'bluetooth'], [], 'TW-PBL-02'),
];
const index = indexCatalog(catalog);
const rundown = ['kettle', 'kettle-pro', 'tote-canvas', 'tote-leather', 'wrap-silk', 'balm', 'speaker'];

/** Feeds texts as consecutive 5 s segments and returns the product ids suggested per segment. */
function run(texts: string[], opts: { rundown?: string[] } = { rundown }): string[][] {
  const t = createMentionTracker(index, opts);
  return texts.map((text, i) => t.push({ id: String(i), startMs: i * 5000, endMs: i * 5000 + 4500, text, final: true }).map((m) => m.productId));
}

describe('createMentionTracker', () => {
  it('suggests a product once per stretch and again when the host comes back', () => {
    expect(run([
      'this is the brewline gooseneck kettle',
      'the gooseneck gives you control and the kettle is sixty nine',
      'and then there is the kettle pro which is electric',
      'back to the gooseneck kettle for a sec',
    ])).toEqual([['kettle'], [], ['kettle-pro'], ['kettle']]);
  });
  it('tells near-name families apart by what was heard', () => {
    expect(run(['the brewline kettle pro'])).toEqual([['kettle-pro']]);
    expect(run(['the solstice silk wrap'])).toEqual([['wrap-silk']]);
    expect(run(['the solstice wool wrap'], { rundown: [] })).toEqual([['wrap-wool']]);
  });
  it('uses variants, brand plus type, SKUs and misheard names', () => {
    expect(run(['my favorite is the fig and plum'])).toEqual([['balm']]);
    expect(run(['and the tunewell audio speaker is tiny'])).toEqual([['speaker']]);
    expect(run(['search t w p b l zero two on the site'])).toEqual([['speaker']]);
    expect(run(['this is the brew line goose neck kettle'])).toEqual([['kettle']]);
    expect(run(['this is the echo pebble speeker'])).toEqual([['speaker']]);
  });
  it('does not fire on generic words, dismissals, competitors or pronouns', () => {
    expect(run([
      'i carry a tote everywhere',
      "we don't have the wool wrap today it sold out",
      'i used to have a breville kettle',
      'this one is so soft you guys',
      'silk is so nice on your skin',
    ])).toEqual([[], [], [], [], []]);
  });
  it('needs most of the name for a product off the rundown', () => {
    expect(run(['it comes in wool too'])).toEqual([[]]);
    expect(run(['people love the solstice wool wrap'])).toEqual([['wrap-wool']]);
  });
  it('handles a recap with several products in one segment', () => {
    const out = run(['this is the weekender canvas tote', 'and the harbour leather tote', 'recap the canvas tote thirty eight and the leather tote one sixty eight']);
    expect(out[2]).toEqual(['tote-canvas', 'tote-leather']);
  });
  it('never suggests a product that is on air, and suggests it after it is taken off and mentioned anew', () => {
    const t = createMentionTracker(index, { rundown });
    t.setOnAir(['kettle']);
    expect(t.push({ startMs: 0, endMs: 4000, text: 'the brewline gooseneck kettle' })).toEqual([]);
    t.setOnAir([]);
    expect(t.push({ startMs: 5000, endMs: 9000, text: 'now the harbour leather tote' }).map((m) => m.productId)).toEqual(['tote-leather']);
    expect(t.push({ startMs: 10000, endMs: 14000, text: 'back to the brewline gooseneck kettle' }).map((m) => m.productId)).toEqual(['kettle']);
  });
  it('does not suggest the same product twice for one segment id across partial and final results', () => {
    const t = createMentionTracker(index, { rundown });
    const partial = t.push({ id: 's1', startMs: 0, endMs: 2000, text: 'this is the harbour leather', final: false });
    const final = t.push({ id: 's1', startMs: 0, endMs: 4000, text: 'this is the harbour leather tote', final: true });
    expect([...partial, ...final].filter((m) => m.productId === 'tote-leather')).toHaveLength(1);
  });
  it('returns what was heard and a kind', () => {
    const t = createMentionTracker(index, { rundown });
    const [m] = t.push({ startMs: 0, endMs: 4000, text: 'okay so this is the Harbour Leather Tote, love it' });
    expect(m).toMatchObject({ productId: 'tote-leather', kind: 'exact', text: 'Harbour Leather Tote,' });
    expect(m!.score).toBeGreaterThan(0);
    expect(m!.score).toBeLessThanOrEqual(1);
  });
  it('never throws on bad input or a bad catalog', () => {
    const t = createMentionTracker(index, { rundown });
    for (const text of ['', '🔥🔥🔥', 'مرحبا بكم في العرض', 'x'.repeat(1_000_000), null as unknown as string]) {
      expect(() => t.push({ startMs: Number.NaN, endMs: 0, text })).not.toThrow();
    }
    const odd = indexCatalog([
      p('e', '🔥🔥', 'V', 'T', []), p('d1', 'Same Title', 'V', 'T', []), p('d2', 'Same Title', 'V', 'T', []),
      p('long', 'word '.repeat(100), 'V', 'T', []), null as unknown as Product,
    ]);
    const t2 = createMentionTracker(odd);
    expect(() => t2.push({ startMs: 0, endMs: 1, text: 'the same title 🔥 word word' })).not.toThrow();
    expect(createMentionTracker(indexCatalog([])).push({ startMs: 0, endMs: 1, text: 'anything' })).toEqual([]);
  });
});
