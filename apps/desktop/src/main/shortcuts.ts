// Global shortcuts for "take" and "clear" that work while another app has focus, bindable by the producer and kept in shortcuts.json.
import type { GlobalShortcut } from 'electron';
import { z } from 'zod';
import { GLOBAL_ACTIONS, type GlobalAction, type GlobalBindings } from '../shared-ipc/bridge.js';
import { Accelerator, normalizeAccelerator } from './accelerator.js';
import { readJsonFile, writeJsonFile, type JsonFs } from './json-file.js';

/** A binding payload from the console: an accelerator per action; missing or "" unbinds it. Two actions cannot share one. */
export const GlobalBindingsSchema = z
  .strictObject({
    take: z.union([z.literal(''), Accelerator]).optional(),
    clear: z.union([z.literal(''), Accelerator]).optional(),
  })
  .transform((b): GlobalBindings => {
    const out: GlobalBindings = {};
    for (const action of GLOBAL_ACTIONS) {
      const accelerator = b[action];
      if (accelerator) out[action] = accelerator;
    }
    return out;
  })
  .refine((b) => !(b.take && b.clear && normalizeAccelerator(b.take) === normalizeAccelerator(b.clear)), {
    message: 'take and clear cannot share one shortcut',
  });

export type ShortcutRegistrar = Pick<GlobalShortcut, 'register' | 'unregister'>;

export interface ApplyResult {
  /** What is registered now. */
  active: GlobalBindings;
  /** Actions whose accelerator could not be registered (another app holds it, or the OS refused). */
  failed: GlobalAction[];
}

/** Unregisters the previous bindings, registers the new ones, and says which could not be had. */
export function applyGlobalShortcuts(
  globalShortcut: ShortcutRegistrar,
  previous: GlobalBindings,
  bindings: GlobalBindings,
  fire: (action: GlobalAction) => void,
): ApplyResult {
  for (const action of GLOBAL_ACTIONS) {
    const accelerator = previous[action];
    if (accelerator) globalShortcut.unregister(accelerator);
  }
  const active: GlobalBindings = {};
  const failed: GlobalAction[] = [];
  for (const action of GLOBAL_ACTIONS) {
    const accelerator = bindings[action];
    if (!accelerator) continue;
    let ok = false;
    try {
      ok = globalShortcut.register(accelerator, () => fire(action));
    } catch {
      ok = false; // Electron throws on an accelerator it cannot parse; validation should have caught it first.
    }
    if (ok) active[action] = accelerator;
    else failed.push(action);
  }
  return { active, failed };
}

const ShortcutsFile = z.object({ version: z.literal(1), bindings: GlobalBindingsSchema });

export interface ShortcutManager {
  /** Binds and persists what the producer asked for (even the failed ones: the other app may let go of the key by next launch). */
  set(bindings: GlobalBindings): ApplyResult & { ok: boolean };
  /** The bindings asked for, whether or not they are registered. */
  requested(): GlobalBindings;
  active(): GlobalBindings;
}

export function createShortcutManager(options: {
  globalShortcut: ShortcutRegistrar;
  fire: (action: GlobalAction) => void;
  fs: JsonFs;
  dir: string;
  join: (...parts: string[]) => string;
}): ShortcutManager {
  const { globalShortcut, fire, fs, dir } = options;
  const file = options.join(dir, 'shortcuts.json');
  let requested = readJsonFile(fs, file, ShortcutsFile, { version: 1 as const, bindings: {} }).bindings;
  let current = applyGlobalShortcuts(globalShortcut, {}, requested, fire);
  return {
    set(bindings) {
      requested = bindings;
      current = applyGlobalShortcuts(globalShortcut, current.active, bindings, fire);
      try {
        writeJsonFile(fs, dir, file, { version: 1, bindings });
      } catch {
        // Still bound for this session; only the next launch forgets.
      }
      return { ...current, ok: current.failed.length === 0 };
    },
    requested: () => requested,
    active: () => current.active,
  };
}
