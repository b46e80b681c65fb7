// One shared once-a-second clock for every ticking piece of the console and the prompter (times on air, clocks,
// countdowns, cue ages).
import { useEffect, useState, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Math.floor(Date.now() / 1000) * 1000;
let timer: ReturnType<typeof setInterval> | null = null;

function tick() {
  const second = Math.floor(Date.now() / 1000) * 1000;
  if (second === now) return;
  now = second;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  tick();
  listeners.add(listener);
  // Polling at 4 Hz keeps the displayed second within a quarter second of the wall clock.
  timer ??= setInterval(tick, 250);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, floored to the second; re-renders the caller once a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}

/** True once `endsAt` has passed, re-rendering the caller at that very moment (not at the next whole second). */
export function useEnded(endsAt: number | undefined): boolean {
  const [, rerender] = useState(0);
  const ended = endsAt !== undefined && Date.now() >= endsAt;
  useEffect(() => {
    if (endsAt === undefined || ended) return;
    const t = setTimeout(() => rerender((n) => n + 1), endsAt - Date.now() + 1);
    return () => clearTimeout(t);
  }, [endsAt, ended]);
  return ended;
}
