// The rundown, scrolled so the product on air sits near the top where the host's eyes rest.
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildPrompterItems, followKey } from './on-air.js';
import { usePrompterStore } from './prompter-store.js';
import { RundownItemView } from './RundownItemView.js';

const NO_CARDS: never[] = [];

export function RundownList() {
  const { rundown, featured } = usePrompterStore(useShallow((s) => ({ rundown: s.rundown, featured: s.overlay?.featured ?? NO_CARDS })));
  const items = useMemo(() => buildPrompterItems(rundown ?? [], featured), [rundown, featured]);
  const follow = followKey(items);
  const nodes = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    if (!follow) return;
    const key = follow.slice(0, follow.lastIndexOf('@'));
    const node = nodes.current.get(key);
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    node?.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
  }, [follow]);

  if (rundown === null) return <p className="prompter-empty">Waiting for the rundown…</p>;
  if (items.length === 0) return <p className="prompter-empty">The rundown is empty: the producer adds products in the console.</p>;

  return (
    // Nothing on air: every item at full strength; something on air: the rest steps back.
    <ol className={follow ? 'rundown rundown--following' : 'rundown'} aria-label="Rundown">
      {items.map((item) => (
        <RundownItemView
          key={item.key}
          item={item}
          ref={(node) => {
            if (node) nodes.current.set(item.key, node);
            else nodes.current.delete(item.key);
          }}
        />
      ))}
    </ol>
  );
}
