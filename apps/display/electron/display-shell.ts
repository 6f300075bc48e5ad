import { IPC, type ScreenReply } from './ipc';
import { displayUrl, type ShellConfig } from './shell-config';

/** The pieces of Electron the shell uses; main.ts passes the real ones, tests a fake. */
export interface ShellWindow {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  setFullScreen(flag: boolean): void;
  webContents: {
    insertCSS(css: string): Promise<unknown>;
    on(
      event: 'did-fail-load' | 'render-process-gone' | 'unresponsive' | 'did-finish-load',
      listener: () => void,
    ): unknown;
  };
}

export interface WindowOptions {
  fullscreen: true;
  kiosk: true;
  autoHideMenuBar: true;
  backgroundColor: string;
  title: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    autoplayPolicy: 'no-user-gesture-required';
    backgroundThrottling: false;
  };
}

export interface ShellElectron {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  /** app.commandLine.appendSwitch, before ready. */
  appendSwitch(name: string, value?: string): void;
  whenReady(): Promise<void>;
  createWindow(options: WindowOptions): ShellWindow;
  handle(channel: string, handler: () => unknown): void;
}

export interface ShellDeps {
  electron: ShellElectron;
  config: ShellConfig;
  preloadPath: string;
  log: { info(message: string): void; warn(message: string): void };
  setTimeout: (fn: () => void, ms: number) => unknown;
}

/** Wait before loading again when the server could not be reached or the page crashed. */
export const RETRY_LOAD_MS = 3000;

/** Nobody uses a mouse on a wall: hide the cursor on every page the shell loads. */
export const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';

/**
 * The display PC's main process: one instance, one fullscreen kiosk window
 * without a cursor, sound allowed without a click, the page loaded from the
 * hall server and loaded again whenever it fails, crashes or hangs.
 */
export async function runDisplayShell(deps: ShellDeps): Promise<ShellWindow | null> {
  const { electron, config } = deps;
  if (!electron.requestSingleInstanceLock()) {
    electron.quit();
    return null;
  }
  // The wall speaks every call with nobody there to click first.
  electron.appendSwitch('autoplay-policy', 'no-user-gesture-required');
  await electron.whenReady();
  const window = electron.createWindow({
    fullscreen: true,
    kiosk: true,
    autoHideMenuBar: true,
    backgroundColor: '#0a1424',
    title: '一站 · 叫号显示',
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
    },
  });
  electron.handle(IPC.getScreen, (): ScreenReply => ({ screen: config.screen }));

  const url = displayUrl(config);
  let pending = false;
  const load = () => {
    pending = false;
    if (window.isDestroyed()) return;
    window.loadURL(url).catch(() => retry('the hall server did not answer'));
  };
  const retry = (why: string) => {
    deps.log.warn(`display: ${why}; loading again in ${RETRY_LOAD_MS} ms`);
    if (pending) return; // one reload at a time, however many events report the same trouble
    pending = true;
    deps.setTimeout(load, RETRY_LOAD_MS);
  };
  window.webContents.on('did-fail-load', () => retry('the page failed to load'));
  window.webContents.on('render-process-gone', () => retry('the page crashed'));
  window.webContents.on('unresponsive', () => retry('the page stopped responding'));
  window.webContents.on('did-finish-load', () => {
    window.setFullScreen(true);
    void window.webContents.insertCSS(HIDE_CURSOR_CSS);
  });
  deps.log.info(`display: loading ${url.replace(/key=[^&]+/, 'key=…')}`);
  load();
  return window;
}
