// The show's own audio for the local recognizer: each media segment as it airs, decoded by ffmpeg (spawned with
// an argument array) to 16 kHz mono PCM, with the show ms it starts at.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lastFinished, segmentAt, type LoopMedia } from '../../media/live-playlist.js';
import { SAMPLE_RATE } from './utterances.js';

export interface AiredSegment {
  n: number;
  startMs: number;
  durationMs: number;
  /** False for a recording read after the fact: the recognizer may take longer than it lasts. Default true. */
  live?: boolean;
  read(): Promise<Buffer>;
}

/** Decodes one media segment's audio; rejects with ffmpeg's message when it cannot. */
export function decodeAudio(bytes: Buffer, ffmpeg = 'ffmpeg'): Promise<Int16Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ['-nostdin', '-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-vn', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 's16le', 'pipe:1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => { if (stderr.length < 2000) stderr += d.toString('utf8'); });
    child.on('error', reject);
    child.stdin.on('error', () => { /* ffmpeg stopped reading: its exit code says why */ });
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${ffmpeg} could not decode the segment's audio (exit ${code}): ${stderr.trim().slice(0, 300)}`));
      const buf = Buffer.concat(chunks);
      const pcm = new Int16Array(Math.floor(buf.length / 2));
      for (let i = 0; i < pcm.length; i++) pcm[i] = buf.readInt16LE(i * 2);
      resolve(pcm);
    });
    child.stdin.end(bytes);
  });
}

/**
 * The demo loop's segments as they finish airing (a live stream publishes a segment when it ends), from the
 * first one that ends after `fromShowMs`. `wait` resolves at a wall-clock time or rejects when stopped.
 */
export async function* demoSegments(media: LoopMedia, dir: string, epochMs: number, clock: () => number, wait: (atMs: number) => Promise<void>, fromShowMs = clock() - epochMs): AsyncGenerator<AiredSegment> {
  let n = Math.max(0, lastFinished(media, fromShowMs) + 1);
  for (;;) {
    const seg = segmentAt(media, n);
    await wait(epochMs + seg.startMs + seg.durationMs);
    yield { n, startMs: seg.startMs, durationMs: seg.durationMs, read: () => readFile(join(dir, seg.file)) };
    n++;
  }
}
