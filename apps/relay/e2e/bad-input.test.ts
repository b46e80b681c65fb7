// Hostile and broken input: every case gets the documented error, and the relay keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ADMIN_TOKEN, api, connect, createShow, emitAck, removeDataDir, sleep, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'bad');
});
afterAll(async () => {
  for (const s of sockets) s.close();
  // After all of it the relay is still up and answers.
  expect((await api(relay, 'GET', '/healthz')).status).toBe(200);
  expect(await relay.stop()).toBe(0);
  expect(relay.output()).not.toMatch(/uncaught|unhandled/i);
  removeDataDir(relay.dataDir);
});

async function raw(path: string, body: string, headers: Record<string, string>) {
  const res = await fetch(relay.url + path, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
}

describe('REST', () => {
  it('answers malformed JSON, a wrong content type and schema errors with 400 invalid', async () => {
    const json = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };
    expect(await raw('/api/shows', '{"title": ', json)).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    const text = await raw('/api/shows', 'title=x', { ...json, 'content-type': 'text/plain' });
    expect(text).toMatchObject({ status: 400, body: { error: { code: 'invalid', message: expect.stringContaining('application/json') } } });
    const missing = await api(relay, 'POST', '/api/shows', { title: 'No catalog' }, ADMIN_TOKEN);
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'invalid', message: expect.stringContaining('catalog') } } });
    const badProduct = await api(relay, 'POST', '/api/shows', { title: 'x', catalog: { provider: 'inline', products: [{ id: 'a', title: 'A', price: { amount: 'free', currencyCode: 'USD' }, available: true }] } }, ADMIN_TOKEN);
    expect(badProduct.body.error.message).toContain('price.amount');
    const unknownRundown = await api(relay, 'POST', '/api/shows', { title: 'x', catalog: { provider: 'inline', products: [] }, rundown: ['ghost'] }, ADMIN_TOKEN);
    expect(unknownRundown).toMatchObject({ status: 400, body: { error: { code: 'invalid', message: expect.stringContaining('ghost') } } });
    const dup = await api(relay, 'POST', '/api/shows', { id: 'bad', title: 'again', catalog: { provider: 'inline', products: [] } }, ADMIN_TOKEN);
    expect(dup).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
  });

  it('refuses bodies over the cap with a clear message', async () => {
    const big = JSON.stringify({ id: 'big', type: 'banner', text: 'x'.repeat(200_000) });
    const res = await raw('/api/shows/bad/commands', big, { 'content-type': 'application/json', authorization: `Bearer ${tokens.producer}` });
    expect(res).toMatchObject({ status: 413, body: { error: { code: 'invalid', message: expect.stringContaining('KB') } } });
  });

  it('answers unknown shows and routes with not_found, and keeps state unchanged on prototype-pollution shapes', async () => {
    expect(await api(relay, 'GET', '/api/shows/ghost')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await api(relay, 'GET', '/api/nothing-here')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const polluted = await raw('/api/shows/bad/commands', '{"__proto__":{"type":"clear","id":"p"},"constructor":{"prototype":{"x":1}}}', {
      'content-type': 'application/json',
      authorization: `Bearer ${tokens.producer}`,
    });
    expect(polluted).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    expect((await api(relay, 'POST', '/api/track', { events: [{ type: 'click' }] })).status).toBe(400);
    const track = await api(relay, 'POST', '/api/track', { events: [{ type: 'click', showId: 'bad', productId: 'p-mug', sessionId: 's-1', mode: 'live' }] });
    expect(track).toEqual({ status: 202, body: { accepted: 1 } });
  });
});

describe('sockets', () => {
  it('acks malformed commands with invalid and leaves the overlay alone', async () => {
    const producer = await connect(relay, '/producer', { token: tokens.producer });
    sockets.push(producer);
    const junk: unknown[] = [null, 42, 'feature', [], {}, { id: 'x' }, { id: 'bad id with spaces', type: 'clear' }, { id: 'x', type: 'explode' }, { id: 'x', type: 'feature' }, { __proto__: { id: 'p', type: 'clear' } }];
    for (const payload of junk) {
      const ack = await emitAck(producer, 'command', payload);
      expect(ack, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.any(String) } });
    }
    expect((await emitAck(producer, 'overlay:get', undefined)).state.seq).toBe(0);
  });

  it('ignores unknown events and commands sent without an ack, and keeps the socket working', async () => {
    const producer = await connect(relay, '/producer', { token: tokens.producer });
    sockets.push(producer);
    producer.emit('nonsense', { a: 1 });
    producer.emit('command', { id: 'no-ack', type: 'banner', text: 'fire and forget' });
    producer.emit('command');
    await sleep(200);
    const snap = await emitAck(producer, 'overlay:get', undefined);
    expect(snap.state.banner).toEqual({ text: 'fire and forget' });
    expect(snap.state.seq).toBe(1);
  });

  it('drops a socket that sends a frame over the cap, without hurting the relay or other sockets', async () => {
    const viewer = await connect(relay, '/viewer', { show: 'bad' });
    sockets.push(viewer);
    const attacker = await connect(relay, '/producer', { token: tokens.producer });
    sockets.push(attacker);
    const closed = new Promise<string>((resolve) => attacker.once('disconnect', resolve));
    attacker.emit('command', { id: 'huge', type: 'banner', text: 'y'.repeat(500_000) });
    expect(await closed).toMatch(/transport/);
    const snap = await emitAck(viewer, 'overlay:get', undefined);
    expect(snap.state.seq).toBe(1);
  });

  it('refuses track events for another show over a viewer socket', async () => {
    const viewer = await connect(relay, '/viewer', { show: 'bad' });
    sockets.push(viewer);
    const other = { type: 'click', showId: 'elsewhere', productId: 'p-mug', sessionId: 's-2', mode: 'live' };
    expect(await emitAck(viewer, 'track', other)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await emitAck(viewer, 'track', { ...other, showId: 'bad' })).toEqual({ ok: true });
    expect(await emitAck(viewer, 'track', { events: [{ nope: true }] })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
