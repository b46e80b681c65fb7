// "Connect a store": the form as a Shopify catalog spec and the picker's search. Pure, so the rules are tested
// without a page.
import type { Product } from '@cuecart/shared';

export interface StoreForm {
  shopDomain: string;
  storefrontToken: string;
  privateToken: string;
  webhookSecret: string;
  collection: string;
  /** Advanced: a proxy in front of Shopify (or a test's loopback server). */
  endpoint: string;
}

export const EMPTY_FORM: StoreForm = { shopDomain: '', storefrontToken: '', privateToken: '', webhookSecret: '', collection: '', endpoint: '' };

/** The catalog spec the relay takes; empty optional fields are left out. A bare shop name gets .myshopify.com. */
export function specFrom(form: StoreForm): Record<string, string> {
  const domain = form.shopDomain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const spec: Record<string, string> = {
    provider: 'shopify',
    shopDomain: domain && !domain.includes('.') ? `${domain}.myshopify.com` : domain,
    storefrontToken: form.storefrontToken.trim(),
  };
  for (const key of ['privateToken', 'webhookSecret', 'collection', 'endpoint'] as const) {
    const value = form[key].trim();
    if (value) spec[key] = value;
  }
  return spec;
}

/** What is missing before a test can run, or null. */
export function formProblem(form: StoreForm): string | null {
  if (!form.shopDomain.trim()) return 'Enter the shop domain, like brand.myshopify.com.';
  if (!form.storefrontToken.trim()) return 'Enter the Storefront access token (Shopify admin → Headless channel → Storefront API).';
  return null;
}

/** Products whose title, SKU, vendor, type or tags contain every word of the query. */
export function filterProducts(products: readonly Product[], query: string): Product[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...products];
  return products.filter((p) => {
    const text = [p.title, p.sku, p.vendor, p.productType, ...(p.tags ?? []), ...(p.variants ?? []).map((v) => v.sku)].filter(Boolean).join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
