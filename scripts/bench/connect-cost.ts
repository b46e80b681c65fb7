// What one viewer handshake costs the relay: a freshly started relay (as after a crash) takes N viewers,
// they leave, and the same N come again twice more (the same process, now warm). Relay CPU (utime+stime
// from /proc) per connection, per round. This is the figure that bounds how many viewers one relay process
// takes back within the 2 s crash-and-return budget (BENCHMARKS.md "Chaos").
// Usage: npm run build && npx tsx scripts/bench/connect-cost.ts [--viewers 5000] [--rounds 3] [--no-write]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createShow, freshDataDir, removeDataDir, startRelay } from '@cuecart/testkit/relay';
import { removeRedisDir, startRedis } from '@cuecart/testkit/redis';
import { openFleet } from '../chaos/lib/fleet.js';
import { writeSection } from './lib/report.js';
import { machine } from './lib/synthetic.js';

const { values } = parseArgs({
  options: { viewers: { type: 'string', default: '5000' }, rounds: { type: 'string', default: '3' }, cluster: { type: 'boolean', default: false }, 'no-write': { type: 'boolean', default: false } },
});
const viewers = Number(values.viewers);
const rounds = Number(values.rounds);
if (!Number.isInteger(viewers) || viewers < 1 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: npx tsx scripts/bench/connect-cost.ts [--viewers N ≥ 1] [--rounds R ≥ 1] [--no-write]');
  process.exit(2);
}

const host = machine();
const dataDir = freshDataDir();
// --cluster: the relay in cluster mode on a private redis-server, as one relay of a cluster.
const redis = values.cluster ? await startRedis() : undefined;
const relay = await startRelay({ dataDir, env: redis ? { CUECART_REDIS_URL: redis.url } : {} });
/** The relay's CPU so far, ms (clock ticks of 10 ms). */
const cpuMs = (): number => {
  const fields = readFileSync(`/proc/${relay.proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const rows: string[] = [];
/** CPU per viewer, ms, per round. */
const rowsCpu: number[] = [];
try {
  await createShow(relay, 'cost');
  for (let round = 1; round <= rounds; round++) {
    const cpu0 = cpuMs();
    const t0 = Date.now();
    const fleet = await openFleet({ url: relay.url, show: 'cost', count: viewers, ratePerSec: 5000, seed: round });
    const wall = Date.now() - t0;
    const cpu = cpuMs() - cpu0;
    await fleet.close();
    const row = `| ${round}${round === 1 ? ' (cold: just started)' : ''} | ${viewers.toLocaleString('en-US')} | ${(wall / 1000).toFixed(1)} s | ${(cpu / 1000).toFixed(2)} s | **${(cpu / viewers).toFixed(3)} ms** |`;
    console.log(row);
    rows.push(row);
    rowsCpu.push(cpu / viewers);
  }
} finally {
  await relay.stop();
  removeDataDir(dataDir);
  if (redis) {
    await redis.stop();
    removeRedisDir(redis);
  }
}

const section = `## Viewer handshake cost

Command: \`npm run build && npx tsx scripts/bench/connect-cost.ts --viewers ${viewers} --rounds ${rounds}\`, run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
Machine: ${host.line} Load average at the start ${host.load}.

A freshly started relay (\`node apps/relay/dist/main.js\`, as after a crash) takes ${viewers.toLocaleString('en-US')} viewers (socket.io-client,
websocket, the chaos fleet's worker processes on the same 2 cores, all at once); they leave and come again. CPU = the relay's
utime+stime over the connect phase, from \`/proc\`. The first round is what a restarted relay pays; its JIT is cold.

| round | viewers | wall to connect all | relay CPU | relay CPU per viewer |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

At ${rowsCpu[0]!.toFixed(2)} ms per handshake a just-restarted relay takes back at most about ${Math.round(1000 / rowsCpu[0]!).toLocaleString('en-US')} viewers per second of one
core, before any other work (runs on this shared machine vary: take several). During a crash and return the relay also
re-sends snapshots and takes the console's queue while the viewers' own processes share its cores: "Chaos" measures that whole.
`;
if (!values['no-write']) writeSection(section);
console.log(`\n${section}`);
process.exit(0);
