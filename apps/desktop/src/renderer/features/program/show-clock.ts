// The program monitor's clocks: which show ms is on screen, and how far behind live the preview runs.

import { showMsAt } from '@cuecart/shared';

/** Show ms of the frame on screen (DESIGN.md "Time"), or null when the stream has no program date yet. */
export const showMsOf = showMsAt;

export function latencyOf(playingDateMs: number | null | undefined, now: number): number | null {
  if (playingDateMs == null || !Number.isFinite(playingDateMs)) return null;
  return Math.max(0, now - playingDateMs);
}

/** hh:mm:ss, always with hours, as broadcast clocks read. */
export function formatHms(ms: number | null): string {
  if (ms === null) return '--:--:--';
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

export function formatLatency(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`;
}
