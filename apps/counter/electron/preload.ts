import { contextBridge, ipcRenderer } from 'electron';
import { hardwarePressSchema, type CounterShellBridge } from '../src/counter-actions';
import { IPC, shellConfigReplySchema } from './ipc';

// The one object the renderer sees; every message is checked on the way in.
const bridge = {
  config: async () => shellConfigReplySchema.parse(await ipcRenderer.invoke(IPC.getConfig)),
  onHardwarePress: (listener: (press: unknown) => void) => {
    const handler = (_event: unknown, payload: unknown) => {
      const press = hardwarePressSchema.safeParse(payload);
      if (press.success) listener(press.data);
    };
    ipcRenderer.on(IPC.hardwarePress, handler);
    return () => ipcRenderer.off(IPC.hardwarePress, handler);
  },
} satisfies CounterShellBridge;

contextBridge.exposeInMainWorld('yizhanCounter', bridge);
