import type { CounterAction, HardwarePress } from '../src/counter-actions';
import { KeyPressDecoder } from './hid-report';
import type { ShellConfig } from './shell-config';

/** The part of node-hid we use, so tests run a fake fed with real report bytes. */
export interface HidDevice {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

export interface HidBackend {
  devices(): { vendorId: number; productId: number; path?: string | undefined }[];
  open(path: string): HidDevice;
}

interface Watched<T> {
  name: 'keypad' | 'ratingPad';
  vendorId: number;
  productId: number;
  keys: ReadonlyMap<number, T>;
  decoder: KeyPressDecoder;
  device: HidDevice | null;
  toPress(value: T): HardwarePress;
}

export interface HidLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Watches the caller keypad and the rating pad: opens them when plugged in,
 * polls for them again after they are pulled (hot-plug without udev
 * rules), and turns their reports into presses for the renderer.
 */
export class HidInputs {
  private readonly watched: Watched<CounterAction | 1 | 2 | 3 | 4>[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly backend: HidBackend,
    config: Pick<ShellConfig, 'keypad' | 'ratingPad' | 'pollMs'>,
    private readonly onPress: (press: HardwarePress) => void,
    private readonly log: HidLog,
    private readonly timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis,
    private readonly pollMs = config.pollMs,
  ) {
    if (config.keypad) {
      this.watched.push({
        name: 'keypad',
        ...config.keypad,
        decoder: new KeyPressDecoder(config.keypad.reportId),
        device: null,
        toPress: (action) => ({ kind: 'keypad', action: action as CounterAction }),
      });
    }
    if (config.ratingPad) {
      this.watched.push({
        name: 'ratingPad',
        ...config.ratingPad,
        decoder: new KeyPressDecoder(config.ratingPad.reportId),
        device: null,
        toPress: (score) => ({ kind: 'rating', score: score as 1 | 2 | 3 | 4 }),
      });
    }
  }

  start(): void {
    this.poll();
    this.timer = this.timers.setInterval(() => this.poll(), this.pollMs);
  }

  stop(): void {
    if (this.timer) this.timers.clearInterval(this.timer);
    this.timer = null;
    for (const w of this.watched) this.drop(w);
  }

  /** Which devices are open now (for the status line and tests). */
  connected(): string[] {
    return this.watched.filter((w) => w.device !== null).map((w) => w.name);
  }

  /** Opens any configured device that is plugged in and not yet open. */
  poll(): void {
    const missing = this.watched.filter((w) => w.device === null);
    if (missing.length === 0) return;
    let present: ReturnType<HidBackend['devices']>;
    try {
      present = this.backend.devices();
    } catch (error) {
      this.log.warn(`cannot list HID devices: ${(error as Error).message}`);
      return;
    }
    for (const w of missing) {
      const found = present.find((d) => d.vendorId === w.vendorId && d.productId === w.productId && d.path);
      if (!found?.path) continue;
      try {
        const device = this.backend.open(found.path);
        w.device = device;
        w.decoder.reset();
        device.on('data', (report) => this.report(w, report));
        device.on('error', (error) => {
          this.log.warn(`${w.name} lost: ${error.message}`);
          this.drop(w);
        });
        this.log.info(`${w.name} connected`);
      } catch (error) {
        this.log.warn(`cannot open ${w.name}: ${(error as Error).message}`);
      }
    }
  }

  private report(w: Watched<CounterAction | 1 | 2 | 3 | 4>, report: Uint8Array): void {
    for (const code of w.decoder.feed(report)) {
      const value = w.keys.get(code);
      if (value !== undefined) this.onPress(w.toPress(value));
    }
  }

  private drop(w: Watched<CounterAction | 1 | 2 | 3 | 4>): void {
    const device = w.device;
    w.device = null;
    try {
      device?.close();
    } catch {
      // Already gone with the cable; nothing to release.
    }
  }
}
