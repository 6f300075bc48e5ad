import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import HID from 'node-hid';
import { runCounterShell } from './counter-shell';
import { loadShellConfig, refuseOnScreen } from '../../shell-common/electron/load-shell-config';
import { parseShellConfig } from './shell-config';

// Thin: only wires Electron and node-hid into the tested shell logic.
const configPath = process.env['YIZHAN_COUNTER_CONFIG'] ?? join(app.getPath('userData'), 'counter.json');
const config = loadShellConfig({
  label: 'counter',
  path: configPath,
  parse: parseShellConfig,
  refuse: refuseOnScreen({ dialog, app }),
});

void runCounterShell({
  config,
  preloadPath: join(import.meta.dirname, 'preload.cjs'),
  log: { info: (m) => console.log(m), warn: (m) => console.warn(m) },
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  hid: {
    devices: () => HID.devices(),
    open: (path) => new HID.HID(path),
  },
  electron: {
    requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
    onSecondInstance: (listener) => app.on('second-instance', listener),
    whenReady: () => app.whenReady(),
    quit: () => app.quit(),
    createWindow: (options) => new BrowserWindow(options),
    handle: (channel, handler) => ipcMain.handle(channel, handler),
  },
});
