// The local recognizer's language model for one show: a bigram model (ARPA text, which pocketsphinx reads) over
// what hosts say around product names (host-talk.ts) and the show's own catalog said the ways hosts name
// products (full title, without the brand, its last words, brand and type, a variant), so the names the
// show will hear are words the recognizer knows.
import { spokenNumber, type Product } from '@cuecart/shared';
import { HOST_TALK } from './host-talk.js';

/** Catalog text as a recognizer writes it: lower case, "&" as "and", numbers as words, no punctuation. */
export function spokenText(text: string): string {
  return String(text ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/(\d)\s*["”]/g, '$1 inch ')
    .replace(/\d+/g, (d) => (d.length <= 6 ? ` ${spokenNumber(Number(d))} ` : ' '))
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sentences the model is estimated from: the hosts' talk, the catalog's names in a host's phrasing, prices. */
export function showSentences(products: readonly Product[], rundown: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [...HOST_TALK];
  for (let n = 1; n <= 300; n++) out.push(`${spokenNumber(n)} dollars`);
  for (const p of products) {
    const title = spokenText(p.title);
    if (!title) continue;
    const words = title.split(' ');
    const vendor = spokenText(p.vendor ?? '');
    const type = spokenText(p.productType ?? '');
    const noBrand = vendor && title.startsWith(`${vendor} `) ? title.slice(vendor.length + 1) : title;
    const forms = new Set([title, noBrand, words.slice(-2).join(' '), vendor && type ? `${vendor} ${type}` : '', ...((p.variants ?? []).map((v) => `${spokenText(v.title)} ${noBrand}`))]);
    // The rundown's products are the likeliest names: they weigh more.
    const times = rundown.size === 0 || rundown.has(p.id) ? 3 : 1;
    for (let k = 0; k < times; k++) for (const f of forms) if (f) out.push(`the ${f}`, `this is the ${f}`);
    const amount = Number(p.price?.amount);
    if (Number.isFinite(amount) && amount >= 1 && amount < 1e6) out.push(`the ${noBrand} is ${spokenNumber(Math.floor(amount))} dollars`);
  }
  return out;
}

/**
 * A bigram model with absolute discounting and back-off, in ARPA format. Unigrams are add-half smoothed, so
 * every word of the corpus can start anywhere; `<s>` and `</s>` mark each sentence.
 */
export function arpaBigram(sentences: readonly string[], discount = 0.7): { arpa: string; vocabulary: string[] } {
  const uni = new Map<string, number>();
  const bi = new Map<string, Map<string, number>>();
  let total = 0;
  for (const s of sentences) {
    const w = ['<s>', ...s.split(/\s+/).filter(Boolean), '</s>'];
    for (let i = 0; i < w.length; i++) {
      uni.set(w[i]!, (uni.get(w[i]!) ?? 0) + 1);
      total++;
      if (i === 0) continue;
      const next = bi.get(w[i - 1]!) ?? new Map<string, number>();
      next.set(w[i]!, (next.get(w[i]!) ?? 0) + 1);
      bi.set(w[i - 1]!, next);
    }
  }
  // <s> is never predicted: the unigram distribution is over the other words.
  const starts = uni.get('<s>') ?? 0;
  const v = uni.size - 1;
  const pUni = new Map([...uni].filter(([w]) => w !== '<s>').map(([w, c]) => [w, (c + 0.5) / (total - starts + 0.5 * v)]));
  const log = (x: number) => Math.log10(x).toFixed(4);
  const backoff = new Map<string, number>();
  const bigrams: string[] = [];
  for (const [a, next] of bi) {
    const count = [...next.values()].reduce((s, c) => s + c, 0);
    let seen = 0;
    for (const [b, c] of next) {
      bigrams.push(`${log((c - discount) / count)} ${a} ${b}`);
      seen += pUni.get(b)!;
    }
    backoff.set(a, (discount * next.size) / count / Math.max(1e-9, 1 - seen));
  }
  const unigrams = [...uni.keys()].map((w) => `${w === '<s>' ? '-99' : log(pUni.get(w)!)} ${w} ${w === '</s>' ? '0.0000' : log(backoff.get(w) ?? 1)}`);
  const arpa = `\\data\\\nngram 1=${unigrams.length}\nngram 2=${bigrams.length}\n\n\\1-grams:\n${unigrams.join('\n')}\n\n\\2-grams:\n${bigrams.join('\n')}\n\n\\end\\\n`;
  return { arpa, vocabulary: [...uni.keys()].filter((w) => w !== '<s>' && w !== '</s>') };
}
