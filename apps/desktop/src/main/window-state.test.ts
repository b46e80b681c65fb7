import { describe, expect, it } from 'vitest';
import { memoryFs, join } from './fake-fs.test-support.js';
import { clampToDisplays, createWindowStateStore } from './window-state.js';

const primary = { workArea: { x: 0, y: 25, width: 1920, height: 1055 } };
const right = { workArea: { x: 1920, y: 0, width: 2560, height: 1440 } };
const MIN = { minWidth: 1280, minHeight: 720 };
const FILE = '/data/window-state.json';

describe('window state file', () => {
  it('starts empty without a file', () => {
    expect(createWindowStateStore(memoryFs(), '/data', join).get('console')).toBeUndefined();
  });

  it('falls back to defaults on bad JSON or a bad shape', () => {
    for (const text of ['{not json', '[]', '{"version":2,"windows":{}}', '{"version":1,"windows":{"console":{"bounds":{"x":"a"}}}}', '{"version":1,"windows":{"console":{"bounds":{"x":0,"y":0,"width":-5,"height":10}}}}']) {
      const store = createWindowStateStore(memoryFs({ [FILE]: text }), '/data', join);
      expect(store.get('console'), text).toBeUndefined();
    }
  });

  it('keeps each window kind apart and survives a restart', () => {
    const fs = memoryFs();
    const store = createWindowStateStore(fs, '/data', join);
    store.set('console', { bounds: { x: 1, y: 2, width: 1600, height: 900 }, maximized: true, fullscreen: false });
    store.set('prompter', { bounds: { x: 1920, y: 0, width: 1280, height: 720.4 }, maximized: false, fullscreen: true });
    const again = createWindowStateStore(fs, '/data', join);
    expect(again.get('console')).toEqual({ bounds: { x: 1, y: 2, width: 1600, height: 900 }, maximized: true, fullscreen: false });
    expect(again.get('prompter')?.bounds.height).toBe(720);
    expect(again.get('prompter')?.fullscreen).toBe(true);
    expect(Object.keys(fs.files)).toEqual([FILE]);
  });

  it('keeps working when the folder is read-only', () => {
    const fs = { ...memoryFs(), writeFileSync: () => { throw new Error('EROFS'); } };
    const store = createWindowStateStore(fs, '/data', join);
    expect(() => store.set('console', { bounds: { x: 0, y: 0, width: 1600, height: 900 }, maximized: false, fullscreen: false })).not.toThrow();
  });
});

describe('clampToDisplays', () => {
  it('keeps bounds that are fully visible', () => {
    const bounds = { x: 100, y: 100, width: 1600, height: 900 };
    expect(clampToDisplays(bounds, [primary, right], primary, MIN)).toEqual(bounds);
  });

  it('centres a window left on an unplugged display on the primary one', () => {
    const bounds = { x: 5000, y: 3000, width: 1600, height: 900 };
    expect(clampToDisplays(bounds, [primary], primary, MIN)).toEqual({ x: 160, y: 25 + Math.round((1055 - 900) / 2), width: 1600, height: 900 });
  });

  it('pulls a half-off-screen window fully onto the display it mostly covers', () => {
    expect(clampToDisplays({ x: 4000, y: -200, width: 1600, height: 900 }, [primary, right], primary, MIN)).toEqual({ x: 2880, y: 0, width: 1600, height: 900 });
    expect(clampToDisplays({ x: -300, y: 500, width: 1600, height: 900 }, [primary, right], primary, MIN)).toEqual({ x: 0, y: 25 + 1055 - 900, width: 1600, height: 900 });
  });

  it('shrinks a window larger than the display and grows one below the minimum', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 3000, height: 2000 }, [primary], primary, MIN)).toEqual({ x: 0, y: 25, width: 1920, height: 1055 });
    expect(clampToDisplays({ x: 10, y: 30, width: 200, height: 100 }, [primary], primary, MIN)).toEqual({ x: 10, y: 30, width: 1280, height: 720 });
  });
});
