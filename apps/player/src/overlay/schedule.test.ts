import type { Card } from '@cuecart/shared';
import { describe, expect, it } from 'vitest';
import { isDue, planOverlay, type ClockReading } from './schedule.js';

function card(cardId: string, mediaMs?: number): Card {
  return {
    cardId,
    productId: `p-${cardId}`,
    title: cardId,
    price: { amount: '10.00', currencyCode: 'USD' },
    available: true,
    firedAt: 1,
    ...(mediaMs === undefined ? {} : { mediaMs }),
  };
}
const at = (playheadMs: number): ClockReading => ({ kind: 'running', playheadMs });
const none = new Set<string>();

describe('isDue', () => {
  it('waits for the playhead to reach mediaMs, never early', () => {
    expect(isDue({ mediaMs: 5000 }, at(4999))).toBe(false);
    expect(isDue({ mediaMs: 5000 }, at(5000))).toBe(true);
    expect(isDue({ mediaMs: 5000 }, { kind: 'pending' })).toBe(false);
  });
  it('shows cards without mediaMs at once, and everything when the show has no clock', () => {
    expect(isDue({}, { kind: 'pending' })).toBe(true);
    expect(isDue({ mediaMs: 5000 }, { kind: 'none' })).toBe(true);
  });
});

describe('planOverlay', () => {
  it('holds a card that arrived before its frame, then shows it on the frame', () => {
    const featured = [card('a', 10_000)];
    const early = planOverlay({ featured, clock: at(7_000), shown: none, quiet: none });
    expect(early.visible).toEqual([]);
    expect(early.waiting.map((c) => c.cardId)).toEqual(['a']);
    const onFrame = planOverlay({ featured, clock: at(10_016), shown: none, quiet: none });
    expect(onFrame.entering).toEqual([{ card: featured[0], animate: true }]);
  });
  it('shows a card without mediaMs at once, even before the first frame', () => {
    const plan = planOverlay({ featured: [card('a')], clock: { kind: 'pending' }, shown: none, quiet: none });
    expect(plan.visible.map((c) => c.cardId)).toEqual(['a']);
  });
  it('shows a late joiner the cards already on air without animation', () => {
    const featured = [card('a', 1_000), card('b')];
    const plan = planOverlay({ featured, clock: at(60_000), shown: none, quiet: new Set(['a', 'b']) });
    expect(plan.entering.map((e) => e.animate)).toEqual([false, false]);
  });
  it('removes a card as soon as it is off the air, and keeps the ones still on', () => {
    const plan = planOverlay({ featured: [card('b', 2_000)], clock: at(3_000), shown: new Set(['a', 'b']), quiet: none });
    expect(plan.leaving).toEqual(['a']);
    expect(plan.entering).toEqual([]);
    expect(plan.visible.map((c) => c.cardId)).toEqual(['b']);
  });
  it('keeps a shown card when the playhead steps back', () => {
    const plan = planOverlay({ featured: [card('a', 5_000)], clock: at(4_000), shown: new Set(['a']), quiet: none });
    expect(plan.visible.map((c) => c.cardId)).toEqual(['a']);
    expect(plan.leaving).toEqual([]);
  });
  it('clears everything on panic', () => {
    const plan = planOverlay({ featured: [], clock: at(3_000), shown: new Set(['a', 'b', 'c']), quiet: none });
    expect(plan.leaving).toEqual(['a', 'b', 'c']);
  });
  it('keeps stack order across a mix of shown and new cards', () => {
    const featured = [card('a', 1_000), card('b', 9_000), card('c')];
    const plan = planOverlay({ featured, clock: at(5_000), shown: new Set(['a']), quiet: none });
    expect(plan.visible.map((c) => c.cardId)).toEqual(['a', 'c']);
    expect(plan.waiting.map((c) => c.cardId)).toEqual(['b']);
  });
});
