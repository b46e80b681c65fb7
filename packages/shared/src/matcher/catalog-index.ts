// Builds the search structures for one catalog: per-product token slots, weights, postings, SKUs and a fuzzy vocabulary.
import type { Product } from '../contract/product.js';
import { CatalogVocab } from './fuzzy.js';
import { GENERIC_COMMERCE, STOPWORDS } from './lexicon.js';
import { normalizeCatalogText } from './normalize.js';

/** What a catalog term does for one product. `covers` are the title/vendor slots it fills. */
export interface TermRole { field: 'title' | 'vendor' | 'type' | 'variant'; covers: readonly string[]; variant?: number }

export interface IndexedVariant { tokens: readonly string[]; distinctive: boolean }

export interface IndexedProduct {
  id: string;
  ord: number;
  title: string;
  /** Content tokens of the title (vendor words included when the title repeats them). */
  titleSlots: readonly string[];
  titleWeight: number;
  vendorTokens: readonly string[];
  /** Vendor words the title does not repeat ("dew theory" for "Cloud Cream Whipped Moisturizer"). */
  vendorExtra: readonly string[];
  variants: readonly IndexedVariant[];
  terms: ReadonlyMap<string, readonly TermRole[]>;
}

export interface CatalogIndex {
  readonly products: readonly IndexedProduct[];
  readonly byId: ReadonlyMap<string, IndexedProduct>;
  /** term -> product ords, for generating candidates from what was heard. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Words that describe a kind of product (types, tags, commerce words) rather than name one. */
  readonly descriptors: ReadonlySet<string>;
  readonly weights: ReadonlyMap<string, number>;
  /** Normalised SKU (letters and digits only) -> product ords. */
  readonly skus: ReadonlyMap<string, readonly number[]>;
  readonly vocab: CatalogVocab;
  /** Catalog terms that are one word (not joined compounds). */
  readonly singleWords: ReadonlySet<string>;
}

const content = (tokens: readonly string[]): string[] => [...new Set(tokens.filter((t) => !STOPWORDS.has(t)))];
const isNumber = (t: string): boolean => /^\d+$/.test(t);
/** A SKU as letters and digits only; never singularised ("MVHS23" is not "MVH23"). */
export const normalizeSku = (s: string): string => String(s).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '');

/** Catalog-side compounds: "pour-over" is also heard as "pourover", `12"` as "12 inch" said together. */
function compounds(tokens: readonly string[]): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as string;
    const b = tokens[i + 1] as string;
    out.push([a + b, [a, b].filter((t) => !STOPWORDS.has(t))]);
  }
  return out;
}

