// Which cards are on screen for this viewer: the latest overlay state, put on the viewer's own media clock.
import type { Card } from '@cuecart/shared';

/**
 * The viewer's media clock: `running` with the show ms of the frame on screen; `pending` while the
 * stream has not shown a dated frame yet; `none` when this show has no clock (no stream, no epoch).
 */
export type ClockReading = { kind: 'running'; playheadMs: number } | { kind: 'pending' } | { kind: 'none' };

export interface ScheduleInput {
  /** `featured` of the newest overlay state, in stack order. */
  featured: readonly Card[];
  clock: ClockReading;
  /** Card ids on screen now. */
  shown: ReadonlySet<string>;
  /** Cards that were on air when this viewer joined: they appear without an entry animation. */
  quiet: ReadonlySet<string>;
}

export interface Entering {
  card: Card;
  animate: boolean;
}

export interface SchedulePlan {
  /** What should be on screen, in stack order. */
  visible: Card[];
  entering: Entering[];
  leaving: string[];
  /** Cards still waiting for the playhead; the caller keeps sampling frames while any are left. */
  waiting: Card[];
}

/** A card is due once the frame on screen reaches its `mediaMs`, never before. */
export function isDue(card: Pick<Card, 'mediaMs'>, clock: ClockReading): boolean {
  if (card.mediaMs === undefined || clock.kind === 'none') return true;
  return clock.kind === 'running' && clock.playheadMs >= card.mediaMs;
}

export function planOverlay({ featured, clock, shown, quiet }: ScheduleInput): SchedulePlan {
  const visible: Card[] = [];
  const entering: Entering[] = [];
  const waiting: Card[] = [];
  const stillFeatured = new Set<string>();
  for (const card of featured) {
    stillFeatured.add(card.cardId);
    // Once on screen a card stays until it leaves the air, even if the playhead steps back.
    if (shown.has(card.cardId)) visible.push(card);
    else if (isDue(card, clock)) {
      visible.push(card);
      entering.push({ card, animate: !quiet.has(card.cardId) });
    } else waiting.push(card);
  }
  const leaving = [...shown].filter((id) => !stillFeatured.has(id));
  return { visible, entering, leaving, waiting };
}
