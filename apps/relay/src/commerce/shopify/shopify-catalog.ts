// A Shopify store's products as Cuecart Products: by collection (paginated, thousands fine), by handles, by
// ids, or the whole storefront; refreshed by id while a show is live. Inventory counts are read where the token
// may (unauthenticated_read_product_inventory); without that scope the catalog loads with availability only.
import { apiError, MAX_CATALOG_PRODUCTS, Product, type ApiError, type Money, type Variant } from '@cuecart/shared';
import { moneyOf } from '../money.js';
import type { ShopifySpec, StorefrontClient, StorefrontFailure } from './storefront-client.js';

const PAGE = 250;
const HANDLE_CONCURRENCY = 4;

interface MoneyNode {
  amount: string;
  currencyCode: string;
}

export interface ProductNode {
  id: string;
  handle: string;
  title: string;
  vendor: string;
  productType: string;
  tags: string[];
  description: string;
  onlineStoreUrl: string | null;
  availableForSale: boolean;
  featuredImage: { url: string } | null;
  priceRange: { minVariantPrice: MoneyNode };
  compareAtPriceRange: { minVariantPrice: MoneyNode };
  options: { name: string; optionValues: { name: string }[] }[];
  variants: {
    nodes: {
      id: string;
      title: string;
      sku: string | null;
      availableForSale: boolean;
      quantityAvailable?: number | null;
      price: MoneyNode;
      compareAtPrice: MoneyNode | null;
      selectedOptions: { name: string; value: string }[];
      image: { url: string } | null;
    }[];
  };
}

interface PageOf<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

export interface ShopifyCatalog {
  products: Product[];
  /** Whether the token could read inventory counts (`quantityAvailable`). */
  inventory: boolean;
  /** Products Shopify sent that Cuecart could not use (a field out of bounds), skipped. */
  skipped: number;
}

export type CatalogAnswer = { ok: true; catalog: ShopifyCatalog } | { ok: false; error: ApiError; failure?: StorefrontFailure };

const money = (node: MoneyNode): Money => moneyOf(node.amount, node.currencyCode);

