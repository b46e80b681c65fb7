// The application menu as a plain template (index.ts hands it to Menu.buildFromTemplate), so tests can read it.
import type { MenuItemConstructorOptions } from 'electron';
import type { GlobalAction, GlobalBindings } from '../shared-ipc/bridge.js';

export interface MenuInput {
  appName: string;
  isMac: boolean;
  isPackaged: boolean;
  /** The producer's global shortcuts, shown next to Take and Clear air. */
  bindings: GlobalBindings;
  /** Whether a show is known, so "Open prompter" has somewhere to go. */
  canOpenPrompter: boolean;
  openPrompter: () => void;
  switchRelay: () => void;
  fire: (action: GlobalAction) => void;
  openHelp: () => void;
}

/** The console's own keys, shown when no global shortcut is bound (the console handles them on key-up). */
const CONSOLE_KEYS: Record<GlobalAction, string> = { take: 'Enter', clear: 'Escape' };

export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const showAction = (action: GlobalAction, label: string): MenuItemConstructorOptions => ({
    label,
    accelerator: input.bindings[action] ?? CONSOLE_KEYS[action],
    // Display only: the global shortcut (or the console's key-up handler) does the work; a menu accelerator would fire
    // on key-down as well and take Enter and Escape away from text fields.
    registerAccelerator: false,
    click: () => input.fire(action),
  });
  const view: MenuItemConstructorOptions[] = [{ role: 'reload' }, { role: 'togglefullscreen' }];
  if (!input.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools' });
  const template: MenuItemConstructorOptions[] = [];
  if (input.isMac) {
    template.push({
      label: input.appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Open prompter', accelerator: 'CommandOrControl+Shift+P', enabled: input.canOpenPrompter, click: () => input.openPrompter() },
        { label: 'Switch relay…', click: () => input.switchRelay() },
        { type: 'separator' },
        input.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: view },
    { label: 'Show', submenu: [showAction('take', 'Take top suggestion'), showAction('clear', 'Clear air')] },
    { role: 'help', submenu: [{ label: 'Cuecart help', click: () => input.openHelp() }] },
  );
  return template;
}
