// The `local` transcript source: recognizes the show's own audio on this machine with pocketsphinx, for streams
// without a provider transcript. Audio segments as they air -> utterances at pauses -> pocketsphinx with a
// language model and dictionary built from the show's catalog -> final transcript segments into ingest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Product, TranscriptSegmentInput } from '@cuecart/shared';
import type { LoopMedia } from '../../media/live-playlist.js';
import type { SourceContext, TranscriptSource } from '../sources/source.js';
import { decodeAudio, demoSegments, type AiredSegment } from './audio-feed.js';
import { hlsSegments } from './hls-follower.js';
import { arpaBigram, showSentences } from './language-model.js';
import { buildDictionary } from './pronounce.js';
import { pocketsphinx, type HeardWord, type Recognizer } from './recognizer.js';
import { UtteranceCutter, type Utterance } from './utterances.js';

export const DEFAULT_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
/** Utterances waiting for the recognizer beyond this are dropped, oldest first: live beats complete. */
const MAX_BACKLOG = 6;

export interface LocalSourceOptions {
  products: readonly Product[];
  rundown: readonly string[];
  /** The demo loop, when the show is on the demo stream: its segments are read from `mediaDir`. */
  media: LoopMedia | undefined;
  mediaDir: string;
  /** Any other stream: its HLS playlist is followed, and its segments fetched with `fetch`. */
  streamUrl?: string;
  fetch?: typeof globalThis.fetch;
  epochMs: number;
  /** Where the show's model files are written (a fresh folder inside it, removed on stop). */
  workRoot: string;
  modelDir?: string;
  /** For tests: the recognizer and the segment feed. */
  recognizer?: (model: { lm: string; dict: string; hmm: string }, dir: string) => Recognizer;
  segments?: (wait: (atMs: number) => Promise<void>) => AsyncIterable<AiredSegment>;
  decode?: (bytes: Buffer) => Promise<Int16Array>;
}

/** The tools local recognition needs that this machine lacks. */
export function missingTools(tools = ['pocketsphinx_continuous', 'ffmpeg', 'espeak-ng']): string[] {
  return tools.filter((t) => spawnSync('sh', ['-c', `command -v "$1"`, 'sh', t]).status !== 0);
}

/** Final transcript segment from recognized words; undefined when nothing was heard. */
export function toSegment(words: readonly HeardWord[]): TranscriptSegmentInput | undefined {
  if (words.length === 0) return undefined;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return { id: `local-${first.startMs}`, startMs: first.startMs, endMs: Math.max(last.endMs, first.startMs + 1), text: words.map((w) => w.word).join(' '), final: true };
}

export interface LocalSource extends TranscriptSource {
  /** Settles when the source has nothing more to do: a recording's stream ended and all of it was recognized. */
  readonly finished: Promise<void>;
}

export function createLocalSource(ctx: SourceContext, options: LocalSourceOptions): LocalSource {
  let stopped = false;
  let dir: string | undefined;
  const timers = new Set<{ timer: NodeJS.Timeout; reject: (e: Error) => void }>();
  const wait = (atMs: number) => new Promise<void>((resolve, reject) => {
    if (stopped) return reject(new Error('stopped'));
    const entry = { timer: setTimeout(() => { timers.delete(entry); resolve(); }, Math.max(0, atMs - ctx.clock())), reject };
    timers.add(entry);
  });
  let done: Promise<void> = Promise.resolve();
  let wakeWorker = () => {};
  let releaseFeed = () => {};

  async function run(): Promise<void> {
    const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
    if (!options.recognizer) {
      const missing = missingTools();
      if (missing.length > 0) {
        ctx.logger.error({ missing }, `local speech recognition needs ${missing.join(', ')}: apt-get install -y pocketsphinx pocketsphinx-en-us ffmpeg espeak-ng (npm test and npm start install them when run as root); no transcript for this show until then`);
        return;
      }
    }
    if (!options.media && !options.segments && !options.streamUrl) {
      ctx.logger.error('local speech recognition needs the show\'s stream: give the show a streamUrl (an HLS playlist), or a provider transcript (push or v100)');
      return;
    }
    dir = mkdtempSync(join(options.workRoot, 'asr-'));
    const rundown = new Set(options.rundown);
    const { arpa, vocabulary } = arpaBigram(showSentences(options.products, rundown));
    const lm = join(dir, 'show.arpa');
    const dict = join(dir, 'show.dict');
    writeFileSync(lm, arpa);
    if (!options.recognizer) {
      const built = buildDictionary(vocabulary, join(modelDir, 'cmudict-en-us.dict'));
      writeFileSync(dict, built.dict);
      ctx.logger.info({ words: vocabulary.length, fromEspeak: built.fromEspeak, unknown: built.unknown.length }, 'local recognizer: the show language model is ready');
    }
    const recognizer = (options.recognizer ?? ((m, d) => pocketsphinx(m, d)))({ lm, dict, hmm: join(modelDir, 'en-us') }, dir);
    const queue: Utterance[] = [];
    let wake: (() => void) | undefined;
    let taken: (() => void) | undefined;
    wakeWorker = () => wake?.();
    releaseFeed = () => taken?.();
    const cutter = new UtteranceCutter((u) => {
      queue.push(u);
      if (queue.length > MAX_BACKLOG) ctx.logger.warn({ dropped: queue.shift()!.startMs }, 'local recognizer is behind: an utterance was skipped');
      wake?.();
    });
    let fed = false;
    const worker = (async () => {
      while (!stopped) {
        const u = queue.shift();
        taken?.();
        if (!u) {
          if (fed) break;
          await new Promise<void>((r) => { wake = r; });
          wake = undefined;
          continue;
        }
        try {
          const segment = toSegment(await recognizer.recognize(u));
          if (segment && !stopped) ctx.sink([segment]);
        } catch (error) {
          ctx.logger.warn({ err: error }, 'local recognizer failed on an utterance');
        }
      }
    })();
    const decode = options.decode ?? ((b: Buffer) => decodeAudio(b));
    const feed = options.segments ? options.segments(wait)
      : options.media ? demoSegments(options.media, options.mediaDir, options.epochMs, ctx.clock, wait)
      : hlsSegments({ url: options.streamUrl!, epochMs: options.epochMs, fetch: options.fetch ?? fetch, clock: ctx.clock, wait, logger: ctx.logger });
    try {
      for await (const seg of feed) {
        if (stopped) break;
        // A recording is read as fast as the recognizer goes, never faster: nothing of it is skipped.
        while (seg.live === false && queue.length > 1 && !stopped) await new Promise<void>((r) => { taken = r; });
        taken = undefined;
        try {
          cutter.push(await decode(await seg.read()), seg.startMs);
        } catch (error) {
          ctx.logger.warn({ err: error, segment: seg.n }, 'local recognizer could not read a media segment');
        }
      }
      cutter.flush();
    } catch (error) {
      if (!stopped) throw error;
    }
    // The feed ended (a finite stream): the worker finishes what is queued, then stops.
    fed = true;
    wake?.();
    await worker;
  }

  return {
    kind: 'local',
    get finished() { return done; },
    start() {
      done = run().catch((error: unknown) => ctx.logger.error({ err: error }, 'local speech recognition stopped'));
    },
    async stop() {
      stopped = true;
      for (const t of timers) { clearTimeout(t.timer); t.reject(new Error('stopped')); }
      wakeWorker();
      releaseFeed();
      timers.clear();
      await done;
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
