// The show's whole catalog (for suggestion details and search), loaded once per show.
import { create } from 'zustand';
import Fuse from 'fuse.js';
import type { Product } from '@cuecart/shared';
import { api } from '../../lib/relay.js';

interface CatalogState {
  products: Product[];
  byId: Map<string, Product>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(relay: string, token: string, showId: string): Promise<void>;
  remember(products: Product[]): void;
}

let fuse: Fuse<Product> | null = null;
let fuseFor: Product[] | null = null;

export const useCatalog = create<CatalogState>()((set, get) => ({
  products: [],
  byId: new Map(),
  status: 'idle',
  error: null,
  load: async (relay, token, showId) => {
    set({ status: 'loading', error: null });
    const res = await api<Product[]>(relay, token, `/api/shows/${encodeURIComponent(showId)}/catalog`);
    if (!res.ok || !Array.isArray(res.value)) {
      set({ status: 'error', error: res.ok ? 'the catalog answer was not a list' : res.error.message });
      return;
    }
    const byId = new Map(get().byId);
    for (const p of res.value) byId.set(p.id, p);
    set({ products: res.value, byId, status: 'ready' });
  },
  /** Products seen elsewhere (the rundown, a live store refresh) refresh price and stock. */
  remember: (products) => {
    const byId = new Map(get().byId);
    for (const p of products) byId.set(p.id, p);
    const known = get().products;
    const changed = known.some((p) => byId.get(p.id) !== p);
    set(changed ? { byId, products: known.map((p) => byId.get(p.id) ?? p) } : { byId });
  },
}));

/** Fuzzy search over title, SKU, vendor, type and tags; the index is rebuilt only when the catalog changes. */
export function searchCatalog(products: Product[], query: string, limit = 12): Product[] {
  const q = query.trim();
  if (!q) return [];
  if (fuseFor !== products || !fuse) {
    fuse = new Fuse(products, {
      keys: [
        { name: 'title', weight: 3 },
        { name: 'sku', weight: 2 },
        { name: 'vendor', weight: 1 },
        { name: 'productType', weight: 1 },
        { name: 'tags', weight: 1 },
      ],
      threshold: 0.38,
      ignoreLocation: true,
    });
    fuseFor = products;
  }
  return fuse.search(q, { limit }).map((r) => r.item);
}
