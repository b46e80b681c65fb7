// Redis faults in cluster mode against real processes: two relays on a private redis-server (AOF, fsync
// always); commands go to both while redis-server is SIGKILLed and started again on the same port and dir.
// No acknowledged command is lost, both relays recover by themselves (a retried command with the same id
// succeeds within seconds) and the viewers of both relays converge on one final state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connect, createShow, emitAck, received, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';
import { removeRedisDir, startRedis, type RedisProcess } from '@cuecart/testkit/redis';
import { killFleets, openFleet, type Fleet } from './lib/fleet.js';
import { producerSocket as openProducer } from './lib/producer.js';
import { figure, LONG, monoMs, pct, SIZES, sleep, waitUntil } from './lib/sizes.js';

type Ack = { ok: true; seq: number } | { ok: false; error: { code: string; message: string } };
interface State { seq: number }

let redis: RedisProcess;
const relays: RelayProcess[] = [];
const sockets: Socket[] = [];
const fleets: Fleet[] = [];
const producerSocket = (url: string, token: string) => openProducer(url, token, sockets);

beforeAll(async () => {
  redis = await startRedis();
  const env = { CUECART_REDIS_URL: redis.url, CUECART_SECRET: 'chaos-cluster-secret-0123456789abcdef0123' };
  relays.push(await startRelay({ env }), await startRelay({ env }));
});

afterAll(async () => {
  await Promise.allSettled(fleets.map((f) => f.close()));
  killFleets();
  sockets.forEach((s) => s.close());
  for (const r of relays) {
    if (r.proc.exitCode === null && r.proc.signalCode === null) await r.stop();
    removeDataDir(r.dataDir);
  }
  if (redis?.proc.exitCode === null && redis.proc.signalCode === null) await redis.stop();
  if (redis) removeRedisDir(redis);
});

const acked = new Map<string, number>();
let tries = 0;
let retried = 0;

/**
 * Sends a command until it is answered ok, re-sending the SAME id after a timeout or a transient refusal
 * (as the console's queue does); resolves with the time it took. Every command here is valid, so only
 * `ok: true` ends it.
 */
async function send(producer: Socket, body: Record<string, unknown>, deadlineMs = 20_000): Promise<number> {
  const t0 = monoMs();
  let last = '';
  for (let attempt = 0; monoMs() - t0 < deadlineMs; attempt++) {
    tries++;
    if (attempt) retried++;
    try {
      const ack = (await producer.timeout(1500).emitWithAck('command', body)) as Ack;
      if (ack.ok) {
        const before = acked.get(body.id as string);
        if (before !== undefined && before !== ack.seq) throw new Error(`command ${String(body.id)} answered seq ${ack.seq} after ${before}`);
        acked.set(body.id as string, ack.seq);
        return monoMs() - t0;
      }
      last = JSON.stringify(ack.error);
      if (!['internal', 'conflict'].includes(ack.error.code)) throw new Error(`command ${String(body.id)} refused: ${last}`);
    } catch (err) {
      if (!/timed out/.test((err as Error).message)) throw err;
      last = 'timed out';
    }
    await sleep(200);
  }
  throw new Error(`command ${String(body.id)} not accepted within ${deadlineMs} ms (last: ${last})`);
}

const PRODUCTS = ['p-kettle', 'p-mug', 'p-lamp', 'p-scarf'];
let n = 0;
const nextCommand = (): Record<string, unknown> => {
  n++;
  return n % 3 === 0 ? { id: `cmd-${n}`, type: 'banner', text: `Banner ${n}` } : { id: `cmd-${n}`, type: 'feature', productId: PRODUCTS[n % 4], badge: `#${n}`, exclusive: n % 2 === 0 };
};

