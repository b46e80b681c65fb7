import { describe, expect, it, vi } from 'vitest';
import { createConnectBridge, createDesktopBridge, versionFromArgv } from './bridge.js';

function fakeIpc(answer: unknown = { ok: true, failed: [] }) {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    invoke: vi.fn(async () => answer),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
    emit(channel: string, ...args: unknown[]) {
      for (const l of listeners.get(channel) ?? []) l(...args);
    },
  };
}

describe('desktop bridge', () => {
  it('exposes exactly the contract, with no generic invoke', () => {
    const bridge = createDesktopBridge(fakeIpc() as never, '1.2.3');
    expect(Object.keys(bridge).sort()).toEqual(['onGlobalShortcut', 'openPrompter', 'setGlobalShortcuts', 'version']);
    expect(bridge.version).toBe('1.2.3');
  });

  it('hands the listener only the action, never the IPC event, and unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc as never, '1');
    const listener = vi.fn();
    const off = bridge.onGlobalShortcut(listener);
    ipc.emit('cuecart:global-shortcut', { sender: 'secret event' }, 'take');
    ipc.emit('cuecart:global-shortcut', { sender: 'secret event' }, 'format-disk');
    expect(listener.mock.calls).toEqual([['take']]);
    off();
    ipc.emit('cuecart:global-shortcut', {}, 'clear');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('calls the named channels', async () => {
    const ipc = fakeIpc({ ok: false, failed: ['take'] });
    const bridge = createDesktopBridge(ipc as never, '1');
    await expect(bridge.setGlobalShortcuts({ take: 'Alt+T' })).resolves.toEqual({ ok: false, failed: ['take'] });
    expect(ipc.invoke).toHaveBeenCalledWith('cuecart:shortcuts:set', { take: 'Alt+T' });
    await bridge.openPrompter('demo');
    expect(ipc.invoke).toHaveBeenCalledWith('cuecart:prompter:open', 'demo');
  });

  it('connect page bridge sends only relay and token', async () => {
    const ipc = fakeIpc({ ok: true });
    await createConnectBridge(ipc as never).connect({ relay: 'http://r', token: 't', extra: 1 } as never);
    expect(ipc.invoke).toHaveBeenCalledWith('cuecart:connect', { relay: 'http://r', token: 't' });
  });

  it('reads the version argument', () => {
    expect(versionFromArgv(['electron', '--cuecart-version=0.1.0'])).toBe('0.1.0');
    expect(versionFromArgv([])).toBe('unknown');
  });
});
