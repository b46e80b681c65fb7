// Renders the overlay on the media clock: cards in and out at the right frame, the banner, and the
// card-shown / card-hidden events the host page (and the sync test) listen to.
import type { Card, OverlayState, Product } from '@cuecart/shared';
import { h, setText } from '../element/dom.js';
import { createCardView, type CardHandlers, type CardView } from './card-view.js';
import { formatCountdown, isRunning } from './format.js';
import { planOverlay, type ClockReading } from './schedule.js';

export interface CardEventDetail {
  cardId: string;
  productId: string;
  mediaMs: number | null;
  playheadMs: number | null;
}

export interface OverlayViewOptions extends CardHandlers {
  /** Where card-shown / card-hidden are dispatched: the <cuecart-player> element. */
  host: HTMLElement;
  stack: HTMLElement;
  banner: HTMLElement;
  relay: string;
  onShown?(card: Card, el: HTMLElement): void;
  onHidden?(cardId: string): void;
}

type ProductPatch = Pick<Product, 'price' | 'compareAtPrice' | 'available'>;

export class OverlayView {
  private state: OverlayState | null = null;
  private readonly views = new Map<string, { card: Card; view: CardView }>();
  private readonly quiet = new Set<string>();
  private readonly patches = new Map<string, ProductPatch>();
  private bannerText: HTMLElement | null = null;
  private wakeAt: number | null = null;
  private wakeTimer: ReturnType<typeof setTimeout> | null = null;
  private bannerCountdown: HTMLElement | null = null;

  constructor(private readonly options: OverlayViewOptions) {}

  /** A newer overlay state (the seq guard already ran). The first one marks what a late joiner sees without animation. */
  setState(state: OverlayState): void {
    if (!this.state) for (const card of state.featured) this.quiet.add(card.cardId);
    this.state = state;
  }

  get status(): OverlayState['status'] | null {
    return this.state?.status ?? null;
  }

  /** Price and stock changes pushed by the relay apply to cards already on air. */
  setProducts(products: readonly Product[]): void {
    for (const p of products) this.patches.set(p.id, { price: p.price, compareAtPrice: p.compareAtPrice, available: p.available });
  }

  /** True while a fired card is still waiting for its frame. */
  render(clock: ClockReading): boolean {
    if (!this.state) return false;
    const featured = this.state.featured.map((card) => this.patched(card));
    const plan = planOverlay({ featured, clock, shown: new Set(this.views.keys()), quiet: this.quiet });
    const playheadMs = clock.kind === 'running' ? clock.playheadMs : null;

    for (const cardId of plan.leaving) {
      const entry = this.views.get(cardId);
      if (!entry) continue;
      entry.view.el.remove();
      this.views.delete(cardId);
      this.quiet.delete(cardId);
      this.options.onHidden?.(cardId);
      this.dispatch('cuecart:card-hidden', entry.card, playheadMs);
    }

    const entering = new Map(plan.entering.map((e) => [e.card.cardId, e.animate]));
    const { stack } = this.options;
    plan.visible.forEach((card, index) => {
      let entry = this.views.get(card.cardId);
      if (!entry) {
        const view = createCardView(card, this.options.relay, this.options);
        if (entering.get(card.cardId)) view.el.classList.add('enter');
        entry = { card, view };
        this.views.set(card.cardId, entry);
      } else if (entry.card !== card && JSON.stringify(entry.card) !== JSON.stringify(card)) {
        entry.view.update(card);
        entry.card = card;
      }
      if (stack.children[index] !== entry.view.el) stack.insertBefore(entry.view.el, stack.children[index] ?? null);
    });

    for (const { card } of plan.entering) {
      const el = this.views.get(card.cardId)!.view.el;
      this.options.onShown?.(card, el);
      this.dispatch('cuecart:card-shown', card, playheadMs);
    }
    return plan.waiting.length > 0;
  }

  /** Once a second: countdowns, offer prices and the banner (with its own countdown) until its end. */
  tick(now = Date.now()): void {
    for (const { view } of this.views.values()) view.tick(now);
    this.wakeAtNextEnd(now);
    const banner = this.state?.banner;
    const el = this.options.banner;
    if (!banner || !isRunning(banner.endsAt, now)) {
      el.hidden = true;
      return;
    }
    // The banner is a live region: its text changes only when the banner does, and the ticking countdown is
    // hidden from screen readers (it would be read out every second).
    if (!this.bannerText) {
      this.bannerText = h('span', { class: 'banner-text' });
      this.bannerCountdown = h('span', { class: 'countdown', 'aria-hidden': 'true', 'data-testid': 'banner-countdown' });
      el.replaceChildren(this.bannerText, this.bannerCountdown);
    }
    if (this.bannerText.textContent !== banner.text) this.bannerText.textContent = banner.text;
    const left = banner.endsAt === undefined ? null : formatCountdown(banner.endsAt - now);
    setText(this.bannerCountdown!, left && ` · Ends in ${left}`);
    el.hidden = false;
  }

  /**
   * The once-a-second tick may come up to a second after a banner's or an offer's end: one more tick at the
   * next end itself, so viewers lose it at the moment the producer's console says it ended.
   */
  private wakeAtNextEnd(now: number): void {
    const ends = [this.state?.banner?.endsAt, ...[...this.views.values()].map((v) => v.card.offer?.endsAt)].filter((t): t is number => t !== undefined && t > now);
    const next = ends.length ? Math.min(...ends) : null;
    if (next === this.wakeAt) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeAt = next;
    this.wakeTimer = next === null ? null : setTimeout(() => {
      this.wakeAt = null;
      this.wakeTimer = null;
      this.tick();
    }, next - now + 1);
  }

  clear(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wakeAt = null;
    for (const [cardId, { view }] of this.views) {
      view.el.remove();
      this.options.onHidden?.(cardId);
    }
    this.views.clear();
  }

  private patched(card: Card): Card {
    const patch = this.patches.get(card.productId);
    return patch ? { ...card, ...patch } : card;
  }

  private dispatch(type: string, card: Card, playheadMs: number | null): void {
    const detail: CardEventDetail = { cardId: card.cardId, productId: card.productId, mediaMs: card.mediaMs ?? null, playheadMs };
    this.options.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
