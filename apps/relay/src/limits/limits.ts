// How fast each client may go: the one table of rate limits, and the env switch that turns them off.
import { z } from 'zod';
import type { Rate } from './token-bucket.js';

/** Socket event classes with a bucket of their own, per socket. Any other event shares `other`. */
export type SocketEventClass = 'track' | 'command' | 'cue' | 'suggestion:dismiss' | 'rundown:set' | 'overlay:get' | 'link:ping' | 'other';

export interface Limits {
  enabled: boolean;
  socket: {
    events: Record<SocketEventClass, Rate>;
    /** A socket refused more often than this (a bucket of refusals) is disconnected. */
    flood: Rate;
  };
  rest: {
    /** Everything under /api, per IP. */
    api: Rate;
    /** POST /api/track, per IP. */
    track: Rate;
    /** Carts, lines, checkout and orders, per IP. */
    cart: Rate;
    /** Transcript ingest, per show and token name: speech-to-text can legitimately post fast. */
    transcript: Rate;
  };
  beacons: {
    /** Beacon events per address, counted per event, shared by every socket and POST of that address. */
    perAddress: Rate;
  };
  viewers: {
    /** Open /viewer sockets per address: a whole office or school behind one NAT still gets in. */
    socketsPerAddress: number;
  };
  /** Most keys (IPs, tokens) any one REST limiter remembers. */
  maxKeys: number;
}

export const LIMITS: Limits = {
  enabled: true,
  socket: {
    events: {
      // A producer mashing hotkeys must still get through: 20/s with room for a burst of 40.
      track: { perSecond: 20, burst: 40 },
      command: { perSecond: 20, burst: 40 },
      cue: { perSecond: 10, burst: 20 },
      'suggestion:dismiss': { perSecond: 10, burst: 20 },
      'rundown:set': { perSecond: 10, burst: 20 },
      'overlay:get': { perSecond: 10, burst: 20 },
      // The console's heartbeat goes every 200 ms: twice that, so a tab catching up after a stall is not refused.
      'link:ping': { perSecond: 10, burst: 20 },
      other: { perSecond: 10, burst: 20 },
    },
    // More than 500 refusals in about 10 s.
    flood: { perSecond: 50, burst: 500 },
  },
  rest: {
    api: { perSecond: 10, burst: 600 }, // 600 a minute
    track: { perSecond: 6, burst: 60 }, // 60 per 10 s
    cart: { perSecond: 6, burst: 60 },
    transcript: { perSecond: 50, burst: 100 },
  },
  // A viewer sends about one event a second at most (impressions, clicks, a heartbeat every 10 s): 50/s with a
  // burst of 500 carries some 200 viewers behind one address, and caps a flooder at 50 rows a second.
  beacons: { perAddress: { perSecond: 50, burst: 500 } },
  viewers: { socketsPerAddress: 200 },
  maxKeys: 50_000,
};

const RateLimitsEnv = z.enum(['on', 'off']).default('on');

/** `CUECART_RATE_LIMITS=off` turns every limit off (benchmarks such as the fan-out harness); unset or `on` keeps them. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env, base: Limits = LIMITS): Limits {
  const raw = env.CUECART_RATE_LIMITS?.trim().toLowerCase();
  const parsed = RateLimitsEnv.safeParse(raw === '' ? undefined : raw);
  if (!parsed.success) throw new Error(`bad environment: CUECART_RATE_LIMITS must be "on" or "off", not "${env.CUECART_RATE_LIMITS}"`);
  return parsed.data === 'off' ? { ...base, enabled: false } : base;
}

/** "try again in N s", rounded up to whole seconds as Retry-After is. */
export function retryAfterSeconds(ms: number): number {
  return Number.isFinite(ms) ? Math.max(1, Math.ceil(ms / 1000)) : 60;
}