describe(`redis-server restarts under two relays (${LONG ? 'long' : 'quick'})`, () => {
  it(`loses no acked command, recovers by itself and converges both relays' viewers (${SIZES.redisRestarts} restart(s))`, async () => {
    const [a, b] = relays as [RelayProcess, RelayProcess];
    const tokens = await createShow(a, 'faults');
    const producers = [await producerSocket(a.url, tokens.producer), await producerSocket(b.url, tokens.producer)] as const;
    const fleetA = await openFleet({ url: a.url, show: 'faults', count: SIZES.redisViewersPerRelay, seed: 21 });
    fleets.push(fleetA);
    const fleetB = await openFleet({ url: b.url, show: 'faults', count: SIZES.redisViewersPerRelay, seed: 22 });
    fleets.push(fleetB);
    const recovery: number[] = [];

    for (let round = 0; round < SIZES.redisRestarts; round++) {
      for (let i = 0; i < SIZES.commandsPerPhase; i++) await send(producers[i % 2]!, nextCommand());
      // Commands on both relays are on the wire when redis-server dies, and more come while it is down.
      const during = [send(producers[0], nextCommand()), send(producers[1], nextCommand())];
      await redis.kill();
      during.push(send(producers[0], nextCommand()), send(producers[1], nextCommand()));
      await sleep(LONG ? 2000 : 800);
      redis = await startRedis({ port: redis.port, dir: redis.dir });
      const back = monoMs();
      // Each relay takes a new command by itself (retried with the same id while it reconnects).
      const recoveries = producers.map(async (p) => {
        await send(p, nextCommand());
        return monoMs() - back;
      });
      recovery.push(...(await Promise.all(recoveries)));
      await Promise.all(during);
    }
    for (let i = 0; i < SIZES.commandsPerPhase; i++) await send(producers[i % 2]!, nextCommand());

    // Acked seqs are exactly 1..N, once each: nothing lost, nothing applied twice.
    const seqs = [...acked.values()].sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: acked.size }, (_, i) => i + 1));
    const finalSeq = acked.size;

    const snapshot = async (relay: RelayProcess): Promise<State> => {
      const v = await connect(relay, '/viewer', { show: 'faults' });
      sockets.push(v);
      return (await emitAck(v, 'overlay:get', undefined)).state as State;
    };
    expect(await waitUntil(async () => (await snapshot(a)).seq === finalSeq && (await snapshot(b)).seq === finalSeq, 10_000, 200)).toBe(true);
    const stateA = await snapshot(a);
    expect(await snapshot(b)).toEqual(stateA);

    // Every acked command is in the durable log with the seq its ack named.
    const console2 = await connect(b, '/producer', { token: tokens.producer });
    sockets.push(console2);
    await waitUntil(() => received(console2, 'activity').length > 0, 5000, 20);
    const log = received<Array<{ commandId: string; seq: number }>>(console2, 'activity')[0]!;
    const logged = new Map(log.map((e) => [e.commandId, e.seq]));
    const lost = [...acked].filter(([id, seq]) => logged.get(id) !== seq && seq > finalSeq - log.length);
    expect(lost).toEqual([]);

    // Viewers of both relays converge on the same final state.
    const converged = await waitUntil(async () => {
      const [sa, sb] = await Promise.all([fleetA.stats(), fleetB.stats()]);
      return [...sa.maxSeq, ...sb.maxSeq].every((s) => s === finalSeq);
    }, 10_000, 200);
    const [sa, sb] = await Promise.all([fleetA.stats(), fleetB.stats()]);
    const finals = new Set([...Object.keys(sa.finals), ...Object.keys(sb.finals)]);
    recovery.sort((x, y) => x - y);
    figure('redis', {
      restarts: SIZES.redisRestarts, acked: acked.size, lost: lost.length, tries, retried,
      recovery_p50: `${Math.round(pct(recovery, 0.5))}ms`, recovery_max: `${Math.round(recovery.at(-1) ?? 0)}ms`,
      viewers: fleetA.size + fleetB.size, older: sa.older + sb.older, not_converged: [...sa.maxSeq, ...sb.maxSeq].filter((s) => s !== finalSeq).length,
    });
    expect(converged).toBe(true);
    expect(finals.size).toBe(1);
    expect(JSON.parse([...finals][0]!)).toEqual(stateA);
    expect(sa.older + sb.older).toBe(0);
    expect(recovery.at(-1)!).toBeLessThan(10_000);
  });
});
