import { describe, expect, it } from 'vitest';
import { readSession } from './session.js';

const at = (pathname: string, hash = '') => ({ pathname, hash, origin: 'http://127.0.0.1:4455' });

describe('readSession', () => {
  it('reads the console token from the fragment', () => {
    expect(readSession(at('/console', '#token=abc.def'))).toEqual({ ok: true, page: 'console', relay: 'http://127.0.0.1:4455', token: 'abc.def' });
  });
  it('reads the prompter show from the path', () => {
    expect(readSession(at('/prompter/demo', '#token=t'))).toMatchObject({ ok: true, page: 'prompter', showId: 'demo' });
  });
  it('says what to do without a token', () => {
    const s = readSession(at('/prompter/demo'));
    expect(s.ok).toBe(false);
    expect(!s.ok && s.message).toContain('host token');
  });
});
