import { IPC, type ShellInfo } from './ipc';
import type { ShellConfig } from './shell-config';
import { printTicketOnUsb, type Fetch, type UsbPrinter } from './usb-printing';

/** The pieces of Electron the shell uses; main.ts passes the real ones, tests a fake. */
export interface ShellWindow {
  loadURL(url: string): Promise<void>;
  setMenu(menu: null): void;
  isDestroyed(): boolean;
  webContents: {
    reload(): void;
    on(event: 'did-fail-load', listener: () => void): unknown;
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: { reason: string }) => void,
    ): unknown;
    on(
      event: 'before-input-event',
      listener: (event: { preventDefault(): void }, input: KeyInput) => void,
    ): unknown;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  };
}

export interface KeyInput {
  key: string;
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}

export interface WindowOptions {
  fullscreen: boolean;
  kiosk: boolean;
  autoHideMenuBar: true;
  width: number;
  height: number;
  title: string;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    devTools: boolean;
  };
}

export interface ShellElectron {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  removeApplicationMenu(): void;
  createWindow(options: WindowOptions): ShellWindow;
  handle(channel: string, handler: (event: unknown, payload: unknown) => unknown): void;
}

export interface ShellDeps {
  electron: ShellElectron;
  config: ShellConfig;
  preloadPath: string;
  printer: UsbPrinter | null;
  fetch: Fetch;
  log: { info(message: string): void; warn(message: string): void };
  setTimeout: (fn: () => void, ms: number) => unknown;
}

/** How long to wait before loading the app again when the server could not be reached. */
export const RETRY_LOAD_MS = 3000;

/** The kiosk page on the hall server, with this kiosk's key and idle time. */
export function kioskUrl(config: ShellConfig): string {
  const url = new URL('/kiosk/', config.serverUrl);
  url.searchParams.set('key', config.deviceKey);
  url.searchParams.set('idle', String(config.idleSeconds * 1000));
  return url.toString();
}

/** Keys that would leave the kiosk or open tools: swallowed outside development. */
export function isBlockedKey(input: KeyInput): boolean {
  const key = input.key.toLowerCase();
  if (key === 'f12' || key === 'f11' || key === 'f5') return true;
  if ((input.control || input.meta) && input.shift && (key === 'i' || key === 'j' || key === 'c'))
    return true;
  if ((input.control || input.meta) && (key === 'r' || key === 'w' || key === 'q' || key === 'p'))
    return true;
  if (input.alt && key === 'f4') return true;
  return false;
}

/**
 * The kiosk shell: one fullscreen kiosk-mode window with no menu, showing the
 * hall server's /kiosk page. A failed load is retried; a crashed or killed
 * renderer is replaced by loading the page again. The renderer may ask for a
 * ticket to be printed on the USB printer, nothing else.
 */
export async function runKioskShell(deps: ShellDeps): Promise<ShellWindow | null> {
  const { electron, config, log } = deps;
  if (!electron.requestSingleInstanceLock()) {
    electron.quit();
    return null;
  }
  await electron.whenReady();
  electron.removeApplicationMenu();
  const production = !config.development;
  electron.handle(IPC.getInfo, (): ShellInfo => ({ usbPrinter: config.usbPrinter !== null }));
  electron.handle(IPC.printTicket, (_event, payload) => printTicketOnUsb(deps, payload));

  const window = electron.createWindow({
    fullscreen: production,
    kiosk: production,
    autoHideMenuBar: true,
    width: 1920,
    height: 1080,
    title: '一站 取号机 Yizhan Kiosk',
    backgroundColor: '#f4f6f8',
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: !production,
    },
  });
  window.setMenu(null);
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const url = kioskUrl(config);
  const load = () => {
    if (window.isDestroyed()) return;
    window.loadURL(url).catch(() => undefined); // did-fail-load schedules the retry
  };
  window.webContents.on('did-fail-load', () => {
    log.warn(`kiosk page did not load; retrying in ${RETRY_LOAD_MS} ms`);
    deps.setTimeout(load, RETRY_LOAD_MS);
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log.warn(`renderer gone (${details.reason}); loading the kiosk page again`);
    deps.setTimeout(load, 500);
  });
  if (production) {
    window.webContents.on('before-input-event', (event, input) => {
      if (isBlockedKey(input)) event.preventDefault();
    });
  }
  log.info(`kiosk shell: ${new URL(url).origin}/kiosk/ (USB printer: ${config.usbPrinter ? 'yes' : 'no'})`);
  load();
  return window;
}
