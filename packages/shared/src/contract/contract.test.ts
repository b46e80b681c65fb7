/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyCommand } from '../overlay/apply-command.js';
import {
  Ack,
  Badge,
  Banner,
  COMMAND_TYPES,
  Card,
  CatalogSpec,
  ClientId,
  Command,
  CreateShowBody,
  CueBody,
  ErrorBody,
  ExternalId,
  MAX_CATALOG_PRODUCTS,
  MAX_FEATURED,
  MAX_RUNDOWN,
  MAX_SEGMENTS_PER_POST,
  MAX_SEGMENT_CHARS,
  MAX_TOKEN_TTL_SECONDS,
  MAX_TRACK_BATCH,
  MediaMs,
  Money,
  Offer,
  OverlayState,
  Product,
  SafeUrl,
  ShowId,
  TokenRequest,
  TrackBody,
  TrackEvent,
  TranscriptBody,
  describeZodError,
  emptyOverlay,
  httpStatusOf,
  parseWith,
} from './index.js';

// ---------------------------------------------------------------- helpers

const T0 = 1_700_000_000_000;
const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

function accepts(schema: z.ZodType, input: unknown): void {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`expected ${JSON.stringify(input)?.slice(0, 200)} to be accepted: ${describeZodError(result.error)}`);
}

