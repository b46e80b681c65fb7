// Pronunciations for the local recognizer: words from the CMU dictionary that pocketsphinx-en-us ships, and for
// names it does not know ("lumera", "drinkware") espeak-ng's phonemes mapped to the same phone set.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** IPA (espeak-ng --ipa, US English) to CMU phones, longest symbols first. */
const IPA: readonly (readonly [string, string])[] = [
  ['aɪɚ', 'AY ER'], ['aɪə', 'AY ER'], ['ɑːɹ', 'AA R'], ['ɔːɹ', 'AO R'], ['oːɹ', 'AO R'], ['ɛɹ', 'EH R'], ['ɪɹ', 'IH R'], ['ʊɹ', 'UH R'], ['iə', 'IY AH'],
  ['aɪ', 'AY'], ['aʊ', 'AW'], ['eɪ', 'EY'], ['oʊ', 'OW'], ['ɔɪ', 'OY'], ['tʃ', 'CH'], ['dʒ', 'JH'],
  ['ɑː', 'AA'], ['ɑ', 'AA'], ['æ', 'AE'], ['ʌ', 'AH'], ['ə', 'AH'], ['ɐ', 'AH'], ['ɚ', 'ER'], ['ɜː', 'ER'], ['ɜ', 'ER'],
  ['ɔː', 'AO'], ['ɔ', 'AO'], ['ɛ', 'EH'], ['e', 'EH'], ['ɪ', 'IH'], ['ᵻ', 'IH'], ['iː', 'IY'], ['i', 'IY'], ['ʊ', 'UH'], ['uː', 'UW'], ['u', 'UW'],
  ['o', 'OW'], ['a', 'AE'], ['ŋ', 'NG'], ['ʃ', 'SH'], ['ʒ', 'ZH'], ['θ', 'TH'], ['ð', 'DH'], ['ɹ', 'R'], ['r', 'R'], ['j', 'Y'], ['ɾ', 'T'],
  ['ɡ', 'G'], ['g', 'G'], ['b', 'B'], ['d', 'D'], ['f', 'F'], ['h', 'HH'], ['k', 'K'], ['l', 'L'], ['m', 'M'], ['n', 'N'], ['p', 'P'],
  ['s', 'S'], ['t', 'T'], ['v', 'V'], ['w', 'W'], ['z', 'Z'], ['x', 'K'],
];

export function ipaToPhones(ipa: string): string {
  const s = ipa.normalize('NFC').replace(/[ˈˌ\s\u200d-]/g, '').replace(/[\u0329\u0303]/g, '');
  const out: string[] = [];
  for (let i = 0; i < s.length;) {
    const hit = IPA.find(([k]) => s.startsWith(k, i));
    if (hit) { out.push(hit[1]); i += hit[0].length; } else i++;
  }
  return out.join(' ');
}

/** Runs a tool with an argument array and returns its stdout, or undefined when it is missing or fails. */
export type Run = (cmd: string, args: readonly string[]) => string | undefined;

export const runTool: Run = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout : undefined;
};

/** espeak-ng's phones for one word, or undefined if espeak-ng is missing. */
export function espeakPhones(word: string, run: Run = runTool): string | undefined {
  const ipa = run('espeak-ng', ['-q', '--ipa', '-v', 'en-us', word]);
  const phones = ipa === undefined ? '' : ipaToPhones(ipa.trim());
  return phones || undefined;
}

/**
 * The dictionary for a vocabulary: every pronunciation the CMU dictionary has for a word (`word`, `word(2)`),
 * then espeak-ng for the rest. Words neither knows are left out (the recognizer cannot say them) and listed.
 */
export function buildDictionary(vocabulary: readonly string[], cmudictPath: string, g2p: (w: string) => string | undefined = espeakPhones): { dict: string; unknown: string[]; fromEspeak: number } {
  const want = new Set(vocabulary);
  const lines: string[] = [];
  const found = new Set<string>();
  for (const line of readFileSync(cmudictPath, 'utf8').split('\n')) {
    const sp = line.indexOf(' ');
    if (sp <= 0) continue;
    const head = line.slice(0, sp);
    const word = head.replace(/\(\d+\)$/, '');
    if (want.has(word)) { lines.push(line.trim()); found.add(word); }
  }
  const unknown: string[] = [];
  let fromEspeak = 0;
  for (const w of want) {
    if (found.has(w)) continue;
    const phones = /^[a-z']+$/.test(w) ? g2p(w) : undefined;
    if (phones) { lines.push(`${w} ${phones}`); fromEspeak++; } else unknown.push(w);
  }
  return { dict: `${lines.join('\n')}\n`, unknown, fromEspeak };
}
