// Viewer beacons: views and heartbeats, impressions, clicks, add-to-cart and checkout as TrackEvents, batched,
// sent over the socket when it is up, else to POST /api/track, and handed to sendBeacon when the page goes away.
import type { TrackEvent } from '@cuecart/shared';
import { relayUrl } from '../config/urls.js';
import { createBeaconQueue, type BeaconQueue } from './beacon-queue.js';
import { createImpressionTimer, type ImpressionTimer } from './impressions.js';
import type { Beat } from './playback-beats.js';
import type { QualityReport } from './playback-quality.js';

export interface TrackerOptions {
  relay: string;
  show: string;
  sessionId: string;
  mode: 'live' | 'replay';
  playheadMs(): number | null;
  /** The socket's acked `track`: true once answered, false on a timeout, 'offline' when not connected. */
  sendOverSocket(events: TrackEvent[]): Promise<boolean | 'offline'>;
  /** The playback quality accrued since the last report, taken when the page hides or goes away. */
  takeQuality?(): QualityReport | null;
}

export interface TrackedCard {
  productId: string;
  cardId?: string;
}

const MAX_POST = 100; // MAX_TRACK_BATCH of the contract

export class Tracker {
  private readonly queue: BeaconQueue<TrackEvent>;
  private readonly impressions: ImpressionTimer;
  private readonly observed = new Map<Element, TrackedCard & { cardId: string }>();
  private readonly observer: IntersectionObserver | null;
  private readonly cards = new Map<string, TrackedCard>();
  /** Events made by this tracker: part of each eventId. */
  private sent = 0;

  constructor(private readonly o: TrackerOptions) {
    this.queue = createBeaconQueue({ send: (batch) => this.send(batch) });
    this.impressions = createImpressionTimer({
      onImpression: (cardId) => {
        const card = this.cards.get(cardId);
        if (card) this.track('impression', card);
      },
    });
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.onIntersect(entries), { threshold: 0.5 })
        : null;
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('pagehide', this.onPageHide);
  }

  track(type: TrackEvent['type'], card: TrackedCard, value?: number): void {
    const playhead = this.o.playheadMs();
    this.queue.push({
      ...this.base(type),
      productId: card.productId,
      ...(card.cardId ? { cardId: card.cardId } : {}),
      ...(playhead !== null && playhead >= 0 ? { mediaMs: Math.round(playhead) } : {}),
      ...(value !== undefined && Number.isFinite(value) && value >= 0 ? { value: Math.round(value * 100) / 100 } : {}),
    });
  }

  /** A playback beat (`view`, `heartbeat`): names the show ms on screen, no product. */
  beat(beat: Beat): void {
    this.queue.push({ ...this.base(beat.type), mediaMs: beat.mediaMs });
  }

  /** Startup time, watch time and rebuffering since the last one. */
  quality(report: QualityReport): void {
    this.queue.push({ ...this.base('quality'), ...report });
  }

  private base(type: TrackEvent['type']): TrackEvent {
    return {
      // Unique per event, so a batch re-sent after a lost answer counts once; time-ordered (the wall clock in
      // base 36, then this tracker's count), so the ids sort in the order the events were made.
      eventId: `${Date.now().toString(36)}.${(++this.sent).toString(36).padStart(4, '0')}.${this.o.sessionId.slice(0, 64)}.${Math.floor(Math.random() * 2 ** 31).toString(36)}`,
      type,
      showId: this.o.show,
      sessionId: this.o.sessionId,
      mode: this.o.mode,
    };
  }

  /** A card is on screen: count an impression once it is half visible for a second. */
  observe(el: Element, card: TrackedCard & { cardId: string }): void {
    this.cards.set(card.cardId, card);
    this.observed.set(el, card);
    if (this.observer) this.observer.observe(el);
    else if (document.visibilityState === 'visible') this.impressions.setVisible(card.cardId, true);
  }

  unobserve(cardId: string): void {
    for (const [el, card] of this.observed) {
      if (card.cardId !== cardId) continue;
      this.observer?.unobserve(el);
      this.observed.delete(el);
    }
    this.impressions.forget(cardId);
  }

  dispose(): void {
    this.flushOnExit();
    this.observer?.disconnect();
    this.impressions.dispose();
    this.queue.dispose();
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('pagehide', this.onPageHide);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    const pageVisible = document.visibilityState === 'visible';
    for (const entry of entries) {
      const card = this.observed.get(entry.target);
      if (card) this.impressions.setVisible(card.cardId, pageVisible && entry.isIntersecting && entry.intersectionRatio >= 0.5);
    }
  }

  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      this.impressions.hideAll();
      this.pushQuality();
      // Mobile browsers may never fire pagehide: hidden is the last reliable moment.
      void this.queue.flush();
    } else if (this.observer) {
      // Re-evaluate what is on screen now.
      for (const el of this.observed.keys()) {
        this.observer.unobserve(el);
        this.observer.observe(el);
      }
    }
  };

  private readonly onPageHide = () => this.flushOnExit();

  private async send(batch: TrackEvent[]): Promise<boolean> {
    const overSocket = await this.o.sendOverSocket(batch);
    // An unanswered socket batch is retried later rather than also POSTed, which could count it twice.
    if (overSocket !== 'offline') return overSocket;
    try {
      const res = await fetch(relayUrl(this.o.relay, '/api/track'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events: batch }),
        keepalive: true,
        credentials: 'omit',
      });
      // A 4xx other than rate limiting will not get better by resending.
      return res.ok || (res.status >= 400 && res.status < 500 && res.status !== 429);
    } catch {
      return false;
    }
  }

  private pushQuality(): void {
    const report = this.o.takeQuality?.();
    if (report) this.quality(report);
  }

  private flushOnExit(): void {
    this.pushQuality();
    const events = this.queue.drain();
    const url = relayUrl(this.o.relay, '/api/track');
    const sameOrigin = new URL(url).origin === location.origin;
    for (let i = 0; i < events.length; i += MAX_POST) {
      const body = JSON.stringify({ events: events.slice(i, i + MAX_POST) });
      // sendBeacon cannot carry application/json cross-origin without a preflight; keepalive fetch can.
      const beaconed = sameOrigin && typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }));
      if (!beaconed) {
        void fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true, credentials: 'omit' }).catch(() => undefined);
      }
    }
  }
}
