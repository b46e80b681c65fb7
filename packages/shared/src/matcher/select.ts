// Picks, among the competing product runs of one segment, which are new mentions and which continue the current stretch.
import type { Run } from './candidates.js';
import { evidence, finalScore, isEligible, overlaps, type DecideContext } from './decide.js';

/** A rival must beat the product being discussed by this much to count as a switch. */
const CONTINUATION_MARGIN = 0.15;
/** Two different products heard equally well: too ambiguous to suggest either. */
const TIE_MARGIN = 0.02;
const MAX_ROUNDS = 12;

export interface Pick {
  run: Run;
  productId: string;
  /** 'continue' means the words fit the product already on screen: nothing new to suggest. */
  action: 'emit' | 'continue';
}

const within = (inner: Run, outer: Run): boolean => inner.positions.every((k) => outer.positions.includes(k));

/**
 * Greedy choice, best evidence first, each word used once; then a left-to-right walk so a recap
 * ("the focus lamp ... and the max") re-suggests a product once the host has moved off it.
 */
export function selectRuns(
  ctx: DecideContext,
  runs: readonly Run[],
  held: ReadonlySet<string>,
  dismissed: (start: number, end: number) => boolean,
): Pick[] {
  const idOf = (r: Run): string => ctx.index.products[r.ord]?.id ?? '';
  const used: Run[] = [];
  const picks: Pick[] = [];
  const free = (r: Run): boolean => !used.some((u) => overlaps(u, r));
  // Eligibility and scores do not change between rounds: compute them once.
  const scoreOf = new Map(runs.map((r) => [r, finalScore(ctx, r)]));
  const ranked = runs.filter((r) => isEligible(ctx, r)).map((r) => ({ r, score: scoreOf.get(r) ?? 0 }))
    .sort((a, b) => b.score - a.score);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const eligible = ranked.filter((e) => free(e.r));
    let best = eligible[0];
    if (!best) break;
    // Specificity: a run that explains the same words and more ("desk lamp max" vs "desk lamp") wins.
    const first = best;
    const wider = eligible.find((e) => e.r.positions.length > first.r.positions.length && within(first.r, e.r)
      && evidence(e.r) >= evidence(first.r) - 0.05);
    if (wider) best = wider;
    const top = best;
    const rivals = runs.filter((r) => r !== top.r && overlaps(r, top.r) && free(r));
    used.push(top.r);
    if (dismissed(top.r.start, top.r.end)) continue;
    const id = idOf(top.r);
    // Words that fit the product already being discussed continue its stretch, unless the host turns
    // back; the rival must explain every word heard ("the twelve inch" is a switch from the ten inch).
    const cont = ctx.returning ? undefined : rivals.find((r) => held.has(idOf(r))
      && (scoreOf.get(r) ?? 0) >= top.score - CONTINUATION_MARGIN && within(top.r, r));
    if (cont) { picks.push({ run: cont, productId: idOf(cont), action: 'continue' }); continue; }
    const second = eligible.find((e) => e.r !== top.r && idOf(e.r) !== id && overlaps(e.r, top.r) && !within(e.r, top.r));
    if (second && Math.abs(top.score - second.score) < TIE_MARGIN) continue;
    picks.push({ run: top.r, productId: id, action: 'emit' });
  }
  picks.sort((a, b) => a.run.start - b.run.start);
  const onScreen = new Set(held);
  const emitted = new Set<string>();
  for (const p of picks) {
    if (p.action === 'continue') continue;
    if (onScreen.has(p.productId) || emitted.has(p.productId)) { p.action = 'continue'; continue; }
    emitted.add(p.productId);
    onScreen.clear();
    onScreen.add(p.productId);
  }
  return picks;
}
