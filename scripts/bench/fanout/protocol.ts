// Messages between run.ts and its viewer-worker processes, and the clock they share.

/**
 * Milliseconds on CLOCK_MONOTONIC (µs resolution). Linux keeps one monotonic clock for the whole machine,
 * so a time taken in one process can be subtracted from a time taken in another.
 */
export const monoMs = (): number => Number(process.hrtime.bigint() / 1000n) / 1000;

export type ToWorker =
  | { type: 'start'; url: string; show: string; count: number; ratePerSec: number; maxInFlight: number }
  | { type: 'count' }
  /** [seq, fire time in monoMs] of every timed fire. */
  | { type: 'collect'; fires: Array<[number, number]> }
  | { type: 'close' };

export interface WorkerResult {
  /** Sockets that connected at some point. */
  connected: number;
  /** Sockets still connected when the results were collected. */
  stillConnected: number;
  /** Overlays received with a timed seq (at most connected × timed fires). */
  received: number;
  /** Overlays whose seq was not newer than the last one that socket saw. */
  duplicates: number;
  /** Sockets the server dropped during the run. */
  disconnects: number;
  /** Sockets that never connected (after retries). */
  connectFailures: number;
  /** receive − fire, ms, one per received timed overlay. */
  latencies: number[];
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; connected: number; failed: number }
  /** `errors`: connect_error messages (first tries and retries) and how often each came. */
  | { type: 'connected'; connected: number; failed: number; retries: number; ms: number; errors: Record<string, number> }
  | { type: 'count'; received: number; connected: number }
  | { type: 'result'; result: WorkerResult };