/** One Storefront product as a Cuecart Product, or undefined when it breaks the Product contract. */
export function toProduct(node: ProductNode, checkedAt: number): Product | undefined {
  const single = node.variants.nodes.length === 1 && node.variants.nodes[0]?.title === 'Default Title';
  const counts = node.variants.nodes.map((v) => v.quantityAvailable);
  const variants: Variant[] = node.variants.nodes.map((v) => ({
    id: v.id,
    title: v.title,
    ...(v.sku ? { sku: v.sku } : {}),
    price: money(v.price),
    ...(v.compareAtPrice && Number(v.compareAtPrice.amount) > Number(v.price.amount) ? { compareAtPrice: money(v.compareAtPrice) } : {}),
    available: v.availableForSale,
    ...(typeof v.quantityAvailable === 'number' ? { inventory: v.quantityAvailable } : {}),
    options: v.selectedOptions.slice(0, 3),
    ...(v.image ? { imageUrl: v.image.url } : {}),
  }));
  const price = money(node.priceRange.minVariantPrice);
  const compareAt = money(node.compareAtPriceRange.minVariantPrice);
  const candidate = {
    id: node.id,
    title: node.title,
    ...(node.variants.nodes[0]?.sku && single ? { sku: node.variants.nodes[0].sku } : {}),
    ...(node.vendor ? { vendor: node.vendor } : {}),
    ...(node.productType ? { productType: node.productType } : {}),
    ...(node.tags.length ? { tags: node.tags.slice(0, 250) } : {}),
    variants,
    ...(!single ? { options: node.options.slice(0, 3).map((o) => ({ name: o.name, values: o.optionValues.map((v) => v.name) })) } : {}),
    ...(node.description ? { description: node.description.slice(0, 5000) } : {}),
    price,
    ...(Number(compareAt.amount) > Number(price.amount) ? { compareAtPrice: compareAt } : {}),
    available: node.availableForSale,
    ...(counts.every((c) => typeof c === 'number') ? { inventory: (counts as number[]).reduce((a, b) => a + Math.max(0, b), 0) } : {}),
    ...(node.featuredImage ? { imageUrl: node.featuredImage.url } : {}),
    ...(node.onlineStoreUrl ? { url: node.onlineStoreUrl } : {}),
    checkedAt,
  };
  const parsed = Product.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** Reads the products a show's Shopify catalog names. */
export class ShopifyCatalogReader {
  private inventory = true;
  private skipped = 0;

  constructor(private readonly client: StorefrontClient, private readonly clock: () => number = Date.now) {}

  async load(spec: ShopifySpec): Promise<CatalogAnswer> {
    let result: CatalogAnswer;
    if (spec.productIds) result = await this.byIds(spec.productIds);
    else if (spec.handles) result = await this.byHandles(spec.handles);
    else if (spec.collection) result = await this.paged('collectionProducts', { handle: spec.collection }, (d: { collection: { products: PageOf<ProductNode> } | null }) => d.collection?.products, `collection "${spec.collection}"`);
    else result = await this.paged('allProducts', {}, (d: { products: PageOf<ProductNode> }) => d.products, 'the storefront');
    if (!result.ok) return result;
    const seen = new Set<string>();
    const products = result.catalog.products.filter((p) => !seen.has(p.id) && seen.add(p.id));
    return { ok: true, catalog: { products, inventory: this.inventory, skipped: this.skipped } };
  }

  /** Current price and stock of these products (up to 250 per call); the ones Shopify no longer has are left out. */
  async byIds(ids: readonly string[]): Promise<CatalogAnswer> {
    const products: Product[] = [];
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE);
      const answer = await this.ask<{ nodes: (ProductNode | null | Record<string, never>)[] }>('productsById', { ids: chunk });
      if (!answer.ok) return answer;
      for (const node of answer.data.nodes) if (node && 'id' in node) this.keep(products, node as ProductNode);
    }
    return { ok: true, catalog: { products, inventory: this.inventory, skipped: this.skipped } };
  }

  private async byHandles(handles: readonly string[]): Promise<CatalogAnswer> {
    const found = new Map<string, Product>();
    const missing: string[] = [];
    let failed: CatalogAnswer | undefined;
    const queue = [...handles];
    const worker = async () => {
      for (let handle = queue.shift(); handle !== undefined && !failed; handle = queue.shift()) {
        const answer = await this.ask<{ product: ProductNode | null }>('productByHandle', { handle });
        if (!answer.ok) {
          failed = answer;
          return;
        }
        const list: Product[] = [];
        if (answer.data.product) this.keep(list, answer.data.product);
        if (list[0]) found.set(handle, list[0]);
        else if (!answer.data.product) missing.push(handle);
      }
    };
    await Promise.all(Array.from({ length: HANDLE_CONCURRENCY }, worker));
    if (failed) return failed;
    if (missing.length) return { ok: false, error: apiError('invalid', `the store has no product with handle ${missing.slice(0, 5).map((h) => `"${h}"`).join(', ')}${missing.length > 5 ? ` (+${missing.length - 5} more)` : ''}: check the handles in Shopify admin → Products`) };
    return { ok: true, catalog: { products: handles.flatMap((h) => found.get(h) ?? []), inventory: this.inventory, skipped: this.skipped } };
  }

  private async paged<D>(name: 'collectionProducts' | 'allProducts', variables: Record<string, unknown>, pick: (data: D) => PageOf<ProductNode> | undefined, what: string): Promise<CatalogAnswer> {
    const products: Product[] = [];
    let after: string | null = null;
    for (;;) {
      const answer = await this.ask<D>(name, { ...variables, first: PAGE, after });
      if (!answer.ok) return answer;
      const page = pick(answer.data);
      if (!page) return { ok: false, error: apiError('invalid', `the store has no ${what}: check the collection's handle in Shopify admin → Collections, and that it is published to the Storefront`) };
      for (const node of page.nodes) this.keep(products, node);
      if (products.length > MAX_CATALOG_PRODUCTS) return { ok: false, error: apiError('invalid', `${what} has more than ${MAX_CATALOG_PRODUCTS} products: name a smaller collection`) };
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    return { ok: true, catalog: { products, inventory: this.inventory, skipped: this.skipped } };
  }

  private keep(into: Product[], node: ProductNode): void {
    const product = toProduct(node, this.clock());
    if (product) into.push(product);
    else this.skipped += 1;
  }

  /** Asks with inventory while the token may read it; the first ACCESS_DENIED on it turns it off for good. */
  private async ask<T>(name: Parameters<StorefrontClient['request']>[0], variables: Record<string, unknown>): Promise<{ ok: true; data: T } | { ok: false; error: ApiError; failure: StorefrontFailure }> {
    const answer = await this.client.request<T>(name, { ...variables, inventory: this.inventory });
    if (!answer.ok) return { ok: false, error: storefrontError(answer.failure), failure: answer.failure };
    if (answer.denied.includes('quantityAvailable')) this.inventory = false;
    return { ok: true, data: answer.data };
  }
}

/** A Storefront failure as the API error a client reads. */
export function storefrontError(failure: StorefrontFailure): ApiError {
  switch (failure.kind) {
    case 'unauthorized':
    case 'unknown_shop':
    case 'invalid':
      return apiError('invalid', failure.message);
    case 'throttled':
      return apiError('rate_limited', failure.message);
    default:
      return apiError('unavailable', failure.message);
  }
}
