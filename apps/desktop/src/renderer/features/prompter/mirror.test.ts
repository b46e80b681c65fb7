import { describe, expect, it } from 'vitest';
import { isMirrorKey, loadMirror, MIRROR_KEY, saveMirror } from './mirror.js';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('mirror mode', () => {
  it('is off until turned on, and remembered', () => {
    const storage = memoryStorage();
    expect(loadMirror(storage)).toBe(false);
    saveMirror(storage, true);
    expect(storage.data.get(MIRROR_KEY)).toBe('1');
    expect(loadMirror(storage)).toBe(true);
    saveMirror(storage, false);
    expect(loadMirror(storage)).toBe(false);
  });

  it('survives storage that is missing or throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadMirror(undefined)).toBe(false);
    expect(loadMirror(broken)).toBe(false);
    expect(() => saveMirror(broken, true)).not.toThrow();
    expect(() => saveMirror(undefined, true)).not.toThrow();
  });

  it('toggles on a plain M press only', () => {
    expect(isMirrorKey({ key: 'm' })).toBe(true);
    expect(isMirrorKey({ key: 'M' })).toBe(true);
    expect(isMirrorKey({ key: 'm', repeat: true })).toBe(false);
    expect(isMirrorKey({ key: 'm', ctrlKey: true })).toBe(false);
    expect(isMirrorKey({ key: 'm', metaKey: true })).toBe(false);
    expect(isMirrorKey({ key: 'm', altKey: true })).toBe(false);
    expect(isMirrorKey({ key: 'n' })).toBe(false);
    expect(isMirrorKey({ key: 'm', target: { tagName: 'INPUT' } })).toBe(false);
    expect(isMirrorKey({ key: 'm', target: { tagName: 'DIV', isContentEditable: true } })).toBe(false);
    expect(isMirrorKey({ key: 'm', target: { tagName: 'BUTTON' } })).toBe(true);
  });
});
