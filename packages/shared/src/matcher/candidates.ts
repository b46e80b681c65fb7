// Finds, for one token window, which products the words could name and how well (runs of matched words per product).
import type { CatalogIndex, IndexedProduct, TermRole } from './catalog-index.js';
import { FUZZY_MIN, type FuzzyHit, type TermLookup } from './fuzzy.js';
import { GENERIC_COMMERCE, STOPWORDS } from './lexicon.js';
import type { Token } from './normalize.js';

/** A catalog term heard at tokens [start, end]. */
export interface TermMatch { start: number; end: number; term: string; sim: number }

/** A contiguous stretch of words that fits one product, with the evidence it carries. */
export interface Run {
  ord: number;
  start: number;
  end: number;
  /** Weighted share of the title heard, in [0, 1]. */
  titleCov: number;
  /** Token positions this run explains. */
  positions: number[];
  /** Title words heard (as catalog terms). */
  heardTerms: string[];
  /** Title slots heard, any kind. */
  titleHits: number;
  /** A title word that names rather than describes (not a type, tag, number or commerce word). */
  nameHit: boolean;
  /** The catalog terms that gave nameHit (a size like "12inch" counts). */
  nameTerms: string[];
  /** Title words heard that only describe ("tote", "mask"). */
  descriptorHits: number;
  /** Every vendor word was heard. */
  vendorAll: boolean;
  vendorExtraHit: boolean;
  typeHit: boolean;
  variantHit: boolean;
  /** Every word of one of its variants was heard, distinctive in the catalog or not ("the red one" in a show of one red). */
  variantHeard: boolean;
  /** Every catalog term heard for the product, any role (title, vendor, type, variant), exactly. */
  terms: string[];
  fuzzy: boolean;
  sku: boolean;
}

/** Postings longer than this are too common to propose candidates (they still score candidates). */
const MAX_POSTING = 400;
const MAX_CANDIDATES = 80;

const isNumber = (t: string): boolean => /^\d+$/.test(t);
const JOINERS: ReadonlySet<string> = new Set(['and', 'or', 'versus', 'vs', 'plus', 'then', 'than']);
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those', 'a', 'an']);

/** Every catalog term heard in the window: exact words, sound-alikes and two-word joins ("drip her"). */
export function matchTerms(index: CatalogIndex, tokens: readonly Token[], show?: TermLookup): TermMatch[] {
  const out: TermMatch[] = [];
  // The show's fuse.js vocabulary is asked only about single words the catalog index could not place.
  const fuzzy = (w: string, joined: boolean): FuzzyHit[] => {
    const hits = index.vocab.lookup(w, joined);
    return hits.length > 0 || joined || !show ? hits : show.lookup(w);
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = (tokens[i] as Token).norm;
    if (!STOPWORDS.has(w)) {
      if (index.postings.has(w)) out.push({ start: i, end: i, term: w, sim: 1 });
      else for (const h of fuzzy(w, false)) out.push({ start: i, end: i, term: h.term, sim: h.sim });
    }
    // Three short pieces may be one misheard word ("ban a ton" -> banneton).
    const third = tokens[i + 2]?.norm;
    if (third !== undefined && w.length + (tokens[i + 1] as Token).norm.length + third.length >= 6
      && w.length + (tokens[i + 1] as Token).norm.length + third.length <= 14) {
      const joined3 = w + (tokens[i + 1] as Token).norm + third;
      if (!/\d/.test(joined3)) {
        for (const h of fuzzy(joined3, true)) {
          if (index.singleWords.has(h.term) && h.term.length >= 6) out.push({ start: i, end: i + 2, term: h.term, sim: h.sim });
        }
      }
    }
    const next = tokens[i + 1]?.norm;
    if (next === undefined || (STOPWORDS.has(w) && STOPWORDS.has(next))) continue;
    const joined = w + next;
    if (index.postings.has(joined)) out.push({ start: i, end: i + 1, term: joined, sim: 1 });
    else if (joined.length >= 5 && !/\d/.test(joined)) {
      // A split word ("drip her") may be a misheard single catalog word; two guesses in a row are too loose.
      for (const h of fuzzy(joined, true)) if (index.singleWords.has(h.term)) out.push({ start: i, end: i + 1, term: h.term, sim: h.sim });
    }
  }
  return out;
}

/** Products worth scoring: those proposed by specific heard terms, plus any the caller always wants checked. */
export function candidateOrds(index: CatalogIndex, matches: readonly TermMatch[], always: Iterable<number>): number[] {
  const votes = new Map<number, number>();
  for (const m of matches) {
    const ords = index.postings.get(m.term);
    if (!ords || ords.length > MAX_POSTING) continue;
    const w = (index.weights.get(m.term) ?? 1) * m.sim;
    for (const ord of ords) votes.set(ord, (votes.get(ord) ?? 0) + w);
  }
  const top = [...votes].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES).map(([ord]) => ord);
  return [...new Set([...top, ...always])];
}

interface Hit { m: TermMatch; roles: readonly TermRole[]; value: number }

function hitValue(index: CatalogIndex, m: TermMatch, roles: readonly TermRole[]): number {
  let v = 0;
  for (const r of roles) for (const s of r.covers) v += index.weights.get(s) ?? 0;
  return (v || 0.2) * m.sim;
}

