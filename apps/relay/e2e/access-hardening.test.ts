// Access hardening against the real relay: revoked and rotated tokens, shows that may only be embedded
// on some origins, and the security headers on every response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { ADMIN_TOKEN, api, connect, createShow, dropped, emitAck, products, refusedConnect, type RelayProcess, removeDataDir, socketPool, startRelay } from '@cuecart/testkit/relay';

const BRAND = 'https://brand.example';
const EVIL = 'https://evil.example';

let relay: RelayProcess;
const pool = socketPool(() => relay);
const extra: Socket[] = [];

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  pool.closeAll();
  extra.splice(0).forEach((s) => s.close());
  await relay.stop();
  removeDataDir(relay.dataDir);
});

const jtiOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { jti: string }).jti;

const refused = (ns: string, auth: Record<string, unknown>) => refusedConnect(relay, ns, auth);

/** A viewer socket as a browser on `origin` would open it (no Origin at all when undefined). */
function viewerFrom(origin: string | undefined, show: string): Promise<Socket> {
  const socket = io(`${relay.url}/viewer`, {
    auth: { show },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(origin ? { extraHeaders: { origin } } : {}),
  });
  extra.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      socket.close();
      reject(Object.assign(new Error(err.message), { data: err.data }));
    });
  });
}

/** The refusal a viewer socket from `origin` gets; fails the test if it is accepted. */
const viewerRefused = (origin: string, show: string) =>
  viewerFrom(origin, show).then(
    (s) => {
      s.close();
      throw new Error(`/viewer accepted a socket from ${origin}`);
    },
    (err: Error & { data?: { code: string; message: string } }) => err.data,
  );


async function issue(show: string, role: string, name = `${role}-x`): Promise<string> {
  const res = await api(relay, 'POST', `/api/shows/${show}/tokens`, { role, name }, ADMIN_TOKEN);
  expect(res.status).toBe(201);
  return res.body.token as string;
}

const feature = (id: string, productId = 'p-kettle') => ({ id, type: 'feature', productId });

describe('revoking a token', () => {
  it('refuses it on REST and on sockets, and disconnects the socket already open with it', async () => {
    const t = await createShow(relay, 'rev');
    const producer = await pool.open('/producer', { token: t.producer });
    const asHost = await pool.open('/host', { token: t.producer });
    const untouched = await pool.open('/host', { token: t.host });
    const gone = Promise.all([dropped(producer), dropped(asHost)]);

    const res = await api(relay, 'POST', '/api/shows/rev/tokens/revoke', { jti: jtiOf(t.producer) }, ADMIN_TOKEN);
    expect(res).toMatchObject({ status: 200, body: { revoked: true, jti: jtiOf(t.producer) } });

    for (const drop of await gone) {
      expect(drop.reason).toBe('io server disconnect');
      expect(drop.revoked).toEqual({ code: 'unauthorized', message: 'this token was revoked: ask the show admin for a new one' });
    }
    expect(untouched.connected).toBe(true);

    const rest = await api(relay, 'POST', '/api/shows/rev/commands', feature('r-1'), t.producer);
    expect(rest).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: 'this token was revoked: ask the show admin for a new one' } } });
    expect(await refused('/producer', { token: t.producer })).toEqual({ code: 'unauthorized', message: 'this token was revoked: ask the show admin for a new one' });

    // Another producer token of the same show still works.
    const other = await issue('rev', 'producer');
    expect((await api(relay, 'POST', '/api/shows/rev/commands', feature('r-2'), other)).body).toMatchObject({ ok: true, seq: 1 });
  });

  it('can be revoked by pasting the whole token, but only on its own show', async () => {
    const t = await createShow(relay, 'rev-token');
    const other = await createShow(relay, 'rev-other');
    const host = await pool.open('/host', { token: t.host });
    const gone = dropped(host);

    expect((await api(relay, 'POST', '/api/shows/rev-other/tokens/revoke', { token: t.host }, ADMIN_TOKEN)).status).toBe(403);
    expect((await api(relay, 'POST', '/api/shows/rev-token/tokens/revoke', { token: 'abc.def.ghi' }, ADMIN_TOKEN)).status).toBe(400);
    expect((await api(relay, 'POST', '/api/shows/rev-token/tokens/revoke', {}, ADMIN_TOKEN)).status).toBe(400);
    expect((await api(relay, 'POST', '/api/shows/rev-token/tokens/revoke', { jti: 'x' }, t.producer)).status).toBe(401);
    expect((await api(relay, 'POST', '/api/shows/nope/tokens/revoke', { jti: 'x' }, ADMIN_TOKEN)).status).toBe(404);

    expect(await api(relay, 'POST', '/api/shows/rev-token/tokens/revoke', { token: t.host }, ADMIN_TOKEN)).toMatchObject({ status: 200, body: { jti: jtiOf(t.host) } });
    expect((await gone).reason).toBe('io server disconnect');
    expect((await refused('/host', { token: t.host }))?.code).toBe('unauthorized');
    // Nothing of the other show was touched.
    const otherHost = await connect(relay, '/host', { token: other.host });
    otherHost.close();
  });
});

