// Shopify webhooks, before anything is stored: the signature over the raw body, and the headers that say
// which shop sent which event. (Public names: `POST /api/webhooks/shopify`, X-Shopify-Hmac-Sha256 = base64
// HMAC-SHA256 of the raw body with the show's webhookSecret, X-Shopify-Shop-Domain, X-Shopify-Event-Id.)
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The topics the relay acts on; any other is answered 200 and ignored, so Shopify does not retry it. */
export const SHOPIFY_TOPICS = ['orders/create', 'orders/paid', 'refunds/create', 'products/update', 'inventory_levels/update'] as const;
export type ShopifyTopic = (typeof SHOPIFY_TOPICS)[number];

export interface WebhookHeaders {
  /** Known topic, or null for one the relay does not act on. */
  topic: ShopifyTopic | null;
  rawTopic: string;
  /** Lower case, e.g. "brand.myshopify.com". */
  shopDomain: string;
  eventId: string;
  hmac: string;
}

export type HeaderCheck = { ok: true; headers: WebhookHeaders } | { ok: false; message: string };

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
};

/** Reads the headers every Shopify webhook carries; says which is missing when one is. */
export function readWebhookHeaders(headers: IncomingHttpHeaders): HeaderCheck {
  const missing = ['x-shopify-hmac-sha256', 'x-shopify-topic', 'x-shopify-shop-domain', 'x-shopify-event-id'].filter((h) => !header(headers, h));
  if (missing.length) {
    return { ok: false, message: `not a Shopify webhook: missing ${missing.map(displayName).join(', ')}. Point the webhook subscription at this URL from the store's settings` };
  }
  const rawTopic = header(headers, 'x-shopify-topic')!;
  const topic = (SHOPIFY_TOPICS as readonly string[]).includes(rawTopic) ? (rawTopic as ShopifyTopic) : null;
  return {
    ok: true,
    headers: {
      topic,
      rawTopic,
      shopDomain: header(headers, 'x-shopify-shop-domain')!.toLowerCase(),
      eventId: header(headers, 'x-shopify-event-id')!,
      hmac: header(headers, 'x-shopify-hmac-sha256')!,
    },
  };
}

const displayName = (h: string) => h.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());

/** The X-Shopify-Hmac-Sha256 value Shopify sends for `rawBody` signed with `secret`. */
export function shopifyHmac(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * True when `hmacHeader` is the signature of exactly these bytes under `secret`. Compared in constant time;
 * anything not 32 bytes of base64 is simply wrong. Give it the raw body as received, never re-serialized JSON.
 */
export function verifyShopifyHmac(rawBody: Buffer, hmacHeader: string, secret: string): boolean {
  if (!secret) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(hmacHeader)) return false;
  const given = Buffer.from(hmacHeader, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
