// One process of chaos viewers (forked by fleet.ts): socket.io-client sockets on /viewer that reconnect the
// way the player does (its own backoff, VIEWER_RECONNECT, not socket.io's), each tracking the highest seq it
// has seen so that an older overlay after a crash, a restart or a reconnect is counted.
import { io, type Socket } from 'socket.io-client';
import { createBackoff, VIEWER_RECONNECT } from '../../../apps/player/src/connection/backoff.js';
import { rng } from '../../bench/lib/synthetic.js';
import { monoMs } from './sizes.js';
import type { FromWorker, ToWorker, WorkerStats } from './protocol.js';

if (!process.send) {
  console.error('viewer-worker.ts is forked by scripts/chaos/lib/fleet.ts, not run by hand');
  process.exit(2);
}
const send = (msg: FromWorker): void => void process.send!(msg);

interface Viewer {
  socket: Socket;
  maxSeq: number;
  reachedAt: number | null;
  last: string;
  everConnected: boolean;
}

const viewers: Viewer[] = [];
let watchedSeq = Infinity;
let older = 0;
let overlays = 0;
let reconnects = 0;
let connectErrors = 0;
let closing = false;


function onOverlay(v: Viewer, state: unknown): void {
  const seq = (state as { seq?: unknown } | null)?.seq;
  if (typeof seq !== 'number') return;
  overlays++;
  if (seq < v.maxSeq) {
    older++;
    return;
  }
  v.maxSeq = seq;
  v.last = JSON.stringify(state);
  if (v.reachedAt === null && seq >= watchedSeq) v.reachedAt = monoMs();
}

function open(url: string, show: string, rand: () => number): Viewer {
  const socket = io(`${url}/viewer`, {
    auth: { show },
    transports: ['websocket'],
    forceNew: true, // one connection per viewer, as in browsers
    // As apps/player/src/connection/viewer-connection.ts: socket.io's reconnection off, the player's policy on.
    reconnection: false,
    timeout: 10_000,
  });
  const backoff = createBackoff({ ...VIEWER_RECONNECT, random: rand });
  const v: Viewer = { socket, maxSeq: -1, reachedAt: null, last: '', everConnected: false };
  let retry: ReturnType<typeof setTimeout> | undefined;
  const reconnectLater = () => {
    if (closing || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (!closing && !socket.connected) socket.connect();
    }, backoff.next());
  };
  socket.on('overlay', (state: unknown) => onOverlay(v, state));
  socket.on('connect', () => {
    backoff.reset();
    if (v.everConnected) reconnects++;
    v.everConnected = true;
  });
  socket.on('connect_error', () => {
    connectErrors++;
    reconnectLater();
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') reconnectLater();
  });
  return v;
}

async function openAll(msg: Extract<ToWorker, { type: 'open' }>): Promise<void> {
  const rand = rng(msg.seed);
  const batch = Math.max(1, Math.round(msg.ratePerSec / 20));
  for (let i = 0; i < msg.count; i += batch) {
    for (let j = i; j < Math.min(msg.count, i + batch); j++) viewers.push(open(msg.url, msg.show, rand));
    await new Promise((r) => setTimeout(r, 50));
  }
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && viewers.some((v) => !v.everConnected)) await new Promise((r) => setTimeout(r, 100));
  const connected = viewers.filter((v) => v.everConnected).length;
  send({ type: 'opened', connected, failed: viewers.length - connected });
}

function stats(): WorkerStats {
  const finals: Record<string, number> = {};
  for (const v of viewers) finals[v.last] = (finals[v.last] ?? 0) + 1;
  return {
    maxSeq: viewers.map((v) => v.maxSeq),
    reachedAt: viewers.map((v) => v.reachedAt),
    older,
    overlays,
    connected: viewers.filter((v) => v.socket.connected).length,
    reconnects,
    connectErrors,
    cpuMs: (() => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    })(),
    finals,
  };
}

process.on('message', (msg: ToWorker) => {
  switch (msg.type) {
    case 'open':
      void openAll(msg);
      return;
    case 'watch':
      watchedSeq = msg.seq;
      for (const v of viewers) if (v.reachedAt === null && v.maxSeq >= msg.seq) v.reachedAt = monoMs();
      return;
    case 'stats':
      send({ type: 'stats', stats: stats() });
      return;
    case 'close':
      closing = true;
      for (const v of viewers) v.socket.close();
      send({ type: 'closed' });
      setTimeout(() => process.exit(0), 50);
      return;
  }
});
// The test that forked us is gone: do not linger.
process.on('disconnect', () => process.exit(0));
