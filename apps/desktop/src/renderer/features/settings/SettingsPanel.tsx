// Settings dialog: remap each hotkey by pressing the new key; Electron global accelerators for take and clear.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ACTION_LABELS, comboOf, HOTKEY_ACTIONS, type HotkeyAction } from '../hotkeys/keymap.js';
import { defaultSettings, rebind, type ConsoleSettings } from './settings-model.js';
import { useSettings } from './settings-store.js';

export function SettingsButton() {
  const setOpen = useSettings((s) => s.setOpen);
  return (
    <button type="button" className="btn btn-ghost" data-testid="settings-open" onClick={() => setOpen(true)}>
      ⚙ Settings
    </button>
  );
}

export function SettingsPanel() {
  const open = useSettings((s) => s.open);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="settings" aria-label="Console settings" onClose={() => useSettings.getState().setOpen(false)}>
      {open && <SettingsForm />}
    </dialog>
  );
}

function SettingsForm() {
  const saved = useSettings((s) => s.settings);
  const save = useSettings((s) => s.save);
  const setOpen = useSettings((s) => s.setOpen);
  const [draft, setDraft] = useState<ConsoleSettings>(saved);
  const [capturing, setCapturing] = useState<HotkeyAction | null>(null);
  const inElectron = Boolean(window.cuecartDesktop);

  const capture = (action: HotkeyAction) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (capturing !== action) return;
    e.preventDefault();
    e.stopPropagation();
    const combo = comboOf(e);
    if (!combo) return;
    setDraft((d) => ({ ...d, bindings: rebind(d.bindings, action, combo) }));
    setCapturing(null);
  };

  return (
    <form
      method="dialog"
      onSubmit={(e) => {
        e.preventDefault();
        save(draft);
        setOpen(false);
      }}
    >
      <h2>Settings</h2>
      <h3>Hotkeys</h3>
      <p className="muted">Click a key, then press the new one. A key already in use swaps with it.</p>
      <table className="bindings">
        <tbody>
          {HOTKEY_ACTIONS.map((action) => (
            <tr key={action}>
              <td>{ACTION_LABELS[action]}</td>
              <td>
                <button
                  type="button"
                  className={`btn key-capture${capturing === action ? ' capturing' : ''}`}
                  data-action={action}
                  onClick={() => setCapturing(capturing === action ? null : action)}
                  onKeyDown={capture(action)}
                  onBlur={() => capturing === action && setCapturing(null)}
                >
                  {capturing === action ? 'press a key…' : draft.bindings[action]}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Global shortcuts {inElectron ? '' : '(desktop app only)'}</h3>
      <p className="muted">Work while another app has focus. Electron accelerators, e.g. CommandOrControl+Shift+T.</p>
      <div className="global-fields">
        {(['take', 'clear'] as const).map((k) => (
          <label key={k}>
            {k === 'take' ? 'Take top suggestion' : 'Clear the air'}
            <input
              value={draft.global[k]}
              disabled={!inElectron}
              maxLength={64}
              data-testid={`global-${k}`}
              onChange={(e) => setDraft((d) => ({ ...d, global: { ...d.global, [k]: e.target.value } }))}
            />
          </label>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={() => setDraft(defaultSettings())}>
          Reset to defaults
        </button>
        <span className="legend-spacer" />
        <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button type="submit" className="btn btn-take" data-testid="settings-save">
          Save
        </button>
      </div>
    </form>
  );
}
