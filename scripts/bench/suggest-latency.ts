// End-to-end benchmark over real sockets: the time from POSTing a transcript segment to the relay until the
// producer's Socket.IO client receives the `suggestion` for it. Starts the built relay as a child process on a
// random port with a fresh data dir, creates a show with a synthetic 10,000-product inline catalog, and sends
// segments one at a time. Prints the figures and writes them to BENCHMARKS.md.
// Usage: npx tsx scripts/bench/suggest-latency.ts [--segments 500] [--products 10000] [--warmup 20] [--runs 3] [--no-write]
// Needs the relay built (npm run build, or npx tsc -p apps/relay/tsconfig.build.json).
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { Product } from '../../packages/shared/src/contract/product.js';
import { startRelay, type RelayProcess } from '@cuecart/testkit/relay';
import { BENCHMARKS_PATH, writeSection } from './lib/report.js';
import { CHATTER, createSynthetic, machine, pct, type Synthetic } from './lib/synthetic.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) {
    console.error(`${name} must be a whole number`);
    process.exit(2);
  }
  return v;
};
const N_SEGMENTS = arg('--segments', 500);
const N_PRODUCTS = arg('--products', 10_000);
const N_WARMUP = arg('--warmup', 20);
const N_RUNS = Math.max(1, arg('--runs', 3));
const NO_WRITE = process.argv.includes('--no-write');
const SEED = 20240611;
const RUNDOWN = 9;
/** A segment with no suggestion within this long counts as "no suggestion". */
const SUGGESTION_WAIT_MS = 2000;
/** The first segment builds the matcher index of the whole catalog: give it much longer. */
const FIRST_SEGMENT_WAIT_MS = 60_000;
const SEGMENT_MS = 4000;

const ROOT = resolve(import.meta.dirname, '../..');
const RELAY_MAIN = join(ROOT, 'apps/relay/dist/main.js');
const SECTION = '## Suggestion latency (POST → socket)';

/** What to undo if the bench is interrupted (Ctrl-C) mid-run. */
const live = { child: undefined as ChildProcess | undefined, dataDir: undefined as string | undefined };
process.once('SIGINT', () => {
  live.child?.kill('SIGTERM');
  if (live.dataDir) setTimeout(() => rmSync(live.dataDir!, { recursive: true, force: true }), 1000).unref();
  process.exitCode = 130;
  setTimeout(() => process.exit(130), 1500);
});

