// Electron main entry: security first, then one console window (the relay's /console, or the local connect page),
// an optional prompter window, the menu, the producer's global shortcuts and the bridge's IPC handlers.
import { securityPolicy, securityReady } from './security-init.js';
import { app, BrowserWindow, dialog, globalShortcut, ipcMain, Menu, net, safeStorage, screen, shell } from 'electron';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GlobalAction } from '../shared-ipc/bridge.js';
import { connectPageWarning, createConnectionStore, resolveConnection, showIdFromToken, tokenStorageNotice, type Connection } from './config.js';
import { connectPageHtml } from './connect-page.js';
import { registerIpcHandlers, sendGlobalShortcut, type ConnectAnswer } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { createShortcutManager, type ShortcutManager } from './shortcuts.js';
import { consoleUrl, isSameOrigin, prompterUrl } from './url-guard.js';
import { mintHostToken } from './host-token.js';
import type { WindowKind } from './window-options.js';
import { createWindowStateStore } from './window-state.js';
import { createWindow, type WindowFactoryDeps } from './windows.js';

const PRELOAD = path.join(__dirname, '..', 'preload', 'index.cjs');
const ERR_ABORTED = -3;

let connection: Connection | null = null;
let showId: string | null = null;
let consoleWindow: BrowserWindow | null = null;
let prompterWindow: BrowserWindow | null = null;
let connectPageUrl: string | null = null;
let connectPagePath = '';
/** Where the connection (and its token) is kept, for the connect page's plain-text warning. */
let connectionFile = '';
let shortcuts: ShortcutManager;
let windowDeps: WindowFactoryDeps | null = null;

// One profile folder for `npm run desktop` and the installed app (the dev app would otherwise be "@cuecart/desktop").
app.setPath('userData', path.join(app.getPath('appData'), 'Cuecart'));

if (!app.requestSingleInstanceLock()) {
  // Another Cuecart is running; it focuses its console (second-instance below).
  app.quit();
} else {
  // Both can arrive before start() has run; the console opens there anyway.
  app.on('second-instance', () => {
    if (windowDeps) focusConsole();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (windowDeps && !consoleWindow) openConsole();
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());
  securityReady.then(start).catch((error: unknown) => {
    dialog.showErrorBox('Cuecart could not start', String(error instanceof Error ? error.stack : error));
    app.exit(1);
  });
}

function start(): void {
  const userData = app.getPath('userData');
  const join = (...parts: string[]) => path.join(...parts);
  connectPagePath = path.join(userData, 'connect.html');
  fs.mkdirSync(userData, { recursive: true });
  fs.writeFileSync(connectPagePath, connectPageHtml());
  connectPageUrl = pathToFileURL(connectPagePath).href;

  const connections = createConnectionStore(fs, userData, join, safeStorage);
  connectionFile = connections.file;
  // Said once a run, the first time a token can only be saved in plain text.
  let warned = false;
  const remember = (next: Connection) => {
    const notice = tokenStorageNotice(connections.save(next), connections.file, process.platform);
    if (notice && !warned) {
      warned = true;
      void dialog.showMessageBox(notice);
    }
  };
  windowDeps = { BrowserWindow, screen, state: createWindowStateStore(fs, userData, join), preload: PRELOAD, version: app.getVersion() };

  registerIpcHandlers({
    ipcMain,
    policy: securityPolicy,
    connectPageUrl: () => connectPageUrl,
    windowKindOf,
    setGlobalShortcuts: (bindings) => {
      const result = shortcuts.set(bindings);
      rebuildMenu();
      return result;
    },
    openPrompter,
    connect: async (next) => {
      const answer = await probeRelay(next.relay);
      if (answer.ok) {
        remember(next);
        useConnection(next);
      }
      return answer;
    },
  });
  shortcuts = createShortcutManager({ globalShortcut, fire, fs, dir: userData, join });

  const resolved = resolveConnection(process.argv, process.env, connections.load());
  if (resolved.ok) {
    if (resolved.source !== 'saved') remember(resolved.connection);
    useConnection(resolved.connection);
  } else {
    openConsole();
    showConnectPage({ relay: resolved.relay, error: resolved.problem });
  }
  rebuildMenu();
}

function windowKindOf(sender: Electron.WebContents): WindowKind | null {
  if (consoleWindow && !consoleWindow.isDestroyed() && consoleWindow.webContents.id === sender.id) return 'console';
  if (prompterWindow && !prompterWindow.isDestroyed() && prompterWindow.webContents.id === sender.id) return 'prompter';
  return null;
}

function openConsole(): BrowserWindow {
  if (consoleWindow) return consoleWindow;
  if (!windowDeps) throw new Error('the app is not ready yet');
  const win = createWindow(windowDeps, 'console');
  consoleWindow = win;
  win.on('closed', () => {
    if (consoleWindow === win) consoleWindow = null;
  });
  // An unreachable relay shows the connect page with the reason instead of Chromium's error page.
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame || code === ERR_ABORTED || !connection || !isSameOrigin(url, connection.relay)) return;
    showConnectPage({ relay: connection.relay, error: `Could not load ${connection.relay}: ${description}` });
  });
  if (connection) void win.loadURL(consoleUrl(connection.relay, connection.token));
  return win;
}

