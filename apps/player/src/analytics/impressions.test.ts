import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createImpressionTimer } from './impressions.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createImpressionTimer', () => {
  it('counts a card seen for a full second', () => {
    const seen: string[] = [];
    const t = createImpressionTimer({ onImpression: (id) => seen.push(id) });
    t.setVisible('a', true);
    vi.advanceTimersByTime(999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['a']);
  });
  it('does not count a glimpse, and restarts the second after a break', () => {
    const seen: string[] = [];
    const t = createImpressionTimer({ onImpression: (id) => seen.push(id) });
    t.setVisible('a', true);
    vi.advanceTimersByTime(600);
    t.setVisible('a', false);
    t.setVisible('a', true);
    vi.advanceTimersByTime(600);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(seen).toEqual(['a']);
  });
  it('counts each card once', () => {
    const seen: string[] = [];
    const t = createImpressionTimer({ onImpression: (id) => seen.push(id) });
    t.setVisible('a', true);
    vi.advanceTimersByTime(1000);
    t.setVisible('a', false);
    t.setVisible('a', true);
    t.setVisible('a', true);
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['a']);
  });
  it('counts nothing while the page is hidden or after the card left the air', () => {
    const seen: string[] = [];
    const t = createImpressionTimer({ onImpression: (id) => seen.push(id) });
    t.setVisible('a', true);
    t.setVisible('b', true);
    vi.advanceTimersByTime(500);
    t.hideAll();
    t.setVisible('c', true);
    t.forget('c');
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual([]);
  });
});
