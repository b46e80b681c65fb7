// One viewer-load process of the fan-out bench (forked by run.ts with an IPC channel). It opens `count`
// socket.io-client connections (websocket transport, one engine.io connection each) to a `/viewer` namespace,
// ramping up at `ratePerSec`, and notes, per socket, the time every `overlay` with a new `seq` arrived.
// Times are CLOCK_MONOTONIC (`process.hrtime`), which every process on the machine shares, so they can be
// subtracted from the producer's fire times taken in another process.
import { io, type Socket } from 'socket.io-client';
import { monoMs, type FromWorker, type ToWorker, type WorkerResult } from './protocol.js';

if (!process.send) {
  console.error('viewer-worker.ts is started by scripts/bench/fanout/run.ts (child_process.fork), not by hand');
  process.exit(2);
}
const send = (msg: FromWorker): void => {
  process.send!(msg);
};

interface Viewer {
  socket: Socket;
  lastSeq: number;
  connected: boolean;
}

const viewers: Viewer[] = [];
/** seq → receive times (ms, monotonic) of every socket that saw it. */
const received = new Map<number, number[]>();
let totalReceived = 0;
let duplicates = 0;
let disconnects = 0;
let connectFailures = 0;
let retries = 0;
const errors: Record<string, number> = {};
let stopping = false;

function onOverlay(v: Viewer, state: unknown): void {
  const at = monoMs();
  const seq = (state as { seq?: unknown } | null)?.seq;
  if (typeof seq !== 'number') return;
  if (seq <= v.lastSeq) {
    duplicates++;
    return;
  }
  v.lastSeq = seq;
  let times = received.get(seq);
  if (!times) received.set(seq, (times = []));
  times.push(at);
  totalReceived++;
}

/** Opens one viewer; resolves true once connected, false after `attempts` failed tries. */
function open(url: string, show: string, attempts: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = io(url, {
      transports: ['websocket'],
      auth: { show },
      forceNew: true, // one engine.io (TCP) connection per viewer, as in browsers: never multiplexed
      reconnection: false, // a dropped viewer stays dropped, so a loss shows up as a loss
      timeout: 20_000,
    });
    const v: Viewer = { socket, lastSeq: -1, connected: false };
    socket.on('overlay', (state: unknown) => onOverlay(v, state));
    socket.once('connect', () => {
      v.connected = true;
      viewers.push(v);
      socket.on('disconnect', () => {
        if (!stopping) disconnects++;
      });
      resolve(true);
    });
    socket.once('connect_error', (err: Error & { description?: unknown }) => {
      const key = `${err.message}${err.description instanceof Error ? `: ${err.description.message}` : ''}`.slice(0, 120);
      errors[key] = (errors[key] ?? 0) + 1;
      socket.close();
      if (attempts > 1 && !stopping) {
        retries++;
        setTimeout(() => void open(url, show, attempts - 1).then(resolve), 1000);
      } else {
        connectFailures++;
        resolve(false);
      }
    });
  });
}

async function start(msg: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const t0 = monoMs();
  const tickMs = 20;
  const perTick = Math.max(1, Math.round((msg.ratePerSec * tickMs) / 1000));
  const pending: Array<Promise<boolean>> = [];
  let inFlight = 0;
  let opened = 0;
  let lastReport = t0;
  while (opened < msg.count && !stopping) {
    // Never more than a few hundred handshakes in flight per process: a slow server gets time to catch up.
    const n = Math.min(perTick, msg.count - opened, Math.max(0, msg.maxInFlight - inFlight));
    for (let i = 0; i < n; i++) {
      inFlight++;
      pending.push(
        open(msg.url, msg.show, 3).then((ok) => {
          inFlight--;
          return ok;
        }),
      );
    }
    opened += n;
    if (monoMs() - lastReport > 1000) {
      lastReport = monoMs();
      send({ type: 'progress', connected: viewers.length, failed: connectFailures });
    }
    await new Promise((r) => setTimeout(r, tickMs));
  }
  await Promise.all(pending);
  send({ type: 'connected', connected: viewers.length, failed: connectFailures, retries, ms: monoMs() - t0, errors });
}

function collect(fires: Array<[number, number]>): WorkerResult {
  const latencies: number[] = [];
  let got = 0;
  for (const [seq, firedAt] of fires) {
    const times = received.get(seq) ?? [];
    got += times.length;
    // µs resolution is plenty and keeps the IPC message small.
    for (const t of times) latencies.push(Math.round((t - firedAt) * 1000) / 1000);
  }
  return {
    connected: viewers.length,
    stillConnected: viewers.filter((v) => v.socket.connected).length,
    received: got,
    duplicates,
    disconnects,
    connectFailures,
    latencies,
  };
}

function closeAll(): void {
  stopping = true;
  for (const v of viewers) v.socket.close();
}

process.on('message', (msg: ToWorker) => {
  switch (msg.type) {
    case 'start':
      void start(msg);
      break;
    case 'count':
      send({ type: 'count', received: totalReceived, connected: viewers.filter((v) => v.socket.connected).length });
      break;
    case 'collect':
      send({ type: 'result', result: collect(msg.fires) });
      break;
    case 'close':
      closeAll();
      // Give the close frames a moment, then leave; the parent also kills us if we linger.
      setTimeout(() => process.exit(0), 300).unref();
      break;
  }
});

// The parent went away (crash, Ctrl-C): nothing left to report to.
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});

send({ type: 'ready' });
