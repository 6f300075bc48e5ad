import { describe, expect, it } from 'vitest';
import { IPC } from './ipc';
import {
  isBlockedKey,
  kioskUrl,
  RETRY_LOAD_MS,
  runKioskShell,
  type KeyInput,
  type ShellWindow,
  type WindowOptions,
} from './kiosk-shell';
import { parseShellConfig, type ShellConfig } from './shell-config';
import { printTicketOnUsb, receiptUrl, type Fetch } from './usb-printing';

const KEY = 'k'.repeat(32);

function config(extra: object = {}): ShellConfig {
  const parsed = parseShellConfig(
    JSON.stringify({ serverUrl: 'http://hall.local:8080', deviceKey: KEY, ...extra }),
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
}

/** Electron, faked: records what the shell asks of it. */
function fakeElectron(options: { lock?: boolean } = {}) {
  const listeners = new Map<string, ((...args: never[]) => void)[]>();
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const timers: { fn: () => void; ms: number }[] = [];
  const loads: string[] = [];
  const created: WindowOptions[] = [];
  let quit = false;
  let menuRemoved = false;
  let windowMenu: null | undefined;
  const window: ShellWindow = {
    loadURL: async (url) => void loads.push(url),
    setMenu: (menu) => (windowMenu = menu),
    isDestroyed: () => false,
    webContents: {
      reload: () => undefined,
      on: ((event: string, listener: (...args: never[]) => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      }) as ShellWindow['webContents']['on'],
      setWindowOpenHandler: () => undefined,
    },
  };
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  };
  return {
    electron: {
      requestSingleInstanceLock: () => options.lock ?? true,
      whenReady: async () => undefined,
      quit: () => void (quit = true),
      removeApplicationMenu: () => void (menuRemoved = true),
      createWindow: (o: WindowOptions) => (created.push(o), window),
      handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) =>
        void handlers.set(channel, handler),
    },
    setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
    state: {
      loads,
      created,
      timers,
      handlers,
      emit,
      quit: () => quit,
      menuRemoved: () => menuRemoved,
      windowMenu: () => windowMenu,
    },
  };
}

const log = { info: () => undefined, warn: () => undefined };
const noFetch: Fetch = async () => {
  throw new Error('no network in this test');
};