describe('rotating a leaked producer token', () => {
  it('refuses every earlier producer token, hands out a new one, and leaves the show where it was', async () => {
    const t = await createShow(relay, 'rot');
    const second = await issue('rot', 'producer', 'second');
    expect((await api(relay, 'POST', '/api/shows/rot/commands', feature('c-1'), t.producer)).body).toMatchObject({ ok: true, seq: 1 });
    expect((await api(relay, 'POST', '/api/shows/rot/commands', { id: 'c-2', type: 'status', status: 'live' }, t.producer)).body).toMatchObject({ ok: true, seq: 2 });
    const console1 = await pool.open('/producer', { token: t.producer });
    const host = await pool.open('/host', { token: t.host });
    const viewer = await pool.open('/viewer', { show: 'rot' });
    const gone = dropped(console1);

    const rotated = await api(relay, 'POST', '/api/shows/rot/tokens/rotate', { role: 'producer', name: 'Ana' }, ADMIN_TOKEN);
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ role: 'producer', token: expect.any(String), expiresAt: expect.any(Number) });
    expect(rotated.body.expiresAt).toBeGreaterThan(Date.now());

    expect((await gone).reason).toBe('io server disconnect');
    for (const old of [t.producer, second]) {
      expect((await api(relay, 'POST', '/api/shows/rot/commands', feature('c-old'), old)).status).toBe(401);
      expect((await refused('/producer', { token: old }))?.message).toMatch(/revoked/);
    }

    // The show did not restart: same status, same seq, and the new token carries on from there.
    expect(await emitAck(viewer, 'overlay:get', undefined)).toMatchObject({ ok: true, state: { seq: 2, status: 'live', featured: [{ productId: 'p-kettle' }] } });
    const fresh = await pool.open('/producer', { token: rotated.body.token });
    expect(await emitAck(fresh, 'command', feature('c-3', 'p-mug'))).toEqual({ ok: true, seq: 3 });
    // Other roles keep their tokens.
    expect(host.connected).toBe(true);
    expect((await api(relay, 'GET', '/api/shows/rot')).body.status).toBe('live');
  });

  it('is admin only and checks its body', async () => {
    const t = await createShow(relay, 'rot-checks');
    expect((await api(relay, 'POST', '/api/shows/rot-checks/tokens/rotate', { role: 'producer' }, t.producer)).status).toBe(401);
    expect((await api(relay, 'POST', '/api/shows/rot-checks/tokens/rotate', { role: 'admin' }, ADMIN_TOKEN)).status).toBe(400);
    expect((await api(relay, 'POST', '/api/shows/nope/tokens/rotate', { role: 'producer' }, ADMIN_TOKEN)).status).toBe(404);
  });
});

