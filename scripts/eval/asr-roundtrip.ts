// Learns how speech recognition mishears product names: speaks carrier phrases with every name word of the
// synthetic catalogs (espeak-ng, two voices, two speeds), recognizes them with Debian's pocketsphinx and its
// general US English model (what a provider without the catalog hears), aligns what was heard with what was
// said, and keeps the confusions that sound like the word (a lost word is counted, not kept).
//
//   npx tsx scripts/eval/asr-roundtrip.ts [--out scripts/eval/data/asr-confusions.json] [--phrases N]
//
// Needs espeak-ng, sox, pocketsphinx and pocketsphinx-en-us (apt-get install -y espeak-ng sox pocketsphinx
// pocketsphinx-en-us). The output is committed; synth-shows.ts reads it, the matcher never does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { editDistance, soundKey } from '../../packages/shared/src/matcher/fuzzy.js';
import { rng } from '../../packages/shared/src/format/rng.js';
import { parseWordTimes, type HeardWord } from '../../apps/relay/src/transcript/local/recognizer.js';
import { MATERIALS, SUFFIXES, VERTICALS } from './synth-shows.js';

const RATE = 16000;
const GAP_S = 0.8;
const CARRIERS = ['okay so this is the', 'next up we have the', 'let me show you the', 'you guys asked about the'];
const VOICES = [['en-us', 150], ['en-us+m3', 175], ['en-us+f2', 165], ['en-us+f4', 185]] as const;

export interface Confusions {
  meta: Record<string, string | number>;
  /** word said -> [what was heard, times], most frequent first. Only sound-alikes are kept. */
  confusions: Record<string, [string, number][]>;
}

const words = (s: string) => s.toLowerCase().replace(/&/g, ' and ').split(/[^a-z']+/).filter(Boolean);

/** Phrases that put every name word of every vertical in a few different neighbourhoods. */
function phrases(count: number): { text: string; names: string[] }[] {
  const r = rng(0xa5a5);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: { text: string; names: string[] }[] = [];
  for (let i = 0; out.length < count; i++) {
    const v = VERTICALS[i % VERTICALS.length]!;
    // Walk each list in order so every word is said, and fill the rest of the name at random.
    const k = Math.floor(i / VERTICALS.length);
    const brand = v.brands[k % v.brands.length]!;
    const model = v.models[k % v.models.length]!;
    const type = v.types[k % v.types.length]!;
    const extra = k % 3 === 0 ? pick(SUFFIXES) : k % 3 === 1 ? pick(MATERIALS) : v.variants[k % v.variants.length]!;
    const name = k % 3 === 1 ? [brand, extra, model, type] : k % 3 === 2 ? [extra, brand, model, type] : [brand, model, type, extra];
    out.push({ text: `${pick(CARRIERS)} ${name.join(' ')}`, names: name.flatMap(words) });
  }
  return out;
}

/** One phrase as 16 kHz mono 16-bit PCM. */
function speak(text: string, voice: string, wpm: number, dir: string): Buffer {
  const wav = join(dir, 'line.wav');
  execFileSync('espeak-ng', ['-v', voice, '-s', String(wpm), '-w', wav, text]);
  return execFileSync('sox', [wav, '-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-'], { maxBuffer: 1 << 26 });
}

/** Word alignment (Levenshtein, substitutions cheaper between look-alikes): for each said word, what was heard there. */
export function align(said: string[], heard: string[]): (string | null)[] {
  const n = said.length, m = heard.length;
  const sub = (a: string, b: string) => (a === b ? 0 : 1 - 0.5 * (1 - editDistance(a, b, 10) / Math.max(a.length, b.length)));
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + sub(said[i - 1]!, heard[j - 1]!));
  }
  // Walk back; heard words inserted next to a substitution join it ("lumera" -> "lou mara").
  const got: string[][] = Array.from({ length: n }, () => []);
  let i = n, j = m, lastSaid = -1;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + sub(said[i - 1]!, heard[j - 1]!)) { got[i - 1]!.unshift(heard[j - 1]!); lastSaid = i - 1; i--; j--; }
    else if (j > 0 && (i === 0 || d[i]![j] === d[i]![j - 1]! + 1)) { const to = lastSaid >= 0 ? lastSaid : Math.max(0, i - 1); if (said[to] !== undefined && got[to]![0] !== said[to]) got[to]!.unshift(heard[j - 1]!); j--; }
    else { i--; }
  }
  return got.map((g) => (g.length ? g.join(' ') : null));
}

