// Where the analytics aggregates live: this relay's SQLite (written with the raw rows, one transaction per
// batch), or Redis in a cluster, so that the totals are the same whichever relay took a beacon.
import type { Aggregates, TrackEvent } from '@cuecart/shared';
import type { TrackRepository } from './track-repository.js';

export interface AggregateStore {
  /** Counts a batch of viewer events once per event id; answers how many were new. */
  add(events: TrackEvent[]): Promise<number>;
  read(showId: string): Promise<Aggregates>;
}

/** One relay: the track repository keeps the raw rows and the aggregates together. */
export class SqliteAggregates implements AggregateStore {
  constructor(private readonly track: TrackRepository) {}

  async add(events: TrackEvent[]): Promise<number> {
    return this.track.record(events, 'client');
  }

  async read(showId: string): Promise<Aggregates> {
    return this.track.aggregates(showId);
  }
}
