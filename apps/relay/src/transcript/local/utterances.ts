// Cuts a show's audio into utterances for the recognizer: speech between pauses, at most a few seconds long so a
// name is recognized soon after it is said. Energy against an adaptive noise floor, on 20 ms frames of 16 kHz
// mono 16-bit PCM.

export const SAMPLE_RATE = 16000;
const FRAME = 320; // 20 ms
const FRAME_MS = 20;

export interface Utterance {
  /** Show ms of the first and one past the last sample. */
  startMs: number;
  endMs: number;
  pcm: Int16Array;
}

export interface CutterOptions {
  /** A pause this long ends an utterance. */
  pauseMs?: number;
  /** An utterance is cut (at its quietest frame near the end) when it grows this long. */
  maxMs?: number;
  /** Audio kept before the first speech frame and after the last. */
  padMs?: number;
  /** Speech is this many dB above the noise floor (and above -50 dBFS). */
  marginDb?: number;
}

const dbfs = (pcm: Int16Array, from: number): number => {
  let sum = 0;
  for (let i = from; i < from + FRAME; i++) sum += (pcm[i] ?? 0) ** 2;
  return 10 * Math.log10(sum / FRAME / 32768 ** 2 + 1e-12);
};

export class UtteranceCutter {
  private readonly pauseFrames: number;
  private readonly maxFrames: number;
  private readonly padFrames: number;
  private readonly marginDb: number;
  /** Frames not yet emitted, with their energies; frames[0] starts at show ms `bufferStartMs`. */
  private frames: Int16Array[] = [];
  private energy: number[] = [];
  private bufferStartMs = 0;
  private pending = new Int16Array(0);
  private pendingStartMs = 0;
  private floorDb = -60;
  /** Index of the first speech frame of the current utterance, or -1 in silence. */
  private speechFrom = -1;
  private silentRun = 0;

  constructor(private readonly emit: (u: Utterance) => void, options: CutterOptions = {}) {
    this.pauseFrames = Math.round((options.pauseMs ?? 300) / FRAME_MS);
    this.maxFrames = Math.round((options.maxMs ?? 3500) / FRAME_MS);
    this.padFrames = Math.round((options.padMs ?? 160) / FRAME_MS);
    this.marginDb = options.marginDb ?? 12;
  }

  /** Feeds audio that starts at show ms `startMs`; a jump in time (a gap, a loop) ends the utterance in progress. */
  push(pcm: Int16Array, startMs: number): void {
    const expected = this.pendingStartMs + (this.pending.length / SAMPLE_RATE) * 1000;
    if (this.pending.length > 0 || this.frames.length > 0) {
      const at = this.pending.length > 0 ? expected : this.bufferStartMs + this.frames.length * FRAME_MS;
      if (Math.abs(startMs - at) > 40) { this.flush(); this.frames = []; this.energy = []; this.pending = new Int16Array(0); }
    }
    if (this.frames.length === 0 && this.pending.length === 0) { this.bufferStartMs = startMs; this.pendingStartMs = startMs; }
    const all = new Int16Array(this.pending.length + pcm.length);
    all.set(this.pending);
    all.set(pcm, this.pending.length);
    let i = 0;
    for (; i + FRAME <= all.length; i += FRAME) this.frame(all.slice(i, i + FRAME));
    this.pending = all.slice(i);
    this.pendingStartMs = this.bufferStartMs + this.frames.length * FRAME_MS;
  }

  /** Emits what is left (the stream ended). */
  flush(): void {
    if (this.speechFrom >= 0) this.cut(this.frames.length);
    this.speechFrom = -1;
    this.silentRun = 0;
  }

  private frame(f: Int16Array): void {
    const e = dbfs(f, 0);
    this.frames.push(f);
    this.energy.push(e);
    // The floor follows quiet frames quickly and loud ones slowly.
    this.floorDb = e < this.floorDb ? 0.7 * this.floorDb + 0.3 * e : Math.min(this.floorDb + 0.05, -20);
    const speech = e > Math.max(this.floorDb + this.marginDb, -50);
    const n = this.frames.length - 1;
    if (this.speechFrom < 0) {
      if (speech) { this.speechFrom = n; this.silentRun = 0; }
      else this.trimSilence();
      return;
    }
    this.silentRun = speech ? 0 : this.silentRun + 1;
    if (this.silentRun >= this.pauseFrames) {
      this.cut(n - this.silentRun + 1 + this.padFrames);
      return;
    }
    if (n - this.speechFrom + 1 >= this.maxFrames) {
      // Cut at the quietest frame of the last second, so a word is not split if it can be helped.
      const from = Math.max(this.speechFrom + 1, n - 50);
      let at = n;
      for (let k = from; k <= n; k++) if (this.energy[k]! < this.energy[at]!) at = k;
      this.cut(at + 1, true);
    }
  }

  /** Keeps only the pre-roll while nobody speaks. */
  private trimSilence(): void {
    const drop = this.frames.length - this.padFrames;
    if (drop > 0) this.drop(drop);
  }

  private drop(count: number): void {
    this.frames.splice(0, count);
    this.energy.splice(0, count);
    this.bufferStartMs += count * FRAME_MS;
  }

  /** Emits frames [start - pad, end) as one utterance; `continues` keeps the utterance open after a forced cut. */
  private cut(end: number, continues = false): void {
    const stop = Math.min(end, this.frames.length);
    const from = Math.max(0, this.speechFrom - this.padFrames);
    const pcm = new Int16Array((stop - from) * FRAME);
    for (let k = from; k < stop; k++) pcm.set(this.frames[k]!, (k - from) * FRAME);
    this.emit({ startMs: this.bufferStartMs + from * FRAME_MS, endMs: this.bufferStartMs + stop * FRAME_MS, pcm });
    this.drop(stop);
    this.silentRun = 0;
    // After a forced cut the next piece starts right at the cut, with no pre-roll to repeat.
    this.speechFrom = continues ? 0 : -1;
  }
}
