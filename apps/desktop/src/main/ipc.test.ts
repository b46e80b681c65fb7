import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from './ipc-channels.js';
import { registerIpcHandlers, sendGlobalShortcut, type IpcDeps } from './ipc.js';

const RELAY = 'http://127.0.0.1:4455';
const CONNECT_PAGE = 'file:///data/connect.html';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function setup(overrides: Partial<IpcDeps> = {}) {
  const handlers = new Map<string, Handler>();
  const consoleContents = { id: 1 } as unknown as WebContents;
  const prompterContents = { id: 2 } as unknown as WebContents;
  const deps: IpcDeps = {
    ipcMain: { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } as IpcDeps['ipcMain'],
    policy: { relayOrigin: RELAY },
    connectPageUrl: () => CONNECT_PAGE,
    windowKindOf: (sender) => (sender === consoleContents ? 'console' : sender === prompterContents ? 'prompter' : null),
    setGlobalShortcuts: vi.fn(() => ({ ok: true, failed: [] })),
    openPrompter: vi.fn(async () => undefined),
    connect: vi.fn(async () => ({ ok: true as const })),
    ...overrides,
  };
  registerIpcHandlers(deps);
  const event = (url: string, sender: WebContents = consoleContents, topFrame = true) =>
    ({ sender, senderFrame: { url, parent: topFrame ? null : {} } }) as unknown as IpcMainInvokeEvent;
  const call = async (channel: string, e: IpcMainInvokeEvent, ...args: unknown[]) => handlers.get(channel)!(e, ...args);
  return { deps, handlers, event, call, consoleContents, prompterContents };
}

describe('IPC sender checks', () => {
  it('serves the console page of the relay', async () => {
    const { call, event, deps } = setup();
    await expect(call(IPC_CHANNELS.setGlobalShortcuts, event(`${RELAY}/console#token=x`), { take: 'Alt+T' })).resolves.toEqual({ ok: true, failed: [] });
    expect(deps.setGlobalShortcuts).toHaveBeenCalledWith({ take: 'Alt+T' });
    await call(IPC_CHANNELS.openPrompter, event(`${RELAY}/console`), 'demo');
    expect(deps.openPrompter).toHaveBeenCalledWith('demo');
  });

  it('rejects a page of another origin, even inside our console window', async () => {
    const { call, event, deps } = setup();
    for (const url of ['https://evil.example/console', 'http://127.0.0.1:4456/console', 'http://127.0.0.1:4455.evil.example/', 'http://127.0.0.1:4455@evil.example/', CONNECT_PAGE]) {
      await expect(call(IPC_CHANNELS.openPrompter, event(url), 'demo'), url).rejects.toThrow(/may not use the desktop bridge/);
    }
    expect(deps.openPrompter).not.toHaveBeenCalled();
  });

  it('rejects frames inside the page and web contents that are not our windows', async () => {
    const { call, event, deps } = setup();
    await expect(call(IPC_CHANNELS.openPrompter, event(`${RELAY}/console`, undefined, false), 'demo')).rejects.toThrow(/top frame/);
    await expect(call(IPC_CHANNELS.openPrompter, event(`${RELAY}/console`, { id: 99 } as unknown as WebContents), 'demo')).rejects.toThrow(/console window/);
    expect(deps.openPrompter).not.toHaveBeenCalled();
  });

  it('keeps the prompter window to its own page: it cannot rebind shortcuts', async () => {
    const { call, event, prompterContents, deps } = setup();
    await expect(call(IPC_CHANNELS.setGlobalShortcuts, event(`${RELAY}/prompter/demo`, prompterContents), { take: 'Alt+T' })).rejects.toThrow(/console window/);
    expect(deps.setGlobalShortcuts).not.toHaveBeenCalled();
  });

  it('rejects everything before a relay is known', async () => {
    const { call, event } = setup({ policy: { relayOrigin: null } });
    await expect(call(IPC_CHANNELS.openPrompter, event(`${RELAY}/console`), 'demo')).rejects.toThrow();
  });

  it('rejects a call whose frame has gone', async () => {
    const { call, consoleContents } = setup();
    await expect(call(IPC_CHANNELS.openPrompter, { sender: consoleContents, senderFrame: null } as unknown as IpcMainInvokeEvent, 'demo')).rejects.toThrow(/gone/);
  });
});

