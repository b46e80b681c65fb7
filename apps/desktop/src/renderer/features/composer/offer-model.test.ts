import { describe, expect, it } from 'vitest';
import { cleanLine, formatCountdown, isArmed, offerExtras } from './offer-model.js';

describe('offer composer', () => {
  it('adds nothing for an empty draft', () => {
    expect(offerExtras({ text: ' ', badge: '', minutes: 5 }, 0)).toEqual({});
    expect(isArmed({ text: '', badge: '', minutes: 0 })).toBe(false);
  });
  it('builds the badge and the offer with its countdown end', () => {
    expect(offerExtras({ text: 'Today only', badge: '-20%', minutes: 5 }, 1000)).toEqual({ badge: '-20%', offer: { text: 'Today only', endsAt: 301_000 } });
    expect(offerExtras({ text: 'Free shipping', badge: '', minutes: 0 }, 0)).toEqual({ offer: { text: 'Free shipping' } });
  });
  it('keeps on-air text to one clean line', () => {
    expect(cleanLine('a\nb\u202e c  ', 80)).toBe('a b c');
    expect(cleanLine('x'.repeat(30), 24)).toHaveLength(24);
  });
  it('formats a countdown', () => {
    expect(formatCountdown(65_500, 0)).toBe('1:06');
    expect(formatCountdown(0, 10)).toBe('0:00');
  });
});
