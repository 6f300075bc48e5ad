import { contextBridge, ipcRenderer } from 'electron';
import { IPC, screenReplySchema, type DisplayShellBridge } from './ipc';

// The one object the renderer sees; the reply is checked on the way in.
const bridge = {
  screen: async () => screenReplySchema.parse(await ipcRenderer.invoke(IPC.getScreen)),
} satisfies DisplayShellBridge;

contextBridge.exposeInMainWorld('yizhanDisplay', bridge);
