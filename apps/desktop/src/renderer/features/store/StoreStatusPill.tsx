// The top bar's store light (Shopify's last confirmed prices), and while the store fails a strip under the
// top bar that says what is wrong and that cards keep their last known price and stock.
import { useNow } from '../../lib/use-now.js';
import { storeStatusView } from './store-status.js';
import { useStore } from './store-store.js';

function useStoreView() {
  const status = useStore((s) => s.status);
  const now = useNow();
  return status ? storeStatusView(status, now) : null;
}

export function StoreStatusPill() {
  const view = useStoreView();
  if (!view) return null;
  return (
    <span className={`pill store-status store-${view.tone}`} data-testid="store-status" data-tone={view.tone} title={view.detail} role="status">
      {view.label}
    </span>
  );
}

export function StoreAlert() {
  const view = useStoreView();
  if (!view || view.tone !== 'failing') return null;
  return (
    <p className="store-alert" data-testid="store-alert" role="alert">
      {view.detail}
    </p>
  );
}
