// The rundown: slots in show order (1–9 on hotkeys), reordered by drag and drop or the move buttons.
import { useState } from 'react';
import type { RundownItem } from '@cuecart/shared';
import { formatMoney, stockOf } from '../../lib/format.js';
import { ProductThumb } from '../catalog/ProductThumb.js';
import { setRundown, takeProduct } from '../console/console-actions.js';
import { onAirProductIds, useOverlay } from '../on-air/overlay-store.js';
import { CatalogSearch } from './CatalogSearch.js';
import { moveItem, removeProduct } from './reorder.js';
import { useRundown } from './rundown-store.js';
import { TakeButton } from '../on-air/TakeButton.js';

export function RundownPanel() {
  const items = useRundown((s) => s.items);
  const overlay = useOverlay((s) => s.overlay);
  const onAir = onAirProductIds(overlay);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const ids = items.map((it) => it.product.id);
  const move = (from: number, to: number) => setRundown(moveItem(ids, from, to));

  return (
    <section className="panel rundown-panel" aria-label="Rundown">
      <header className="panel-head">
        <h2>Rundown</h2>
        <span className="muted" data-testid="rundown-hint">
          {items.length} products · drag to reorder{items.length > 9 ? ' · keys 1–9 take the top nine' : ''}
        </span>
      </header>
      <CatalogSearch inRundown={ids} />
      <ol className="rundown-list">
        {items.length === 0 && <li className="empty">The rundown is empty: search the catalog to add products.</li>}
        {items.map((item, i) => (
          <li
            key={item.product.id}
            className={`rundown-slot${onAir.has(item.product.id) ? ' on-air' : ''}${dropAt === i && dragFrom !== i ? ' drop-target' : ''}${dragFrom === i ? ' dragging' : ''}`}
            data-testid="rundown-slot"
            data-slot={item.slot}
            data-product-id={item.product.id}
            draggable
            onDragStart={(e) => {
              setDragFrom(i);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(i));
            }}
            onDragOver={(e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (dropAt !== i) setDropAt(i);
            }}
            onDrop={(e) => {
              e.preventDefault();
              const from = dragFrom ?? Number(e.dataTransfer.getData('text/plain'));
              if (Number.isInteger(from)) move(from, i);
              setDragFrom(null);
              setDropAt(null);
            }}
            onDragEnd={() => {
              setDragFrom(null);
              setDropAt(null);
            }}
          >
            <SlotRow item={item} index={i} count={items.length} onAir={onAir.has(item.product.id)} move={move} remove={() => setRundown(removeProduct(ids, item.product.id))} />
          </li>
        ))}
      </ol>
    </section>
  );
}

interface SlotRowProps {
  item: RundownItem;
  index: number;
  count: number;
  onAir: boolean;
  move(from: number, to: number): void;
  remove(): void;
}

function SlotRow({ item, index, count, onAir, move, remove }: SlotRowProps) {
  const { product } = item;
  const stock = stockOf(product);
  return (
    <>
      <span
        className={`slot-key${item.slot <= 9 ? '' : ' no-key'}`}
        data-testid="slot-key"
        title={onAir ? 'On air' : item.slot <= 9 ? `Press ${item.slot} to take` : 'No key: only slots 1–9 have one. Drag it into the top nine, or use its Take button'}
      >
        {item.slot}
      </span>
      <ProductThumb url={product.imageUrl} title={product.title} size={36} />
      <div className="slot-main">
        <div className="slot-title" title={product.title}>{product.title}</div>
        <div className="slot-meta">
          <span className="price">{formatMoney(product.price)}</span>
          <span className={`stock stock-${stock.level}`}>{stock.text}</span>
          <span className="legend-spacer" />
          <button type="button" className="btn btn-ghost btn-xs" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move ${product.title} up`}>
            ▲
          </button>
          <button type="button" className="btn btn-ghost btn-xs" disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label={`Move ${product.title} down`}>
            ▼
          </button>
          <button type="button" className="btn btn-ghost btn-xs" onClick={remove} aria-label={`Remove ${product.title} from the rundown`}>
            ✕
          </button>
        </div>
      </div>
      <TakeButton small label={product.title} onClick={() => takeProduct(product.id)} />
    </>
  );
}
