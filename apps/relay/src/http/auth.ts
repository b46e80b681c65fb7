// REST authentication: the admin bearer token, and per-show role tokens.
import type { NextFunction, Request, Response } from 'express';
import type { TokenRole } from '@cuecart/shared';
import { checkRole, sameSecret, type ShowClaims, type TokenService } from '../auth/tokens.js';
import { send, sendError } from './respond.js';

export function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

export function requireAdmin(adminToken: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = bearer(req);
    if (!token) return send(res, 'unauthorized', 'this needs the admin token: send "Authorization: Bearer <CUECART_ADMIN_TOKEN>"');
    if (!sameSecret(token, adminToken)) return send(res, 'unauthorized', 'the admin token is not valid');
    next();
  };
}

/** Requires a token for the show named by `:id` with one of the roles; puts its claims on res.locals. */
export function requireShowRole(tokens: TokenService, roles: readonly TokenRole[]) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearer(req);
    if (!token) return send(res, 'unauthorized', `this needs a ${roles.join(' or ')} token: send "Authorization: Bearer <token>"`);
    const verified = await tokens.verify(token);
    if (!verified.ok) return sendError(res, verified.error);
    const denied = checkRole(verified.claims, String(req.params.id), roles);
    if (denied) return sendError(res, denied);
    res.locals.claims = verified.claims satisfies ShowClaims;
    next();
  };
}

/**
 * The admin token, or a token of the show named by `:id` with one of the roles. Sets `res.locals.admin`, or
 * `res.locals.claims` for a show token.
 */
export function requireAdminOrShowRole(adminToken: string, tokens: TokenService, roles: readonly TokenRole[]) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearer(req);
    if (!token) return send(res, 'unauthorized', `this needs the admin token or a ${roles.join(' or ')} token of the show: send "Authorization: Bearer <token>"`);
    if (sameSecret(token, adminToken)) {
      res.locals.admin = true;
      return next();
    }
    const verified = await tokens.verify(token);
    if (!verified.ok) return sendError(res, verified.error);
    const denied = checkRole(verified.claims, String(req.params.id), roles);
    if (denied) return sendError(res, denied);
    res.locals.claims = verified.claims satisfies ShowClaims;
    next();
  };
}
