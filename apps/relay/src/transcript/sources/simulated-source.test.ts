import { describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { createSimulatedSource, nextLine } from './simulated-source.js';

const script = [
  { atMs: 1000, endMs: 2000, text: 'one' },
  { atMs: 3000, text: 'two' },
];

describe('nextLine', () => {
  it('emits each line when it ends, in order, with show-ms times', () => {
    expect(nextLine({ script, epochMs: 0 }, 0)).toEqual({ at: 2000, segment: { id: 'sim-0-0', startMs: 1000, endMs: 2000, text: 'one', final: true } });
    expect(nextLine({ script, epochMs: 0 }, 2000)?.segment).toMatchObject({ id: 'sim-0-1', startMs: 3000, endMs: 6000 });
    expect(nextLine({ script, epochMs: 0 }, 6000)).toBeUndefined();
  });

  it('repeats the script every loop with fresh ids and continuous show times', () => {
    const looped = { script, epochMs: 0, loopMs: 10_000 };
    expect(nextLine(looped, 6000)?.segment).toMatchObject({ id: 'sim-1-0', startMs: 11_000, endMs: 12_000 });
    expect(nextLine(looped, 3_600_000 + 2500)?.segment).toMatchObject({ id: 'sim-360-1', startMs: 3_603_000 });
  });
});

describe('createSimulatedSource', () => {
  it('plays lines on the clock, skips what ended before it started, and stops', async () => {
    vi.useFakeTimers();
    try {
      const now = () => Date.now();
      const epochMs = Date.now() - 2500; // line "one" already ended
      const sink = vi.fn();
      const source = createSimulatedSource({ showId: 's', sink, logger: pino({ level: 'silent' }), clock: now }, { script, epochMs });
      source.start();
      await vi.advanceTimersByTimeAsync(3000);
      expect(sink).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(600);
      expect(sink).toHaveBeenCalledTimes(1);
      expect(sink.mock.calls[0]![0]).toEqual([{ id: 'sim-0-1', startMs: 3000, endMs: 6000, text: 'two', final: true }]);
      await source.stop();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sink).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
