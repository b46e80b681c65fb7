import { describe, expect, it } from 'vitest';
import { normalizeCatalogText, normalizeTranscript, singularize, tokenize } from './normalize.js';
import { spellNumbers } from './numbers.js';

describe('normalizeTranscript', () => {
  it('lowercases, drops punctuation and fillers, and spells numbers as digits', () => {
    expect(normalizeTranscript('Um, so THIS is the Kettle… it’s sixty-nine dollars!')).toEqual(
      ['so', 'this', 'is', 'the', 'kettle', 'it', '69', 'dollar'],
    );
  });
  it('makes "pour-over" and "pour over" the same tokens', () => {
    expect(normalizeTranscript('pour-over')).toEqual(normalizeTranscript('pour over'));
  });
  it('singularises plurals the same way on both sides', () => {
    expect(normalizeTranscript('the scarves and scrunchies')).toEqual(['the', 'scarf', 'and', 'scrunchy']);
    expect(normalizeCatalogText('Silk Scrunchie')).toEqual(['silk', 'scrunchy']);
    expect(singularize('glass')).toBe('glass');
    expect(singularize('boxes')).toBe('box');
  });
  it('reads catalog sizes and units like speech does', () => {
    expect(normalizeCatalogText('Copperline 10" Skillet')).toEqual(['copperline', '10', 'inch', 'skillet']);
    expect(normalizeTranscript('the twenty two liter pack')).toEqual(['the', '22', 'l', 'pack']);
    expect(normalizeCatalogText('Daypack 22L')).toEqual(['daypack', '22', 'l']);
    expect(normalizeCatalogText('3-in-1 Stand')).toEqual(['3', 'in', '1', 'stand']);
    expect(normalizeCatalogText('Oak & Ash')).toEqual(['oak', 'and', 'ash']);
  });
  it('removes multi-word fillers', () => {
    expect(normalizeTranscript('the you know power bank')).toEqual(['the', 'power', 'bank']);
  });
  it('never throws on empty, emoji, RTL or huge input and caps what it reads', () => {
    expect(normalizeTranscript('')).toEqual([]);
    expect(normalizeTranscript('🔥🔥 😍')).toEqual([]);
    expect(normalizeTranscript('هذا هو المنتج').length).toBe(3);
    expect(normalizeTranscript(undefined as unknown as string)).toEqual([]);
    const huge = tokenize('word '.repeat(100_000));
    expect(huge.tokens.length).toBeLessThanOrEqual(400);
  });
  it('keeps a pointer to the word as heard', () => {
    const { tokens, words } = tokenize('the Nimbus pour-over');
    expect(words[tokens[2]!.src]).toBe('pour-over');
  });
});

describe('spellNumbers', () => {
  it('joins the way prices are said', () => {
    expect(spellNumbers('a hundred and forty nine'.split(' '))).toEqual(['149']);
    expect(spellNumbers('one ninety five'.split(' '))).toEqual(['1', '95']);
    expect(spellNumbers('two twenty eight'.split(' '))).toEqual(['2', '28']);
    expect(spellNumbers('ten thousand milliamp'.split(' '))).toEqual(['10000', 'milliamp']);
    expect(spellNumbers('three in one'.split(' '))).toEqual(['3', 'in', '1']);
    expect(spellNumbers('a cute box'.split(' '))).toEqual(['a', 'cute', 'box']);
  });
});
