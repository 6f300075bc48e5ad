import { describe, expect, it } from 'vitest';
import type { HardwarePress } from '../src/counter-actions';
import { FakeHidBackend } from './fake-hid';
import { HidInputs } from './hid-inputs';
import { keyboardReport } from './hid-report';
import { parseShellConfig } from './shell-config';

const CONFIG = parseShellConfig(
  JSON.stringify({
    serverUrl: 'http://127.0.0.1:8080',
    counter: 1,
    keypad: {
      vendorId: 0x1a2c,
      productId: 0x0e24,
      keys: { '0x1e': 'call-next', '0x1f': 'recall', '0x20': 'serve', '0x21': 'no-show', '0x22': 'complete' },
    },
    ratingPad: { vendorId: 0x1a2c, productId: 0x0e25, keys: { '0x1e': 4, '0x1f': 3, '0x20': 2, '0x21': 1 } },
  }),
);

function setup() {
  if (!CONFIG.ok) throw new Error(CONFIG.problems.join('\n'));
  const backend = new FakeHidBackend();
  const presses: HardwarePress[] = [];
  const logs: string[] = [];
  const inputs = new HidInputs(
    backend,
    CONFIG.config,
    (p) => presses.push(p),
    { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
    { setInterval: () => 0 as never, clearInterval: () => undefined } as never,
  );
  return { backend, presses, logs, inputs };
}

describe('the caller keypad and rating pad', () => {
  it('maps real report bytes to actions and ratings, per device', () => {
    const { backend, presses, inputs } = setup();
    backend.plug('/dev/hidraw0', 0x1a2c, 0x0e24);
    backend.plug('/dev/hidraw1', 0x1a2c, 0x0e25);
    inputs.start();
    expect(inputs.connected().sort()).toEqual(['keypad', 'ratingPad']);
    const keypad = backend.device('/dev/hidraw0');
    keypad.send(Uint8Array.from([0, 0, 0x1e, 0, 0, 0, 0, 0]));
    keypad.send(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0]));
    keypad.send(keyboardReport([0x22]));
    keypad.send(keyboardReport([0x50])); // a key with no meaning here
    backend.device('/dev/hidraw1').send(keyboardReport([0x1f]));
    expect(presses).toEqual([
      { kind: 'keypad', action: 'call-next' },
      { kind: 'keypad', action: 'complete' },
      { kind: 'rating', score: 3 },
    ]);
  });

  it('opens a device plugged in later, and again after it is pulled and plugged back', () => {
    const { backend, presses, inputs, logs } = setup();
    inputs.start();
    expect(inputs.connected()).toEqual([]);
    backend.plug('/dev/hidraw3', 0x1a2c, 0x0e24);
    inputs.poll();
    expect(inputs.connected()).toEqual(['keypad']);
    const first = backend.device('/dev/hidraw3');
    first.send(keyboardReport([0x1e])); // held when the cable is pulled
    backend.unplug('/dev/hidraw3');
    expect(first.closed).toBe(true);
    expect(inputs.connected()).toEqual([]);
    inputs.poll();
    expect(inputs.connected()).toEqual([]);
    backend.plug('/dev/hidraw4', 0x1a2c, 0x0e24);
    inputs.poll();
    // The same key again after reconnecting is a new press.
    backend.device('/dev/hidraw4').send(keyboardReport([0x1e]));
    expect(presses).toEqual([
      { kind: 'keypad', action: 'call-next' },
      { kind: 'keypad', action: 'call-next' },
    ]);
    expect(logs.some((l) => l.includes('keypad lost'))).toBe(true);
    inputs.stop();
    expect(backend.device('/dev/hidraw4').closed).toBe(true);
  });
});
