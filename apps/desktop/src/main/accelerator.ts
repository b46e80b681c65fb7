// Validates Electron accelerator strings ("CommandOrControl+Shift+T") before they reach globalShortcut.
import { z } from 'zod';

const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);

const NAMED_KEYS = new Set(
  [
    'Plus', 'Space', 'Tab', 'Capslock', 'Numlock', 'Scrolllock', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter',
    'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc', 'PrintScreen',
    'VolumeUp', 'VolumeDown', 'VolumeMute', 'MediaNextTrack', 'MediaPreviousTrack', 'MediaStop', 'MediaPlayPause',
    'num0', 'num1', 'num2', 'num3', 'num4', 'num5', 'num6', 'num7', 'num8', 'num9',
    'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
  ].map((k) => k.toLowerCase()),
);

const PUNCTUATION = new Set([...')!@#$%^&*(:;:+=<,_->.?/~`{]}[|\\}"\'']);

function isKey(part: string): boolean {
  if (/^[A-Za-z0-9]$/.test(part)) return true;
  if (/^F([1-9]|1[0-9]|2[0-4])$/i.test(part)) return true;
  if (part.length === 1 && PUNCTUATION.has(part)) return true;
  return NAMED_KEYS.has(part.toLowerCase());
}

/** Keys that are safe to grab system-wide without a modifier: they are not used for typing. */
function standsAlone(key: string): boolean {
  return /^F([1-9]|1[0-9]|2[0-4])$/i.test(key) || /^Media/i.test(key);
}

/**
 * Why an accelerator is unusable as a global shortcut, or null when it is fine. A global shortcut without a modifier
 * ("A", "Enter") would steal that key from every other app, so one is required except for F-keys and media keys.
 */
export function acceleratorProblem(accelerator: string): string | null {
  if (accelerator.length === 0 || accelerator.length > 64) return 'must be 1–64 characters';
  // "+" itself is the separator, so the plus key is spelled "Plus".
  const parts = accelerator.split('+');
  if (parts.some((p) => p === '')) return 'has an empty part (write the plus key as "Plus")';
  const key = parts[parts.length - 1]!;
  const modifiers = parts.slice(0, -1);
  for (const m of modifiers) if (!MODIFIERS.has(m.toLowerCase())) return `"${m}" is not a modifier`;
  if (new Set(modifiers.map((m) => m.toLowerCase())).size !== modifiers.length) return 'repeats a modifier';
  if (!isKey(key)) return `"${key}" is not a key Electron knows`;
  if (modifiers.length === 0 && !standsAlone(key)) return 'needs a modifier (Ctrl, Alt, Shift, Command…) unless it is an F-key or a media key';
  return null;
}

export const Accelerator = z.string().superRefine((value, ctx) => {
  const problem = acceleratorProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `"${value}" ${problem}` });
});

/** Accelerators compare case-insensitively and modifier aliases name the same keys. */
export function normalizeAccelerator(accelerator: string): string {
  const alias: Record<string, string> = { cmd: 'command', ctrl: 'control', cmdorctrl: 'commandorcontrol', option: 'alt', esc: 'escape', return: 'enter' };
  const parts = accelerator.split('+').map((p) => alias[p.toLowerCase()] ?? p.toLowerCase());
  const key = parts.pop() ?? '';
  return [...parts.sort(), key].join('+');
}
