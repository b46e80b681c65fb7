// Per-show, per-role tokens: HS256 JWTs signed with CUECART_SECRET, with an expiry, that can be revoked.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { compactVerify, errors, jwtVerify, SignJWT } from 'jose';
import { apiError, DEFAULT_TOKEN_TTL_SECONDS, TokenRole, type ApiError } from '@cuecart/shared';
import type { RevocationStore } from './revocations.js';

const ISSUER = 'cuecart';
const AUDIENCE = 'cuecart:show';

export interface ShowClaims {
  show: string;
  role: TokenRole;
  name: string;
  jti: string;
  /** When the token was issued, epoch ms: a rotation refuses tokens issued before it. */
  iat: number;
  /** When its rights end, epoch ms: REST checks on every request, sockets are cut off then (sockets/token-expiry.ts). */
  exp: number;
}

export type Verified = { ok: true; claims: ShowClaims } | { ok: false; error: ApiError };

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clock: () => number = Date.now,
    readonly revocations?: RevocationStore,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /**
   * `notBefore`: the token is stamped no earlier than this, e.g. the rotation it replaces, whose instant may
   * come from another relay of the cluster with a clock slightly ahead of this one.
   */
  async issue(show: string, role: TokenRole, name: string, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS, notBefore = 0): Promise<{ token: string; expiresAt: number; jti: string }> {
    const nowMs = Math.max(this.clock(), notBefore);
    const nowSec = Math.floor(nowMs / 1000);
    const exp = nowSec + ttlSeconds;
    const jti = randomBytes(9).toString('base64url');
    // `iat` is whole seconds; `iat_ms` lets a rotation refuse a token issued earlier in the same second.
    const token = await new SignJWT({ show, role, name, iat_ms: nowMs })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(name)
      .setJti(jti)
      .setIssuedAt(nowSec)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: exp * 1000, jti };
  }

  /** Checks signature, expiry, shape and revocation; the caller checks show and role. */
  async verify(token: unknown): Promise<Verified> {
    if (typeof token !== 'string' || token.length === 0) return fail('unauthorized', 'a token is required: ask the show admin for one');
    if (token.length > 4096) return fail('unauthorized', 'the token is too long to be one of ours');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: new Date(this.clock()),
      });
      const claims = claimsOf(payload);
      if (!claims) return fail('unauthorized', 'the token is not a Cuecart show token');
      if (this.revocations?.isRevoked(claims)) return fail('unauthorized', REVOKED_MESSAGE);
      return { ok: true, claims };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return fail('unauthorized', 'the token has expired: ask the show admin for a new one');
      return fail('unauthorized', 'the token is not valid: it was not signed by this relay or was altered');
    }
  }

  /**
   * Reads a token this relay signed, even an expired or revoked one, so that an admin can revoke it
   * by pasting it. Undefined when the signature or the shape is wrong.
   */
  async inspect(token: string): Promise<{ claims: ShowClaims; expiresAt: number } | undefined> {
    try {
      const { payload } = await compactVerify(token, this.key, { algorithms: ['HS256'] });
      const parsed: unknown = JSON.parse(new TextDecoder().decode(payload));
      if (!parsed || typeof parsed !== 'object') return undefined;
      const record = parsed as Record<string, unknown>;
      const claims = record.iss === ISSUER && record.aud === AUDIENCE ? claimsOf(record) : undefined;
      return claims && { claims, expiresAt: typeof record.exp === 'number' ? record.exp * 1000 : this.clock() };
    } catch {
      return undefined;
    }
  }
}

export const REVOKED_MESSAGE = 'this token was revoked: ask the show admin for a new one';

function claimsOf(payload: Record<string, unknown>): ShowClaims | undefined {
  const role = TokenRole.safeParse(payload.role);
  if (typeof payload.show !== 'string' || !role.success || typeof payload.jti !== 'string') return undefined;
  // Tokens from before `iat_ms` count from the start of their second, so a rotation still refuses them.
  const iat = typeof payload.iat_ms === 'number' ? payload.iat_ms : typeof payload.iat === 'number' ? payload.iat * 1000 : 0;
  // Every token this relay signs has an exp (jwtVerify requires it to be in the future); none reads as "now".
  const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  return { show: payload.show, role: role.data, name: typeof payload.name === 'string' ? payload.name : role.data, jti: payload.jti, iat, exp };
}

/** Which roles may act in each place. A role never gains another's powers. */
export function checkRole(claims: ShowClaims, showId: string, allowed: readonly TokenRole[]): ApiError | null {
  if (claims.show !== showId) return apiError('forbidden', `this token is for show "${claims.show}", not "${showId}"`);
  if (!allowed.includes(claims.role)) return apiError('forbidden', `a ${claims.role} token cannot do this: it needs a ${allowed.join(' or ')} token`);
  return null;
}

/** Constant-time comparison for the admin bearer token. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function fail(code: ApiError['code'], message: string): Verified {
  return { ok: false, error: apiError(code, message) };
}
