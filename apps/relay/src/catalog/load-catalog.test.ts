import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '@cuecart/shared';
import { loadCatalog, type CatalogResult } from './load-catalog.js';

// The dev set kept in the repository.
const EVAL_FILE = fileURLToPath(new URL('../../../../eval/mentions-dev.json', import.meta.url));

const product = (id: string, extra: Partial<Product> = {}): Product => ({
  id,
  title: `Product ${id}`,
  price: { amount: '49.00', currencyCode: 'USD' },
  available: true,
  ...extra,
});

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cuecart-catalog-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

function expectInvalid(result: CatalogResult): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected the catalog to be rejected');
  expect(result.error.code).toBe('invalid');
  return result.error.message;
}

function expectProducts(result: CatalogResult): Product[] {
  if (!result.ok) throw new Error(`expected the catalog to load: ${result.error.message}`);
  return result.products;
}

describe('inline catalogs', () => {
  it('returns the products as given', async () => {
    const products = [product('a'), product('b', { compareAtPrice: { amount: '59.00', currencyCode: 'USD' } })];
    expect(expectProducts(await loadCatalog({ provider: 'inline', products }, dir))).toEqual(products);
  });

  it('an empty catalog is fine', async () => {
    expect(expectProducts(await loadCatalog({ provider: 'inline', products: [] }, dir))).toEqual([]);
  });

  it('rejects a product id that appears twice, naming it', async () => {
    const message = expectInvalid(await loadCatalog({ provider: 'inline', products: [product('a'), product('dup'), product('dup', { title: 'Other' })] }, dir));
    expect(message).toContain('"dup"');
    expect(message).toMatch(/unique/);
  });
});

describe('file catalogs are confined to the catalog directory', () => {
  const outside = mkdtempSync(join(tmpdir(), 'cuecart-outside-'));
  const secret = join(outside, 'secret.json');
  writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash');

  it('refuses /etc/passwd, a path elsewhere, and ../ out of the directory, without reading them', async () => {
    for (const path of ['/etc/passwd', secret, '../' + secret.split('/').slice(-2).join('/'), 'sub/../../x.json']) {
      const message = expectInvalid(await loadCatalog({ provider: 'file', path }, dir));
      expect(message, path).toMatch(/outside the catalog directory/);
      expect(message).not.toContain('root:x');
    }
  });

  it('refuses a symlink inside that leads out', async () => {
    symlinkSync(secret, join(dir, 'link.json'));
    const message = expectInvalid(await loadCatalog({ provider: 'file', path: 'link.json' }, dir));
    expect(message).toMatch(/outside the catalog directory/);
    expect(message).not.toContain('root:x');
  });

  it('answers a file that is not JSON without quoting any of it', async () => {
    writeFileSync(join(dir, 'passwd.json'), 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1');
    const message = expectInvalid(await loadCatalog({ provider: 'file', path: 'passwd.json' }, dir));
    expect(message).toMatch(/is not JSON/);
    expect(message).not.toMatch(/root|daemon|Unexpected|token/);
  });

  it("names the product and field of a schema error, never the file's values", async () => {
    writeJson('values.json', [{ ...product('a'), price: { amount: 'SECRET-AMOUNT', currencyCode: 'SECRET-CODE' }, url: 'ftp://SECRET-HOST', available: 'SECRET-FLAG' }]);
    const message = expectInvalid(await loadCatalog({ provider: 'file', path: 'values.json' }, dir));
    expect(message).toMatch(/0\.price\.amount/);
    expect(message).not.toMatch(/SECRET/);
  });

  it('refuses a file over the size cap before reading it', async () => {
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(25 * 1024 * 1024 + 1, 0x20));
    expect(expectInvalid(await loadCatalog({ provider: 'file', path: 'huge.json' }, dir))).toMatch(/larger than 25 MB/);
  });
});

