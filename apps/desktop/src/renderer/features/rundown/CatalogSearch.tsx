// Search the whole catalog (fuse.js) and add a product to the rundown.
import { useMemo, useState } from 'react';
import { formatMoney, stockOf } from '../../lib/format.js';
import { searchCatalog, useCatalog } from '../catalog/catalog-store.js';
import { ProductThumb } from '../catalog/ProductThumb.js';
import { setRundown } from '../console/console-actions.js';
import { addProduct } from './reorder.js';

export function CatalogSearch({ inRundown }: { inRundown: string[] }) {
  const products = useCatalog((s) => s.products);
  const status = useCatalog((s) => s.status);
  const [query, setQuery] = useState('');
  const results = useMemo(() => searchCatalog(products, query, 8), [products, query]);
  const add = (id: string) => {
    setRundown(addProduct(inRundown, id));
    setQuery('');
  };

  return (
    <div className="catalog-search">
      <input
        type="search"
        data-testid="catalog-search"
        placeholder={status === 'ready' ? `Search ${products.length} products to add…` : 'Loading the catalog…'}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results[0]) add(results[0].id);
          if (e.key === 'Escape') setQuery('');
        }}
        aria-label="Search the catalog"
      />
      {query.trim() !== '' && (
        <ul className="search-results" role="listbox" aria-label="Catalog results">
          {results.length === 0 && <li className="empty">No product matches “{query}”.</li>}
          {results.map((p) => {
            const already = inRundown.includes(p.id);
            return (
              <li key={p.id} className="search-result" data-product-id={p.id}>
                <ProductThumb url={p.imageUrl} title={p.title} size={28} />
                <span className="slot-title">{p.title}</span>
                <span className="price">{formatMoney(p.price)}</span>
                <span className={`stock stock-${stockOf(p).level}`}>{stockOf(p).text}</span>
                <button type="button" className="btn btn-sm" disabled={already} onClick={() => add(p.id)}>
                  {already ? 'In rundown' : 'Add'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
