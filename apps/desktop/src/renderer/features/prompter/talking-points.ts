// The words and numbers a host reads for a product: price, was-price, stock, a short description.
import { formatMoney as formatSharedMoney, type Money, type Product } from '@cuecart/shared';

/** At or below this many units the prompter says "Only N left" so the host can push urgency. */
export const LOW_STOCK = 10;

/** "$89", "$28.50": whole amounts without cents, the way a host says them (the one money rule, packages/shared). */
export function formatMoney(money: Money, locale?: string): string {
  return formatSharedMoney(money, { locale, dropWholeCents: true });
}

/** "was $109", only when the compare-at price is really higher than the price (same currency). */
export function compareAtText(product: Pick<Product, 'price' | 'compareAtPrice'>, locale?: string): string | null {
  const was = product.compareAtPrice;
  if (!was || was.currencyCode !== product.price.currencyCode) return null;
  if (!(Number(was.amount) > Number(product.price.amount))) return null;
  return `was ${formatMoney(was, locale)}`;
}

export type StockTone = 'ok' | 'low' | 'out';
export interface Stock {
  text: string;
  tone: StockTone;
}

export function stockOf(product: Pick<Product, 'available' | 'inventory'>): Stock {
  if (!product.available) return { text: 'Sold out', tone: 'out' };
  const n = product.inventory;
  if (n === undefined) return { text: 'In stock', tone: 'ok' };
  if (n <= 0) return { text: 'Sold out', tone: 'out' };
  if (n <= LOW_STOCK) return { text: `Only ${n} left`, tone: 'low' };
  return { text: 'In stock', tone: 'ok' };
}

/** A description short enough to glance at: the first sentence or so, cut at a word. */
export function shortDescription(text: string | undefined, max = 140): string | null {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
