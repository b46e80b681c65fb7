// The long chaos run: the chaos suite at long sizes (CUECART_CHAOS=long: 5,000 viewers through a relay
// SIGKILL and a reconnect storm, three redis-server restarts under two relays) and, when it exists, the
// relay's property suite at 2,000 runs; then writes the figures the tests print into BENCHMARKS.md "## Chaos".
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
const property = existsSync(`${ROOT}${PROPERTY}`) ? await run(['vitest', 'run', PROPERTY], { CUECART_PROPERTY_RUNS: PROPERTY_RUNS }) : undefined;
const f = figures(chaos.out);
const c = f.convergence ?? {};
const s = f.storm ?? {};
const r = f.redis ?? {};
const v = (x: Record<string, string>, k: string) => x[k] ?? 'n/a';

const section = `## Chaos

Faults against real processes (\`scripts/chaos/\`): the built relay, a private \`redis-server\` (AOF,
\`appendfsync always\`) and socket.io-client viewers in forked worker processes, each with socket.io's own
reconnection (first delay 250–1000 ms drawn per viewer, ±50 % jitter, at most 1 s between tries). \`npm test\`
runs the quick form (200 viewers through the crash, 500 in the storm, one Redis restart); these figures are
the long form.

| fault | what was tried | result |
| --- | --- | --- |
| relay SIGKILL mid-show, restart on the same port and data dir | ${v(c, 'viewers')} viewers and a producer; a burst of 5 takes in flight at the kill (${v(c, 'acked_before_kill')} acked before it), one take made while the relay was down, re-sent twice with the same id | convergence on the final seq after the relay listens: p50 ${v(c, 'p50')}, p99 ${v(c, 'p99')}, max ${v(c, 'max')} (budget 2 s; includes the producer's own reconnect and re-send, whose ack came ${v(c, 'take_acked')} after the relay listened); viewers that never got it: ${v(c, 'lost')}; older-seq overlays: ${v(c, 'older')}; offline take applied once |
| reconnect storm | ${v(s, 'viewers')} viewers reconnecting at once after a SIGKILL and restart, \`/healthz\` polled every 100 ms | all back in ${v(s, 'all_back')}; \`/healthz\` p99 ${v(s, 'healthz_p99')}, max ${v(s, 'healthz_max')}, failed ${v(s, 'healthz_failed')}; relay RSS during the storm ${v(s, 'storm_rss_mb')} MB (peak ${v(s, 'peak_rss_mb')} MB); the next take reached every viewer, p99 ${v(s, 'next_take_p99')}; lost ${v(s, 'lost')}, older ${v(s, 'older')} |
| redis-server SIGKILL and restart (same port and dir) under two relays | ${v(r, 'restarts')} restarts, commands on both relays before, during and after each; ${v(r, 'viewers')} viewers split over the relays; ${v(r, 'tries')} sends (${v(r, 'retried')} re-sends with the same id) | acked commands: ${v(r, 'acked')}, lost: ${v(r, 'lost')} (acked seqs are exactly 1..N and in the log); each relay took a new command ${v(r, 'recovery_p50')} (p50) / ${v(r, 'recovery_max')} (max) after Redis was back; viewers not converged: ${v(r, 'not_converged')}, older-seq overlays: ${v(r, 'older')} |
${property ? `| property tests (\`${PROPERTY}\`) | CUECART_PROPERTY_RUNS=${PROPERTY_RUNS} | ${passed(property)} |\n` : ''}
Chaos suite: ${passed(chaos)}.${property ? '' : ` (\`${PROPERTY}\` does not exist yet: no property runs.)`}

Machine: ${host.line} Load average at the start ${host.load}; the machine is shared, so times include other work.
Command: \`npx tsx scripts/chaos/run-long.ts\` (runs \`CUECART_CHAOS=long ${chaosArgs.join(' ')}\`${property ? ` and \`CUECART_PROPERTY_RUNS=${PROPERTY_RUNS} npx vitest run ${PROPERTY}\`` : ''}), ${new Date().toISOString().slice(0, 10)}.
`;

if (!process.argv.includes('--no-write')) writeSection(section);
console.log(`\n${section}`);
process.exit(chaos.code || property?.code || 0);
