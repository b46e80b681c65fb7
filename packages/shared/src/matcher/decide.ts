// Decides which product runs in one segment are real mentions: evidence gates, priors and the choice between rivals.
import type { CatalogIndex } from './catalog-index.js';
import type { Run } from './candidates.js';
import type { Token } from './normalize.js';
import type { MentionKind } from './types.js';

/** What the tracker knows about the show when judging a run. */
export interface DecideContext {
  index: CatalogIndex;
  rundown: ReadonlySet<string>;
  /** Products suggested earlier in this show (recently enough to come back to). */
  recent: ReadonlySet<string>;
  /** The segment says the host is returning to something ("back to the hoops"). */
  returning: boolean;
  /** Products the host could plausibly mean by a short name: rundown, recent and current ones. */
  plausible: ReadonlySet<number>;
  tokens: readonly Token[];
}

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those']);

const GENERIC_LEAD: ReadonlySet<string> = new Set(['a', 'an', 'any', 'some', 'my', 'your', 'our', 'his', 'her']);

/** Whether some title word heard fits only this product among the plausible ones. */
function uniqueTerm(ctx: DecideContext, run: Run): boolean {
  return run.heardTerms.some((t) => plausibleCount(ctx, t) === 1);
}

/** How many plausible products carry a term, counting only as far as 2. */
function plausibleCount(ctx: DecideContext, term: string): number {
  let n = 0;
  for (const o of ctx.index.postings.get(term) ?? []) if (ctx.plausible.has(o) && ++n > 1) break;
  return n;
}

const determined = (ctx: DecideContext, run: Run): boolean =>
  [1, 2].some((k) => DETERMINERS.has(ctx.tokens[run.start - k]?.norm ?? ''));

/**
 * Whether the naming words pick out this product. One name word is enough only as a referring
 * phrase ("the pro", "the trio") and only if no other plausible product shares it: "glow up hour"
 * or "which is cleansing" mention a name word without meaning a product.
 */
function namesIt(ctx: DecideContext, run: Run, id: string): boolean {
  if (!run.nameHit) return false;
  if (run.positions.length >= 2 && (run.nameTerms.length >= 2 || run.titleCov >= 0.45)) return true;
  // One heard word that sounds like a two-word name of a product already shown ("the gwasha").
  if (run.nameTerms.length >= 2 && ctx.recent.has(id) && determined(ctx, run)) return true;
  const term = run.nameTerms[0];
  // One misheard word is not enough on its own ("the winner" is not "the dinner plates").
  if (term === undefined || run.fuzzy) return false;
  // A size said with its unit ("twelve inch") is a referring phrase on its own, even inside a list.
  const size = /\d/.test(term) && term.length > 2;
  // Otherwise one word only brings back a product already shown ("the pro", "the trio"):
  // introducing one takes more than "this board".
  if (!size && !(determined(ctx, run) && ctx.recent.has(id))) return false;
  return inRundown(ctx, id) ? plausibleCount(ctx, term) === 1 : (ctx.index.postings.get(term)?.length ?? 0) === 1;
}

/** Rundown and recency priors: how much a product is expected, added to how well it was heard. */
const RUNDOWN_PRIOR = 0.25;
const RECENT_PRIOR = 0.1;

const inRundown = (ctx: DecideContext, id: string): boolean => ctx.rundown.size === 0 || ctx.rundown.has(id);

/** How strongly the words identify the product, before priors. */
export function evidence(run: Run): number {
  return run.titleCov + (run.vendorExtraHit ? 0.3 : 0) + (run.variantHit ? 0.35 : 0) + (run.sku ? 1.5 : 0);
}

/** Evidence plus what the show leads us to expect. */
export function finalScore(ctx: DecideContext, run: Run): number {
  const id = ctx.index.products[run.ord]?.id ?? '';
  return evidence(run) + (inRundown(ctx, id) ? RUNDOWN_PRIOR : 0) + (ctx.recent.has(id) ? RECENT_PRIOR : 0);
}

/**
 * Whether a run is specific enough to suggest. Generic words alone ("the tote", "ring light") only
 * count for a product already discussed in this show, and a product off the rundown needs most of its
 * name, so passing talk about competitors or other shows' products does not fire.
 */
export function isEligible(ctx: DecideContext, run: Run): boolean {
  if (run.sku) return true;
  const id = ctx.index.products[run.ord]?.id ?? '';
  const full = run.titleCov >= 0.8;
  const brandType = run.vendorAll && run.typeHit && run.vendorExtraHit;
  // Coming back to a product already shown: generic words suffice if they are a referring phrase
  // that fits no other plausible product ("the banneton", "the leather tote").
  const recentPath = ctx.recent.has(id) && !run.fuzzy
    && (run.descriptorHits >= 2 || (run.descriptorHits >= 1 && (ctx.returning || (determined(ctx, run) && uniqueTerm(ctx, run)))));
  const name = namesIt(ctx, run, id);
  // A variant alone ("the fig and cedar") must be a referring phrase, not a list of colours.
  const variant = run.variantHit && (run.titleHits > 0 || determined(ctx, run));
  const ok = full || name || brandType || variant || recentPath;
  if (!ok) return false;
  // "a proofing basket", "my ring light": an indefinite or possessive phrase is talk about a kind of thing.
  if (GENERIC_LEAD.has(ctx.tokens[run.start - 1]?.norm ?? '') && !full && !run.vendorExtraHit) return false;
  if (inRundown(ctx, id)) return true;
  return full || (run.titleCov >= 0.5 && (name || brandType)) || (variant && run.titleCov >= 0.3);
}

/** The label that best describes why the run was recognised. */
export function kindOf(run: Run): MentionKind {
  if (run.sku) return 'sku';
  if (run.fuzzy) return 'asr_error';
  if (run.titleCov >= 0.8) return 'exact';
  if (run.variantHit) return 'variant';
  if (run.vendorExtraHit && run.vendorAll && !run.nameHit) return 'brand_plus_type';
  return 'partial';
}

/** Whether two runs compete for the same words. */
export const overlaps = (a: Run, b: Run): boolean => a.start <= b.end && b.start <= a.end;
