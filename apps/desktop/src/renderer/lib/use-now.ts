// One shared once-a-second clock for every ticking piece of the console and the prompter (times on air, clocks,
// countdowns, cue ages).
import { useSyncExternalStore } from 'react';

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
