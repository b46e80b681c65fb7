import { describe, expect, it } from 'vitest';
import { TrackEvent } from '@cuecart/shared';
import { simulateAudience } from './demo-episode.js';

const cards = [
  { cardId: 'c1', productId: 'kettle', startMs: 10_000, endMs: 60_000 },
  { cardId: 'c2', productId: 'mug', startMs: 60_000, endMs: 150_000 },
];
const options = { showId: 'ep', durationMs: 180_000, cards, liveSessions: 300, replaySessions: 100, soldOut: new Set(['mug']) };

describe("the demo episode's audience", () => {
  const { events, orders } = simulateAudience(options);

  it('is the same every time', () => {
    expect(simulateAudience(options)).toEqual({ events, orders });
    expect(simulateAudience({ ...options, seed: 8 }).events).not.toEqual(events);
  });

  it('sends only events a real player could: valid, inside the show, a click after an impression of that card', () => {
    for (const e of events) expect(TrackEvent.safeParse(e).success).toBe(true);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(events.filter((e) => e.type === 'heartbeat').every((e) => e.mediaMs! >= 0 && e.mediaMs! <= options.durationMs)).toBe(true);
    const seen = new Set(events.filter((e) => e.type === 'impression').map((e) => `${e.sessionId}|${e.cardId}`));
    const clicks = events.filter((e) => e.type === 'click');
    expect(clicks.length).toBeGreaterThan(0);
    expect(clicks.every((e) => seen.has(`${e.sessionId}|${e.cardId}`))).toBe(true);
  });

  it("reports each session's startup once, and never more stall than watch", () => {
    const quality = events.filter((e) => e.type === 'quality');
    const startups = quality.filter((e) => e.startupMs !== undefined);
    expect(new Set(startups.map((e) => e.sessionId)).size).toBe(startups.length);
    expect(startups.length).toBe(new Set(events.filter((e) => e.type === 'view').map((e) => e.sessionId)).size);
    expect(quality.every((e) => e.rebufferMs! <= e.watchMs!)).toBe(true);
    expect(quality.some((e) => e.rebufferMs! > 0)).toBe(true);
  });

  it('has live and replay viewers, and buys only what could be added to a cart', () => {
    const views = events.filter((e) => e.type === 'view');
    expect(new Set(views.filter((e) => e.mode === 'live').map((e) => e.sessionId)).size).toBeGreaterThan(250);
    expect(new Set(views.filter((e) => e.mode === 'replay').map((e) => e.sessionId)).size).toBeGreaterThan(50);
    expect(events.some((e) => e.type === 'add_to_cart' && e.productId === 'mug')).toBe(false);
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => o.productId === 'kettle' && o.cardId === 'c1')).toBe(true);
    const added = new Set(events.filter((e) => e.type === 'add_to_cart').map((e) => `${e.sessionId}|${e.cardId}`));
    expect(orders.every((o) => added.has(`${o.sessionId}|${o.cardId}`))).toBe(true);
  });
});
