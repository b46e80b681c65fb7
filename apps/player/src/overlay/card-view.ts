// One product card on air: image, title, prices, badge, offer countdown, sold-out state and "Add to cart".
import type { Card } from '@cuecart/shared';
import { safeUrl } from '../config/urls.js';
import { h, setText } from '../element/dom.js';
import { effectivePrice, formatCountdown, formatMoney, isRunning } from './format.js';

export interface CardHandlers {
  onAdd(card: Card): void;
  onClick(card: Card): void;
  /** A sold-out card's button: "Notify me when it's back". */
  onNotify(card: Card): void;
}

export interface CardView {
  readonly el: HTMLElement;
  update(card: Card): void;
  /** Re-renders what depends on the wall clock (offer countdown and offer price). */
  tick(now: number): void;
}

export function createCardView(initial: Card, relay: string, handlers: CardHandlers): CardView {
  let card = initial;
  const thumb = h('img', { class: 'thumb', alt: '', loading: 'lazy', decoding: 'async' });
  const badge = h('span', { class: 'badge' });
  const title = h('div', { class: 'title' });
  const price = h('span', { class: 'price' });
  // The struck price says "was" to a screen reader; the eye has the strike-through.
  const wasAmount = h('span');
  const was = h('s', { class: 'was' }, h('span', { class: 'sr-only' }, 'was '), wasAmount);
  const offerText = h('span', { class: 'offer-text' });
  const countdown = h('span', { class: 'countdown' });
  const offer = h('div', { class: 'offer' }, offerText, countdown);
  const add = h('button', { class: 'add', type: 'button', 'data-testid': 'add-to-cart' });
  const el = h(
    'article',
    { class: 'card', 'data-testid': 'card' },
    thumb,
    h('div', { class: 'body' }, badge, title, h('div', { class: 'prices' }, price, was), offer),
    add,
  );

  add.addEventListener('click', (event) => {
    event.stopPropagation();
    if (card.available) handlers.onAdd(card);
    else handlers.onNotify(card);
  });
  el.addEventListener('click', () => handlers.onClick(card));

  function tick(now: number) {
    const { price: shown, was: struck } = effectivePrice(card, now);
    price.textContent = formatMoney(shown);
    wasAmount.textContent = struck ? formatMoney(struck) : '';
    was.hidden = !struck;
    const running = card.offer && isRunning(card.offer.endsAt, now);
    offer.hidden = !running;
    if (running && card.offer) {
      offerText.textContent = card.offer.text;
      const left = card.offer.endsAt === undefined ? null : formatCountdown(card.offer.endsAt - now);
      setText(countdown, left && `· Ends in ${left}`);
    }
  }

  function update(next: Card) {
    card = next;
    el.dataset.productId = card.productId;
    el.dataset.cardId = card.cardId;
    const src = safeUrl(card.imageUrl, relay);
    // Without a usable image the thumb stays an empty placeholder, so cards keep one shape.
    if (!src) thumb.removeAttribute('src');
    else if (thumb.getAttribute('src') !== src) thumb.src = src;
    setText(badge, card.badge ?? null);
    title.textContent = card.title;
    el.setAttribute('aria-label', card.available ? card.title : `${card.title}, sold out`);
    el.classList.toggle('sold-out', !card.available);
    add.textContent = card.available ? 'Add to cart' : 'Notify me';
    add.dataset.testid = card.available ? 'add-to-cart' : 'notify-me';
    add.setAttribute('aria-label', card.available ? `Add ${card.title} to cart` : `${card.title} is sold out: get an email when it is back`);
    tick(Date.now());
  }

  update(initial);
  return { el, update, tick };
}
