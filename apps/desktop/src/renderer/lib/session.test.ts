import { describe, expect, it } from 'vitest';
import { adoptToken, readSession } from './session.js';

const at = (pathname: string, hash = '') => ({ pathname, hash, origin: 'http://127.0.0.1:4455' });

describe('readSession', () => {
  it('reads the console token from the fragment', () => {
    expect(readSession(at('/console', '#token=abc.def'))).toEqual({ ok: true, page: 'console', relay: 'http://127.0.0.1:4455', token: 'abc.def' });
  });
  it('reads the prompter show from the path', () => {
    expect(readSession(at('/prompter/demo', '#token=t'))).toMatchObject({ ok: true, page: 'prompter', showId: 'demo' });
  });
  it('reads the store page, which asks for the admin token', () => {
    expect(readSession(at('/console/store', '#token=admin'))).toMatchObject({ ok: true, page: 'store', token: 'admin' });
    const s = readSession(at('/console/store'));
    expect(!s.ok && s.message).toContain('admin token');
  });
  it('reads the report page and its show, which asks for a producer token', () => {
    expect(readSession(at('/console/report/autumn%20edit', '#token=p'))).toMatchObject({ ok: true, page: 'report', showId: 'autumn edit', token: 'p' });
    const s = readSession(at('/console/report/demo'));
    expect(!s.ok && s.message).toContain('producer token');
  });
  it('says what to do without a token', () => {
    const s = readSession(at('/prompter/demo'));
    expect(s.ok).toBe(false);
    expect(!s.ok && s.message).toContain('host token');
  });
});

describe('adoptToken', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it('moves the token out of the address into the tab, and a reload finds it there', () => {
    const storage = memory();
    const replaced: string[] = [];
    const history = { replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) };
    const first = adoptToken({ ...at('/console', '#token=secret.jwt'), search: '' }, history, storage);
    expect(replaced).toEqual(['/console']);
    expect(readSession(first)).toMatchObject({ ok: true, token: 'secret.jwt' });
    const reload = adoptToken({ ...at('/console', ''), search: '' }, history, storage);
    expect(replaced).toHaveLength(1);
    expect(readSession(reload)).toMatchObject({ ok: true, token: 'secret.jwt' });
    // Another page (the prompter) keeps its own token.
    expect(readSession(adoptToken({ ...at('/prompter/demo', ''), search: '' }, history, storage)).ok).toBe(false);
  });

  it('keeps other fragment parameters and the query, and still works without storage', () => {
    const replaced: string[] = [];
    const history = { replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) };
    const seen = adoptToken({ ...at('/prompter/demo', '#token=t1&mirror=1'), search: '?x=1' }, history, undefined);
    expect(replaced).toEqual(['/prompter/demo?x=1#mirror=1']);
    expect(readSession(seen)).toMatchObject({ ok: true, token: 't1', showId: 'demo' });
  });
});
