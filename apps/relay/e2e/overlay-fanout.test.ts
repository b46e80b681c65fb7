// The show authority over real sockets: fan-out, seq, late joiners, idempotent commands, presence and cues.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShow, emitAck, next, received, record, removeDataDir, socketPool, sleep, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;
const pool = socketPool(() => relay);
const open = pool.open;

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'fanout');
});
afterAll(async () => {
  pool.closeAll();
  expect(await relay.stop()).toBe(0);
  removeDataDir(relay.dataDir);
});

describe('overlay fan-out', () => {
  it('sends every viewer and the host the snapshot on connect and each change, with seq +1 per accepted command', async () => {
    const viewers = await Promise.all([1, 2, 3, 4, 5].map(() => open('/viewer', { show: 'fanout' })));
    const host = await open('/host', { token: tokens.host });
    const producer = await open('/producer', { token: tokens.producer });
    const audience = [...viewers, host];
    // A round trip each, so the snapshot pushed on connect has surely arrived before the first command.
    await Promise.all(audience.map((s) => emitAck(s, 'overlay:get', undefined)));
    for (const s of audience) expect(received(s, 'overlay').map((o) => o.seq)).toEqual([0]);

    const fire = async (command: Record<string, unknown>) => {
      const arrivals = audience.map((s) => next(s, 'overlay'));
      const ack = await emitAck(producer, 'command', command);
      return { ack, states: await Promise.all(arrivals) };
    };

    const first = await fire({ id: 'f-1', type: 'feature', productId: 'p-kettle', badge: 'NEW' });
    expect(first.ack).toEqual({ ok: true, seq: 1 });
    for (const state of first.states) {
      expect(state.seq).toBe(1);
      expect(state.featured).toHaveLength(1);
      expect(state.featured[0]).toMatchObject({ cardId: 'f-1', productId: 'p-kettle', title: 'Pour-Over Kettle', badge: 'NEW', price: { amount: '89.00' } });
    }

    const second = await fire({ id: 'f-2', type: 'feature', productId: 'p-mug', exclusive: false });
    expect(second.ack).toEqual({ ok: true, seq: 2 });
    const third = await fire({ id: 'f-3', type: 'banner', text: 'Free shipping tonight' });
    expect(third.ack).toEqual({ ok: true, seq: 3 });
    for (const state of third.states) {
      expect(state.featured.map((c: { productId: string }) => c.productId)).toEqual(['p-kettle', 'p-mug']);
      expect(state.banner).toEqual({ text: 'Free shipping tonight' });
    }
    // Each socket saw seq 1, 2, 3 in order, never a gap or a repeat.
    for (const s of audience) expect(received(s, 'overlay').map((o) => o.seq)).toEqual([0, 1, 2, 3]);
  });

  it('never sends a viewer a state older than one it has, when takes come back to back while viewers join', async () => {
    // A console flushing its offline queue sends takes without waiting for acks; viewers keep joining.
    // Viewers may skip an intermediate state (each overlay is the whole state), never go back.
    const race = await createShow(relay, 'race');
    const producer = await open('/producer', { token: race.producer });
    const products = ['p-kettle', 'p-mug', 'p-lamp', 'p-scarf'];
    const rounds = 6;
    const viewers: Array<Promise<Awaited<ReturnType<typeof open>>>> = [];
    let sent = 0;
    let last = 0;
    for (let round = 0; round < rounds; round++) {
      const acks = Array.from({ length: 8 }, () => {
        sent += 1;
        return emitAck(producer, 'command', { id: `race-${sent}`, type: 'feature', productId: products[sent % products.length] });
      });
      for (let i = 0; i < 10; i++) viewers.push(open('/viewer', { show: 'race' }));
      for (const ack of await Promise.all(acks)) if (ack.ok) last = Math.max(last, ack.seq as number);
    }
    // Bursts may meet the per-socket command limit; most must land.
    expect(last).toBeGreaterThan(rounds * 4);
    const audience = await Promise.all(viewers);
    await Promise.all(audience.map((v) => emitAck(v, 'overlay:get', undefined)));
    for (const [i, v] of audience.entries()) {
      const seqs = received(v, 'overlay').map((o) => o.seq as number);
      expect(seqs.length, `viewer ${i}`).toBeGreaterThan(0);
      for (let k = 1; k < seqs.length; k++) expect(seqs[k], `viewer ${i} got ${seqs.join(',')}`).toBeGreaterThan(seqs[k - 1]!);
      expect(seqs.at(-1), `viewer ${i} got ${seqs.join(',')}`).toBe(last);
    }
  });

  it('gives a late joiner the current state at once', async () => {
    const late = await open('/viewer', { show: 'fanout' });
    const snap = await emitAck(late, 'overlay:get', undefined);
    expect(snap.ok).toBe(true);
    // The snapshot pushed on connect arrived before the answer and is the same state.
    const pushed = received(late, 'overlay');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toEqual(snap.state);
    expect(snap.state.seq).toBe(3);
    expect(snap.state.featured).toHaveLength(2);
  });

  it('applies a repeated command id once and answers it the same way', async () => {
    const producer = await open('/producer', { token: tokens.producer });
    const viewer = await open('/viewer', { show: 'fanout' });
    await emitAck(viewer, 'overlay:get', undefined);
    const seen = record(viewer, 'overlay');
    const command = { id: 'dup-1', type: 'feature', productId: 'p-lamp', exclusive: false };
    const a = await emitAck(producer, 'command', command);
    const b = await emitAck(producer, 'command', command);
    expect(a).toEqual({ ok: true, seq: 4 });
    expect(b).toEqual(a);
    const conflicting = await emitAck(producer, 'command', { ...command, productId: 'p-mug' });
    expect(conflicting.ok).toBe(false);
    expect(conflicting.error.code).toBe('conflict');
    await sleep(300);
    expect(seen.map((s) => s.seq)).toEqual([4]);
    const snap = await emitAck(viewer, 'overlay:get', undefined);
    expect(snap.state.seq).toBe(4);
    expect(snap.state.featured.map((c: { productId: string }) => c.productId)).toEqual(['p-kettle', 'p-mug', 'p-lamp']);
  });

  it('answers a rejected command with its error and leaves seq alone', async () => {
    const producer = await open('/producer', { token: tokens.producer });
    const ack = await emitAck(producer, 'command', { id: 'bad-prod', type: 'feature', productId: 'nope' });
    expect(ack).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('nope') } });
    const again = await emitAck(producer, 'command', { id: 'bad-prod', type: 'feature', productId: 'nope' });
    expect(again).toEqual(ack);
    expect((await emitAck(producer, 'overlay:get', undefined)).state.seq).toBe(4);
  });

  it('shows a second console who else is connected', async () => {
    const first = await open('/producer', { token: tokens.producer });
    const second = await open('/producer', { token: tokens.producer });
    const seen = await next(first, 'presence', (p: { producers: Array<{ id: string }> }) => p.producers.some((x) => x.id === second.id), 5000).catch(
      () => received(first, 'presence').at(-1),
    );
    expect(seen.showId).toBe('fanout');
    expect(seen.producers.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(seen.producers.every((p: { name: string }) => p.name === 'producer-1')).toBe(true);
    const gone = next(first, 'presence', (p: { producers: Array<{ id: string }> }) => !p.producers.some((x) => x.id === second.id));
    second.close();
    await gone;
  });

  it('sends a cue to the host prompter once, even when re-sent', async () => {
    const host = await open('/host', { token: tokens.host });
    const producer = await open('/producer', { token: tokens.producer });
    const cues = record(host, 'cue');
    expect(await emitAck(producer, 'cue', { id: 'cue-1', text: 'wrap up' })).toEqual({ ok: true });
    expect(await emitAck(producer, 'cue', { id: 'cue-1', text: 'wrap up' })).toEqual({ ok: true });
    await sleep(300);
    expect(cues).toHaveLength(1);
    expect(cues[0]).toMatchObject({ id: 'cue-1', text: 'wrap up', from: 'producer-1' });
  });

  it('gives the host the rundown and the overlay on connect', async () => {
    const host = await open('/host', { token: tokens.host });
    await emitAck(host, 'overlay:get', undefined); // a round trip: everything sent on connect has arrived
    const [items] = received(host, 'rundown');
    expect(items.map((i: { slot: number; product: { id: string } }) => [i.slot, i.product.id])).toEqual([
      [1, 'p-kettle'],
      [2, 'p-mug'],
      [3, 'p-scarf'],
      [4, 'p-lamp'],
    ]);
    expect(received(host, 'overlay')[0].seq).toBe(4);
  });
});
