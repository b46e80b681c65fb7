// Catalog providers: turn a show's catalog spec into products. Inline and file now; Shopify later.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { apiError, describeZodError, Product, type ApiError, type CatalogSpec } from '@cuecart/shared';

export type CatalogResult = { ok: true; products: Product[] } | { ok: false; error: ApiError };

/** A catalog file is a Product[], `{ products }`, or the eval format `{ catalog }`. */
const ProductList = z.array(Product);
const ProductsFile = z.object({ products: ProductList }).transform((f) => f.products);
const EvalFile = z.object({ catalog: ProductList }).transform((f) => f.catalog);

/** Picks the file's format by its shape, so a schema error names the product and field at fault. */
function fileSchema(json: unknown): z.ZodType<Product[]> | undefined {
  if (Array.isArray(json)) return ProductList;
  if (json !== null && typeof json === 'object') {
    if ('products' in json) return ProductsFile;
    if ('catalog' in json) return EvalFile;
  }
  return undefined;
}

export async function loadCatalog(spec: CatalogSpec, baseDir: string): Promise<CatalogResult> {
  switch (spec.provider) {
    case 'inline':
      return checkUnique(spec.products);
    case 'file':
      return loadFile(resolve(baseDir, spec.path));
    case 'shopify':
      return { ok: false, error: apiError('invalid', 'Shopify catalogs are not supported by this relay yet: use an "inline" or "file" catalog') };
  }
}

async function loadFile(path: string): Promise<CatalogResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, error: apiError('invalid', `catalog file ${path} cannot be read: check the path (relative paths start at the relay's working directory)`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: apiError('invalid', `catalog file ${path} is not JSON: ${(error as Error).message}`) };
  }
  const schema = fileSchema(json);
  if (!schema) return { ok: false, error: apiError('invalid', `catalog file ${path} must hold a list of products, { "products": [...] } or { "catalog": [...] }`) };
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, error: apiError('invalid', `catalog file ${path}: ${describeZodError(parsed.error)}`) };
  return checkUnique(parsed.data);
}

function checkUnique(products: Product[]): CatalogResult {
  const seen = new Set<string>();
  for (const p of products) {
    if (seen.has(p.id)) return { ok: false, error: apiError('invalid', `catalog has product id "${p.id}" twice: ids must be unique`) };
    seen.add(p.id);
  }
  return { ok: true, products };
}
