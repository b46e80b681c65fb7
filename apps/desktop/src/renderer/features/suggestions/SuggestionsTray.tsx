// Products the host just mentioned, best first, ready to take (Enter) or dismiss (Delete).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Suggestion } from '@cuecart/shared';
import { formatMoney, stockOf } from '../../lib/format.js';
import { useCatalog } from '../catalog/catalog-store.js';
import { ProductThumb } from '../catalog/ProductThumb.js';
import { dismissSuggestion, takeProduct } from '../console/console-actions.js';
import { onAirProductIds, useOverlay } from '../on-air/overlay-store.js';
import { useSettings } from '../settings/settings-store.js';
import { formatShowTime } from '../transcript/transcript-model.js';
import { rankSuggestions } from './rank.js';
import { useSuggestions } from './suggestions-store.js';
import { TakeButton } from '../on-air/TakeButton.js';

export function SuggestionsTray() {
  const { all, hidden } = useSuggestions(useShallow((s) => ({ all: s.all, hidden: s.hidden })));
  const overlay = useOverlay((s) => s.overlay);
  const ranked = useMemo(() => rankSuggestions(all.values(), onAirProductIds(overlay), hidden, 8), [all, hidden, overlay]);
  const takeKey = useSettings((s) => s.settings.bindings['take-top']);
  const dismissKey = useSettings((s) => s.settings.bindings['dismiss-top']);

  return (
    <section className="panel suggestions" aria-label="Suggestions">
      <header className="panel-head">
        <h2>Suggestions</h2>
        <span className="muted">{ranked.length ? `${takeKey} takes the top · ${dismissKey} dismisses it` : ''}</span>
      </header>
      <ol className="suggestion-list">
        {ranked.length === 0 && <li className="empty">No product mentioned yet. Suggestions appear as the host talks.</li>}
        {ranked.map((s, i) => (
          <SuggestionRow key={s.id} suggestion={s} top={i === 0} />
        ))}
      </ol>
    </section>
  );
}

function SuggestionRow({ suggestion, top }: { suggestion: Suggestion; top: boolean }) {
  const product = useCatalog((s) => s.byId.get(suggestion.productId));
  const title = product?.title ?? suggestion.productId;
  const stock = product ? stockOf(product) : null;
  return (
    <li className={`suggestion${top ? ' top' : ''}${product?.available === false ? ' sold-out' : ''}`} data-testid="suggestion" data-product-id={suggestion.productId} data-sold-out={product?.available === false ? 'true' : undefined}>
      <ProductThumb url={product?.imageUrl} title={title} size={44} />
      <div className="suggestion-main">
        <div className="suggestion-title">{title}</div>
        <div className="suggestion-meta">
          <span className="heard">“{suggestion.text}”</span>
          <span className="muted">at {formatShowTime(suggestion.mediaMs)}</span>
        </div>
      </div>
      <div className="suggestion-facts">
        <span className="price">{formatMoney(product?.price)}</span>
        {product?.available === false ? (
          <span className="pill pill-soldout" title="Taking it asks first: viewers cannot buy it">SOLD OUT</span>
        ) : (
          stock && <span className={`stock stock-${stock.level}`}>{stock.text}</span>
        )}
      </div>
      <span className="score" title="confidence: about this many in 100 suggestions like this one are right">{Math.round(suggestion.score * 100)}</span>
      <div className="row-actions">
        <TakeButton label={title} onClick={() => takeProduct(suggestion.productId, suggestion.id)} />
        <button type="button" className="btn btn-ghost" aria-label={`Dismiss ${title}`} onClick={() => dismissSuggestion(suggestion.id)}>
          ✕
        </button>
      </div>
    </li>
  );
}
