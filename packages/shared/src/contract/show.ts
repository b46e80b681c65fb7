// Shows, their catalogs and their tokens: the REST bodies of API v1.
import { z } from 'zod';
import { ShowStatus } from './overlay.js';
import { EpochMs, ExternalId, MediaMs, SafeUrl, ShowId } from './primitives.js';
import { Product } from './product.js';

export const MAX_CATALOG_PRODUCTS = 50_000;
export const MAX_RUNDOWN = 200;
/** Handles or ids a Shopify catalog may name one by one. */
export const MAX_SHOPIFY_HANDLES = 1000;
/** The Storefront API version Cuecart is built and tested against (its schema is the one the tests validate with). */
export const SHOPIFY_API_VERSION = '2026-04';

/** An endpoint the relay may send a Storefront token to: https anywhere, plain http only to this machine. */
export function isShopifyEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
}

/** A Shopify store as a show's catalog (DESIGN.md "Commerce providers"). Its tokens and secret are never echoed. */
export const ShopifyCatalogSpec = z.object({
  provider: z.literal('shopify'),
  shopDomain: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i, 'a domain like "brand.myshopify.com"')
    .transform((d) => d.toLowerCase()),
  /** The public Storefront token: the only one a browser may ever see. */
  storefrontToken: z.string().min(1).max(512),
  /** The private Storefront token, used only by the relay (with the buyer's IP). Never echoed. */
  privateToken: z.string().min(1).max(512).optional(),
  apiVersion: z.string().regex(/^(\d{4}-(01|04|07|10)|unstable)$/, 'a Storefront API version like "2026-04"').optional(),
  /** Replaces https://{shopDomain}/api/{apiVersion}/graphql.json: https, or plain http to a loopback address only. */
  endpoint: z.string().max(2048).refine(isShopifyEndpoint, 'an https URL, or http://127.0.0.1:PORT/… (plain http only to a loopback address)').optional(),
  /** The webhook signing secret (Shopify admin → Settings → Notifications → Webhooks). Never echoed. */
  webhookSecret: z.string().min(1).max(512).optional(),
  /** A collection's handle: its products are the catalog (paginated, thousands fine). */
  collection: z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'a collection handle like "summer-live"').max(255).optional(),
  /** Product handles: these products are the catalog. */
  handles: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'a product handle like "hydra-serum"').max(255)).min(1).max(MAX_SHOPIFY_HANDLES).optional(),
  /** Product GIDs (`gid://shopify/Product/…`): these products are the catalog. */
  productIds: z.array(z.string().regex(/^gid:\/\/shopify\/Product\/\d+$/, 'a product GID like "gid://shopify/Product/123"')).min(1).max(MAX_SHOPIFY_HANDLES).optional(),
});
export type ShopifyCatalogSpec = z.infer<typeof ShopifyCatalogSpec>;

export const CatalogSpec = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('inline'), products: z.array(Product).max(MAX_CATALOG_PRODUCTS) }),
  ShopifyCatalogSpec,
  z.object({ provider: z.literal('file'), path: z.string().min(1).max(1024) }),
]);
export type CatalogSpec = z.infer<typeof CatalogSpec>;

/** One line of a simulated transcript script, in show ms from the start of the loop. */
export const ScriptLine = z.object({ atMs: MediaMs, endMs: MediaMs.optional(), text: z.string().min(1).max(2000) });
export type ScriptLine = z.infer<typeof ScriptLine>;

/** Where a show's transcript comes from. `push` (the default): segments are POSTed to the transcript route. */
export const TranscriptSourceSpec = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('push') }),
  z.object({
    provider: z.literal('v100'),
    baseUrl: z.string().max(2048).regex(/^https?:\/\/[^\s]+$/i, 'an http(s) URL like "https://api.v100.example"'),
    apiKey: z.string().min(1).max(512),
    /** An existing V100 live event; without it the relay creates one with real-time transcription. */
    eventId: z.string().min(1).max(256).optional(),
    language: z.string().min(2).max(16).default('en'),
  }),
  z.object({
    provider: z.literal('simulated'),
    script: z.array(ScriptLine).min(1).max(5000),
    /** Length of one loop in show ms; the script repeats forever when set. */
    loopMs: z.number().int().min(1000).optional(),
  }),
  /** Speech recognition of the show's own audio in the relay (pocketsphinx), for streams without a provider transcript. */
  z.object({ provider: z.literal('local') }),
]);
export type TranscriptSourceSpec = z.infer<typeof TranscriptSourceSpec>;

/**
 * A web origin as browsers send it in the `Origin` header: scheme, host and an optional port, no path.
 * Returns the canonical form (lower-case host, default port dropped), or undefined for anything else.
 */
