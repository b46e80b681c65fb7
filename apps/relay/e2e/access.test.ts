// Roles and tokens: only a producer of this show can change its overlay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { ADMIN_TOKEN, api, createShow, emitAck, readSecret, record, refusedConnect, removeDataDir, socketPool, sleep, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

let relay: RelayProcess;
let a: Awaited<ReturnType<typeof createShow>>;
let b: Awaited<ReturnType<typeof createShow>>;
const pool = socketPool(() => relay);
const open = pool.open;
const refused = (ns: string, auth: Record<string, unknown>) => refusedConnect(relay, ns, auth);

/** A token signed like ours, with claims of the test's choosing. */
async function craft(secret: string, claims: Record<string, unknown>, expSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('cuecart')
    .setAudience('cuecart:show')
    .setJti('crafted')
    .setIssuedAt(now - 120)
    .setExpirationTime(now + expSeconds)
    .sign(new TextEncoder().encode(secret));
}

beforeAll(async () => {
  relay = await startRelay();
  a = await createShow(relay, 'show-a');
  b = await createShow(relay, 'show-b');
});
afterAll(async () => {
  pool.closeAll();
  await relay.stop();
  removeDataDir(relay.dataDir);
});

describe('who may change the overlay', () => {
  it('refuses commands from a viewer and a host, and the overlay does not change', async () => {
    const watcher = await open('/viewer', { show: 'show-a' });
    await emitAck(watcher, 'overlay:get', undefined);
    const changes = record(watcher, 'overlay');
    const viewer = await open('/viewer', { show: 'show-a' });
    const host = await open('/host', { token: a.host });
    const command = { id: 'v-1', type: 'feature', productId: 'p-kettle' };
    expect(await emitAck(viewer, 'command', command)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await emitAck(host, 'command', { ...command, id: 'h-1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await api(relay, 'POST', '/api/shows/show-a/commands', command, a.host)).status).toBe(403);
    expect((await api(relay, 'POST', '/api/shows/show-a/commands', command, a.ingest)).status).toBe(403);
    await sleep(200);
    expect(changes).toEqual([]);
    expect((await emitAck(watcher, 'overlay:get', undefined)).state.seq).toBe(0);
  });

  it('refuses a host and an ingest token on /producer, and an ingest token on /host', async () => {
    expect(await refused('/producer', { token: a.host })).toMatchObject({ code: 'forbidden' });
    expect(await refused('/producer', { token: a.ingest })).toMatchObject({ code: 'forbidden' });
    expect(await refused('/host', { token: a.ingest })).toMatchObject({ code: 'forbidden' });
  });

  it('refuses forged, expired, malformed and missing tokens', async () => {
    const forged = await craft('x'.repeat(43), { show: 'show-a', role: 'producer', name: 'mallory' }, 3600);
    expect(await refused('/producer', { token: forged })).toMatchObject({ code: 'unauthorized' });
    const expired = await craft(readSecret(relay.dataDir), { show: 'show-a', role: 'producer', name: 'late' }, -60);
    const err = await refused('/producer', { token: expired });
    expect(err).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('expired') });
    expect(await refused('/producer', { token: 'not-a-jwt' })).toMatchObject({ code: 'unauthorized' });
    expect(await refused('/producer', {})).toMatchObject({ code: 'unauthorized' });
    expect(await refused('/producer', { token: { nested: true } })).toMatchObject({ code: 'unauthorized' });
    // The same expired token is refused over REST too.
    const rest = await api(relay, 'POST', '/api/shows/show-a/commands', { id: 'x', type: 'clear' }, expired);
    expect(rest).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });

  it("refuses another show's token, and a producer of show B only ever changes show B", async () => {
    const rest = await api(relay, 'POST', '/api/shows/show-a/commands', { id: 'b-on-a', type: 'feature', productId: 'p-mug' }, b.producer);
    expect(rest.status).toBe(403);
    expect(rest.body.error.message).toContain('show-b');
    const viewerA = await open('/viewer', { show: 'show-a' });
    await emitAck(viewerA, 'overlay:get', undefined);
    const changesA = record(viewerA, 'overlay');
    const producerB = await open('/producer', { token: b.producer });
    expect(await emitAck(producerB, 'command', { id: 'b-1', type: 'feature', productId: 'p-mug' })).toEqual({ ok: true, seq: 1 });
    await sleep(200);
    expect(changesA).toEqual([]);
  });

  it('refuses a token for a show that does not exist', async () => {
    const ghost = await craft(readSecret(relay.dataDir), { show: 'ghost', role: 'producer', name: 'p' }, 3600);
    expect(await refused('/producer', { token: ghost })).toMatchObject({ code: 'not_found' });
    expect(await refused('/viewer', { show: 'ghost' })).toMatchObject({ code: 'not_found' });
    expect(await refused('/viewer', {})).toMatchObject({ code: 'invalid' });
  });

  it('keeps admin routes for the admin token', async () => {
    const body = { title: 'x', catalog: { provider: 'inline', products: [] } };
    expect((await api(relay, 'POST', '/api/shows', body)).status).toBe(401);
    expect((await api(relay, 'POST', '/api/shows', body, a.producer)).status).toBe(401);
    expect((await api(relay, 'POST', '/api/shows/show-a/tokens', { role: 'producer' }, a.producer)).status).toBe(401);
    expect((await api(relay, 'POST', '/api/shows/show-a/tokens', { role: 'admin' }, ADMIN_TOKEN)).body.error.code).toBe('invalid');
    const show = await api(relay, 'GET', '/api/shows/show-a');
    expect(show.status).toBe(200);
    expect(JSON.stringify(show.body)).not.toContain('storefrontToken');
  });
});
