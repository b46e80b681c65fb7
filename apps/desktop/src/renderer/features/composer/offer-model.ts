// Turns what the producer typed into the optional parts of a command: badge, offer and countdown end.
import type { Offer } from '@cuecart/shared';

export interface OfferDraft {
  text: string;
  badge: string;
  /** Countdown length in minutes; 0 means no countdown. */
  minutes: number;
}

export const emptyOfferDraft = (): OfferDraft => ({ text: '', badge: '', minutes: 0 });

/** One line of on-air text, as the relay's schema wants it: no control or direction-override characters. */
export function cleanLine(text: string, max: number): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

export function endsAtFrom(minutes: number, now: number): number | undefined {
  return minutes > 0 ? now + Math.round(minutes * 60_000) : undefined;
}

export interface FeatureExtras {
  badge?: string;
  offer?: Offer;
}

/** The badge and offer a take carries; nothing when the draft is empty. */
export function offerExtras(draft: OfferDraft, now: number): FeatureExtras {
  const extras: FeatureExtras = {};
  const badge = cleanLine(draft.badge, 24);
  const text = cleanLine(draft.text, 80);
  if (badge) extras.badge = badge;
  if (text) {
    const endsAt = endsAtFrom(draft.minutes, now);
    extras.offer = endsAt === undefined ? { text } : { text, endsAt };
  }
  return extras;
}

export function isArmed(draft: OfferDraft): boolean {
  return cleanLine(draft.badge, 24) !== '' || cleanLine(draft.text, 80) !== '';
}

/** mm:ss left on a countdown. */
export function formatCountdown(endsAt: number, now: number): string {
  const left = Math.max(0, Math.ceil((endsAt - now) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}
