// A loopback server that answers Shopify's Storefront GraphQL API from fixtures. Every query it receives is
// validated against Shopify's real Storefront schema and executed against it (so answers have exactly the
// shape Shopify's would), and it can misbehave on demand: 429, THROTTLED answers, a refused token, an outage,
// a token without the inventory scope. It also serves the cart's checkout page and signs webhooks.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { storefrontSchema } from './storefront-schema.js';

export interface FixtureVariant {
  id: string;
  title: string;
  sku?: string;
  price: string;
  compareAtPrice?: string;
  quantity: number;
  options: { name: string; value: string }[];
}

export interface FixtureProduct {
  id: string;
  handle: string;
  title: string;
  vendor?: string;
  productType?: string;
  tags?: string[];
  description?: string;
  image?: string;
  variants: FixtureVariant[];
}

export interface ShopFixture {
  name: string;
  currency: string;
  products: FixtureProduct[];
  /** Collection handle → product ids, in order. */
  collections?: Record<string, string[]>;
}

export interface ShopifyServerOptions {
  storefrontToken: string;
  privateToken?: string;
  /** False: the token lacks unauthenticated_read_product_inventory, so quantityAvailable is ACCESS_DENIED. */
  inventoryScope?: boolean;
}

export interface RecordedRequest {
  operationName: string | undefined;
  variables: Record<string, unknown>;
  headers: Record<string, string | undefined>;
  at: number;
}

interface FixtureCart {
  token: string;
  key: string;
  attributes: { key: string; value: string }[];
  lines: { id: string; variantId: string; quantity: number; attributes: { key: string; value: string }[] }[];
}

export interface ShopifyServer {
  url: string;
  /** The `endpoint` of a show's catalog spec for this server. */
  endpoint: string;
  fixture: ShopFixture;
  requests: RecordedRequest[];
  /** Queries that failed schema validation, with the schema's complaints: a test expects none. */
  invalid: { query: string; errors: string[] }[];
  carts: Map<string, FixtureCart>;
  /** The next `n` GraphQL requests answer 429 with Retry-After. */
  rateLimit(n: number, retryAfterSeconds?: number): void;
  /** The next `n` GraphQL requests answer 200 with a THROTTLED error, as Shopify does past its query cost. */
  throttle(n: number): void;
  /** While down, every request answers 503. */
  setDown(down: boolean): void;
  /** Delays every GraphQL answer. */
  setDelay(ms: number): void;
  setInventoryScope(allowed: boolean): void;
  setVariant(variantId: string, patch: Partial<Pick<FixtureVariant, 'price' | 'compareAtPrice' | 'quantity'>>): void;
  /** The cart fixture behind a Shopify cart GID. */
  cartOf(cartGid: string): FixtureCart | undefined;
  close(): Promise<void>;
}

const PAGE_MAX = 250;

