// IPC channel names shared by the main process and the preload (constants only: the preload bundles this file).
export const IPC_CHANNELS = {
  setGlobalShortcuts: 'cuecart:shortcuts:set',
  openPrompter: 'cuecart:prompter:open',
  connect: 'cuecart:connect',
  /** main → console: a global shortcut fired. */
  globalShortcut: 'cuecart:global-shortcut',
} as const;
