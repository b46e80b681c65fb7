import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_TTL_SECONDS } from '@cuecart/shared';
import { checkRole, sameSecret, TokenService, type ShowClaims } from './tokens.js';

const SECRET = 'relay-secret-0123456789abcdefghijklmnop';
const OTHER_SECRET = 'another-relay-secret-0123456789abcdefgh';
const T0 = 1_700_000_000_000;

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const partsOf = (token: string) => token.split('.') as [string, string, string];
const payloadOf = (token: string) => JSON.parse(Buffer.from(partsOf(token)[1], 'base64url').toString('utf8')) as Record<string, unknown>;

/** A token signed with the relay's own key, but built by hand so a test can get one claim wrong. */
function handMade(secret: string, edit: (jwt: SignJWT) => SignJWT, claims: Record<string, unknown> = { show: 'demo', role: 'producer', name: 'Ana' }) {
  const base = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setJti('j1').setIssuedAt(T0 / 1000).setExpirationTime(T0 / 1000 + 3600);
  return edit(base).sign(new TextEncoder().encode(secret));
}

async function expectRejected(service: TokenService, token: unknown, message: RegExp) {
  const result = await service.verify(token);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('unauthorized');
  expect(result.error.message).toMatch(message);
}

describe('TokenService issue and verify', () => {
  it('a token it issued verifies with the same show, role, name and a jti', async () => {
    const service = new TokenService(SECRET, () => T0);
    const { token, expiresAt } = await service.issue('demo', 'producer', 'Ana', 600);
    expect(expiresAt).toBe(T0 + 600_000);
    const result = await service.verify(token);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.claims).toEqual({ show: 'demo', role: 'producer', name: 'Ana', jti: expect.any(String), iat: T0, exp: expiresAt });
    expect(result.claims.jti.length).toBeGreaterThan(0);
  });

  it('each token gets its own jti', async () => {
    const service = new TokenService(SECRET, () => T0);
    const a = await service.verify((await service.issue('demo', 'host', 'Bo')).token);
    const b = await service.verify((await service.issue('demo', 'host', 'Bo')).token);
    if (!a.ok || !b.ok) throw new Error('expected both tokens to verify');
    expect(a.claims.jti).not.toBe(b.claims.jti);
  });

  it('keeps each role', async () => {
    const service = new TokenService(SECRET, () => T0);
    for (const role of ['producer', 'host', 'ingest'] as const) {
      const result = await service.verify((await service.issue('show-1', role, `${role}-bot`)).token);
      expect(result).toMatchObject({ ok: true, claims: { show: 'show-1', role, name: `${role}-bot` } });
    }
  });

  it('a verifying relay with the same secret (another instance) accepts the token', async () => {
    const { token } = await new TokenService(SECRET, () => T0).issue('demo', 'producer', 'Ana');
    expect((await new TokenService(SECRET, () => T0).verify(token)).ok).toBe(true);
  });

  it('defaults to DEFAULT_TOKEN_TTL_SECONDS', async () => {
    const { expiresAt } = await new TokenService(SECRET, () => T0).issue('demo', 'producer', 'Ana');
    expect(expiresAt).toBe(T0 + DEFAULT_TOKEN_TTL_SECONDS * 1000);
  });

  it('is valid until just before expiry and expired from then on', async () => {
    let now = T0;
    const service = new TokenService(SECRET, () => now);
    const { token, expiresAt } = await service.issue('demo', 'producer', 'Ana', 60);
    now = expiresAt - 1000;
    expect((await service.verify(token)).ok).toBe(true);
    now = expiresAt;
    await expectRejected(service, token, /expired/);
    now = expiresAt + 3600_000;
    await expectRejected(service, token, /expired/);
  });
});

