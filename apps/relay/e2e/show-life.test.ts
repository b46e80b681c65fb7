// Shows over their life (issue 17): list, change, start and end times, the calendar event, the invite list.
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, createShow, mintToken } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';

const suite = suiteRelay();

const status = (show: string, token: string, id: string, value: 'live' | 'ended' | 'scheduled') =>
  api(suite.relay, 'POST', `/api/shows/${show}/commands`, { id, type: 'status', status: value }, token);

describe('GET /api/shows', () => {
  it('lists every show for the admin, only its own for a producer, and nothing without a token', async () => {
    const a = await createShow(suite.relay, 'list-a');
    await createShow(suite.relay, 'list-b');
    const all = await api(suite.relay, 'GET', '/api/shows', undefined, ADMIN_TOKEN);
    expect(all.status).toBe(200);
    expect(all.body.shows.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['list-a', 'list-b']));
    const own = await api(suite.relay, 'GET', '/api/shows', undefined, a.producer);
    expect(own.body.shows.map((s: { id: string }) => s.id)).toEqual(['list-a']);
    expect((await api(suite.relay, 'GET', '/api/shows', undefined, a.host)).status).toBe(403);
    const none = await api(suite.relay, 'GET', '/api/shows');
    expect(none.status).toBe(401);
    expect(none.body.error.message).toContain('Authorization: Bearer');
  });
});

