// The replay's timeline (DESIGN.md "Replay"), all in show ms: each card's stretch on air from the command log,
// with the card as it was fired, and the chapters a viewer shops the replay by — one per stretch a product was
// on air (stretches of one product a moment apart are one chapter), and one for each product the host talked
// about without ever putting its card on air, marked as a mention. Pure, so the rules are tested on their own.
import type { Card } from '../contract/overlay.js';
import type { LoggedState } from '../analytics/stretches.js';
import { cardStretches } from '../analytics/stretches.js';
import { showMsAt } from '../time/show-ms.js';

export interface ReplayCard {
  cardId: string;
  productId: string;
  startMs: number;
  endMs: number;
  /** The card as viewers saw it (title, price, image, badge, offer). */
  card: Card;
}

export interface Chapter {
  productId: string;
  title: string;
  startMs: number;
  endMs: number;
  /** `card`: its card was on air; `mention`: the host talked about it without a card. */
  kind: 'card' | 'mention';
}

export interface ReplayMention {
  productId: string;
  mediaMs: number;
}

/** Stretches of one product closer than this are one chapter (a card taken off and put back). */
export const CHAPTER_JOIN_MS = 5_000;
/** A mention's chapter runs until the next chapter, at most this long. */
export const MENTION_CHAPTER_MS = 30_000;

/** Every card's stretch with the card itself (the first state that showed it). */
export function replayCards(log: readonly LoggedState[], streamEpochMs: number | undefined, endMs: number): ReplayCard[] {
  const cards = new Map<string, Card>();
  for (const { state } of log) for (const card of state.featured) if (!cards.has(card.cardId)) cards.set(card.cardId, card);
  return cardStretches(log, streamEpochMs, endMs).flatMap((s) => {
    const card = cards.get(s.cardId);
    return card ? [{ ...s, card }] : [];
  });
}

export function replayChapters(cards: readonly Pick<ReplayCard, 'productId' | 'startMs' | 'endMs'>[], mentions: readonly ReplayMention[], titleOf: (productId: string) => string | undefined, durationMs: number): Chapter[] {
  const chapters: Chapter[] = [];
  const last = new Map<string, Chapter>();
  for (const c of [...cards].sort((a, b) => a.startMs - b.startMs)) {
    const previous = last.get(c.productId);
    if (previous && c.startMs - previous.endMs <= CHAPTER_JOIN_MS) {
      previous.endMs = Math.max(previous.endMs, c.endMs);
      continue;
    }
    const chapter: Chapter = { productId: c.productId, title: titleOf(c.productId) ?? c.productId, startMs: c.startMs, endMs: c.endMs, kind: 'card' };
    chapters.push(chapter);
    last.set(c.productId, chapter);
  }
  const firstMention = new Map<string, number>();
  for (const m of mentions) {
    if (last.has(m.productId) || m.mediaMs >= durationMs) continue;
    const seen = firstMention.get(m.productId);
    if (seen === undefined || m.mediaMs < seen) firstMention.set(m.productId, m.mediaMs);
  }
  const starts = chapters.map((c) => c.startMs).sort((a, b) => a - b);
  for (const [productId, startMs] of firstMention) {
    const next = starts.find((s) => s > startMs) ?? durationMs;
    chapters.push({ productId, title: titleOf(productId) ?? productId, startMs, endMs: Math.min(next, startMs + MENTION_CHAPTER_MS, durationMs), kind: 'mention' });
  }
  return chapters.sort((a, b) => a.startMs - b.startMs || (a.productId < b.productId ? -1 : 1));
}

/**
 * The stretch of show ms the show was on air: from its first `live` state to its last `ended` one after it
 * (or `nowMs` while it is still live). Null when it never went live or has no stream clock.
 */
export function airedWindow(log: readonly LoggedState[], streamEpochMs: number | undefined, nowMs: number): { startMs: number; endMs: number; ended: boolean } | null {
  let startMs: number | null = null;
  let endMs: number | null = null;
  for (const { state, at } of [...log].sort((a, b) => a.state.seq - b.state.seq)) {
    const ms = showMsAt(at, streamEpochMs) ?? (streamEpochMs !== undefined && at < streamEpochMs ? 0 : null);
    if (ms === null) continue;
    if (state.status === 'live' && startMs === null) startMs = ms;
    else if (state.status === 'live') endMs = null;
    else if (state.status === 'ended' && startMs !== null && endMs === null) endMs = ms;
  }
  if (startMs === null) return null;
  const now = showMsAt(nowMs, streamEpochMs) ?? startMs;
  return endMs === null ? { startMs, endMs: Math.max(startMs, now), ended: false } : { startMs, endMs, ended: true };
}
