import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { runDisplayShell } from './display-shell';
import { loadShellConfig, refuseOnScreen } from '../../shell-common/electron/load-shell-config';
import { parseShellConfig } from './shell-config';

// Thin: only wires Electron into the tested shell logic.
const configPath = process.env['YIZHAN_DISPLAY_CONFIG'] ?? join(app.getPath('userData'), 'display.json');
const config = loadShellConfig({
  label: 'display',
  path: configPath,
  parse: parseShellConfig,
  refuse: refuseOnScreen({ dialog, app }),
});

void runDisplayShell({
  config,
  preloadPath: join(import.meta.dirname, 'preload.cjs'),
  log: { info: (m) => console.log(m), warn: (m) => console.warn(m) },
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  electron: {
    requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
    quit: () => app.quit(),
    appendSwitch: (name, value) => app.commandLine.appendSwitch(name, value),
    whenReady: () => app.whenReady(),
    createWindow: (options) => new BrowserWindow(options),
    handle: (channel, handler) => ipcMain.handle(channel, handler),
  },
});
