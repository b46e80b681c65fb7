// Relay configuration from the environment (DESIGN.md "Running it"), parsed once at start.
import { join } from 'node:path';
import { z } from 'zod';
import { describeZodError } from '@cuecart/shared';
import { compileTrustProxy } from '../limits/client-address.js';

const flag = z
  .string()
  .optional()
  .transform((v) => v === '1' || v?.toLowerCase() === 'true');

/** A whole number written in digits only: z.coerce.number would read " " as 0 and "0x1f90" as 8080. */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

const Env = z.object({
  CUECART_PORT: wholeNumber(0, 65535, 'must be a port number from 0 to 65535').default(4455),
  CUECART_HOST: z.string().min(1).default('127.0.0.1'),
  CUECART_DATA_DIR: z.string().min(1).default('./.cuecart'),
  /** File catalogs are read from here only; unset, the data dir's `catalogs/`. */
  CUECART_CATALOG_DIR: z.string().min(1).optional(),
  CUECART_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CUECART_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  CUECART_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  CUECART_REDIS_DURABILITY: z.enum(['check', 'trust']).default('check'),
  CUECART_EVENT_RETENTION_DAYS: wholeNumber(1, 99_999, 'must be a whole number of days, 1 or more').default(90),
  /** Seconds between live price and stock polls of a Shopify show without webhooks. */
  CUECART_SHOPIFY_POLL_SECONDS: wholeNumber(1, 86_400, 'must be a whole number of seconds, 1 or more').default(30),
  /** Express `trust proxy` syntax: which proxies' X-Forwarded-For is believed for per-address limits. */
  CUECART_TRUST_PROXY: z
    .string()
    .default('loopback')
    .refine((v) => {
      try {
        compileTrustProxy(v);
        return true;
      } catch {
        return false;
      }
    }, 'must be "loopback", "uniquelocal", "linklocal" or addresses and CIDRs like "10.0.0.0/8", comma-separated'),
  CUECART_DEMO: flag,
  CUECART_ALLOW_PRIVATE_URLS: flag,
  CUECART_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface RelayConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The only directory `file` catalogs are read from. */
  catalogDir: string;
  secret?: string;
  adminToken?: string;
  redisUrl?: string;
  /** `trust`: start in cluster mode even when Redis will not report its persistence settings. */
  redisDurability: 'check' | 'trust';
  /** Raw beacon rows older than this roll up into daily counts. */
  eventRetentionDays: number;
  demo: boolean;
  /** Proxies whose X-Forwarded-For names the client (Express `trust proxy`). */
  trustProxy: string;
  /** Provider URLs (V100) may be plain http and point at loopback or private addresses: a provider inside your network, or tests. */
  allowPrivateUrls: boolean;
  logLevel: z.infer<typeof Env>['CUECART_LOG_LEVEL'];
  /** Between live price and stock polls of a Shopify show without webhooks. */
  shopifyPollMs: number;
}

export class ConfigError extends Error {}

/** Reads the relay's settings from env; an empty variable counts as unset. */
export function loadConfig(env: NodeJS.ProcessEnv): RelayConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('CUECART_') && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) throw new ConfigError(`bad environment: ${describeZodError(parsed.error)}`);
  const e = parsed.data;
  const config: RelayConfig = { port: e.CUECART_PORT, host: e.CUECART_HOST, dataDir: e.CUECART_DATA_DIR, catalogDir: e.CUECART_CATALOG_DIR ?? join(e.CUECART_DATA_DIR, 'catalogs'), demo: e.CUECART_DEMO, allowPrivateUrls: e.CUECART_ALLOW_PRIVATE_URLS, trustProxy: e.CUECART_TRUST_PROXY, logLevel: e.CUECART_LOG_LEVEL, redisDurability: e.CUECART_REDIS_DURABILITY, eventRetentionDays: e.CUECART_EVENT_RETENTION_DAYS, shopifyPollMs: e.CUECART_SHOPIFY_POLL_SECONDS * 1000 };
  if (e.CUECART_SECRET) config.secret = e.CUECART_SECRET;
  if (e.CUECART_ADMIN_TOKEN) config.adminToken = e.CUECART_ADMIN_TOKEN;
  if (e.CUECART_REDIS_URL) config.redisUrl = e.CUECART_REDIS_URL;
  return config;
}
