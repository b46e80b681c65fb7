// Streams transcript segments through the matcher and decides what to suggest now, with per-show memory.
import type { CatalogIndex } from './catalog-index.js';
import { candidateOrds, matchTerms, productRuns, type Run } from './candidates.js';
import { evidence, kindOf, type DecideContext } from './decide.js';
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

const RETURN_CUES: readonly (readonly string[])[] = [['back', 'to'], ['going', 'back'], ['go', 'back'], ['come', 'back', 'to']];

function hasPhrase(tokens: readonly Token[], phrases: readonly (readonly string[])[]): boolean {
  return tokens.some((_, i) => phrases.some((p) => p.every((w, k) => tokens[i + k]?.norm === w)));
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
    const { tokens, words } = tokenize(typeof seg.text === 'string' ? seg.text : '');
    if (tokens.length === 0) return [];
    const recent = new Set([...suggestedAt].filter(([, at]) => now - at <= RECENT_MS).map(([id]) => id));
    const plausible = new Set(ordsOf([...rundown, ...recent, ...current, ...onAir]));
    const ctx: DecideContext = { index, rundown, recent, returning: hasPhrase(tokens, RETURN_CUES), plausible, tokens };
    const matches = matchTerms(index, tokens, vocabFor(new Set(ordsOf([...rundown, ...onAir]))));
    // Always score the show's own products; recent ones only the latest few (others come in by vote).
    const latest = [...suggestedAt].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([id]) => id);
    const ords = candidateOrds(index, matches, ordsOf([...rundown, ...current, ...latest, ...onAir]));
    const runs: Run[] = [];
    for (const ord of ords) {
      const p = index.products[ord];
      if (p) runs.push(...productRuns(index, p, tokens, matches));
    }
    for (const s of findSkus(index, tokens)) {
      const positions = Array.from({ length: s.end - s.start + 1 }, (_, k) => s.start + k);
      runs.push({ ord: s.ord, start: s.start, end: s.end, positions, heardTerms: [], titleCov: 0, titleHits: 0, nameHit: false, nameTerms: [], descriptorHits: 0, vendorAll: false,
        vendorExtraHit: false, typeHit: false, variantHit: false, fuzzy: false, sku: true });
    }
    const held = new Set([...current, ...onAir]);
    const out: Mention[] = [];
    for (const pick of selectRuns(ctx, runs, held, dismissalScope(tokens))) {
      lastHeard.set(pick.productId, now);
      if (pick.action !== 'emit' || onAir.has(pick.productId) || out.length >= MAX_MENTIONS_PER_SEGMENT) continue;
      const r = pick.run;
      out.push({ productId: pick.productId, score: Math.min(1, evidence(r) * 0.6 + 0.3), text: quote(words, tokens, r), kind: kindOf(r) });
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
