// Which overlay state to keep: the one rule the player, the console and the prompter all follow.
import type { OverlayState } from '../contract/index.js';

/**
 * 'newer' replaces what is on screen, 'same' is the state already there (the snapshot pushed on join),
 * 'stale' is older (a late packet) or malformed and is dropped.
 */
export type OverlayVerdict = 'newer' | 'same' | 'stale';

type Ordered = Pick<OverlayState, 'showId' | 'seq'>;

/**
 * The relay sends full states with a revision per show, so a higher seq simply replaces a lower one.
 * `resync` is true for the first state after a (re)connect: it is taken whatever its seq, since a relay that
 * restarted without its log counts from 0 again, and a client that kept the old seq would freeze.
 * A state of another show is always newer (the client moved on).
 */
export function overlayVerdict(current: Ordered | null, next: Ordered, resync = false): OverlayVerdict {
  if (!Number.isInteger(next.seq) || next.seq < 0) return 'stale';
  if (!current || current.showId !== next.showId) return 'newer';
  if (next.seq === current.seq) return 'same';
  if (resync || next.seq > current.seq) return 'newer';
  return 'stale';
}

/** Whether a client that re-renders the same state harmlessly should take `next`. */
export function takesOverlay(current: Ordered | null, next: Ordered, resync = false): boolean {
  return overlayVerdict(current, next, resync) !== 'stale';
}
