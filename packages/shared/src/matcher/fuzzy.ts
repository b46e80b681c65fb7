// Token-level similarity for misheard names: edit distance plus a sound-alike key, with a fuse.js vocabulary search.
import Fuse from 'fuse.js';

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopped early past `max`. */
export function editDistance(a: string, b: string, max = 8): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}

/**
 * A rough sound key: consonant skeleton with voicing merged (b/p, d/t, g/k, v/f) and vowels dropped,
 * so "loon"/"lune", "amber"/"ember", "clout"/"cloud" and "gwasha"/"guasha" share a key.
 */
export function soundKey(w: string): string {
  let s = w.replace(/gh/g, '').replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/c(?=[eiy])/g, 's').replace(/[cq]/g, 'k');
  s = s.replace(/x/g, 'ks').replace(/z/g, 's').replace(/b/g, 'p').replace(/d/g, 't').replace(/g/g, 'k').replace(/v/g, 'f');
  const lead = /^[aeiouy]/.test(s) ? '_' : '';
  s = s.replace(/[aeiouywh]/g, '').replace(/(.)\1+/g, '$1');
  return lead + s;
}

const isAlpha = (w: string): boolean => /^[a-z]+$/.test(w);

/** Similarity in [0, 1] of a heard word and a catalog word; numbers and very short words match only exactly. */
export function tokenSimilarity(heard: string, known: string): number {
  if (heard === known) return 1;
  if (!isAlpha(heard) || !isAlpha(known)) return 0;
  const minLen = Math.min(heard.length, known.length);
  if (minLen < 3) return 0;
  const maxLen = Math.max(heard.length, known.length);
  const charSim = 1 - editDistance(heard, known, 4) / maxLen;
  const kh = soundKey(heard);
  const kk = soundKey(known);
  const consonants = kk.replace('_', '').length;
  // Sound-alike only counts when the skeleton is long enough to mean something and spelling is not far off.
  const lenGap = Math.abs(heard.length - known.length);
  const soundAlike = kh === kk && consonants >= 2 && ((charSim >= 0.5 && lenGap <= 2) || (charSim >= 0.25 && lenGap <= 1));
  if (soundAlike) return 0.7 + 0.3 * charSim;
  // One letter off in a short word is usually another word ("hour"/"pour", "good"/"wood").
  if (maxLen <= 4) return 0;
  return charSim;
}

/** The similarity a fuzzy token match needs; below it the heard word is treated as a different word. */
export const FUZZY_MIN = 0.75;

/** A catalog term found for a heard word. */
export interface FuzzyHit { term: string; sim: number }

/** Anything that proposes catalog terms for a heard word. */
export interface TermLookup { lookup(word: string): FuzzyHit[] }

const CACHE_LIMIT = 5000;

/** Edits allowed for a word of this length while still reaching FUZZY_MIN (one per 4-7 letters, two from 8). */
const maxEdits = (len: number): number => (len >= 8 ? 2 : len >= 4 ? 1 : 0);

function deletions(w: string, depth: number, out: Set<string>): void {
  if (depth === 0) return;
  for (let i = 0; i < w.length; i++) {
    const d = w.slice(0, i) + w.slice(i + 1);
    if (!out.has(d)) { out.add(d); deletions(d, depth - 1, out); }
  }
}

/** Caps a lookup cache so a long show with a wide vocabulary cannot grow memory without bound. */
function remember(cache: Map<string, FuzzyHit[]>, word: string, hits: FuzzyHit[]): FuzzyHit[] {
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(word, hits);
  return hits;
}

function verified(word: string, terms: Iterable<string>): FuzzyHit[] {
  const seen = new Set<string>();
  const hits: FuzzyHit[] = [];
  for (const t of terms) {
    if (t === word || seen.has(t)) continue;
    seen.add(t);
    const sim = tokenSimilarity(word, t);
    if (sim >= FUZZY_MIN) hits.push({ term: t, sim });
  }
  return hits.sort((a, b) => b.sim - a.sim).slice(0, 6);
}

/**
 * Catalog-wide fuzzy lookup that stays fast at 10,000 products: a symmetric-deletion index finds
 * every term within the allowed edits in microseconds, and a sound-key map finds sound-alikes
 * ("loon"/"lune") that are further apart in spelling. tokenSimilarity makes the final call.
 */
export class CatalogVocab implements TermLookup {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly byKey = new Map<string, string[]>();
  private readonly cache = new Map<string, FuzzyHit[]>();

  /** `compounds` are joined title words ("pourover"): long, so one edit is plenty and keeps the index small. */
  constructor(terms: Iterable<string>, compounds: ReadonlySet<string> = new Set()) {
    const push = (map: Map<string, string[]>, k: string, t: string): void => {
      const list = map.get(k);
      if (!list) map.set(k, [t]);
      else if (list.length < 64) list.push(t);
    };
    for (const t of terms) {
      if (!isAlpha(t) || t.length < 3) continue;
      push(this.byKey, soundKey(t), t);
      const dels = new Set<string>([t]);
      deletions(t, compounds.has(t) ? Math.min(1, maxEdits(t.length)) : maxEdits(t.length), dels);
      for (const d of dels) push(this.byDeletion, d, t);
    }
  }

  /** `joined` marks words glued from two or three heard pieces: one edit is allowed there, not two. */
  lookup(word: string, joined = false): FuzzyHit[] {
    const key = joined ? `+${word}` : word;
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (!isAlpha(word) || word.length < 3 || word.length > 40) return remember(this.cache, key, []);
    const dels = new Set<string>([word]);
    deletions(word, joined ? Math.min(1, maxEdits(word.length)) : maxEdits(word.length), dels);
    const found: string[] = [...(this.byKey.get(soundKey(word)) ?? [])];
    for (const d of dels) found.push(...(this.byDeletion.get(d) ?? []));
    return remember(this.cache, key, verified(word, found));
  }
}

/**
 * fuse.js over a show's own vocabulary (rundown and recent products: a few hundred terms), where
 * its approximate search is cheap and catches misspellings the edit bound above would miss.
 */
export class ShowVocab implements TermLookup {
  private readonly fuse: Fuse<string>;
  private readonly cache = new Map<string, FuzzyHit[]>();

  constructor(terms: Iterable<string>) {
    const list = [...new Set(terms)].filter((t) => isAlpha(t) && t.length >= 3);
    this.fuse = new Fuse(list, { includeScore: true, threshold: 0.45, ignoreLocation: true, isCaseSensitive: true });
  }

  lookup(word: string): FuzzyHit[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    if (!isAlpha(word) || word.length < 4 || word.length > 32) return remember(this.cache, word, []);
    return remember(this.cache, word, verified(word, this.fuse.search(word, { limit: 8 }).map((r) => r.item)));
  }
}