export async function startShopifyServer(fixture: ShopFixture, options: ShopifyServerOptions): Promise<ShopifyServer> {
  const schema = storefrontSchema();
  const requests: RecordedRequest[] = [];
  const invalid: { query: string; errors: string[] }[] = [];
  const carts = new Map<string, FixtureCart>();
  let rateLimited = 0;
  let retryAfter = 1;
  let throttled = 0;
  let down = false;
  let delayMs = 0;
  let inventoryScope = options.inventoryScope ?? true;
  let url = '';

  const products = () => fixture.products;
  const variantById = (id: string) => {
    for (const p of products()) {
      const v = p.variants.find((x) => x.id === id);
      if (v) return { product: p, variant: v };
    }
    return undefined;
  };
  const money = (amount: string) => ({ amount, currencyCode: fixture.currency });

  const productNode = (p: FixtureProduct) => ({
    __typename: 'Product',
    id: p.id,
    handle: p.handle,
    title: p.title,
    vendor: p.vendor ?? fixture.name,
    productType: p.productType ?? '',
    tags: p.tags ?? [],
    description: p.description ?? '',
    onlineStoreUrl: `${url}/products/${p.handle}`,
    availableForSale: p.variants.some((v) => v.quantity > 0),
    featuredImage: p.image ? { url: p.image } : null,
    priceRange: { minVariantPrice: money(minOf(p.variants.map((v) => v.price))) },
    compareAtPriceRange: { minVariantPrice: money(minOf(p.variants.map((v) => v.compareAtPrice ?? '0.0'))) },
    options: () => optionsOf(p),
    variants: () => ({ nodes: p.variants.map((v) => variantNode(p, v)) }),
  });
  const variantNode = (p: FixtureProduct, v: FixtureVariant) => ({
    __typename: 'ProductVariant',
    id: v.id,
    title: v.title,
    sku: v.sku ?? null,
    availableForSale: v.quantity > 0,
    quantityAvailable: () => {
      if (!inventoryScope) {
        throw new GraphQLError('Access denied for quantityAvailable field. Required access: `unauthenticated_read_product_inventory` access scope.', {
          extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes', requiredAccess: '`unauthenticated_read_product_inventory` access scope.' },
        });
      }
      return v.quantity;
    },
    price: money(v.price),
    compareAtPrice: v.compareAtPrice ? money(v.compareAtPrice) : null,
    selectedOptions: v.options,
    image: p.image ? { url: p.image } : null,
    product: () => productNode(p),
  });
  const page = <T>(all: T[], args: { first?: number; after?: string | null }) => {
    const first = Math.min(args.first ?? PAGE_MAX, PAGE_MAX);
    const start = args.after ? Number(Buffer.from(args.after, 'base64url').toString()) : 0;
    const slice = all.slice(start, start + first);
    const end = start + slice.length;
    return { nodes: slice, pageInfo: { hasNextPage: end < all.length, endCursor: slice.length ? Buffer.from(String(end)).toString('base64url') : null } };
  };
  const cartGid = (c: FixtureCart) => `gid://shopify/Cart/${c.token}?key=${c.key}`;
  const findCart = (gid: string): FixtureCart | undefined => {
    const m = /^gid:\/\/shopify\/Cart\/([A-Za-z0-9-]+)\?key=([a-f0-9]+)$/.exec(gid);
    const cart = m ? carts.get(m[1]!) : undefined;
    return cart && cart.key === m![2] ? cart : undefined;
  };
  const cartNode = (c: FixtureCart) => {
    const lines = c.lines.flatMap((l) => {
      const found = variantById(l.variantId);
      if (!found) return [];
      return [{ __typename: 'CartLine', id: l.id, quantity: l.quantity, attributes: l.attributes, cost: { amountPerQuantity: money(found.variant.price) }, merchandise: variantNode(found.product, found.variant) }];
    });
    const subtotal = lines.reduce((sum, l) => sum + Number(l.cost.amountPerQuantity.amount) * l.quantity, 0);
    return {
      id: cartGid(c),
      checkoutUrl: `${url}/cart/c/${c.token}?key=${c.key}`,
      totalQuantity: lines.reduce((n, l) => n + l.quantity, 0),
      attributes: c.attributes,
      cost: { subtotalAmount: money(subtotal.toFixed(2)) },
      lines: () => ({ nodes: lines }),
    };
  };
  type LineIn = { merchandiseId: string; quantity?: number; attributes?: { key: string; value: string }[] };
  const addLines = (c: FixtureCart, lines: LineIn[]) => {
    const userErrors: { field: string[]; message: string; code: string }[] = [];
    const warnings: { code: string; message: string }[] = [];
    for (const [i, line] of lines.entries()) {
      const found = variantById(line.merchandiseId);
      if (!found) {
        userErrors.push({ field: ['lines', String(i), 'merchandiseId'], message: `The merchandise with id ${line.merchandiseId} does not exist.`, code: 'INVALID' });
        continue;
      }
      const existing = c.lines.find((l) => l.variantId === line.merchandiseId && sameAttributes(l.attributes, line.attributes ?? []));
      const want = (existing?.quantity ?? 0) + (line.quantity ?? 1);
      if (found.variant.quantity <= 0) {
        warnings.push({ code: 'MERCHANDISE_OUT_OF_STOCK', message: `The product '${found.product.title}' is already sold out.` });
        continue;
      }
      const quantity = Math.min(want, found.variant.quantity);
      if (quantity < want) warnings.push({ code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: `Only ${found.variant.quantity} items were added to your cart due to availability.` });
      if (existing) existing.quantity = quantity;
      else c.lines.push({ id: `gid://shopify/CartLine/${randomBytes(8).toString('hex')}?cart=${c.token}`, variantId: line.merchandiseId, quantity, attributes: line.attributes ?? [] });
    }
    return { userErrors, warnings };
  };
  const missingCart = () => ({ cart: null, userErrors: [{ field: ['cartId'], message: 'The specified cart does not exist.', code: 'INVALID' }], warnings: [] });

  const root = {
    shop: { name: fixture.name, paymentSettings: { currencyCode: fixture.currency } },
    products: (args: { first?: number; after?: string }) => page(products().map(productNode), args),
    product: (args: { handle?: string; id?: string }) => {
      const p = products().find((x) => x.handle === args.handle || x.id === args.id);
      return p ? productNode(p) : null;
    },
    nodes: (args: { ids: string[] }) => {
      if (args.ids.length > PAGE_MAX) throw new GraphQLError(`The ids argument accepts at most ${PAGE_MAX} ids.`, { extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' } });
      return args.ids.map((id) => {
        const p = products().find((x) => x.id === id);
        return p ? productNode(p) : null;
      });
    },
    collection: (args: { handle?: string }) => {
      const ids = args.handle ? fixture.collections?.[args.handle] : undefined;
      if (!ids) return null;
      const members = ids.flatMap((id) => products().filter((p) => p.id === id));
      return { id: `gid://shopify/Collection/${args.handle}`, title: args.handle, products: (a: { first?: number; after?: string }) => page(members.map(productNode), a) };
    },
    cart: (args: { id: string }) => {
      const c = findCart(args.id);
      return c ? cartNode(c) : null;
    },
    cartCreate: (args: { input: { attributes?: { key: string; value: string }[]; lines?: LineIn[] } }) => {
      const c: FixtureCart = { token: `hWN${randomBytes(9).toString('hex')}`, key: randomBytes(8).toString('hex'), attributes: args.input.attributes ?? [], lines: [] };
      carts.set(c.token, c);
      const { userErrors, warnings } = addLines(c, args.input.lines ?? []);
      return { cart: cartNode(c), userErrors, warnings };
    },
    cartLinesAdd: (args: { cartId: string; lines: LineIn[] }) => {
      const c = findCart(args.cartId);
      if (!c) return missingCart();
      const { userErrors, warnings } = addLines(c, args.lines);
      return { cart: cartNode(c), userErrors, warnings };
    },
    cartLinesUpdate: (args: { cartId: string; lines: { id: string; quantity?: number }[] }) => {
      const c = findCart(args.cartId);
      if (!c) return missingCart();
      const userErrors: { field: string[]; message: string; code: string }[] = [];
      const warnings: { code: string; message: string }[] = [];
      for (const [i, u] of args.lines.entries()) {
        const line = c.lines.find((l) => l.id === u.id);
        if (!line) {
          userErrors.push({ field: ['lines', String(i), 'id'], message: `The merchandise line with id ${u.id} does not exist.`, code: 'INVALID' });
          continue;
        }
        const stock = variantById(line.variantId)?.variant.quantity ?? 0;
        const want = u.quantity ?? line.quantity;
        if (want === 0) c.lines = c.lines.filter((l) => l !== line);
        else {
          line.quantity = Math.min(want, stock);
          if (line.quantity < want) warnings.push({ code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: `Only ${stock} items were added to your cart due to availability.` });
          if (line.quantity === 0) c.lines = c.lines.filter((l) => l !== line);
        }
      }
      return { cart: cartNode(c), userErrors, warnings };
    },
  };

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const graphql = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const headers = {
      public: header(req, 'x-shopify-storefront-access-token'),
      private: header(req, 'shopify-storefront-private-token'),
      buyerIp: header(req, 'shopify-storefront-buyer-ip'),
    };
    let parsed: { query?: string; variables?: Record<string, unknown>; operationName?: string };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return answer(res, 400, { errors: [{ message: 'Bad Request: invalid JSON' }] });
    }
    const query = parsed.query ?? '';
    let doc: DocumentNode | undefined;
    try {
      doc = parse(query);
    } catch (error) {
      invalid.push({ query, errors: [(error as Error).message] });
      return answer(res, 200, { errors: [{ message: (error as Error).message, extensions: { code: 'PARSE_ERROR' } }] });
    }
    const operationName = parsed.operationName ?? doc.definitions.map((d) => ('name' in d && d.kind === 'OperationDefinition' ? d.name?.value : undefined)).find(Boolean);
    requests.push({ operationName, variables: parsed.variables ?? {}, headers: { public: headers.public, private: headers.private, buyerIp: headers.buyerIp }, at: Date.now() });
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (down) return answer(res, 503, { errors: [{ message: 'Service Unavailable' }] });
    const tokenOk = (headers.public !== undefined && headers.public === options.storefrontToken) || (options.privateToken !== undefined && headers.private === options.privateToken);
    if (!tokenOk) return answer(res, 401, { errors: [{ message: '', extensions: { code: 'UNAUTHORIZED' } }] });
    if (rateLimited > 0) {
      rateLimited -= 1;
      return answer(res, 429, { errors: [{ message: 'Too Many Requests' }] }, { 'retry-after': String(retryAfter) });
    }
    if (throttled > 0) {
      throttled -= 1;
      return answer(res, 200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] });
    }
    const errors = validate(schema, doc);
    if (errors.length) {
      invalid.push({ query, errors: errors.map((e) => e.message) });
      return answer(res, 200, { errors: errors.map((e) => ({ message: e.message, locations: e.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) });
    }
    const result = await execute({ schema, document: doc, rootValue: root, variableValues: parsed.variables ?? {} });
    answer(res, 200, { ...(result.data !== undefined ? { data: result.data } : {}), ...(result.errors?.length ? { errors: result.errors.map((e) => e.toJSON()) } : {}) });
  };

  const checkout = (res: ServerResponse, token: string, key: string | null) => {
    const c = carts.get(token);
    if (!c || c.key !== key) {
      res.writeHead(404, { 'content-type': 'text/html' });
      return res.end('<h1>This cart does not exist</h1>');
    }
    const rows = c.lines.map((l) => `<li data-variant="${escape(l.variantId)}">${escape(variantById(l.variantId)?.product.title ?? '?')} — ${escape(variantById(l.variantId)?.variant.title ?? '?')} × ${l.quantity}</li>`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Checkout — ${escape(fixture.name)}</title><h1>Checkout — ${escape(fixture.name)}</h1><ul id="lines">${rows}</ul>`);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x');
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST' && /^\/api\/[^/]+\/graphql\.json$/.test(path.pathname)) {
        graphql(req, res, body).catch((error: unknown) => answer(res, 500, { errors: [{ message: String(error) }] }));
        return;
      }
      const cartPage = /^\/cart\/c\/([A-Za-z0-9-]+)$/.exec(path.pathname);
      if (req.method === 'GET' && cartPage) return checkout(res, cartPage[1]!, path.searchParams.get('key'));
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    endpoint: `${url}/api/2026-04/graphql.json`,
    fixture,
    requests,
    invalid,
    carts,
    rateLimit(n, seconds = 1) {
      rateLimited = n;
      retryAfter = seconds;
    },
    throttle(n) {
      throttled = n;
    },
    setDown(value) {
      down = value;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    setInventoryScope(allowed) {
      inventoryScope = allowed;
    },
    setVariant(variantId, patch) {
      const found = variantById(variantId);
      if (!found) throw new Error(`no variant ${variantId} in the fixture`);
      Object.assign(found.variant, patch);
    },
    cartOf: findCart,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a webhook the way Shopify does: the raw JSON body, signed with base64 HMAC-SHA256 of the secret. */
export async function sendShopifyWebhook(
  relay: string,
  webhook: { topic: string; shopDomain: string; secret: string; payload: unknown; eventId?: string; signature?: string },
): Promise<{ status: number; body: any }> {
  const raw = JSON.stringify(webhook.payload);
  const res = await fetch(`${relay}/api/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': webhook.topic,
      'x-shopify-shop-domain': webhook.shopDomain,
      'x-shopify-hmac-sha256': webhook.signature ?? createHmac('sha256', webhook.secret).update(raw, 'utf8').digest('base64'),
      'x-shopify-event-id': webhook.eventId ?? randomBytes(8).toString('hex'),
      'x-shopify-webhook-id': randomBytes(8).toString('hex'),
      'x-shopify-api-version': '2026-04',
      'x-shopify-triggered-at': new Date().toISOString(),
    },
    body: raw,
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the text is the body.
  }
  return { status: res.status, body };
}

