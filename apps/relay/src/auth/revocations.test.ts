import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOKEN_TTL_SECONDS } from '@cuecart/shared';
import { openDatabase, type Db } from '../db/database.js';
import { RevocationList, type Revocation } from './revocations.js';
import { SqliteRevocationStore } from './sqlite-revocation-store.js';
import { ShowAuthority } from '../shows/show-authority.js';
import { SqliteShowStore } from '../shows/sqlite-show-store.js';
import { ShowOrigins } from './show-origins.js';
import { TokenService } from './tokens.js';

const SECRET = 'relay-secret-0123456789abcdefghijklmnop';
const T0 = 1_700_000_000_000;

let dir: string;
let db: Db;
let now: number;
const clock = () => now;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cuecart-revocations-'));
  db = openDatabase(dir);
  now = T0;
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const reopen = () => {
  db.close();
  db = openDatabase(dir);
};

describe('revoking one token', () => {
  it('refuses it with a sentence that says what to do, and leaves the others alone', async () => {
    const tokens = new TokenService(SECRET, clock, new SqliteRevocationStore(db, clock));
    const a = await tokens.issue('demo', 'producer', 'Ana');
    const b = await tokens.issue('demo', 'producer', 'Bo');
    await tokens.revocations!.revoke(a.jti, 'demo');
    expect(await tokens.verify(a.token)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'this token was revoked: ask the show admin for a new one' } });
    expect((await tokens.verify(b.token)).ok).toBe(true);
  });

  it('survives a restart', async () => {
    const tokens = new TokenService(SECRET, clock, new SqliteRevocationStore(db, clock));
    const a = await tokens.issue('demo', 'host', 'Ana');
    await tokens.revocations!.revoke(a.jti, 'demo');
    reopen();
    expect((await new TokenService(SECRET, clock, new SqliteRevocationStore(db, clock)).verify(a.token)).ok).toBe(false);
  });

  it('inspect reads an expired token this relay signed, and nothing else', async () => {
    const tokens = new TokenService(SECRET, clock);
    const a = await tokens.issue('demo', 'producer', 'Ana', 60);
    now += 120_000;
    expect((await tokens.verify(a.token)).ok).toBe(false);
    expect(await tokens.inspect(a.token)).toMatchObject({ claims: { show: 'demo', jti: a.jti }, expiresAt: a.expiresAt });
    const forged = await new TokenService('another-secret-0123456789abcdefghijkl', clock).issue('demo', 'producer', 'Eve');
    expect(await tokens.inspect(forged.token)).toBeUndefined();
    expect(await tokens.inspect('not.a.token')).toBeUndefined();
  });
});

describe('rotating a show and role', () => {
  it('refuses every earlier token of that role, even one from the same second, and accepts later ones', async () => {
    const store = new SqliteRevocationStore(db, clock);
    const tokens = new TokenService(SECRET, clock, store);
    const old = await tokens.issue('demo', 'producer', 'Ana');
    const host = await tokens.issue('demo', 'host', 'Bo');
    const otherShow = await tokens.issue('other', 'producer', 'Cy');
    now += 5; // same second
    await store.rotate('demo', 'producer');
    const fresh = await tokens.issue('demo', 'producer', 'Ana');
    expect(await tokens.verify(old.token)).toMatchObject({ ok: false, error: { message: /revoked/ } });
    expect((await tokens.verify(fresh.token)).ok).toBe(true);
    expect((await tokens.verify(host.token)).ok).toBe(true);
    expect((await tokens.verify(otherShow.token)).ok).toBe(true);
    reopen();
    const after = new TokenService(SECRET, clock, new SqliteRevocationStore(db, clock));
    expect((await after.verify(old.token)).ok).toBe(false);
    expect((await after.verify(fresh.token)).ok).toBe(true);
  });

  it('revokes a jti for the show it was revoked under only, also after a restart', async () => {
    const store = new SqliteRevocationStore(db, clock);
    const claims = (show: string) => ({ show, role: 'producer' as const, jti: 'same-jti', iat: T0 });
    await store.revoke('same-jti', 'show-a');
    expect(store.isRevoked(claims('show-a'))).toBe(true);
    expect(store.isRevoked(claims('show-b'))).toBe(false);
    // The same jti revoked under a second show is stored for that show too, not ignored as a repeat.
    await store.revoke('same-jti', 'show-c');
    reopen();
    const again = new SqliteRevocationStore(db, clock);
    expect(again.isRevoked(claims('show-a'))).toBe(true);
    expect(again.isRevoked(claims('show-b'))).toBe(false);
    expect(again.isRevoked(claims('show-c'))).toBe(true);
  });

  it('tells its listeners', async () => {
    const store = new SqliteRevocationStore(db, clock);
    const heard: Revocation[] = [];
    store.onRevoke((r) => heard.push(r));
    expect(await store.rotate('demo', 'host')).toBe(T0);
    await store.revoke('j1', 'demo');
    expect(heard).toEqual([
      { kind: 'rotation', showId: 'demo', role: 'host', notBefore: T0 },
      { kind: 'token', jti: 'j1', showId: 'demo', expiresAt: T0 + MAX_TOKEN_TTL_SECONDS * 1000 },
    ]);
  });

  it('never moves a rotation back, even when the clock does', async () => {
    const store = new SqliteRevocationStore(db, clock);
    now += 10_000;
    await store.rotate('demo', 'producer');
    now -= 5_000;
    expect(await store.rotate('demo', 'producer')).toBe(T0 + 10_000);
    reopen();
    const again = new SqliteRevocationStore(db, clock);
    expect(again.isRevoked({ show: 'demo', role: 'producer', jti: 'x', iat: T0 + 9_999 })).toBe(true);
    expect(again.isRevoked({ show: 'demo', role: 'producer', jti: 'x', iat: T0 + 10_000 })).toBe(false);
  });
});

