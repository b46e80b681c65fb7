import { describe, expect, it } from 'vitest';
import { PING_EVERY_MS, SILENT_AFTER_MS, STUCK_AFTER_MS, watchLink } from './link-watch.js';

/** A clock and a ticker driven by hand, and a relay that answers pings while `answering`. */
function harness() {
  let t = 0;
  let tick: (() => void) | null = null;
  const events: string[] = [];
  const pending: Array<() => void> = [];
  const state = { answering: true };
  const watch = watchLink({
    ping: (heard) => (state.answering ? heard() : pending.push(heard)),
    onSilent: () => events.push(`silent@${t}`),
    onHeard: () => events.push(`heard@${t}`),
    onStuck: () => events.push(`stuck@${t}`),
    now: () => t,
    every: (fn) => {
      tick = fn;
      return () => (tick = null);
    },
  });
  /** Runs the timer every `step` ms (the browser may run it less often than asked). */
  const advance = (ms: number, step = PING_EVERY_MS) => {
    for (let end = t + ms; t + step <= end; ) {
      t += step;
      tick?.();
    }
  };
  return { watch, events, pending, state, advance, at: () => t };
}

describe('the console heartbeat', () => {
  it('stays quiet while the relay answers', () => {
    const h = harness();
    h.advance(10_000);
    expect(h.events).toEqual([]);
    expect(h.watch.silent).toBe(false);
  });

  it('calls the link silent within a second of the last answer, then stuck, then heard again when answers resume', () => {
    const h = harness();
    h.advance(1000);
    h.state.answering = false;
    const lost = h.at();
    h.advance(6000);
    const silentAt = Number(h.events[0]!.split('@')[1]);
    const stuckAt = Number(h.events[1]!.split('@')[1]);
    expect(h.events[0]).toMatch(/^silent@/);
    expect(silentAt - lost).toBeGreaterThanOrEqual(SILENT_AFTER_MS);
    expect(silentAt - lost).toBeLessThan(1000);
    expect(h.events[1]).toMatch(/^stuck@/);
    expect(stuckAt - lost).toBeGreaterThanOrEqual(STUCK_AFTER_MS);
    expect(stuckAt - lost).toBeLessThan(STUCK_AFTER_MS + 2 * PING_EVERY_MS);
    expect(h.watch.silent).toBe(true);
    // A late answer to an old ping proves the link works again.
    h.pending.shift()!();
    expect(h.events[2]).toBe(`heard@${h.at()}`);
    expect(h.watch.silent).toBe(false);
  });

  it('does not call a slowed background tab silent: it waits from the oldest unanswered ping', () => {
    const h = harness();
    // The browser runs the timer once a second; every ping is answered at once.
    h.advance(20_000, 1000);
    expect(h.events).toEqual([]);
    // ...but a ping unanswered over a slowed tick still counts.
    h.state.answering = false;
    h.advance(2000, 1000);
    expect(h.events).toEqual([`silent@${h.at()}`]);
  });

  it('says nothing after it was stopped', () => {
    const h = harness();
    h.state.answering = false;
    h.advance(500);
    h.watch.stop();
    h.advance(5000);
    h.pending.forEach((heard) => heard());
    expect(h.events).toEqual([]);
  });
});
