import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateDataset, spell } from './synth-shows.js';

const KINDS = new Set(['exact', 'partial', 'asr_error', 'variant', 'sku', 'brand_plus_type']);

describe('synthetic shows for the matcher', () => {
  it('are the same on every run, and the sealed split shares nothing with the tune split', () => {
    const a = generateDataset('tune', 8, 40);
    expect(generateDataset('tune', 8, 40)).toEqual(a);
    const sealed = generateDataset('sealed', 8, 40);
    const tuneIds = new Set(a.catalog.map((p) => p.id));
    expect(sealed.catalog.some((p) => tuneIds.has(p.id))).toBe(false);
    expect(sealed.shows.map((s) => s.segments.map((x) => x.text).join(' '))).not.toEqual(a.shows.map((s) => s.segments.map((x) => x.text).join(' ')));
  });

  it('labels follow the dev set’s format: a known kind, a product of the catalog, atMs at its segment’s start', () => {
    const data = generateDataset('tune', 20, 60);
    expect(data.catalog.length).toBeGreaterThanOrEqual(7 * 60);
    const verticals = new Set(data.catalog.map((p) => p.id.split('-')[1]));
    expect(verticals.size).toBe(7);
    const ids = new Set(data.catalog.map((p) => p.id));
    for (const show of data.shows) {
      expect(show.mentions.length).toBeGreaterThan(0);
      for (const m of show.mentions) {
        expect(KINDS.has(m.kind), m.kind).toBe(true);
        expect(ids.has(m.productId)).toBe(true);
        expect(m.atMs).toBe(show.segments[m.segment]!.startMs);
      }
      for (const [i, seg] of show.segments.entries()) {
        expect(seg.endMs - seg.startMs).toBeGreaterThanOrEqual(2000);
        expect(seg.endMs - seg.startMs).toBeLessThanOrEqual(8000);
        if (i > 0) expect(seg.startMs).toBeGreaterThan(show.segments[i - 1]!.endMs);
      }
    }
    const kinds = new Set(data.shows.flatMap((s) => s.mentions.map((m) => m.kind)));
    expect(kinds).toEqual(KINDS);
  });

  it('the sealed split names its products with words the tune split never uses (types aside)', () => {
    const nameWords = (split: 'tune' | 'sealed') => {
      const data = generateDataset(split, 4, 200);
      const types = new Set(data.catalog.flatMap((p) => String(p.productType).toLowerCase().split(' ')));
      return new Set(data.catalog.flatMap((p) => [p.title, ...((p.variants as { title: string }[]) ?? []).map((v) => v.title)])
        .flatMap((t) => String(t).toLowerCase().replace(/&/g, ' ').split(/\s+/)).filter((w) => w && !types.has(w) && w !== 'co'));
    };
    const tune = nameWords('tune');
    const shared = [...nameWords('sealed')].filter((w) => tune.has(w));
    expect(shared).toEqual([]);
  });

  it('misheard names come from the recognizer round trip where it confused the word', () => {
    const learned = (JSON.parse(readFileSync(new URL('./data/asr-confusions.json', import.meta.url), 'utf8')) as { confusions: Record<string, [string, number][]> }).confusions;
    const heardForms = new Set(Object.values(learned).flatMap((l) => l.map(([h]) => h)));
    expect(heardForms.size).toBeGreaterThan(50);
    const data = generateDataset('tune', 60, 100);
    const misheard = data.shows.flatMap((s) => s.mentions.filter((m) => m.kind === 'asr_error').map((m) => s.segments[m.segment]!.text));
    expect(misheard.length).toBeGreaterThan(20);
    const fromRoundTrip = misheard.filter((text) => [...heardForms].some((h) => h.length > 3 && text.includes(` ${h} `)));
    expect(fromRoundTrip.length / misheard.length).toBeGreaterThan(0.3);
  });

  it('spells numbers as a host says them', () => {
    expect(spell(0)).toBe('zero');
    expect(spell(49)).toBe('forty nine');
    expect(spell(120)).toBe('one hundred twenty');
    expect(spell(305)).toBe('three hundred five');
  });
});
