// The legend bar: every hotkey as it is bound now.
import { useSettings } from '../settings/settings-store.js';
import { useShallow } from 'zustand/react/shallow';
import { HOTKEY_ACTIONS, slotOf } from './keymap.js';

export function HotkeyLegend({ globalFailed }: { globalFailed: string[] }) {
  const b = useSettings(useShallow((s) => s.settings.bindings));
  const global = useSettings(useShallow((s) => s.settings.global));
  const setOpen = useSettings((s) => s.setOpen);
  const slots = HOTKEY_ACTIONS.filter((a) => slotOf(a) !== null).map((a) => b[a]);
  const slotsText = slots.join('') === '123456789' ? '1–9' : slots.join(' ');
  return (
    <footer className="legend" data-testid="hotkey-legend" aria-label="Hotkeys">
      <span><kbd>{b['take-top']}</kbd> take top suggestion</span>
      <span><kbd>{slotsText}</kbd> take rundown slot</span>
      <span><kbd>{b.clear}</kbd> clear the air</span>
      <span><kbd>{b['dismiss-top']}</kbd> dismiss top suggestion</span>
      {window.cuecartDesktop && (
        <span className="muted">
          global: <kbd>{global.take}</kbd> take · <kbd>{global.clear}</kbd> clear
          {globalFailed.length > 0 && <span className="error-text"> ({globalFailed.join(', ')} not bound: in use by another app?)</span>}
        </span>
      )}
      <span className="legend-spacer" />
      <span className="muted">keys act on release, never while typing</span>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(true)}>
        Remap…
      </button>
    </footer>
  );
}
