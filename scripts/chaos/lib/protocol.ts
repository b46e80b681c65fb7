// Messages between the chaos fleet (fleet.ts, in the test) and its viewer worker processes (viewer-worker.ts).
export type ToWorker =
  | { type: 'open'; url: string; show: string; count: number; seed: number; ratePerSec: number }
  /** From now on, note per viewer when it first holds an overlay with `seq` ≥ this. */
  | { type: 'watch'; seq: number }
  | { type: 'stats' }
  | { type: 'close' };

export type FromWorker = { type: 'opened'; connected: number; failed: number } | { type: 'stats'; stats: WorkerStats } | { type: 'closed' };

export interface WorkerStats {
  /** Per viewer: highest seq seen. */
  maxSeq: number[];
  /** Per viewer: monotonic ms when it first held seq ≥ the watched one, or null. */
  reachedAt: (number | null)[];
  /** Overlays that came with a seq lower than one the viewer already had (must stay 0). */
  older: number;
  overlays: number;
  connected: number;
  reconnects: number;
  connectErrors: number;
  /** CPU the viewer processes have used so far (user + system), ms. */
  cpuMs: number;
  /** The JSON of each viewer's latest overlay, counted: converged viewers all hold one. */
  finals: Record<string, number>;
}

/** Several workers' (or fleets') stats as one. */
export function mergeStats(all: readonly WorkerStats[]): WorkerStats {
  const merged: WorkerStats = { maxSeq: [], reachedAt: [], older: 0, overlays: 0, connected: 0, reconnects: 0, connectErrors: 0, cpuMs: 0, finals: {} };
  for (const s of all) {
    merged.maxSeq.push(...s.maxSeq);
    merged.reachedAt.push(...s.reachedAt);
    merged.older += s.older;
    merged.overlays += s.overlays;
    merged.connected += s.connected;
    merged.reconnects += s.reconnects;
    merged.connectErrors += s.connectErrors;
    merged.cpuMs += s.cpuMs;
    for (const [k, n] of Object.entries(s.finals)) merged.finals[k] = (merged.finals[k] ?? 0) + n;
  }
  return merged;
}
