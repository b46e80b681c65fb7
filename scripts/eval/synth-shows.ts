// Synthetic live shows for the mention matcher, many more than the dev set holds and none of its words: catalogs
// from seven verticals (with near-name families: a Mini and a Pro, one design in two materials, two products of a
// type from one brand), hosts with their own habits (rambling, fast, comparing two products, reading prices), the
// dev set's mention kinds, and the unlabeled traps (pronouns, dismissals, generic words). Seeded, so a split is
// the same on every machine.
//
//   npx tsx scripts/eval/synth-shows.ts                 tune split: scores it (look at it as often as you like)
//   npx tsx scripts/eval/synth-shows.ts --split sealed  the untouched split: report it once per change, never tune on it
//   --out FILE writes the dataset (the dev set's format) instead of only scoring it; --shows N; --json
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { rng } from '../../packages/shared/src/format/rng.js';
import { evaluate, type Dataset } from './mentions.js';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;
const shuffle = <T>(r: Rand, xs: readonly T[]): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

interface Vertical {
  name: string;
  brands: string[];
  types: string[];
  /** Words a model name is made of. */
  models: string[];
  /** What a variant is called (a colour, a flavour, a size). */
  variants: string[];
  /** Generic talk about the vertical that names no product. */
  generic: string[];
}

const VERTICALS: Vertical[] = [
  { name: 'beauty', brands: ['Lumera', 'Petal & Pine', 'Oaklin', 'Veyra', 'Sable Rose'], types: ['serum', 'cleanser', 'lip oil', 'moisturizer', 'eye cream', 'toner', 'sunscreen'], models: ['Dew', 'Velvet', 'Radiance', 'Calm', 'Bright', 'Night', 'Cloud'], variants: ['rose', 'clear', 'peach', 'unscented', 'berry'], generic: ['your skin will thank you', 'hydration is everything', 'a little goes a long way'] },
  { name: 'fashion', brands: ['Northwell', 'Kestrel', 'Marlo', 'Ivy Lane', 'Cobalt & Co'], types: ['jacket', 'sweater', 'scarf', 'tote', 'sneaker', 'dress', 'beanie'], models: ['Harbor', 'Alpine', 'Meadow', 'Union', 'Summit', 'Coast', 'Ember'], variants: ['navy', 'olive', 'charcoal', 'oat', 'rust'], generic: ['layering is key this season', 'it goes with everything', 'the fit is so flattering'] },
  { name: 'electronics', brands: ['Voltix', 'Arcwave', 'Nimbra', 'Pulse Labs', 'Quanta'], types: ['earbuds', 'speaker', 'charger', 'smartwatch', 'headphones', 'webcam', 'power bank'], models: ['Echo', 'Nova', 'Flux', 'Orbit', 'Volt', 'Aero', 'Prism'], variants: ['black', 'white', 'silver', 'midnight', 'sand'], generic: ['the battery life is incredible', 'pairing takes seconds', 'the sound is so clear'] },
  { name: 'food', brands: ['Hearth & Grain', 'Sunny Ridge', 'Mesa Verde', 'Copper Kettle', 'Wildroot'], types: ['granola', 'hot sauce', 'olive oil', 'coffee', 'honey', 'chocolate bar', 'tea'], models: ['Smoky', 'Golden', 'Harvest', 'Morning', 'Wild', 'Fiery', 'Velvet'], variants: ['original', 'maple', 'chili', 'vanilla', 'sea salt'], generic: ['it tastes amazing', 'we use it every morning', 'everything is small batch'] },
  { name: 'home', brands: ['Loomstead', 'Birchly', 'Casa Nube', 'Stoneware Studio', 'Hollow Oak'], types: ['candle', 'throw blanket', 'planter', 'mug', 'lamp', 'cutting board', 'vase'], models: ['Cedar', 'Linen', 'Dune', 'Fern', 'Haven', 'Slate', 'Moss'], variants: ['ivory', 'sage', 'terracotta', 'smoke', 'fig'], generic: ['it makes the room feel cozy', 'such a nice gift idea', 'it fits any shelf'] },
  { name: 'sports', brands: ['Trailhead', 'Apex Motion', 'Riptide', 'Granite Peak', 'Stride'], types: ['yoga mat', 'water bottle', 'running shoe', 'backpack', 'resistance band', 'foam roller', 'cap'], models: ['Sprint', 'Ridge', 'Tempo', 'Glide', 'Trek', 'Core', 'Pace'], variants: ['blue', 'coral', 'graphite', 'lime', 'red'], generic: ['great for your morning workout', 'it is super durable', 'perfect for the gym'] },
  { name: 'toys', brands: ['Wonderbox', 'Tinker Tot', 'Blue Kite', 'Puzzleworks', 'Happy Hollow'], types: ['puzzle', 'building set', 'plush', 'board game', 'robot kit', 'train set', 'art kit'], models: ['Rocket', 'Jungle', 'Galaxy', 'Castle', 'Ocean', 'Dino', 'Rainbow'], variants: ['red', 'green', 'yellow', 'purple', 'starter'], generic: ['kids absolutely love this', 'hours of fun', 'great for rainy days'] },
];

