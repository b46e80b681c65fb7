// The prompter's show clock: status changes start and stop it. Which overlay states to take is the shared
// takesOverlay rule (packages/shared overlay-order.ts).
import type { OverlayState, ShowStatus } from '@cuecart/shared';

export interface ShowTimes {
  status: ShowStatus | null;
  /** When this prompter saw the show go live (the show clock's start when the show has no stream epoch). */
  liveSeenAt: number | null;
  /** When the show ended, to stop the show clock. */
  endedAt: number | null;
}

export const NO_SHOW_TIMES: ShowTimes = { status: null, liveSeenAt: null, endedAt: null };

export function nextShowTimes(prev: ShowTimes, state: Pick<OverlayState, 'status' | 'updatedAt'>, now: number): ShowTimes {
  const { status } = state;
  if (status === prev.status) return prev;
  if (status === 'live') return { status, liveSeenAt: prev.liveSeenAt ?? now, endedAt: null };
  if (status === 'ended') {
    // Seen ending: now. Opened after the end: the overlay's last change is the best guess of the end.
    const endedAt = prev.status === 'live' ? now : (state.updatedAt ?? now);
    return { status, liveSeenAt: prev.liveSeenAt, endedAt };
  }
  return { status, liveSeenAt: null, endedAt: null };
}
