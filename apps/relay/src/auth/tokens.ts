// Per-show, per-role tokens: HS256 JWTs signed with CUECART_SECRET, with an expiry.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { apiError, DEFAULT_TOKEN_TTL_SECONDS, TokenRole, type ApiError } from '@cuecart/shared';

const ISSUER = 'cuecart';
const AUDIENCE = 'cuecart:show';

export interface ShowClaims {
  show: string;
  role: TokenRole;
  name: string;
  jti: string;
}

export type Verified = { ok: true; claims: ShowClaims } | { ok: false; error: ApiError };

export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly clock: () => number = Date.now) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(show: string, role: TokenRole, name: string, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS): Promise<{ token: string; expiresAt: number }> {
    const nowSec = Math.floor(this.clock() / 1000);
    const exp = nowSec + ttlSeconds;
    const token = await new SignJWT({ show, role, name })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(name)
      .setJti(randomBytes(9).toString('base64url'))
      .setIssuedAt(nowSec)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: exp * 1000 };
  }

  /** Checks signature, expiry and shape; the caller checks show and role. */
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
      const role = TokenRole.safeParse(payload.role);
      if (typeof payload.show !== 'string' || !role.success || typeof payload.jti !== 'string') return fail('unauthorized', 'the token is not a Cuecart show token');
      return { ok: true, claims: { show: payload.show, role: role.data, name: typeof payload.name === 'string' ? payload.name : role.data, jti: payload.jti } };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return fail('unauthorized', 'the token has expired: ask the show admin for a new one');
      return fail('unauthorized', 'the token is not valid: it was not signed by this relay or was altered');
    }
  }
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
