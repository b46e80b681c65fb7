// Where the analytics aggregates live: this relay's SQLite (written with the raw rows, one transaction per
// batch), or Redis in a cluster, so that the totals are the same whichever relay took a beacon.
import type { Aggregates, TrackEvent } from '@cuecart/shared';
import type { TrackRepository } from './track-repository.js';

export interface AggregateStore {
  /** Counts a batch of viewer events once per event id; answers how many were new. */
  add(events: TrackEvent[]): Promise<number>;
  read(showId: string): Promise<Aggregates>;
  /** Writes whatever waits to be written (at close). */
  flush?(): void;
}

/** How long beacon batches wait to be written together: one transaction (one disk sync) per window, not per batch. */
export const COALESCE_MS = 25;
/** A window is written at once when it holds this many events. */
export const COALESCE_MAX_EVENTS = 5000;

/**
 * One relay: the track repository keeps the raw rows and the aggregates together. Batches that arrive close
 * together are written in one transaction: with synchronous=FULL each commit waits for the disk, and the event
 * loop (which fans cards out) waits with it.
 */
export class SqliteAggregates implements AggregateStore {
  private pending: { events: TrackEvent[]; resolve: (n: number) => void; reject: (e: unknown) => void }[] = [];
  private size = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly track: TrackRepository) {}

  add(events: TrackEvent[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ events, resolve, reject });
      this.size += events.length;
      if (this.size >= COALESCE_MAX_EVENTS) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
    });
  }

  async read(showId: string): Promise<Aggregates> {
    // What was taken is counted: a read waits for nothing, it writes what is pending first.
    this.flush();
    return this.track.aggregates(showId);
  }

  /** Writes every pending batch now (also on close). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.size = 0;
    if (!batch.length) return;
    try {
      const counts = this.track.recordBatches(batch.map((b) => b.events), 'client');
      batch.forEach((b, i) => b.resolve(counts[i]!));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }
}
