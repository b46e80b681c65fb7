// Quick or long: `npm test` runs the quick sizes; `CUECART_CHAOS=long` (scripts/chaos/run-long.ts) the long ones.
export const LONG = process.env.CUECART_CHAOS === 'long';

// crashViewers: on one relay process; clusterCrashViewers: split over two relays, one of which dies. On this
// 2-core machine, with the viewers' own sockets on the same cores, a restarted relay takes back about 1,500
// to 2,000 viewers within the 2 s budget: every reconnect costs the cold relay ~0.7–1 ms of CPU and its
// socket.io-client ~1 ms, and the return keeps both cores busy (BENCHMARKS.md, Chaos, has the curve).
const sizes = LONG
  ? { crashViewers: 1500, clusterCrashViewers: 2000, stormViewers: 5000, redisViewersPerRelay: 500, redisRestarts: 3, commandsPerPhase: 5 }
  : { crashViewers: 200, clusterCrashViewers: 200, stormViewers: 500, redisViewersPerRelay: 50, redisRestarts: 1, commandsPerPhase: 4 };
/** `CUECART_CHAOS_CRASH_VIEWERS=N` / `CUECART_CHAOS_CLUSTER_VIEWERS=N` override the crash tests' viewer counts (to measure the budget against N). */
const crashOverride = Number(process.env.CUECART_CHAOS_CRASH_VIEWERS);
const clusterOverride = Number(process.env.CUECART_CHAOS_CLUSTER_VIEWERS);
const positive = (n: number) => Number.isInteger(n) && n > 0;
export const SIZES = {
  ...sizes,
  ...(positive(crashOverride) ? { crashViewers: crashOverride } : {}),
  ...(positive(clusterOverride) ? { clusterCrashViewers: clusterOverride } : {}),
};

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
