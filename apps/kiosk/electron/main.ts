import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import USBAdapter from '@node-escpos/usb-adapter';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { runKioskShell } from './kiosk-shell';
import { parseShellConfig, type ShellConfig } from './shell-config';
import type { UsbPrinter } from './usb-printing';

// Thin: only wires Electron and the USB adapter into the tested shell logic.
const configPath = process.env['YIZHAN_KIOSK_CONFIG'] ?? join(app.getPath('userData'), 'kiosk.json');
const parsed = parseShellConfig(readConfigText(configPath));
if (!parsed.ok) refuseToStart(parsed.problems);

/** A missing or unreadable file is a setup mistake to show on the screen, not a crash. */
function readConfigText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return refuseToStart([`cannot read the file: ${(error as Error).message}`]);
  }
}

function refuseToStart(problems: readonly string[]): never {
  const message = `kiosk config ${configPath}:\n${problems.join('\n')}`;
  console.error(message);
  // The screen is all a kiosk or wall has: say it there, in both languages.
  dialog.showErrorBox('一站 Yizhan — 配置文件有误 / configuration problem', message);
  app.exit(1);
  process.exit(1);
}

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
  config: parsed.config,
  preloadPath: join(import.meta.dirname, 'preload.cjs'),
  printer: parsed.config.usbPrinter ? usbPrinter(parsed.config.usbPrinter) : null,
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
