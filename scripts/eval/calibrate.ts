// Fits the matcher's confidence (packages/shared/src/matcher/calibration.ts) on the synthetic tune split and checks
// it on the sealed split: each suggestion is right (it matched a labeled mention, or repeats one within 30 s) or
// wrong. The shows are run twice, with their rundown and with half of it (producers do not list everything), so
// the fit sees off-rundown suggestions too.
//
//   npx tsx scripts/eval/calibrate.ts            fit on tune, report reliability on tune and sealed
//   npx tsx scripts/eval/calibrate.ts --write    also write the weights into calibration.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Product } from '../../packages/shared/src/contract/product.js';
import { CALIBRATION, confidence, FEATURE_NAMES, type SuggestionFeatures } from '../../packages/shared/src/matcher/calibration.js';
import { createMentionTracker, indexCatalog, scoreShow } from '../../packages/shared/src/matcher/index.js';
import type { Dataset } from './mentions.js';
import { generateDataset } from './synth-shows.js';

interface Sample { f: SuggestionFeatures; right: boolean }

/** Every suggestion of every show (with the full rundown and with half of it), labeled right or wrong. */
export function samples(data: Dataset): Sample[] {
  const index = indexCatalog(data.catalog as unknown as Product[]);
  const out: Sample[] = [];
  for (const show of data.shows) {
    for (const rundown of [show.linkedProductIds, show.linkedProductIds.filter((_, i) => i % 2 === 0)]) {
      const tracker = createMentionTracker(index, { rundown, explain: true });
      const got: { productId: string; segment: number; f: SuggestionFeatures }[] = [];
      show.segments.forEach((seg, i) => {
        for (const m of tracker.push({ id: String(i), ...seg, final: true })) if (m.features) got.push({ productId: m.productId, segment: i, f: m.features });
      });
      const scored = scoreShow(show.segments, show.mentions, got);
      const wrong = new Set(scored.falsePositives);
      // scoreShow hands back the same suggestion objects it was given.
      for (const g of got) out.push({ f: g.f, right: !wrong.has(g) });
    }
  }
  return out;
}

const vec = (f: SuggestionFeatures) => [1, ...FEATURE_NAMES.map((k) => f[k])];

/** Logistic regression by Newton's method (IRLS) with a small ridge, so a rare feature cannot run away. */
export function fit(data: readonly Sample[], ridge = 1): number[] {
  const d = FEATURE_NAMES.length + 1;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? ridge : 0)));
    for (let i = 1; i < d; i++) g[i] = ridge * w[i]!;
    for (const s of data) {
      const x = vec(s.f);
      const p = 1 / (1 + Math.exp(-x.reduce((z, xi, i) => z + xi * w[i]!, 0)));
      const y = s.right ? 1 : 0;
      for (let i = 0; i < d; i++) {
        g[i]! += (p - y) * x[i]!;
        for (let j = 0; j < d; j++) h[i]![j]! += p * (1 - p) * x[i]! * x[j]!;
      }
    }
    const step = solve(h, g);
    w = w.map((wi, i) => wi - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = m[r]![c]! / piv;
      for (let j = c; j <= n; j++) m[r]![j]! -= k * m[c]![j]!;
    }
  }
  return m.map((row, i) => row[n]! / (m[i]![i]! || 1e-12));
}

/** Brier score, expected calibration error (10 bins) and the bins themselves. */
export function reliability(data: readonly Sample[], model: Parameters<typeof confidence>[1]) {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, right: 0 }));
  let brier = 0;
  for (const s of data) {
    const p = confidence(s.f, model);
    brier += (p - (s.right ? 1 : 0)) ** 2;
    const b = bins[Math.min(9, Math.floor(p * 10))]!;
    b.n++; b.p += p; b.right += s.right ? 1 : 0;
  }
  const ece = bins.reduce((e, b) => e + (b.n ? (b.n / data.length) * Math.abs(b.p / b.n - b.right / b.n) : 0), 0);
  return { n: data.length, right: data.filter((s) => s.right).length, brier: brier / data.length, ece, bins };
}

function main(): void {
  const write = process.argv.includes('--write');
  const tune = samples(generateDataset('tune', 120));
  const w = fit(tune);
  const model = { intercept: w[0]!, weights: Object.fromEntries(FEATURE_NAMES.map((k, i) => [k, w[i + 1]!])) as Record<keyof SuggestionFeatures, number> };
  const show = (name: string, data: Sample[]) => {
    const r = reliability(data, model);
    console.log(`${name}: ${r.n} suggestions, ${r.right} right; Brier ${r.brier.toFixed(4)}, ECE ${r.ece.toFixed(4)}`);
    for (const [i, b] of r.bins.entries()) if (b.n) console.log(`  score ${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)}: ${String(b.n).padStart(5)} suggestions, mean score ${(b.p / b.n).toFixed(3)}, right ${(b.right / b.n).toFixed(3)}`);
  };
  console.log('weights', JSON.stringify(model, (_, v: unknown) => (typeof v === 'number' ? +v.toFixed(3) : v)));
  show('tune (fitted on)', tune);
  show('sealed', samples(generateDataset('sealed', 120)));
  if (!write) return;
  const file = fileURLToPath(new URL('../../packages/shared/src/matcher/calibration.ts', import.meta.url));
  const src = readFileSync(file, 'utf8');
  const r = (x: number) => +x.toFixed(4);
  const block = `// --- fitted by scripts/eval/calibrate.ts: do not edit by hand ---
export const CALIBRATION = {
  intercept: ${r(model.intercept)},
  weights: { ${FEATURE_NAMES.map((k) => `${k}: ${r(model.weights[k])}`).join(', ')} } as Record<keyof SuggestionFeatures, number>,
  fittedOn: 'synthetic tune split, 120 shows, full and half rundowns: ${tune.length} suggestions, ${tune.filter((s) => s.right).length} right',
};
// --- end of fitted weights ---`;
  writeFileSync(file, src.replace(/\/\/ --- fitted by[\s\S]*?\/\/ --- end of fitted weights ---/, block));
  console.log(`wrote ${file} (was: ${CALIBRATION.fittedOn})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