export function canonicalOrigin(value: string): string | undefined {
  // ASCII hosts only (browsers send IDNs as punycode); no wildcards, user info, path, query or fragment.
  if (!/^https?:\/\/([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.origin === 'null' ? undefined : url.origin;
}

/** Where a show's player may be embedded: `https://brand.example` or `http://localhost:3000`. */
export const AllowedOrigin = z
  .string()
  .max(300)
  .transform((value, ctx) => {
    const origin = canonicalOrigin(value.trim());
    if (origin) return origin;
    ctx.addIssue({ code: 'custom', message: 'an origin like "https://brand.example" (scheme, host and optional port, no path)' });
    return z.NEVER;
  });
export const MAX_ALLOWED_ORIGINS = 50;

/** When a show is scheduled to start: ISO 8601 with a time zone ("2026-12-24T18:00:00Z", "…+01:00"). */
export const ScheduledStart = z
  .string()
  .max(40)
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && Number.isFinite(Date.parse(v)), 'a date and time with its zone, like "2026-12-24T18:00:00Z"');

export const ShowTitle = z.string().trim().min(1).max(200);

export const CreateShowBody = z.object({
  id: ShowId.optional(),
  title: ShowTitle,
  scheduledStartAt: ScheduledStart.optional(),
  streamUrl: SafeUrl.optional(),
  streamEpochMs: EpochMs.optional(),
  /** The show's recording as video on demand, with the live stream's program dates (for an origin the relay does not record). */
  recordingUrl: SafeUrl.optional(),
  catalog: CatalogSpec,
  rundown: z.array(ExternalId).max(MAX_RUNDOWN).default([]),
  transcript: TranscriptSourceSpec.optional(),
  /** When set, the player works only on pages of these origins (and on the relay's own pages). */
  allowedOrigins: z.array(AllowedOrigin).min(1).max(MAX_ALLOWED_ORIGINS).optional(),
});
export type CreateShowBody = z.input<typeof CreateShowBody>;

/** A show as anyone may see it: never the catalog's secrets. */
export const Show = z.object({
  id: ShowId,
  title: z.string(),
  streamUrl: SafeUrl.optional(),
  streamEpochMs: EpochMs.optional(),
  recordingUrl: SafeUrl.optional(),
  status: ShowStatus,
  scheduledStartAt: z.string().optional(),
  /** When the show first went live, and when it ended (epoch ms), from its command log. */
  startedAt: EpochMs.optional(),
  endedAt: EpochMs.optional(),
  rundown: z.array(ExternalId),
  catalog: z.object({ provider: z.enum(['inline', 'shopify', 'file']), productCount: z.number().int(), shopDomain: z.string().optional() }),
  transcript: z.object({ provider: z.enum(['push', 'v100', 'simulated', 'local']) }).optional(),
  allowedOrigins: z.array(z.string()).optional(),
  createdAt: EpochMs,
});
export type Show = z.infer<typeof Show>;

/**
 * Admin or the show's producer → relay: what may change before and during a show. `null` removes the start
 * time, the stream or the origin list.
 */
export const UpdateShowBody = z
  .object({
    title: ShowTitle.optional(),
    scheduledStartAt: ScheduledStart.nullable().optional(),
    rundown: z.array(ExternalId).max(MAX_RUNDOWN).optional(),
    streamUrl: SafeUrl.nullable().optional(),
    allowedOrigins: z.array(AllowedOrigin).max(MAX_ALLOWED_ORIGINS).nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one of title, scheduledStartAt, rundown, streamUrl, allowedOrigins');
export type UpdateShowBody = z.infer<typeof UpdateShowBody>;

export const ShowList = z.object({ shows: z.array(Show) });
export type ShowList = z.infer<typeof ShowList>;

/** Producer → relay: the new rundown, in slot order. */
export const RundownSet = z.object({ productIds: z.array(ExternalId).max(MAX_RUNDOWN) });
export type RundownSet = z.infer<typeof RundownSet>;

export const TokenRole = z.enum(['producer', 'host', 'ingest']);
export type TokenRole = z.infer<typeof TokenRole>;

export const MAX_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 3600;

export const TokenRequest = z.object({
  role: TokenRole,
  name: z.string().trim().min(1).max(64).optional(),
  ttlSeconds: z.number().int().min(1).max(MAX_TOKEN_TTL_SECONDS).optional(),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

export const TokenResponse = z.object({ token: z.string(), role: TokenRole, expiresAt: EpochMs, jti: z.string().optional() });

/** A token handed out for a show, as its invite list shows it: never the token itself. */
export const Invite = z.object({
  jti: z.string(),
  role: TokenRole,
  name: z.string(),
  issuedAt: EpochMs,
  expiresAt: EpochMs,
  revokedAt: EpochMs.optional(),
});
export type Invite = z.infer<typeof Invite>;
export const InviteList = z.object({ invites: z.array(Invite) });
export type InviteList = z.infer<typeof InviteList>;
export type TokenResponse = z.infer<typeof TokenResponse>;

/** Admin → relay: revoke one token, named by its id (`jti`) or given whole. */
export const RevokeTokenBody = z
  .object({ jti: z.string().min(1).max(128).optional(), token: z.string().min(1).max(4096).optional() })
  .refine((b) => (b.jti === undefined) !== (b.token === undefined), 'send either { "jti": "<token id>" } or { "token": "<the token>" }');
export type RevokeTokenBody = z.infer<typeof RevokeTokenBody>;

/** Admin → relay: revoke every earlier token of a show and role and issue a new one (a leaked token). */
export const RotateTokenBody = TokenRequest;
export type RotateTokenBody = TokenRequest;

export const Health = z.object({ ok: z.literal(true), version: z.string() });
export type Health = z.infer<typeof Health>;
