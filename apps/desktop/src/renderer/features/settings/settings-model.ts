// Console settings as stored in localStorage: hotkey bindings and Electron global accelerators. Anything
// unreadable falls back to the defaults, field by field.
import { DEFAULT_BINDINGS, HOTKEY_ACTIONS, normalizeCombo, type Bindings } from '../hotkeys/keymap.js';

export const SETTINGS_KEY = 'cuecart.console.settings.v1';

export interface GlobalAccelerators {
  take: string;
  clear: string;
}

export interface ConsoleSettings {
  bindings: Bindings;
  global: GlobalAccelerators;
}

export const DEFAULT_GLOBAL: GlobalAccelerators = { take: 'CommandOrControl+Shift+T', clear: 'CommandOrControl+Shift+X' };

export const defaultSettings = (): ConsoleSettings => ({ bindings: { ...DEFAULT_BINDINGS }, global: { ...DEFAULT_GLOBAL } });

const COMBO = /^(?:(?:Ctrl|Alt|Shift|Meta)\+){0,4}[^+\s]{1,24}$|^(?:(?:Ctrl|Alt|Shift|Meta)\+){0,4}\+$/;
const ACCELERATOR = /^[A-Za-z0-9+ ]{0,64}$/;

export function parseSettings(raw: string | null | undefined): ConsoleSettings {
  const settings = defaultSettings();
  if (!raw) return settings;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return settings;
  }
  if (!json || typeof json !== 'object') return settings;
  const { bindings, global } = json as { bindings?: unknown; global?: unknown };
  if (bindings && typeof bindings === 'object') {
    for (const action of HOTKEY_ACTIONS) {
      const v = (bindings as Record<string, unknown>)[action];
      if (typeof v === 'string' && COMBO.test(v)) settings.bindings[action] = normalizeCombo(v);
    }
    // Two actions on one key would make a press ambiguous: such a map is not trusted at all.
    const combos = HOTKEY_ACTIONS.map((a) => settings.bindings[a]);
    if (new Set(combos).size !== combos.length) settings.bindings = { ...DEFAULT_BINDINGS };
  }
  if (global && typeof global === 'object') {
    for (const key of ['take', 'clear'] as const) {
      const v = (global as Record<string, unknown>)[key];
      if (typeof v === 'string' && ACCELERATOR.test(v)) settings.global[key] = v.trim();
    }
  }
  return settings;
}

export function serializeSettings(settings: ConsoleSettings): string {
  return JSON.stringify(settings);
}

/** Rebinding a key that another action uses swaps them, so no key ever has two actions. */
export function rebind(bindings: Bindings, action: keyof Bindings, combo: string): Bindings {
  const next = { ...bindings };
  const other = HOTKEY_ACTIONS.find((a) => a !== action && normalizeCombo(next[a]) === normalizeCombo(combo));
  if (other) next[other] = next[action];
  next[action] = normalizeCombo(combo);
  return next;
}