describe('file catalogs', () => {
  it('reads a Product[] file', async () => {
    const products = [product('a'), product('b')];
    writeJson('list.json', products);
    expect(expectProducts(await loadCatalog({ provider: 'file', path: 'list.json' }, dir))).toEqual(products);
  });

  it('reads a { products } file, also named by its absolute path inside the catalog directory', async () => {
    const products = [product('a')];
    const path = writeJson('wrapped.json', { products });
    expect(expectProducts(await loadCatalog({ provider: 'file', path }, dir))).toEqual(products);
  });

  it('reads the eval format { catalog } (eval/mentions-dev.json)', async () => {
    const evalFile = JSON.parse(readFileSync(EVAL_FILE, 'utf8')) as { catalog: Array<{ id: string; title: string }> };
    copyFileSync(EVAL_FILE, join(dir, 'mentions-dev.json'));
    const products = expectProducts(await loadCatalog({ provider: 'file', path: 'mentions-dev.json' }, dir));
    expect(products.length).toBe(evalFile.catalog.length);
    expect(products.map((p) => p.id)).toEqual(evalFile.catalog.map((p) => p.id));
    expect(products.map((p) => p.title)).toEqual(evalFile.catalog.map((p) => p.title));
    for (const p of products) expect(p.price.amount).toMatch(/^\d+(\.\d+)?$/);
  });

  it('resolves a relative path against the catalog directory', async () => {
    mkdirSync(join(dir, 'sub'));
    writeJson('sub/nested.json', [product('x')]);
    expect(expectProducts(await loadCatalog({ provider: 'file', path: 'sub/nested.json' }, dir)).map((p) => p.id)).toEqual(['x']);
  });

  it('rejects a file with a product id twice', async () => {
    writeJson('dup.json', { products: [product('a'), product('a')] });
    expect(expectInvalid(await loadCatalog({ provider: 'file', path: 'dup.json' }, dir))).toContain('"a"');
  });

  it('a missing file is invalid and names the path', async () => {
    const message = expectInvalid(await loadCatalog({ provider: 'file', path: 'nope.json' }, dir));
    expect(message).toContain(join(dir, 'nope.json'));
    expect(message).toMatch(/cannot be read/);
  });

  it('a directory instead of a file is invalid', async () => {
    expect(expectInvalid(await loadCatalog({ provider: 'file', path: '.' }, dir))).toMatch(/cannot be read/);
  });

  it('a file that is not JSON is invalid and says so', async () => {
    writeFileSync(join(dir, 'broken.json'), '[{"id": "a",');
    const message = expectInvalid(await loadCatalog({ provider: 'file', path: 'broken.json' }, dir));
    expect(message).toContain('broken.json');
    expect(message).toMatch(/not JSON/);
  });

  it('a file of another shape is invalid and says which shapes are accepted', async () => {
    for (const [name, value] of [['object.json', { items: [] }], ['string.json', 'products'], ['null.json', null]] as const) {
      writeJson(name, value);
      const message = expectInvalid(await loadCatalog({ provider: 'file', path: name }, dir));
      expect(message).toContain(name);
      expect(message).toMatch(/products/);
      expect(message).toMatch(/catalog/);
    }
  });

  it('a product with a bad field is invalid, naming the product position and the field', async () => {
    writeJson('bad-price.json', { catalog: [product('a'), { ...product('b'), price: { amount: 'free', currencyCode: 'USD' } }] });
    const message = expectInvalid(await loadCatalog({ provider: 'file', path: 'bad-price.json' }, dir));
    expect(message).toContain('bad-price.json');
    expect(message).toContain('catalog.1.price.amount');
  });

  it('a product missing a required field is invalid, naming the field', async () => {
    const { available: _available, ...withoutAvailable } = product('a');
    writeJson('missing.json', [withoutAvailable]);
    expect(expectInvalid(await loadCatalog({ provider: 'file', path: 'missing.json' }, dir))).toContain('0.available');
  });

  it('a javascript: product link is invalid', async () => {
    writeJson('xss.json', { products: [product('a', { url: 'javascript:alert(1)' })] });
    expect(expectInvalid(await loadCatalog({ provider: 'file', path: 'xss.json' }, dir))).toContain('products.0.url');
  });
});

describe('shopify catalogs', () => {
  const spec = { provider: 'shopify' as const, shopDomain: 'brand.myshopify.com', storefrontToken: 'tok' };

  it('are read by the Shopify loader the relay gives, ids checked for repeats', async () => {
    const loaded = await loadCatalog(spec, dir, async (s) => ({ ok: true, products: [product(`gid://shopify/Product/1`, { title: s.shopDomain })] }));
    expect(loaded).toEqual({ ok: true, products: [expect.objectContaining({ id: 'gid://shopify/Product/1', title: 'brand.myshopify.com' })] });
    const twice = await loadCatalog(spec, dir, async () => ({ ok: true, products: [product('gid://shopify/Product/1'), product('gid://shopify/Product/1')] }));
    expect(expectInvalid(twice)).toMatch(/twice/);
  });

  it('are invalid where no loader is given', async () => {
    expect(expectInvalid(await loadCatalog(spec, dir))).toMatch(/cannot read Shopify catalogs/);
  });
});
