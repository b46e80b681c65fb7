// A small windowing list: rows are measured as they render (estimated before), and only the rows in view
// (plus a few) exist in the DOM. Keeps itself pinned to the bottom while `follow` is on.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { buildOffsets, isAtBottom, visibleWindow } from './windowing.js';

interface Props<T> {
  items: readonly T[];
  keyOf(item: T): string;
  estimate(item: T): number;
  renderRow(item: T, index: number): ReactNode;
  follow: boolean;
  onFollowChange(follow: boolean): void;
  className?: string;
}

export function VirtualList<T>({ items, keyOf, estimate, renderRow, follow, onFollowChange, className }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const measured = useRef(new Map<string, number>());
  const [version, setVersion] = useState(0);
  const [view, setView] = useState({ top: 0, height: 600 });

  const offsets = useMemo(
    () => buildOffsets(items.map((it) => measured.current.get(keyOf(it)) ?? estimate(it))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, version, keyOf, estimate],
  );
  const total = offsets[offsets.length - 1] ?? 0;
  const win = visibleWindow(offsets, view.top, view.height, 6);

  const lastTop = useRef(0);
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    setView({ top: el.scrollTop, height: el.clientHeight });
    // Rows growing or our own scroll to the bottom never move the view up: only the producer scrolling up pauses.
    const movedUp = el.scrollTop < lastTop.current - 2;
    lastTop.current = el.scrollTop;
    if (isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight)) {
      if (!follow) onFollowChange(true);
    } else if (movedUp && follow) {
      onFollowChange(false);
    }
  }, [follow, onFollowChange]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Measure what rendered; a changed height re-lays out the offsets.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let changed = false;
    for (const row of el.querySelectorAll<HTMLElement>('[data-vkey]')) {
      const key = row.dataset.vkey!;
      const h = row.offsetHeight;
      if (h > 0 && measured.current.get(key) !== h) {
        measured.current.set(key, h);
        changed = true;
      }
    }
    if (changed) setVersion((v) => v + 1);
  });

  // Follow the live edge: after every render (new rows, re-measured rows), stay pinned to the bottom.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !follow) return;
    const target = el.scrollHeight - el.clientHeight;
    if (target - el.scrollTop > 1) {
      el.scrollTop = target;
      lastTop.current = el.scrollTop;
    }
  });

  const rows: ReactNode[] = [];
  for (let i = win.start; i < win.end; i++) {
    const item = items[i]!;
    const key = keyOf(item);
    rows.push(
      <div key={key} data-vkey={key} className="vrow" style={{ position: 'absolute', top: offsets[i], left: 0, right: 0 }}>
        {renderRow(item, i)}
      </div>,
    );
  }

  return (
    <div ref={scrollRef} className={`vlist ${className ?? ''}`} onScroll={onScroll}>
      <div style={{ position: 'relative', height: total }}>{rows}</div>
    </div>
  );
}
