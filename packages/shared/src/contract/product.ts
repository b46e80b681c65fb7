// Product: the catalog item format of API v1 (and of shared/eval/mentions-dev.json).
import { z } from 'zod';
import { ExternalId, Money, SafeUrl } from './primitives.js';

export const Variant = z.object({
  id: ExternalId,
  title: z.string().max(500),
  sku: z.string().max(256).optional(),
  price: Money.optional(),
  compareAtPrice: Money.optional(),
  available: z.boolean().optional(),
  /** Units the store says it can sell, where its token may read inventory. */
  inventory: z.number().int().optional(),
  /** The option values that pick this variant: `[{ name: "Size", value: "M" }, { name: "Colour", value: "Sand" }]`. */
  options: z.array(z.object({ name: z.string().max(256), value: z.string().max(256) })).max(3).optional(),
  imageUrl: SafeUrl.optional(),
});
export type Variant = z.infer<typeof Variant>;

export const Product = z.object({
  id: ExternalId,
  sku: z.string().max(256).optional(),
  title: z.string().trim().min(1).max(500),
  vendor: z.string().max(256).optional(),
  productType: z.string().max(256).optional(),
  tags: z.array(z.string().max(256)).max(250).optional(),
  variants: z.array(Variant).max(250).optional(),
  /** The options a shopper picks a variant by (size, colour), with their values in the store's order. */
  options: z.array(z.object({ name: z.string().max(256), values: z.array(z.string().max(256)).max(250) })).max(3).optional(),
  description: z.string().max(5000).optional(),
  price: Money,
  compareAtPrice: Money.optional(),
  available: z.boolean(),
  inventory: z.number().int().optional(),
  imageUrl: SafeUrl.optional(),
  url: SafeUrl.optional(),
  /** When the store last confirmed this price and stock (epoch ms); set for catalogs that are refreshed live. */
  checkedAt: z.number().int().min(0).optional(),
});
export type Product = z.infer<typeof Product>;

/** What the reducer and the matcher need from a catalog: lookup by id. A Map fits. */
export interface CatalogLookup {
  get(productId: string): Product | undefined;
}
