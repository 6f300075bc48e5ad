import { describe, expect, it } from 'vitest';
import { keyboardReport, keysDown, KeyPressDecoder } from './hid-report';

describe('boot-keyboard reports', () => {
  it('reads the usage codes of keys held down, skipping modifiers and empty slots', () => {
    // Left shift held (0x02), keys "a" (0x04) and F1 (0x3a).
    expect(keysDown(Uint8Array.from([0x02, 0x00, 0x04, 0x3a, 0, 0, 0, 0]), false)).toEqual([0x04, 0x3a]);
    expect(keysDown(Uint8Array.from([0, 0, 1, 1, 1, 1, 1, 1]), false)).toEqual([]);
    expect(keysDown(Uint8Array.from([0, 0]), false)).toEqual([]);
    expect(keysDown(Uint8Array.from([0x01, 0x00, 0x00, 0x1e, 0, 0, 0, 0, 0]), true)).toEqual([0x1e]);
  });

  it('counts a key once when it goes down, not while held or when released', () => {
    const decoder = new KeyPressDecoder(false);
    expect(decoder.feed(keyboardReport([0x1e]))).toEqual([0x1e]);
    expect(decoder.feed(keyboardReport([0x1e]))).toEqual([]);
    expect(decoder.feed(keyboardReport([0x1e, 0x1f]))).toEqual([0x1f]);
    expect(decoder.feed(keyboardReport([]))).toEqual([]);
    expect(decoder.feed(keyboardReport([0x1e]))).toEqual([0x1e]);
  });

  it('ignores a roll-over error report and keeps what was held', () => {
    const decoder = new KeyPressDecoder(false);
    decoder.feed(keyboardReport([0x1e]));
    expect(decoder.feed(Uint8Array.from([0, 0, 1, 1, 1, 1, 1, 1]))).toEqual([]);
    expect(decoder.feed(keyboardReport([0x1e]))).toEqual([]);
  });

  it('skips the report id byte when the device sends one', () => {
    const decoder = new KeyPressDecoder(true);
    expect(decoder.feed(keyboardReport([0x20], 1))).toEqual([0x20]);
    expect(keyboardReport([0x20], 1)).toEqual(Uint8Array.from([1, 0, 0, 0x20, 0, 0, 0, 0, 0]));
  });
});
