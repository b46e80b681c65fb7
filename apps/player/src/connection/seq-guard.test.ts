import { describe, expect, it } from 'vitest';
import { createSeqGuard } from './seq-guard.js';

describe('createSeqGuard', () => {
  it('renders the first state and every newer one', () => {
    const g = createSeqGuard();
    expect(g.check({ seq: 0 })).toBe('render');
    expect(g.check({ seq: 1 })).toBe('render');
    expect(g.lastSeq).toBe(1);
  });
  it('never goes back to an older state, e.g. a late message after a reconnect snapshot', () => {
    const g = createSeqGuard();
    g.check({ seq: 7 });
    expect(g.check({ seq: 6 })).toBe('stale');
    expect(g.check({ seq: 0 })).toBe('stale');
    expect(g.lastSeq).toBe(7);
  });
  it('skips the same seq again (the snapshot pushed on reconnect)', () => {
    const g = createSeqGuard();
    g.check({ seq: 3 });
    expect(g.check({ seq: 3 })).toBe('repeat');
  });
  it('accepts a jump, noting the gap', () => {
    const g = createSeqGuard();
    g.check({ seq: 3 });
    expect(g.check({ seq: 9 })).toBe('render');
    expect(g.sawGap).toBe(true);
    g.check({ seq: 10 });
    expect(g.sawGap).toBe(false);
  });
  it('refuses a malformed seq', () => {
    expect(createSeqGuard().check({ seq: Number.NaN })).toBe('stale');
  });
});

describe('createSeqGuard after a reconnect', () => {
  it('renders the first state of a new connection whatever its seq, then guards again', () => {
    const g = createSeqGuard();
    g.check({ seq: 40 });
    g.resync();
    expect(g.check({ seq: 2 })).toBe('render');
    expect(g.lastSeq).toBe(2);
    expect(g.check({ seq: 1 })).toBe('stale');
  });
  it('a repeat of the same seq ends the resync too', () => {
    const g = createSeqGuard();
    g.check({ seq: 4 });
    g.resync();
    expect(g.check({ seq: 4 })).toBe('repeat');
    expect(g.check({ seq: 3 })).toBe('stale');
  });
});