/** Indexes a catalog once; safe on empty, duplicate, emoji-only or very long titles. */
export function indexCatalog(products: readonly Product[]): CatalogIndex {
  const list: readonly Product[] = Array.isArray(products) ? products.filter((p: Product) => p && typeof p.id === 'string') : [];
  // A word is a descriptor if it names a product type, or if several products share it as a tag.
  // A tag only one product carries is usually its own name ("banneton", "gua sha") and stays a name.
  const descriptors = new Set<string>(GENERIC_COMMERCE);
  const tagDf = new Map<string, number>();
  for (const p of list) {
    for (const t of normalizeCatalogText(p.productType)) descriptors.add(t);
    const words = new Set((p.tags ?? []).flatMap((tag) => normalizeCatalogText(tag)));
    for (const t of words) tagDf.set(t, (tagDf.get(t) ?? 0) + 1);
  }
  for (const [t, n] of tagDf) if (n >= 2) descriptors.add(t);
  // Attributes learned from the catalog: a word that is a variant of several products ("black", "rose", "large")
  // describes a product when a title carries it, it does not name one.
  const attributeDf = new Map<string, number>();
  for (const p of list) {
    for (const t of new Set((p.variants ?? []).flatMap((v) => normalizeCatalogText(v.title)))) attributeDf.set(t, (attributeDf.get(t) ?? 0) + 1);
  }
  for (const [t, n] of attributeDf) if (n >= 3 && !/^\d+$/.test(t)) descriptors.add(t);
  const raw = list.map((p) => {
    const titleTokens = normalizeCatalogText(String(p.title ?? '').slice(0, 500));
    const vendorTokens = content(normalizeCatalogText(p.vendor));
    const titleSlots = content(titleTokens);
    return { p, titleTokens, titleSlots, vendorTokens };
  });
  const df = new Map<string, number>();
  for (const r of raw) for (const t of new Set([...r.titleSlots, ...r.vendorTokens])) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, list.length);
  const weights = new Map<string, number>();
  for (const [t, d] of df) {
    let w = Math.log(1 + n / d);
    if (descriptors.has(t)) w *= 0.6;
    if (isNumber(t)) w *= 0.5;
    if (GENERIC_COMMERCE.has(t)) w *= 0.4;
    weights.set(t, w);
  }
  const variantDf = new Map<string, number>();
  for (const r of raw) {
    for (const v of new Set((r.p.variants ?? []).map((v) => content(normalizeCatalogText(v.title)).join(' ')))) {
      variantDf.set(v, (variantDf.get(v) ?? 0) + 1);
    }
  }
  const postings = new Map<string, number[]>();
  const skus = new Map<string, number[]>();
  const vocabTerms = new Set<string>();
  const singleWords = new Set<string>();
  const indexed = raw.map((r, ord): IndexedProduct => {
    const terms = new Map<string, TermRole[]>();
    const add = (term: string, role: TermRole): void => {
      if (!term) return;
      const roles = terms.get(term) ?? [];
      roles.push(role);
      terms.set(term, roles);
      vocabTerms.add(term);
    };
    for (const t of r.titleSlots) { add(t, { field: 'title', covers: [t] }); singleWords.add(t); }
    for (const [joined, parts] of compounds(r.titleTokens)) if (parts.length > 0) add(joined, { field: 'title', covers: parts });
    const vendorExtra = r.vendorTokens.filter((t) => !r.titleSlots.includes(t));
    for (const t of vendorExtra) add(t, { field: 'vendor', covers: [t] });
    for (const t of content(normalizeCatalogText(r.p.productType))) if (!terms.has(t)) add(t, { field: 'type', covers: [] });
    const variants: IndexedVariant[] = [];
    for (const v of r.p.variants ?? []) {
      const tokens = content(normalizeCatalogText(v.title)).filter((t) => !r.titleSlots.includes(t));
      const key = tokens.join(' ');
      if (tokens.length === 0 || key === 'default title') continue;
      const distinctive = (variantDf.get(key) ?? 0) <= 3 && tokens.some((t) => t.length >= 3 && !isNumber(t) && !GENERIC_COMMERCE.has(t));
      const idx = variants.push({ tokens, distinctive }) - 1;
      for (const t of tokens) add(t, { field: 'variant', covers: [], variant: idx });
    }
    for (const s of [r.p.sku, ...(r.p.variants ?? []).map((v) => v.sku)]) {
      if (!s) continue;
      const key = normalizeSku(s);
      if (key.length < 3) continue;
      const ords = skus.get(key) ?? [];
      if (!ords.includes(ord)) ords.push(ord);
      skus.set(key, ords);
    }
    for (const term of terms.keys()) {
      const ords = postings.get(term) ?? [];
      ords.push(ord);
      postings.set(term, ords);
    }
    const titleWeight = r.titleSlots.reduce((s, t) => s + (weights.get(t) ?? 0), 0);
    return { id: r.p.id, ord, title: String(r.p.title ?? ''), titleSlots: r.titleSlots, titleWeight, vendorTokens: r.vendorTokens, vendorExtra, variants, terms };
  });
  return {
    products: indexed,
    byId: new Map(indexed.map((p) => [p.id, p])),
    postings,
    descriptors,
    weights,
    skus,
    vocab: new CatalogVocab(vocabTerms, new Set([...vocabTerms].filter((t) => !singleWords.has(t)))),
    singleWords,
  };
}