describe('IPC payloads', () => {
  it('rejects malformed shortcut bindings', async () => {
    const { call, event, deps } = setup();
    for (const bad of [undefined, 'Alt+T', { take: 'A' }, { take: 'Alt+T', other: 'Alt+O' }, { take: { toString: 'x' } }]) {
      await expect(call(IPC_CHANNELS.setGlobalShortcuts, event(`${RELAY}/console`), bad), JSON.stringify(bad)).rejects.toThrow(/invalid shortcuts/);
    }
    expect(deps.setGlobalShortcuts).not.toHaveBeenCalled();
  });

  it('rejects malformed show ids', async () => {
    const { call, event, deps } = setup();
    for (const bad of [undefined, 42, '', '../admin', 'demo/../../x', 'a b', 'x'.repeat(65)]) {
      await expect(call(IPC_CHANNELS.openPrompter, event(`${RELAY}/console`), bad), String(bad)).rejects.toThrow(/invalid show id/);
    }
    expect(deps.openPrompter).not.toHaveBeenCalled();
  });

  it('never returns the event or anything beyond the answer', async () => {
    const { call, event } = setup({ setGlobalShortcuts: () => ({ ok: false, failed: ['take'], extra: 'secret' }) as never });
    const answer = await call(IPC_CHANNELS.setGlobalShortcuts, event(`${RELAY}/console`), { take: 'Alt+T' });
    expect(answer).toEqual({ ok: false, failed: ['take'] });
  });
});

describe('connect', () => {
  it('only answers the local connect page in the console window', async () => {
    const { call, event, deps } = setup({ policy: { relayOrigin: null } });
    await expect(call(IPC_CHANNELS.connect, event(`${CONNECT_PAGE}?error=x`), { relay: 'http://10.0.0.5:4455/', token: 'abc' })).resolves.toEqual({ ok: true });
    expect(deps.connect).toHaveBeenCalledWith({ relay: 'http://10.0.0.5:4455', token: 'abc' });
    await expect(call(IPC_CHANNELS.connect, event('file:///tmp/other.html'), { relay: 'http://x', token: 'abc' })).rejects.toThrow();
    await expect(call(IPC_CHANNELS.connect, event(`${RELAY}/console`), { relay: 'http://x', token: 'abc' })).rejects.toThrow();
  });

  it('answers a bad relay or token with a message instead of connecting', async () => {
    const { call, event, deps } = setup();
    const answer = await call(IPC_CHANNELS.connect, event(CONNECT_PAGE), { relay: 'javascript:alert(1)', token: 'abc' });
    expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/http/) });
    expect(await call(IPC_CHANNELS.connect, event(CONNECT_PAGE), { relay: 'http://x', token: ' ' })).toMatchObject({ ok: false });
    expect(deps.connect).not.toHaveBeenCalled();
  });
});

describe('sendGlobalShortcut', () => {
  const contents = (url: string) => ({ send: vi.fn(), getURL: () => url, isDestroyed: () => false });

  it('tells the console page which action fired', () => {
    const c = contents(`${RELAY}/console#token=x`);
    expect(sendGlobalShortcut(c, { relayOrigin: RELAY }, 'clear')).toBe(true);
    expect(c.send).toHaveBeenCalledWith('cuecart:global-shortcut', 'clear');
  });

  it('does not send to the connect page, another origin or a closed window', () => {
    for (const c of [contents(CONNECT_PAGE), contents('https://evil.example/')]) {
      expect(sendGlobalShortcut(c, { relayOrigin: RELAY }, 'take')).toBe(false);
      expect(c.send).not.toHaveBeenCalled();
    }
    expect(sendGlobalShortcut(null, { relayOrigin: RELAY }, 'take')).toBe(false);
    expect(sendGlobalShortcut({ ...contents(`${RELAY}/console`), isDestroyed: () => true }, { relayOrigin: RELAY }, 'take')).toBe(false);
  });
});
