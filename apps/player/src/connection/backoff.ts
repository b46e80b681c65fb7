// Reconnect delays: exponential from 500 ms to 10 s with ±50 % jitter, so a relay restart is not met by a thundering herd.

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  factor?: number;
  /** 0.5 spreads each delay over ±50 % of its nominal value. */
  jitter?: number;
  random?: () => number;
}

export interface Backoff {
  /** The delay before the next attempt; each call counts one more failure. */
  next(): number;
  reset(): void;
  readonly attempts: number;
}

export function createBackoff(options: BackoffOptions = {}): Backoff {
  const { baseMs = 500, maxMs = 10_000, factor = 2, jitter = 0.5, random = Math.random } = options;
  let attempts = 0;
  return {
    next() {
      const nominal = Math.min(maxMs, baseMs * factor ** attempts);
      attempts += 1;
      const spread = nominal * jitter * (2 * random() - 1);
      return Math.max(0, Math.round(nominal + spread));
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
