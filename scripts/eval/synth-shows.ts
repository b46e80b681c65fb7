// Synthetic live shows for the mention matcher, many more than the dev set holds and none of its words: catalogs
// from seven verticals (with near-name families: a Mini and a Pro, one design in two materials, two products of a
// type from one brand), hosts with their own habits (rambling, fast, comparing two products, reading prices), the
// dev set's mention kinds, and the unlabeled traps (pronouns, dismissals, generic words). Seeded, so a split is
// the same on every machine.
//
//   npx tsx scripts/eval/synth-shows.ts                 tune split: scores it (look at it as often as you like)
//   npx tsx scripts/eval/synth-shows.ts --split sealed  the untouched split: report it once per change, never tune on it
//   --out FILE writes the dataset (the dev set's format) instead of only scoring it; --shows N; --json
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rng } from '../../packages/shared/src/format/rng.js';
import { spokenNumber } from '../../packages/shared/src/format/spoken-number.js';
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

export interface Vertical {
  name: string;
  /** Names are split between the tune and the sealed split (even and odd places), so the sealed split's brands,
   *  models and variants are words the tune split never uses. Types are shared: every beauty catalog has serums. */
  brands: string[];
  types: string[];
  /** Words a model name is made of. */
  models: string[];
  /** What a variant is called (a colour, a flavour, a size). */
  variants: string[];
  /** Generic talk about the vertical that names no product. */
  generic: string[];
}

