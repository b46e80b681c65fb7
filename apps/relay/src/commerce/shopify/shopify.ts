// Everything the relay needs for shows sold from Shopify stores, made once at start.
import type { ShopifyCatalogSpec } from '@cuecart/shared';
import type { TrackRepository } from '../../analytics/track-repository.js';
import type { CatalogResult } from '../../catalog/load-catalog.js';
import type { Logger } from '../../logger.js';
import type { ShowAuthority } from '../../shows/show-authority.js';
import type { CartStore } from '../cart-store.js';
import { CatalogRefresher, type Lease, type RefresherOptions } from './catalog-refresher.js';
import { ShopifyCatalogReader } from './shopify-catalog.js';
import { ShopifyShops } from './shopify-shops.js';
import { ShopifyStore } from './shopify-store.js';
import { ShopifyWebhooks } from './shopify-webhooks.js';

export interface Shopify {
  shops: ShopifyShops;
  store: ShopifyStore;
  refresher: CatalogRefresher;
  webhooks: ShopifyWebhooks;
  /** A new show's catalog, read from its store. */
  loadCatalog(spec: ShopifyCatalogSpec): Promise<CatalogResult>;
}

export interface ShopifyDeps {
  authority: ShowAuthority;
  carts: CartStore;
  track: TrackRepository;
  lease: Lease;
  logger: Logger;
  /** The SSRF-guarded fetch for public endpoints (plain http goes to loopback endpoints only). */
  guardedFetch: typeof fetch;
  refresh?: RefresherOptions;
}

export function createShopify(deps: ShopifyDeps): Shopify {
  const shops = new ShopifyShops(deps.authority, deps.guardedFetch);
  const refresher = new CatalogRefresher(deps.authority, shops, deps.lease, deps.logger, deps.refresh);
  // A sold-out answer from Shopify's cart is news for the show's cards at once.
  const store = new ShopifyStore(deps.carts, deps.authority, shops, (showId, productId) => void refresher.refreshNow(showId, [productId]));
  const webhooks = new ShopifyWebhooks(shops, deps.authority, deps.carts, deps.track, refresher, deps.logger);
  return {
    shops,
    store,
    refresher,
    webhooks,
    async loadCatalog(spec) {
      const loaded = await new ShopifyCatalogReader(shops.clientOf(spec)).load(spec);
      if (!loaded.ok) return loaded;
      if (loaded.catalog.skipped) deps.logger.warn({ shop: spec.shopDomain, skipped: loaded.catalog.skipped }, 'Shopify products skipped: a field is outside what Cuecart accepts');
      return { ok: true, products: loaded.catalog.products };
    },
  };
}
