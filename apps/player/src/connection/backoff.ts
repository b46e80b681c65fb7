// Reconnect delays: exponential with ±50 % jitter, so a relay restart is not met by a thundering herd.
// Two phases: while an outage is young the delay stays short, so a relay that restarts in seconds is
// back on every viewer's screen within its 2 s budget; once it has lasted a while (`patientAfter`
// failures in a row) the delay keeps growing to `patientMaxMs`, so a long outage is not hammered.

export interface BackoffOptions {
  baseMs?: number;
  /** The longest nominal delay while the outage is young. */
  maxMs?: number;
  factor?: number;
  /** 0.5 spreads each delay over ±50 % of its nominal value. */
  jitter?: number;
  /** Failures in a row after which the delay grows past `maxMs` (Infinity: never). */
  patientAfter?: number;
  /** The longest nominal delay once the outage is long. */
  patientMaxMs?: number;
  random?: () => number;
}

export interface Backoff {
  /** The delay before the next attempt; each call counts one more failure. */
  next(): number;
  reset(): void;
  readonly attempts: number;
}

/**
 * The overlay socket's policy: the first retry after ~250 ms, then one every 0.4–1.2 s for about the first
 * 45 s of an outage (a relay restart takes a few seconds), then 1.6, 3.2, 6.4 and at most 10 s (±50 %).
 */
export const VIEWER_RECONNECT = { baseMs: 250, maxMs: 800, patientAfter: 60, patientMaxMs: 10_000 } as const satisfies BackoffOptions;

export function createBackoff(options: BackoffOptions = {}): Backoff {
  const { baseMs = 500, maxMs = 10_000, factor = 2, jitter = 0.5, patientAfter = Infinity, patientMaxMs = maxMs, random = Math.random } = options;
  let attempts = 0;
  const nominal = (n: number): number =>
    n < patientAfter ? Math.min(maxMs, baseMs * factor ** n) : Math.min(Math.max(maxMs, patientMaxMs), maxMs * factor ** (n - patientAfter + 1));
  return {
    next() {
      const ms = nominal(attempts);
      attempts += 1;
      const spread = ms * jitter * (2 * random() - 1);
      return Math.max(0, Math.round(ms + spread));
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