export const VERTICALS: Vertical[] = [
  { name: 'beauty', brands: ['Lumera', 'Petal & Pine', 'Oaklin', 'Veyra', 'Sable Rose', 'Maren Beauty', 'Dewlight', 'Cassia', 'Nori Skin', 'Elowen'], types: ['serum', 'cleanser', 'lip oil', 'moisturizer', 'eye cream', 'toner', 'sunscreen', 'face mask', 'body lotion', 'blush'], models: ['Dew', 'Velvet', 'Radiance', 'Calm', 'Bright', 'Night', 'Cloud', 'Halo', 'Bloom', 'Silk', 'Glaze', 'Petal', 'Aura', 'Fresh'], variants: ['rose', 'clear', 'peach', 'unscented', 'berry', 'coral', 'nude', 'plum', 'citrus', 'lavender'], generic: ['your skin will thank you', 'hydration is everything', 'a little goes a long way', 'i put it on every night', 'it absorbs so fast'] },
  { name: 'fashion', brands: ['Northwell', 'Kestrel', 'Marlo', 'Ivy Lane', 'Cobalt & Co', 'Wren & Fable', 'Halden', 'Solene', 'Brixton Row', 'Ardent'], types: ['jacket', 'sweater', 'scarf', 'tote', 'sneaker', 'dress', 'beanie', 'cardigan', 'belt', 'boot'], models: ['Harbor', 'Alpine', 'Meadow', 'Union', 'Summit', 'Coast', 'Ember', 'Drift', 'Canyon', 'Willow', 'Fjord', 'Quarry', 'Sierra', 'Lark'], variants: ['navy', 'olive', 'charcoal', 'oat', 'rust', 'camel', 'cream', 'forest', 'burgundy', 'stone'], generic: ['layering is key this season', 'it goes with everything', 'the fit is so flattering', 'it runs true to size', 'the fabric feels so soft'] },
  { name: 'electronics', brands: ['Voltix', 'Arcwave', 'Nimbra', 'Pulse Labs', 'Quanta', 'Sonique', 'Lumen Tech', 'Zentro', 'Helix Audio', 'Corvid'], types: ['earbuds', 'speaker', 'charger', 'smartwatch', 'headphones', 'webcam', 'power bank', 'keyboard', 'tablet stand', 'ring light'], models: ['Echo', 'Nova', 'Flux', 'Orbit', 'Volt', 'Aero', 'Prism', 'Vertex', 'Pixel', 'Comet', 'Zephyr', 'Matrix', 'Ion', 'Rally'], variants: ['black', 'white', 'silver', 'midnight', 'sand', 'graphite', 'rose gold', 'arctic', 'onyx', 'sky'], generic: ['the battery life is incredible', 'pairing takes seconds', 'the sound is so clear', 'it charges super fast', 'it fits right in your pocket'] },
  { name: 'food', brands: ['Hearth & Grain', 'Sunny Ridge', 'Mesa Verde', 'Copper Kettle', 'Wildroot', 'Orchard Lane', 'Bramble Farm', 'Saltmarsh', 'Olive Grove', 'Cinder Bakehouse'], types: ['granola', 'hot sauce', 'olive oil', 'coffee', 'honey', 'chocolate bar', 'tea', 'jam', 'pasta', 'spice blend'], models: ['Smoky', 'Golden', 'Harvest', 'Morning', 'Wild', 'Fiery', 'Creamy', 'Rustic', 'Sunrise', 'Toasted', 'Sunset', 'Midnight', 'Heritage', 'Zesty'], variants: ['original', 'maple', 'chili', 'vanilla', 'sea salt', 'cinnamon', 'lemon', 'garlic', 'mango', 'caramel'], generic: ['it tastes amazing', 'we use it every morning', 'everything is small batch', 'it is made with real ingredients', 'the flavor is so rich'] },
  { name: 'home', brands: ['Loomstead', 'Birchly', 'Casa Nube', 'Stoneware Studio', 'Hollow Oak', 'Quill & Loom', 'Tidewater', 'Mossgrove', 'Alder House', 'Ferncliff'], types: ['candle', 'throw blanket', 'planter', 'mug', 'lamp', 'cutting board', 'vase', 'pillow', 'rug', 'serving bowl'], models: ['Cedar', 'Lantern', 'Dune', 'Fern', 'Haven', 'Slate', 'Moss', 'Juniper', 'Basalt', 'Clover', 'Ember', 'Pebble', 'Rowan', 'Cove'], variants: ['ivory', 'sage', 'terracotta', 'smoke', 'fig', 'blush', 'indigo', 'walnut', 'mustard', 'pearl'], generic: ['it makes the room feel cozy', 'such a nice gift idea', 'it fits any shelf', 'it looks great on a coffee table', 'my living room feels brand new'] },
  { name: 'sports', brands: ['Trailhead', 'Apex Motion', 'Riptide', 'Granite Peak', 'Stride', 'Iron Forge', 'Kinetic', 'Ridgeline', 'Velo Works', 'Tundra'], types: ['yoga mat', 'water bottle', 'running shoe', 'backpack', 'resistance band', 'foam roller', 'cap', 'jump rope', 'gym bag', 'hiking pole'], models: ['Sprint', 'Ridge', 'Tempo', 'Glide', 'Trek', 'Core', 'Pace', 'Rush', 'Blaze', 'Crest', 'Dash', 'Flow', 'Boulder', 'Strive'], variants: ['blue', 'coral', 'carbon', 'lime', 'red', 'teal', 'orange', 'slate', 'violet', 'neon'], generic: ['great for your morning workout', 'it is super durable', 'perfect for the gym', 'i take it on every run', 'it handles any weather'] },
  { name: 'toys', brands: ['Wonderbox', 'Tinker Tot', 'Blue Kite', 'Puzzleworks', 'Happy Hollow', 'Pip & Pebble', 'Starling Toys', 'Moonbeam', 'Little Foundry', 'Jubilee'], types: ['puzzle', 'building set', 'plush', 'board game', 'robot kit', 'train set', 'art kit', 'dollhouse', 'science kit', 'marble run'], models: ['Rocket', 'Jungle', 'Galaxy', 'Castle', 'Ocean', 'Dino', 'Rainbow', 'Safari', 'Pirate', 'Comet', 'Dragon', 'Treasure', 'Meteor', 'Unicorn'], variants: ['red', 'green', 'yellow', 'purple', 'starter', 'deluxe', 'pink', 'junior', 'classic', 'mega'], generic: ['kids absolutely love this', 'hours of fun', 'great for rainy days', 'it keeps them busy all afternoon', 'it is great for learning'] },
];

/** The half of a name list that belongs to a split. */
const half = <T>(xs: readonly T[], split: Split): T[] => xs.filter((_, i) => i % 2 === (split === 'tune' ? 0 : 1));

type Split = 'tune' | 'sealed';

