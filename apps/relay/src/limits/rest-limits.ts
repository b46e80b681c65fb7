// Express middleware that answers 429 rate_limited with Retry-After once a client's bucket is empty.
import type { Request, RequestHandler, Response } from 'express';
import { apiError } from '@cuecart/shared';
import { sendError } from '../http/respond.js';
import { clientKey } from './client-address.js';
import { retryAfterSeconds, type Limits } from './limits.js';
import { KeyedBuckets, type Clock, type Rate } from './token-bucket.js';

/** Who a request counts against; undefined lets it through (nothing to key it by). */
export type KeyOf = (req: Request, res: Response) => string | undefined;

/** Per IP (Express's `req.ip`, which honours X-Forwarded-For only from the trusted loopback proxy). */
export const byIp: KeyOf = (req) => clientKey(req.ip ?? req.socket.remoteAddress);

export interface RestLimitOptions {
  /** The relay's limits (`ctx.limits`, read from the environment once at start). */
  limits: Limits;
  clock?: Clock;
}

/** `what` names the requests in the answer: "too many track requests from this address: try again in 3 s". */
export function restRateLimit(what: string, rate: Rate, keyOf: KeyOf, options: RestLimitOptions): RequestHandler {
  const { limits } = options;
  if (!limits.enabled) return (_req, _res, next) => next();
  const buckets = new KeyedBuckets(rate, { maxKeys: limits.maxKeys, clock: options.clock });
  return (req, res, next) => {
    const key = keyOf(req, res);
    if (key === undefined) return next();
    const taken = buckets.take(key);
    if (taken.ok) return next();
    const seconds = retryAfterSeconds(taken.retryAfterMs);
    res.set('Retry-After', String(seconds));
    sendError(res, apiError('rate_limited', `too many ${what}: try again in ${seconds} s`));
  };
}

/** The general cap on everything under /api, per IP. Mount it once, after CORS: `app.use('/api', apiRateLimit({ limits }))`. */
export function apiRateLimit(options: RestLimitOptions): RequestHandler {
  return restRateLimit('requests from this address', options.limits.rest.api, byIp, options);
}
