import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import HID from 'node-hid';
import { runCounterShell } from './counter-shell';
import { parseShellConfig } from './shell-config';

// Thin: only wires Electron and node-hid into the tested shell logic.
const configPath = process.env['YIZHAN_COUNTER_CONFIG'] ?? join(app.getPath('userData'), 'counter.json');
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
  const message = `counter config ${configPath}:\n${problems.join('\n')}`;
  console.error(message);
  // The screen is all a kiosk or wall has: say it there, in both languages.
  dialog.showErrorBox('一站 Yizhan — 配置文件有误 / configuration problem', message);
  app.exit(1);
  process.exit(1);
}

void runCounterShell({
  config: parsed.config,
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
