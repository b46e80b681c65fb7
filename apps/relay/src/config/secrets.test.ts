import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureSecrets } from './secrets.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cuecart-secrets-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (file: string) => statSync(file).mode & 0o777;
const kept = (name: string) => readFileSync(join(dir, name), 'utf8').trim();

describe('ensureSecrets', () => {
  it('generates a secret and an admin token, keeps them in the data dir readable by the owner only', () => {
    const secrets = ensureSecrets(dir, {});
    expect(secrets.generated.sort()).toEqual(['adminToken', 'secret']);
    expect(secrets.secret.length).toBeGreaterThanOrEqual(32);
    expect(secrets.adminToken.length).toBeGreaterThanOrEqual(32);
    expect(secrets.secret).not.toBe(secrets.adminToken);
    expect(kept('secret')).toBe(secrets.secret);
    expect(kept('admin-token')).toBe(secrets.adminToken);
    expect(modeOf(join(dir, 'secret'))).toBe(0o600);
    expect(modeOf(join(dir, 'admin-token'))).toBe(0o600);
  });

  it('returns the same values on the next start and reports nothing generated', () => {
    const first = ensureSecrets(dir, {});
    const second = ensureSecrets(dir, {});
    expect(second.secret).toBe(first.secret);
    expect(second.adminToken).toBe(first.adminToken);
    expect(second.generated).toEqual([]);
  });

  it('generates different values for different data dirs', () => {
    const other = mkdtempSync(join(tmpdir(), 'cuecart-secrets-'));
    try {
      const a = ensureSecrets(dir, {});
      const b = ensureSecrets(other, {});
      expect(b.secret).not.toBe(a.secret);
      expect(b.adminToken).not.toBe(a.adminToken);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('creates a data dir that does not exist yet', () => {
    const nested = join(dir, 'a', 'b');
    const secrets = ensureSecrets(nested, {});
    expect(readFileSync(join(nested, 'secret'), 'utf8').trim()).toBe(secrets.secret);
  });

  it('uses values from env and writes nothing for them', () => {
    const fromEnv = { secret: 'e'.repeat(40), adminToken: 'admin-token-from-env' };
    const secrets = ensureSecrets(dir, fromEnv);
    expect(secrets).toEqual({ secret: fromEnv.secret, adminToken: fromEnv.adminToken, generated: [] });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('env values win over values kept from an earlier start', () => {
    const earlier = ensureSecrets(dir, {});
    const secrets = ensureSecrets(dir, { secret: 'e'.repeat(40) });
    expect(secrets.secret).toBe('e'.repeat(40));
    expect(secrets.adminToken).toBe(earlier.adminToken);
    expect(secrets.generated).toEqual([]);
    // The kept secret is left alone, so unsetting the variable brings the old one back.
    expect(kept('secret')).toBe(earlier.secret);
  });

  it('generates only what env does not give', () => {
    const secrets = ensureSecrets(dir, { adminToken: 'admin-token-from-env' });
    expect(secrets.generated).toEqual(['secret']);
    expect(existsSync(join(dir, 'secret'))).toBe(true);
    expect(existsSync(join(dir, 'admin-token'))).toBe(false);
  });

  it('replaces an unusable kept value (too short) and makes the file owner-only', () => {
    writeFileSync(join(dir, 'secret'), 'short\n', { mode: 0o644 });
    const secrets = ensureSecrets(dir, {});
    expect(secrets.generated).toContain('secret');
    expect(secrets.secret).not.toBe('short');
    expect(secrets.secret.length).toBeGreaterThanOrEqual(32);
    expect(kept('secret')).toBe(secrets.secret);
    expect(modeOf(join(dir, 'secret'))).toBe(0o600);
  });

  it('reads a value kept by hand with surrounding whitespace', () => {
    const value = 'k'.repeat(48);
    writeFileSync(join(dir, 'secret'), `  ${value}\n\n`, { mode: 0o600 });
    const secrets = ensureSecrets(dir, {});
    expect(secrets.secret).toBe(value);
    expect(secrets.generated).toEqual(['adminToken']);
  });
});
