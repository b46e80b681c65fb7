// In cluster mode the analytics are the same whichever relay took a beacon: beacons split between two relays,
// a batch sent to both counts once, and both relays answer the same report.
import { describe, expect, it } from 'vitest';
import { clusterPair } from '@cuecart/testkit/cluster-pair';
import { ADMIN_TOKEN, api, mintToken, products } from '@cuecart/testkit/relay';

const cluster = clusterPair();
let n = 0;
const ev = (type: string, sessionId: string, extra: Record<string, unknown> = {}) => ({ eventId: `ce${++n}`, type, showId: 'cl-report', sessionId, mode: 'live', ...extra });

describe('analytics in cluster mode', () => {
  it('answers the same totals on every relay, each event id counted once cluster-wide', async () => {
    const { a, b } = cluster;
    expect((await api(a, 'POST', '/api/shows', { id: 'cl-report', title: 'Cluster report', streamEpochMs: Date.now() - 600_000, catalog: { provider: 'inline', products } }, ADMIN_TOKEN)).status).toBe(201);
    const producer = await mintToken(a, 'cl-report', 'producer');
    expect((await api(b, 'GET', '/api/shows/cl-report')).status).toBe(200);
    const k = { cardId: 'k1', productId: 'p-kettle' };
    const toA = [ev('view', 'S1'), ev('heartbeat', 'S1', { mediaMs: 10_000 }), ev('impression', 'S1', k), ev('click', 'S1', k)];
    const toB = [ev('view', 'S2'), ev('heartbeat', 'S2', { mediaMs: 12_000 }), ev('heartbeat', 'S2', { mediaMs: 70_000 }), ev('impression', 'S2', k), ev('add_to_cart', 'S2', k)];
    const both = [ev('view', 'S3', { mode: 'replay' }), ev('heartbeat', 'S3', { mode: 'replay', mediaMs: 5_000 })];
    expect((await api(a, 'POST', '/api/track', { events: toA })).body.accepted).toBe(4);
    expect((await api(b, 'POST', '/api/track', { events: toB })).body.accepted).toBe(5);
    expect((await api(a, 'POST', '/api/track', { events: both })).body.accepted).toBe(2);
    // The same batch through the other relay (a retry that landed elsewhere): counted once.
    expect((await api(b, 'POST', '/api/track', { events: both })).body).toMatchObject({ accepted: 0, duplicates: 2 });

    const [onA, onB] = await Promise.all([a, b].map((r) => api(r, 'GET', '/api/shows/cl-report/analytics', undefined, producer)));
    const expected = { viewers: 3, viewerMinutes: 4 * 10 / 60, peakConcurrent: 2, impressions: 2, clicks: 1, addToCarts: 1 };
    expect(onA!.body).toMatchObject(expected);
    expect(onB!.body).toMatchObject(expected);
    const { funnel: _fa, suggestions: _sa, purchaseSignals: _pa, ...reportA } = onA!.body;
    const { funnel: _fb, suggestions: _sb, purchaseSignals: _pb, ...reportB } = onB!.body;
    expect(reportA).toEqual(reportB);
    expect(onA!.body.byMode.replay).toMatchObject({ viewers: 1, viewerMinutes: 10 / 60 });
  });
});
