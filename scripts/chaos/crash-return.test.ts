// Crash and return against real processes: the relay is SIGKILLed mid-show with viewers and a producer on
// it, restarted on the same port and data dir, and every viewer (socket.io's own reconnection, jittered)
// converges on the latest state without ever rendering an older seq; the producer's take made while the
// relay was down is re-sent with the same id and applied once. Then a reconnect storm of every viewer at once.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { api, connect, createShow, emitAck, freshDataDir, received, removeDataDir, startRelay, type RelayProcess } from '../../apps/relay/e2e/support/relay-process.js';
import { freePort } from '../../apps/relay/e2e/support/redis-process.js';
import { killFleets, openFleet, type Fleet } from './lib/fleet.js';
import { figure, LONG, monoMs, pct, SIZES, sleep, waitUntil } from './lib/sizes.js';

type Ack = { ok: true; seq: number } | { ok: false; error: { code: string } };
interface State { seq: number; featured: Array<{ productId: string }> }

const dataDir = freshDataDir();
const relays: RelayProcess[] = [];
const sockets: Socket[] = [];
const fleets: Fleet[] = [];
let port: number;

const start = async (): Promise<RelayProcess> => {
  const relay = await startRelay({ dataDir, env: { CUECART_PORT: String(port) }, timeoutMs: 45_000 });
  relays.push(relay);
  return relay;
};
const alive = (r: RelayProcess) => r.proc.exitCode === null && r.proc.signalCode === null;

afterAll(async () => {
  await Promise.allSettled(fleets.map((f) => f.close()));
  killFleets();
  sockets.forEach((s) => s.close());
  for (const r of relays) if (alive(r)) await r.stop();
  removeDataDir(dataDir);
});

/** A producer socket like the console's: socket.io reconnection with jitter, commands acked with a timeout. */
function producerSocket(url: string, token: string): Promise<Socket> {
  const socket = io(`${url}/producer`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 250, reconnectionDelayMax: 1000, randomizationFactor: 0.5 });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

const command = (socket: Socket, body: Record<string, unknown>, timeoutMs = 5000): Promise<Ack> => socket.timeout(timeoutMs).emitWithAck('command', body) as Promise<Ack>;
const snapshot = async (relay: RelayProcess): Promise<State> => {
  const viewer = await connect(relay, '/viewer', { show: 'chaos' });
  try {
    return (await emitAck(viewer, 'overlay:get', undefined)).state as State;
  } finally {
    viewer.close();
  }
};
/** Peak and current resident memory of a process, from /proc. */
function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