describe('the kiosk shell config', () => {
  it('accepts a minimal file with defaults and names each problem', () => {
    expect(config()).toEqual({
      serverUrl: 'http://hall.local:8080',
      deviceKey: KEY,
      idleSeconds: 60,
      usbPrinter: null,
      development: false,
    });
    expect(config({ usbPrinter: {} }).usbPrinter).toEqual({ paper: 80 });
    const bad = parseShellConfig(JSON.stringify({ serverUrl: 'ftp://x', deviceKey: 'short', extra: 1 }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).toMatch(/serverUrl[\s\S]*deviceKey/);
    expect(parseShellConfig('{').ok).toBe(false);
  });
});

describe('the kiosk shell', () => {
  it('opens one locked-down fullscreen kiosk window on the hall server', async () => {
    const fake = fakeElectron();
    await runKioskShell({
      electron: fake.electron,
      config: config(),
      preloadPath: '/p/preload.cjs',
      printer: null,
      fetch: noFetch,
      log,
      setTimeout: fake.setTimeout,
    });
    expect(fake.state.created).toEqual([
      expect.objectContaining({
        fullscreen: true,
        kiosk: true,
        webPreferences: {
          preload: '/p/preload.cjs',
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          devTools: false,
        },
      }),
    ]);
    expect(fake.state.menuRemoved()).toBe(true);
    expect(fake.state.windowMenu()).toBeNull();
    expect(fake.state.loads).toEqual([`http://hall.local:8080/kiosk/?key=${KEY}&idle=60000`]);
    expect(kioskUrl(config({ idleSeconds: 30 }))).toContain('idle=30000');
  });

  it('retries a failed load and reloads a crashed renderer', async () => {
    const fake = fakeElectron();
    await runKioskShell({
      electron: fake.electron,
      config: config(),
      preloadPath: 'p',
      printer: null,
      fetch: noFetch,
      log,
      setTimeout: fake.setTimeout,
    });
    fake.state.emit('did-fail-load');
    expect(fake.state.timers.at(-1)?.ms).toBe(RETRY_LOAD_MS);
    fake.state.timers.at(-1)?.fn();
    fake.state.emit('render-process-gone', {}, { reason: 'crashed' });
    fake.state.timers.at(-1)?.fn();
    expect(fake.state.loads).toHaveLength(3);
  });

  it('swallows keys that would open tools or leave the kiosk, but not in development', async () => {
    const fake = fakeElectron();
    await runKioskShell({
      electron: fake.electron,
      config: config(),
      preloadPath: 'p',
      printer: null,
      fetch: noFetch,
      log,
      setTimeout: fake.setTimeout,
    });
    const key = (k: Partial<KeyInput>): KeyInput => ({
      key: 'a',
      control: false,
      shift: false,
      alt: false,
      meta: false,
      ...k,
    });
    let prevented = 0;
    fake.state.emit(
      'before-input-event',
      { preventDefault: () => (prevented += 1) },
      key({ key: 'I', control: true, shift: true }),
    );
    fake.state.emit('before-input-event', { preventDefault: () => (prevented += 1) }, key({ key: '5' }));
    expect(prevented).toBe(1);
    expect(isBlockedKey(key({ key: 'F12' }))).toBe(true);
    expect(isBlockedKey(key({ key: 'F4', alt: true }))).toBe(true);

    const dev = fakeElectron();
    await runKioskShell({
      electron: dev.electron,
      config: config({ development: true }),
      preloadPath: 'p',
      printer: null,
      fetch: noFetch,
      log,
      setTimeout: dev.setTimeout,
    });
    expect(dev.state.created[0]).toMatchObject({ kiosk: false, webPreferences: { devTools: true } });
  });

  it('quits when another kiosk shell already runs', async () => {
    const fake = fakeElectron({ lock: false });
    expect(
      await runKioskShell({
        electron: fake.electron,
        config: config(),
        preloadPath: 'p',
        printer: null,
        fetch: noFetch,
        log,
        setTimeout: fake.setTimeout,
      }),
    ).toBeNull();
    expect(fake.state.quit()).toBe(true);
    expect(fake.state.created).toEqual([]);
  });

  it('prints on the USB printer through IPC, with bytes from the server and the key kept in main', async () => {
    const fake = fakeElectron();
    const written: Uint8Array[] = [];
    const requests: { url: string; headers: Record<string, string> }[] = [];
    const fetch: Fetch = async (url, init) => {
      requests.push({ url, headers: init.headers });
      return { ok: true, status: 200, arrayBuffer: async () => new Uint8Array([0x1b, 0x40, 0x41]).buffer };
    };
    await runKioskShell({
      electron: fake.electron,
      config: config({ usbPrinter: { paper: 58 } }),
      preloadPath: 'p',
      printer: { write: async (bytes) => void written.push(bytes) },
      fetch,
      log,
      setTimeout: fake.setTimeout,
    });
    expect(await fake.state.handlers.get(IPC.getInfo)?.({}, undefined)).toEqual({ usbPrinter: true });
    expect(await fake.state.handlers.get(IPC.printTicket)?.({}, { ticketId: '2026-11-27/B001' })).toEqual({
      ok: true,
    });
    expect(requests).toEqual([
      { url: receiptUrl('http://hall.local:8080', '2026-11-27/B001', 58), headers: { 'x-device-key': KEY } },
    ]);
    expect(requests[0]?.url).toBe('http://hall.local:8080/api/tickets/2026-11-27%2FB001/receipt?paper=58');
    expect([...(written[0] ?? [])]).toEqual([0x1b, 0x40, 0x41]);
    expect(await fake.state.handlers.get(IPC.printTicket)?.({}, { ticketId: 7 })).toEqual({
      ok: false,
      reason: 'invalid request',
    });
  });

  it('reports a failed USB print: server refuses, server down, printer error, no printer', async () => {
    const cfg = config({ usbPrinter: {} });
    const printer = { write: async () => undefined };
    const status =
      (code: number): Fetch =>
      async () => ({ ok: false, status: code, arrayBuffer: async () => new ArrayBuffer(0) });
    expect(await printTicketOnUsb({ config: cfg, fetch: status(404), printer }, { ticketId: 'x' })).toEqual({
      ok: false,
      reason: 'server answered 404',
    });
    expect(await printTicketOnUsb({ config: cfg, fetch: noFetch, printer }, { ticketId: 'x' })).toMatchObject(
      { ok: false, reason: expect.stringMatching(/^server unreachable/) },
    );
    const ok: Fetch = async () => ({ ok: true, status: 200, arrayBuffer: async () => new ArrayBuffer(1) });
    const jammed = { write: async () => Promise.reject(new Error('LIBUSB_ERROR_NO_DEVICE')) };
    expect(await printTicketOnUsb({ config: cfg, fetch: ok, printer: jammed }, { ticketId: 'x' })).toEqual({
      ok: false,
      reason: 'printer: LIBUSB_ERROR_NO_DEVICE',
    });
    expect(await printTicketOnUsb({ config: config(), fetch: ok, printer: null }, { ticketId: 'x' })).toEqual(
      { ok: false, reason: 'no USB printer configured' },
    );
  });
});
