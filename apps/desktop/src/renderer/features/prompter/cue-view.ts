// Producer cues on the prompter: flashed big for a few seconds, then kept small in a corner.
import type { Cue } from '@cuecart/shared';

export const CUE_FLASH_MS = 6000;

/** A cue as the prompter received it; times are this machine's clock, so the producer's clock skew never shortens a flash. */
export interface ReceivedCue {
  cue: Cue;
  receivedAt: number;
}

export interface CueView {
  flash: ReceivedCue | null;
  last: ReceivedCue | null;
}

export function cueViewAt(received: ReceivedCue | null, now: number): CueView {
  if (!received) return { flash: null, last: null };
  const age = now - received.receivedAt;
  return age < CUE_FLASH_MS ? { flash: received, last: null } : { flash: null, last: received };
}

/** "just now", "45 s ago", "3 min ago". */
export function agoText(ms: number): string {
  if (ms < 10_000) return 'just now';
  if (ms < 60_000) return `${Math.floor(ms / 1000)} s ago`;
  return `${Math.floor(ms / 60_000)} min ago`;
}
