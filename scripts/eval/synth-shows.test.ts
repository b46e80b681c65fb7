import { describe, expect, it } from 'vitest';
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

  it('spells numbers as a host says them', () => {
    expect(spell(0)).toBe('zero');
    expect(spell(49)).toBe('forty nine');
    expect(spell(120)).toBe('one hundred twenty');
    expect(spell(305)).toBe('three hundred five');
  });
});
