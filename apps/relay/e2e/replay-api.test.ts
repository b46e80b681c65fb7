// GET /api/shows/:id/replay through the real relay: a show's own recording URL with its cards and chapters in
// show ms (a product only talked about gets a mention chapter), a show that never went live has nothing to
// play, a V100 show answers its live event's recording once V100 has it ready, and the transcript can be left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, mintToken, products, sleep } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';
import { startV100Server, type V100TestServer } from '@cuecart/testkit/v100-server';

const suite = suiteRelay({ env: { CUECART_ALLOW_PRIVATE_URLS: '1' } });
let v100: V100TestServer;

beforeAll(async () => {
  v100 = await startV100Server({ apiKey: 'v100-key', knownEventIds: ['evt_replay'], afterScript: 'hold' });
});
afterAll(() => v100?.close());

async function produce(id: string, extra: Record<string, unknown>) {
  const created = await api(suite.relay, 'POST', '/api/shows', { id, title: `Replay ${id}`, streamEpochMs: Date.now() - 60_000, catalog: { provider: 'inline', products }, rundown: ['p-kettle', 'p-mug'], ...extra }, ADMIN_TOKEN);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const producer = await mintToken(suite.relay, id, 'producer');
  const ingest = await mintToken(suite.relay, id, 'ingest');
  let n = 0;
  const command = async (body: Record<string, unknown>) => expect((await api(suite.relay, 'POST', `/api/shows/${id}/commands`, { id: `c${++n}`, ...body }, producer)).body.ok).toBe(true);
  await command({ type: 'status', status: 'live' });
  await command({ type: 'feature', productId: 'p-kettle', mediaMs: 2_000 });
  // The host talks about the mug without its card going on air.
  const said = await api(suite.relay, 'POST', `/api/shows/${id}/transcript`, { segments: [{ id: 's1', startMs: 5_000, endMs: 8_000, text: 'and look at this stoneware mug, it is lovely' }] }, ingest);
  expect(said.status).toBeLessThan(300);
  await sleep(200);
  await command({ type: 'status', status: 'ended' });
}

describe('the replay API', () => {
  it("answers a show's own recording with its cards, chapters and transcript in show ms", async () => {
    await produce('own', { recordingUrl: 'https://cdn.example.com/own/vod.m3u8' });
    const { status, body } = await api(suite.relay, 'GET', '/api/shows/own/replay');
    expect(status).toBe(200);
    expect(body).toMatchObject({ recordingUrl: 'https://cdn.example.com/own/vod.m3u8', ended: true });
    expect(body.startMs).toBeGreaterThan(55_000);
    expect(body.durationMs).toBeGreaterThan(100);
    expect(body.cards).toEqual([expect.objectContaining({ productId: 'p-kettle', startMs: 2_000, card: expect.objectContaining({ title: 'Pour-Over Kettle' }) })]);
    expect(body.chapters).toEqual([
      { productId: 'p-kettle', title: 'Pour-Over Kettle', startMs: 2_000, endMs: body.cards[0].endMs, kind: 'card' },
      expect.objectContaining({ productId: 'p-mug', title: 'Stoneware Mug', startMs: 5_000, kind: 'mention' }),
    ]);
    expect(body.transcript).toEqual([{ id: 's1', startMs: 5_000, endMs: 8_000, text: 'and look at this stoneware mug, it is lovely' }]);
    expect(body.products.map((p: { id: string }) => p.id).sort()).toEqual(['p-kettle', 'p-mug']);
    const cardsOnly = await api(suite.relay, 'GET', '/api/shows/own/replay?transcript=0');
    expect(cardsOnly.body.transcript).toBeUndefined();
    expect(cardsOnly.body.cards).toHaveLength(1);
  });

  it("counts a replay viewer's heartbeat only inside what the show aired", async () => {
    const { body } = await api(suite.relay, 'GET', '/api/shows/own/replay');
    const end = body.startMs + body.durationMs;
    const { streamEpochMs } = (await api(suite.relay, 'GET', '/api/shows/own')).body;
    // Until the live edge has moved past end + 2 s, so that only the show's end can refuse that heartbeat.
    while (Date.now() - streamEpochMs < end + 2_500) await sleep(100);
    const beat = (mediaMs: number) => ({ type: 'heartbeat', showId: 'own', sessionId: 'r1', mode: 'replay', mediaMs });
    const sent = await api(suite.relay, 'POST', '/api/track', { events: [beat(end - 1000), beat(end + 2000)] });
    expect(sent.body).toEqual({ accepted: 1, ignored: 1 });
  });

  it('has nothing to play for a show that never went live, and 404 for no show', async () => {
    const created = await api(suite.relay, 'POST', '/api/shows', { id: 'soon', title: 'Soon', catalog: { provider: 'inline', products } }, ADMIN_TOKEN);
    expect(created.status).toBe(201);
    expect((await api(suite.relay, 'GET', '/api/shows/soon/replay')).body).toMatchObject({ recordingUrl: null, durationMs: 0, cards: [], chapters: [] });
    const missing = await api(suite.relay, 'GET', '/api/shows/nope/replay');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('show "nope" does not exist');
  });

  it("answers a V100 show's live event recording once V100 has it ready", async () => {
    v100.setRecording('evt_replay', { status: 'ready', hls_url: 'https://cdn.v100.test/evt_replay/vod.m3u8' });
    await produce('viahundred', { transcript: { provider: 'v100', baseUrl: v100.baseUrl, apiKey: 'v100-key', eventId: 'evt_replay' } });
    const { body } = await api(suite.relay, 'GET', '/api/shows/viahundred/replay');
    expect(body.recordingUrl).toBe('https://cdn.v100.test/evt_replay/vod.m3u8');
    expect(body.durationMs).toBeGreaterThan(100);
    const asked = v100.eventRequests.at(-1)!;
    expect(asked.path).toBe('/v1/live/evt_replay');
    expect(asked.headers.authorization).toBe('Bearer v100-key');
  });
});
