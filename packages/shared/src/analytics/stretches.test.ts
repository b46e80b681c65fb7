import { describe, expect, it } from 'vitest';
import type { Card, OverlayState } from '../contract/overlay.js';
import { cardStretches, type LoggedState } from './stretches.js';

const EPOCH = 1_800_000_000_000;
const card = (cardId: string, productId: string, firedAtShowMs: number, mediaMs?: number): Card => ({
  cardId,
  productId,
  title: productId,
  price: { amount: '1.00', currencyCode: 'USD' },
  available: true,
  firedAt: EPOCH + firedAtShowMs,
  ...(mediaMs !== undefined ? { mediaMs } : {}),
});
let seq = 0;
const at = (showMs: number, featured: Card[], status: OverlayState['status'] = 'live'): LoggedState => ({
  state: { showId: 's', seq: ++seq, status, featured, banner: null },
  at: EPOCH + showMs,
});

describe('card stretches from the overlay log', () => {
  it('opens a card at its mediaMs (or its fire) and closes it at the first state without it, or at the end', () => {
    seq = 0;
    const kettle = card('c1', 'kettle', 10_000, 12_000);
    const mug = card('c2', 'mug', 30_000);
    const log = [
      at(10_000, [kettle]), // fired for the frame at 12 s
      at(30_000, [kettle, mug]), // mug fired at 30 s, no mediaMs
      at(45_000, [mug]), // kettle off at 45 s
      at(60_000, [mug], 'live'), // a banner change or so: nothing moves
    ];
    expect(cardStretches(log, EPOCH, 90_000)).toEqual([
      { cardId: 'c1', productId: 'kettle', startMs: 12_000, endMs: 45_000 },
      { cardId: 'c2', productId: 'mug', startMs: 30_000, endMs: 90_000 },
    ]);
  });

  it('ends every card when the show ends, and reads the log in seq order whatever order it comes in', () => {
    seq = 0;
    const a = card('a', 'kettle', 1_000);
    const log = [at(1_000, [a]), at(20_000, [a], 'ended')];
    expect(cardStretches([...log].reverse(), EPOCH, 99_000)).toEqual([{ cardId: 'a', productId: 'kettle', startMs: 1_000, endMs: 20_000 }]);
  });

  it('drops states from before the stream started and without a stream clock, and empty stretches', () => {
    seq = 0;
    const early = card('e', 'kettle', 0);
    expect(cardStretches([{ state: { showId: 's', seq: 1, status: 'live', featured: [early], banner: null }, at: EPOCH - 5_000 }], EPOCH, 10_000)).toEqual([]);
    expect(cardStretches([at(1_000, [card('x', 'mug', 1_000)])], undefined, 10_000)).toEqual([]);
    // Fired for a frame after it was taken off: no time on air.
    seq = 0;
    expect(cardStretches([at(1_000, [card('late', 'mug', 1_000, 9_000)]), at(5_000, [])], EPOCH, 10_000)).toEqual([]);
  });
});
