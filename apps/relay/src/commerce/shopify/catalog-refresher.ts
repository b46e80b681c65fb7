// Live price and stock for Shopify shows. While a show is live its rundown's and on-air products are read
// again from the Storefront API every `pollMs` (slower when webhooks are configured, since they bring changes
// at once), backing off when Shopify throttles or fails; a webhook asks for a refresh now. In a cluster one
// relay polls a show (a lease in Redis). What changed goes to the authority, which tells viewers and consoles.
import type { StoreStatus } from '@cuecart/shared';
import type { Logger } from '../../logger.js';
import type { ShowAuthority } from '../../shows/show-authority.js';
import { ShopifyCatalogReader } from './shopify-catalog.js';
import type { ShopifyShops } from './shopify-shops.js';

/** Who may poll a show. A relay alone always may; in a cluster the holder of a Redis lease. */
export interface Lease {
  /** True when this relay holds (or now took, or renewed) the lease for `ttlMs`. */
  acquire(name: string, ttlMs: number): Promise<boolean>;
}

export const SOLO_LEASE: Lease = { acquire: async () => true };

export interface RefresherOptions {
  /** Between polls of a live show without webhooks (default 30 s: a few cheap queries a minute). */
  pollMs?: number;
  /** Between polls of a live show whose webhooks are configured: a safety net only (default 5 min). */
  webhookPollMs?: number;
  /** The longest wait after failures (default 5 min). */
  maxBackoffMs?: number;
  /** How often due shows are looked for. */
  tickMs?: number;
  clock?: () => number;
}

interface ShowRefresh {
  nextAt: number;
  failures: number;
  running?: Promise<void> | undefined;
  again?: boolean;
  status: StoreStatus;
}

export class CatalogRefresher {
  private readonly shows = new Map<string, ShowRefresh>();
  private readonly statusListeners = new Set<(showId: string, status: StoreStatus) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly pollMs: number;
  private readonly webhookPollMs: number;
  private readonly maxBackoffMs: number;
  private readonly tickMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly authority: ShowAuthority,
    private readonly shops: ShopifyShops,
    private readonly lease: Lease,
    private readonly logger: Logger,
    options: RefresherOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 30_000;
    this.webhookPollMs = options.webhookPollMs ?? 300_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 300_000;
    // Due shows are looked for often enough that a poll is never late by more than a quarter of its interval.
    this.tickMs = options.tickMs ?? Math.min(1000, this.pollMs / 4);
    this.clock = options.clock ?? Date.now;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.shows.values()].map((s) => s.running));
  }

  onStatus(listener: (showId: string, status: StoreStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The store's health for a show, as the console shows it; undefined for a show not sold from a store. */
  status(showId: string): StoreStatus | undefined {
    const known = this.shows.get(showId)?.status;
    if (known) return known;
    const spec = this.shops.specOf(showId);
    return spec && { provider: 'shopify', shopDomain: spec.shopDomain, ok: true, checkedAt: oldestCheck(this.authority, showId) };
  }

  /** Polls every live Shopify show that is due. */
  async tick(): Promise<void> {
    const now = this.clock();
    for (const showId of this.authority.ids()) {
      const spec = this.shops.specOf(showId);
      if (!spec || this.authority.get(showId)?.state.status !== 'live') continue;
      const entry = this.entry(showId);
      if (entry.running || entry.nextAt > now) continue;
      const interval = spec.webhookSecret ? this.webhookPollMs : this.pollMs;
      // Held a little longer than a poll, so that a relay that stops polling hands the show on quickly.
      if (!(await this.lease.acquire(`shopify-refresh:${showId}`, interval * 2).catch(() => false))) {
        entry.nextAt = now + interval;
        continue;
      }
      void this.refreshNow(showId);
    }
  }

  /**
   * Reads the show's products again now (a webhook said something changed): `productIds`, or the rundown's and
   * the on-air products. Calls while one runs make one more run after it, not one each.
   */
  refreshNow(showId: string, productIds?: readonly string[]): Promise<void> {
    const entry = this.entry(showId);
    if (entry.running) {
      entry.again = true;
      return entry.running;
    }
    entry.running = this.run(showId, entry, productIds).finally(() => {
      entry.running = undefined;
      if (entry.again) {
        entry.again = false;
        void this.refreshNow(showId);
      }
    });
    return entry.running;
  }

  private async run(showId: string, entry: ShowRefresh, productIds: readonly string[] | undefined): Promise<void> {
    const rt = this.authority.get(showId);
    const client = this.shops.clientFor(showId);
    const spec = this.shops.specOf(showId);
    if (!rt || !client || !spec) return;
    const ids = productIds ?? [...new Set([...rt.show.rundown, ...rt.state.featured.map((c) => c.productId)])];
    const interval = spec.webhookSecret ? this.webhookPollMs : this.pollMs;
    if (!ids.length) {
      entry.nextAt = this.clock() + interval;
      return;
    }
    const answer = await new ShopifyCatalogReader(client, this.clock).byIds(ids);
    const now = this.clock();
    if (!answer.ok) {
      entry.failures += 1;
      const wait = Math.min(this.maxBackoffMs, Math.max(answer.failure?.retryAfterMs ?? 0, interval * 2 ** entry.failures));
      entry.nextAt = now + wait;
      this.setStatus(showId, entry, { provider: 'shopify', shopDomain: spec.shopDomain, ok: false, message: answer.error.message, failingSince: entry.status.failingSince ?? now, checkedAt: entry.status.checkedAt, nextTryAt: now + wait });
      this.logger.warn({ show: showId, failures: entry.failures, retryInMs: wait, err: answer.error.message }, 'Shopify refresh failed: cards keep their last known price and stock');
      return;
    }
    entry.failures = 0;
    entry.nextAt = now + interval;
    const found = new Set(answer.catalog.products.map((p) => p.id));
    // A product the store no longer sells (deleted, unpublished) can no longer be bought here either.
    const gone = ids.flatMap((id) => {
      const known = rt.catalog.get(id);
      return known && !found.has(id) && known.available ? [{ ...known, available: false, checkedAt: now }] : [];
    });
    const changed = await this.authority.updateProducts(showId, [...answer.catalog.products, ...gone]);
    if (changed.length) this.logger.info({ show: showId, changed: changed.map((p) => p.id) }, 'live price and stock changed');
    this.setStatus(showId, entry, { provider: 'shopify', shopDomain: spec.shopDomain, ok: true, checkedAt: now, inventory: answer.catalog.inventory });
  }

  private entry(showId: string): ShowRefresh {
    let entry = this.shows.get(showId);
    if (!entry) {
      const spec = this.shops.specOf(showId);
      entry = { nextAt: 0, failures: 0, status: { provider: 'shopify', shopDomain: spec?.shopDomain ?? '', ok: true, checkedAt: oldestCheck(this.authority, showId) } };
      this.shows.set(showId, entry);
    }
    return entry;
  }

  private setStatus(showId: string, entry: ShowRefresh, status: StoreStatus): void {
    const was = entry.status;
    entry.status = stripUndefined(status);
    // Consoles hear of every failure and recovery, and of a successful check at most once per poll anyway.
    if (was.ok !== status.ok || !status.ok || was.checkedAt !== status.checkedAt) {
      for (const listener of this.statusListeners) listener(showId, entry.status);
    }
  }
}

/** When the least recently checked product of the rundown was last confirmed by the store. */
function oldestCheck(authority: ShowAuthority, showId: string): number | undefined {
  const rt = authority.get(showId);
  if (!rt) return undefined;
  const times = rt.show.rundown.map((id) => rt.catalog.get(id)?.checkedAt).filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
