// Catalog providers: turn a show's catalog spec into products: inline, a file, or a Shopify store.
// A file catalog is read only from inside the relay's catalog directory (CUECART_CATALOG_DIR, symlinks
// followed), up to a size cap, and its errors never quote the file: an admin token must not become a way to
// read whatever the relay can read.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { apiError, describeZodError, Product, type ApiError, type CatalogSpec, type ShopifyCatalogSpec } from '@cuecart/shared';

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

/** The largest catalog file read, as large as an inline catalog may be. */
export const MAX_CATALOG_FILE_BYTES = 25 * 1024 * 1024;

/** Reads a Shopify store's products (commerce/shopify): given by the relay, which holds the HTTP clients. */
export type ShopifyLoader = (spec: ShopifyCatalogSpec) => Promise<CatalogResult>;

/** `catalogDir`: the only directory file catalogs are read from; relative paths start there. */
export async function loadCatalog(spec: CatalogSpec, catalogDir: string, shopify?: ShopifyLoader): Promise<CatalogResult> {
  switch (spec.provider) {
    case 'inline':
      return checkUnique(spec.products);
    case 'file':
      return loadFile(spec.path, catalogDir);
    case 'shopify':
      if (!shopify) return { ok: false, error: apiError('invalid', 'this relay cannot read Shopify catalogs: use an "inline" or "file" catalog') };
      return shopify(spec).then((r) => (r.ok ? checkUnique(r.products) : r));
  }
}

async function loadFile(given: string, catalogDir: string): Promise<CatalogResult> {
  const named = `catalog file "${given}"`;
  const refused = (why: string) => ({ ok: false as const, error: apiError('invalid', `${named} ${why}`) });
  let dir: string;
  let path: string;
  try {
    dir = await realpath(catalogDir);
  } catch {
    return refused(`cannot be read: the catalog directory ${catalogDir} does not exist (create it, or set CUECART_CATALOG_DIR)`);
  }
  const outside = `is outside the catalog directory ${dir}: put the file there and name it by its path inside it`;
  if (!inside(dir, resolve(dir, given))) return refused(outside);
  try {
    path = await realpath(resolve(dir, given));
  } catch {
    return refused(`cannot be read: no such file at ${resolve(dir, given)} (relative paths start at the catalog directory)`);
  }
  // Checked again once links are followed: a symlink inside must not lead out.
  if (!inside(dir, path)) return refused(outside);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return refused(`cannot be read: ${path} is not a file`);
  if (info.size > MAX_CATALOG_FILE_BYTES) return refused(`is larger than ${MAX_CATALOG_FILE_BYTES / 1024 / 1024} MB: split the catalog or send it inline`);
  const text = await readCapped(path);
  if (text === undefined) return refused(`grew past ${MAX_CATALOG_FILE_BYTES / 1024 / 1024} MB while it was read, or cannot be read: try again once it is written`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Never the parser's message: it quotes the file.
    return refused('is not JSON: check that it is a JSON file');
  }
  const schema = fileSchema(json);
  if (!schema) return refused('must hold a list of products, { "products": [...] } or { "catalog": [...] }');
  const parsed = schema.safeParse(json);
  if (!parsed.success) return refused(`is not a valid catalog: ${describeZodError(parsed.error)}`);
  return checkUnique(parsed.data);
}

/** The file's text, never more than the cap (it may grow after the stat); undefined past it or on a read error. */
async function readCapped(path: string): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of createReadStream(path, { end: MAX_CATALOG_FILE_BYTES }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_CATALOG_FILE_BYTES) return undefined;
      chunks.push(chunk);
    }
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether `path` is `dir` itself or below it. */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function checkUnique(products: Product[]): CatalogResult {
  const seen = new Set<string>();
  for (const p of products) {
    if (seen.has(p.id)) return { ok: false, error: apiError('invalid', `catalog has product id "${p.id}" twice: ids must be unique`) };
    seen.add(p.id);
  }
  return { ok: true, products };
}
