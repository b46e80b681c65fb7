import { describe, expect, it } from 'vitest';
import type { TrackEvent } from '@cuecart/shared';
import { LiveMetricsWindow } from './live-metrics.js';

const ev = (type: TrackEvent['type'], sessionId: string, extra: Partial<TrackEvent> = {}): TrackEvent => ({ type, showId: 's', sessionId, mode: 'live', ...extra });

describe('live metrics', () => {
  it('counts viewers watching in the last 20 s, and per card on air the clicks and adds of the last minute', () => {
    let now = 0;
    const m = new LiveMetricsWindow(() => now);
    m.add([ev('view', 'a'), ev('heartbeat', 'b', { mediaMs: 1 }), ev('view', 'r', { mode: 'replay' })]);
    m.add([ev('click', 'a', { cardId: 'k1', productId: 'p' }), ev('add_to_cart', 'a', { cardId: 'k1', productId: 'p' }), ev('click', 'b', { cardId: 'k2', productId: 'q' })]);
    expect(m.snapshot('s', [{ cardId: 'k1', productId: 'p' }, { cardId: 'k3', productId: 'z' }])).toEqual({
      viewersNow: 2,
      perCard: [
        { cardId: 'k1', productId: 'p', clicks: 1, addToCarts: 1 },
        { cardId: 'k3', productId: 'z', clicks: 0, addToCarts: 0 },
      ],
    });
    now = 25_000;
    m.add([ev('heartbeat', 'a', { mediaMs: 2 })]);
    expect(m.snapshot('s', [{ cardId: 'k1', productId: 'p' }]).viewersNow).toBe(1);
    now = 61_000;
    expect(m.snapshot('s', [{ cardId: 'k1', productId: 'p' }]).perCard[0]).toMatchObject({ clicks: 0, addToCarts: 0 });
  });
});
