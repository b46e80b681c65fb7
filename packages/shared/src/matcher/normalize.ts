// Normalises ASR transcripts and catalog text into the same token form (case, punctuation, numbers, plurals, fillers).
import { findNumberSpans } from './numbers.js';
import { FILLERS, FILLER_PHRASES, STOPWORDS } from './lexicon.js';

/** Only the tail of a runaway segment matters for "what is the host talking about now". */
export const MAX_TEXT_CHARS = 2000;

/** A normalised token and the index of the whitespace-separated source word it came from. */
export interface Token { norm: string; src: number }

/** The result of tokenising one text: tokens plus the source words they point into. */
export interface Tokenized { tokens: Token[]; words: string[] }

/**
 * One canonical singular form for English plurals, applied to catalog and transcript alike, so
 * "scarves" meets "scarf", "scrunchies" meets "scrunchie" and "huggy" meets "huggie".
 */
export function singularize(w: string): string {
  if (w.length < 4 || !/^[a-z]+$/.test(w) || STOPWORDS.has(w)) return w;
  let s = w;
  if (/(ar|al|el)ves$/.test(s)) s = s.slice(0, -3) + 'f';
  else if (/(ss|x|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (/s$/.test(s) && !/(ss|us|is|os)$/.test(s)) s = s.slice(0, -1);
  // "-ie" and "-y" endings are spelt both ways by ASR (huggy/huggie); one form for both.
  if (s.length >= 5 && s.endsWith('ie')) s = s.slice(0, -2) + 'y';
  return s;
}

function splitWord(raw: string): string[] {
  const lower = raw.toLowerCase();
  // Fast path: most ASR words are already plain lowercase ASCII letters.
  if (/^[a-z]{1,40}$/.test(lower)) return [lower];
  let w = lower.normalize('NFKC');
  w = w.replace(/(\d)\s*["”″]/gu, '$1 inch ');
  w = w.replace(/&/gu, ' and ').replace(/\+/gu, ' plus ');
  w = w.replace(/['’‘`]s(?![\p{L}\p{N}])/gu, '').replace(/['’‘`]/gu, '');
  w = w.normalize('NFD').replace(/\p{M}+/gu, '');
  w = w.replace(/(\p{N})(\p{L})/gu, '$1 $2').replace(/(\p{L})(\p{N})/gu, '$1 $2');
  return w.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0 && t.length <= 40);
}

/**
 * Tokenises text keeping a pointer back to the source words, so a mention can quote what was heard.
 * Numbers are spelt as digits and fillers removed; stopwords stay (dismissal cues need them).
 */
export function tokenize(text: string, opts: { keepFillers?: boolean } = {}): Tokenized {
  const capped = typeof text === 'string' ? text.slice(-MAX_TEXT_CHARS) : '';
  const words = capped.split(/\s+/u).filter((w) => w.length > 0);
  const raw: Token[] = [];
  words.forEach((word, src) => {
    for (const norm of splitWord(word)) raw.push({ norm, src });
  });
  // Fillers go first, so "forty uh nine" is still 49.
  const kept = opts.keepFillers ? raw : dropFillers(raw);
  const spans = findNumberSpans(kept.map((t) => t.norm));
  const numbered: Token[] = [];
  let i = 0;
  for (const span of spans) {
    numbered.push(...kept.slice(i, span.start));
    numbered.push({ norm: span.value, src: (kept[span.start] as Token).src });
    i = span.end;
  }
  numbered.push(...kept.slice(i));
  canonicalUnits(numbered);
  const tokens = numbered.map((t) => ({ norm: singularize(t.norm), src: t.src }));
  return { tokens, words };
}

/** Spoken and written units meet in one form after a number: "twenty two liter" = "22L", "fifteen pounds" = "15 lb". */
const UNIT_FORMS: Readonly<Record<string, string>> = {
  liter: 'l', liters: 'l', litre: 'l', litres: 'l', milliliter: 'ml', milliliters: 'ml', millilitre: 'ml', millilitres: 'ml',
  pound: 'lb', pounds: 'lb', lbs: 'lb', ounce: 'oz', ounces: 'oz', inches: 'inch', gram: 'g', grams: 'g',
  millimeter: 'mm', millimeters: 'mm', centimeter: 'cm', centimeters: 'cm', foot: 'ft', feet: 'ft',
};

function canonicalUnits(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!/^\d+$/.test((tokens[i - 1] as Token).norm)) continue;
    const form = UNIT_FORMS[t.norm];
    if (form) t.norm = form;
    // `16 in` is inches, but "3 in 1" is not.
    else if (t.norm === 'in' && !/^\d+$/.test(tokens[i + 1]?.norm ?? '')) t.norm = 'inch';
  }
}

function dropFillers(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = FILLER_PHRASES.find((p) => p.every((w, k) => tokens[i + k]?.norm === w));
    if (phrase) { i += phrase.length - 1; continue; }
    const t = tokens[i] as Token;
    if (!FILLERS.has(t.norm)) out.push(t);
  }
  return out;
}

/** Public form: the normalised tokens of a transcript segment, fillers removed. */
export function normalizeTranscript(text: string): string[] {
  return tokenize(text).tokens.map((t) => t.norm);
}

/** Catalog text goes through the same pipeline, keeping words like "oh" that a title may use. */
export function normalizeCatalogText(text: string | undefined): string[] {
  if (!text) return [];
  return tokenize(text, { keepFillers: true }).tokens.map((t) => t.norm);
}
