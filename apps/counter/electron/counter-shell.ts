import { hardwarePressSchema, type HardwarePress } from '../src/counter-actions';
import { HidInputs, type HidBackend, type HidLog } from './hid-inputs';
import { IPC, type ShellConfigReply } from './ipc';
import type { ShellConfig } from './shell-config';

/** The pieces of Electron the shell uses; main.ts passes the real ones, tests a fake. */
export interface ShellWindow {
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
  webContents: {
    send(channel: string, payload: unknown): void;
    on(event: 'did-fail-load', listener: () => void): unknown;
    on(event: 'render-process-gone', listener: () => void): unknown;
  };
}

export interface WindowOptions {
  width: number;
  height: number;
  show: boolean;
  title: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
  };
}

export interface ShellElectron {
  requestSingleInstanceLock(): boolean;
  onSecondInstance(listener: () => void): void;
  whenReady(): Promise<void>;
  quit(): void;
  createWindow(options: WindowOptions): ShellWindow;
  handle(channel: string, handler: () => unknown): void;
}

export interface ShellDeps {
  electron: ShellElectron;
  config: ShellConfig;
  hid: HidBackend;
  preloadPath: string;
  log: HidLog;
  setTimeout: (fn: () => void, ms: number) => unknown;
}

/** How long to wait before loading the app again when the server could not be reached. */
export const RETRY_LOAD_MS = 3000;

export function appUrl(config: ShellConfig): string {
  const url = new URL('/counter/', config.serverUrl);
  if (config.counter !== null) url.searchParams.set('counter', String(config.counter));
  return url.toString();
}

/**
 * The counter terminal's main process: one instance per PC, a normal window
 * (the clerk has other work open), the app loaded from the hall server and
 * reloaded until the server answers (once loaded, socket.io reconnects on its
 * own), and the HID devices read here and passed on as typed IPC messages.
 */
export async function runCounterShell(
  deps: ShellDeps,
): Promise<{ window: ShellWindow; inputs: HidInputs } | null> {
  const { electron, config } = deps;
  if (!electron.requestSingleInstanceLock()) {
    electron.quit();
    return null;
  }
  await electron.whenReady();
  const window = electron.createWindow({
    width: 1600,
    height: 1000,
    show: true,
    title: '一站 · 窗口',
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  electron.onSecondInstance(() => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  electron.handle(IPC.getConfig, (): ShellConfigReply => ({ counter: config.counter }));

  const url = appUrl(config);
  const load = () => {
    window.loadURL(url).catch(() => deps.setTimeout(load, RETRY_LOAD_MS));
  };
  window.webContents.on('did-fail-load', () => deps.setTimeout(load, RETRY_LOAD_MS));
  window.webContents.on('render-process-gone', () => deps.setTimeout(load, RETRY_LOAD_MS));
  load();

  const inputs = new HidInputs(
    deps.hid,
    config,
    (press: HardwarePress) => {
      if (!window.isDestroyed()) window.webContents.send(IPC.hardwarePress, hardwarePressSchema.parse(press));
    },
    deps.log,
  );
  inputs.start();
  return { window, inputs };
}
