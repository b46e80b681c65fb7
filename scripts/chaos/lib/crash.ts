// The crash-and-return scenario, shared by the one-relay and the cluster runs of crash-return.test.ts:
// a producer on the relay that dies has a burst of takes in flight when it is SIGKILLed and makes one more
// take while it is away; the relay comes back on the same port and data dir; the console's queue re-sends
// everything with the same ids; every viewer of the show (on that relay or on others) converges on the
// final state, never holding an older seq.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connect, emitAck, received, type RelayProcess } from '@cuecart/testkit/relay';
import type { Fleet } from './fleet.js';
import { mergeStats, type WorkerStats } from './protocol.js';
import { figure, monoMs, pct, sleep, waitUntil } from './sizes.js';

export type Ack = { ok: true; seq: number } | { ok: false; error: { code: string } };
export interface State { seq: number; featured: Array<{ productId: string }> }

export const command = (socket: Socket, body: Record<string, unknown>, timeoutMs = 5000): Promise<Ack> =>
  socket.timeout(timeoutMs).emitWithAck('command', body) as Promise<Ack>;

/** The show's state, read by a fresh viewer of `relay`. */
export async function snapshot(relay: RelayProcess, show: string): Promise<State> {
  const viewer = await connect(relay, '/viewer', { show });
  try {
    return (await emitAck(viewer, 'overlay:get', undefined)).state as State;
  } finally {
    viewer.close();
  }
}

/** Peak and current resident memory of a process, from /proc. */
export function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/** The show opens with 3 commands, so every later seq is known. */
export const OPENING = [
  { id: 'open-1', type: 'status', status: 'live' },
  { id: 'open-2', type: 'feature', productId: 'p-kettle' },
  { id: 'open-3', type: 'banner', text: 'Crash test tonight' },
] as const;
const BURST = ['p-mug', 'p-lamp', 'p-scarf', 'p-kettle', 'p-mug'].map((productId, i) => ({ id: `burst-${i + 1}`, type: 'feature', productId, exclusive: i % 2 === 0 }));
const OFFLINE = { id: 'offline-take', type: 'feature', productId: 'p-lamp', badge: 'BACK' };
export const FINAL_SEQ = OPENING.length + BURST.length + 1;

export async function mergedStats(fleets: readonly Fleet[]): Promise<WorkerStats> {
  return mergeStats(await Promise.all(fleets.map((f) => f.stats())));
}

/** A process's CPU so far (utime + stime from /proc), ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface CrashRun {
  /** The relay to kill; the producer is connected to it. */
  relay: RelayProcess;
  /** Starts it again on the same port and data dir. */
  restart(): Promise<RelayProcess>;
  producer: Socket;
  producerToken: string;
  show: string;
  /** Every viewer of the show, on any relay, already holding seq OPENING.length. */
  fleets: readonly Fleet[];
  /** Where the producer's second console connects to read the log (an open socket is closed by the caller). */
  sockets: Socket[];
  /** The figure's name in BENCHMARKS.md / run-long.ts. */
  name: string;
  budgetMs: number;
  timeoutMs: number;
}

