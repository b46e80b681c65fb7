// One viewing session of one show on one relay: loads the show, plays the stream, keeps the media
// clock, schedules the overlay, runs the cart and the beacons. The element creates and disposes it.
import type { Card, OverlayState, Product, ReplayCard, Show } from '@cuecart/shared';
import { errorMessage, requestJson, RelayError } from '../api/relay-http.js';
import { Tracker } from '../analytics/tracker.js';
import { PlaybackBeats } from '../analytics/playback-beats.js';
import { PlaybackQuality } from '../analytics/playback-quality.js';
import { analyticsSessionId, viewerSessionId } from '../session/session-store.js';
import { createCartApi } from '../cart/cart-api.js';
import { CartController } from '../cart/cart-controller.js';
import { createCartDrawer, type CartDrawer } from '../cart/cart-drawer.js';
import { needsChoice } from '../cart/variant-choice.js';
import { relayUrl, safeUrl } from '../config/urls.js';
import { createBackoff } from '../connection/backoff.js';
import { connectViewer, type ViewerConnection } from '../connection/viewer-connection.js';
import { startFrameLoop } from '../media/frame-loop.js';
import { MediaClock } from '../media/media-clock.js';
import { attachStream, type StreamHandle } from '../media/stream.js';
import { OverlayView } from '../overlay/overlay-view.js';
import type { ClockReading } from '../overlay/schedule.js';
import { cardSpeech } from '../overlay/format.js';
import { bindControls } from './player-controls.js';
import type { PlayerView } from './player-view.js';

export type PlayerMode = 'live' | 'replay';

/** What the player reads of GET /api/shows/:id/replay (?transcript=0). */
interface ReplayTimeline {
  recordingUrl: string | null;
  startMs: number;
  durationMs: number;
  cards: ReplayCard[];
  products: Product[];
}
// A stream that plays but carries no EXT-X-PROGRAM-DATE-TIME cannot be synced: after this long, cards show at once.
const UNDATED_STREAM_GRACE_MS = 5000;

