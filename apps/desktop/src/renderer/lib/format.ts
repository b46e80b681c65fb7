// Display helpers shared by the console features: money, stock, elapsed time, safe image URLs.
import { formatMoney as formatSharedMoney, type Money, type Product } from '@cuecart/shared';

/** Money as the console shows it (the one rule of packages/shared); nothing for a missing price. */
export function formatMoney(money: Money | undefined): string {
  return money ? formatSharedMoney(money) : '';
}

export type StockLevel = 'out' | 'low' | 'ok';

export function stockOf(product: Pick<Product, 'available' | 'inventory'>): { level: StockLevel; text: string } {
  if (!product.available || (product.inventory !== undefined && product.inventory <= 0)) return { level: 'out', text: 'Sold out' };
  if (product.inventory === undefined) return { level: 'ok', text: 'In stock' };
  return { level: product.inventory <= 10 ? 'low' : 'ok', text: `${product.inventory} left` };
}

/** m:ss (or h:mm:ss) since `since`. */
export function formatElapsed(since: number, now: number): string {
  const total = Math.max(0, Math.floor((now - since) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Only http(s) URLs and paths on the relay become images; anything else (javascript:, data:, //host) is dropped. */
export function safeImageUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\/[^\s]+$/i.test(url) || /^\/(?![/\\])[^\s]*$/.test(url) ? url : undefined;
}

export function formatClockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
