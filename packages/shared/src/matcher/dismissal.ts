// Detects when the host says a product is not in the show ("we don't have the cashmere one today", "sold out").
import { CLAUSE_BREAKS, DISMISSAL_CUES, REVERSAL_CUES } from './lexicon.js';
import type { Token } from './normalize.js';

interface Cue { start: number; end: number }

function findPhrases(tokens: readonly Token[], phrases: readonly (readonly string[])[]): Cue[] {
  const found: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const p of phrases) {
      if (p.every((w, k) => tokens[i + k]?.norm === w)) found.push({ start: i, end: i + p.length - 1 });
    }
  }
  return found;
}

/** How far a dismissal reaches, in tokens: it speaks about the product named right next to it. */
const AFTER_REACH = 10;
const BEFORE_REACH = 8;

/** Returns a predicate telling whether a mention at tokens [start, end] is dismissed in this segment. */
export function dismissalScope(tokens: readonly Token[]): (start: number, end: number) => boolean {
  const cues = findPhrases(tokens, DISMISSAL_CUES);
  if (cues.length === 0) return () => false;
  const reversals = findPhrases(tokens, REVERSAL_CUES);
  // "not on the rundown but let's pull them up": a later turn-around cancels the dismissal.
  const live = cues.filter((c) => !reversals.some((r) => r.start > c.end));
  return (start, end) =>
    live.some((c) => {
      if (c.start > end) return c.start - end <= AFTER_REACH;
      if (c.end < start) {
        if (start - c.end > BEFORE_REACH) return false;
        for (let k = c.end + 1; k < start; k++) if (CLAUSE_BREAKS.has((tokens[k] as Token).norm)) return false;
        return true;
      }
      return true;
    });
}