describe('PATCH /api/shows/:id', () => {
  it('changes title, start, rundown, stream and origins, keeps them across a restart, and removes with null', async () => {
    const a = await createShow(suite.relay, 'patch-a');
    const changed = await api(suite.relay, 'PATCH', '/api/shows/patch-a', {
      title: 'Winter edit', scheduledStartAt: '2030-01-02T18:00:00+01:00', rundown: ['p-lamp', 'p-mug'],
      streamUrl: 'https://cdn.example/live.m3u8', allowedOrigins: ['https://Brand.example'],
    }, a.producer);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Winter edit', scheduledStartAt: '2030-01-02T18:00:00+01:00', rundown: ['p-lamp', 'p-mug'], streamUrl: 'https://cdn.example/live.m3u8', allowedOrigins: ['https://brand.example'] });
    await suite.restart();
    expect((await api(suite.relay, 'GET', '/api/shows/patch-a')).body).toMatchObject({ title: 'Winter edit', rundown: ['p-lamp', 'p-mug'] });
    const cleared = await api(suite.relay, 'PATCH', '/api/shows/patch-a', { scheduledStartAt: null, allowedOrigins: null }, ADMIN_TOKEN);
    expect(cleared.status).toBe(200);
    expect(cleared.body.scheduledStartAt).toBeUndefined();
    expect(cleared.body.allowedOrigins).toBeUndefined();
    expect(cleared.body.title).toBe('Winter edit');
  });

  it('refuses what it cannot take, with what to do, and changes nothing', async () => {
    const a = await createShow(suite.relay, 'patch-b');
    const b = await createShow(suite.relay, 'patch-c');
    const bad = async (body: unknown, token = a.producer) => api(suite.relay, 'PATCH', '/api/shows/patch-b', body, token);
    const missing = await bad({ rundown: ['p-lamp', 'nope'] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('nope');
    expect((await bad({ scheduledStartAt: 'next tuesday' })).body.error.message).toContain('2026-12-24T18:00:00Z');
    expect((await bad({ scheduledStartAt: '2030-01-02T18:00:00' })).status).toBe(400);
    expect((await bad({})).status).toBe(400);
    expect((await bad({ catalog: { provider: 'inline', products: [] } })).status).toBe(400);
    expect((await bad({ title: 'x' }, b.producer)).status).toBe(403);
    expect((await bad({ title: 'x' }, a.host)).status).toBe(403);
    expect((await bad({ title: 'x' }, 'not-a-token')).status).toBe(401);
    expect((await api(suite.relay, 'PATCH', '/api/shows/nope', { title: 'x' }, ADMIN_TOKEN)).status).toBe(404);
    expect((await api(suite.relay, 'GET', '/api/shows/patch-b')).body).toMatchObject({ title: 'Show patch-b', rundown: ['p-kettle', 'p-mug', 'p-scarf', 'p-lamp'] });
  });
});

describe('start and end times', () => {
  it('takes startedAt from the first go-live and endedAt from the end, cleared when the show reopens', async () => {
    const a = await createShow(suite.relay, 'times');
    const show = async () => (await api(suite.relay, 'GET', '/api/shows/times')).body;
    expect((await show()).startedAt).toBeUndefined();
    const before = Date.now();
    await status('times', a.producer, 's1', 'live');
    const started = (await show()).startedAt as number;
    expect(started).toBeGreaterThanOrEqual(before);
    await status('times', a.producer, 's2', 'ended');
    const ended = await show();
    expect(ended).toMatchObject({ status: 'ended', startedAt: started });
    expect(ended.endedAt).toBeGreaterThanOrEqual(started);
    await status('times', a.producer, 's3', 'live');
    const reopened = await show();
    expect(reopened.startedAt).toBe(started);
    expect(reopened.endedAt).toBeUndefined();
  });
});

describe('GET /api/shows/:id/event.ics', () => {
  it("answers the show's calendar event, in UTC, with its watch page", async () => {
    await api(suite.relay, 'POST', '/api/shows', {
      id: 'cal', title: 'Gifts, wrapped; live', scheduledStartAt: '2030-12-24T18:30:00+02:00',
      catalog: { provider: 'inline', products: [{ id: 'mug', title: 'Stoneware Mug', price: { amount: '22.00', currencyCode: 'USD' }, available: true }] }, rundown: ['mug'],
    }, ADMIN_TOKEN);
    const res = await fetch(`${suite.relay.url}/api/shows/cal/event.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text).toContain('DTSTART:20301224T163000Z\r\n');
    expect(text).toContain('SUMMARY:Gifts\\, wrapped\\; live\r\n');
    expect(text).toContain(`URL:${suite.relay.url}/watch/cal\r\n`);
    expect(text.replace(/\r\n /g, '')).toContain('Stoneware Mug');
    await createShow(suite.relay, 'cal-none');
    const none = await api(suite.relay, 'GET', '/api/shows/cal-none/event.ics');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('no start time');
  });
});

describe('invites', () => {
  it('lists the tokens handed out (never the tokens), marks a revoked one, and shows a producer its host links only', async () => {
    const a = await createShow(suite.relay, 'inv');
    const issued = await api(suite.relay, 'POST', '/api/shows/inv/tokens', { role: 'host', name: 'Maya', ttlSeconds: 3600 }, ADMIN_TOKEN);
    expect(issued.body.jti).toEqual(expect.any(String));
    const list = await api(suite.relay, 'GET', '/api/shows/inv/invites', undefined, ADMIN_TOKEN);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(issued.body.token);
    const maya = list.body.invites.find((i: { jti: string }) => i.jti === issued.body.jti);
    expect(maya).toMatchObject({ role: 'host', name: 'Maya', expiresAt: issued.body.expiresAt });
    expect(list.body.invites.map((i: { role: string }) => i.role)).toEqual(expect.arrayContaining(['producer', 'host', 'ingest']));
    // The invites are not part of the public show.
    expect(JSON.stringify((await api(suite.relay, 'GET', '/api/shows/inv')).body)).not.toContain('Maya');

    expect((await api(suite.relay, 'POST', '/api/shows/inv/tokens/revoke', { jti: issued.body.jti }, ADMIN_TOKEN)).status).toBe(200);
    const after = await api(suite.relay, 'GET', '/api/shows/inv/invites', undefined, ADMIN_TOKEN);
    expect(after.body.invites.find((i: { jti: string }) => i.jti === issued.body.jti).revokedAt).toEqual(expect.any(Number));

    const producerView = await api(suite.relay, 'GET', '/api/shows/inv/invites', undefined, a.producer);
    expect(producerView.body.invites.length).toBeGreaterThan(0);
    expect(producerView.body.invites.every((i: { role: string }) => i.role === 'host')).toBe(true);
    expect((await api(suite.relay, 'GET', '/api/shows/inv/invites', undefined, a.host)).status).toBe(403);
  });

  it('marks every earlier invite of a role when the role is rotated', async () => {
    await createShow(suite.relay, 'inv-rot');
    const second = await mintToken(suite.relay, 'inv-rot', 'ingest', 'ingest-2');
    expect(second).toEqual(expect.any(String));
    const rotated = await api(suite.relay, 'POST', '/api/shows/inv-rot/tokens/rotate', { role: 'ingest' }, ADMIN_TOKEN);
    expect(rotated.status).toBe(201);
    const { invites } = (await api(suite.relay, 'GET', '/api/shows/inv-rot/invites', undefined, ADMIN_TOKEN)).body as { invites: Array<{ jti: string; role: string; revokedAt?: number }> };
    const ingest = invites.filter((i) => i.role === 'ingest');
    expect(ingest).toHaveLength(3);
    expect(ingest.filter((i) => i.revokedAt === undefined).map((i) => i.jti)).toEqual([rotated.body.jti]);
  });
});
