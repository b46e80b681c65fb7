// Transcript bookkeeping: segments kept in show-time order, a partial replaced in place by its final (same id),
// and the words that produced suggestions marked for highlighting.
import type { TranscriptSegment } from '@cuecart/shared';

export interface TranscriptModel {
  segments: TranscriptSegment[];
  /** segment id → index in `segments`. */
  index: Map<string, number>;
}

export const emptyTranscript = (): TranscriptModel => ({ segments: [], index: new Map() });

export function upsertSegment(model: TranscriptModel, segment: TranscriptSegment): TranscriptModel {
  const at = model.index.get(segment.id);
  if (at !== undefined) {
    const old = model.segments[at]!;
    // A final is never downgraded by a late partial, and an identical repeat (reconnect replay) changes nothing.
    if (old.final && !segment.final) return model;
    if (old.final === segment.final && old.text === segment.text && old.endMs === segment.endMs) return model;
    const segments = model.segments.slice();
    segments[at] = segment;
    return { segments, index: model.index };
  }
  const segments = model.segments.slice();
  let pos = segments.length;
  // Almost always appended; a late segment is slotted in by start time.
  while (pos > 0 && segments[pos - 1]!.startMs > segment.startMs) pos--;
  segments.splice(pos, 0, segment);
  if (pos === segments.length - 1) {
    const index = new Map(model.index);
    index.set(segment.id, pos);
    return { segments, index };
  }
  return { segments, index: new Map(segments.map((s, i) => [s.id, i])) };
}

export interface TextPiece {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits a line into plain and highlighted pieces: every word that appears in a matched phrase is marked. */
export function highlightPieces(text: string, phrases: readonly string[]): TextPiece[] {
  if (phrases.length === 0) return [{ text, hit: false }];
  const wanted = new Set<string>();
  for (const p of phrases) for (const w of p.toLowerCase().match(WORD) ?? []) wanted.add(w);
  if (wanted.size === 0) return [{ text, hit: false }];
  const pieces: TextPiece[] = [];
  let last = 0;
  const push = (t: string, hit: boolean) => {
    if (!t) return;
    const prev = pieces[pieces.length - 1];
    if (prev && prev.hit === hit) prev.text += t;
    else pieces.push({ text: t, hit });
  };
  for (const m of text.matchAll(WORD)) {
    if (!wanted.has(m[0].toLowerCase())) continue;
    const start = m.index;
    const gap = text.slice(last, start);
    // Join neighbouring hit words across a single space so "Aurora Lamp" reads as one highlight.
    const prev = pieces[pieces.length - 1];
    push(gap, prev?.hit === true && /^\s+$/.test(gap) && last > 0);
    push(m[0], true);
    last = start + m[0].length;
  }
  push(text.slice(last), false);
  return pieces;
}

/** Show ms as h:mm:ss (or m:ss under an hour). */
export function formatShowTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
