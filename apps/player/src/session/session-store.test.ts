import { describe, expect, it } from 'vitest';
import { analyticsSessionId, viewerSessionId } from './session-store.js';

describe('the id beacons are counted under', () => {
  it('is the tab\'s session with consent, and an anonymous id kept in memory without', () => {
    expect(analyticsSessionId(true)).toBe(viewerSessionId());
    const anonymous = analyticsSessionId(false);
    expect(anonymous).toMatch(/^a-[A-Za-z0-9-]+$/);
    expect(anonymous).not.toBe(viewerSessionId());
    expect(analyticsSessionId(false)).toBe(anonymous);
    // Never written where a later page could read it.
    const stored = typeof sessionStorage === 'undefined' ? [] : Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k));
    expect(stored).not.toContain(anonymous);
  });
});
