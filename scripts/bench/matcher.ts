// In-process benchmark of the mention matcher: index build time and per-segment push latency on a synthetic
// 10,000-product catalog, plus dev-set quality; prints the figures and writes them to BENCHMARKS.md.
// Usage: npx tsx scripts/bench/matcher.ts [--products 10000] [--segments 4000] [--no-write]
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Product } from '../../packages/shared/src/contract/product.js';
import { createMentionTracker, indexCatalog } from '../../packages/shared/src/matcher/index.js';
import { evaluate, loadDataset } from '../eval/mentions.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N_PRODUCTS = arg('--products', 10_000);
const N_SEGMENTS = arg('--segments', 4_000);
const SEED = 20240611;

/** mulberry32: small deterministic PRNG so every run benchmarks the same catalog and transcript. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const SYL = ['ka', 'lo', 'mi', 'ra', 'ven', 'tor', 'sel', 'bri', 'dun', 'ae', 'qui', 'no', 'sha', 'pel', 'ter', 'vo', 'lin', 'gar', 'fen', 'ost'];
const word = (): string => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYL)).join('');
const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const TYPES = ['Serum', 'Moisturizer', 'Tote', 'Scarf', 'Kettle', 'Skillet', 'Candle', 'Earbuds', 'Lamp', 'Blanket', 'Backpack',
  'Notebook', 'Mug', 'Bottle', 'Leash', 'Mat', 'Dress', 'Jacket', 'Sneaker', 'Speaker', 'Charger', 'Grinder', 'Bowl', 'Pillow'];
const ADJ = ['Silk', 'Leather', 'Ceramic', 'Merino', 'Linen', 'Cork', 'Insulated', 'Wireless', 'Mini', 'Pro', 'Max', 'Travel', 'Daily', 'Classic'];
const COLORS = ['Black', 'White', 'Sage', 'Navy', 'Sand', 'Coral', 'Slate', 'Olive', 'Ivory', 'Blush', 'Rust', 'Moss'];
const vendors = Array.from({ length: 400 }, () => `${cap(word())} ${pick(['Co.', 'Home', 'Studio', 'Labs', '& ' + cap(word())])}`);
const lines = Array.from({ length: 2500 }, () => cap(word()));

function makeCatalog(n: number): Product[] {
  return Array.from({ length: n }, (_, i) => {
    const type = pick(TYPES);
    const title = `${pick(lines)} ${rand() < 0.5 ? pick(ADJ) + ' ' : ''}${type}${rand() < 0.2 ? ' ' + (10 + Math.floor(rand() * 40)) + 'ml' : ''}`;
    const sku = `${word().slice(0, 2).toUpperCase()}-${word().slice(0, 3).toUpperCase()}-${i}`;
    return {
      id: String(9_000_000 + i), sku, title, vendor: pick(vendors), productType: type + 's',
      tags: [type.toLowerCase(), pick(ADJ).toLowerCase(), 'gift-guide'],
      variants: Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, v) => ({ id: `${i}-${v}`, title: pick(COLORS), sku: `${sku}-${v}` })),
      price: { amount: (5 + Math.floor(rand() * 200)).toFixed(2), currencyCode: 'USD' }, available: true,
    };
  });
}

const CHATTER = ['okay so hi everybody welcome back', 'hi sarah from tampa thanks for joining', 'give me one sec let me grab the next thing',
  'it is so soft you guys i am obsessed', 'use code save twenty for twenty percent off', 'comment your favorite and share the stream',
  'we don\'t have that one today it sold out', 'let me read some comments real quick', 'honestly this changed my whole routine'];
const say = (n: number): string => ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][n % 10] ?? '';
const misheard = (w: string): string => (rand() < 0.3 ? w.replace(/[aeiou]/, pick(['a', 'e', 'o', 'u'])) : w);

function makeSegments(catalog: readonly Product[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = pick(catalog);
    const r = rand();
    if (r < 0.55) out.push(pick(CHATTER));
    else if (r < 0.85) out.push(`this is the ${p.title.toLowerCase().split(' ').map(misheard).join(' ')} and it is ${say(i)} dollars`);
    else if (r < 0.95) out.push(`the ${p.title.toLowerCase().split(' ').slice(-2).join(' ')} from ${String(p.vendor).toLowerCase()} in ${pick(COLORS).toLowerCase()}`);
    else out.push(`search ${String(p.sku).toLowerCase().replace(/[^a-z0-9]/g, '').split('').join(' ')} on the site`);
  }
  // A few pathological inputs: huge, emoji, RTL, empty.
  out.push('la '.repeat(5000), '🔥🔥 this is the 🛍️ one 😍', 'هذا هو المنتج الرائع', '');
  return out;
}

const pct = (xs: number[], q: number): number => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

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
  const load = loadavg().map((x) => x.toFixed(2)).join(' / ');
  const fig = { p50: pct(times, 0.5), p99: pct(times, 0.99), max: times[times.length - 1] ?? 0 };
  const cpu = (() => {
    try { return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown'; } catch { return cpus()[0]?.model ?? 'unknown'; }
  })();
  const nproc = (() => { try { return execSync('nproc').toString().trim(); } catch { return String(cpus().length); } })();
  const devFile = '/work/shared/eval/mentions-dev.json';
  const holdFile = 'packages/shared/src/matcher/fixtures/holdout.json';
  const blindFile = 'packages/shared/src/matcher/fixtures/holdout-blind.json';
  const quality = [devFile, holdFile, blindFile].filter(existsSync).map((f) => ({ f, r: evaluate(loadDataset(f)).report }));
  const lines: string[] = [
    '## Mention matcher',
    '',
    `Command: \`npx tsx scripts/bench/matcher.ts --products ${N_PRODUCTS} --segments ${N_SEGMENTS}\` (seed ${SEED}), run ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${nproc} vCPU (\`nproc\`), ${cpu}, Node ${process.version}.`,
    '',
    '| figure | value |', '| --- | --- |',
    `| catalog | ${N_PRODUCTS.toLocaleString('en-US')} synthetic products |`,
    `| indexCatalog build | ${buildMs.toFixed(0)} ms |`,
    `| push() segments timed | ${times.length} (incl. 5,000-word, emoji, RTL and empty inputs), ${emitted} suggestions |`,
    `| push() p50 | ${fig.p50.toFixed(3)} ms |`,
    `| push() p99 | ${fig.p99.toFixed(3)} ms (target ≤ 10 ms) |`,
    `| push() max | ${fig.max.toFixed(3)} ms |`,
    `| push() CPU time p50 / p99 / max | ${pct(cpuTimes, 0.5).toFixed(3)} / ${pct(cpuTimes, 0.99).toFixed(3)} / ${(cpuTimes[cpuTimes.length - 1] ?? 0).toFixed(3)} ms |`,
    `| load average during run (1/5/15 min) | ${load} |`,
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
  const path = 'BENCHMARKS.md';
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n';
  // Replace only our section: from its heading to the next "## " heading or the end of the file.
  const re = /## Mention matcher\n[\s\S]*?(?=\n## |$)/;
  const next = re.test(doc) ? doc.replace(re, section.trimEnd() + '\n') : doc.trimEnd() + '\n\n' + section;
  writeFileSync(path, next.endsWith('\n') ? next : next + '\n');
}

main();
