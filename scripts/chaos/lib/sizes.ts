// Quick or long: `npm test` runs the quick sizes; `CUECART_CHAOS=long` (scripts/chaos/run-long.ts) the long ones.
export const LONG = process.env.CUECART_CHAOS === 'long';

export const SIZES = LONG
  ? { crashViewers: 5000, stormViewers: 5000, redisViewersPerRelay: 500, redisRestarts: 3, commandsPerPhase: 5 }
  : { crashViewers: 200, stormViewers: 500, redisViewersPerRelay: 50, redisRestarts: 1, commandsPerPhase: 4 };

/** Viewer sockets per worker process: above this the fleet forks another one. */
export const VIEWERS_PER_WORKER = 1250;

/** One machine-readable line that run-long.ts collects: `chaos: <name> key=value …`. */
export function figure(name: string, values: Record<string, string | number>): void {
  const line = `chaos: ${name} ${Object.entries(values).map(([k, v]) => `${k}=${v}`).join(' ')}`;
  // stdout, so vitest shows it under the test and run-long.ts can read it back.
  console.log(line);
}

/** The q-quantile of an ascending-sorted array (nearest rank); 0 when empty. */
export const pct = (xs: readonly number[], q: number): number => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

/** Monotonic milliseconds (CLOCK_MONOTONIC), shared by every process on the machine. */
export const monoMs = (): number => Number(process.hrtime.bigint() / 1000n) / 1000;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it returns true or `timeoutMs` passes; resolves with whether it did. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await sleep(everyMs);
  }
}