export const SUFFIXES = ['Mini', 'Pro', 'Max', 'Lite', 'XL', 'Plus', 'Duo', 'Go'];
export const MATERIALS = ['Linen', 'Wool', 'Bamboo', 'Steel', 'Ceramic', 'Cotton', 'Leather', 'Glass'];

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

/** 0–999 as a host says it ("forty nine", "one hundred twenty"). */
export const spell = spokenNumber;

/** A catalog of `perVertical` products in each vertical, in families that share most of their name. */
function makeCatalog(r: Rand, perVertical: number, split: Split): Item[] {
  const items: Item[] = [];
  const tag = split;
  const skus = new Set<string>();
  let n = 0;
  for (const v of VERTICALS) {
    let made = 0;
    const brands = half(v.brands, split);
    const models = half(v.models, split);
    const variants = half(v.variants, split);
    const materials = half(MATERIALS, split);
    const suffixes = half(SUFFIXES, split);
    while (made < perVertical) {
      const vendor = pick(r, brands);
      const type = pick(r, v.types);
      const model = pick(r, models);
      // A family: the base, and sometimes its Mini/Pro or the same design in another material.
      const members: { suffix?: string; material?: string }[] = [{}];
      if (chance(r, 0.35)) members.push({ suffix: pick(r, suffixes) });
      if (chance(r, 0.2)) members.push({ material: pick(r, materials) });
      for (const m of members) {
        const title = [vendor, m.material, model, titleCase(type), m.suffix].filter(Boolean).join(' ');
        if (items.some((it) => it.title === title)) continue;
        n += 1;
        made += 1;
        // A SKU names one product: the next free number when the first pick is taken.
        const stem = `${initials(vendor)}${initials(type)}${m.suffix ? m.suffix[0] : ''}`.toUpperCase();
        let num = 10 + Math.floor(r() * 89);
        while (skus.has(`${stem}${num}`)) num += 1;
        const code = `${stem}${num}`;
        skus.add(code);
        const variantNames = chance(r, 0.5) ? shuffle(r, variants).slice(0, 2 + Math.floor(r() * 2)) : [];
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

/** How speech recognition misheard each name word in the espeak-ng -> pocketsphinx round trip (asr-roundtrip.ts). */
const LEARNED: Record<string, [string, number][]> = (() => {
  try {
    const file = fileURLToPath(new URL('./data/asr-confusions.json', import.meta.url));
    return (JSON.parse(readFileSync(file, 'utf8')) as { confusions: Record<string, [string, number][]> }).confusions;
  } catch {
    return {};
  }
})();

/** Hand-written slips for words the round trip never confused: split, merge, vowel and voicing changes. */
const SLIPS: ((w: string) => string)[] = [
  (x) => x.replace(/ph/g, 'f').replace(/y/g, 'i'),
  (x) => (x.length > 5 ? `${x.slice(0, Math.ceil(x.length / 2))} ${x.slice(Math.ceil(x.length / 2))}` : `${x}s`),
  (x) => x.replace(/([aeiou])([^aeiou]*)$/, (_, v: string, rest: string) => `${v === 'a' ? 'e' : v === 'o' ? 'a' : 'o'}${rest}`),
  (x) => x.replace(/^(\w)/, (c) => ({ l: 'r', r: 'l', v: 'b', b: 'v', k: 'c', c: 'k', n: 'm', m: 'n' })[c] ?? c),
  (x) => x.replace(/x/g, 'ks').replace(/qu/g, 'kw'),
];

/**
 * A misheard name: one name word (two in a long name) replaced by what the recognizer heard for it in the
 * round trip, weighted by how often, or by a hand-written slip when the round trip heard it right every time.
 */
function mishear(r: Rand, words: string[]): string[] {
  const out = [...words];
  const slots = shuffle(r, out.map((_, i) => i)).slice(0, out.length >= 4 && chance(r, 0.3) ? 2 : 1);
  for (const i of slots) {
    const w = out[i]!;
    const learned = LEARNED[w];
    if (learned && learned.length > 0 && chance(r, 0.8)) {
      const total = learned.reduce((s, [, n]) => s + n, 0);
      let x = r() * total;
      out[i] = learned.find(([, n]) => (x -= n) < 0)?.[0] ?? learned[0]![0];
    } else {
      const slipped = pick(r, SLIPS)(w);
      out[i] = slipped === w ? `${w}s` : slipped;
    }
  }
  return out;
}

type Kind = 'exact' | 'partial' | 'asr_error' | 'variant' | 'sku' | 'brand_plus_type';

/** The words a product can be called by: its title, its vendor, its type and its variants. */
const wordsOf = (p: Item): Set<string> => new Set([p.title, p.vendor, p.productType, ...p.variants.map((v) => v.title)].flatMap((x) => lower(x).split(' ')));

/**
 * How a host names the product for one kind of mention; null when that kind cannot name it unambiguously.
 * A short name only counts when no other product of the rundown fits it too: that is how a person resolves it.
 */
function phrase(r: Rand, p: Item, kind: Kind, rundown: Item[]): string | null {
  const title = lower(p.title).split(' ');
  const unique = (text: string) => {
    const ws = text.split(' ').filter((w) => w !== 'one' && w !== 'in');
    return rundown.filter((c) => { const have = wordsOf(c); return ws.every((w) => have.has(w)); }).length === 1;
  };
  const firstUnique = (forms: (string | null | false | undefined)[]) => {
    const ok = forms.filter((f): f is string => !!f && unique(f));
    return ok.length ? pick(r, ok) : null;
  };
  const model = lower(p.model), type = lower(p.productType), brand = lower(p.vendor);
  const suffix = p.suffix ? lower(p.suffix) : '', material = p.material ? lower(p.material) : '';
  switch (kind) {
    case 'exact':
      return title.join(' ');
    case 'partial':
      return firstUnique([
        [material, model, type, suffix].filter(Boolean).join(' '),
        suffix && `${model} ${suffix}`,
        suffix && `${type} ${suffix}`,
        `${model} ${type}`,
        material && `${material} ${type}`,
        `${brand} ${model}`,
        `${model} one`,
      ]);
    case 'asr_error':
      return mishear(r, title).join(' ');
    case 'variant': {
      const v = p.variants[0];
      if (!v) return null;
      const vn = lower(v.title);
      return firstUnique([`${vn} ${model} ${type}`, `${model} ${type} in ${vn}`, `${type} in ${vn}`, `${vn} ${model}`]);
    }
    case 'sku':
      return p.sku.split('').map((c) => (/\d/.test(c) ? null : c.toLowerCase())).filter(Boolean).join(' ') + ` ${spell(Number(p.sku.replace(/\D/g, '')))}`;
    case 'brand_plus_type': {
      const same = rundown.filter((c) => c.vendor === p.vendor && c.productType === p.productType);
      return same.length === 1 ? (chance(r, 0.6) ? `${brand} ${type}` : `${type} from ${brand}`) : null;
    }
  }
}

/** Other companies' brands: never in the catalog, so their products are never labeled. */
const COMPETITORS = ['Brightside', 'Nuvola', 'Larkspur', 'Pinnacle', 'Everglow', 'Monarch', 'Bluecrest', 'Glimmer', 'Northstar', 'Vantage'];

const FILLERS = ['um', 'uh', 'so', 'okay', 'like', 'you know', 'honestly', 'alright'];
const INTROS = ['next up is the', 'now let me show you the', 'okay so this is the', 'you guys asked about the', 'moving on to the', 'check out the'];
const FOLLOW = ['look at the finish on this', 'it is one of our best sellers', 'i use this every single day', 'the quality is really there', 'people keep asking about it', 'this one sold out last time'];

type Habit = 'rambling' | 'fast' | 'comparing' | 'prices' | 'pointing';
const POINTING = ['this one is my absolute favorite', 'it really is that good', 'i love it so much', 'you need this one', 'the fancy one is worth it'];

interface Segment { startMs: number; endMs: number; text: string }
interface Mention { productId: string; atMs: number; segment: number; kind: string }

/** One show: a host with one habit walks through a rundown, with traps the labels do not count. */
function makeShow(r: Rand, catalog: Item[], index: number, tag: string): Dataset['shows'][number] {
  const vertical = pick(r, VERTICALS).name;
  const pool = catalog.filter((p) => p.id.includes(`-${vertical}-`));
  const rundown = shuffle(r, pool).slice(0, 6 + Math.floor(r() * 4));
  const habit: Habit = pick(r, ['rambling', 'fast', 'comparing', 'prices', 'pointing'] as const);
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
  // Recognizers cut segments where they like: now and then inside the name ("next up is the dew" | "serum mini").
  // The mention is labeled where it starts.
  const sayCut = (text: string) => {
    const words = text.split(' ');
    if (words.length < 5 || !chance(r, 0.12)) return say(text);
    const at = words.length - 1 - Math.floor(r() * Math.min(3, words.length - 3));
    const first = say(words.slice(0, at).join(' '));
    say(words.slice(at).join(' '));
    return first;
  };
  // A filler inside the name, as people say it ("the dew uh serum mini").
  const stumble = (text: string) => {
    const words = text.split(' ');
    if (words.length < 3 || !chance(r, 0.1)) return text;
    const at = 1 + Math.floor(r() * (words.length - 1));
    return [...words.slice(0, at), pick(r, ['uh', 'um']), ...words.slice(at)].join(' ');
  };
  const competitors = half(COMPETITORS, tag.startsWith('sealed') ? 'sealed' : 'tune');
  const types = VERTICALS.find((v) => v.name === vertical)!.types;

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
    const seg = sayCut(`${filler()}${pick(r, INTROS)} ${stumble(text)}`);
    label(p, seg, kind);
    // Talk inside the same stretch: pronouns and the name again are not labeled.
    say(`${filler()}${pick(r, habit === 'pointing' ? POINTING : FOLLOW)}`);
    // "The other colour": a variant of the product on screen is the same stretch, not a new mention.
    if (p.variants.length >= 2 && (habit === 'pointing' || chance(r, 0.2))) say(`and the other colour is ${lower(p.variants[1]!.title)} which i love`);
    if (habit === 'prices' || chance(r, 0.3)) say(`it is only ${spell(Math.floor(p.price))} dollars today`);
    if (habit === 'rambling') say(`${filler()}${pick(r, VERTICALS.find((v) => v.name === vertical)!.generic)} ${pick(r, FILLERS)}`);
    if (chance(r, 0.3)) say(`and this one comes in ${p.variants.length ? p.variants.map((v) => lower(v.title)).join(' and ') : 'one finish'}`);
    // A trap now and then: a product dismissed, or a competitor's.
    if (chance(r, 0.15)) {
      const gone = pick(r, pool.filter((x) => !rundown.includes(x)));
      if (gone) say(`we don't have the ${lower(gone.title)} today sorry`);
    }
    // More traps: a competitor's product, talk about a kind of product.
    if (chance(r, 0.12)) say(`way better than the ${lower(pick(r, competitors))} ${pick(r, types)} i used before`);
    if (chance(r, 0.1)) say(`i always say a good ${pick(r, types)} changes everything`);
    // A viewer asks about a product that is not on the rundown: the host pulls it up by its full name.
    if (chance(r, 0.06)) {
      // Not the base of a rundown product's family: "the harvest chocolate bar" would mean the rundown's Max.
      const asked = pick(r, pool.filter((x) => !rundown.includes(x) && !rundown.some((y) => lower(y.title).startsWith(lower(x.title)))));
      if (asked) label(asked, say(`someone in the chat asked about the ${lower(asked.title)} so let's pull it up`), 'exact');
    }
    // Coming back to an earlier product by a short name only the rundown resolves ("back to the serum").
    if (i >= 2 && chance(r, 0.15)) {
      const back = rundown[Math.floor(r() * (i - 1))]!;
      const short = phrase(r, back, 'partial', rundown);
      const typeOnly = rundown.filter((c) => c.productType === back.productType).length === 1 ? lower(back.productType) : null;
      const name = typeOnly && chance(r, 0.5) ? typeOnly : short;
      if (name) label(back, say(`${filler()}oh and going back to the ${name} for a second`), 'partial');
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
export function generateDataset(split: Split, shows = 60, perVertical = 300): Dataset {
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
  const data = generateDataset(split, Number(value('--shows') ?? 120));
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