/** The runs of one product: its terms heard close together (one unmatched word allowed, never a number). */
export function productRuns(index: CatalogIndex, p: IndexedProduct, tokens: readonly Token[], matches: readonly TermMatch[]): Run[] {
  const all: Hit[] = [];
  for (const m of matches) {
    const roles = p.terms.get(m.term);
    if (roles) all.push({ m, roles, value: hitValue(index, m, roles) });
  }
  // Each word serves one term: prefer the reading that explains more of the title.
  all.sort((a, b) => b.value - a.value);
  const taken = new Set<number>();
  const hits: Hit[] = [];
  for (const h of all) {
    let free = true;
    for (let k = h.m.start; k <= h.m.end; k++) if (taken.has(k)) free = false;
    if (!free) continue;
    for (let k = h.m.start; k <= h.m.end; k++) taken.add(k);
    hits.push(h);
  }
  hits.sort((a, b) => a.m.start - b.m.start);
  const runs: Run[] = [];
  let group: Hit[] = [];
  const flush = (): void => { if (group.length > 0) runs.push(scoreRun(index, p, group)); group = []; };
  for (const h of hits) {
    const prev = group[group.length - 1];
    if (prev) {
      let gap = 0;
      let broken = false;
      for (let k = prev.m.end + 1; k < h.m.start; k++) {
        const t = (tokens[k] as Token).norm;
        // "the volt charger versus the quanta headphones", "the harbor boot and the fjord": a new noun phrase.
        if (JOINERS.has(t) && DETERMINERS.has(tokens[k + 1]?.norm ?? '')) broken = true;
        if (STOPWORDS.has(t)) continue;
        gap++;
        // A number (a price) or another product's word between two hits means two separate phrases.
        if (isNumber(t) || index.postings.has(t)) broken = true;
      }
      if (broken || gap > 1) flush();
    }
    group.push(h);
  }
  flush();
  return runs;
}

function scoreRun(index: CatalogIndex, p: IndexedProduct, hits: readonly Hit[]): Run {
  const filled = new Map<string, number>();
  const variantTerms = new Map<number, Set<string>>();
  let typeHit = false;
  let fuzzy = false;
  let nameHit = false;
  const nameTerms = new Set<string>();
  const terms = new Set<string>();
  for (const h of hits) {
    if (h.m.sim < 1) fuzzy = true;
    else for (const r of h.roles) for (const t of r.covers.length > 0 ? r.covers : [h.m.term]) terms.add(t);
    for (const r of h.roles) {
      if (r.field === 'type') typeHit = true;
      // Colours and scents are ordinary words, so a variant counts only when heard exactly.
      if (r.field === 'variant' && r.variant !== undefined && h.m.sim === 1) {
        const set = variantTerms.get(r.variant) ?? new Set<string>();
        set.add(h.m.term);
        variantTerms.set(r.variant, set);
      }
      for (const s of r.covers) filled.set(s, Math.max(filled.get(s) ?? 0, h.m.sim));
      // A number said with its unit ("twelve inch", "ten k") names a size, so it counts as a name.
      if (r.field === 'title' && r.covers.length === 2 && r.covers.some(isNumber) && h.m.sim === 1) {
        nameHit = true;
        nameTerms.add(h.m.term);
      }
    }
  }
  let heard = 0;
  let descriptorHits = 0;
  for (const [s, sim] of filled) {
    if (!p.titleSlots.includes(s)) continue;
    heard += (index.weights.get(s) ?? 0) * sim;
    const describes = index.descriptors.has(s) || isNumber(s) || GENERIC_COMMERCE.has(s);
    if (describes) descriptorHits++;
    else if (sim >= FUZZY_MIN) { nameHit = true; nameTerms.add(s); }
  }
  const vendorExtraHit = p.vendorExtra.some((t) => filled.has(t));
  const vendorAll = p.vendorTokens.length > 0 && p.vendorTokens.every((t) => filled.has(t));
  if (!typeHit) typeHit = [...filled.keys()].some((s) => p.titleSlots.includes(s) && index.descriptors.has(s));
  const heardTerms = [...filled.keys()].filter((s) => p.titleSlots.includes(s));
  const titleHits = heardTerms.length;
  const heardVariant = (distinctiveOnly: boolean): boolean => [...variantTerms].some(([v, heard]) => {
    const variant = p.variants[v];
    return variant !== undefined && (variant.distinctive || !distinctiveOnly) && variant.tokens.every((t) => heard.has(t));
  });
  const variantHit = heardVariant(true);
  const variantHeard = heardVariant(false);
  const first = hits[0] as Hit;
  const last = hits[hits.length - 1] as Hit;
  const positions = new Set<number>();
  for (const h of hits) for (let k = h.m.start; k <= h.m.end; k++) positions.add(k);
  return {
    ord: p.ord,
    positions: [...positions],
    start: first.m.start,
    end: Math.max(...hits.map((h) => h.m.end), last.m.end),
    titleCov: p.titleWeight > 0 ? Math.min(1, heard / p.titleWeight) : 0,
    heardTerms, titleHits, nameHit, nameTerms: [...nameTerms], descriptorHits, vendorAll, vendorExtraHit, typeHit, variantHit, variantHeard, terms: [...terms], fuzzy, sku: false,
  };
}
