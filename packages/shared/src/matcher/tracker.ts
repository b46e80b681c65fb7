// Streams transcript segments through the matcher and decides what to suggest now, with per-show memory.
import type { CatalogIndex } from './catalog-index.js';
import { candidateOrds, matchTerms, productRuns, type Run } from './candidates.js';
import { featuresOf, confidence } from './calibration.js';
import { kindOf, type DecideContext } from './decide.js';
import { dismissalScope } from './dismissal.js';
import { ShowVocab } from './fuzzy.js';
import { tokenize, type Token } from './normalize.js';
import { selectRuns } from './select.js';
import { findSkus } from './sku.js';
import type { Mention, MentionTracker, TrackerOptions, TranscriptSegmentInput } from './types.js';

/** A product not heard for this long is no longer "the one being talked about". */
const STRETCH_IDLE_MS = 90_000;
/** How long a suggested product stays "recent" (a recap may come back to it). */
const RECENT_MS = 30 * 60_000;
const MAX_SEGMENT_IDS = 200;
const MAX_MENTIONS_PER_SEGMENT = 4;
/** Recognizers cut segments mid-phrase ("next up is the dew" | "serum mini"): the next segment is read with
 *  the last few words of this one in front, when it follows within this gap. */
const CARRY_WORDS = 4;
const CARRY_GAP_MS = 1500;
/** Words a cut can fall after: "show you the" | "marlo fjord scarf". */
const TAIL_WORDS: ReadonlySet<string> = new Set(['the', 'this', 'that']);

const RETURN_CUES: readonly (readonly string[])[] = [['back', 'to'], ['going', 'back'], ['go', 'back'], ['come', 'back', 'to']];

function hasPhrase(tokens: readonly Token[], phrases: readonly (readonly string[])[]): boolean {
  return tokens.some((_, i) => phrases.some((p) => p.every((w, k) => tokens[i + k]?.norm === w)));
}

/**
 * The words a segment may have been cut in the middle of: its last few tokens, as long as each is a catalog
 * word, a spelled letter (a SKU) or a determiner ("... show you the hollow oak" | "haven mug").
 */
function openTail(index: CatalogIndex, own: { tokens: readonly Token[]; words: readonly string[] }): string[] {
  let k = own.tokens.length;
  while (k > 0 && own.tokens.length - k < CARRY_WORDS) {
    const t = (own.tokens[k - 1] as Token).norm;
    if (!(index.postings.has(t) || t.length === 1 || TAIL_WORDS.has(t) || /^\d+$/.test(t))) break;
    k--;
  }
  if (k === own.tokens.length) return [];
  return own.words.slice((own.tokens[k] as Token).src);
}

function quote(words: readonly string[], tokens: readonly Token[], run: Run): string {
  const from = tokens[run.start]?.src ?? 0;
  const to = tokens[run.end]?.src ?? from;
  return words.slice(from, to + 1).join(' ').slice(0, 200);
}

