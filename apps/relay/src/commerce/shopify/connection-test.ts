// "Connect a store": does this shop domain and token work, what is the shop called, how many products would
// the show's catalog hold, may the token read inventory. Every failure says what to fix.
import { apiError, type ApiError, type ShopifyConnectionReport as ConnectionReport } from '@cuecart/shared';
import { storefrontError } from './shopify-catalog.js';
import type { ShopifySpec, StorefrontClient } from './storefront-client.js';

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string }[];
}

/** Counting stops here: a catalog this large is refused at show creation anyway. */
const COUNT_CAP = 50_000;

export async function testConnection(spec: ShopifySpec, client: StorefrontClient): Promise<{ ok: true; report: ConnectionReport } | { ok: false; error: ApiError }> {
  const shop = await client.request<{ shop: { name: string; paymentSettings: { currencyCode: string } } }>('shopInfo', {});
  if (!shop.ok) return { ok: false, error: storefrontError(shop.failure) };
  let productCount = 0;
  let collectionTitle: string | undefined;
  let after: string | null = null;
  do {
    const page: { ok: true; data: Page | null; title?: string } | { ok: false; error: ApiError } = spec.collection
      ? await client.request<{ collection: { title: string; products: Page } | null }>('countCollectionProducts', { handle: spec.collection, first: 250, after }).then((a) =>
          a.ok ? { ok: true as const, data: a.data.collection?.products ?? null, title: a.data.collection?.title } : { ok: false as const, error: storefrontError(a.failure) },
        )
      : await client.request<{ products: Page }>('countProducts', { first: 250, after }).then((a) => (a.ok ? { ok: true as const, data: a.data.products } : { ok: false as const, error: storefrontError(a.failure) }));
    if (!page.ok) return page;
    if (!page.data) return { ok: false, error: apiError('invalid', `${spec.shopDomain} has no collection "${spec.collection}" on its Storefront: check the handle in Shopify admin → Collections, and that the collection is published to the Headless channel`) };
    collectionTitle ??= page.title;
    productCount += page.data.nodes.length;
    after = page.data.pageInfo.hasNextPage ? page.data.pageInfo.endCursor : null;
  } while (after && productCount < COUNT_CAP);
  // Inventory: one product asked with quantityAvailable tells whether the token may read it.
  const probe = await client.request<{ products: { nodes: unknown[] } }>('allProducts', { first: 1, inventory: true });
  const inventory = probe.ok && !probe.denied.includes('quantityAvailable');
  const notes: string[] = [];
  if (!inventory) notes.push('the token may not read inventory counts: give the Storefront app the unauthenticated_read_product_inventory scope to show "only N left"; in stock and sold out work without it');
  if (productCount === 0) notes.push(spec.collection ? `collection "${spec.collection}" has no products on the Storefront` : 'the Storefront sells no products: publish products to the Headless channel');
  if (!spec.webhookSecret) notes.push('no webhook secret: orders will not be attributed and price and stock are polled while the show is live; add the webhook signing secret for orders and instant updates');
  return {
    ok: true,
    report: {
      shopName: shop.data.shop.name,
      shopDomain: spec.shopDomain,
      currencyCode: shop.data.shop.paymentSettings.currencyCode,
      productCount,
      inventory,
      ...(collectionTitle ? { collection: collectionTitle } : {}),
      notes,
    },
  };
}
