import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { Product } from '@cuecart/shared';
import { arpaBigram, showSentences, spokenText } from './language-model.js';
import { createLocalSource, toSegment } from './local-source.js';
import { buildDictionary, ipaToPhones } from './pronounce.js';
import { parseWordTimes } from './recognizer.js';
import { SAMPLE_RATE, UtteranceCutter, type Utterance } from './utterances.js';

const product = (id: string, title: string, vendor: string, productType: string, amount = '49.00'): Product => ({
  id, title, vendor, productType, tags: [], available: true, price: { amount, currencyCode: 'USD' }, variants: [{ id: `${id}-v`, title: 'Rose', sku: `${id}-R` }],
});

describe('the show language model', () => {
  it('writes catalog text the way a recognizer writes speech', () => {
    expect(spokenText('Petal & Pestle 12" Skillet, 2-Pack')).toBe('petal and pestle twelve inch skillet two pack');
    expect(spokenText('Crème Brûlée')).toBe('creme brulee');
  });

  it('says each catalog name the ways hosts do, and weighs the rundown more', () => {
    const s = showSentences([product('a', 'Lumera Dew Serum', 'Lumera', 'Serum'), product('b', 'Oaklin Calm Toner', 'Oaklin', 'Toner')], new Set(['a']));
    expect(s).toContain('the lumera dew serum');
    expect(s).toContain('the dew serum');
    expect(s).toContain('the rose dew serum');
    expect(s).toContain('the dew serum is forty nine dollars');
    expect(s.filter((x) => x === 'the dew serum').length).toBe(3);
    expect(s.filter((x) => x === 'the calm toner').length).toBe(1);
  });

  it('is a valid ARPA bigram model whose probabilities out of each word sum to one', () => {
    const { arpa, vocabulary } = arpaBigram(['the dew serum', 'the calm toner', 'this is the dew serum']);
    expect(vocabulary.sort()).toEqual(['calm', 'dew', 'is', 'serum', 'the', 'this', 'toner']);
    expect(arpa).toMatch(/^\\data\\\nngram 1=9\nngram 2=\d+\n/);
    const uni = new Map<string, { p: number; bo: number }>();
    const bi = new Map<string, Map<string, number>>();
    let section = '';
    for (const line of arpa.split('\n')) {
      if (line.startsWith('\\')) { section = line; continue; }
      const parts = line.split(' ');
      if (section === '\\1-grams:' && parts.length === 3) uni.set(parts[1]!, { p: 10 ** Number(parts[0]), bo: 10 ** Number(parts[2]) });
      if (section === '\\2-grams:' && parts.length === 3) {
        const m = bi.get(parts[1]!) ?? new Map<string, number>();
        m.set(parts[2]!, 10 ** Number(parts[0]));
        bi.set(parts[1]!, m);
      }
    }
    for (const [a, next] of bi) {
      let total = 0;
      for (const [w, { p }] of uni) if (w !== '<s>') total += next.get(w) ?? uni.get(a)!.bo * p;
      expect(total, `P(. | ${a})`).toBeCloseTo(1, 2);
    }
  });
});

