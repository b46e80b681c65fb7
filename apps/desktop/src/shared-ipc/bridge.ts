// The one contract between the Electron preload and the renderer. The renderer must also run in a plain
// browser at /console, where `window.cuecartDesktop` is undefined.
export const GLOBAL_ACTIONS = ['take', 'clear'] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

export type GlobalBindings = Partial<Record<GlobalAction, string>>;

export interface DesktopBridge {
  readonly version: string;
  /** Binds OS-wide shortcuts (Electron accelerators, e.g. "CommandOrControl+Shift+T") that work while another app has focus. */
  setGlobalShortcuts(bindings: GlobalBindings): Promise<{ ok: boolean; failed: GlobalAction[] }>;
  /** Called when a global shortcut fires; returns an unsubscribe function. */
  onGlobalShortcut(listener: (action: GlobalAction) => void): () => void;
  /** Opens (or focuses) the prompter window for the show, e.g. on a second display. */
  openPrompter(showId: string): Promise<void>;
}

declare global {
  interface Window {
    cuecartDesktop?: DesktopBridge;
  }
}
