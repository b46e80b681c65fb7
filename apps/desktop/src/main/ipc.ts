// The bridge's IPC handlers. Each one checks who is calling (our window, its top frame, on the page it should be on)
// and parses the payload with zod before doing anything; the event object never goes back to the page.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { ShowId } from '@cuecart/shared';
import type { GlobalAction } from '../shared-ipc/bridge.js';
import { Connection } from './config.js';
import { IPC_CHANNELS } from './ipc-channels.js';
import type { SecurityPolicy } from './security.js';
import { GlobalBindingsSchema } from './shortcuts.js';
import { isLocalPage, isSameOrigin } from './url-guard.js';
import type { WindowKind } from './window-options.js';
import type { z } from 'zod';

export type ConnectAnswer = { ok: true } | { ok: false; message: string };

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  policy: SecurityPolicy;
  /** The file: URL of the connect page, the only local page allowed to call `connect`. */
  connectPageUrl: () => string | null;
  /** Which of our windows owns this web contents, or null when it is none of ours. */
  windowKindOf: (sender: WebContents) => WindowKind | null;
  setGlobalShortcuts: (bindings: z.output<typeof GlobalBindingsSchema>) => { ok: boolean; failed: GlobalAction[] };
  openPrompter: (showId: string) => Promise<void> | void;
  connect: (connection: Connection) => Promise<ConnectAnswer>;
}

type Page = 'relay' | 'connect';

export class IpcSenderError extends Error {}

/** Throws unless the call comes from the top frame of one of our windows of `kind`, showing `page`. */
export function assertSender(event: IpcMainInvokeEvent, deps: Pick<IpcDeps, 'policy' | 'connectPageUrl' | 'windowKindOf'>, kind: WindowKind, page: Page): void {
  const frame = event.senderFrame;
  if (!frame) throw new IpcSenderError('the calling page is gone');
  if (frame.parent !== null) throw new IpcSenderError('only the top frame may use the desktop bridge');
  if (deps.windowKindOf(event.sender) !== kind) throw new IpcSenderError(`only the ${kind} window may do this`);
  const ok = page === 'relay' ? deps.policy.relayOrigin !== null && isSameOrigin(frame.url, deps.policy.relayOrigin) : isLocalPage(frame.url, deps.connectPageUrl());
  if (!ok) throw new IpcSenderError('this page may not use the desktop bridge');
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`invalid ${what}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

export function registerIpcHandlers(deps: IpcDeps): void {
  const { ipcMain } = deps;
  ipcMain.handle(IPC_CHANNELS.setGlobalShortcuts, (event, bindings: unknown) => {
    assertSender(event, deps, 'console', 'relay');
    const { ok, failed } = deps.setGlobalShortcuts(parse(GlobalBindingsSchema, bindings, 'shortcuts'));
    return { ok, failed: [...failed] };
  });
  ipcMain.handle(IPC_CHANNELS.openPrompter, async (event, showId: unknown) => {
    assertSender(event, deps, 'console', 'relay');
    await deps.openPrompter(parse(ShowId, showId, 'show id'));
  });
  ipcMain.handle(IPC_CHANNELS.connect, async (event, connection: unknown) => {
    assertSender(event, deps, 'console', 'connect');
    const parsed = Connection.safeParse(connection);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'invalid relay or token' } satisfies ConnectAnswer;
    return deps.connect(parsed.data);
  });
}

/** Sends a global shortcut press to the console, only when it shows the relay's console page. */
export function sendGlobalShortcut(contents: Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'> | null, policy: SecurityPolicy, action: GlobalAction): boolean {
  if (!contents || contents.isDestroyed() || policy.relayOrigin === null || !isSameOrigin(contents.getURL(), policy.relayOrigin)) return false;
  contents.send(IPC_CHANNELS.globalShortcut, action);
  return true;
}
