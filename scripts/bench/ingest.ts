// Analytics ingest under fan-out: how many beacon events per second one relay takes while it fans cards out to
// 1,000 viewers, and the card fire → viewer p99 with and without that load. The viewers and the producer run in
// this process; the beacon load in a child process (so its work does not delay the measured deliveries), posting
// batches of 100 events (views, heartbeats, impressions, clicks; fresh event ids) with 16 requests in flight.
// Writes the `## Analytics ingest` section of BENCHMARKS.md.
//
// Usage: npx tsx scripts/bench/ingest.ts [--viewers 1000] [--cards 30] [--seconds 10] [--inflight 16] [--rate 20000] [--no-write]
//   Two loaded runs: as many events as the relay takes, and paced at --rate events/s (the target).
// Needs the relay built (npm run build).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { api, createShow, removeDataDir, startRelay } from '@cuecart/testkit/relay';
import { intArg } from './lib/args.js';
import { writeSection } from './lib/report.js';
import { machine, pct } from './lib/synthetic.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number): number => intArg(argv, name, fallback);

// ------------------------------------------------------------------------------------------- load worker

if (argv[0] === '--load-worker') {
  const [relay, show, seconds, inflight, rate] = [argv[1]!, argv[2]!, Number(argv[3]), Number(argv[4]), Number(argv[5])];
  let sent = 0;
  let accepted = 0;
  let failed = 0;
  let n = 0;
  const types = ['heartbeat', 'heartbeat', 'heartbeat', 'impression', 'click', 'view'] as const;
  const batch = () =>
    Array.from({ length: 100 }, () => {
      const i = ++n;
      const type = types[i % types.length]!;
      const base = { eventId: `ld.${process.pid}.${i}`, type, showId: show, sessionId: `load-${i % 5000}`, mode: 'live' };
      return type === 'impression' || type === 'click' ? { ...base, productId: 'p-kettle', cardId: `card-${i % 7}` } : { ...base, mediaMs: (i % 300) * 1000 };
    });
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  // Paced: batch k starts no earlier than k × 100 / rate s after the start (0 = as fast as the relay takes them).
  let k = 0;
  const lane = async () => {
    while (Date.now() < until) {
      if (rate > 0) {
        const due = started + ((k++ * 100) / rate) * 1000;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        if (Date.now() >= until) break;
      }
      const res = await fetch(`${relay}/api/track`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events: batch() }) }).catch(() => null);
      sent += 100;
      if (res?.status === 202) accepted += ((await res.json()) as { accepted: number }).accepted;
      else failed += 100;
    }
  };
  await Promise.all(Array.from({ length: inflight }, lane));
  process.send?.({ sent, accepted, failed, seconds: (Date.now() - started) / 1000 });
  process.exit(0);
}

// ----------------------------------------------------------------------------------------------- measure

const VIEWERS = arg('--viewers', 1000);
const CARDS = arg('--cards', 30);
const SECONDS = arg('--seconds', 10);
const INFLIGHT = arg('--inflight', 16);
const RATE = arg('--rate', 20_000);

