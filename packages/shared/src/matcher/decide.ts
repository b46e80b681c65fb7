// Decides which product runs in one segment are real mentions: evidence gates, priors and the choice between rivals.
import type { CatalogIndex } from './catalog-index.js';
import type { Run } from './candidates.js';
import type { Token } from './normalize.js';
import { GENERIC_COMMERCE, STOPWORDS } from './lexicon.js';
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

/** How many plausible products (other than `except`) carry every one of these terms, counting only as far as 1. */
function othersCarrying(ctx: DecideContext, terms: readonly string[], except: number): number {
  if (terms.length === 0) return 0;
  for (const o of ctx.plausible) {
    if (o === except) continue;
    const p = ctx.index.products[o];
    if (p && terms.every((t) => p.terms.has(t))) return 1;
  }
  return 0;
}

/** A word that names rather than describes: not a product type, a tag shared by many, a number or a commerce word. */
const naming = (ctx: DecideContext, t: string): boolean => !ctx.index.descriptors.has(t) && !/^\d+$/.test(t) && !GENERIC_COMMERCE.has(t);

/**
 * The show resolves the phrase: two or more words, at least one of them a name (a model, a vendor word, a
 * variant), that together fit this product and no other product of the rundown or on screen. That is how a
 * person hears "the classic ocean" or "the dew cleanser" in a show that has one of each.
 */
function resolvedByShow(ctx: DecideContext, run: Run): boolean {
  if (run.fuzzy || run.terms.length < 2 || !ctx.plausible.has(run.ord)) return false;
  // Without a name word ("the scarf xl"), only a phrase that starts right after its determiner refers.
  const leads = DETERMINERS.has(ctx.tokens[run.start - 1]?.norm ?? '');
  if (!run.variantHeard && !run.terms.some((t) => naming(ctx, t)) && !(leads && run.terms.every((t) => run.heardTerms.includes(t)))) return false;
  if (!determined(ctx, run) && run.terms.length < 3) return false;
  return othersCarrying(ctx, run.terms, run.ord) === 0;
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
  // "The dew one": a name word between a determiner and "one" refers, when the show has one product by that name.
  if (['one', '1'].includes(ctx.tokens[run.end + 1]?.norm ?? '') && DETERMINERS.has(ctx.tokens[run.start - 1]?.norm ?? '') && ctx.plausible.has(run.ord)
    && run.positions.length === 1) return plausibleCount(ctx, term) === 1;
  // A size said with its unit ("twelve inch") is a referring phrase on its own, even inside a list.
  const size = /\d/.test(term) && term.length > 2;
  // Otherwise one word only brings back a product already shown ("the pro", "the trio"):
  // introducing one takes more than "this board".
  if (!size && !(determined(ctx, run) && ctx.recent.has(id))) return false;
  return inRundown(ctx, id) ? plausibleCount(ctx, term) === 1 : (ctx.index.postings.get(term)?.length ?? 0) === 1;
}

const FOREIGN_SKIP: ReadonlySet<string> = new Set(['um', 'uh', 'okay', 'oh', 'new', 'next', 'first', 'last', 'other', 'same']);

/** A word that could be a name the catalog does not have: letters, not a common word, not a catalog term. */
function isForeignName(ctx: DecideContext, w: string): boolean {
  return /^[a-z]{4,}$/.test(w) && !STOPWORDS.has(w) && !FOREIGN_SKIP.has(w) && !GENERIC_COMMERCE.has(w) && !ctx.index.postings.has(w) && !ctx.index.vocab.lookup(w).length;
}

/** Rundown and recency priors: how much a product is expected, added to how well it was heard. */
const RUNDOWN_PRIOR = 0.25;
const RECENT_PRIOR = 0.1;

const inRundown = (ctx: DecideContext, id: string): boolean => ctx.rundown.size === 0 || ctx.rundown.has(id);

/** How strongly the words identify the product, before priors. */
export function evidence(run: Run): number {
  return run.titleCov + (run.vendorExtraHit ? 0.3 : 0) + (run.variantHit ? 0.35 : run.variantHeard ? 0.2 : 0) + (run.sku ? 1.5 : 0);
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
  const ok = full || name || brandType || variant || recentPath || resolvedByShow(ctx, run);
  if (!ok) return false;
  // "a proofing basket", "my ring light", "a good face mask": an indefinite or possessive phrase is talk about
  // a kind of thing.
  const before = ctx.tokens[run.start - 1]?.norm ?? '';
  const generic = GENERIC_LEAD.has(before) || (GENERIC_LEAD.has(ctx.tokens[run.start - 2]?.norm ?? '') && !ctx.index.postings.has(before));
  if (generic && !full && !run.vendorExtraHit) return false;
  // "the larkspur scarf": a word the catalog does not know, right before words that only describe, is another
  // company's name, so it is their scarf.
  if (!run.nameHit && !run.variantHeard && !run.vendorExtraHit && DETERMINERS.has(ctx.tokens[run.start - 2]?.norm ?? '')
    && isForeignName(ctx, before)) return false;
  if (inRundown(ctx, id)) return true;
  // Off the rundown, words that also fit a product of the show mean that product: "the dew cleanser" is the
  // rundown's, not another brand's with the same two words. Only its full name brings the other one up.
  if (!full && othersCarrying(ctx, run.terms, run.ord) > 0) return false;
  return full || (run.titleCov >= 0.5 && (name || brandType)) || (variant && run.titleCov >= 0.3);
}

/** The label that best describes why the run was recognised. */
export function kindOf(run: Run): MentionKind {
  if (run.sku) return 'sku';
  if (run.fuzzy) return 'asr_error';
  if (run.titleCov >= 0.8) return 'exact';
  if (run.variantHit || run.variantHeard) return 'variant';
  if (run.vendorExtraHit && run.vendorAll && !run.nameHit) return 'brand_plus_type';
  return 'partial';
}

/** Whether two runs compete for the same words. */
export const overlaps = (a: Run, b: Run): boolean => a.start <= b.end && b.start <= a.end;
