import { describe, expect, it } from 'vitest';
import { CatalogVocab, editDistance, ShowVocab, soundKey, tokenSimilarity } from './fuzzy.js';

describe('tokenSimilarity', () => {
  it('accepts typical ASR mishearings', () => {
    for (const [heard, known] of [['poor', 'pour'], ['clout', 'cloud'], ['loon', 'lune'], ['amber', 'ember'], ['bro', 'pro'], ['gwasha', 'guasha'], ['hydro', 'hydra']]) {
      expect(tokenSimilarity(heard!, known!), `${heard}/${known}`).toBeGreaterThanOrEqual(0.75);
    }
  });
  it('rejects ordinary words one letter away from a catalog word', () => {
    for (const [heard, known] of [['hour', 'pour'], ['good', 'wood'], ['hold', 'gold'], ['cup', 'huggyhoop']]) {
      expect(tokenSimilarity(heard!, known!), `${heard}/${known}`).toBeLessThan(0.75);
    }
  });
  it('matches numbers only exactly', () => {
    expect(tokenSimilarity('10', '12')).toBe(0);
    expect(tokenSimilarity('12', '12')).toBe(1);
  });
  it('has a sound key that merges voicing and vowels', () => {
    expect(soundKey('lune')).toBe(soundKey('loon'));
    expect(soundKey('light')).toBe(soundKey('lite'));
    expect(editDistance('kettle', 'ketlte')).toBe(1);
  });
});

describe('vocabularies', () => {
  it('the catalog vocabulary finds near terms among many', () => {
    const vocab = new CatalogVocab(['dripper', 'grinder', 'kettle', 'acacia', ...Array.from({ length: 2000 }, (_, i) => `zz${i}qq`)]);
    expect(vocab.lookup('dripher')[0]?.term).toBe('dripper');
    expect(vocab.lookup('akasia')[0]?.term).toBe('acacia');
    expect(vocab.lookup('banana')).toEqual([]);
  });
  it('the show vocabulary (fuse.js) finds rundown names', () => {
    expect(new ShowVocab(['hearth', 'candle']).lookup('harth')[0]?.term).toBe('hearth');
  });
});
