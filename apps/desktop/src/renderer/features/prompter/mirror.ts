// Mirror mode for beam-splitter glass: remembered per machine, toggled with M.

export const MIRROR_KEY = 'cuecart.prompter.mirror';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Storage can be missing or throw (private mode, a locked-down kiosk): then mirror is off and not kept. */
export function loadMirror(storage: KeyValueStore | undefined): boolean {
  try {
    return storage?.getItem(MIRROR_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveMirror(storage: KeyValueStore | undefined, on: boolean): void {
  try {
    storage?.setItem(MIRROR_KEY, on ? '1' : '0');
  } catch {
    // Not kept: the toggle still works for this session.
  }
}

interface KeyLike {
  key: string;
  repeat?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: unknown;
}

/** A plain M press, not held, not a shortcut, not typing into a field. */
export function isMirrorKey(event: KeyLike): boolean {
  if (event.key.toLowerCase() !== 'm' || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
  if (target?.isContentEditable) return false;
  const tag = target?.tagName?.toUpperCase();
  return tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT';
}
