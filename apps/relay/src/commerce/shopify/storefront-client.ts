// One shop's Storefront API, on @shopify/storefront-api-client: the API version pinned (the show may choose
// another), the private token on the server with the buyer's IP, the public one otherwise. Every answer is
// classified into what the relay can act on: a refused token, an unknown shop, throttling (retried with
// backoff, honouring Retry-After), an outage, fields the token may not read.
import { createStorefrontApiClient, type StorefrontApiClient } from '@shopify/storefront-api-client';
import { SHOPIFY_API_VERSION, type ShopifyCatalogSpec } from '@cuecart/shared';
import { OPERATIONS, type OperationName } from './operations.js';

export type ShopifySpec = ShopifyCatalogSpec;

export type StorefrontFailureKind = 'unauthorized' | 'unknown_shop' | 'throttled' | 'unavailable' | 'network' | 'invalid';

export interface StorefrontFailure {
  kind: StorefrontFailureKind;
  /** A sentence for the producer or the admin: what is wrong and what to do. */
  message: string;
  /** How long Shopify asked us to wait (429 Retry-After). */
  retryAfterMs?: number | undefined;
}

export type StorefrontResult<T> = { ok: true; data: T; denied: string[] } | { ok: false; failure: StorefrontFailure };

export interface StorefrontOptions {
  fetch: typeof fetch;
  /** Retries of a throttled (or, for queries, unavailable) request before the failure is answered. */
  retries?: number;
  /** The first backoff; it doubles each retry, capped at `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Abandons a request that takes longer than this. */
  timeoutMs?: number;
}

interface GraphQLErrorLike {
  message?: string;
  extensions?: { code?: string };
  path?: (string | number)[];
}

/** Mutations are retried only when Shopify said it did not run them (throttled); queries also on an outage. */
const MUTATIONS = new Set<OperationName>(['cartCreate', 'cartLinesAdd', 'cartLinesUpdate']);

export class StorefrontClient {
  private readonly client: StorefrontApiClient;
  readonly shop: string;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly timeoutMs: number;

  constructor(spec: ShopifySpec, options: StorefrontOptions) {
    this.shop = spec.shopDomain;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 8000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const endpoint = spec.endpoint;
    const fetchImpl = options.fetch;
    this.client = createStorefrontApiClient({
      storeDomain: spec.shopDomain,
      apiVersion: spec.apiVersion ?? SHOPIFY_API_VERSION,
      ...(spec.privateToken ? { privateAccessToken: spec.privateToken } : { publicAccessToken: spec.storefrontToken }),
      clientName: 'cuecart-relay',
      // The show's endpoint (a proxy, or a test's loopback server) replaces Shopify's URL.
      customFetchApi: (url, init) => fetchImpl(endpoint ?? url, init as RequestInit) as never,
      // An API version outside the client's list is still sent: Shopify answers for it or says it is gone.
      logger: () => undefined,
    });
  }

  /** Runs one of Cuecart's operations. `buyerIp` goes with the private token, as Shopify asks. */
  async request<T>(name: OperationName, variables: Record<string, unknown>, buyerIp?: string): Promise<StorefrontResult<T>> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.once<T>(name, variables, buyerIp);
      if (result.ok) return result;
      const retriable = result.failure.kind === 'throttled' || (!MUTATIONS.has(name) && (result.failure.kind === 'unavailable' || result.failure.kind === 'network'));
      if (!retriable || attempt >= this.retries) return result;
      const backoff = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt);
      await this.sleep(Math.min(this.maxBackoffMs, result.failure.retryAfterMs ?? backoff));
    }
  }

  private async once<T>(name: OperationName, variables: Record<string, unknown>, buyerIp: string | undefined): Promise<StorefrontResult<T>> {
    const headers: Record<string, string> = buyerIp ? { 'Shopify-Storefront-Buyer-IP': buyerIp } : {};
    const signal = AbortSignal.timeout(this.timeoutMs);
    let answer: Awaited<ReturnType<StorefrontApiClient['request']>>;
    try {
      answer = await this.client.request(OPERATIONS[name], { variables, headers, signal });
    } catch (error) {
      return this.fail('network', `could not reach Shopify for ${this.shop}: ${(error as Error).message}`);
    }
    const errors = answer.errors;
    if (!errors) return { ok: true, data: answer.data as T, denied: [] };
    const status = errors.networkStatusCode;
    const graphQLErrors = (errors.graphQLErrors ?? []) as GraphQLErrorLike[];
    if (status === 401 || status === 403) {
      return this.fail('unauthorized', `Shopify refused the Storefront token for ${this.shop}: check the token in the shop's admin (Headless channel or app → Storefront API), or make a new one`);
    }
    if (status === 404) return this.fail('unknown_shop', `no Shopify store answers at ${this.shop}: check the shop domain (it ends in .myshopify.com)`);
    if (status === 429) {
      const retryAfter = Number(errors.response?.headers.get('retry-after'));
      return this.fail('throttled', `Shopify is rate limiting ${this.shop}: try again in a moment`, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined);
    }
    if (status !== undefined && status >= 500) return this.fail('unavailable', `Shopify did not answer for ${this.shop} (HTTP ${status}): try again in a moment`);
    if (status === undefined && graphQLErrors.length === 0) return this.fail('network', `could not reach Shopify for ${this.shop}: ${errors.message ?? 'no answer'}`);
    if (graphQLErrors.some((e) => e.extensions?.code === 'THROTTLED')) return this.fail('throttled', `Shopify is throttling queries for ${this.shop}: try again in a moment`);
    // Fields the token may not read (inventory without its scope) come back null with ACCESS_DENIED: the rest stands.
    const denied = graphQLErrors.filter((e) => e.extensions?.code === 'ACCESS_DENIED');
    if (answer.data && denied.length === graphQLErrors.length) {
      return { ok: true, data: answer.data as T, denied: [...new Set(denied.map((e) => String(e.path?.at(-1) ?? 'field')))] };
    }
    const message = graphQLErrors.map((e) => e.message).filter(Boolean).join('; ') || errors.message || 'unknown error';
    return this.fail('invalid', `Shopify refused the request for ${this.shop}: ${message}`);
  }

  private fail(kind: StorefrontFailureKind, message: string, retryAfterMs?: number): StorefrontResult<never> {
    return { ok: false, failure: { kind, message, retryAfterMs } };
  }
}