export class PlayerSession {
  private disposed = false;
  private clock = new MediaClock(undefined);
  private clockless = false;
  private playingSince: number | null = null;
  private stream: StreamHandle | null = null;
  private stopFrames: (() => void) | null = null;
  private connection: ViewerConnection | null = null;
  private readonly overlay: OverlayView;
  private readonly tracker: Tracker;
  private readonly cart: CartController;
  private readonly drawer: CartDrawer;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly ticker: ReturnType<typeof setInterval>;
  private readonly abort = new AbortController();
  private readonly cleanups: (() => void)[] = [];
  /** The show's products as last known (variants for the picker, live price and stock). */
  private readonly products = new Map<string, Product>();
  /** Views and heartbeats, from how far the playhead really moved. */
  private readonly beats = new PlaybackBeats();
  /** Startup time and rebuffering, from the video's own events. */
  private readonly quality = new PlaybackQuality();
  /** Replay mode: the timeline, a seek asked for before the media was ready, the cards last put on screen. */
  private replay: ReplayTimeline | null = null;
  private pendingSeek: number | null = null;
  private replayKey: string | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly view: PlayerView,
    private readonly show: string,
    private readonly relay: string,
    consent = false,
    private readonly mode: PlayerMode = 'live',
  ) {
    // The cart is bound to the tab's session; beacons to it only with consent, else to an anonymous in-memory id.
    const sessionId = viewerSessionId();
    this.tracker = new Tracker({
      relay,
      show,
      sessionId: analyticsSessionId(consent),
      mode,
      playheadMs: () => this.clock.playheadMs,
      sendOverSocket: (events) => this.connection?.sendTrack(events) ?? Promise.resolve('offline'),
      takeQuality: () => this.quality.take(performance.now()),
    });
    this.overlay = new OverlayView({
      host,
      relay,
      stack: view.cards,
      banner: view.banner,
      onAdd: (card) => void this.addToCart(card),
      onClick: (card) => this.onCardClick(card),
      onNotify: (card) => this.openNotify(card.productId, card.title),
      onShown: (card, el) => {
        this.tracker.observe(el, card);
        // Said once per card coming on screen; a screen reader reads it when the viewer is idle.
        view.announcer.textContent = cardSpeech(this.patchedCard(card), Date.now());
      },
      onHidden: (cardId) => this.tracker.unobserve(cardId),
    });
    this.drawer = createCartDrawer(
      () => this.cart,
      relay,
      (open) => view.cartButton.setAttribute('aria-expanded', String(open)),
      // Closing the cart gives the focus back to what opened it, or else to a control that is still there.
      () => (view.cartButton.hidden ? view.playPause : view.cartButton),
    );
    view.stage.append(this.drawer.el);
    this.cart = new CartController({
      api: createCartApi(relay, show, sessionId),
      relay,
      show,
      sessionId,
      mode,
      onChange: (snapshot) => {
        this.drawer.render(snapshot);
        const count = snapshot.cart?.itemCount ?? 0;
        view.cartCount.textContent = String(count);
        view.cartButton.hidden = count === 0 && !this.drawer.isOpen && snapshot.checkout.step !== 'done';
      },
      onAdded: (item, value) => this.tracker.track('add_to_cart', item, value),
      onCheckout: (lines, cardIds) => {
        for (const line of lines) {
          this.tracker.track('checkout', { productId: line.productId, cardId: cardIds.get(line.productId) }, Number(line.price.amount) * line.quantity);
        }
      },
    });
    this.drawer.render(this.cart.snapshot);
    this.ticker = setInterval(() => this.tick(), 1000);
    this.listen(view.unmute, 'click', () => this.unmute());
    this.listen(view.cartButton, 'click', () => (this.drawer.isOpen ? this.drawer.close() : this.drawer.open()));
    this.listen(view.shopButton, 'click', () => this.openShelf());
    bindControls(view, host, (target, type, fn) => this.listen(target, type, fn));
    const now = () => performance.now();
    this.listen(view.video, 'play', () => this.quality.play(now()));
    this.listen(view.video, 'playing', () => this.quality.frame(now()));
    this.listen(view.video, 'waiting', () => this.quality.waiting(now()));
    this.listen(view.video, 'seeking', () => this.quality.seekStart(now()));
    this.listen(view.video, 'seeked', () => this.quality.seekEnd());
    this.listen(view.video, 'pause', () => this.quality.pause(now()));
  }

  start(): void {
    if (this.mode === 'replay') {
      this.cart.restore();
      void this.loadShow();
      return;
    }
    this.connection = connectViewer({
      relay: this.relay,
      show: this.show,
      onOverlay: (state) => this.onOverlay(state),
      onProducts: (products) => this.takeProducts(products),
    });
    this.cart.restore();
    void this.loadShow();
    void this.loadProducts();
  }

  get playheadMs(): number | null {
    return this.clock.playheadMs;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.abort.abort();
    clearInterval(this.ticker);
    for (const t of this.timers) clearTimeout(t);
    for (const off of this.cleanups) off();
    this.stopFrames?.();
    this.stream?.destroy();
    this.connection?.close();
    this.tracker.dispose();
    this.overlay.clear();
    this.drawer.el.remove();
  }

  private async loadShow(): Promise<void> {
    const backoff = createBackoff({ baseMs: 1000 });
    while (!this.disposed) {
      try {
        const show = await requestJson<Show>(relayUrl(this.relay, `/api/shows/${encodeURIComponent(this.show)}`), { signal: this.abort.signal });
        if (this.mode === 'replay') {
          const replay = await requestJson<ReplayTimeline>(relayUrl(this.relay, `/api/shows/${encodeURIComponent(this.show)}/replay?transcript=0`), { signal: this.abort.signal });
          if (!this.disposed) this.playReplay(show, replay);
          return;
        }
        if (!this.disposed) this.play(show);
        return;
      } catch (err) {
        if (this.disposed) return;
        if (err instanceof RelayError && err.status === 404) return this.say(`This show does not exist (${this.show}).`);
        this.say('Connecting to the show…');
        await new Promise<void>((resolve) => this.later(resolve, backoff.next()));
      }
    }
  }

  /** The recording, with the cards of the timeline on the media clock: each on screen while the playhead is inside its stretch. */
  private playReplay(show: Show, replay: ReplayTimeline): void {
    this.replay = replay;
    this.takeProducts(replay.products);
    // The recording's own controls seek; its full screen would leave the cards behind, so ours stays instead.
    this.view.video.controls = true;
    this.view.video.setAttribute('controlslist', 'nofullscreen noremoteplayback');
    this.view.video.disablePictureInPicture = true;
    this.view.controls.classList.add('replay');
    this.view.live.hidden = true;
    if (!replay.recordingUrl) {
      this.say(show.status === 'ended' ? 'The replay of this show is not ready yet.' : 'The replay is ready once the show has been on air.');
      return;
    }
    this.play(show, replay.recordingUrl);
  }

  /** Show ms → the recording's own seconds (its first frame is `startMs`). Seeks there, now or once the media is ready. */
  seekTo(showMs: number): void {
    if (!Number.isFinite(showMs)) return;
    const replay = this.replay;
    if (!replay) {
      this.pendingSeek = showMs;
      return;
    }
    const seconds = Math.max(0, Math.min(replay.durationMs, showMs - replay.startMs)) / 1000;
    const video = this.view.video;
    if (video.readyState >= 1) video.currentTime = seconds;
    else this.pendingSeek = showMs;
  }

  private play(show: Show, recording?: string): void {
    const src = safeUrl(recording ?? show.streamUrl, this.relay);
    this.clock = new MediaClock(show.streamEpochMs);
    if (!src || !this.clock.canRun) {
      // No stream (or no way to place it on the show clock): cards show as they are fired.
      this.clockless = true;
      this.say(src ? null : show.status === 'ended' ? 'This show has ended.' : 'The show starts soon.');
      if (!src) {
        this.renderOverlay();
        return;
      }
    }
    const video = this.view.video;
    this.stream = attachStream(video, src, {
      onError: (message) => this.say(message),
      onPlaying: () => {
        this.say(null);
        this.playingSince ??= performance.now();
      },
    });
    if (!this.stream) {
      this.clockless = true;
      this.renderOverlay();
      return;
    }
    this.clock.setSource(this.stream.programDate);
    // Sample on every presented frame and render the overlay in the same callback, so a card lands with its frame.
    if (this.mode === 'replay') {
      const sampleNow = () => {
        this.clock.sample(video.currentTime);
        this.renderOverlay();
      };
      // After a seek (paused or not) the cards follow the new moment without waiting for a frame to play.
      this.listen(video, 'seeked', sampleNow);
      this.listen(video, 'loadedmetadata', () => {
        if (this.pendingSeek === null) return;
        const at = this.pendingSeek;
        this.pendingSeek = null;
        this.seekTo(at);
      });
    }
    this.stopFrames = startFrameLoop(video, (mediaTime) => {
      this.quality.frame(performance.now());
      this.clock.sample(mediaTime);
      this.renderOverlay();
    });
  }

  private onOverlay(state: OverlayState): void {
    this.overlay.setState(state);
    this.view.live.hidden = state.status !== 'live';
    this.renderOverlay();
    this.overlay.tick();
  }

  /** A card tapped: in the replay the video pauses and the product's detail opens, with add to cart. */
  private onCardClick(card: Card): void {
    this.tracker.track('click', card);
    if (this.mode !== 'replay') return;
    const product = this.products.get(card.productId);
    if (!product) return;
    this.view.video.pause();
    if (needsChoice(product)) this.drawer.choose(product, (variantId) => void this.cart.add(card, variantId));
    else this.drawer.detail(product, () => void this.cart.add(card).then(() => this.drawer.open()));
  }

  /** The replay's overlay at the playhead: the cards whose stretch holds it. */
  private replayState(playheadMs: number | null): OverlayState | null {
    const replay = this.replay;
    if (!replay || playheadMs === null) return null;
    const featured = replay.cards.filter((c) => playheadMs >= c.startMs && playheadMs < c.endMs).map((c) => ({ ...c.card, mediaMs: c.startMs }));
    const key = featured.map((c) => c.cardId).join(' ');
    if (key === this.replayKey) return null;
    this.replayKey = key;
    return { showId: this.show, seq: 0, status: 'ended', featured, banner: null };
  }

  private clockReading(): ClockReading {
    if (this.clockless) return { kind: 'none' };
    const playheadMs = this.clock.playheadMs;
    if (playheadMs !== null) return { kind: 'running', playheadMs };
    if (this.playingSince !== null && performance.now() - this.playingSince > UNDATED_STREAM_GRACE_MS) return { kind: 'none' };
    return { kind: 'pending' };
  }

  private renderOverlay(): void {
    if (this.disposed) return;
    if (this.mode === 'replay') {
      const state = this.replayState(this.clock.playheadMs);
      if (state) this.overlay.setState(state);
    }
    this.overlay.render(this.clockReading());
  }

  private tick(): void {
    const at = performance.now();
    const beats = this.beats.sample(this.clock.playheadMs, at);
    for (const beat of beats) this.tracker.beat(beat);
    // Quality goes with each heartbeat, and at once when the startup time is known.
    if (beats.some((b) => b.type === 'heartbeat') || this.quality.startupPending) {
      const report = this.quality.take(at);
      if (report) this.tracker.quality(report);
    }
    this.overlay.tick();
    // Covers clockless shows and cards without mediaMs while the video is paused.
    this.renderOverlay();
  }

  private async addToCart(card: Card): Promise<void> {
    const product = this.products.get(card.productId);
    // Sizes and colours: the drawer asks which one first.
    if (needsChoice(product)) {
      this.drawer.choose(product, (variantId) => void this.cart.add(card, variantId));
      return;
    }
    // Opened either way: on failure the drawer is where the relay's message shows.
    await this.cart.add(card);
    this.drawer.open();
  }

  private takeProducts(products: readonly Product[]): void {
    for (const p of products) this.products.set(p.id, p);
    this.view.shopButton.hidden = this.products.size === 0;
    this.view.shopCount.textContent = String(this.products.size);
    this.overlay.setProducts(products);
    this.renderOverlay();
  }

  /** The products a viewer may see, for the variant picker; live changes come as `products` after. */
  private async loadProducts(): Promise<void> {
    try {
      const products = await requestJson<Product[]>(relayUrl(this.relay, `/api/shows/${encodeURIComponent(this.show)}/products`), { signal: this.abort.signal });
      // A live change that came meanwhile is newer than this answer: keep it.
      if (!this.disposed && Array.isArray(products)) this.takeProducts(products.filter((p) => !this.products.has(p.id)));
    } catch {
      // Without them a card still adds its product; only a product with variants needs them (and says so).
    }
  }

  private unmute(): void {
    const video = this.view.video;
    video.muted = false;
    if (video.volume === 0) video.volume = 1;
    video.play().catch(() => undefined);
    this.view.unmute.hidden = true;
    // The pill goes away; the controls' mute button is where the sound is turned off again.
    this.view.mute.focus({ preventScroll: true });
  }

  /** The show's products, in the order the relay lists them, each openable in the drawer. */
  openShelf(): void {
    this.drawer.shelf([...this.products.values()], (product) => this.openProduct(product.id, true));
  }

  /** A product of the show in the drawer (details, options, quantity, add to cart), the video still playing. */
  openProduct(productId: string, fromShelf = false): boolean {
    const product = this.products.get(productId);
    if (!product) return false;
    this.drawer.product(
      product,
      (choice) => void this.cart.addProduct(product, choice).then(() => this.drawer.open()),
      fromShelf ? () => this.openShelf() : undefined,
      () => this.openNotify(product.id, product.title),
    );
    return true;
  }

  /** "Notify me when it's back": the shopper's email and consent, kept with the show by the relay. */
  private openNotify(productId: string, title: string): void {
    this.drawer.notify({ id: productId, title }, async (email) => {
      try {
        const url = relayUrl(this.relay, `/api/shows/${encodeURIComponent(this.show)}/restock-alerts`);
        await requestJson(url, { method: 'POST', body: { productId, email, consent: true }, signal: this.abort.signal });
        return null;
      } catch (err) {
        return errorMessage(err);
      }
    });
  }

  /** A card with the live price and stock the relay pushed since it was fired. */
  private patchedCard(card: Card): Card {
    const p = this.products.get(card.productId);
    return p ? { ...card, price: p.price, compareAtPrice: p.compareAtPrice ?? card.compareAtPrice, available: p.available } : card;
  }

  private say(message: string | null): void {
    this.view.message.textContent = message ?? '';
    this.view.message.hidden = !message;
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private listen<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K, fn: (e: HTMLElementEventMap[K]) => void): void {
    target.addEventListener(type, fn as EventListener);
    this.cleanups.push(() => target.removeEventListener(type, fn as EventListener));
  }
}
