// Console hotkeys as data: the actions, their default keys, how a key event names its combo, and which
// targets are off limits (text fields, dialogs). Pure, so the rules are tested without a DOM.

export const HOTKEY_ACTIONS = [
  'take-top',
  'dismiss-top',
  'clear',
  'slot-1',
  'slot-2',
  'slot-3',
  'slot-4',
  'slot-5',
  'slot-6',
  'slot-7',
  'slot-8',
  'slot-9',
] as const;
export type HotkeyAction = (typeof HOTKEY_ACTIONS)[number];
export type Bindings = Record<HotkeyAction, string>;

export const DEFAULT_BINDINGS: Bindings = {
  'take-top': 'Enter',
  'dismiss-top': 'Delete',
  clear: 'Escape',
  'slot-1': '1',
  'slot-2': '2',
  'slot-3': '3',
  'slot-4': '4',
  'slot-5': '5',
  'slot-6': '6',
  'slot-7': '7',
  'slot-8': '8',
  'slot-9': '9',
};

export const ACTION_LABELS: Record<HotkeyAction, string> = {
  'take-top': 'Take top suggestion',
  'dismiss-top': 'Dismiss top suggestion',
  clear: 'Clear the air (panic)',
  'slot-1': 'Take slot 1',
  'slot-2': 'Take slot 2',
  'slot-3': 'Take slot 3',
  'slot-4': 'Take slot 4',
  'slot-5': 'Take slot 5',
  'slot-6': 'Take slot 6',
  'slot-7': 'Take slot 7',
  'slot-8': 'Take slot 8',
  'slot-9': 'Take slot 9',
};

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  metaKey?: boolean;
}

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'CapsLock', 'Fn', 'OS']);

/** "Ctrl+Shift+K"-style name of a key event; null for a bare modifier. Digits use the top row or the keypad alike. */
export function comboOf(e: KeyLike): string | null {
  if (!e.key || MODIFIER_KEYS.has(e.key)) return null;
  let key = e.key === ' ' ? 'Space' : e.key.length === 1 ? e.key.toUpperCase() : e.key;
  if (e.key === 'Del') key = 'Delete';
  if (e.key === 'Esc') key = 'Escape';
  const mods: string[] = [];
  if (e.ctrlKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  // Shift is part of printable characters already ("!" not "Shift+1"); keep it only for named keys.
  if (e.shiftKey && key.length > 1) mods.push('Shift');
  if (e.metaKey) mods.push('Meta');
  return [...mods, key].join('+');
}

export function normalizeCombo(combo: string): string {
  const parts = combo.split('+').map((p) => p.trim()).filter(Boolean);
  const key = parts.pop() ?? '';
  return [...parts, key.length === 1 ? key.toUpperCase() : key].join('+');
}

/** The action bound to this key event, if any. */
export function matchAction(e: KeyLike, bindings: Bindings): HotkeyAction | null {
  const combo = comboOf(e);
  if (!combo) return null;
  for (const action of HOTKEY_ACTIONS) {
    if (normalizeCombo(bindings[action]) === combo) return action;
  }
  return null;
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
  getAttribute?(name: string): string | null;
  closest?(selector: string): unknown;
}

/** Typing in a field must never fire a card. */
export function isEditableTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return true;
  const editable = target.getAttribute?.('contenteditable');
  if (editable !== null && editable !== undefined && editable !== 'false') return true;
  return Boolean(target.closest?.('[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]'));
}

/** Enter and Space belong to a focused button or link (its own action), not to the hotkeys. */
export function isActivationOnControl(target: TargetLike | null | undefined, e: KeyLike): boolean {
  if (!target || (e.key !== 'Enter' && e.key !== ' ')) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'BUTTON' || tag === 'A' || target.getAttribute?.('role') === 'button';
}

/** The digit slot of a `slot-N` action. */
export function slotOf(action: HotkeyAction): number | null {
  const m = /^slot-(\d)$/.exec(action);
  return m ? Number(m[1]) : null;
}

/**
 * Acts on key-up only for keys whose key-down this tracker claimed, with the action chosen at key-down: auto-repeat
 * fires once, releasing a modifier first still fires the action, and an Enter that closed a dialog (key-down
 * inside it) does not take a card on its key-up. Keys are physical (`code`), so Shift cannot change them midway.
 */
export function createKeyTracker<A>() {
  const down = new Map<string, A>();
  return {
    keyDown(key: string, action: A): boolean {
      if (down.has(key)) return false;
      down.set(key, action);
      return true;
    },
    keyUp(key: string): A | null {
      const action = down.get(key);
      down.delete(key);
      return action ?? null;
    },
    /** After a blur the key-ups never come: forget what was held. */
    reset(): void {
      down.clear();
    },
  };
}
