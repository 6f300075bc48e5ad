import type { HidBackend, HidDevice } from './hid-inputs';

/** A USB HID device that tests plug, unplug and type on with real report bytes. */
export class FakeHidDevice implements HidDevice {
  private data: ((report: Uint8Array) => void)[] = [];
  private errors: ((error: Error) => void)[] = [];
  closed = false;

  on(event: 'data' | 'error', listener: ((report: Uint8Array) => void) | ((error: Error) => void)): this {
    if (event === 'data') this.data.push(listener as (report: Uint8Array) => void);
    else this.errors.push(listener as (error: Error) => void);
    return this;
  }

  close(): void {
    this.closed = true;
  }

  send(report: Uint8Array): void {
    for (const listener of this.data) listener(report);
  }

  fail(message: string): void {
    for (const listener of this.errors) listener(new Error(message));
  }
}

export class FakeHidBackend implements HidBackend {
  readonly plugged = new Map<string, { vendorId: number; productId: number }>();
  readonly opened: FakeHidDevice[] = [];
  private byPath = new Map<string, FakeHidDevice>();

  plug(path: string, vendorId: number, productId: number): void {
    this.plugged.set(path, { vendorId, productId });
  }

  /** Pulls the cable: the open handle reports an error, as node-hid does. */
  unplug(path: string): void {
    this.plugged.delete(path);
    this.byPath.get(path)?.fail('could not read from HID device');
  }

  devices() {
    return [...this.plugged].map(([path, ids]) => ({ ...ids, path }));
  }

  open(path: string): FakeHidDevice {
    if (!this.plugged.has(path)) throw new Error(`cannot open device with path ${path}`);
    const device = new FakeHidDevice();
    this.byPath.set(path, device);
    this.opened.push(device);
    return device;
  }

  device(path: string): FakeHidDevice {
    const device = this.byPath.get(path);
    if (!device) throw new Error(`${path} not open`);
    return device;
  }
}
