// The playback beats over REST: a view and heartbeats need no product, a heartbeat past the show's live edge
// is not counted (and said so), a card event still names its product, and clip beacons name their clip.
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, products } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';

const suite = suiteRelay();
const base = { showId: 'beats', sessionId: 'viewer-1', mode: 'live' };

describe('playback beacons', () => {
  it('takes views and heartbeats, and ignores a heartbeat that cannot have happened', async () => {
    // The stream started a minute ago: show ms beyond ~60,000 are in the future.
    const created = await api(suite.relay, 'POST', '/api/shows', { id: 'beats', title: 'Beats', streamEpochMs: Date.now() - 60_000, catalog: { provider: 'inline', products } }, ADMIN_TOKEN);
    expect(created.status).toBe(201);
    const events = [
      { ...base, eventId: 'v1', type: 'view', mediaMs: 3_000 },
      { ...base, eventId: 'h1', type: 'heartbeat', mediaMs: 10_000 },
      { ...base, eventId: 'h2', type: 'heartbeat', mediaMs: 20_000 },
      { ...base, eventId: 'h-future', type: 'heartbeat', mediaMs: 3_600_000 },
      { ...base, eventId: 'clip-view', type: 'view', mode: 'clip', clipId: 'clip-1', sessionId: 'viewer-2' },
    ];
    const sent = await api(suite.relay, 'POST', '/api/track', { events });
    expect(sent).toMatchObject({ status: 202, body: { accepted: 4, ignored: 1 } });
    const again = await api(suite.relay, 'POST', '/api/track', { events: events.slice(0, 2) });
    expect(again.body).toEqual({ accepted: 0, duplicates: 2 });
  });

  it('refuses a heartbeat without its show ms, and a card event without its product, naming the field', async () => {
    const noMs = await api(suite.relay, 'POST', '/api/track', { events: [{ ...base, type: 'heartbeat' }] });
    expect(noMs).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('mediaMs') } } });
    const noProduct = await api(suite.relay, 'POST', '/api/track', { events: [{ ...base, type: 'click', cardId: 'c1' }] });
    expect(noProduct).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('productId') } } });
  });
});