/** A small shop: a serum in one variant, a hoodie in sizes and colours (one sold out), a candle. */
export function demoShopFixture(): ShopFixture {
  const hoodie = (n: number, size: string, colour: string, quantity: number): FixtureVariant => ({
    id: `gid://shopify/ProductVariant/20${n}`,
    title: `${size} / ${colour}`,
    sku: `HOOD-${size}-${colour.toUpperCase()}`,
    price: '68.0',
    quantity,
    options: [
      { name: 'Size', value: size },
      { name: 'Colour', value: colour },
    ],
  });
  return {
    name: 'Northwind Outfitters',
    currency: 'USD',
    products: [
      {
        id: 'gid://shopify/Product/1001',
        handle: 'hydra-glow-serum',
        title: 'Hydra Glow Serum',
        vendor: 'Northwind',
        productType: 'Serum',
        tags: ['skincare', 'live'],
        description: 'A light serum with hyaluronic acid.',
        variants: [{ id: 'gid://shopify/ProductVariant/1001', title: 'Default Title', sku: 'HGS-30', price: '42.0', compareAtPrice: '52.0', quantity: 12, options: [{ name: 'Title', value: 'Default Title' }] }],
      },
      {
        id: 'gid://shopify/Product/2001',
        handle: 'trail-hoodie',
        title: 'Trail Hoodie',
        vendor: 'Northwind',
        productType: 'Hoodie',
        tags: ['apparel'],
        variants: [hoodie(1, 'S', 'Sand', 5), hoodie(2, 'M', 'Sand', 3), hoodie(3, 'S', 'Forest', 4), hoodie(4, 'M', 'Forest', 0)],
      },
      {
        id: 'gid://shopify/Product/3001',
        handle: 'cedar-candle',
        title: 'Cedar Candle',
        vendor: 'Northwind Home',
        productType: 'Candle',
        variants: [{ id: 'gid://shopify/ProductVariant/3001', title: 'Default Title', price: '24.5', quantity: 30, options: [{ name: 'Title', value: 'Default Title' }] }],
      },
    ],
    collections: { live: ['gid://shopify/Product/1001', 'gid://shopify/Product/2001', 'gid://shopify/Product/3001'] },
  };
}

function optionsOf(p: FixtureProduct) {
  const names: string[] = [];
  const values = new Map<string, string[]>();
  for (const v of p.variants) {
    for (const o of v.options) {
      if (!values.has(o.name)) {
        names.push(o.name);
        values.set(o.name, []);
      }
      const list = values.get(o.name)!;
      if (!list.includes(o.value)) list.push(o.value);
    }
  }
  return names.map((name) => ({ name, optionValues: values.get(name)!.map((value) => ({ name: value })) }));
}

function minOf(amounts: string[]): string {
  return amounts.reduce((a, b) => (Number(b) < Number(a) ? b : a), amounts[0] ?? '0.0');
}

function sameAttributes(a: { key: string; value: string }[], b: { key: string; value: string }[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => y.key === x.key && y.value === x.value));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