async function api<T>(url: string, token: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

interface Plan {
  catalog: Product[];
  rundown: string[];
  /** Lines that name a product (timed), each followed by one chatter line (not timed). */
  named: string[];
  chatter: string[];
}

/** The same catalog, rundown and transcript for every run. */
function plan(total: number): Plan {
  const syn: Synthetic = createSynthetic(SEED);
  const catalog = syn.makeCatalog(N_PRODUCTS);
  const rundown = new Set<string>();
  while (rundown.size < Math.min(RUNDOWN, catalog.length)) rundown.add(syn.pick(catalog).id);
  const rundownProducts = catalog.filter((p) => rundown.has(p.id));
  const named: string[] = [];
  const chatter: string[] = [];
  for (let i = 0; i < total; i++) {
    // One in ten names a rundown product (the show's own line-up), the rest any product of the catalog.
    const product = i % 10 === 0 && rundownProducts.length > 0 ? syn.pick(rundownProducts) : syn.pick(catalog);
    named.push(syn.sentenceFor(product, i));
    chatter.push(syn.pick(CHATTER));
  }
  return { catalog, rundown: [...rundown], named, chatter };
}

interface RunResult {
  loadAtStart: string;
  loadAtEnd: string;
  createShowMs: number;
  bodyBytes: number;
  firstMs: number | undefined;
  firstHttpMs: number;
  latencies: number[];
  https: number[];
  /** HTTP round trips of the untimed chatter segments (stored, matched, nothing suggested). */
  chatterHttps: number[];
  none: number;
  extra: number;
}

async function runOnce(p: Plan): Promise<RunResult> {
  const loadAtStart = machine().load;
  const dataDir = mkdtempSync(join(tmpdir(), 'cuecart-bench-'));
  live.dataDir = dataDir;
  const adminToken = randomBytes(24).toString('hex');
  let relay: RelayProcess | undefined;
  let socket: Socket | undefined;
  try {
    // Limits off: this posts far faster than any speech-to-text feed (about one segment a second), so the transcript limiter would refuse it.
    relay = await startRelay({ dataDir, env: { CUECART_ADMIN_TOKEN: adminToken, CUECART_RATE_LIMITS: 'off' }, timeoutMs: 30_000 });
    live.child = relay.proc;
    const { url } = relay;
    const showBody = { title: 'Suggestion latency bench', catalog: { provider: 'inline', products: p.catalog }, rundown: p.rundown };
    const bodyBytes = Buffer.byteLength(JSON.stringify(showBody));
    const tc = performance.now();
    const show = await api<{ id: string }>(`${url}/api/shows`, adminToken, showBody);
    const createShowMs = performance.now() - tc;
    const producer = (await api<{ token: string }>(`${url}/api/shows/${show.id}/tokens`, adminToken, { role: 'producer' })).token;
    const ingest = (await api<{ token: string }>(`${url}/api/shows/${show.id}/tokens`, adminToken, { role: 'ingest' })).token;

    const s = io(`${url}/producer`, { auth: { token: producer }, transports: ['websocket'], reconnection: false });
    socket = s;
    await new Promise<void>((ok, fail) => {
      s.once('connect', () => ok());
      s.once('connect_error', (e) => fail(new Error(`producer socket: ${e.message}`)));
    });

    // segmentId -> callback for the first suggestion naming that segment.
    const waiting = new Map<string, (at: number) => void>();
    let extra = 0;
    s.on('suggestion', (sg: { segmentId?: string }) => {
      const at = performance.now();
      const done = sg.segmentId === undefined ? undefined : waiting.get(sg.segmentId);
      if (done) {
        waiting.delete(sg.segmentId!);
        done(at);
      } else extra++; // a second suggestion for the same segment, or one that came after its wait
    });

    let seq = 0;
    const transcriptUrl = `${url}/api/shows/${show.id}/transcript`;
    /** Posts one segment; resolves with the HTTP round trip and the POST→suggestion time (undefined: none in time). */
    const send = async (text: string, waitMs: number): Promise<{ http: number; sug: number | undefined }> => {
      const n = seq++;
      const id = `b-${n}`;
      const startMs = n * SEGMENT_MS;
      let timer: NodeJS.Timeout | undefined;
      let t0 = 0;
      const suggested = waitMs > 0
        ? new Promise<number | undefined>((ok) => {
            waiting.set(id, (at) => {
              clearTimeout(timer);
              ok(at - t0);
            });
            timer = setTimeout(() => {
              waiting.delete(id);
              ok(undefined);
            }, waitMs);
          })
        : Promise.resolve(undefined);
      t0 = performance.now();
      const res = await fetch(transcriptUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/json' },
        body: JSON.stringify({ segments: [{ id, startMs, endMs: startMs + SEGMENT_MS - 500, text, final: true }] }),
      });
      const answer = (await res.json()) as { accepted?: number };
      const http = performance.now() - t0;
      if (res.status !== 202 || answer.accepted !== 1) throw new Error(`transcript POST ${id} answered ${res.status}: ${JSON.stringify(answer)}`);
      return { http, sug: await suggested };
    };

    // The first segment builds the show's matcher index over the whole catalog: timed on its own.
    const first = await send(p.named[0]!, FIRST_SEGMENT_WAIT_MS);
    await send(p.chatter[0]!, 0);
    for (let i = 1; i <= N_WARMUP; i++) {
      await send(p.named[i]!, SUGGESTION_WAIT_MS);
      await send(p.chatter[i]!, 0);
    }

    const latencies: number[] = [];
    const https: number[] = [];
    const chatterHttps: number[] = [];
    let none = 0;
    for (let i = 0; i < N_SEGMENTS; i++) {
      const k = 1 + N_WARMUP + i;
      const r = await send(p.named[k]!, SUGGESTION_WAIT_MS);
      https.push(r.http);
      if (r.sug === undefined) none++;
      else latencies.push(r.sug);
      // Chatter between product lines, as in a show: not timed.
      chatterHttps.push((await send(p.chatter[k]!, 0)).http);
    }
    latencies.sort((a, b) => a - b);
    https.sort((a, b) => a - b);
    chatterHttps.sort((a, b) => a - b);
    return { loadAtStart, loadAtEnd: machine().load, createShowMs, bodyBytes, firstMs: first.sug, firstHttpMs: first.http, latencies, https, chatterHttps, none, extra };
  } finally {
    socket?.close();
    if (relay) await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
    live.child = undefined;
    live.dataDir = undefined;
  }
}

/** Non-test sources under `dir` changed after `built` was written: the relay would run older code than the tree holds. */
function staleAgainst(dir: string, built: string): string[] {
  if (!existsSync(built)) return [dir];
  const at = statSync(built).mtimeMs;
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.parentPath.includes('test-support'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => statSync(f).mtimeMs > at)
    .map((f) => f.slice(ROOT.length + 1));
}

const ms = (x: number | undefined, digits = 1): string => (x === undefined ? 'none' : `${x.toFixed(digits)} ms`);

