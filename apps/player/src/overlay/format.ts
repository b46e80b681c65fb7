// Text for cards and the drawer: money in the shopper's locale, offer countdowns, effective prices.
import { formatMoney as formatSharedMoney, runningOfferPrice, type Card, type Money } from '@cuecart/shared';

/** Money as the shopper reads it: the one rule of packages/shared, in the shopper's locale. */
export function formatMoney(money: Money, locale?: string): string {
  return formatSharedMoney(money, { locale });
}

/** "4:59", "1:02:03"; null once the time is up. */
export function formatCountdown(remainingMs: number): string | null {
  if (!(remainingMs > 0)) return null;
  const total = Math.ceil(remainingMs / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** True while an offer (or a banner) with an end is still running. */
export function isRunning(endsAt: number | undefined, now: number): boolean {
  return endsAt === undefined || now < endsAt;
}

/** The price to show and the one to strike through: a running offer price beats the list price. */
export function effectivePrice(card: Pick<Card, 'price' | 'compareAtPrice' | 'offer'>, now: number): { price: Money; was: Money | null } {
  const offerPrice = runningOfferPrice(card.offer, now);
  if (offerPrice) return { price: offerPrice, was: card.price };
  return { price: card.price, was: card.compareAtPrice ?? null };
}

/** What a screen reader says when a card comes on screen: "On screen: Pour-Over Kettle, $89.00, was $109.00". */
export function cardSpeech(card: Pick<Card, 'title' | 'price' | 'compareAtPrice' | 'offer' | 'available'>, now: number, locale?: string): string {
  const { price, was } = effectivePrice(card, now);
  const offer = card.offer && isRunning(card.offer.endsAt, now) && card.offer.text ? `, ${card.offer.text}` : '';
  const stock = card.available ? '' : ', sold out';
  return `On screen: ${card.title}, ${formatMoney(price, locale)}${was ? `, was ${formatMoney(was, locale)}` : ''}${offer}${stock}`;
}
