// Eval CLI: streams each show of a mentions dataset through the matcher and prints P/R/F1 and per-kind recall.
// Usage: npx tsx scripts/eval/mentions.ts <dataset.json> [--verbose] [--json]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Product } from '../../packages/shared/src/contract/product.js';
import {
  createMentionTracker, indexCatalog, scorePooled, scoreShow, type ScoreReport, type Suggestion,
} from '../../packages/shared/src/matcher/index.js';

// Lenient on purpose: the eval must run on any dataset in the documented format, even with odd URLs.
const Dataset = z.object({
  description: z.string().optional(),
  catalog: z.array(z.looseObject({ id: z.string(), title: z.string() })),
  shows: z.array(z.object({
    showId: z.string(),
    title: z.string().optional(),
    linkedProductIds: z.array(z.string()).default([]),
    segments: z.array(z.object({ startMs: z.number(), endMs: z.number(), text: z.string() })),
    mentions: z.array(z.object({ productId: z.string(), atMs: z.number().optional(), segment: z.number().int(), kind: z.string() })),
  })),
});
export type Dataset = z.infer<typeof Dataset>;

/** Runs the detector over a dataset (segments 0..i only at step i) and scores it. */
export function evaluate(data: Dataset): { report: ScoreReport; perShow: { showId: string; suggestions: Suggestion[] }[] } {
  const index = indexCatalog(data.catalog as unknown as Product[]);
  const scored = [];
  const perShow = [];
  for (const show of data.shows) {
    const tracker = createMentionTracker(index, { rundown: show.linkedProductIds });
    const suggestions: Suggestion[] = [];
    show.segments.forEach((seg, i) => {
      for (const m of tracker.push({ id: String(i), ...seg, final: true })) suggestions.push({ productId: m.productId, segment: i });
    });
    scored.push(scoreShow(show.segments, show.mentions, suggestions));
    perShow.push({ showId: show.showId, suggestions });
  }
  return { report: scorePooled(scored), perShow };
}

/** Reads and validates a dataset file. */
export function loadDataset(file: string): Dataset {
  return Dataset.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: tsx scripts/eval/mentions.ts <dataset.json> [--verbose] [--json]');
    process.exit(2);
  }
  const data = loadDataset(file);
  const { report, perShow } = evaluate(data);
  if (args.includes('--json')) {
    const { missed: _m, falsePositives: _f, ...summary } = report;
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  const pct = (x: number): string => x.toFixed(3);
  console.log(`dataset: ${file}`);
  console.log(`shows: ${data.shows.length}  gold: ${report.tp + report.fn}  suggestions: ${perShow.reduce((s, p) => s + p.suggestions.length, 0)}`);
  console.log(`TP ${report.tp}  FP ${report.fp}  FN ${report.fn}  ignored repeats ${report.ignored}`);
  console.log(`precision ${pct(report.precision)}  recall ${pct(report.recall)}  F1 ${pct(report.f1)}`);
  console.log('per-kind recall:');
  for (const [kind, [m, t]] of Object.entries(report.byKind).sort()) console.log(`  ${kind.padEnd(16)} ${pct(m / t)}  (${m}/${t})`);
  if (args.includes('--verbose')) {
    const title = (id: string): string => String(data.catalog.find((p) => p.id === id)?.title ?? id);
    for (const show of data.shows) {
      const sugg = perShow.find((p) => p.showId === show.showId)?.suggestions ?? [];
      const scoredShow = scoreShow(show.segments, show.mentions, sugg);
      for (const g of scoredShow.missed) console.log(`  MISS ${show.showId} #${g.segment} ${title(g.productId)} [${g.kind}]: ${show.segments[g.segment]?.text}`);
      for (const s of scoredShow.falsePositives) console.log(`  FP   ${show.showId} #${s.segment} ${title(s.productId)}: ${show.segments[s.segment]?.text}`);
    }
  }
}

// Runs as a CLI, but the benchmark imports evaluate() without triggering it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
