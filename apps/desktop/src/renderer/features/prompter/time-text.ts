// Clock and countdown text: pure, so the prompter's once-a-second render only formats.
import type { ShowStatus } from '@cuecart/shared';

/** "4:05", "1:02:03"; negative durations get a leading minus. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${sign}${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export interface Countdown {
  text: string;
  /** The last minute: the prompter makes it louder. */
  urgent: boolean;
  over: boolean;
}

/** An offer's countdown; rounds up so "0:01 left" is the last second shown before "Offer ended". */
export function countdownOf(endsAt: number, now: number): Countdown {
  const left = endsAt - now;
  if (left <= 0) return { text: 'Offer ended', urgent: false, over: true };
  return { text: `${formatDuration(Math.ceil(left / 1000) * 1000)} left`, urgent: left <= 60_000, over: false };
}

/** When the show clock starts: the stream's epoch when the show has one, else when this prompter saw it go live. */
export function showClockStart(streamEpochMs: number | undefined, liveSeenAt: number | null): number | null {
  return streamEpochMs ?? liveSeenAt;
}

/** The show clock: time since the start, "−4:59" before it, "--:--" when nothing is known. */
export function showClockText(start: number | null, now: number, frozenAt: number | null = null): string {
  if (start === null) return '--:--';
  return formatDuration((frozenAt ?? now) - start);
}

export const STATUS_LABEL: Record<ShowStatus, string> = { scheduled: 'Scheduled', live: 'Live', ended: 'Ended' };

export function wallTimeText(now: number, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, ...(timeZone ? { timeZone } : {}) }).format(now);
}