const relay = await startRelay({ env: { CUECART_RATE_LIMITS: 'off', CUECART_LOG_LEVEL: 'warn' } });
const tokens = await createShow(relay, 'ingest');
const viewers: Socket[] = [];
const received = new Map<number, number[]>();
for (let i = 0; i < VIEWERS; i++) {
  const s = io(`${relay.url}/viewer`, { auth: { show: 'ingest' }, transports: ['websocket'], reconnection: false, forceNew: true });
  s.on('overlay', (state: { seq: number }) => {
    const at = performance.now();
    (received.get(state.seq) ?? received.set(state.seq, []).get(state.seq)!).push(at);
  });
  viewers.push(s);
}
await Promise.all(viewers.map((s) => (s.connected ? undefined : new Promise<void>((r) => s.once('connect', () => r())))));
const producer = io(`${relay.url}/producer`, { auth: { token: tokens.producer }, transports: ['websocket'], forceNew: true });
await new Promise<void>((r) => producer.once('connect', () => r()));
const fire = (id: string, productId: string) =>
  new Promise<{ seq: number; at: number }>((resolve) => {
    const at = performance.now();
    producer.emit('command', { id, type: 'feature', productId }, (ack: { ok: boolean; seq: number }) => resolve({ seq: ack.seq, at }));
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fires `CARDS` cards 250 ms apart; answers every viewer's fire → delivery latency and how many never arrived. */
async function round(label: string): Promise<{ p50: number; p99: number; max: number; lost: number }> {
  const fires: { seq: number; at: number }[] = [];
  for (let i = 0; i < CARDS; i++) {
    fires.push(await fire(`${label}-${i}`, i % 2 ? 'p-kettle' : 'p-mug'));
    await sleep(250);
  }
  await sleep(1000);
  const latencies: number[] = [];
  let lost = 0;
  for (const f of fires) {
    const got = received.get(f.seq) ?? [];
    lost += VIEWERS - got.length;
    for (const t of got) latencies.push(t - f.at);
  }
  latencies.sort((a, b) => a - b);
  return { p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), max: latencies.at(-1) ?? 0, lost };
}

await round('warm');
const idle = await round('idle');

/** A round of fires while the load worker posts beacons (`rate` events/s, or 0 for as many as the relay takes). */
async function underLoad(label: string, rate: number) {
  const worker = fork(fileURLToPath(import.meta.url), ['--load-worker', relay.url, 'ingest', String(SECONDS), String(INFLIGHT), String(rate)], { execArgv: ['--import', 'tsx'] });
  const done = new Promise<{ sent: number; accepted: number; failed: number; seconds: number }>((resolve) => worker.once('message', (m) => resolve(m as never)));
  await sleep(1000);
  const fan = await round(label);
  const load = await done;
  return { ...fan, load, eventsPerSecond: Math.round(load.accepted / load.seconds), ratio: fan.p99 / Math.max(1, idle.p99) };
}
const max = await underLoad('max', 0);
const paced = await underLoad('paced', RATE);

// The figures the load produced are in the report: a check that the events were really counted.
const report = await api(relay, 'GET', '/api/shows/ingest/analytics', undefined, tokens.producer);

for (const s of viewers) s.close();
producer.close();
await relay.stop();
removeDataDir(relay.dataDir);

const m = machine();
const fmt = (n: number) => n.toFixed(1);
const section = `## Analytics ingest

Command: \`npm run build && npm run bench:ingest\` (\`npx tsx scripts/bench/ingest.ts --viewers ${VIEWERS} --cards ${CARDS} --seconds ${SECONDS} --inflight ${INFLIGHT}\`), run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
Machine: ${m.line} The relay, the ${VIEWERS} viewers and the producer (one process) and the beacon load (another) share the machine.

One relay (SQLite, rate limits off) fans ${CARDS} cards, 250 ms apart, out to ${VIEWERS} viewers, first alone, then while a second process posts batches of 100 beacon events (views, heartbeats, impressions, clicks, each with a fresh event id) with ${INFLIGHT} requests in flight for ${SECONDS} s.

| | events/s taken | fire → viewer p50 | p99 | max | deliveries lost |
| --- | --- | --- | --- | --- | --- |
| no beacon load | – | ${fmt(idle.p50)} ms | ${fmt(idle.p99)} ms | ${fmt(idle.max)} ms | ${idle.lost} |
| as many beacons as it takes | **${max.eventsPerSecond.toLocaleString('en-US')}** (${max.load.accepted.toLocaleString('en-US')} in ${fmt(max.load.seconds)} s, ${max.load.failed} refused) | ${fmt(max.p50)} ms | ${fmt(max.p99)} ms (${max.ratio.toFixed(2)}×) | ${fmt(max.max)} ms | ${max.lost} |
| beacons paced at ${RATE.toLocaleString('en-US')}/s | ${paced.eventsPerSecond.toLocaleString('en-US')} (${paced.load.failed} refused) | ${fmt(paced.p50)} ms | ${fmt(paced.p99)} ms (**${paced.ratio.toFixed(2)}×**) | ${fmt(paced.max)} ms | ${paced.lost} |

Targets: at least 20,000 events/s (taken: ${max.eventsPerSecond >= 20_000 ? 'yes' : 'no'}), and the fan-out p99 under that load within 1.2× of the run without (paced run: ${paced.ratio <= 1.2 ? 'yes' : 'no'}, ${paced.ratio.toFixed(2)}×). The report afterwards counted ${report.body.viewers} viewers and ${report.body.impressions} impressions from the load.
`;
console.log(section);
if (!argv.includes('--no-write')) writeSection(section);
