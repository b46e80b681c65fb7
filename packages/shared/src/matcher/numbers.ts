// Turns spelled-out English numbers in a token stream into digits ("a hundred and forty nine" -> "149").

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const NUMBER_WORDS: ReadonlySet<string> = new Set([...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)]);

function isNumberWord(w: string): boolean {
  return NUMBER_WORDS.has(w);
}

/** A run of tokens [start, end) that reads as one number, with its digit value. */
export interface NumberSpan { start: number; end: number; value: string }

/**
 * Finds runs of number words. Runs follow how people say numbers: "twenty two" joins, but
 * "one ninety five" stays two numbers (1, 95) because a price said that way is not 196, and
 * "a" counts as 1 only before a scale word ("a hundred").
 */
export function findNumberSpans(tokens: readonly string[]): NumberSpan[] {
  const spans: NumberSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const w = tokens[i] as string;
    const startsWithA = w === 'a' && tokens[i + 1] !== undefined && (tokens[i + 1] as string) in SCALES;
    if (!isNumberWord(w) && !startsWithA) { i++; continue; }
    let total = 0;
    let current = startsWithA ? 1 : 0;
    let j = startsWithA ? i + 1 : i;
    let last: 'unit' | 'tens' | 'scale' | 'none' = startsWithA ? 'unit' : 'none';
    for (; j < tokens.length; j++) {
      const t = tokens[j] as string;
      if (t in SCALES) {
        const scale = SCALES[t] as number;
        if (scale === 100) current = (current || 1) * 100;
        else { total += (current || 1) * scale; current = 0; }
        last = 'scale';
      } else if (t in TENS) {
        if (last === 'unit' || last === 'tens') break;
        current += TENS[t] as number;
        last = 'tens';
      } else if (t in UNITS) {
        const v = UNITS[t] as number;
        if (last === 'unit' || (last === 'tens' && v >= 10)) break;
        current += v;
        last = 'unit';
      } else if (t === 'and' && last === 'scale' && tokens[j + 1] !== undefined && isNumberWord(tokens[j + 1] as string)) {
        continue;
      } else break;
    }
    spans.push({ start: i, end: j, value: String(total + current) });
    i = j;
  }
  return spans;
}

/** Convenience form of findNumberSpans for plain token lists. */
export function spellNumbers(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const span of findNumberSpans(tokens)) {
    out.push(...tokens.slice(i, span.start), span.value);
    i = span.end;
  }
  out.push(...tokens.slice(i));
  return out;
}
