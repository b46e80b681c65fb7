// Where every viewer beacon comes in, over REST or a socket: each event names a show (and a product of it, but
// for the playback beats), an address spends from one budget of events whatever way it sends them, a client
// purchase is a signal only, and an event that cannot have happened is not counted (DESIGN.md "What counts").
import { apiError, type ApiError, type TrackEvent } from '@cuecart/shared';
import type { ShowAuthority } from '../shows/show-authority.js';
import { clientKey } from '../limits/client-address.js';
import { retryAfterSeconds, type Limits } from '../limits/limits.js';
import { KeyedBuckets, type Clock } from '../limits/token-bucket.js';
import type { AggregateStore } from './aggregate-store.js';
import type { LiveMetricsSink } from './live-metrics.js';

/** `ignored`: events taken but not counted, because they cannot have happened (a heartbeat outside the show). */
export type Intake = { ok: true; accepted: number; duplicates: number; ignored: number } | { ok: false; error: ApiError; retryAfterSeconds?: number };

export class BeaconIntake {
  private readonly budget: KeyedBuckets | undefined;

  constructor(
    private readonly authority: ShowAuthority,
    private readonly aggregates: AggregateStore,
    limits: Limits,
    clock?: Clock,
    private readonly now: () => number = Date.now,
    /** The producer's live tiles, fed with every counted beacon. */
    private readonly live?: LiveMetricsSink,
  ) {
    this.budget = limits.enabled ? new KeyedBuckets(limits.beacons.perAddress, { maxKeys: limits.maxKeys, clock }) : undefined;
  }

  /** `address`: the client's IP, as REST's req.ip or a socket's handshake sees it. */
  async accept(events: TrackEvent[], address: string | undefined): Promise<Intake> {
    for (const e of events) {
      const rt = this.authority.get(e.showId);
      if (!rt) return refuse('not_found', `show "${e.showId}" does not exist`);
      if (e.productId !== undefined && !rt.catalog.has(e.productId)) return refuse('not_found', `product "${e.productId}" is not in show "${e.showId}": beacons name products of the show`);
    }
    if (this.budget && address !== undefined) {
      const taken = this.budget.take(clientKey(address), events.length);
      if (!taken.ok) {
        const seconds = retryAfterSeconds(taken.retryAfterMs);
        return { ...refuse('rate_limited', `too many beacon events from this address: try again in ${seconds} s`), retryAfterSeconds: seconds };
      }
    }
    const counted = events.filter((e) => this.possible(e));
    const accepted = await this.aggregates.add(counted);
    this.live?.add(counted);
    return { ok: true, accepted, duplicates: counted.length - accepted, ignored: events.length - counted.length };
  }

  /**
   * A heartbeat counts only with its show ms inside the show: from 0 to now − the stream's epoch, and for an
   * ended show (its replay) to when it ended.
   */
  private possible(e: TrackEvent): boolean {
    if (e.type !== 'heartbeat' || e.mediaMs === undefined) return true;
    const rt = this.authority.get(e.showId);
    const epoch = rt?.show.streamEpochMs;
    if (epoch === undefined) return true;
    const ended = rt!.state.status === 'ended' && rt!.state.updatedAt !== undefined ? rt!.state.updatedAt : Infinity;
    return e.mediaMs <= Math.min(this.now(), ended) - epoch;
  }
}

function refuse(code: ApiError['code'], message: string): { ok: false; error: ApiError } {
  return { ok: false, error: apiError(code, message) };
}
