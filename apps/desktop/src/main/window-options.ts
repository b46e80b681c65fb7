// BrowserWindow options for the producer console and the host prompter: one set of locked-down web preferences for both.
import type { BrowserWindowConstructorOptions, Display, Rectangle, WebPreferences } from 'electron';

export type WindowKind = 'console' | 'prompter';

export const CONSOLE_SIZE = { width: 1600, height: 900, minWidth: 1280, minHeight: 720 } as const;
export const PROMPTER_SIZE = { width: 1280, height: 720, minWidth: 640, minHeight: 360 } as const;
const DARK = '#0b0d10';

/** The only web preferences a Cuecart window gets. `version` reaches the preload as an argument (a sandboxed preload cannot read package.json). */
export function secureWebPreferences(preload: string, version: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    safeDialogs: true,
    spellcheck: false,
    preload,
    additionalArguments: [`--cuecart-version=${version}`],
  };
}

export interface WindowOptionsInput {
  preload: string;
  version: string;
  /** Saved bounds, already clamped to a visible display. */
  bounds?: Rectangle | undefined;
}

export function consoleWindowOptions({ preload, version, bounds }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...CONSOLE_SIZE,
    ...(bounds ?? {}),
    title: 'Cuecart',
    show: false,
    backgroundColor: DARK,
    webPreferences: secureWebPreferences(preload, version),
  };
}

/** The display for the prompter: the first one that is not the console's (the host's screen), else the primary. */
export function pickPrompterDisplay(displays: readonly Display[], primary: Display): Display {
  return displays.find((d) => d.id !== primary.id) ?? primary;
}

export interface PrompterOptionsInput extends WindowOptionsInput {
  displays: readonly Display[];
  primary: Display;
}

/** With saved bounds the prompter comes back where the host left it; else it fills a second display when there is one. */
export function prompterWindowOptions({ preload, version, bounds, displays, primary }: PrompterOptionsInput): BrowserWindowConstructorOptions {
  const base: BrowserWindowConstructorOptions = {
    ...PROMPTER_SIZE,
    title: 'Cuecart prompter',
    show: false,
    backgroundColor: DARK,
    darkTheme: true,
    fullscreenable: true,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload, version),
  };
  if (bounds) return { ...base, ...bounds };
  const display = pickPrompterDisplay(displays, primary);
  if (display.id !== primary.id) return { ...base, ...display.bounds, fullscreen: true };
  const area = display.workArea;
  return {
    ...base,
    x: Math.round(area.x + (area.width - PROMPTER_SIZE.width) / 2),
    y: Math.round(area.y + (area.height - PROMPTER_SIZE.height) / 2),
  };
}