describe('RevocationList', () => {
  const claims = (over: Partial<{ show: string; role: 'producer' | 'host' | 'ingest'; jti: string; iat: number }> = {}) => ({ show: 'demo', role: 'producer' as const, jti: 'j', iat: T0, ...over });

  it('tells its listeners once per revocation, however often it hears of it (a relay hearing its own publish, a re-read)', () => {
    const list = new RevocationList();
    const heard: Revocation[] = [];
    list.onRevoke((r) => heard.push(r));
    const token: Revocation = { kind: 'token', jti: 'j', showId: 'demo', expiresAt: T0 + 60_000 };
    expect(list.apply(token)).toBe(true);
    expect(list.apply(token)).toBe(false);
    expect(list.apply({ ...token, expiresAt: T0 + 120_000 })).toBe(false);
    const rotation: Revocation = { kind: 'rotation', showId: 'demo', role: 'host', notBefore: T0 };
    expect(list.apply(rotation)).toBe(true);
    expect(list.apply(rotation)).toBe(false);
    expect(heard).toEqual([token, rotation]);
    expect(list.isRevoked(claims({ jti: 'j' }))).toBe(true);
    expect(list.isRevoked(claims({ jti: 'k' }))).toBe(false);
  });

  it('keeps the latest rotation whatever order they arrive in', () => {
    const list = new RevocationList();
    const heard: Revocation[] = [];
    list.onRevoke((r) => heard.push(r));
    list.apply({ kind: 'rotation', showId: 'demo', role: 'producer', notBefore: T0 + 500 });
    expect(list.apply({ kind: 'rotation', showId: 'demo', role: 'producer', notBefore: T0 + 100 })).toBe(false);
    expect(list.notBeforeOf('demo', 'producer')).toBe(T0 + 500);
    expect(list.isRevoked(claims({ iat: T0 + 499 }))).toBe(true);
    expect(list.isRevoked(claims({ iat: T0 + 500 }))).toBe(false);
    expect(list.isRevoked(claims({ iat: T0, role: 'host' }))).toBe(false);
    expect(list.isRevoked(claims({ iat: T0, show: 'other' }))).toBe(false);
    expect(list.apply({ kind: 'rotation', showId: 'demo', role: 'producer', notBefore: T0 + 900 })).toBe(true);
    expect(heard.map((r) => (r.kind === 'rotation' ? r.notBefore : 0))).toEqual([T0 + 500, T0 + 900]);
  });

  it('keeps a revocation when a listener throws', () => {
    const list = new RevocationList();
    const heard: string[] = [];
    list.onRevoke(() => {
      throw new Error('boom');
    });
    const off = list.onRevoke((r) => heard.push(r.kind));
    list.apply({ kind: 'token', jti: 'a', showId: 'demo', expiresAt: T0 });
    off();
    list.apply({ kind: 'token', jti: 'b', showId: 'demo', expiresAt: T0 });
    expect(heard).toEqual(['token']);
    expect(list.isRevoked(claims({ jti: 'b' }))).toBe(true);
  });
});

describe('ShowOrigins', () => {
  it("keeps a show's origins with the show across a restart and judges requests by them", async () => {
    const products = [{ id: 'p', title: 'P', price: { amount: '1.00', currencyCode: 'USD' }, available: true }];
    const first = new ShowAuthority(new SqliteShowStore(db));
    await first.create({ id: 'demo', title: 'Demo', spec: { provider: 'inline', products }, products, rundown: [], allowedOrigins: ['https://brand.example', 'https://brand.example'] });
    await first.create({ id: 'other', title: 'Other', spec: { provider: 'inline', products }, products, rundown: [] });
    reopen();
    const authority = new ShowAuthority(new SqliteShowStore(db));
    await authority.load();
    const origins = new ShowOrigins(authority);
    expect(origins.get('demo')).toEqual(['https://brand.example']);
    expect(origins.get('other')).toBeUndefined();
    expect(origins.restrictsAny()).toBe(true);
    expect(origins.judge('demo', 'https://evil.example', 'relay:4455').kind).toBe('denied');
    expect(origins.judge('demo', 'https://brand.example', 'relay:4455').kind).not.toBe('denied');
    expect(origins.judge('other', 'https://evil.example', 'relay:4455').kind).toBe('open');
  });
});
