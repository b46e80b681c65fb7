// The Shopify stores behind the relay's shows: each show's spec, one Storefront client per show (made again
// when its spec changes), and which shows a shop's webhooks are for.
import { isShopifyEndpoint } from '@cuecart/shared';
import type { ShowAuthority } from '../../shows/show-authority.js';
import { StorefrontClient, type ShopifySpec, type StorefrontOptions } from './storefront-client.js';

/** Plain http is allowed to a loopback endpoint only (the spec's rule); everything else goes through the SSRF guard. */
export function shopifyFetch(spec: ShopifySpec, guarded: typeof fetch): typeof fetch {
  return spec.endpoint && isShopifyEndpoint(spec.endpoint) && new URL(spec.endpoint).protocol === 'http:' ? fetch : guarded;
}

export class ShopifyShops {
  private readonly clients = new Map<string, { spec: ShopifySpec; client: StorefrontClient }>();

  constructor(
    private readonly authority: ShowAuthority,
    private readonly guardedFetch: typeof fetch,
    private readonly options: Omit<StorefrontOptions, 'fetch'> = {},
  ) {}

  specOf(showId: string): ShopifySpec | undefined {
    const spec = this.authority.get(showId)?.spec;
    return spec?.provider === 'shopify' ? spec : undefined;
  }

  clientFor(showId: string): StorefrontClient | undefined {
    const spec = this.specOf(showId);
    if (!spec) return undefined;
    const known = this.clients.get(showId);
    if (known?.spec === spec) return known.client;
    const client = this.clientOf(spec);
    this.clients.set(showId, { spec, client });
    return client;
  }

  /** A client for a spec no show has yet (the console's connection test). */
  clientOf(spec: ShopifySpec): StorefrontClient {
    return new StorefrontClient(spec, { ...this.options, fetch: shopifyFetch(spec, this.guardedFetch) });
  }

  /** The shows of a shop, for its webhooks. */
  showsOf(shopDomain: string): string[] {
    const domain = shopDomain.toLowerCase();
    return this.authority.ids().filter((id) => this.specOf(id)?.shopDomain === domain);
  }
}
