// Wiring check for index.ts with a fake Electron: what a producer sees at launch (a console on the relay, the menu,
// the bridge's handlers) without running Electron.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'cuecart-main-'));
const fake = vi.hoisted(() => {
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const windows: FakeWindow[] = [];
  let nextId = 1;
  class FakeContents extends Emitter {
    id = nextId++;
    url = '';
    sent: unknown[][] = [];
    getURL = () => this.url;
    isDestroyed = () => false;
    send = (...args: unknown[]) => void this.sent.push(args);
    setWindowOpenHandler = () => undefined;
  }
  class FakeWindow extends Emitter {
    webContents = new FakeContents();
    loaded: string[] = [];
    constructor(public options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    loadURL = async (url: string) => {
      this.loaded.push(url);
      this.webContents.url = url;
    };
    loadFile = async (file: string, options?: { query?: Record<string, string> }) => {
      const url = `file://${file}?${new URLSearchParams(options?.query ?? {})}`;
      this.loaded.push(url);
      this.webContents.url = url;
    };
    isDestroyed = () => false;
    isMinimized = () => false;
    maximize = () => undefined;
    setFullScreen = () => undefined;
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    close = () => this.emit('closed');
  }
  const app = Object.assign(new Emitter(), {
    enableSandbox: vi.fn(),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    getPath: (name: string): string => (name === 'appData' ? '/nowhere' : ''),
    setPath: vi.fn(),
    getVersion: () => '9.9.9',
    getName: () => 'Cuecart',
    isPackaged: false,
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  return {
    windows,
    handlers,
    app,
    electron: {
      app,
      BrowserWindow: FakeWindow,
      session: { defaultSession: session },
      shell: { openExternal: vi.fn(async () => undefined) },
      ipcMain: { handle: (channel: string, h: (...args: unknown[]) => unknown) => void handlers.set(channel, h) },
      globalShortcut: { register: vi.fn(() => true), unregister: vi.fn(), unregisterAll: vi.fn() },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
      // /healthz answers 200; the token route mints the prompter's host token.
      net: { fetch: vi.fn(async (url: string) => ({ ok: true, status: url.endsWith('/tokens') ? 201 : 200, json: async () => ({ token: 'HOST-TOKEN', role: 'host' }) })) },
      safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
      screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display },
    },
  };
});

vi.mock('electron', () => fake.electron);

const TOKEN = `x.${Buffer.from(JSON.stringify({ show: 'demo' })).toString('base64url')}.y`;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('main process wiring', async () => {
  fake.app.getPath = (name: string) => (name === 'appData' ? dir : join(dir, 'Cuecart'));
  vi.stubEnv('CUECART_RELAY', 'http://127.0.0.1:4455');
  vi.stubEnv('CUECART_TOKEN', TOKEN);
  await import('./index.js');
  await new Promise((r) => setTimeout(r, 10));
  vi.unstubAllEnvs();

  it('sandboxes renderers and opens the console on the relay with the token in the fragment', () => {
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.loaded).toEqual([`http://127.0.0.1:4455/console#token=${encodeURIComponent(TOKEN)}`]);
    expect((fake.windows[0]!.options.webPreferences as Record<string, unknown>).sandbox).toBe(true);
  });

  it('registers the bridge handlers and a menu', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(['cuecart:connect', 'cuecart:prompter:open', 'cuecart:shortcuts:set']);
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('tells the producer, once, that the token is kept unencrypted when the OS has no keychain', () => {
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'warning', title: 'Relay token kept unencrypted', detail: expect.stringContaining('connection.json') }));
  });

  it('remembers the connection for the next launch', () => {
    const saved = JSON.parse(readFileSync(join(dir, 'Cuecart', 'connection.json'), 'utf8'));
    expect(saved).toMatchObject({ version: 1, relay: 'http://127.0.0.1:4455' });
  });

  it('opens the prompter for the console and sends global shortcuts to the console page', async () => {
    const consoleWindow = fake.windows[0]!;
    const event = { sender: consoleWindow.webContents, senderFrame: { url: consoleWindow.webContents.url, parent: null } };
    await fake.handlers.get('cuecart:prompter:open')!(event, 'demo');
    // With a host token minted for it, never the console's producer token (issue 11, finding 11).
    expect(fake.windows[1]!.loaded).toEqual(['http://127.0.0.1:4455/prompter/demo#token=HOST-TOKEN']);
    expect(fake.electron.net.fetch).toHaveBeenCalledWith('http://127.0.0.1:4455/api/shows/demo/tokens', expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ authorization: `Bearer ${TOKEN}` }) }));
    await fake.handlers.get('cuecart:shortcuts:set')!(event, { clear: 'Alt+Shift+X' });
    const [, callback] = fake.electron.globalShortcut.register.mock.calls.at(-1) as unknown as [string, () => void];
    callback();
    expect(consoleWindow.webContents.sent).toEqual([['cuecart:global-shortcut', 'clear']]);
  });

  it('focuses the console when the app is started again', () => {
    fake.app.emit('second-instance');
    expect(fake.windows[0]!.focus).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(2);
  });

  it('writes the connect page next to the settings', () => {
    expect(readFileSync(join(dir, 'Cuecart', 'connect.html'), 'utf8')).toContain('Connect to a Cuecart relay');
  });

  it('says on the connect page, before a token is pasted, that it will be kept unencrypted', () => {
    const consoleWindow = fake.windows[0]!;
    consoleWindow.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'http://127.0.0.1:4455/console', true);
    const shown = new URL(consoleWindow.loaded.at(-1)!);
    expect(shown.protocol).toBe('file:');
    expect(shown.searchParams.get('warning')).toMatch(/without encryption.*connection\.json/);
  });
});
