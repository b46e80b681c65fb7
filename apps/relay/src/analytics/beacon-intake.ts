// Where every viewer beacon comes in, over REST or a socket: each event names a show and a product of it, an
// address spends from one budget of events whatever way it sends them, and a client purchase is a signal only.
import { apiError, type ApiError, type TrackEvent } from '@cuecart/shared';
import type { ShowAuthority } from '../shows/show-authority.js';
import { clientKey } from '../limits/client-address.js';
import { retryAfterSeconds, type Limits } from '../limits/limits.js';
import { KeyedBuckets, type Clock } from '../limits/token-bucket.js';
import type { TrackRepository } from './track-repository.js';

export type Intake = { ok: true; accepted: number; duplicates: number } | { ok: false; error: ApiError; retryAfterSeconds?: number };

export class BeaconIntake {
  private readonly budget: KeyedBuckets | undefined;

  constructor(
    private readonly authority: ShowAuthority,
    private readonly track: TrackRepository,
    limits: Limits,
    clock?: Clock,
  ) {
    this.budget = limits.enabled ? new KeyedBuckets(limits.beacons.perAddress, { maxKeys: limits.maxKeys, clock }) : undefined;
  }

  /** `address`: the client's IP, as REST's req.ip or a socket's handshake sees it. */
  accept(events: TrackEvent[], address: string | undefined): Intake {
    for (const e of events) {
      const rt = this.authority.get(e.showId);
      if (!rt) return refuse('not_found', `show "${e.showId}" does not exist`);
      if (!rt.catalog.has(e.productId)) return refuse('not_found', `product "${e.productId}" is not in show "${e.showId}": beacons name products of the show`);
    }
    if (this.budget && address !== undefined) {
      const taken = this.budget.take(clientKey(address), events.length);
      if (!taken.ok) {
        const seconds = retryAfterSeconds(taken.retryAfterMs);
        return { ...refuse('rate_limited', `too many beacon events from this address: try again in ${seconds} s`), retryAfterSeconds: seconds };
      }
    }
    const accepted = this.track.record(events, 'client');
    return { ok: true, accepted, duplicates: events.length - accepted };
  }
}

function refuse(code: ApiError['code'], message: string): { ok: false; error: ApiError } {
  return { ok: false, error: apiError(code, message) };
}
