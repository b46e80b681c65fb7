import { describe, expect, it } from 'vitest';
import { align, soundsLike } from './asr-roundtrip.js';

describe('the recognizer round trip', () => {
  it('aligns what was heard with what was said, joining a split word', () => {
    expect(align(['the', 'lumera', 'dew', 'serum'], ['the', 'lou', 'mara', 'do', 'serum'])).toEqual(['the', 'lou mara', 'do', 'serum']);
    expect(align(['next', 'the', 'kettle'], ['next', 'kettle'])).toEqual(['next', null, 'kettle']);
  });

  it('keeps sound-alikes and drops what sounds like something else', () => {
    expect(soundsLike('alder', 'older')).toBe(true);
    expect(soundsLike('candle', 'kendall')).toBe(true);
    expect(soundsLike('lumera', 'lou mara')).toBe(true);
    expect(soundsLike('linen', 'the')).toBe(false);
    expect(soundsLike('charger', 'good')).toBe(false);
  });
});
