// What the status light shows: a drop shorter than the grace period keeps "online", so blips do not flicker.
export type LinkState = 'connected' | 'disconnected';
export type DisplayState = 'online' | 'offline' | 'connecting';

/** A socket that drops and is back within this long (a blip) keeps the light green; longer shows offline. */
export const OFFLINE_GRACE_MS = 300;

export interface LinkFacts {
  link: LinkState;
  /** When the link last changed state. */
  since: number;
  everConnected: boolean;
}

export function displayState(facts: LinkFacts, now: number, graceMs = OFFLINE_GRACE_MS): DisplayState {
  if (facts.link === 'connected') return 'online';
  if (!facts.everConnected) return 'connecting';
  return now - facts.since < graceMs ? 'online' : 'offline';
}

/** How long until the display may change by itself (the grace period running out), or null. */
export function msUntilChange(facts: LinkFacts, now: number, graceMs = OFFLINE_GRACE_MS): number | null {
  if (facts.link === 'connected' || !facts.everConnected) return null;
  const left = facts.since + graceMs - now;
  return left > 0 ? left : null;
}
