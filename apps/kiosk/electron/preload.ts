import { contextBridge, ipcRenderer } from 'electron';
import type { KioskShell } from '../src/shell-bridge';
import { IPC, printTicketReplySchema, shellInfoSchema } from './ipc';

// The one object the renderer sees; every reply from main is checked on the way in.
const bridge = {
  usbPrinter: async () => shellInfoSchema.parse(await ipcRenderer.invoke(IPC.getInfo)).usbPrinter,
  printTicket: async (ticketId: string) =>
    printTicketReplySchema.parse(await ipcRenderer.invoke(IPC.printTicket, { ticketId })),
} satisfies KioskShell;

contextBridge.exposeInMainWorld('kioskShell', bridge);
