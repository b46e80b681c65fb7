import { describe, expect, it, vi } from 'vitest';
import type { GlobalAction } from '../shared-ipc/bridge.js';
import { acceleratorProblem, normalizeAccelerator } from './accelerator.js';
import { memoryFs, join } from './fake-fs.test-support.js';
import { applyGlobalShortcuts, createShortcutManager, GlobalBindingsSchema } from './shortcuts.js';

/** A globalShortcut that knows which accelerators another app already holds. */
function fakeGlobalShortcut(takenByOthers: string[] = []) {
  const registered = new Map<string, () => void>();
  return {
    registered,
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (takenByOthers.includes(accelerator) || registered.has(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    }),
    unregister: vi.fn((accelerator: string) => {
      registered.delete(accelerator);
    }),
    press(accelerator: string) {
      registered.get(accelerator)?.();
    },
  };
}

describe('applyGlobalShortcuts', () => {
  it('registers each binding and fires its action', () => {
    const gs = fakeGlobalShortcut();
    const fired: GlobalAction[] = [];
    const result = applyGlobalShortcuts(gs, {}, { take: 'CommandOrControl+Shift+T', clear: 'CommandOrControl+Shift+X' }, (a) => fired.push(a));
    expect(result).toEqual({ active: { take: 'CommandOrControl+Shift+T', clear: 'CommandOrControl+Shift+X' }, failed: [] });
    gs.press('CommandOrControl+Shift+X');
    gs.press('CommandOrControl+Shift+T');
    expect(fired).toEqual(['clear', 'take']);
  });

  it('unregisters the previous bindings before registering the new ones', () => {
    const gs = fakeGlobalShortcut();
    const first = applyGlobalShortcuts(gs, {}, { take: 'Alt+T', clear: 'Alt+C' }, () => undefined);
    const second = applyGlobalShortcuts(gs, first.active, { take: 'Alt+C' }, () => undefined);
    expect(gs.unregister).toHaveBeenCalledWith('Alt+T');
    expect(gs.unregister).toHaveBeenCalledWith('Alt+C');
    expect([...gs.registered.keys()]).toEqual(['Alt+C']);
    expect(second).toEqual({ active: { take: 'Alt+C' }, failed: [] });
  });

  it('reports the ones another app holds and keeps the rest', () => {
    const gs = fakeGlobalShortcut(['CommandOrControl+Shift+T']);
    const result = applyGlobalShortcuts(gs, {}, { take: 'CommandOrControl+Shift+T', clear: 'F9' }, () => undefined);
    expect(result).toEqual({ active: { clear: 'F9' }, failed: ['take'] });
  });

  it('reports a binding Electron throws on as failed instead of crashing', () => {
    const gs = { register: vi.fn(() => { throw new Error('bad accelerator'); }), unregister: vi.fn() };
    expect(applyGlobalShortcuts(gs, {}, { take: 'Alt+T' }, () => undefined).failed).toEqual(['take']);
  });

  it('never unregisters keys it did not register', () => {
    const gs = fakeGlobalShortcut(['Alt+T']);
    const first = applyGlobalShortcuts(gs, {}, { take: 'Alt+T' }, () => undefined);
    applyGlobalShortcuts(gs, first.active, {}, () => undefined);
    expect(gs.unregister).not.toHaveBeenCalled();
  });
});

describe('shortcut manager', () => {
  it('binds what was saved at launch and saves what the producer sets', () => {
    const fs = memoryFs();
    const gs = fakeGlobalShortcut();
    const fire = vi.fn();
    const manager = createShortcutManager({ globalShortcut: gs, fire, fs, dir: '/data', join });
    expect(manager.set({ take: 'Alt+Shift+T' })).toEqual({ ok: true, active: { take: 'Alt+Shift+T' }, failed: [] });

    const gs2 = fakeGlobalShortcut();
    const again = createShortcutManager({ globalShortcut: gs2, fire, fs, dir: '/data', join });
    expect(again.active()).toEqual({ take: 'Alt+Shift+T' });
    gs2.press('Alt+Shift+T');
    expect(fire).toHaveBeenCalledWith('take');
  });

  it('keeps a binding another app holds so it is tried again next launch', () => {
    const fs = memoryFs();
    const manager = createShortcutManager({ globalShortcut: fakeGlobalShortcut(['Alt+T']), fire: vi.fn(), fs, dir: '/data', join });
    expect(manager.set({ take: 'Alt+T' })).toMatchObject({ ok: false, failed: ['take'] });
    expect(manager.requested()).toEqual({ take: 'Alt+T' });
    expect(createShortcutManager({ globalShortcut: fakeGlobalShortcut(), fire: vi.fn(), fs, dir: '/data', join }).active()).toEqual({ take: 'Alt+T' });
  });

  it('ignores a corrupt or hand-edited file', () => {
    for (const text of ['nope', '{"version":1,"bindings":{"take":"A"}}', '{"version":1,"bindings":{"take":"Alt+T","evil":"x"}}']) {
      const fs = memoryFs({ '/data/shortcuts.json': text });
      const gs = fakeGlobalShortcut();
      createShortcutManager({ globalShortcut: gs, fire: vi.fn(), fs, dir: '/data', join });
      expect(gs.register, text).not.toHaveBeenCalled();
    }
  });
});

describe('binding payloads', () => {
  it('accepts accelerators and treats "" as unbound', () => {
    expect(GlobalBindingsSchema.parse({ take: 'CmdOrCtrl+Shift+Enter', clear: '' })).toEqual({ take: 'CmdOrCtrl+Shift+Enter' });
    expect(GlobalBindingsSchema.parse({})).toEqual({});
  });

  it('rejects unknown actions, non-strings, bad accelerators and a shared key', () => {
    for (const bad of [null, 'Alt+T', { take: 5 }, { take: 'Alt+T', fire: 'Alt+F' }, { take: 'Hyper+T' }, { take: 'Alt+T', clear: 'alt+t' }, { take: 'Ctrl+Alt+T', clear: 'Alt+Control+T' }]) {
      expect(GlobalBindingsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('accelerators', () => {
  it('accepts what Electron accepts', () => {
    for (const ok of ['CommandOrControl+Shift+T', 'Alt+1', 'F9', 'Shift+F12', 'MediaPlayPause', 'Control+Plus', 'Ctrl+Alt+Space', 'Super+Escape', 'CmdOrCtrl+/']) {
      expect(acceleratorProblem(ok), ok).toBeNull();
    }
  });

  it('refuses keys that would steal typing from every app, unknown names and malformed strings', () => {
    for (const bad of ['A', 'Enter', 'Escape', '1', 'Shift+Shift+T', 'Ctrl+Alt', 'Ctrl++', 'Ctrl+Banana', 'Hyper+T', '', 'Ctrl+T+', 'x'.repeat(65)]) {
      expect(acceleratorProblem(bad), bad).not.toBeNull();
    }
  });

  it('normalizes aliases and order', () => {
    expect(normalizeAccelerator('Ctrl+Shift+t')).toBe(normalizeAccelerator('Shift+Control+T'));
    expect(normalizeAccelerator('CmdOrCtrl+Esc')).toBe(normalizeAccelerator('CommandOrControl+Escape'));
  });
});
