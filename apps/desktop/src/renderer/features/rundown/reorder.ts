// Rundown edits as pure list operations; the result goes to the relay as `rundown:set`.

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return list.slice();
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Adds a product at the end (or at a position); a product already in the rundown is not added twice. */
export function addProduct(ids: readonly string[], productId: string, at = ids.length): string[] {
  if (ids.includes(productId)) return ids.slice();
  const next = ids.slice();
  next.splice(Math.max(0, Math.min(at, next.length)), 0, productId);
  return next;
}

export function removeProduct(ids: readonly string[], productId: string): string[] {
  return ids.filter((id) => id !== productId);
}
