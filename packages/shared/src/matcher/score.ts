// Scores streamed suggestions against gold mentions exactly as shared/eval/README.md defines (window, 30 s repeats, pooling).

export interface GoldMention { productId: string; segment: number; kind: string; atMs?: number }
/** A suggestion of a product, tagged with the index of the segment being processed when it was emitted. */
export interface Suggestion { productId: string; segment: number }
export interface SegmentTimes { startMs: number; endMs: number }

export interface ScoredShow {
  tp: number;
  fn: number;
  fp: number;
  ignored: number;
  /** Per gold kind: [matched, total]. */
  byKind: Record<string, [number, number]>;
  missed: GoldMention[];
  falsePositives: Suggestion[];
}

export interface ScoreReport extends ScoredShow {
  precision: number;
  recall: number;
  f1: number;
  kindRecall: Record<string, number>;
}

const EARLY_MS = 2000;
const LATE_MS = 6000;
const REPEAT_MS = 30_000;

/** Scores one show: greedy matching of gold mentions in time order to the first usable suggestion. */
export function scoreShow(segments: readonly SegmentTimes[], gold: readonly GoldMention[], suggestions: readonly Suggestion[]): ScoredShow {
  const startOf = (i: number): number => segments[i]?.startMs ?? Number.NaN;
  const ordered = gold.map((g, n) => ({ g, n, at: g.atMs ?? startOf(g.segment) }))
    .sort((a, b) => a.at - b.at || a.g.segment - b.g.segment || a.n - b.n);
  const used = new Array<boolean>(suggestions.length).fill(false);
  const matchedAt: { productId: string; startMs: number }[] = [];
  const byKind: Record<string, [number, number]> = {};
  const missed: GoldMention[] = [];
  let tp = 0;
  for (const { g, at } of ordered) {
    const counts = (byKind[g.kind] ??= [0, 0]);
    counts[1]++;
    const latest = (segments[g.segment]?.endMs ?? Number.NaN) + LATE_MS;
    const idx = suggestions.findIndex((s, i) => {
      if (used[i] || s.productId !== g.productId) return false;
      const t = startOf(s.segment);
      return at - EARLY_MS <= t && t <= latest;
    });
    if (idx < 0) { missed.push(g); continue; }
    used[idx] = true;
    tp++;
    counts[0]++;
    matchedAt.push({ productId: g.productId, startMs: startOf((suggestions[idx] as Suggestion).segment) });
  }
  let fp = 0;
  let ignored = 0;
  const falsePositives: Suggestion[] = [];
  suggestions.forEach((s, i) => {
    if (used[i]) return;
    const t = startOf(s.segment);
    const repeat = matchedAt.some((m) => m.productId === s.productId && t - m.startMs >= 0 && t - m.startMs <= REPEAT_MS);
    if (repeat) ignored++;
    else { fp++; falsePositives.push(s); }
  });
  return { tp, fn: gold.length - tp, fp, ignored, byKind, missed, falsePositives };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Pools per-show counts (not per-show ratios) and derives precision, recall, F1 and per-kind recall. */
export function scorePooled(shows: readonly ScoredShow[]): ScoreReport {
  const byKind: Record<string, [number, number]> = {};
  let tp = 0, fn = 0, fp = 0, ignored = 0;
  const missed: GoldMention[] = [];
  const falsePositives: Suggestion[] = [];
  for (const s of shows) {
    tp += s.tp; fn += s.fn; fp += s.fp; ignored += s.ignored;
    missed.push(...s.missed);
    falsePositives.push(...s.falsePositives);
    for (const [k, [m, t]] of Object.entries(s.byKind)) {
      const c = (byKind[k] ??= [0, 0]);
      c[0] += m; c[1] += t;
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const kindRecall = Object.fromEntries(Object.entries(byKind).map(([k, [m, t]]) => [k, ratio(m, t)]));
  return { tp, fn, fp, ignored, byKind, missed, falsePositives, precision, recall, f1, kindRecall };
}
