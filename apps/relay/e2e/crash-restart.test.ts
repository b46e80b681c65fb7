// Durability: an acknowledged command survives SIGKILL; a restart rebuilds state, seq and answers from the log.
import { afterAll, describe, expect, it } from 'vitest';
import { api, connect, createShow, emitAck, freshDataDir, removeDataDir, startRelay } from '@cuecart/testkit/relay';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDataDir));

describe('crash and restart', () => {
  it('after SIGKILL right after an ack, the restarted relay has the same state and seq and answers repeats the same', async () => {
    const dataDir = freshDataDir();
    dirs.push(dataDir);
    const first = await startRelay({ dataDir });
    const tokens = await createShow(first, 'durable');
    const producer = await connect(first, '/producer', { token: tokens.producer });
    const acks = [];
    acks.push(await emitAck(producer, 'command', { id: 'd-1', type: 'status', status: 'live' }));
    acks.push(await emitAck(producer, 'command', { id: 'd-2', type: 'feature', productId: 'p-kettle', mediaMs: 61_000, badge: 'HOT' }));
    acks.push(await emitAck(producer, 'command', { id: 'd-3', type: 'feature', productId: 'p-scarf', exclusive: false }));
    acks.push(await emitAck(producer, 'command', { id: 'd-4', type: 'feature', productId: 'missing' }));
    const lastAck = await emitAck(producer, 'command', { id: 'd-5', type: 'banner', text: 'Two for one' });
    const before = (await emitAck(producer, 'overlay:get', undefined)).state;
    // Nothing between the ack and the kill: the command must already be on disk.
    await first.kill();
    producer.close();

    const second = await startRelay({ dataDir });
    try {
      const viewer = await connect(second, '/viewer', { show: 'durable' });
      const after = (await emitAck(viewer, 'overlay:get', undefined)).state;
      expect(after).toEqual(before);
      expect(after.seq).toBe(4);
      expect(after.status).toBe('live');

      // The token signed before the crash still works: the generated secret was kept in the data dir.
      const again = await connect(second, '/producer', { token: tokens.producer });
      expect(await emitAck(again, 'command', { id: 'd-5', type: 'banner', text: 'Two for one' })).toEqual(lastAck);
      expect(await emitAck(again, 'command', { id: 'd-2', type: 'feature', productId: 'p-kettle', mediaMs: 61_000, badge: 'HOT' })).toEqual(acks[1]);
      expect(await emitAck(again, 'command', { id: 'd-4', type: 'feature', productId: 'missing' })).toEqual(acks[3]);
      expect((await emitAck(again, 'overlay:get', undefined)).state.seq).toBe(4);
      expect(await emitAck(again, 'command', { id: 'd-6', type: 'clear' })).toEqual({ ok: true, seq: 5 });
      const show = await api(second, 'GET', '/api/shows/durable');
      expect(show.body).toMatchObject({ id: 'durable', status: 'live', rundown: ['p-kettle', 'p-mug', 'p-scarf', 'p-lamp'] });
      viewer.close();
      again.close();
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('closes cleanly on SIGTERM and refuses a second relay on the same data dir', async () => {
    const dataDir = freshDataDir();
    dirs.push(dataDir);
    const relay = await startRelay({ dataDir });
    const viewer = await connect(relay, '/viewer', { show: 'nope' }).catch((e: { data?: { code: string } }) => e.data);
    expect(viewer).toMatchObject({ code: 'not_found' });
    await expect(startRelay({ dataDir })).rejects.toThrow(/in use by another relay/);
    expect(await relay.stop()).toBe(0);
    const back = await startRelay({ dataDir });
    expect(await back.stop()).toBe(0);
  });
});
