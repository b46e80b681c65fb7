import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readWebhookHeaders, shopifyHmac, verifyShopifyHmac } from './webhook-auth.js';

const SECRET = 'whsec-test-0123456789';
const BODY = Buffer.from(JSON.stringify({ id: 820982911946154508, note_attributes: [{ name: '_cuecart_show', value: 'demo' }], total_price: '89.00' }));
// Computed independently of the module under test: Shopify's documented recipe.
const REAL = createHmac('sha256', SECRET).update(BODY).digest('base64');

describe('verifyShopifyHmac', () => {
  it('accepts the signature Shopify computes over the raw body', () => {
    expect(shopifyHmac(BODY, SECRET)).toBe(REAL);
    expect(verifyShopifyHmac(BODY, REAL, SECRET)).toBe(true);
  });
  it('refuses a body changed by one byte, even re-serialized to the same JSON', () => {
    const tampered = Buffer.from(BODY.toString().replace('89.00', '89.01'));
    expect(verifyShopifyHmac(tampered, REAL, SECRET)).toBe(false);
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 1));
    expect(verifyShopifyHmac(reformatted, REAL, SECRET)).toBe(false);
  });
  it('refuses another secret, a missing secret, and signatures that are not 32 bytes of base64', () => {
    expect(verifyShopifyHmac(BODY, REAL, 'another-secret')).toBe(false);
    expect(verifyShopifyHmac(BODY, REAL, '')).toBe(false);
    expect(verifyShopifyHmac(BODY, REAL.slice(0, -2), SECRET)).toBe(false);
    expect(verifyShopifyHmac(BODY, `${REAL}AA`, SECRET)).toBe(false);
    expect(verifyShopifyHmac(BODY, createHmac('sha256', SECRET).update(BODY).digest('hex'), SECRET)).toBe(false);
    expect(verifyShopifyHmac(BODY, '', SECRET)).toBe(false);
  });
});

describe('readWebhookHeaders', () => {
  const base = {
    'x-shopify-hmac-sha256': REAL,
    'x-shopify-topic': 'orders/paid',
    'x-shopify-shop-domain': 'Brand.myshopify.com',
    'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
  };
  it('reads topic, shop (lower case), event id and signature', () => {
    expect(readWebhookHeaders(base)).toEqual({
      ok: true,
      headers: { topic: 'orders/paid', rawTopic: 'orders/paid', shopDomain: 'brand.myshopify.com', eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5', hmac: REAL },
    });
  });
  it('keeps a topic the relay does not act on as null, so it can be acknowledged and ignored', () => {
    const read = readWebhookHeaders({ ...base, 'x-shopify-topic': 'customers/create' });
    expect(read.ok && read.headers.topic).toBeNull();
    expect(read.ok && read.headers.rawTopic).toBe('customers/create');
  });
  it('names every missing header', () => {
    const { 'x-shopify-event-id': _e, 'x-shopify-hmac-sha256': _h, ...rest } = base;
    const read = readWebhookHeaders({ ...rest, 'x-shopify-topic': '  ' });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/missing X-Shopify-Hmac-Sha256, X-Shopify-Topic, X-Shopify-Event-Id/);
  });
});