const SUFFIXES = ['Mini', 'Pro', 'Max', 'Lite', 'XL'];
const MATERIALS = ['Linen', 'Wool', 'Bamboo', 'Steel', 'Ceramic'];

interface Item {
  id: string;
  sku: string;
  title: string;
  vendor: string;
  productType: string;
  model: string;
  suffix?: string;
  material?: string;
  variants: { id: string; title: string; sku: string }[];
  price: number;
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** 0–999 as a host says it ("forty nine", "one hundred twenty"). */
export function spell(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? ` ${ONES[n % 10]}` : '');
  return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` ${spell(n % 100)}` : ''}`;
}

/** A catalog of `perVertical` products in each vertical, in families that share most of their name. */
function makeCatalog(r: Rand, perVertical: number, tag: string): Item[] {
  const items: Item[] = [];
  let n = 0;
  for (const v of VERTICALS) {
    let made = 0;
    while (made < perVertical) {
      const vendor = pick(r, v.brands);
      const type = pick(r, v.types);
      const model = pick(r, v.models);
      // A family: the base, and sometimes its Mini/Pro or the same design in another material.
      const members: { suffix?: string; material?: string }[] = [{}];
      if (chance(r, 0.35)) members.push({ suffix: pick(r, SUFFIXES) });
      if (chance(r, 0.2)) members.push({ material: pick(r, MATERIALS) });
      for (const m of members) {
        const title = [vendor, m.material, model, titleCase(type), m.suffix].filter(Boolean).join(' ');
        if (items.some((it) => it.title === title)) continue;
        n += 1;
        made += 1;
        const code = `${initials(vendor)}${initials(type)}${m.suffix ? m.suffix[0] : ''}${10 + Math.floor(r() * 89)}`.toUpperCase();
        const variantNames = chance(r, 0.5) ? shuffle(r, v.variants).slice(0, 2 + Math.floor(r() * 2)) : [];
        items.push({
          id: `${tag}-${v.name}-${n}`,
          sku: code,
          title,
          vendor,
          productType: type,
          model,
          ...(m.suffix ? { suffix: m.suffix } : {}),
          ...(m.material ? { material: m.material } : {}),
          variants: variantNames.map((vn, i) => ({ id: `${tag}-${n}-v${i}`, title: titleCase(vn), sku: `${code}-${vn.slice(0, 2).toUpperCase()}` })),
          price: 8 + Math.floor(r() * 180),
        });
      }
    }
  }
  return items;
}

const titleCase = (s: string) => s.replace(/\b\w/g, (c) => c.toUpperCase());
const initials = (s: string) => s.split(/[\s&]+/).filter(Boolean).map((w) => w[0]).join('');
const lower = (s: string) => s.toLowerCase().replace(/&/g, 'and');

/** A misheard name: the kind of slips speech recognition makes on names it does not know. */
function mishear(r: Rand, words: string[]): string[] {
  const out = [...words];
  const i = Math.floor(r() * out.length);
  const w = out[i]!;
  const slips: ((w: string) => string)[] = [
    (x) => x.replace(/ph/g, 'f').replace(/y/g, 'i'),
    (x) => (x.length > 5 ? `${x.slice(0, Math.ceil(x.length / 2))} ${x.slice(Math.ceil(x.length / 2))}` : `${x}s`),
    (x) => x.replace(/([aeiou])([^aeiou]*)$/, (_, v: string, rest: string) => `${v === 'a' ? 'e' : v === 'o' ? 'a' : 'o'}${rest}`),
    (x) => x.replace(/^(\w)/, (c) => ({ l: 'r', r: 'l', v: 'b', b: 'v', k: 'c', c: 'k', n: 'm', m: 'n' })[c] ?? c),
    (x) => x.replace(/x/g, 'ks').replace(/qu/g, 'kw'),
  ];
  out[i] = pick(r, slips)(w);
  return out;
}

type Kind = 'exact' | 'partial' | 'asr_error' | 'variant' | 'sku' | 'brand_plus_type';

/**
 * How a host names the product for one kind of mention; null when that kind cannot name it unambiguously
 * (a brand and a type name it only when the show's rundown has no other product of that brand and type).
 */
function phrase(r: Rand, p: Item, kind: Kind, rundown: Item[]): string | null {
  const title = lower(p.title).split(' ');
  switch (kind) {
    case 'exact':
      return title.join(' ');
    case 'partial': {
      const parts = [lower(p.model), ...lower(p.productType).split(' ')];
      if (p.suffix) parts.push(lower(p.suffix));
      if (p.material) parts.unshift(lower(p.material));
      return parts.join(' ');
    }
    case 'asr_error':
      return mishear(r, title).join(' ');
    case 'variant': {
      const v = p.variants[0];
      return v ? `${lower(v.title)} ${lower(p.model)} ${lower(p.productType)}` : null;
    }
    case 'sku':
      return p.sku.split('').map((c) => (/\d/.test(c) ? null : c.toLowerCase())).filter(Boolean).join(' ') + ` ${spell(Number(p.sku.replace(/\D/g, '')))}`;
    case 'brand_plus_type': {
      const same = rundown.filter((c) => c.vendor === p.vendor && c.productType === p.productType);
      return same.length === 1 ? `${lower(p.vendor)} ${lower(p.productType)}` : null;
    }
  }
}

const FILLERS = ['um', 'uh', 'so', 'okay', 'like', 'you know', 'honestly', 'alright'];
const INTROS = ['next up is the', 'now let me show you the', 'okay so this is the', 'you guys asked about the', 'moving on to the', 'check out the'];
const FOLLOW = ['look at the finish on this', 'it is one of our best sellers', 'i use this every single day', 'the quality is really there', 'people keep asking about it', 'this one sold out last time'];

type Habit = 'rambling' | 'fast' | 'comparing' | 'prices';

interface Segment { startMs: number; endMs: number; text: string }
interface Mention { productId: string; atMs: number; segment: number; kind: string }

/** One show: a host with one habit walks through a rundown, with traps the labels do not count. */
function makeShow(r: Rand, catalog: Item[], index: number, tag: string): Dataset['shows'][number] {
  const vertical = pick(r, VERTICALS).name;
  const pool = catalog.filter((p) => p.id.includes(`-${vertical}-`));
  const rundown = shuffle(r, pool).slice(0, 6 + Math.floor(r() * 4));
  const habit: Habit = pick(r, ['rambling', 'fast', 'comparing', 'prices'] as const);
  const segments: Segment[] = [];
  const mentions: Mention[] = [];
  let t = 0;
  const say = (text: string) => {
    const words = text.split(' ').length;
    const len = Math.max(2000, Math.min(8000, words * (habit === 'fast' ? 260 : 380)));
    segments.push({ startMs: t, endMs: t + len, text: text.replace(/\s+/g, ' ').trim() });
    t += len + 150;
    return segments.length - 1;
  };
  const filler = () => (habit === 'rambling' || chance(r, 0.3) ? `${pick(r, FILLERS)} ` : '');
  const kinds: Kind[] = ['exact', 'partial', 'partial', 'asr_error', 'variant', 'sku', 'brand_plus_type'];
  const nameOf = (p: Item): { text: string; kind: Kind } => {
    for (let tries = 0; tries < 6; tries++) {
      const kind = pick(r, kinds);
      const text = phrase(r, p, kind, rundown);
      if (text) return { text, kind };
    }
    return { text: lower(p.title), kind: 'exact' };
  };
  const label = (p: Item, segment: number, kind: Kind) => mentions.push({ productId: p.id, atMs: segments[segment]!.startMs, segment, kind });

  say(`${filler()}hi everyone welcome back to the ${vertical} live`);
  for (let i = 0; i < rundown.length; i++) {
    const p = rundown[i]!;
    const { text, kind } = nameOf(p);
    if (habit === 'comparing' && i + 1 < rundown.length && chance(r, 0.5)) {
      const q = rundown[i + 1]!;
      const other = nameOf(q);
      const seg = say(`${filler()}so the ${text} versus the ${other.text} let me compare them`);
      label(p, seg, kind);
      label(q, seg, other.kind);
      say(`the first one is lighter and the other one lasts longer`);
      i += 1;
      continue;
    }
    const seg = say(`${filler()}${pick(r, INTROS)} ${text}`);
    label(p, seg, kind);
    // Talk inside the same stretch: pronouns and the name again are not labeled.
    say(`${filler()}${pick(r, FOLLOW)}`);
    if (habit === 'prices' || chance(r, 0.3)) say(`it is only ${spell(Math.floor(p.price))} dollars today`);
    if (habit === 'rambling') say(`${filler()}${pick(r, VERTICALS.find((v) => v.name === vertical)!.generic)} ${pick(r, FILLERS)}`);
    if (chance(r, 0.3)) say(`and this one comes in ${p.variants.length ? p.variants.map((v) => lower(v.title)).join(' and ') : 'one finish'}`);
    // A trap now and then: a product dismissed, or a competitor's.
    if (chance(r, 0.15)) {
      const gone = pick(r, pool.filter((x) => !rundown.includes(x)));
      if (gone) say(`we don't have the ${lower(gone.title)} today sorry`);
    }
  }
  // A recap: each product named again after other talk is a new stretch, so it is labeled again.
  if (chance(r, 0.5)) {
    const again = shuffle(r, rundown).slice(0, 2);
    const names = again.map((p) => ({ p, ...nameOf(p) }));
    const seg = say(`so to recap the ${names.map((n) => n.text).join(' and the ')}`);
    for (const n of names) label(n.p, seg, n.kind);
  }
  return { showId: `${tag}-${index}`, title: `${vertical} live ${index}`, linkedProductIds: rundown.map((p) => p.id), segments, mentions };
}

