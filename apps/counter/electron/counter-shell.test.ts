import { describe, expect, it } from 'vitest';
import { FakeHidBackend } from './fake-hid';
import {
  appUrl,
  runCounterShell,
  type ShellElectron,
  type ShellWindow,
  type WindowOptions,
} from './counter-shell';
import { keyboardReport } from './hid-report';
import { IPC } from './ipc';
import { parseShellConfig } from './shell-config';

function fakeElectron(lock = true) {
  const sent: [string, unknown][] = [];
  const loads: string[] = [];
  const failLoad: (() => void)[] = [];
  const handlers = new Map<string, () => unknown>();
  let options: WindowOptions | null = null;
  let failNext = 1;
  let secondInstance: (() => void) | null = null;
  let focused = 0;
  const window: ShellWindow = {
    loadURL: (url) => {
      loads.push(url);
      return failNext-- > 0 ? Promise.reject(new Error('ERR_CONNECTION_REFUSED')) : Promise.resolve();
    },
    show: () => undefined,
    focus: () => void focused++,
    isMinimized: () => false,
    restore: () => undefined,
    isDestroyed: () => false,
    webContents: {
      send: (channel, payload) => void sent.push([channel, payload]),
      on: (event: string, listener: () => void) => {
        if (event === 'did-fail-load') failLoad.push(listener);
      },
    },
  };
  const electron: ShellElectron = {
    requestSingleInstanceLock: () => lock,
    onSecondInstance: (l) => void (secondInstance = l),
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    createWindow: (o) => {
      options = o;
      return window;
    },
    handle: (channel, handler) => void handlers.set(channel, handler),
  };
  return {
    electron,
    sent,
    loads,
    handlers,
    options: () => options,
    second: () => secondInstance?.(),
    focused: () => focused,
  };
}

const config = parseShellConfig(
  JSON.stringify({
    serverUrl: 'http://10.0.0.2:8080',
    counter: 4,
    keypad: { vendorId: 1, productId: 2, keys: { '0x1e': 'serve' } },
  }),
);

describe('the counter shell (Electron replaced)', () => {
  it('opens one sandboxed window on the server app, retries until it loads, and forwards keypad presses', async () => {
    if (!config.ok) throw new Error('bad config');
    const fake = fakeElectron();
    const hid = new FakeHidBackend();
    hid.plug('hid0', 1, 2);
    const timers: (() => void)[] = [];
    const shell = await runCounterShell({
      electron: fake.electron,
      config: config.config,
      hid,
      preloadPath: '/app/preload.cjs',
      log: { info: () => undefined, warn: () => undefined },
      setTimeout: (fn) => void timers.push(fn),
    });
    expect(shell).not.toBeNull();
    expect(fake.options()?.webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(appUrl(config.config)).toBe('http://10.0.0.2:8080/counter/?counter=4');
    await Promise.resolve();
    await Promise.resolve();
    // The first load failed (server down): a retry is scheduled and succeeds.
    expect(timers).toHaveLength(1);
    timers.shift()?.();
    expect(fake.loads).toEqual([appUrl(config.config), appUrl(config.config)]);
    expect(fake.handlers.get(IPC.getConfig)?.()).toEqual({ counter: 4 });
    hid.device('hid0').send(keyboardReport([0x1e]));
    expect(fake.sent).toEqual([[IPC.hardwarePress, { kind: 'keypad', action: 'serve' }]]);
    fake.second();
    expect(fake.focused()).toBe(1);
    shell?.inputs.stop();
  });

  it('quits when another instance already runs', async () => {
    if (!config.ok) throw new Error('bad config');
    const fake = fakeElectron(false);
    const shell = await runCounterShell({
      electron: fake.electron,
      config: config.config,
      hid: new FakeHidBackend(),
      preloadPath: '/p',
      log: { info: () => undefined, warn: () => undefined },
      setTimeout: () => undefined,
    });
    expect(shell).toBeNull();
    expect(fake.options()).toBeNull();
  });
});
