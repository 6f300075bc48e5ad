import { join } from 'node:path';
import USBAdapter from '@node-escpos/usb-adapter';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { runKioskShell } from './kiosk-shell';
import { loadShellConfig, refuseOnScreen } from '../../shell-common/electron/load-shell-config';
import { parseShellConfig, type ShellConfig } from './shell-config';
import type { UsbPrinter } from './usb-printing';

// Thin: only wires Electron and the USB adapter into the tested shell logic.
const configPath = process.env['YIZHAN_KIOSK_CONFIG'] ?? join(app.getPath('userData'), 'kiosk.json');
const config = loadShellConfig({
  label: 'kiosk',
  path: configPath,
  parse: parseShellConfig,
  refuse: refuseOnScreen({ dialog, app }),
});

/** One open–write–close per ticket, so a replugged printer is found again next time. */
function usbPrinter(settings: NonNullable<ShellConfig['usbPrinter']>): UsbPrinter {
  return {
    write: (bytes) =>
      new Promise((resolve, reject) => {
        const device =
          settings.vendorId !== undefined && settings.productId !== undefined
            ? new USBAdapter(settings.vendorId, settings.productId)
            : new USBAdapter();
        device.open((openError) => {
          if (openError) return reject(openError);
          device.write(Buffer.from(bytes), (writeError) => {
            device.close(() => (writeError ? reject(writeError) : resolve()));
          });
        });
      }),
  };
}

void runKioskShell({
  config,
  preloadPath: join(import.meta.dirname, 'preload.cjs'),
  printer: config.usbPrinter ? usbPrinter(config.usbPrinter) : null,
  fetch: (url, init) => fetch(url, init),
  log: { info: (m) => console.log(m), warn: (m) => console.warn(m) },
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  electron: {
    requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
    whenReady: () => app.whenReady(),
    quit: () => app.quit(),
    removeApplicationMenu: () => Menu.setApplicationMenu(null),
    createWindow: (options) => new BrowserWindow(options),
    handle: (channel, handler) => ipcMain.handle(channel, handler),
  },
});
