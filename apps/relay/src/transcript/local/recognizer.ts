// Recognizes one utterance with Debian's pocketsphinx (pocketsphinx_continuous over a raw 16 kHz file, word times
// on), with the show's language model and dictionary. Spawned with an argument array; one at a time per show.
import { spawn } from 'node:child_process';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Utterance } from './utterances.js';

export interface HeardWord { word: string; startMs: number; endMs: number }

/** pocketsphinx's `-time yes` lines ("word start end confidence", seconds); silences, fillers and <s> dropped. */
export function parseWordTimes(out: string, offsetMs = 0): HeardWord[] {
  const words: HeardWord[] = [];
  for (const line of out.split('\n')) {
    const m = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)(?: |$)/.exec(line.trim());
    if (!m || /^[<[+]/.test(m[1]!)) continue;
    words.push({ word: m[1]!.replace(/\(\d+\)$/, ''), startMs: offsetMs + Math.round(Number(m[2]) * 1000), endMs: offsetMs + Math.round(Number(m[3]) * 1000) });
  }
  return words;
}

export interface RecognizerModel {
  /** The acoustic model directory (pocketsphinx-en-us: /usr/share/pocketsphinx/model/en-us/en-us). */
  hmm: string;
  lm: string;
  dict: string;
}

export interface Recognizer {
  recognize(u: Utterance): Promise<HeardWord[]>;
}

/** A recognizer that writes each utterance to `workDir` and runs `binary` on it. */
export function pocketsphinx(model: RecognizerModel, workDir: string, binary = 'pocketsphinx_continuous', timeoutMs = 20_000): Recognizer {
  let n = 0;
  return {
    async recognize(u) {
      const file = join(workDir, `utt-${process.pid}-${n++ % 4}.raw`);
      await writeFile(file, Buffer.from(u.pcm.buffer, u.pcm.byteOffset, u.pcm.byteLength));
      try {
        const out = await new Promise<string>((resolve, reject) => {
          const child = spawn(binary, ['-infile', file, '-time', 'yes', '-logfn', '/dev/null', '-hmm', model.hmm, '-lm', model.lm, '-dict', model.dict], { stdio: ['ignore', 'pipe', 'pipe'] });
          let stdout = '';
          let stderr = '';
          const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
          child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
          child.stderr.on('data', (d: Buffer) => { if (stderr.length < 2000) stderr += d.toString('utf8'); });
          child.on('error', (err) => { clearTimeout(timer); reject(err); });
          child.on('close', (code) => {
            clearTimeout(timer);
            if (code === 0) resolve(stdout);
            else reject(new Error(`${binary} exited with ${code}: ${stderr.trim().slice(0, 300)}`));
          });
        });
        return parseWordTimes(out, u.startMs);
      } finally {
        await rm(file, { force: true });
      }
    },
  };
}
