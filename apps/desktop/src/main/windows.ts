// Creates the console and prompter windows with saved placement, and remembers their placement when they close.
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, Screen } from 'electron';
import { clampToDisplays, type WindowStateStore } from './window-state.js';
import { CONSOLE_SIZE, consoleWindowOptions, PROMPTER_SIZE, prompterWindowOptions, type WindowKind } from './window-options.js';

export interface WindowFactoryDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  state: WindowStateStore;
  preload: string;
  version: string;
}

function savedBounds(deps: WindowFactoryDeps, kind: WindowKind) {
  const saved = deps.state.get(kind);
  if (!saved) return { saved, bounds: undefined };
  const min = kind === 'console' ? CONSOLE_SIZE : PROMPTER_SIZE;
  return { saved, bounds: clampToDisplays(saved.bounds, deps.screen.getAllDisplays(), deps.screen.getPrimaryDisplay(), min) };
}

function remember(win: BrowserWindowType, kind: WindowKind, state: WindowStateStore): void {
  win.on('close', () => {
    state.set(kind, { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullscreen: win.isFullScreen() });
  });
}

export function createWindow(deps: WindowFactoryDeps, kind: WindowKind): BrowserWindowType {
  const { saved, bounds } = savedBounds(deps, kind);
  const common = { preload: deps.preload, version: deps.version, bounds };
  const options =
    kind === 'console'
      ? consoleWindowOptions(common)
      : prompterWindowOptions({ ...common, displays: deps.screen.getAllDisplays(), primary: deps.screen.getPrimaryDisplay() });
  const win = new deps.BrowserWindow(options);
  if (saved?.maximized) win.maximize();
  if (saved?.fullscreen) win.setFullScreen(true);
  win.once('ready-to-show', () => win.show());
  remember(win, kind, deps.state);
  return win;
}
