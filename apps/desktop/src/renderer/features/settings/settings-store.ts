// Console settings (hotkeys, global accelerators), persisted in localStorage.
import { create } from 'zustand';
import { parseSettings, serializeSettings, SETTINGS_KEY, type ConsoleSettings } from './settings-model.js';

interface SettingsState {
  settings: ConsoleSettings;
  open: boolean;
  setOpen(open: boolean): void;
  save(settings: ConsoleSettings): void;
}

function readStored(): ConsoleSettings {
  try {
    return parseSettings(globalThis.localStorage?.getItem(SETTINGS_KEY));
  } catch {
    return parseSettings(null);
  }
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: readStored(),
  open: false,
  setOpen: (open) => set({ open }),
  save: (settings) => {
    try {
      globalThis.localStorage?.setItem(SETTINGS_KEY, serializeSettings(settings));
    } catch {
      // Private mode or a full quota: the settings still apply for this session.
    }
    set({ settings });
  },
}));
