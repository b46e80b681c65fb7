// Builds the objects the preload exposes: a few named functions over ipcRenderer, no generic invoke, no event objects.
import type { IpcRenderer } from 'electron';
import { GLOBAL_ACTIONS, type DesktopBridge, type GlobalAction } from '../shared-ipc/bridge.js';
import { IPC_CHANNELS } from '../main/ipc-channels.js';

type Ipc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function isGlobalAction(value: unknown): value is GlobalAction {
  return typeof value === 'string' && (GLOBAL_ACTIONS as readonly string[]).includes(value);
}

export function createDesktopBridge(ipc: Ipc, version: string): DesktopBridge {
  return {
    version,
    async setGlobalShortcuts(bindings) {
      const answer = (await ipc.invoke(IPC_CHANNELS.setGlobalShortcuts, { ...bindings })) as { ok: boolean; failed: GlobalAction[] };
      return { ok: answer.ok, failed: answer.failed.filter(isGlobalAction) };
    },
    onGlobalShortcut(listener) {
      const handler = (_event: unknown, action: unknown) => {
        if (isGlobalAction(action)) listener(action);
      };
      ipc.on(IPC_CHANNELS.globalShortcut, handler);
      return () => {
        ipc.removeListener(IPC_CHANNELS.globalShortcut, handler);
      };
    },
    async openPrompter(showId) {
      await ipc.invoke(IPC_CHANNELS.openPrompter, String(showId));
    },
  };
}

export interface ConnectBridge {
  connect(input: { relay: string; token: string }): Promise<{ ok: true } | { ok: false; message: string }>;
}

export function createConnectBridge(ipc: Ipc): ConnectBridge {
  return {
    connect: async ({ relay, token }) => (await ipc.invoke(IPC_CHANNELS.connect, { relay: String(relay), token: String(token) })) as Awaited<ReturnType<ConnectBridge['connect']>>,
  };
}

/** The app version the main process passed as `--cuecart-version=` (a sandboxed preload cannot read package.json). */
export function versionFromArgv(argv: readonly string[]): string {
  const arg = argv.find((a) => a.startsWith('--cuecart-version='));
  return arg ? arg.slice('--cuecart-version='.length) : 'unknown';
}