/** Runs the crash; resolves with the relay that came back (also handed out by `restart`). */
export async function crashAndReturn(run: CrashRun): Promise<RelayProcess> {
  const { producer, fleets, show } = run;
  const viewers = fleets.reduce((n, f) => n + f.size, 0);
  fleets.forEach((f) => f.watch(FINAL_SEQ));

  // Mid-show: a burst of takes is in flight when the relay dies. Whatever was acked must survive; the rest
  // is re-sent with the same ids after the restart, as the console's queue does.
  const burstAcks = new Map<string, Ack>();
  const down = new Promise<void>((r) => producer.once('disconnect', () => r()));
  const dying = run.relay;
  // SIGKILL the moment the first ack of the burst arrives: the others are still on the wire or in the relay.
  const inFlight = BURST.map((c) =>
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
  await expect(command(producer, OFFLINE, 1000)).rejects.toThrow(/timed out/);

  const relay = await run.restart();
  const back = monoMs();
  // What the machine spends on the return: the relay and the viewer processes, from here to convergence.
  const relayCpu0 = cpuMs(relay.proc.pid!);
  const viewersCpu0 = mergedStats(fleets).then((s) => s.cpuMs);
  expect(await waitUntil(() => producer.connected, 10_000, 5)).toBe(true);
  const producerBackMs = monoMs() - back;
  // The console flushes its whole queue at once (commands-store.ts); one socket keeps them in order.
  const queued = [...BURST, OFFLINE];
  const answers = await Promise.all(queued.map((c) => command(producer, c)));
  const resent = new Map(queued.map((c, i) => [c.id, answers[i]!]));
  // Acked before the crash → the same answer now (it was durable before the ack).
  for (const [id, ack] of burstAcks) expect(resent.get(id), id).toEqual(ack);
  const takeAckedMs = monoMs() - back;
  const offlineAck = resent.get(OFFLINE.id)!;
  expect(offlineAck).toEqual({ ok: true, seq: FINAL_SEQ });
  // A second re-send of the offline take: answered identically, not applied again.
  expect(await command(producer, OFFLINE)).toEqual(offlineAck);

  const converged = await waitUntil(async () => (await mergedStats(fleets)).reachedAt.every((t) => t !== null), run.timeoutMs, 100);
  const stats = await mergedStats(fleets);
  const spentMs = monoMs() - back;
  const relayCpu = cpuMs(relay.proc.pid!) - relayCpu0;
  const viewersCpu = stats.cpuMs - (await viewersCpu0);
  const times = stats.reachedAt.filter((t): t is number => t !== null).map((t) => Math.max(0, t - back)).sort((a, b) => a - b);
  const lost = stats.reachedAt.filter((t) => t === null).length;
  const state = await snapshot(relay, show);
  figure(run.name, {
    p50: `${Math.round(pct(times, 0.5))}ms`, p99: `${Math.round(pct(times, 0.99))}ms`, max: `${Math.round(times.at(-1) ?? 0)}ms`,
    viewers, lost, older: stats.older, reconnects: stats.reconnects, acked_before_kill: burstAcks.size, producer_back: `${Math.round(producerBackMs)}ms`, take_acked: `${Math.round(takeAckedMs)}ms`,
    // CPU from the return until the last viewer had it (±100 ms of polling), and the cores that makes busy.
    relay_cpu: `${Math.round(relayCpu)}ms`, viewers_cpu: `${Math.round(viewersCpu)}ms`, cores_busy: ((relayCpu + viewersCpu) / spentMs).toFixed(2),
  });
  expect(converged).toBe(true);
  expect(stats.older).toBe(0);
  expect(state.seq).toBe(FINAL_SEQ);
  expect(stats.maxSeq.every((s) => s === FINAL_SEQ)).toBe(true);
  // Every viewer holds exactly the relay's state.
  expect(Object.keys(stats.finals)).toHaveLength(1);
  expect(JSON.parse(Object.keys(stats.finals)[0]!)).toEqual(state);
  expect(state.featured[0]?.productId).toBe('p-lamp');

  // The durable log holds the offline take once.
  const console2 = await connect(relay, '/producer', { token: run.producerToken });
  run.sockets.push(console2);
  await waitUntil(() => received(console2, 'activity').length > 0, 5000, 20);
  const log = received<Array<{ commandId: string; seq: number }>>(console2, 'activity')[0]!;
  expect(log.filter((e) => e.commandId === OFFLINE.id)).toEqual([expect.objectContaining({ seq: FINAL_SEQ })]);
  expect(log.map((e) => e.seq)).toEqual(Array.from({ length: FINAL_SEQ }, (_, i) => i + 1));
  // The budget: every viewer on the final state within it, counted from the relay listening again.
  expect(times.at(-1)!).toBeLessThanOrEqual(run.budgetMs);
  return relay;
}