async function main(): Promise<void> {
  if (!existsSync(RELAY_MAIN)) {
    console.error('run npm run build first');
    process.exit(1);
  }
  // The relay imports @cuecart/shared from packages/shared/dist: say so when that build is older than the matcher's sources.
  const stale = [
    ...staleAgainst(join(ROOT, 'packages/shared/src'), join(ROOT, 'packages/shared/dist/index.js')),
    ...staleAgainst(join(ROOT, 'apps/relay/src'), RELAY_MAIN),
  ];
  if (stale.length > 0) console.warn(`warning: built code is older than ${stale.join(', ')}: run npm run build to bench the current sources`);
  const p = plan(1 + N_WARMUP + N_SEGMENTS);
  const results: RunResult[] = [];
  for (let r = 0; r < N_RUNS; r++) {
    const res = await runOnce(p);
    results.push(res);
    console.log(
      `run ${r + 1}/${N_RUNS}: p50 ${ms(pct(res.latencies, 0.5), 2)}, p99 ${ms(pct(res.latencies, 0.99), 2)}, max ${ms(res.latencies.at(-1), 2)}, ` +
        `${res.latencies.length} suggested, ${res.none} no suggestion, ${res.extra} other suggestions; HTTP p50 ${ms(pct(res.https, 0.5), 2)} p99 ${ms(pct(res.https, 0.99), 2)}; ` +
        `first segment ${ms(res.firstMs, 0)}; load ${res.loadAtStart} → ${res.loadAtEnd}`,
    );
  }
  const all = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const allHttp = results.flatMap((r) => r.https).sort((a, b) => a - b);
  const m = machine();
  const p99s = results.map((r) => pct(r.latencies, 0.99));
  const cmdArgs = [
    N_SEGMENTS !== 500 ? `--segments ${N_SEGMENTS}` : '',
    N_PRODUCTS !== 10_000 ? `--products ${N_PRODUCTS}` : '',
    N_WARMUP !== 20 ? `--warmup ${N_WARMUP}` : '',
    N_RUNS !== 3 ? `--runs ${N_RUNS}` : '',
  ].filter(Boolean);
  const lines: string[] = [
    SECTION,
    '',
    `Command: \`npx tsc -p apps/relay/tsconfig.build.json && npx tsx scripts/bench/suggest-latency.ts${cmdArgs.length ? ' ' + cmdArgs.join(' ') : ''}\` (seed ${SEED}), run ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${m.line} The bench client and the relay share the machine.`,
    ...(stale.length > 0 ? [`Built code (\`dist\`) was older than these sources when this ran: ${stale.map((f) => `\`${f}\``).join(', ')}.`] : []),
    '',
    `What is timed: \`performance.now()\` just before \`fetch\` POSTs one final segment to \`/api/shows/:id/transcript\` (ingest token) until the`,
    `producer's \`socket.io-client\` (websocket transport, \`/producer\` namespace) receives the \`suggestion\` with that \`segmentId\`.`,
    `Each run starts \`node apps/relay/dist/main.js\` (port 0, fresh data dir, log level warn), creates a show with an inline catalog`,
    `of ${N_PRODUCTS.toLocaleString('en-US')} synthetic products (${(results[0]!.bodyBytes / 1e6).toFixed(1)} MB body) and a rundown of ${RUNDOWN}, then sends segments one at a time:`,
    `the first builds the matcher index (timed on its own), ${N_WARMUP} more warm up, then ${N_SEGMENTS} are timed. Each timed segment names one product`,
    `by title and vendor (one in ten from the rundown) and is followed by an untimed chatter segment. A segment with no suggestion`,
    `within ${SUGGESTION_WAIT_MS / 1000} s counts as "no suggestion". The HTTP round trip is until the 202 body is read; "chatter HTTP"`,
    'is the same for the untimed chatter segments, which are stored and matched but suggest nothing.',
    '',
    '| run | load avg at start → end (1/5/15 min) | first segment (index build) | POST → suggestion p50 / p99 / max | suggested / no suggestion | HTTP round trip p50 / p99 | chatter HTTP p50 / p99 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((r, i) =>
      `| ${i + 1} | ${r.loadAtStart} → ${r.loadAtEnd} | ${ms(r.firstMs, 0)} | ${pct(r.latencies, 0.5).toFixed(2)} / ${pct(r.latencies, 0.99).toFixed(2)} / ${(r.latencies.at(-1) ?? 0).toFixed(2)} ms | ` +
        `${r.latencies.length} / ${r.none} | ${pct(r.https, 0.5).toFixed(2)} / ${pct(r.https, 0.99).toFixed(2)} ms | ${pct(r.chatterHttps, 0.5).toFixed(2)} / ${pct(r.chatterHttps, 0.99).toFixed(2)} ms |`,
    ),
    `| all | | | ${pct(all, 0.5).toFixed(2)} / ${pct(all, 0.99).toFixed(2)} / ${(all.at(-1) ?? 0).toFixed(2)} ms | ${all.length} / ${results.reduce((a, r) => a + r.none, 0)} | ${pct(allHttp, 0.5).toFixed(2)} / ${pct(allHttp, 0.99).toFixed(2)} ms | |`,
    '',
    `Target: p99 ≤ 50 ms. p99 per run ranged from ${Math.min(...p99s).toFixed(2)} to ${Math.max(...p99s).toFixed(2)} ms over ${N_RUNS} run${N_RUNS > 1 ? 's' : ''}` +
      ` (${Math.max(...p99s) <= 50 ? 'every run within the target' : 'not every run within the target'}).` +
      ` Creating the show (POST /api/shows with the catalog) took ${results.map((r) => (r.createShowMs / 1000).toFixed(1)).join(' / ')} s.` +
      ' Wall-clock figures include whatever else this shared machine was doing: see the load averages.',
    '',
  ];
  const section = lines.join('\n');
  console.log('\n' + section);
  if (NO_WRITE) return;
  writeSection(section);
  console.log(`wrote ${BENCHMARKS_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