/** The split's seed decides everything; the sealed split's seeds are disjoint from the tune split's. */
export function generateDataset(split: 'tune' | 'sealed', shows = 60, perVertical = 300): Dataset {
  const seed = split === 'tune' ? 0x7e11e : 0x5ea1ed;
  const r = rng(seed);
  const items = makeCatalog(r, perVertical, split);
  const catalog = items.map((p) => ({
    id: p.id,
    sku: p.sku,
    title: p.title,
    vendor: p.vendor,
    productType: titleCase(p.productType),
    tags: [p.productType],
    variants: p.variants,
    price: { amount: p.price.toFixed(2), currencyCode: 'USD' },
    available: true,
  }));
  return { description: `synthetic ${split} split (seed ${seed})`, catalog, shows: Array.from({ length: shows }, (_, i) => makeShow(r, items, i, split)) };
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const split = value('--split') === 'sealed' ? 'sealed' : 'tune';
  const data = generateDataset(split, Number(value('--shows') ?? 60));
  const out = value('--out');
  if (out) writeFileSync(out, JSON.stringify(data));
  const { report } = evaluate(data);
  const byKind = Object.fromEntries(Object.entries(report.byKind).sort().map(([k, [m, t]]) => [k, { recall: +(m / t).toFixed(3), of: t }]));
  const summary = { split, products: data.catalog.length, shows: data.shows.length, gold: report.tp + report.fn, precision: +report.precision.toFixed(3), recall: +report.recall.toFixed(3), f1: +report.f1.toFixed(3), byKind };
  if (args.includes('--json')) return void console.log(JSON.stringify(summary, null, 2));
  console.log(`${split} split: ${summary.products} products, ${summary.shows} shows, ${summary.gold} labeled mentions`);
  console.log(`precision ${summary.precision}  recall ${summary.recall}  F1 ${summary.f1}`);
  for (const [kind, k] of Object.entries(byKind)) console.log(`  ${kind.padEnd(16)} ${k.recall.toFixed(3)}  (${k.of})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
