import { describe, expect, it } from 'vitest';
import { connectPageWarning, createConnectionStore, tokenStorageNotice, readFlag, resolveConnection, showIdFromToken, type TokenCipher } from './config.js';
import { memoryFs, join } from './fake-fs.test-support.js';

const saved = { relay: 'http://10.0.0.5:4455', token: 'saved-token' };

describe('resolveConnection', () => {
  it('takes --relay and --token from the command line first', () => {
    const argv = ['/usr/bin/electron', '/app', '--relay=https://relay.example.com/', '--token', 'abc.def.ghi'];
    expect(resolveConnection(argv, { CUECART_RELAY: 'http://other:1', CUECART_TOKEN: 'env' }, saved)).toEqual({
      ok: true,
      source: 'args',
      connection: { relay: 'https://relay.example.com', token: 'abc.def.ghi' },
    });
  });

  it('reads CUECART_RELAY and CUECART_TOKEN, and a token from the environment with a relay from the command line', () => {
    expect(resolveConnection([], { CUECART_RELAY: 'http://127.0.0.1:4455', CUECART_TOKEN: 't' }, null)).toMatchObject({ ok: true, source: 'env', connection: { relay: 'http://127.0.0.1:4455', token: 't' } });
    expect(resolveConnection(['--relay=http://127.0.0.1:4455'], { CUECART_TOKEN: 't' }, null)).toMatchObject({ ok: true, source: 'args' });
  });

  it('falls back to the last connection, and reuses its token only for the same relay', () => {
    expect(resolveConnection([], {}, saved)).toEqual({ ok: true, source: 'saved', connection: saved });
    expect(resolveConnection(['--relay=http://10.0.0.5:4455'], {}, saved)).toMatchObject({ ok: true, connection: saved });
    expect(resolveConnection(['--relay=http://10.0.0.6:4455'], {}, saved)).toEqual({ ok: false, problem: expect.stringMatching(/token/), relay: 'http://10.0.0.6:4455' });
  });

  it('asks (connect page) when nothing is known', () => {
    expect(resolveConnection(['/app'], { CUECART_RELAY: '' }, null)).toEqual({ ok: false });
  });

  it('explains a bad relay address instead of loading it', () => {
    for (const relay of ['file:///etc', 'javascript:alert(1)', 'https://relay.example.com/console', 'http://u:p@relay']) {
      const result = resolveConnection([`--relay=${relay}`, '--token=t'], {}, null);
      expect(result.ok, relay).toBe(false);
    }
  });

  it('refuses a token with spaces', () => {
    expect(resolveConnection(['--relay=http://r:1', '--token=a b'], {}, null).ok).toBe(false);
  });
});

describe('readFlag', () => {
  it('reads both spellings and ignores a following flag', () => {
    expect(readFlag(['--relay=x'], 'relay')).toBe('x');
    expect(readFlag(['--relay', 'x'], 'relay')).toBe('x');
    expect(readFlag(['--relay', '--token=y'], 'relay')).toBeUndefined();
    expect(readFlag(['--relayx=1'], 'relay')).toBeUndefined();
  });
});

const cipher = (available: boolean): TokenCipher => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from(`enc:${text}`),
  decryptString: (buffer) => {
    const text = buffer.toString();
    if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
    return text.slice(4);
  },
});

describe('connection store', () => {
  it('keeps the token encrypted when the OS offers it', () => {
    const fs = memoryFs();
    createConnectionStore(fs, '/data', join, cipher(true)).save(saved);
    expect(fs.files['/data/connection.json']).not.toContain('saved-token');
    expect(createConnectionStore(fs, '/data', join, cipher(true)).load()).toEqual(saved);
  });

  it('falls back to plain text where there is no keychain', () => {
    const fs = memoryFs();
    createConnectionStore(fs, '/data', join, cipher(false)).save(saved);
    expect(createConnectionStore(fs, '/data', join, cipher(false)).load()).toEqual(saved);
  });

  it('says when the token could only be kept unencrypted, and where, instead of doing it silently', () => {
    const fs = memoryFs();
    expect(createConnectionStore(fs, '/data', join, cipher(true)).save(saved)).toBe('encrypted');
    const store = createConnectionStore(fs, '/data', join, cipher(false));
    const outcome = store.save(saved);
    expect(outcome).toBe('unencrypted');
    const notice = tokenStorageNotice(outcome, store.file, 'linux');
    expect(notice).toMatchObject({ type: 'warning', message: expect.stringContaining('without encryption') });
    expect(notice!.detail).toContain('/data/connection.json');
    expect(notice!.detail).toMatch(/GNOME Keyring or KWallet/);
    expect(tokenStorageNotice('encrypted', store.file, 'linux')).toBeNull();
  });

  it('warns on the connect page, before a token is pasted, when it could only be kept unencrypted', () => {
    const warning = connectPageWarning(cipher(false), '/data/connection.json', 'linux');
    expect(warning).toMatch(/saved on this computer without encryption/);
    expect(warning).toContain('/data/connection.json');
    expect(connectPageWarning(cipher(true), '/data/connection.json', 'linux')).toBeNull();
  });

  it('forgets a corrupt file or a token it cannot decrypt', () => {
    expect(createConnectionStore(memoryFs({ '/data/connection.json': '{' }), '/data', join, cipher(true)).load()).toBeNull();
    const foreign = JSON.stringify({ version: 1, relay: saved.relay, token: { encrypted: Buffer.from('other').toString('base64') } });
    expect(createConnectionStore(memoryFs({ '/data/connection.json': foreign }), '/data', join, cipher(true)).load()).toBeNull();
    const badRelay = JSON.stringify({ version: 1, relay: 'file:///x', token: { plain: 't' } });
    expect(createConnectionStore(memoryFs({ '/data/connection.json': badRelay }), '/data', join, cipher(true)).load()).toBeNull();
  });
});

describe('showIdFromToken', () => {
  const jwt = (claims: unknown) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('reads the show claim', () => {
    expect(showIdFromToken(jwt({ show: 'demo', role: 'producer' }))).toBe('demo');
  });

  it('gives null for anything else', () => {
    for (const token of ['opaque', 'a.!!!.c', jwt({ role: 'producer' }), jwt({ show: '../x' }), jwt('str')]) expect(showIdFromToken(token), token).toBeNull();
  });
});
