// Every Storefront GraphQL operation Cuecart sends, read from its `.graphql` file next to this module (the
// build copies them into dist). `#import "./file.graphql"` lines bring in fragments, each once.
import { readFileSync } from 'node:fs';

const DIR = new URL('./graphql/', import.meta.url);
const IMPORT = /^#import\s+"\.\/([a-z0-9-]+\.graphql)"\s*$/gm;

/** The operation file's text followed by every fragment file it imports, directly or not, each once. */
export function loadOperation(file: string, seen = new Set<string>()): string {
  seen.add(file);
  const text = readFileSync(new URL(file, DIR), 'utf8');
  const parts = [text.replace(IMPORT, '')];
  for (const [, imported] of text.matchAll(IMPORT)) {
    if (imported && !seen.has(imported)) parts.push(loadOperation(imported, seen));
  }
  return parts.join('\n').trim();
}

export const OPERATIONS = {
  shopInfo: loadOperation('shop-info.graphql'),
  allProducts: loadOperation('all-products.graphql'),
  collectionProducts: loadOperation('collection-products.graphql'),
  productByHandle: loadOperation('product-by-handle.graphql'),
  productsById: loadOperation('products-by-id.graphql'),
  countProducts: loadOperation('count-products.graphql'),
  countCollectionProducts: loadOperation('count-collection-products.graphql'),
  cartCreate: loadOperation('cart-create.graphql'),
  cartLinesAdd: loadOperation('cart-lines-add.graphql'),
  cartLinesUpdate: loadOperation('cart-lines-update.graphql'),
  cart: loadOperation('cart.graphql'),
} as const;

export type OperationName = keyof typeof OPERATIONS;