function focusConsole(): void {
  const win = openConsole();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function showConnectPage(query: { relay?: string | undefined; error?: string | undefined }): void {
  const win = openConsole();
  const q: Record<string, string> = {};
  if (query.relay) q.relay = query.relay;
  if (query.error) q.error = query.error;
  // Said before a token is pasted, not only after it was saved in plain text.
  const warning = connectPageWarning(safeStorage, connectionFile, process.platform);
  if (warning) q.warning = warning;
  void win.loadFile(connectPagePath, { query: q });
}

function useConnection(next: Connection): void {
  const relayChanged = connection?.relay !== next.relay;
  connection = next;
  securityPolicy.relayOrigin = next.relay;
  showId = showIdFromToken(next.token);
  // A prompter of the previous relay could no longer navigate or call home: close it.
  if (relayChanged && prompterWindow) prompterWindow.close();
  // A new console window loads the connection itself; an open one (showing the connect page) switches over.
  if (consoleWindow) void consoleWindow.loadURL(consoleUrl(next.relay, next.token));
  else openConsole();
  rebuildMenu();
}

async function probeRelay(relay: string): Promise<ConnectAnswer> {
  try {
    const response = await net.fetch(`${relay}/healthz`, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return { ok: false, message: `${relay} answered ${response.status}: is it a Cuecart relay?` };
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `Could not reach ${relay}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function openPrompter(forShow: string): Promise<void> {
  if (!connection) throw new Error('not connected to a relay');
  showId = forShow;
  rebuildMenu();
  // Its own host token, never the producer's: the prompter only reads.
  const hostToken = await mintHostToken((u, init) => net.fetch(u, init), connection.relay, forShow, connection.token);
  const url = prompterUrl(connection.relay, forShow, hostToken);
  if (!prompterWindow) {
    if (!windowDeps) throw new Error('the app is not ready yet');
    const win = createWindow(windowDeps, 'prompter');
    prompterWindow = win;
    win.on('closed', () => {
      if (prompterWindow === win) prompterWindow = null;
    });
    await win.loadURL(url);
    return;
  }
  // The page may drop the token from its fragment, so compare pages, not whole URLs.
  if (!samePage(prompterWindow.webContents.getURL(), url)) await prompterWindow.loadURL(url);
  prompterWindow.show();
  prompterWindow.focus();
}

function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

function fire(action: GlobalAction): void {
  sendGlobalShortcut(consoleWindow?.webContents ?? null, securityPolicy, action);
}

function rebuildMenu(): void {
  if (!shortcuts) return;
  const template = buildMenuTemplate({
    appName: app.getName(),
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    bindings: shortcuts.requested(),
    canOpenPrompter: connection !== null && showId !== null,
    openPrompter: () => {
      if (showId) openPrompter(showId).catch((error: unknown) => dialog.showErrorBox('Could not open the prompter', String(error)));
    },
    switchRelay: () => showConnectPage({ relay: connection?.relay }),
    fire,
    openHelp: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: 'Cuecart',
        message: `Cuecart ${app.getVersion()}`,
        detail: [
          connection ? `Relay: ${connection.relay}` : 'Not connected',
          '',
          'Console keys: Enter takes the top suggestion, 1–9 take rundown slot N, Escape clears the air, Delete dismisses the top suggestion.',
          'Global shortcuts for take and clear are set in the console and work while another app has focus.',
        ].join('\n'),
      });
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
