import { describe, expect, it } from 'vitest';
import { displayState, msUntilChange } from './connection-display.js';

describe('connection display', () => {
  it('says connecting before the first connect', () => {
    expect(displayState({ link: 'disconnected', since: 0, everConnected: false }, 5000)).toBe('connecting');
  });
  it('keeps online through a blip shorter than the grace period, and says offline well within a second', () => {
    const facts = { link: 'disconnected' as const, since: 1000, everConnected: true };
    expect(displayState(facts, 1200)).toBe('online');
    expect(msUntilChange(facts, 1200)).toBe(100);
    expect(displayState(facts, 1300)).toBe('offline');
    expect(msUntilChange(facts, 1300)).toBeNull();
  });
  it('is online as soon as the link is back', () => {
    expect(displayState({ link: 'connected', since: 10, everConnected: true }, 11)).toBe('online');
  });
});
