import { describe, expect, it } from 'vitest';
import { StorefrontClient, type ShopifySpec } from './storefront-client.js';

const spec: ShopifySpec = { provider: 'shopify', shopDomain: 'brand.myshopify.com', storefrontToken: 'pub' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A client whose fetch answers from a script, one answer per request, recording the waits between them. */
function scripted(answers: (() => Response)[], extra: Partial<ConstructorParameters<typeof StorefrontClient>[1]> = {}) {
  const waits: number[] = [];
  const sent: { url: string; headers: Headers }[] = [];
  const client = new StorefrontClient(spec, {
    fetch: (async (url: string, init: RequestInit) => {
      sent.push({ url, headers: new Headers(init.headers) });
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    }) as typeof fetch,
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  });
  return { client, waits, sent };
}

describe('StorefrontClient', () => {
  it('asks the pinned version with the public token', async () => {
    const { client, sent } = scripted([() => json(200, { data: { shop: { name: 'B' } } })]);
    expect(await client.request('shopInfo', {})).toEqual({ ok: true, data: { shop: { name: 'B' } }, denied: [] });
    expect(sent[0]!.url).toBe('https://brand.myshopify.com/api/2026-04/graphql.json');
    expect(sent[0]!.headers.get('x-shopify-storefront-access-token')).toBe('pub');
  });

  it('sends the private token and the buyer address, never the public token, when it has one', async () => {
    const client = new StorefrontClient({ ...spec, privateToken: 'priv', apiVersion: '2026-07' }, { fetch: (async (url: string, init: RequestInit) => {
      const h = new Headers(init.headers);
      expect(url).toContain('/api/2026-07/');
      expect([h.get('shopify-storefront-private-token'), h.get('shopify-storefront-buyer-ip'), h.get('x-shopify-storefront-access-token')]).toEqual(['priv', '203.0.113.9', null]);
      return json(200, { data: { shop: { name: 'B' } } });
    }) as typeof fetch });
    expect((await client.request('shopInfo', {}, '203.0.113.9')).ok).toBe(true);
  });

  it('waits as a 429 asks, backs off on THROTTLED, then answers', async () => {
    const { client, waits } = scripted([
      () => json(429, { errors: [{ message: 'Too Many Requests' }] }, { 'retry-after': '2' }),
      () => json(200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] }),
      () => json(200, { data: { shop: { name: 'B' } } }),
    ]);
    expect((await client.request('shopInfo', {})).ok).toBe(true);
    expect(waits).toEqual([2000, 1000]);
  });

  it('gives up after its retries with what is wrong', async () => {
    const { client, waits } = scripted(Array.from({ length: 4 }, () => () => json(503, { errors: [{ message: 'down' }] })), { retries: 3 });
    const answer = await client.request('shopInfo', {});
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'unavailable', message: expect.stringContaining('HTTP 503') } });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('never retries a cart mutation Shopify may have run (an outage), only a throttled one', async () => {
    const { client, waits } = scripted([() => json(503, {})]);
    expect((await client.request('cartCreate', { input: {} })).ok).toBe(false);
    expect(waits).toEqual([]);
  });

  it('names a refused token and an unknown shop, and keeps data with fields the token may not read', async () => {
    expect(await scripted([() => json(401, { errors: [{ message: '', extensions: { code: 'UNAUTHORIZED' } }] })]).client.request('shopInfo', {})).toMatchObject({ ok: false, failure: { kind: 'unauthorized' } });
    expect(await scripted([() => json(404, {})]).client.request('shopInfo', {})).toMatchObject({ ok: false, failure: { kind: 'unknown_shop', message: expect.stringContaining('.myshopify.com') } });
    const denied = await scripted([() => json(200, { data: { nodes: [] }, errors: [{ message: 'Access denied', extensions: { code: 'ACCESS_DENIED' }, path: ['nodes', 0, 'quantityAvailable'] }] })]).client.request('productsById', { ids: [], inventory: true });
    expect(denied).toEqual({ ok: true, data: { nodes: [] }, denied: ['quantityAvailable'] });
    const invalid = await scripted([() => json(200, { errors: [{ message: 'Field x does not exist' }] })]).client.request('shopInfo', {});
    expect(invalid).toMatchObject({ ok: false, failure: { kind: 'invalid', message: expect.stringContaining('Field x does not exist') } });
  });

  it('turns a network failure into a message, not a throw', async () => {
    const client = new StorefrontClient(spec, { fetch: (async () => { throw new Error('ECONNREFUSED'); }) as typeof fetch, retries: 0 });
    expect(await client.request('shopInfo', {})).toMatchObject({ ok: false, failure: { kind: 'network', message: expect.stringContaining('ECONNREFUSED') } });
  });
});
