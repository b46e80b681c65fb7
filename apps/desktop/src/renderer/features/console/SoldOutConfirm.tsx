// "X is sold out. Put it on air anyway?": opens on "Don't take it", so Enter or Escape (or a second press of
// the take key) never puts a card nobody can buy on air by accident.
import { useEffect, useRef } from 'react';
import { useCatalog } from '../catalog/catalog-store.js';
import { takeSoldOutAnyway } from './console-actions.js';
import { useSoldOutGuard } from './sold-out-guard.js';

export function SoldOutConfirm() {
  const pending = useSoldOutGuard((s) => s.pending);
  const cancel = useSoldOutGuard((s) => s.cancel);
  const title = useCatalog((s) => (pending ? (s.byId.get(pending.productId)?.title ?? pending.productId) : ''));
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (pending && !d.open) {
      d.showModal();
      keep.current?.focus();
    } else if (!pending && d.open) d.close();
  }, [pending]);
  return (
    <dialog ref={dialog} className="confirm-end" data-testid="confirm-sold-out" onCancel={(e) => {
        // Escape: answered here and at once (the dialog's own close event comes later, when a new question may
        // already be pending); the effect above closes the dialog.
        e.preventDefault();
        cancel();
      }} aria-labelledby="sold-out-title">
      <h2 id="sold-out-title">{title} is sold out</h2>
      <p>Viewers would see it marked sold out, with only “Notify me when it’s back”. Put it on air anyway? (You will not be asked again for this product.)</p>
      <div className="confirm-actions">
        <button type="button" className="btn" ref={keep} data-testid="sold-out-cancel" onClick={cancel}>
          Don’t take it
        </button>
        <button type="button" className="btn btn-warn" data-testid="sold-out-take" onClick={takeSoldOutAnyway}>
          Take it anyway
        </button>
      </div>
    </dialog>
  );
}
