// A clock for components that show ticking times (time on air, countdowns): one shared interval per period.
import { useSyncExternalStore } from 'react';

const clocks = new Map<number, { now: number; listeners: Set<() => void>; timer?: ReturnType<typeof setInterval> }>();

function clockFor(periodMs: number) {
  let clock = clocks.get(periodMs);
  if (!clock) {
    clock = { now: Date.now(), listeners: new Set() };
    clocks.set(periodMs, clock);
  }
  return clock;
}

export function useNow(periodMs = 1000): number {
  const clock = clockFor(periodMs);
  return useSyncExternalStore(
    (listener) => {
      clock.listeners.add(listener);
      clock.timer ??= setInterval(() => {
        clock.now = Date.now();
        for (const l of clock.listeners) l();
      }, periodMs);
      return () => {
        clock.listeners.delete(listener);
        if (clock.listeners.size === 0 && clock.timer) {
          clearInterval(clock.timer);
          clock.timer = undefined;
        }
      };
    },
    () => clock.now,
  );
}