describe(`relay SIGKILL mid-show (${LONG ? 'long' : 'quick'})`, () => {
  let relay: RelayProcess;
  let producerToken: string;
  let finalSeq = 0;

  it(`brings ${SIZES.crashViewers} viewers back to the latest state, never an older seq, and applies the offline take once`, async () => {
    port = await freePort();
    relay = await start();
    producerToken = (await createShow(relay, 'chaos')).producer;
    const producer = await producerSocket(relay.url, producerToken);
    const opening = [
      { id: 'open-1', type: 'status', status: 'live' },
      { id: 'open-2', type: 'feature', productId: 'p-kettle' },
      { id: 'open-3', type: 'banner', text: 'Crash test tonight' },
    ];
    for (const [i, c] of opening.entries()) expect(await command(producer, c)).toEqual({ ok: true, seq: i + 1 });

    const fleet = await openFleet({ url: relay.url, show: 'chaos', count: SIZES.crashViewers, ratePerSec: LONG ? 400 : 500 });
    fleets.push(fleet);
    try {
      expect(await waitUntil(async () => (await fleet.stats()).maxSeq.every((s) => s === 3), 20_000, 250)).toBe(true);

      // Mid-show: a burst of takes is in flight when the relay dies. Whatever was acked must survive; the rest
      // is re-sent with the same ids after the restart, as the console's queue does.
      const burst = ['p-mug', 'p-lamp', 'p-scarf', 'p-kettle', 'p-mug'].map((productId, i) => ({ id: `burst-${i + 1}`, type: 'feature', productId, exclusive: i % 2 === 0 }));
      const offline = { id: 'offline-take', type: 'feature', productId: 'p-lamp', badge: 'BACK' };
      finalSeq = 3 + burst.length + 1;
      fleet.watch(finalSeq);
      const burstAcks = new Map<string, Ack>();
      const down = new Promise<void>((r) => producer.once('disconnect', () => r()));
      const dying = relay;
      // SIGKILL the moment the first ack of the burst arrives: the others are still on the wire or in the relay.
      const inFlight = burst.map((c) =>
        command(producer, c, 1500).then(
          (a) => {
            burstAcks.set(c.id, a);
            if (burstAcks.size === 1) dying.proc.kill('SIGKILL');
          },
          () => undefined,
        ),
      );
      await waitUntil(() => burstAcks.size >= 1, 5000, 5);
      await dying.kill();
      await Promise.race([down, sleep(3000)]);
      await Promise.allSettled(inFlight);

      // The take made while the relay is away: no answer within its timeout.
      await expect(command(producer, offline, 1000)).rejects.toThrow(/timed out/);

      relay = await start();
      const back = monoMs();
      expect(await waitUntil(() => producer.connected, 10_000, 20)).toBe(true);
      const resent = new Map<string, Ack>();
      for (const c of [...burst, offline]) resent.set(c.id, await command(producer, c));
      // Acked before the crash → the same answer now (it was on disk before the ack).
      for (const [id, ack] of burstAcks) expect(resent.get(id), id).toEqual(ack);
      const takeAckedMs = monoMs() - back;
      const offlineAck = resent.get(offline.id)!;
      expect(offlineAck).toEqual({ ok: true, seq: finalSeq });
      // A second re-send of the offline take: answered identically, not applied again.
      expect(await command(producer, offline)).toEqual(offlineAck);

      const converged = await waitUntil(async () => (await fleet.stats()).reachedAt.every((t) => t !== null), LONG ? 30_000 : 10_000, 100);
      const stats = await fleet.stats();
      const times = stats.reachedAt.filter((t): t is number => t !== null).map((t) => Math.max(0, t - back)).sort((a, b) => a - b);
      const lost = stats.reachedAt.filter((t) => t === null).length;
      const state = await snapshot(relay);
      figure('convergence', {
        p50: `${Math.round(pct(times, 0.5))}ms`, p99: `${Math.round(pct(times, 0.99))}ms`, max: `${Math.round(times.at(-1) ?? 0)}ms`,
        viewers: fleet.size, lost, older: stats.older, reconnects: stats.reconnects, acked_before_kill: burstAcks.size, take_acked: `${Math.round(takeAckedMs)}ms`,
      });
      expect(converged).toBe(true);
      expect(stats.older).toBe(0);
      expect(state.seq).toBe(finalSeq);
      expect(stats.maxSeq.every((s) => s === finalSeq)).toBe(true);
      // Every viewer holds exactly the relay's state.
      expect(Object.keys(stats.finals)).toHaveLength(1);
      expect(JSON.parse(Object.keys(stats.finals)[0]!)).toEqual(state);
      expect(state.featured[0]?.productId).toBe('p-lamp');

      // The durable log holds the offline take once.
      const console2 = await connect(relay, '/producer', { token: producerToken });
      sockets.push(console2);
      await waitUntil(() => received(console2, 'activity').length > 0, 5000, 20);
      const log = received<Array<{ commandId: string; seq: number }>>(console2, 'activity')[0]!;
      expect(log.filter((e) => e.commandId === offline.id)).toEqual([expect.objectContaining({ seq: finalSeq })]);
      expect(log.map((e) => e.seq)).toEqual(Array.from({ length: finalSeq }, (_, i) => i + 1));
      // The budget: every viewer on the final state within 2 s of the relay listening again.
      expect(times.at(-1)!).toBeLessThanOrEqual(2000);
    } finally {
      await fleet.close();
    }
  });

  it(`survives a reconnect storm of ${SIZES.stormViewers} viewers: /healthz answers, the process stays up`, async () => {
    expect(relay, 'the first test starts the relay').toBeDefined();
    const fleet = await openFleet({ url: relay.url, show: 'chaos', count: SIZES.stormViewers, ratePerSec: LONG ? 400 : 500, seed: 11 });
    fleets.push(fleet);
    try {
      expect(await waitUntil(async () => (await fleet.stats()).maxSeq.every((s) => s === finalSeq), 30_000, 250)).toBe(true);

      await relay.kill();
      await sleep(300);
      relay = await start();
      const back = monoMs();
      // Every viewer is now retrying on its own jittered schedule: poll /healthz and memory through the storm.
      const health: number[] = [];
      let healthFailed = 0;
      let peakMb = 0;
      let storming = true;
      const poller = (async () => {
        while (storming) {
          const t = monoMs();
          try {
            const res = await fetch(`${relay.url}/healthz`, { signal: AbortSignal.timeout(2000) });
            if (!res.ok || ((await res.json()) as { ok?: unknown }).ok !== true) healthFailed++;
            else health.push(monoMs() - t);
          } catch {
            healthFailed++;
          }
          if (alive(relay)) peakMb = Math.max(peakMb, memory(relay.proc.pid!).rssMb);
          await sleep(100);
        }
      })();
      const reconnected = await waitUntil(async () => (await fleet.stats()).connected === fleet.size, LONG ? 60_000 : 20_000, 100);
      const allBackMs = monoMs() - back;
      // The show goes on: the next take reaches every viewer of the storm.
      fleet.watch(finalSeq + 1);
      const producer = await producerSocket(relay.url, producerToken);
      const fired = monoMs();
      expect(await command(producer, { id: 'after-storm', type: 'clear' })).toEqual({ ok: true, seq: finalSeq + 1 });
      const delivered = await waitUntil(async () => (await fleet.stats()).reachedAt.every((t) => t !== null), 20_000, 100);
      storming = false;
      await poller;
      const stats = await fleet.stats();
      const fanout = stats.reachedAt.filter((t): t is number => t !== null).map((t) => t - fired).sort((a, b) => a - b);
      const mem = memory(relay.proc.pid!);
      health.sort((a, b) => a - b);
      figure('storm', {
        viewers: fleet.size, all_back: `${Math.round(allBackMs)}ms`, healthz_p99: `${Math.round(pct(health, 0.99))}ms`, healthz_max: `${Math.round(health.at(-1) ?? 0)}ms`,
        healthz_failed: healthFailed, storm_rss_mb: Math.max(peakMb, mem.rssMb), peak_rss_mb: mem.peakMb, next_take_p99: `${Math.round(pct(fanout, 0.99))}ms`,
        lost: stats.reachedAt.filter((t) => t === null).length, older: stats.older,
      });
      expect(alive(relay)).toBe(true);
      expect(reconnected).toBe(true);
      expect(delivered).toBe(true);
      expect(healthFailed).toBe(0);
      expect(health.length).toBeGreaterThan(0);
      expect(stats.older).toBe(0);
      expect((await api(relay, 'GET', '/healthz')).body).toMatchObject({ ok: true });
    } finally {
      await fleet.close();
    }
  });
});
