// In-process benchmark of the mention matcher: index build time and per-segment push latency on a synthetic
// 10,000-product catalog, plus dev-set quality; prints the figures and writes them to BENCHMARKS.md.
// Usage: npx tsx scripts/bench/matcher.ts [--products 10000] [--segments 4000] [--no-write]
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMentionTracker, indexCatalog } from '../../packages/shared/src/matcher/index.js';
import { evaluate, loadDataset } from '../eval/mentions.js';
import { writeSection } from './lib/report.js';
import { createSynthetic, machine, pct } from './lib/synthetic.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N_PRODUCTS = arg('--products', 10_000);
const N_SEGMENTS = arg('--segments', 4_000);
const SEED = 20240611;

const { pick, makeCatalog, makeSegments } = createSynthetic(SEED);

function main(): void {
  const catalog = makeCatalog(N_PRODUCTS);
  const t0 = performance.now();
  const index = indexCatalog(catalog);
  const buildMs = performance.now() - t0;
  const texts = makeSegments(catalog, N_SEGMENTS);
  const times: number[] = [];
  // CPU time per push as well as wall time: on a shared machine the wall figures include other load.
  const cpuTimes: number[] = [];
  let emitted = 0;
  const perShow = 500;
  let tracker = createMentionTracker(index);
  texts.forEach((text, i) => {
    if (i % perShow === 0) tracker = createMentionTracker(index, { rundown: Array.from({ length: 12 }, () => pick(catalog).id) });
    const startMs = i * 5000;
    const c = process.cpuUsage();
    const t = performance.now();
    emitted += tracker.push({ id: String(i), startMs, endMs: startMs + 4500, text, final: true }).length;
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpuTimes.push((used.user + used.system) / 1000);
  });
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const m = machine();
  const fig = { p50: pct(times, 0.5), p99: pct(times, 0.99), max: times[times.length - 1] ?? 0 };
  const devFile = 'eval/mentions-dev.json';
  const holdFile = 'packages/shared/src/matcher/fixtures/holdout.json';
  const blindFile = 'packages/shared/src/matcher/fixtures/holdout-blind.json';
  const quality = [devFile, holdFile, blindFile].filter(existsSync).map((f) => ({ f, r: evaluate(loadDataset(f)).report }));
  const lines: string[] = [
    '## Mention matcher',
    '',
    `Command: \`npx tsx scripts/bench/matcher.ts --products ${N_PRODUCTS} --segments ${N_SEGMENTS}\` (seed ${SEED}), run ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${m.line}`,
    '',
    '| figure | value |', '| --- | --- |',
    `| catalog | ${N_PRODUCTS.toLocaleString('en-US')} synthetic products |`,
    `| indexCatalog build | ${buildMs.toFixed(0)} ms |`,
    `| push() segments timed | ${times.length} (incl. 5,000-word, emoji, RTL and empty inputs), ${emitted} suggestions |`,
    `| push() p50 | ${fig.p50.toFixed(3)} ms |`,
    `| push() p99 | ${fig.p99.toFixed(3)} ms (target ≤ 10 ms) |`,
    `| push() max | ${fig.max.toFixed(3)} ms |`,
    `| push() CPU time p50 / p99 / max | ${pct(cpuTimes, 0.5).toFixed(3)} / ${pct(cpuTimes, 0.99).toFixed(3)} / ${(cpuTimes[cpuTimes.length - 1] ?? 0).toFixed(3)} ms |`,
    `| load average during run (1/5/15 min) | ${m.load} |`,
    '',
  ];
  for (const { f, r } of quality) {
    lines.push(`Quality on \`${f}\` (\`npx tsx scripts/eval/mentions.ts ${f}\`): precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}, F1 ${r.f1.toFixed(3)} (TP ${r.tp}, FP ${r.fp}, FN ${r.fn}).`);
    lines.push(`Per-kind recall: ${Object.entries(r.byKind).sort().map(([k, [m, t]]) => `${k} ${(m / t).toFixed(3)} (${m}/${t})`).join(', ')}.`, '');
  }
  lines.push(
    'Notes: wall-clock latency depends on other load on this shared 2-vCPU box (load average above); across five runs while',
    'other builds were running, wall p99 ranged from 2.5 to 18 ms, while CPU-time p99 stayed about 5 ms. `holdout.json` scored F1 0.843',
    '(P 0.946, R 0.761) on its first run, and the general fixes it led to (units, tags as names, three-piece joins, silent "gh")',
    'were made with it in view, so it no longer counts as blind. `holdout-blind.json` was written afterwards and scored once, with no tuning.',
    '',
  );
  const section = lines.join('\n');
  console.log(section);
  if (process.argv.includes('--no-write')) return;
  writeSection(section);
}

main();
