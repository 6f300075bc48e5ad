import { describe, expect, it } from 'vitest';
import {
  HIDE_CURSOR_CSS,
  RETRY_LOAD_MS,
  runDisplayShell,
  type ShellElectron,
  type ShellWindow,
  type WindowOptions,
} from './display-shell';
import { IPC } from './ipc';
import { displayUrl, parseShellConfig, type ShellConfig } from './shell-config';

/** Electron replaced: records windows, switches, handlers and timers; loads succeed or fail on demand. */
function fakeElectron(options: { lock?: boolean; failLoads?: number } = {}) {
  let failLoads = options.failLoads ?? 0;
  const listeners = new Map<string, () => void>();
  const timers: { fn: () => void; ms: number }[] = [];
  const record = {
    switches: [] as [string, string | undefined][],
    windows: [] as WindowOptions[],
    loads: [] as string[],
    css: [] as string[],
    fullscreen: [] as boolean[],
    handlers: new Map<string, () => unknown>(),
    quit: 0,
    warnings: [] as string[],
  };
  const window: ShellWindow = {
    loadURL: (url) => {
      record.loads.push(url);
      if (failLoads > 0) {
        failLoads--;
        return Promise.reject(new Error('ERR_CONNECTION_REFUSED'));
      }
      return Promise.resolve();
    },
    isDestroyed: () => false,
    setFullScreen: (flag) => record.fullscreen.push(flag),
    webContents: {
      insertCSS: (css) => (record.css.push(css), Promise.resolve('key')),
      on: (event, listener) => listeners.set(event, listener),
    },
  };
  const electron: ShellElectron = {
    requestSingleInstanceLock: () => options.lock ?? true,
    quit: () => void record.quit++,
    appendSwitch: (name, value) => record.switches.push([name, value]),
    whenReady: () => Promise.resolve(),
    createWindow: (opts) => (record.windows.push(opts), window),
    handle: (channel, handler) => record.handlers.set(channel, handler),
  };
  const emit = (event: string) => listeners.get(event)?.();
  const runTimers = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const timer of timers.splice(0)) timer.fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { electron, record, emit, timers, runTimers };
}

const config: ShellConfig = {
  serverUrl: 'http://hall:8080',
  deviceKey: 'yzk_display-key-0123456789',
  screen: 'wall',
  lang: 'zh',
};

function start(fake: ReturnType<typeof fakeElectron>, cfg: ShellConfig = config) {
  return runDisplayShell({
    electron: fake.electron,
    config: cfg,
    preloadPath: '/app/preload.cjs',
    log: { info: () => undefined, warn: (m) => fake.record.warnings.push(m) },
    setTimeout: (fn, ms) => fake.timers.push({ fn, ms }),
  });
}

describe('display shell', () => {
  it('opens one fullscreen, locked-down window that may play sound unprompted', async () => {
    const fake = fakeElectron();
    await start(fake);
    expect(fake.record.switches).toContainEqual(['autoplay-policy', 'no-user-gesture-required']);
    expect(fake.record.windows).toHaveLength(1);
    expect(fake.record.windows[0]).toMatchObject({
      fullscreen: true,
      kiosk: true,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        autoplayPolicy: 'no-user-gesture-required',
      },
    });
    expect(fake.record.loads).toEqual(['http://hall:8080/display/wall?key=yzk_display-key-0123456789']);
    expect(fake.record.handlers.get(IPC.getScreen)?.()).toEqual({ screen: 'wall' });
  });

  it('hides the cursor and stays fullscreen on every load', async () => {
    const fake = fakeElectron();
    await start(fake);
    fake.emit('did-finish-load');
    expect(fake.record.css).toEqual([HIDE_CURSOR_CSS]);
    expect(fake.record.fullscreen).toEqual([true]);
  });

  it('loads the page again after a crash, a hang, or while the server is down', async () => {
    const fake = fakeElectron({ failLoads: 2 });
    await start(fake);
    await fake.runTimers(); // first load failed → retried
    await fake.runTimers(); // second failed → retried, third succeeds
    expect(fake.record.loads).toHaveLength(3);
    expect(fake.timers).toHaveLength(0);

    fake.emit('render-process-gone');
    fake.emit('unresponsive'); // the same trouble reported twice reloads once
    expect(fake.timers.map((t) => t.ms)).toEqual([RETRY_LOAD_MS]);
    await fake.runTimers();
    expect(fake.record.loads).toHaveLength(4);
    expect(fake.record.warnings.some((w) => w.includes('crashed'))).toBe(true);
  });

  it('quits when another instance already runs', async () => {
    const fake = fakeElectron({ lock: false });
    expect(await start(fake)).toBeNull();
    expect(fake.record.quit).toBe(1);
    expect(fake.record.windows).toHaveLength(0);
  });
});

describe('shell config', () => {
  it('reads a counter-top display and builds its URL', () => {
    const parsed = parseShellConfig(
      JSON.stringify({
        serverUrl: 'http://10.0.0.2:8080',
        deviceKey: 'yzk_k-0123456789abcdef',
        screen: { counter: 7 },
        lang: 'zh-en',
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(displayUrl(parsed.config)).toBe(
      'http://10.0.0.2:8080/display/counter/7?key=yzk_k-0123456789abcdef&lang=zh-en',
    );
  });

  it('says what is wrong with a bad file', () => {
    expect(parseShellConfig('{')).toMatchObject({ ok: false });
    const parsed = parseShellConfig(
      JSON.stringify({ serverUrl: 'ftp://x', deviceKey: 'short', screen: { counter: 0 } }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.join('\n')).toMatch(/serverUrl/);
    expect(parsed.problems.join('\n')).toMatch(/deviceKey/);
    expect(parsed.problems.join('\n')).toMatch(/screen/);
  });
});
