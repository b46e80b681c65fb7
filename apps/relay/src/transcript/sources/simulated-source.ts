// The simulated transcript feed: plays a timed script as final segments at their show times, looping
// when the show's stream loops (the demo), so the whole loop runs with no speech-to-text provider.
import type { ScriptLine, TranscriptSegmentInput } from '@cuecart/shared';
import type { SourceContext, TranscriptSource } from './source.js';

/** A line without an end is taken to last this long. */
const DEFAULT_LINE_MS = 3000;

export interface SimulatedOptions {
  script: readonly ScriptLine[];
  /** Show ms 0 in wall-clock ms (the stream's first EXT-X-PROGRAM-DATE-TIME). */
  epochMs: number;
  loopMs?: number | undefined;
}

interface Due {
  at: number;
  segment: TranscriptSegmentInput;
}

/** The next line to emit after show time `showMs`: a line is emitted when it ends, as speech-to-text does. */
export function nextLine(options: SimulatedOptions, showMs: number): Due | undefined {
  const lines = [...options.script].sort((a, b) => a.atMs - b.atMs);
  const loopMs = options.loopMs;
  const endOf = (line: ScriptLine) => line.endMs ?? line.atMs + DEFAULT_LINE_MS;
  const firstLoop = loopMs ? Math.max(0, Math.floor(showMs / loopMs) - 1) : 0;
  const lastLoop = loopMs ? firstLoop + 2 : 0;
  for (let loop = firstLoop; loop <= lastLoop; loop++) {
    const offset = loopMs ? loop * loopMs : 0;
    for (const [i, line] of lines.entries()) {
      const end = offset + endOf(line);
      if (end > showMs) {
        return {
          at: end,
          segment: { id: `sim-${loop}-${i}`, startMs: offset + line.atMs, endMs: end, text: line.text, final: true },
        };
      }
    }
  }
  return undefined;
}

export function createSimulatedSource(ctx: SourceContext, options: SimulatedOptions): TranscriptSource {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let lastShowMs = -1;

  const schedule = () => {
    if (!running) return;
    const showMs = Math.max(ctx.clock() - options.epochMs, lastShowMs);
    const due = nextLine(options, showMs);
    if (!due) return; // a script without a loop has played to its end
    timer = setTimeout(() => {
      lastShowMs = due.at;
      try {
        ctx.sink([due.segment]);
      } catch (error) {
        ctx.logger.warn({ err: error, show: ctx.showId }, 'simulated transcript line was not ingested');
      }
      schedule();
    }, Math.max(0, options.epochMs + due.at - ctx.clock()));
    timer.unref();
  };

  return {
    kind: 'simulated',
    start() {
      if (running) return;
      running = true;
      // Lines that ended before the feed started were spoken before anyone listened: skip them.
      lastShowMs = ctx.clock() - options.epochMs;
      schedule();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
