// Deterministic synthetic data for the benchmarks: a seeded catalog of products and a transcript that
// names them (with chatter, mishearings, SKUs spelled out and a few pathological inputs), plus small helpers
// shared by the bench scripts (percentiles, a description of the machine).
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Product } from '../../../packages/shared/src/contract/product.js';
import { rng } from '@cuecart/testkit/rng';

/** The seeded generator every benchmark uses, so every run benchmarks the same catalog and transcript. */
export { rng };

const SYL = ['ka', 'lo', 'mi', 'ra', 'ven', 'tor', 'sel', 'bri', 'dun', 'ae', 'qui', 'no', 'sha', 'pel', 'ter', 'vo', 'lin', 'gar', 'fen', 'ost'];
const TYPES = ['Serum', 'Moisturizer', 'Tote', 'Scarf', 'Kettle', 'Skillet', 'Candle', 'Earbuds', 'Lamp', 'Blanket', 'Backpack',
  'Notebook', 'Mug', 'Bottle', 'Leash', 'Mat', 'Dress', 'Jacket', 'Sneaker', 'Speaker', 'Charger', 'Grinder', 'Bowl', 'Pillow'];
const ADJ = ['Silk', 'Leather', 'Ceramic', 'Merino', 'Linen', 'Cork', 'Insulated', 'Wireless', 'Mini', 'Pro', 'Max', 'Travel', 'Daily', 'Classic'];
export const COLORS = ['Black', 'White', 'Sage', 'Navy', 'Sand', 'Coral', 'Slate', 'Olive', 'Ivory', 'Blush', 'Rust', 'Moss'];
export const CHATTER = ['okay so hi everybody welcome back', 'hi sarah from tampa thanks for joining', 'give me one sec let me grab the next thing',
  'it is so soft you guys i am obsessed', 'use code save twenty for twenty percent off', 'comment your favorite and share the stream',
  'we don\'t have that one today it sold out', 'let me read some comments real quick', 'honestly this changed my whole routine'];
const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const say = (n: number): string => ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][n % 10] ?? '';

export interface Synthetic {
  /** The generator's stream: every call below draws from it, so call order decides the data. */
  rand: () => number;
  pick: <T>(xs: readonly T[]) => T;
  makeCatalog: (n: number) => Product[];
  /** n transcript lines (55% chatter, the rest naming a product of `catalog`), then four pathological inputs. */
  makeSegments: (catalog: readonly Product[], n: number) => string[];
  /** A line that names `p` plainly (its full title), as a host reading it out would. */
  sentenceFor: (p: Product, i: number) => string;
}

/**
 * One seeded generator. The same seed and the same sequence of calls give the same data
 * (the vendor and product-line pools are drawn first, at creation).
 */
export function createSynthetic(seed: number): Synthetic {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const word = (): string => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYL)).join('');
  const vendors = Array.from({ length: 400 }, () => `${cap(word())} ${pick(['Co.', 'Home', 'Studio', 'Labs', '& ' + cap(word())])}`);
  const lines = Array.from({ length: 2500 }, () => cap(word()));
  const misheard = (w: string): string => (rand() < 0.3 ? w.replace(/[aeiou]/, pick(['a', 'e', 'o', 'u'])) : w);

  function makeCatalog(n: number): Product[] {
    return Array.from({ length: n }, (_, i) => {
      const type = pick(TYPES);
      const title = `${pick(lines)} ${rand() < 0.5 ? pick(ADJ) + ' ' : ''}${type}${rand() < 0.2 ? ' ' + (10 + Math.floor(rand() * 40)) + 'ml' : ''}`;
      const sku = `${word().slice(0, 2).toUpperCase()}-${word().slice(0, 3).toUpperCase()}-${i}`;
      return {
        id: String(9_000_000 + i), sku, title, vendor: pick(vendors), productType: type + 's',
        tags: [type.toLowerCase(), pick(ADJ).toLowerCase(), 'gift-guide'],
        variants: Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, v) => ({ id: `${i}-${v}`, title: pick(COLORS), sku: `${sku}-${v}` })),
        price: { amount: (5 + Math.floor(rand() * 200)).toFixed(2), currencyCode: 'USD' }, available: true,
      };
    });
  }

  function makeSegments(catalog: readonly Product[], n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = pick(catalog);
      const r = rand();
      if (r < 0.55) out.push(pick(CHATTER));
      else if (r < 0.85) out.push(`this is the ${p.title.toLowerCase().split(' ').map(misheard).join(' ')} and it is ${say(i)} dollars`);
      else if (r < 0.95) out.push(`the ${p.title.toLowerCase().split(' ').slice(-2).join(' ')} from ${String(p.vendor).toLowerCase()} in ${pick(COLORS).toLowerCase()}`);
      else out.push(`search ${String(p.sku).toLowerCase().replace(/[^a-z0-9]/g, '').split('').join(' ')} on the site`);
    }
    // A few pathological inputs: huge, emoji, RTL, empty.
    out.push('la '.repeat(5000), '🔥🔥 this is the 🛍️ one 😍', 'هذا هو المنتج الرائع', '');
    return out;
  }

  const sentenceFor = (p: Product, i: number): string =>
    `okay this is the ${p.title.toLowerCase()} from ${String(p.vendor).toLowerCase()} and it is ${say(i) || 'ten'} dollars`;

  return { rand, pick, makeCatalog, makeSegments, sentenceFor };
}

/** The q-quantile of an ascending-sorted array (nearest rank, no interpolation); 0 when empty. */
export const pct = (xs: readonly number[], q: number): number => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

export interface Machine {
  nproc: string;
  cpu: string;
  node: string;
  /** 1/5/15-minute load average when machine() was called, e.g. "1.20 / 0.90 / 0.70". */
  load: string;
  /** "2 vCPU (`nproc`), Intel(R) Xeon(R) Processor, Node v20.x." */
  line: string;
}

/** Describes this machine now: `nproc`, the CPU model from /proc/cpuinfo, the Node version and the load average. */
export function machine(): Machine {
  const cpu = (() => {
    try { return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown'; } catch { return cpus()[0]?.model ?? 'unknown'; }
  })();
  const nproc = (() => { try { return execSync('nproc').toString().trim(); } catch { return String(cpus().length); } })();
  const load = loadavg().map((x) => x.toFixed(2)).join(' / ');
  return { nproc, cpu, node: process.version, load, line: `${nproc} vCPU (\`nproc\`), ${cpu}, Node ${process.version}.` };
}
