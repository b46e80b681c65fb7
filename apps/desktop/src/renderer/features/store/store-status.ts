// What the console says about the show's store: when its prices and stock were last confirmed, or what is
// wrong while it fails (cards keep their last known values meanwhile). Pure, so the wording is tested.
import type { StoreStatus } from '@cuecart/shared';

export interface StoreStatusView {
  tone: 'ok' | 'stale' | 'failing';
  label: string;
  detail: string;
}

/** Checked longer ago than this reads as stale, even without a failure. */
export const STALE_AFTER_MS = 2 * 60_000;

export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.round(m / 60)} h ago`;
}

export function storeStatusView(status: StoreStatus, now: number): StoreStatusView {
  const checked = status.checkedAt === undefined ? 'not checked yet' : `checked ${ago(now - status.checkedAt)}`;
  if (!status.ok) {
    const retry = status.nextTryAt !== undefined && status.nextTryAt > now ? ` Trying again in ${ago(status.nextTryAt - now).replace(' ago', '')}.` : '';
    return {
      tone: 'failing',
      label: `Shopify unreachable · prices ${checked}`,
      detail: `${status.message ?? 'Shopify is not answering'}. Cards keep the last known price and stock (${checked}).${retry}`,
    };
  }
  const stale = status.checkedAt === undefined || now - status.checkedAt > STALE_AFTER_MS;
  const inventory = status.inventory === false ? ' Inventory counts are not readable with this token: cards show in stock or sold out only.' : '';
  return {
    tone: stale ? 'stale' : 'ok',
    label: `Shopify · prices ${checked}`,
    detail: `${status.shopDomain}: live price and stock ${checked}.${inventory}`,
  };
}
