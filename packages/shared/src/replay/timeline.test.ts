import { describe, expect, it } from 'vitest';
import type { Card, OverlayState } from '../contract/overlay.js';
import { airedWindow, replayCards, replayChapters } from './timeline.js';

const EPOCH = 1_000_000;
const card = (cardId: string, productId: string, mediaMs: number): Card => ({ cardId, productId, title: productId, price: { amount: '10.00', currencyCode: 'USD' }, available: true, mediaMs, firedAt: EPOCH + mediaMs });
const state = (seq: number, featured: Card[], status: OverlayState['status'] = 'live'): OverlayState => ({ showId: 's', seq, status, featured, banner: null });
const titles: Record<string, string> = { kettle: 'Kettle', mug: 'Mug', scarf: 'Scarf' };

describe('the replay timeline', () => {
  it('keeps each card with its stretch, as it was fired', () => {
    const k = card('k1', 'kettle', 2_000);
    const m = card('m1', 'mug', 20_000);
    const log = [
      { state: state(1, [k]), at: EPOCH + 2_100 },
      { state: state(2, [m]), at: EPOCH + 20_000 },
      { state: state(3, [], 'ended'), at: EPOCH + 50_000 },
    ];
    expect(replayCards(log, EPOCH, 60_000)).toEqual([
      { cardId: 'k1', productId: 'kettle', startMs: 2_000, endMs: 20_000, card: k },
      { cardId: 'm1', productId: 'mug', startMs: 20_000, endMs: 50_000, card: m },
    ]);
  });

  it('makes a chapter per stretch on air, joins a product put back within 5 s, and gives a talked-about product a mention chapter', () => {
    const cards = [
      { productId: 'kettle', startMs: 0, endMs: 10_000 },
      { productId: 'kettle', startMs: 13_000, endMs: 20_000 }, // back after 3 s: the same chapter
      { productId: 'mug', startMs: 40_000, endMs: 60_000 },
      { productId: 'kettle', startMs: 90_000, endMs: 95_000 }, // a recap much later: a chapter of its own
    ];
    const mentions = [
      { productId: 'scarf', mediaMs: 70_000 },
      { productId: 'scarf', mediaMs: 65_000 }, // its first mention starts its chapter
      { productId: 'mug', mediaMs: 30_000 }, // on air later: no mention chapter
      { productId: 'gone', mediaMs: 500_000 }, // past the recording
    ];
    expect(replayChapters(cards, mentions, (id) => titles[id], 120_000)).toEqual([
      { productId: 'kettle', title: 'Kettle', startMs: 0, endMs: 20_000, kind: 'card' },
      { productId: 'mug', title: 'Mug', startMs: 40_000, endMs: 60_000, kind: 'card' },
      { productId: 'scarf', title: 'Scarf', startMs: 65_000, endMs: 90_000, kind: 'mention' },
      { productId: 'kettle', title: 'Kettle', startMs: 90_000, endMs: 95_000, kind: 'card' },
    ]);
  });

  it('caps a mention chapter at 30 s and at the end of the recording', () => {
    expect(replayChapters([], [{ productId: 'scarf', mediaMs: 10_000 }], () => undefined, 100_000)).toEqual([{ productId: 'scarf', title: 'scarf', startMs: 10_000, endMs: 40_000, kind: 'mention' }]);
    expect(replayChapters([], [{ productId: 'scarf', mediaMs: 90_000 }], () => undefined, 100_000)[0]!.endMs).toBe(100_000);
  });
});

describe('the aired window', () => {
  const at = (ms: number) => EPOCH + ms;
  it('runs from the first live state to the ended one, or to now while live', () => {
    const log = [
      { state: state(1, [], 'scheduled'), at: at(-5_000) },
      { state: state(2, []), at: at(1_000) },
      { state: state(3, [card('k', 'kettle', 2_000)]), at: at(2_000) },
      { state: state(4, [], 'ended'), at: at(60_000) },
    ];
    expect(airedWindow(log, EPOCH, at(99_000))).toEqual({ startMs: 1_000, endMs: 60_000, ended: true });
    expect(airedWindow(log.slice(0, 3), EPOCH, at(30_000))).toEqual({ startMs: 1_000, endMs: 30_000, ended: false });
    // Live again after ending: on air until it ends again.
    const again = [...log, { state: state(5, []), at: at(70_000) }, { state: state(6, [], 'ended'), at: at(80_000) }];
    expect(airedWindow(again, EPOCH, at(99_000))).toEqual({ startMs: 1_000, endMs: 80_000, ended: true });
  });

  it('is null for a show that never went live or has no clock', () => {
    expect(airedWindow([{ state: state(1, [], 'scheduled'), at: at(0) }], EPOCH, at(5_000))).toBeNull();
    expect(airedWindow([{ state: state(1, []), at: at(0) }], undefined, at(5_000))).toBeNull();
  });
});
