// The producer's live tiles in a cluster: every relay publishes the live beacons it counted (only what the
// tiles read: views, heartbeats, card clicks and adds to cart) on one channel, and every relay's window takes
// them all, its own included, so "N watching" and a card's last minute are the cluster's whichever relay a
// viewer's beacons reach.
import type { TrackEvent } from '@cuecart/shared';
import type { RedisClientType } from 'redis';
import type { Logger } from '../logger.js';
import type { LiveMetricsSink, LiveMetricsWindow } from '../analytics/live-metrics.js';

export const LIVE_METRICS_CHANNEL = 'cuecart:live-metrics';

/** The fields the window reads, shortened: [showId, type, sessionId, cardId, productId]. */
type Wire = [string, TrackEvent['type'], string, string?, string?];

const TILE_TYPES = new Set<TrackEvent['type']>(['view', 'heartbeat', 'click', 'add_to_cart']);

export class RedisLiveMetrics implements LiveMetricsSink {
  constructor(private readonly redis: RedisClientType, private readonly logger: Logger) {}

  /** Subscribes `window` to every relay's live beacons. */
  static async listen(subscriber: RedisClientType, window: LiveMetricsWindow, logger: Logger): Promise<void> {
    await subscriber.subscribe(LIVE_METRICS_CHANNEL, (message) => {
      try {
        window.add(fromWire(JSON.parse(message) as Wire[]));
      } catch (error) {
        logger.warn({ err: (error as Error).message }, 'a live metrics message could not be read');
      }
    });
  }

  add(events: readonly TrackEvent[]): void {
    const wire: Wire[] = [];
    for (const e of events) if (e.mode === 'live' && TILE_TYPES.has(e.type)) wire.push([e.showId, e.type, e.sessionId, e.cardId, e.productId]);
    if (wire.length === 0) return;
    this.redis.publish(LIVE_METRICS_CHANNEL, JSON.stringify(wire)).catch((err: Error) => this.logger.warn({ err: err.message }, 'live metrics not published'));
  }
}

function fromWire(wire: Wire[]): TrackEvent[] {
  return wire.map(([showId, type, sessionId, cardId, productId]) => ({ showId, type, sessionId, mode: 'live', ...(cardId ? { cardId } : {}), ...(productId ? { productId } : {}) }) as TrackEvent);
}
