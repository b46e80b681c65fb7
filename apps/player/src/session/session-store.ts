// Per-tab storage for the viewer's session id and cart id; falls back to memory where sessionStorage is blocked.

const memory = new Map<string, string>();

export function readSession(key: string): string | null {
  try {
    return sessionStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

export function writeSession(key: string, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Storage can be blocked (sandboxed frames, some private modes): memory is enough for this page.
  }
}

function randomId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The per-viewer session id: random, kept for the tab's life. */
export function viewerSessionId(): string {
  const key = 'cuecart:session';
  let id = readSession(key);
  if (!id || !/^[A-Za-z0-9_.:-]{1,128}$/.test(id)) {
    id = `v-${randomId()}`;
    writeSession(key, id);
  }
  return id;
}

let anonymous: string | null = null;

/**
 * The id beacons are counted under. With the host page's consent (`consent="granted"`), the tab's session id,
 * so views, cards and orders of one viewer link up; without it an anonymous id kept in this page's memory only,
 * never stored, new on every page load.
 */
export function analyticsSessionId(consent: boolean): string {
  if (consent) return viewerSessionId();
  anonymous ??= `a-${randomId()}`;
  return anonymous;
}