describe('TokenService rejects', () => {
  const service = new TokenService(SECRET, () => T0);

  it('a token signed with another secret', async () => {
    const { token } = await new TokenService(OTHER_SECRET, () => T0).issue('demo', 'producer', 'Ana');
    await expectRejected(service, token, /not valid/);
  });

  it('a token whose payload was altered (role raised, show changed)', async () => {
    const { token } = await service.issue('demo', 'host', 'Bo');
    const [header, , signature] = partsOf(token);
    const raised = `${header}.${b64url({ ...payloadOf(token), role: 'producer' })}.${signature}`;
    await expectRejected(service, raised, /not valid/);
    const moved = `${header}.${b64url({ ...payloadOf(token), show: 'other' })}.${signature}`;
    await expectRejected(service, moved, /not valid/);
  });

  it('a token whose signature was cut off or altered', async () => {
    const { token } = await service.issue('demo', 'producer', 'Ana');
    const [header, payload, signature] = partsOf(token);
    await expectRejected(service, `${header}.${payload}.`, /not valid/);
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    await expectRejected(service, `${header}.${payload}.${flipped}`, /not valid/);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { token: 'x' }],
    ['an empty string', ''],
  ])('%s as the token, asking for one', async (_label, token) => {
    await expectRejected(service, token, /required/);
  });

  it('garbage strings', async () => {
    await expectRejected(service, 'not-a-jwt', /not valid/);
    await expectRejected(service, 'a.b.c', /not valid/);
  });

  it('a huge token without trying to verify it', async () => {
    const { token } = await service.issue('demo', 'producer', 'x'.repeat(5000));
    expect(token.length).toBeGreaterThan(4096);
    await expectRejected(service, token, /too long/);
    await expectRejected(service, 'x'.repeat(1_000_000), /too long/);
  });

  it('an unsigned token (alg: none) carrying valid claims', async () => {
    const { token } = await service.issue('demo', 'producer', 'Ana');
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${partsOf(token)[1]}.`;
    await expectRejected(service, unsigned, /not valid/);
  });

  it('a token signed with the same secret but another algorithm (HS512)', async () => {
    const token = await new SignJWT({ show: 'demo', role: 'producer', name: 'Ana' })
      .setProtectedHeader({ alg: 'HS512' })
      .setIssuer('cuecart')
      .setAudience('cuecart:show')
      .setJti('j1')
      .setExpirationTime(T0 / 1000 + 3600)
      .sign(new TextEncoder().encode(SECRET));
    await expectRejected(service, token, /not valid/);
  });

  it('a valid JWT from the same secret with the wrong audience', async () => {
    const token = await handMade(SECRET, (jwt) => jwt.setIssuer('cuecart').setAudience('someone-else'));
    await expectRejected(service, token, /not valid/);
  });

  it('a valid JWT from the same secret with the wrong issuer', async () => {
    const token = await handMade(SECRET, (jwt) => jwt.setIssuer('not-cuecart').setAudience('cuecart:show'));
    await expectRejected(service, token, /not valid/);
  });

  it('a valid JWT from the same secret without issuer and audience', async () => {
    const token = await handMade(SECRET, (jwt) => jwt);
    await expectRejected(service, token, /not valid/);
  });

  it('a correctly signed Cuecart JWT whose role is not a show role (admin)', async () => {
    const token = await handMade(SECRET, (jwt) => jwt.setIssuer('cuecart').setAudience('cuecart:show'), { show: 'demo', role: 'admin', name: 'Eve' });
    await expectRejected(service, token, /not a Cuecart show token/);
  });

  it('a correctly signed Cuecart JWT without a show', async () => {
    const token = await handMade(SECRET, (jwt) => jwt.setIssuer('cuecart').setAudience('cuecart:show'), { role: 'producer', name: 'Eve' });
    await expectRejected(service, token, /not a Cuecart show token/);
  });

  it('the hand-made control token (right issuer and audience) is accepted, so the rejections above are about the claim', async () => {
    const token = await handMade(SECRET, (jwt) => jwt.setIssuer('cuecart').setAudience('cuecart:show'));
    expect(await service.verify(token)).toEqual({ ok: true, claims: { show: 'demo', role: 'producer', name: 'Ana', jti: 'j1', iat: T0, exp: T0 + 3600_000 } });
  });
});

describe('checkRole', () => {
  const claims: ShowClaims = { show: 'demo', role: 'host', name: 'Bo', jti: 'j', iat: T0, exp: T0 + 60_000 };

  it('allows the right show and an allowed role', () => {
    expect(checkRole(claims, 'demo', ['host', 'producer'])).toBeNull();
  });

  it('forbids a token for another show, naming both shows', () => {
    const error = checkRole(claims, 'other', ['host']);
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toContain('"demo"');
    expect(error?.message).toContain('"other"');
  });

  it('forbids a role that is not allowed: a host cannot act as producer, a producer cannot post as ingest only', () => {
    const error = checkRole(claims, 'demo', ['producer']);
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toMatch(/host/);
    expect(error?.message).toMatch(/producer/);
    expect(checkRole({ ...claims, role: 'ingest' }, 'demo', ['producer'])?.code).toBe('forbidden');
    expect(checkRole({ ...claims, role: 'producer' }, 'demo', ['ingest', 'producer'])).toBeNull();
  });

  it('forbids everything when no role is allowed', () => {
    expect(checkRole({ ...claims, role: 'producer' }, 'demo', [])?.code).toBe('forbidden');
  });
});

describe('sameSecret', () => {
  it('is true only for the identical string', () => {
    const admin = 'admin-token-0123456789';
    expect(sameSecret(admin, admin)).toBe(true);
    expect(sameSecret(admin.slice(0, -1) + 'X', admin)).toBe(false);
    expect(sameSecret(admin.slice(0, -1), admin)).toBe(false);
    expect(sameSecret(admin + '0', admin)).toBe(false);
    expect(sameSecret('', admin)).toBe(false);
    expect(sameSecret(admin.toUpperCase(), admin)).toBe(false);
  });

  it('compares characters, not just byte counts (multi-byte text)', () => {
    expect(sameSecret('héllo-wörld', 'héllo-wörld')).toBe(true);
    expect(sameSecret('héllo-wörld', 'hello-world')).toBe(false);
  });
});