/** Rejects through `parseWith` and returns the readable message. */
function rejects(schema: z.ZodType, input: unknown, what = 'body'): string {
  const result = parseWith(schema, input, what);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)?.slice(0, 200)} to be rejected, got ${JSON.stringify(result.value)?.slice(0, 200)}`);
  expect(result.error.code).toBe('invalid');
  expect(result.error.message.startsWith(`${what} is not valid: `)).toBe(true);
  expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
  expect(ErrorBody.safeParse({ error: result.error }).success).toBe(true);
  return result.error.message;
}

const x = (n: number, ch = 'a') => ch.repeat(n);

const product = {
  id: '8012345595617',
  sku: 'HP-XBD-MIN',
  title: 'Harbor Mini Crossbody',
  vendor: 'Harbor & Pine',
  productType: 'Bags',
  tags: ['crossbody', 'leather'],
  variants: [{ id: '44123456015763', title: 'Cognac', sku: 'HP-XBD-MIN-COG' }],
  price: usd('74.00'),
  compareAtPrice: usd('89.00'),
  available: true,
  imageUrl: 'https://example.com/cdn/images/harbor-mini-crossbody.jpg',
  url: 'https://example.com/products/harbor-mini-crossbody',
};

const card = {
  cardId: 'cmd-1',
  productId: 'p1',
  title: 'Glow Serum',
  price: usd('38.00'),
  compareAtPrice: usd('45.00'),
  imageUrl: 'https://cdn.example.com/a.jpg',
  url: '/p/serum',
  available: true,
  badge: 'Live deal',
  offer: { text: '20% off', price: usd('30.40'), endsAt: T0 + 60_000 },
  mediaMs: 1234,
  firedAt: T0,
};

const event = { type: 'click', showId: 'demo', productId: 'p1', cardId: 'cmd-1', sessionId: 'sess_abc', mode: 'live', mediaMs: 5000, value: 38 };

// ---------------------------------------------------------------- the eval catalog

// The dev set, kept in the repository byte for byte (eval/README.md says where it came from).
const EVAL_PATH = fileURLToPath(new URL('../../../../eval/mentions-dev.json', import.meta.url));

interface EvalFile {
  catalog: unknown[];
  shows: { showId: string; title: string; linkedProductIds: string[]; segments: unknown[] }[];
}

function loadEval(): EvalFile {
  if (!existsSync(EVAL_PATH)) {
    throw new Error(`${EVAL_PATH} is missing: the contract tests check every product of its catalog and cannot run without it`);
  }
  const data = JSON.parse(readFileSync(EVAL_PATH, 'utf8')) as Partial<EvalFile>;
  if (!Array.isArray(data.catalog) || data.catalog.length === 0) throw new Error(`${EVAL_PATH} has no "catalog" array`);
  if (!Array.isArray(data.shows)) throw new Error(`${EVAL_PATH} has no "shows" array`);
  return data as EvalFile;
}

describe('the catalog of shared/eval/mentions-dev.json', () => {
  it('every product is a valid Product, unchanged by parsing', () => {
    const { catalog } = loadEval();
    expect(catalog.length).toBeGreaterThanOrEqual(50);
    const failures: string[] = [];
    for (const [i, raw] of catalog.entries()) {
      const result = parseWith(Product, raw, `catalog[${i}]`);
      if (!result.ok) failures.push(result.error.message);
      // Nothing in the file is silently dropped or rewritten.
      else expect(result.value, `catalog[${i}]`).toEqual(raw);
    }
    expect(failures).toEqual([]);
    const ids = catalog.map((p) => (p as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every show can be created with the catalog inline and its products as the rundown', () => {
    const { catalog, shows } = loadEval();
    expect(shows.length).toBeGreaterThan(0);
    const ids = new Set(catalog.map((p) => (p as { id: string }).id));
    for (const show of shows) {
      const body = { id: show.showId, title: show.title, catalog: { provider: 'inline', products: catalog }, rundown: show.linkedProductIds };
      const result = parseWith(CreateShowBody, body, `show ${show.showId}`);
      expect(result.ok ? 'ok' : result.error.message).toBe('ok');
      for (const id of show.linkedProductIds) expect(ids.has(id), `rundown product ${id} of ${show.showId}`).toBe(true);
    }
  });

  it('every show’s transcript segments post as TranscriptBody batches', () => {
    const { shows } = loadEval();
    for (const show of shows) {
      expect(show.segments.length).toBeGreaterThan(0);
      for (let i = 0; i < show.segments.length; i += MAX_SEGMENTS_PER_POST) {
        const body = { segments: show.segments.slice(i, i + MAX_SEGMENTS_PER_POST) };
        const result = parseWith(TranscriptBody, body, `${show.showId} segments from ${i}`);
        expect(result.ok ? 'ok' : result.error.message).toBe('ok');
      }
    }
  });

  it('every product becomes a valid on-air card', () => {
    const { catalog } = loadEval();
    const products = catalog.map((p) => Product.parse(p));
    const lookup = new Map(products.map((p) => [p.id, p]));
    let state = emptyOverlay('eval', 'live');
    for (const [i, p] of products.entries()) {
      const command = Command.parse({ id: `eval-${i}`, type: 'feature', productId: p.id, exclusive: false });
      const result = applyCommand(state, command, lookup, T0 + i);
      if (!result.ok) throw new Error(`${p.id}: ${result.error.message}`);
      state = OverlayState.parse(result.state);
      const c = state.featured.at(-1);
      expect(Card.parse(c)).toMatchObject({ productId: p.id, title: p.title, price: p.price, available: p.available });
    }
    expect(state.featured).toHaveLength(MAX_FEATURED);
  });
});

// ---------------------------------------------------------------- Product

describe('Product', () => {
  it('accepts the full DESIGN.md shape and the minimal one', () => {
    accepts(Product, product);
    accepts(Product, { id: 'p1', title: 'T', price: usd('0'), available: false });
    accepts(Product, { ...product, id: 'gid://shopify/Product/8012345595617', description: 'd', inventory: 0, imageUrl: '/img/a.png' });
  });

  it('keeps the id as given and trims the title', () => {
    expect(Product.parse({ ...product, title: '  Harbor Mini  ' }).title).toBe('Harbor Mini');
  });

  it.each([
    ['a missing title', (({ title: _t, ...rest }) => rest)(product), 'title'],
    ['an empty title', { ...product, title: '' }, 'title'],
    ['a blank title', { ...product, title: '   ' }, 'title'],
    ['a numeric id', { ...product, id: 8012345595617 }, 'id'],
    ['an id with a space', { ...product, id: 'a b' }, 'id'],
    ['an id with a newline', { ...product, id: 'a\nb' }, 'id'],
    ['an empty id', { ...product, id: '' }, 'id'],
    ['a missing price', (({ price: _p, ...rest }) => rest)(product), 'price'],
    ['a numeric amount', { ...product, price: { amount: 74, currencyCode: 'USD' } }, 'price.amount'],
    ['a negative amount', { ...product, price: usd('-1.00') }, 'price.amount'],
    ['an amount with five decimals', { ...product, price: usd('1.00001') }, 'price.amount'],
    ['an amount with a comma', { ...product, price: usd('1,00') }, 'price.amount'],
    ['an amount in exponent notation', { ...product, price: usd('1e3') }, 'price.amount'],
    ['a lowercase currency', { ...product, price: { amount: '1.00', currencyCode: 'usd' } }, 'price.currencyCode'],
    ['a currency symbol', { ...product, price: { amount: '1.00', currencyCode: '$' } }, 'price.currencyCode'],
    ['a bad compareAtPrice', { ...product, compareAtPrice: { amount: 'x', currencyCode: 'USD' } }, 'compareAtPrice.amount'],
    ['a string available', { ...product, available: 'yes' }, 'available'],
    ['a missing available', (({ available: _a, ...rest }) => rest)(product), 'available'],
    ['a javascript: image', { ...product, imageUrl: 'javascript:alert(1)' }, 'imageUrl'],
    ['a data: url', { ...product, url: 'data:text/html,<script>alert(1)</script>' }, 'url'],
    ['a tag that is not a string', { ...product, tags: ['ok', 3] }, 'tags.1'],
    ['a variant without id', { ...product, variants: [{ title: 'Black' }] }, 'variants.0.id'],
    ['a fractional inventory', { ...product, inventory: 1.5 }, 'inventory'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    expect(rejects(Product, input, 'product')).toContain(`${field}: `);
  });

  it.each([null, undefined, 42, 'product', [], true])('rejects %j without throwing', (input) => {
    const message = rejects(Product, input, 'product');
    expect(message).toMatch(/expected object/);
  });
});

// ---------------------------------------------------------------- Command

describe('Command', () => {
  const valid: Record<string, unknown>[] = [
    { id: 'c1', type: 'feature', productId: 'p1' },
    { id: 'deck:btn-1.2024_07', type: 'feature', productId: 'gid://shopify/Product/1', badge: 'New', offer: { text: '2 for 1', price: usd('10'), endsAt: T0 }, mediaMs: 0, exclusive: false },
    { id: 'c2', type: 'unfeature', productId: 'p1' },
    { id: 'c3', type: 'clear' },
    { id: 'c4', type: 'banner', text: 'Free shipping' },
    { id: 'c5', type: 'banner', text: 'Flash sale', endsAt: T0 },
    { id: 'c6', type: 'banner.clear' },
    { id: 'c7', type: 'status', status: 'scheduled' },
    { id: 'c8', type: 'status', status: 'live' },
    { id: 'c9', type: 'status', status: 'ended' },
  ];

  it.each(valid)('accepts %j', (input) => {
    const parsed = Command.parse(input);
    expect(parsed).toEqual(input);
  });

  it('knows exactly the six command types of API v1', () => {
    expect([...COMMAND_TYPES].sort()).toEqual(['banner', 'banner.clear', 'clear', 'feature', 'status', 'unfeature']);
    for (const type of COMMAND_TYPES) expect(valid.some((v) => v.type === type), type).toBe(true);
  });

  it('drops fields a command does not have', () => {
    expect(Command.parse({ id: 'c', type: 'clear', productId: 'p1', extra: true })).toEqual({ id: 'c', type: 'clear' });
  });

  it.each([
    ['an unknown type', { id: 'c', type: 'explode' }, 'type'],
    ['no type', { id: 'c' }, 'type'],
    ['no id', { type: 'clear' }, 'id'],
    ['an empty id', { id: '', type: 'clear' }, 'id'],
    ['an id with a space', { id: 'a b', type: 'clear' }, 'id'],
    ['an id with a slash', { id: 'a/b', type: 'clear' }, 'id'],
    ['a numeric id', { id: 7, type: 'clear' }, 'id'],
    ['a feature without productId', { id: 'c', type: 'feature' }, 'productId'],
    ['a feature with an empty productId', { id: 'c', type: 'feature', productId: '' }, 'productId'],
    ['a feature with a string exclusive', { id: 'c', type: 'feature', productId: 'p', exclusive: 'yes' }, 'exclusive'],
    ['a feature with a negative mediaMs', { id: 'c', type: 'feature', productId: 'p', mediaMs: -1 }, 'mediaMs'],
    ['a feature with a fractional mediaMs', { id: 'c', type: 'feature', productId: 'p', mediaMs: 1.5 }, 'mediaMs'],
    ['a feature with a mediaMs past a week', { id: 'c', type: 'feature', productId: 'p', mediaMs: 7 * 24 * 3600 * 1000 + 1 }, 'mediaMs'],
    ['a feature with a blank badge', { id: 'c', type: 'feature', productId: 'p', badge: '  ' }, 'badge'],
    ['a feature with an offer without text', { id: 'c', type: 'feature', productId: 'p', offer: { endsAt: T0 } }, 'offer.text'],
    ['a feature with an offer ending at a negative time', { id: 'c', type: 'feature', productId: 'p', offer: { text: 'x', endsAt: -5 } }, 'offer.endsAt'],
    ['a feature with a bad offer price', { id: 'c', type: 'feature', productId: 'p', offer: { text: 'x', price: { amount: '1' } } }, 'offer.price.currencyCode'],
    ['an unfeature without productId', { id: 'c', type: 'unfeature' }, 'productId'],
    ['a banner without text', { id: 'c', type: 'banner' }, 'text'],
    ['a banner with blank text', { id: 'c', type: 'banner', text: ' \t ' }, 'text'],
    ['a banner with a string endsAt', { id: 'c', type: 'banner', text: 'x', endsAt: '2025-01-01' }, 'endsAt'],
    ['a banner with a NUL', { id: 'c', type: 'banner', text: 'a\u0000b' }, 'text'],
    ['a banner with an escape sequence', { id: 'c', type: 'banner', text: '\u001b[31mred' }, 'text'],
    ['a banner with a DEL', { id: 'c', type: 'banner', text: 'a\u007fb' }, 'text'],
    ['a status that does not exist', { id: 'c', type: 'status', status: 'paused' }, 'status'],
    ['a status without status', { id: 'c', type: 'status' }, 'status'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    const message = rejects(Command, input, 'command');
    expect(message).toMatch(new RegExp(`(^|[ ;])${field.replace(/\./g, '\\.')}: `));
  });

  it('acks are { ok: true, seq } or { ok: false, error }', () => {
    accepts(Ack, { ok: true, seq: 1 });
    accepts(Ack, { ok: false, error: { code: 'conflict', message: 'the show has ended' } });
    rejects(Ack, { ok: true, seq: 0 });
    rejects(Ack, { ok: false, error: { code: 'teapot', message: 'x' } });
    rejects(Ack, { ok: true });
  });

  it('a cue is a short non-empty line', () => {
    accepts(CueBody, { id: 'cue-1', text: 'Mention the bundle' });
    expect(rejects(CueBody, { id: 'cue-1', text: '' })).toContain('text: ');
  });
});

// ---------------------------------------------------------------- OverlayState and Card

describe('OverlayState and Card', () => {
  it('accepts the DESIGN.md shapes', () => {
    accepts(Card, card);
    accepts(Card, { cardId: 'c', productId: 'p', title: 't', price: usd('1'), available: false, firedAt: 0 });
    accepts(OverlayState, emptyOverlay('demo'));
    accepts(OverlayState, { showId: 'demo', seq: 12, status: 'live', featured: [card, { ...card, cardId: 'c2' }, { ...card, cardId: 'c3' }], banner: { text: 'Hi', endsAt: T0 }, updatedAt: T0 });
    accepts(OverlayState, { showId: 'demo', seq: 0, status: 'ended', featured: [], banner: null });
  });

  it('emptyOverlay is a scheduled show at seq 0 with nothing on air', () => {
    expect(emptyOverlay('demo')).toEqual({ showId: 'demo', seq: 0, status: 'scheduled', featured: [], banner: null });
    expect(emptyOverlay('demo', 'live').status).toBe('live');
  });

  const base = { showId: 'demo', seq: 1, status: 'live', featured: [card], banner: null };

  it.each([
    [`more than ${MAX_FEATURED} cards`, { ...base, featured: [card, card, card, card] }, 'featured'],
    ['a negative seq', { ...base, seq: -1 }, 'seq'],
    ['a fractional seq', { ...base, seq: 1.5 }, 'seq'],
    ['an unknown status', { ...base, status: 'paused' }, 'status'],
    ['a show id with a slash', { ...base, showId: '../etc' }, 'showId'],
    ['a missing banner', (({ banner: _b, ...rest }) => rest)(base), 'banner'],
    ['a banner without text', { ...base, banner: { endsAt: T0 } }, 'banner.text'],
    ['a card without firedAt', { ...base, featured: [(({ firedAt: _f, ...rest }) => rest)(card)] }, 'featured.0.firedAt'],
    ['a card with a javascript: image', { ...base, featured: [{ ...card, imageUrl: 'javascript:alert(document.cookie)' }] }, 'featured.0.imageUrl'],
    ['a card with a long badge', { ...base, featured: [{ ...card, badge: x(25) }] }, 'featured.0.badge'],
    ['a card with a bad price', { ...base, featured: [{ ...card, price: { amount: '1.0', currencyCode: 'usd' } }] }, 'featured.0.price.currencyCode'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    expect(rejects(OverlayState, input, 'overlay')).toContain(`${field}: `);
  });
});

// ---------------------------------------------------------------- transcript, track, shows, tokens

describe('TranscriptBody', () => {
  it('accepts the DESIGN.md shape with and without optional fields', () => {
    accepts(TranscriptBody, { segments: [{ startMs: 0, endMs: 1500, text: 'hi everybody' }] });
    accepts(TranscriptBody, { segments: [{ id: 'seg-1', startMs: 100, endMs: 100, text: '', final: true }] });
    accepts(TranscriptBody, { segments: Array.from({ length: MAX_SEGMENTS_PER_POST }, (_, i) => ({ startMs: i, endMs: i + 1, text: 'x' })) });
  });

  it.each([
    ['no segments', { segments: [] }, 'segments'],
    ['no segments key', {}, 'segments'],
    [`more than ${MAX_SEGMENTS_PER_POST} segments`, { segments: Array.from({ length: MAX_SEGMENTS_PER_POST + 1 }, () => ({ startMs: 0, endMs: 1, text: 'x' })) }, 'segments'],
    ['an end before the start', { segments: [{ startMs: 2000, endMs: 1000, text: 'x' }] }, 'segments.0.endMs'],
    ['a negative start', { segments: [{ startMs: -1, endMs: 1000, text: 'x' }] }, 'segments.0.startMs'],
    ['a missing text', { segments: [{ startMs: 0, endMs: 1 }] }, 'segments.0.text'],
    ['a bad segment id', { segments: [{ id: 'a b', startMs: 0, endMs: 1, text: 'x' }] }, 'segments.0.id'],
    ['a string final', { segments: [{ startMs: 0, endMs: 1, text: 'x', final: 'true' }] }, 'segments.0.final'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    expect(rejects(TranscriptBody, input, 'transcript')).toContain(`${field}: `);
  });

  it('says why an end before the start is wrong', () => {
    expect(rejects(TranscriptBody, { segments: [{ startMs: 2000, endMs: 1000, text: 'x' }] })).toContain('endMs must not be before startMs');
  });
});

describe('TrackBody', () => {
  it.each(['impression', 'click', 'add_to_cart', 'checkout', 'purchase'])('accepts a %s event, live and replay', (type) => {
    accepts(TrackBody, { events: [{ ...event, type }, { ...event, type, mode: 'replay' }] });
  });

  it('accepts a minimal event and a full batch', () => {
    accepts(TrackEvent, { type: 'impression', showId: 'demo', productId: 'p1', sessionId: 's1', mode: 'live' });
    accepts(TrackBody, { events: Array.from({ length: MAX_TRACK_BATCH }, () => event) });
  });

  it.each([
    ['no events', { events: [] }, 'events'],
    [`more than ${MAX_TRACK_BATCH} events`, { events: Array.from({ length: MAX_TRACK_BATCH + 1 }, () => event) }, 'events'],
    ['an unknown event type', { events: [{ ...event, type: 'like' }] }, 'events.0.type'],
    ['an unknown mode', { events: [{ ...event, mode: 'vod' }] }, 'events.0.mode'],
    ['a bad show id', { events: [{ ...event, showId: 'a b' }] }, 'events.0.showId'],
    ['a missing session', { events: [(({ sessionId: _s, ...rest }) => rest)(event)] }, 'events.0.sessionId'],
    ['a negative value', { events: [{ ...event, value: -1 }] }, 'events.0.value'],
    ['an infinite value', { events: [{ ...event, value: Infinity }] }, 'events.0.value'],
    ['a NaN value', { events: [{ ...event, value: NaN }] }, 'events.0.value'],
    ['a huge value', { events: [{ ...event, value: 1e10 }] }, 'events.0.value'],
    ['a string mediaMs', { events: [{ ...event, mediaMs: '5000' }] }, 'events.0.mediaMs'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    expect(rejects(TrackBody, input, 'track')).toContain(`${field}: `);
  });
});

describe('CreateShowBody', () => {
  const inline = { provider: 'inline', products: [product] };

  it('accepts each catalog provider', () => {
    accepts(CreateShowBody, { id: 'demo', title: 'Demo', streamUrl: 'https://cdn.example.com/live.m3u8', catalog: inline, rundown: [product.id] });
    accepts(CreateShowBody, { title: 'Shopify', catalog: { provider: 'shopify', shopDomain: 'brand.myshopify.com', storefrontToken: 'tok' }, rundown: [] });
    accepts(CreateShowBody, { title: 'File', catalog: { provider: 'file', path: './catalog.json' }, rundown: [] });
  });

  it('defaults the rundown to empty', () => {
    expect(CreateShowBody.parse({ title: 'T', catalog: inline }).rundown).toEqual([]);
  });

  it.each([
    ['a blank title', { title: '  ', catalog: inline }, 'title'],
    ['an unknown provider', { title: 'T', catalog: { provider: 'woo' } }, 'catalog.provider'],
    ['a non-Shopify domain', { title: 'T', catalog: { provider: 'shopify', shopDomain: 'evil.com', storefrontToken: 't' } }, 'catalog.shopDomain'],
    ['a Shopify domain with a path', { title: 'T', catalog: { provider: 'shopify', shopDomain: 'brand.myshopify.com/../x', storefrontToken: 't' } }, 'catalog.shopDomain'],
    ['a bad inline product', { title: 'T', catalog: { provider: 'inline', products: [{ ...product, price: usd('x') }] } }, 'catalog.products.0.price.amount'],
    ['a javascript: stream', { title: 'T', streamUrl: 'javascript:alert(1)', catalog: inline }, 'streamUrl'],
    ['a show id with a dot', { id: 'a.b', title: 'T', catalog: inline }, 'id'],
    ['a show id starting with a dash', { id: '-x', title: 'T', catalog: inline }, 'id'],
    [`a rundown longer than ${MAX_RUNDOWN}`, { title: 'T', catalog: inline, rundown: Array.from({ length: MAX_RUNDOWN + 1 }, (_, i) => `p${i}`) }, 'rundown'],
    ['a rundown entry that is not a string', { title: 'T', catalog: inline, rundown: [1] }, 'rundown.0'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    expect(rejects(CreateShowBody, input, 'show')).toContain(`${field}: `);
  });

  it(`caps an inline catalog at ${MAX_CATALOG_PRODUCTS} products`, () => {
    const products = Array.from({ length: MAX_CATALOG_PRODUCTS + 1 }, () => product);
    expect(rejects(CatalogSpec, { provider: 'inline', products })).toContain('products: ');
  });
});

describe('TokenRequest', () => {
  it.each(['producer', 'host', 'ingest'])('accepts a %s token request', (role) => {
    accepts(TokenRequest, { role });
    accepts(TokenRequest, { role, name: 'Stream Deck', ttlSeconds: 3600 });
  });

  it.each([
    ['an admin role (admin is never minted)', { role: 'admin' }, 'role'],
    ['a viewer role', { role: 'viewer' }, 'role'],
    ['no role', {}, 'role'],
    ['a zero ttl', { role: 'host', ttlSeconds: 0 }, 'ttlSeconds'],
    ['a ttl past 30 days', { role: 'host', ttlSeconds: MAX_TOKEN_TTL_SECONDS + 1 }, 'ttlSeconds'],
    ['a fractional ttl', { role: 'host', ttlSeconds: 1.5 }, 'ttlSeconds'],
    ['a blank name', { role: 'host', name: '  ' }, 'name'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    expect(rejects(TokenRequest, input, 'token request')).toContain(`${field}: `);
  });
});

// ---------------------------------------------------------------- primitives

describe('primitives', () => {
  it('ShowId: 1–64 letters, digits, "-" or "_", not starting with a separator', () => {
    for (const ok of ['demo', 'a', 'Show_2024-07', 'live-418295', x(64)]) accepts(ShowId, ok);
    for (const bad of ['', x(65), '-lead', '_lead', 'a b', 'a/b', '../etc', 'a.b', 'ümlaut', 'a\nb', 'demo\u0000']) {
      expect(rejects(ShowId, bad, 'show id')).toContain('use 1–64 letters');
    }
  });

  it('ClientId: up to 128 of letters, digits, "_", ".", ":" or "-"', () => {
    for (const ok of ['a', 'cmd-1', 'deck:7.btn_3', x(128)]) accepts(ClientId, ok);
    for (const bad of ['', x(129), 'a b', 'a/b', '<script>', 'a\u0000']) rejects(ClientId, bad);
  });

  it('ExternalId: Shopify gids and SKUs, no whitespace or control characters', () => {
    for (const ok of ['8012345595617', 'gid://shopify/Product/1', 'HP-XBD-MIN', 'ünïcode', x(256)]) accepts(ExternalId, ok);
    for (const bad of ['', x(257), 'a b', 'a\tb', 'a\u0000', 'a\u001f']) rejects(ExternalId, bad);
  });

  it('Money: decimal string amounts and ISO 4217 codes', () => {
    for (const amount of ['0', '49', '49.00', '0.5', '1.2345', x(12, '9')]) accepts(Money, { amount, currencyCode: 'EUR' });
    for (const amount of ['', '-1', '1.', '.5', '1.23456', x(13, '9'), ' 1', 'NaN', 'Infinity']) {
      expect(rejects(Money, { amount, currencyCode: 'USD' })).toContain('amount: a decimal amount');
    }
    for (const currencyCode of ['', 'US', 'USDD', 'usd', '€']) expect(rejects(Money, { amount: '1', currencyCode })).toContain('currencyCode: an ISO 4217 code');
  });

  it('MediaMs: whole non-negative milliseconds up to a week', () => {
    for (const ok of [0, 1, 7 * 24 * 3600 * 1000]) accepts(MediaMs, ok);
    for (const bad of [-1, 0.5, 7 * 24 * 3600 * 1000 + 1, NaN, Infinity, '5']) rejects(MediaMs, bad);
  });

  it('httpStatusOf maps every error code of API v1', () => {
    expect(httpStatusOf).toMatchObject({ invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, rate_limited: 429 });
  });
});

describe('SafeUrl', () => {
  it.each([
    'https://example.com/products/x',
    'http://localhost:4455/media/a.jpg',
    'HTTPS://EXAMPLE.COM/A.JPG',
    'https://cdn.example.com/a.jpg?w=600&h=600#top',
    '/media/crossbody.jpg',
    '/',
  ])('accepts %s', (url) => accepts(SafeUrl, url));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(document.cookie)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    'javascript://example.com/%0aalert(1)',
    'javascript:https://example.com',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox("x")',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/a',
    'blob:https://example.com/uuid',
    'example.com/a',
    'https://',
    'https://exa mple.com',
    'https://example.com/\njavascript:alert(1)',
    '',
  ])('rejects %j', (url) => {
    expect(rejects(SafeUrl, url, 'url')).toContain('must be an http(s) URL or a path starting with "/"');
  });

  it('rejects unsafe URLs wherever a URL field appears', () => {
    const bad = 'javascript:alert(1)';
    rejects(Product, { ...product, imageUrl: bad });
    rejects(Product, { ...product, url: 'vbscript:msgbox(1)' });
    rejects(Card, { ...card, url: 'data:text/html,x' });
    rejects(CreateShowBody, { title: 'T', streamUrl: bad, catalog: { provider: 'file', path: 'x' } });
  });
});

// ---------------------------------------------------------------- oversized strings

describe('oversized strings', () => {
  const cases: [string, z.ZodType, (s: string) => unknown, number, string][] = [
    ['Product.title', Product, (s) => ({ ...product, title: s }), 500, 'title'],
    ['Product.sku', Product, (s) => ({ ...product, sku: s }), 256, 'sku'],
    ['Product.vendor', Product, (s) => ({ ...product, vendor: s }), 256, 'vendor'],
    ['Product.description', Product, (s) => ({ ...product, description: s }), 5000, 'description'],
    ['Product.tags[]', Product, (s) => ({ ...product, tags: [s] }), 256, 'tags.0'],
    ['Product.variants[].title', Product, (s) => ({ ...product, variants: [{ id: 'v', title: s }] }), 500, 'variants.0.title'],
    ['Product.id', Product, (s) => ({ ...product, id: s }), 256, 'id'],
    ['Product.imageUrl', Product, (s) => ({ ...product, imageUrl: 'https://e.com/' + s.slice(14) }), 2048, 'imageUrl'],
    ['Command id', Command, (s) => ({ id: s, type: 'clear' }), 128, 'id'],
    ['feature badge', Command, (s) => ({ id: 'c', type: 'feature', productId: 'p', badge: s }), 24, 'badge'],
    ['feature offer text', Command, (s) => ({ id: 'c', type: 'feature', productId: 'p', offer: { text: s } }), 80, 'offer.text'],
    ['banner text', Command, (s) => ({ id: 'c', type: 'banner', text: s }), 140, 'text'],
    ['transcript text', TranscriptBody, (s) => ({ segments: [{ startMs: 0, endMs: 1, text: s }] }), MAX_SEGMENT_CHARS, 'segments.0.text'],
    ['cue text', CueBody, (s) => ({ id: 'c', text: s }), 200, 'text'],
    ['show title', CreateShowBody, (s) => ({ title: s, catalog: { provider: 'file', path: 'x' } }), 200, 'title'],
    ['catalog file path', CreateShowBody, (s) => ({ title: 'T', catalog: { provider: 'file', path: s } }), 1024, 'catalog.path'],
    ['storefront token', CatalogSpec, (s) => ({ provider: 'shopify', shopDomain: 'a.myshopify.com', storefrontToken: s }), 512, 'storefrontToken'],
    ['token name', TokenRequest, (s) => ({ role: 'host', name: s }), 64, 'name'],
    ['track session id', TrackEvent, (s) => ({ ...event, sessionId: s }), 128, 'sessionId'],
    ['show id', OverlayState, (s) => ({ ...emptyOverlay('demo'), showId: s }), 64, 'showId'],
  ];

  it.each(cases)('%s: the maximum passes, one more is rejected naming the field', (_label, schema, make, max, field) => {
    accepts(schema, make(x(max)));
    expect(rejects(schema, make(x(max + 1)))).toContain(`${field}: `);
  });

  it('a megabyte string is rejected quickly everywhere, without throwing', () => {
    const huge = x(1_000_000, 'ab');
    const started = performance.now();
    for (const [, schema, make] of cases) rejects(schema, make(huge));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('trimmed text is measured after trimming', () => {
    accepts(Badge, `   ${x(24)}   `);
    accepts(Banner, { text: `\n${x(140)}\n` });
    accepts(Offer, { text: ` ${x(80)} ` });
  });
});

// ---------------------------------------------------------------- prototype pollution

describe('prototype pollution', () => {
  const payloads = [
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
  ];

  /** Builds JSON bodies with a pollution payload merged in at the top and one level down. */
  function bodies(payload: string): [string, z.ZodType, string][] {
    const inner = payload.slice(1, -1);
    const p = JSON.stringify(product).slice(0, -1);
    return [
      ['Product', Product, `${p},${inner}}`],
      ['Product.price', Product, `${p.replace('"price":{"amount":"74.00"', `"price":{${inner},"amount":"74.00"`)}}`],
      ['Command', Command, `{"id":"c1","type":"feature","productId":"p1",${inner}}`],
      ['Command.offer', Command, `{"id":"c1","type":"feature","productId":"p1","offer":{"text":"x",${inner}}}`],
      ['OverlayState', OverlayState, `{"showId":"demo","seq":0,"status":"live","featured":[],"banner":{"text":"x",${inner}},${inner}}`],
      ['CreateShowBody', CreateShowBody, `{"title":"T","catalog":{"provider":"inline","products":[${p},${inner}}]},${inner}}`],
      ['TrackBody', TrackBody, `{"events":[{"type":"click","showId":"demo","productId":"p","sessionId":"s","mode":"live",${inner}}]}`],
      ['TranscriptBody', TranscriptBody, `{"segments":[{"startMs":0,"endMs":1,"text":"x",${inner}}],${inner}}`],
      ['TokenRequest', TokenRequest, `{"role":"host",${inner}}`],
    ];
  }

  function hasOwnDeep(value: unknown, key: string): boolean {
    if (!value || typeof value !== 'object') return false;
    if (Object.prototype.hasOwnProperty.call(value, key)) return true;
    return Object.values(value).some((v) => hasOwnDeep(v, key));
  }

  function prototypesAreClean(value: unknown): boolean {
    if (!value || typeof value !== 'object') return true;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== Array.prototype) return false;
    return Object.values(value).every(prototypesAreClean);
  }

  for (const payload of payloads) {
    for (const [label, schema, json] of bodies(payload)) {
      it(`${label} with ${payload} parses without polluting anything`, () => {
        try {
          // The payload really is in the body (the splice above did not silently miss).
          expect(json).toContain(payload.slice(1, -1));
          const input: unknown = JSON.parse(json);
          const result = parseWith(schema, input, label);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
          if (!result.ok) throw new Error(`expected ${label} to parse: ${result.error.message}`);
          const value = result.value as unknown;
          // The payload keys are not part of any schema, so they are stripped, and nothing inherits them.
          expect(hasOwnDeep(value, '__proto__')).toBe(false);
          expect(hasOwnDeep(value, 'constructor')).toBe(false);
          expect(prototypesAreClean(value)).toBe(true);
          expect((value as Record<string, unknown>).polluted).toBeUndefined();
          expect(JSON.stringify(value)).not.toContain('polluted');
        } finally {
          // Never let one failure leak into every later test.
          delete (Object.prototype as Record<string, unknown>).polluted;
        }
      });
    }
  }

  it('the payloads really carry own "__proto__" and "constructor" keys (the test is not vacuous)', () => {
    const a = JSON.parse(payloads[0] as string) as object;
    const b = JSON.parse(payloads[1] as string) as object;
    expect(Object.prototype.hasOwnProperty.call(a, '__proto__')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(b, 'constructor')).toBe(true);
  });

  it('a payload in place of a whole body is rejected, not merged', () => {
    for (const payload of payloads) {
      const message = rejects(Command, JSON.parse(payload), 'command');
      expect(message).toContain('type: ');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});

// ---------------------------------------------------------------- parseWith and describeZodError

describe('parseWith and describeZodError', () => {
  it('returns the parsed value on success', () => {
    const result = parseWith(TokenRequest, { role: 'host', name: '  Deck  ' }, 'token request');
    expect(result).toEqual({ ok: true, value: { role: 'host', name: 'Deck' } });
  });

  it('names the field and what was wrong', () => {
    const result = parseWith(CreateShowBody, { title: 'T', catalog: { provider: 'file', path: 'x' }, rundown: ['ok', 7] }, 'show');
    expect(result).toEqual({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/^show is not valid: rundown\.1: .*string/) } });
  });

  it('lists at most three problems and counts the rest', () => {
    const result = parseWith(Product, {}, 'product');
    if (result.ok) throw new Error('expected a failure');
    // id, title, price, available are all missing.
    expect(result.error.message).toMatch(/^product is not valid: id: [^;]+; title: [^;]+; price: [^;]+ \(\+1 more\)$/);
  });

  it('describeZodError honours max and leaves out an empty path', () => {
    const error = z.object({ a: z.string(), b: z.string() }).safeParse({}).error;
    if (!error) throw new Error('expected a failure');
    expect(describeZodError(error, 1)).toMatch(/^a: [^;]+ \(\+1 more\)$/);
    expect(describeZodError(error)).toMatch(/^a: [^;]+; b: [^;]+$/);
    const top = z.string().safeParse(1).error;
    if (!top) throw new Error('expected a failure');
    expect(describeZodError(top)).not.toMatch(/^: /);
    expect(describeZodError(top)).toMatch(/string/);
  });

  it('never throws, whatever the input', () => {
    const weird: unknown[] = [null, undefined, 0, -0, NaN, '', 'x', [], [[]], new Date(0), Object.create(null), () => 1, Symbol('s'), 10n];
    for (const input of weird) {
      for (const schema of [Product, Command, OverlayState, TranscriptBody, TrackBody, CreateShowBody, TokenRequest]) {
        const result = parseWith(schema, input, 'body');
        expect(result.ok).toBe(false);
      }
    }
  });
});

describe('on-air text and links stay what they look like', () => {
  it('refuses protocol-relative links that would leave the relay', () => {
    for (const url of ['//evil.example/x', '/\\evil.example', '//']) expect(SafeUrl.safeParse(url).success).toBe(false);
    expect(SafeUrl.safeParse('/media/demo/kettle.png').success).toBe(true);
  });

  it('refuses line breaks, tabs and direction overrides in on-air text', () => {
    for (const text of ['Free\nshipping', 'Free\tshipping', 'Sale \u202Eello', 'Sale \u2066x\u2069']) {
      expect(Banner.safeParse({ text }).success).toBe(false);
    }
    expect(Banner.safeParse({ text: 'تخفيضات الليلة 🎉' }).success).toBe(true);
  });
});