describe('a show that may only be embedded on some origins', () => {
  const open = 'open-show';
  const locked = 'locked-show';

  beforeAll(async () => {
    await createShow(relay, open);
    const created = await api(
      relay,
      'POST',
      '/api/shows',
      { id: locked, title: 'Locked', catalog: { provider: 'inline', products }, rundown: ['p-kettle', 'p-mug'], allowedOrigins: [BRAND, 'http://localhost:3000'] },
      ADMIN_TOKEN,
    );
    expect(created.status).toBe(201);
    expect(created.body.allowedOrigins).toEqual([BRAND, 'http://localhost:3000']);
  });

  it('refuses origins that are not origins', async () => {
    for (const bad of ['brand.example', 'https://brand.example/shop', 'https://*.brand.example']) {
      const res = await api(relay, 'POST', '/api/shows', { title: 'Bad', catalog: { provider: 'inline', products }, allowedOrigins: [bad] }, ADMIN_TOKEN);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/allowedOrigins/);
    }
  });

  it('shows its origins to anyone', async () => {
    expect((await api(relay, 'GET', `/api/shows/${locked}`)).body.allowedOrigins).toEqual([BRAND, 'http://localhost:3000']);
    expect((await api(relay, 'GET', `/api/shows/${open}`)).body.allowedOrigins).toBeUndefined();
  });

  it('answers CORS for an allowed origin and the relay itself only', async () => {
    for (const path of [`/api/shows/${locked}`, `/api/shows/${locked}/products`]) {
      const ok = await fetch(relay.url + path, { headers: { origin: BRAND } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe(BRAND);
      expect(ok.headers.get('vary')).toMatch(/origin/i);
      const self = await fetch(relay.url + path, { headers: { origin: new URL(relay.url).origin } });
      expect(self.headers.get('access-control-allow-origin')).toBe(new URL(relay.url).origin);
      const evil = await fetch(relay.url + path, { headers: { origin: EVIL } });
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
      const none = await fetch(relay.url + path);
      expect(none.status).toBe(200);
    }
    const pre = await fetch(`${relay.url}/api/shows/${locked}/carts`, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    // A show without origins answers anyone, as before.
    const anyone = await fetch(`${relay.url}/api/shows/${open}`, { headers: { origin: EVIL } });
    expect(anyone.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses writes from other pages: carts, their lines, and tracking', async () => {
    // Cart requests speak for the session that made the cart (X-Cuecart-Session).
    const post = (path: string, body: unknown, origin?: string) =>
      fetch(relay.url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cuecart-session': 's-brand', ...(origin ? { origin } : {}) }, body: JSON.stringify(body) });

    const evilCart = await post(`/api/shows/${locked}/carts`, { sessionId: 's-evil' }, EVIL);
    expect(evilCart.status).toBe(403);
    expect(await evilCart.json()).toEqual({ error: { code: 'forbidden', message: `this show can only be embedded on: ${BRAND}, http://localhost:3000` } });

    const cart = await post(`/api/shows/${locked}/carts`, { sessionId: 's-brand' }, BRAND);
    expect(cart.status).toBe(201);
    expect(cart.headers.get('access-control-allow-origin')).toBe(BRAND);
    const { id } = (await cart.json()) as { id: string };
    expect((await post(`/api/carts/${id}/lines`, { productId: 'p-mug' }, EVIL)).status).toBe(403);
    expect((await post(`/api/carts/${id}/lines`, { productId: 'p-mug' }, BRAND)).status).toBe(200);
    expect((await post(`/api/carts/${id}/lines`, { productId: 'p-kettle' })).status).toBe(200);
    const read = await fetch(`${relay.url}/api/carts/${id}`, { headers: { origin: EVIL } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();

    const event = (showId: string) => ({ type: 'impression', showId, productId: 'p-kettle', sessionId: 's-1', mode: 'live' });
    expect((await post('/api/track', { events: [event(locked)] }, EVIL)).status).toBe(403);
    expect((await post('/api/track', { events: [event(open), event(locked)] }, EVIL)).status).toBe(403);
    const tracked = await post('/api/track', { events: [event(locked)] }, BRAND);
    expect(tracked.status).toBe(202);
    expect(tracked.headers.get('access-control-allow-origin')).toBe(BRAND);
    const openTrack = await post('/api/track', { events: [event(open)] }, EVIL);
    expect(openTrack.status).toBe(202);
    expect(openTrack.headers.get('access-control-allow-origin')).toBe('*');
    expect((await post('/api/track', { events: [event(locked)] })).status).toBe(202);
  });

  it('judges token-carrying requests by their token, not their page', async () => {
    const producer = await issue(locked, 'producer');
    const res = await fetch(`${relay.url}/api/shows/${locked}/commands`, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/json', authorization: `Bearer ${producer}` },
      body: JSON.stringify(feature('o-1')),
    });
    expect(res.status).toBe(200);
  });

  it('lets the viewer socket connect from an allowed origin, the relay, or no origin, and refuses the rest', async () => {
    const brand = await viewerFrom(BRAND, locked);
    expect((await emitAck(brand, 'overlay:get', undefined)).ok).toBe(true);
    await viewerFrom(new URL(relay.url).origin, locked);
    await viewerFrom(undefined, locked);
    expect(await viewerRefused(EVIL, locked)).toEqual({ code: 'forbidden', message: `this show can only be embedded on: ${BRAND}, http://localhost:3000` });
    expect((await viewerRefused('null', locked))?.code).toBe('forbidden');
    // A show without origins takes viewers from anywhere.
    await viewerFrom(EVIL, open);
  });

  it('lets its watch page be framed by its own sites only', async () => {
    const page = await fetch(`${relay.url}/watch/${locked}`);
    expect(page.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${BRAND} http://localhost:3000`);
    expect(page.headers.get('x-frame-options')).toBeNull();
    const other = await fetch(`${relay.url}/watch/${open}`);
    expect(other.headers.get('content-security-policy')).toContain("frame-ancestors 'self';");
  });

  it('keeps its origins and revocations across a restart', async () => {
    const t = await createShow(relay, 'durable');
    await api(relay, 'POST', '/api/shows/durable/tokens/revoke', { token: t.host }, ADMIN_TOKEN);
    await api(relay, 'POST', '/api/shows/durable/tokens/rotate', { role: 'producer' }, ADMIN_TOKEN);
    pool.closeAll();
    extra.splice(0).forEach((s) => s.close());
    await relay.stop();
    relay = await startRelay({ dataDir: relay.dataDir });

    expect((await api(relay, 'POST', '/api/shows/durable/commands', feature('d-1'), t.producer)).status).toBe(401);
    expect((await refused('/host', { token: t.host }))?.message).toMatch(/revoked/);
    expect((await api(relay, 'POST', '/api/shows/durable/commands', feature('d-2'), t.ingest)).status).toBe(403);
    expect((await fetch(`${relay.url}/api/shows/${locked}`, { headers: { origin: EVIL } })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await viewerRefused(EVIL, locked))?.code).toBe('forbidden');
  });
});

describe('security headers', () => {
  it('puts helmet headers on pages, the API and health, with a page CSP on pages', async () => {
    await createShow(relay, 'headers');
    for (const path of ['/watch/headers', '/console', '/prompter/headers', '/healthz', '/api/shows/headers']) {
      const res = await fetch(relay.url + path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
      expect(res.headers.get('referrer-policy'), path).toBeTruthy();
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
      expect(res.headers.get('content-security-policy'), path).toBeTruthy();
    }
    for (const path of ['/watch/headers', '/console']) {
      const csp = (await fetch(relay.url + path)).headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'none'");
    }
    expect((await fetch(`${relay.url}/healthz`)).headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('keeps the embed and its media loadable from any site', async () => {
    const embed = await fetch(`${relay.url}/embed.js`, { headers: { origin: BRAND } });
    expect(embed.status).toBe(200);
    expect(embed.headers.get('access-control-allow-origin')).toBe('*');
    expect(embed.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(embed.headers.get('content-type')).toMatch(/javascript/);
    for (const path of ['/demo/images/none.jpg', '/media/demo/live.m3u8']) {
      expect((await fetch(relay.url + path)).headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
    }
    expect((await fetch(`${relay.url}/api/shows/headers`)).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});