export function createMentionTracker(index: CatalogIndex, options: TrackerOptions = {}): MentionTracker {
  let rundown = new Set<string>(options.rundown ?? []);
  let onAir = new Set<string>();
  let current = new Set<string>();
  const lastHeard = new Map<string, number>();
  const suggestedAt = new Map<string, number>();
  const emittedBySegment = new Map<string, Set<string>>();

  let showVocab: { key: string; vocab: ShowVocab } | undefined;
  /** The tail of the previous final segment, and when it ended. */
  let carry: { words: string[]; endMs: number } | undefined;

  /** The fuse.js vocabulary of the rundown and on-air products, rebuilt only when that set changes. */
  const vocabFor = (ords: ReadonlySet<number>): ShowVocab => {
    const key = [...ords].sort((a, b) => a - b).join(',');
    if (showVocab?.key !== key) {
      const terms = [...ords].flatMap((o) => [...(index.products[o]?.terms.keys() ?? [])]);
      showVocab = { key, vocab: new ShowVocab(terms) };
    }
    return showVocab.vocab;
  };

  const ordsOf = (ids: Iterable<string>): number[] => {
    const out: number[] = [];
    for (const id of ids) { const p = index.byId.get(id); if (p) out.push(p.ord); }
    return out;
  };

  function decide(seg: TranscriptSegmentInput): Mention[] {
    const now = Number.isFinite(seg.startMs) ? seg.startMs : 0;
    for (const id of [...current]) if (now - (lastHeard.get(id) ?? -Infinity) > STRETCH_IDLE_MS) current.delete(id);
    const text = typeof seg.text === 'string' ? seg.text : '';
    const own = tokenize(text);
    if (own.tokens.length === 0) return [];
    const follows = carry && Number.isFinite(seg.startMs) && seg.startMs >= carry.endMs - 500 && seg.startMs - carry.endMs <= CARRY_GAP_MS;
    const lead = follows && carry ? carry.words : [];
    const { tokens, words } = lead.length > 0 ? tokenize(`${lead.join(' ')} ${text}`) : own;
    // Tokens before `from` belong to the previous segment: a run must reach past them to count here.
    const from = tokens.length - own.tokens.length;
    // A run that uses the carried words must be one phrase across the cut: the last carried word and the first new one.
    const across = (r: Run): boolean => r.start < from && r.positions.includes(from - 1) && r.positions.includes(from);
    if (seg.final !== false) carry = { words: openTail(index, own), endMs: Number.isFinite(seg.endMs) ? seg.endMs : now };
    const recent = new Set([...suggestedAt].filter(([, at]) => now - at <= RECENT_MS).map(([id]) => id));
    const plausible = new Set(ordsOf([...rundown, ...recent, ...current, ...onAir]));
    const ctx: DecideContext = { index, rundown, recent, returning: hasPhrase(tokens, RETURN_CUES), plausible, tokens };
    const matches = matchTerms(index, tokens, vocabFor(new Set(ordsOf([...rundown, ...onAir]))));
    const ownMatches = from > 0 ? matches.filter((m) => m.start >= from) : matches;
    // Always score the show's own products; recent ones only the latest few (others come in by vote).
    const latest = [...suggestedAt].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([id]) => id);
    const ords = candidateOrds(index, matches, ordsOf([...rundown, ...current, ...latest, ...onAir]));
    const runs: Run[] = [];
    for (const ord of ords) {
      const p = index.products[ord];
      if (!p) continue;
      runs.push(...productRuns(index, p, tokens, from > 0 ? ownMatches : matches));
      if (from > 0) runs.push(...productRuns(index, p, tokens, matches).filter(across));
    }
    for (const s of findSkus(index, tokens).filter((h) => h.start >= from || h.end >= from)) {
      const positions = Array.from({ length: s.end - s.start + 1 }, (_, k) => s.start + k);
      runs.push({ ord: s.ord, start: s.start, end: s.end, positions, heardTerms: [], titleCov: 0, titleHits: 0, nameHit: false, nameTerms: [], descriptorHits: 0, vendorAll: false,
        vendorExtraHit: false, typeHit: false, variantHit: false, variantHeard: false, terms: [], fuzzy: false, sku: true });
    }
    const held = new Set([...current, ...onAir]);
    const out: Mention[] = [];
    for (const pick of selectRuns(ctx, runs, held, dismissalScope(tokens))) {
      lastHeard.set(pick.productId, now);
      if (pick.action !== 'emit' || onAir.has(pick.productId) || out.length >= MAX_MENTIONS_PER_SEGMENT) continue;
      const r = pick.run;
      const features = featuresOf(r, rundown.size === 0 || rundown.has(pick.productId), recent.has(pick.productId));
      out.push({ productId: pick.productId, score: confidence(features), text: quote(words, tokens, r), kind: kindOf(r), ...(options.explain ? { features } : {}) });
    }
    return out;
  }

  return {
    push(seg) {
      try {
        const mentions = decide(seg);
        const segId = seg.id;
        let already: Set<string> | undefined;
        if (segId !== undefined) {
          already = emittedBySegment.get(segId) ?? new Set<string>();
          emittedBySegment.set(segId, already);
          if (emittedBySegment.size > MAX_SEGMENT_IDS) emittedBySegment.delete(emittedBySegment.keys().next().value as string);
        }
        const fresh = mentions.filter((m) => !already?.has(m.productId) && !onAir.has(m.productId));
        const now = Number.isFinite(seg.startMs) ? seg.startMs : 0;
        if (fresh.length > 0) current = new Set(fresh.map((m) => m.productId));
        for (const m of fresh) {
          already?.add(m.productId);
          suggestedAt.set(m.productId, now);
          lastHeard.set(m.productId, now);
        }
        return fresh;
      } catch {
        // A matcher bug must never take down the live control room; the segment is just skipped.
        return [];
      }
    },
    setOnAir(productIds) {
      onAir = new Set(productIds);
    },
    setRundown(productIds) {
      rundown = new Set(productIds);
    },
  };
}
