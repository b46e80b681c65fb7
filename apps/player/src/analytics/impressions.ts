// Impressions: a card counts once it has been at least half visible for one second without a break.

export interface ImpressionTimerOptions {
  dwellMs?: number;
  onImpression(cardId: string): void;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export interface ImpressionTimer {
  /** From the IntersectionObserver (threshold 0.5) and page visibility: is the card seen now? */
  setVisible(cardId: string, visible: boolean): void;
  /** The card left the air: forget its running timer (a later re-feature has a new cardId). */
  forget(cardId: string): void;
  /** The page went hidden: nothing is being seen. */
  hideAll(): void;
  dispose(): void;
}

export function createImpressionTimer(options: ImpressionTimerOptions): ImpressionTimer {
  const dwellMs = options.dwellMs ?? 1000;
  const set = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clear = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  const running = new Map<string, unknown>();
  const counted = new Set<string>();

  const stop = (cardId: string) => {
    const handle = running.get(cardId);
    if (handle !== undefined) clear(handle);
    running.delete(cardId);
  };

  return {
    setVisible(cardId, visible) {
      if (counted.has(cardId)) return;
      if (!visible) return stop(cardId);
      if (running.has(cardId)) return;
      running.set(
        cardId,
        set(() => {
          running.delete(cardId);
          counted.add(cardId);
          options.onImpression(cardId);
        }, dwellMs),
      );
    },
    forget: stop,
    hideAll() {
      for (const id of [...running.keys()]) stop(id);
    },
    dispose() {
      for (const id of [...running.keys()]) stop(id);
    },
  };
}
