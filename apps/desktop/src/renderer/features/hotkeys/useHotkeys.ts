// Console hotkeys on the window: key-down only claims the key (prevents the default), key-up acts.
import { useEffect } from 'react';
import { clearAir, dismissTopSuggestion, takeSlot, takeTopSuggestion } from '../console/console-actions.js';
import { useSettings } from '../settings/settings-store.js';
import { createKeyTracker, isActivationOnControl, isEditableTarget, matchAction, slotOf, type HotkeyAction } from './keymap.js';

export function runHotkeyAction(action: HotkeyAction): void {
  const slot = slotOf(action);
  if (slot !== null) takeSlot(slot);
  else if (action === 'take-top') takeTopSuggestion();
  else if (action === 'dismiss-top') dismissTopSuggestion();
  else if (action === 'clear') clearAir();
}

function dialogOpen(): boolean {
  return useSettings.getState().open || document.querySelector('dialog[open], [aria-modal="true"]') !== null;
}

/**
 * A button clicked with the mouse lets go of the focus at once, so the next Enter or Space is the console's
 * hotkey (take the top suggestion), never that button again ("Take" twice, or "End show" after "Go live").
 * A button reached with Tab keeps it: keyboard users still press what they focused.
 */
export function releaseClickedControl(e: Pick<MouseEvent, 'detail' | 'target'>): void {
  if (e.detail === 0) return; // a keyboard activation
  const control = (e.target as Element | null)?.closest?.('button, a.btn, [role="button"]');
  if (control instanceof HTMLElement && document.activeElement === control && !control.closest('dialog')) control.blur();
}

export function useHotkeys(): void {
  useEffect(() => {
    document.addEventListener('click', releaseClickedControl);
    return () => document.removeEventListener('click', releaseClickedControl);
  }, []);
  useEffect(() => {
    const tracker = createKeyTracker<HotkeyAction>();
    const physical = (e: KeyboardEvent) => e.code || e.key;
    const blocked = (e: KeyboardEvent) =>
      e.isComposing || dialogOpen() || isEditableTarget(e.target as HTMLElement | null) || isActivationOnControl(e.target as HTMLElement | null, e);

    const onDown = (e: KeyboardEvent) => {
      if (blocked(e)) return;
      const action = matchAction(e, useSettings.getState().settings.bindings);
      if (!action) return;
      e.preventDefault();
      if (!e.repeat) tracker.keyDown(physical(e), action);
    };
    const onUp = (e: KeyboardEvent) => {
      // Only a key-down claimed here counts, so a press that started in a field or a dialog never fires.
      const action = tracker.keyUp(physical(e));
      if (!action || blocked(e)) return;
      e.preventDefault();
      runHotkeyAction(action);
    };
    const onBlur = () => tracker.reset();
    window.addEventListener('keydown', onDown);
    window.addEventListener('keyup', onUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onDown);
      window.removeEventListener('keyup', onUp);
      window.removeEventListener('blur', onBlur);
    };
  }, []);
}