describe('pronunciations', () => {
  it('maps espeak-ng IPA to the CMU phone set', () => {
    expect(ipaToPhones('lˈuːmɚɹə')).toBe('L UW M ER R AH');
    expect(ipaToPhones('dɹˈɪŋkwɛɹ')).toBe('D R IH NG K W EH R');
    expect(ipaToPhones('tʃˈɑːɹdʒɚ')).toBe('CH AA R JH ER');
  });

  it('takes every CMU pronunciation it has, asks espeak for the rest, and lists what neither knows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dict-'));
    try {
      const cmu = join(dir, 'cmu.dict');
      writeFileSync(cmu, 'serum S IH R AH M\nthe DH AH\nthe(2) DH IY\ntoner T OW N ER\n');
      const g2p = vi.fn((w: string) => (w === 'lumera' ? 'L UW M EH R AH' : undefined));
      const built = buildDictionary(['the', 'serum', 'lumera', 'zzq9'], cmu, g2p);
      expect(built.dict.trim().split('\n').sort()).toEqual(['lumera L UW M EH R AH', 'serum S IH R AH M', 'the DH AH', 'the(2) DH IY']);
      expect(built.unknown).toEqual(['zzq9']);
      expect(built.fromEspeak).toBe(1);
      expect(g2p).toHaveBeenCalledTimes(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('recognizer output', () => {
  it('reads word times in show ms and drops silences, fillers and alternates’ marks', () => {
    const out = 'the dew serum\n<s> 0.000 0.100 0.99\nthe(2) 0.110 0.200 0.5\n<sil> 0.210 0.300 1\ndew 0.310 0.500 0.9\n[NOISE] 0.5 0.6 1\nserum 0.510 0.900 0.8\n</s> 0.910 1.000 1\n';
    expect(parseWordTimes(out, 5000)).toEqual([
      { word: 'the', startMs: 5110, endMs: 5200 },
      { word: 'dew', startMs: 5310, endMs: 5500 },
      { word: 'serum', startMs: 5510, endMs: 5900 },
    ]);
    expect(toSegment(parseWordTimes(out, 5000))).toEqual({ id: 'local-5110', startMs: 5110, endMs: 5900, text: 'the dew serum', final: true });
    expect(toSegment([])).toBeUndefined();
  });
});

/** `ms` of a 300 Hz tone at `amp`, or silence (amp 0) with a little noise. */
function audio(ms: number, amp: number): Int16Array {
  const n = Math.round((ms / 1000) * SAMPLE_RATE);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(amp * Math.sin((2 * Math.PI * 300 * i) / SAMPLE_RATE) + ((i * 7919) % 13) - 6);
  return out;
}
const concat = (...parts: Int16Array[]) => {
  const out = new Int16Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};

describe('utterances', () => {
  it('cuts speech at pauses, with show ms, across chunk boundaries', () => {
    const got: Utterance[] = [];
    const cutter = new UtteranceCutter((u) => got.push(u));
    const pcm = concat(audio(1000, 0), audio(1200, 8000), audio(600, 0), audio(800, 8000), audio(800, 0));
    // Fed in odd-sized chunks, as decoded segments arrive.
    for (let i = 0, t = 10_000; i < pcm.length; i += 7000, t += (7000 / SAMPLE_RATE) * 1000) cutter.push(pcm.subarray(i, i + 7000), t);
    cutter.flush();
    expect(got).toHaveLength(2);
    expect(got[0]!.startMs).toBeGreaterThanOrEqual(10_000 + 1000 - 200);
    expect(got[0]!.startMs).toBeLessThanOrEqual(10_000 + 1000);
    expect(got[0]!.endMs).toBeGreaterThanOrEqual(10_000 + 2200);
    expect(got[0]!.endMs).toBeLessThanOrEqual(10_000 + 2200 + 200);
    expect(got[1]!.startMs).toBeGreaterThanOrEqual(10_000 + 2800 - 200);
    expect(got[0]!.pcm.length).toBe(((got[0]!.endMs - got[0]!.startMs) / 1000) * SAMPLE_RATE);
  });

  it('cuts long speech into pieces of at most maxMs that cover it without gaps', () => {
    const got: Utterance[] = [];
    const cutter = new UtteranceCutter((u) => got.push(u), { maxMs: 2000 });
    cutter.push(concat(audio(500, 0), audio(7000, 8000), audio(600, 0)), 0);
    cutter.flush();
    expect(got.length).toBeGreaterThanOrEqual(4);
    for (const u of got) expect(u.endMs - u.startMs).toBeLessThanOrEqual(2000 + 400);
    for (let i = 1; i < got.length; i++) expect(got[i]!.startMs).toBe(got[i - 1]!.endMs);
  });

  it('a jump in time (the loop wrapped) ends the utterance in progress', () => {
    const got: Utterance[] = [];
    const cutter = new UtteranceCutter((u) => got.push(u));
    cutter.push(concat(audio(400, 0), audio(800, 8000)), 0);
    cutter.push(concat(audio(800, 8000), audio(600, 0)), 60_000);
    cutter.flush();
    expect(got).toHaveLength(2);
    expect(got[0]!.endMs).toBeLessThanOrEqual(1200);
    expect(got[1]!.startMs).toBeGreaterThanOrEqual(60_000 - 200);
  });
});

describe('createLocalSource', () => {
  it('turns aired segments into final transcript segments through the recognizer, and stops', async () => {
    const workRoot = mkdtempSync(join(tmpdir(), 'local-src-'));
    try {
      const sink = vi.fn();
      const recognize = vi.fn(async (u: Utterance) => [{ word: 'the', startMs: u.startMs + 100, endMs: u.startMs + 200 }, { word: 'serum', startMs: u.startMs + 250, endMs: u.endMs - 100 }]);
      let models: { lm: string } | undefined;
      const speech = concat(audio(300, 0), audio(900, 8000), audio(800, 0));
      const source = createLocalSource({ showId: 's', sink, logger: pino({ level: 'silent' }), clock: Date.now }, {
        products: [product('a', 'Lumera Dew Serum', 'Lumera', 'Serum')], rundown: ['a'], media: undefined, mediaDir: workRoot, epochMs: 0, workRoot,
        recognizer: (m) => { models = m; return { recognize }; },
        segments: async function* () { for (let n = 0; n < 2; n++) yield { n, startMs: n * 2000, durationMs: 2000, read: async () => Buffer.alloc(0) }; },
        decode: async () => speech,
      });
      source.start();
      await vi.waitFor(() => expect(sink).toHaveBeenCalledTimes(2));
      expect(sink.mock.calls.map((c) => (c[0] as { text: string; startMs: number }[])[0])).toEqual([
        expect.objectContaining({ text: 'the serum', final: true }), expect.objectContaining({ text: 'the serum', final: true }),
      ]);
      const [first, second] = sink.mock.calls.map((c) => (c[0] as { startMs: number }[])[0]!.startMs);
      expect(first).toBeGreaterThanOrEqual(100);
      expect(first).toBeLessThanOrEqual(400);
      expect(second! - first!).toBe(2000);
      expect(models?.lm).toMatch(/show\.arpa$/);
      await source.stop();
    } finally {
      rmSync(workRoot, { recursive: true, force: true });
    }
  });
});
