// The preload: the relay's pages get `window.cuecartDesktop`, the local connect page gets `window.cuecartConnect`.
// The main process checks every call again; this only keeps each page's surface as small as it can be.
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopBridge } from '../shared-ipc/bridge.js';
import { createConnectBridge, createDesktopBridge, versionFromArgv, type ConnectBridge } from './bridge.js';

if (location.protocol === 'file:') {
  contextBridge.exposeInMainWorld('cuecartConnect', createConnectBridge(ipcRenderer) satisfies ConnectBridge);
} else {
  contextBridge.exposeInMainWorld('cuecartDesktop', createDesktopBridge(ipcRenderer, versionFromArgv(process.argv)) satisfies DesktopBridge);
}