/** Whether a heard form sounds like the word (kept as a confusion) rather than something else entirely. */
export function soundsLike(word: string, heard: string): boolean {
  const joined = heard.replace(/ /g, '');
  if (joined === word) return true;
  const sim = 1 - editDistance(word, joined, 12) / Math.max(word.length, joined.length);
  const kw = soundKey(word), kh = soundKey(joined);
  const keySim = 1 - editDistance(kw, kh, 12) / Math.max(1, kw.length, kh.length);
  return sim >= 0.5 || (keySim >= 0.6 && sim >= 0.3);
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const out = value('--out') ?? 'scripts/eval/data/asr-confusions.json';
  const list = phrases(Number(value('--phrases') ?? 280));
  const dir = mkdtempSync(join(tmpdir(), 'cuecart-asr-'));
  const counts = new Map<string, Map<string, number>>();
  let said = 0, right = 0, lost = 0;
  try {
    const batch = 40;
    for (let b = 0; b < list.length; b += batch) {
      const chunk = list.slice(b, b + batch);
      const pcm: Buffer[] = [];
      const spans: [number, number][] = [];
      let at = 0;
      const gap = Buffer.alloc(Math.round(GAP_S * RATE) * 2);
      chunk.forEach((p, k) => {
        const [voice, wpm] = VOICES[(b + k) % VOICES.length]!;
        const audio = speak(p.text, voice, wpm, dir);
        pcm.push(gap, audio);
        at += GAP_S;
        spans.push([at, at + audio.length / 2 / RATE]);
        at += audio.length / 2 / RATE;
      });
      pcm.push(gap);
      const raw = join(dir, 'batch.raw');
      writeFileSync(raw, Buffer.concat(pcm));
      const res = execFileSync('pocketsphinx_continuous', ['-infile', raw, '-time', 'yes', '-logfn', '/dev/null'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const heard = parseWordTimes(res);
      chunk.forEach((p, k) => {
        const [s, e] = spans[k]!;
        const mid = (h: HeardWord) => (h.startMs + h.endMs) / 2000;
        const hyp = heard.filter((h) => mid(h) >= s - 0.2 && mid(h) <= e + 0.2).map((h) => h.word);
        const ref = words(p.text);
        const got = align(ref, hyp);
        ref.forEach((w, idx) => {
          if (!p.names.includes(w)) return;
          said++;
          const g = got[idx];
          if (g === w) { right++; return; }
          if (!g || !soundsLike(w, g)) { lost++; return; }
          const m = counts.get(w) ?? new Map<string, number>();
          m.set(g, (m.get(g) ?? 0) + 1);
          counts.set(w, m);
        });
      });
      console.error(`asr round trip: ${Math.min(b + batch, list.length)}/${list.length} phrases`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const confusions = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([w, m]) => [w, [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))]));
  const version = (cmd: string, a: string[]) => { try { return execFileSync(cmd, a, { encoding: 'utf8' }).split('\n')[0]!.trim(); } catch { return 'unknown'; } };
  const data: Confusions = {
    meta: {
      command: 'npx tsx scripts/eval/asr-roundtrip.ts',
      espeak: version('espeak-ng', ['--version']),
      recognizer: 'pocketsphinx_continuous, pocketsphinx-en-us general model (en-us.lm.bin, cmudict-en-us.dict)',
      phrases: list.length,
      nameWordsSaid: said,
      heardRight: right,
      heardAsSoundAlike: said - right - lost,
      lost,
    },
    confusions,
  };
  writeFileSync(out, JSON.stringify(data, null, 1) + '\n');
  console.log(`${said} name words said: ${right} heard right, ${said - right - lost} as sound-alikes (kept), ${lost} lost; ${Object.keys(confusions).length} words with confusions -> ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
