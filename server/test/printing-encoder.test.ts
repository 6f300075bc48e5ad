import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../src/printing/escpos-decoder';
import { EscPosEncoder, parseStatus, statusRequest } from '../src/printing/escpos-encoder';

const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim();

describe('the ESC/POS encoder', () => {
  it('writes the standard commands', () => {
    expect(hex(new EscPosEncoder().initialize().encode())).toBe('1b 40 1c 26');
    expect(hex(new EscPosEncoder().align('center').encode())).toBe('1b 61 01');
    expect(hex(new EscPosEncoder().size(2, 2).size(1, 2).size(1, 1).encode())).toBe(
      '1d 21 11 1d 21 01 1d 21 00',
    );
    expect(hex(new EscPosEncoder().bold(true).bold(false).encode())).toBe('1b 45 01 1b 45 00');
    expect(hex(new EscPosEncoder().feed(2).cut(3).encode())).toBe('1b 64 02 1d 56 42 03');
    expect(() => new EscPosEncoder().size(9, 1)).toThrow(RangeError);
  });

  it('encodes Chinese text as GB18030, ASCII as itself, and drops control characters', () => {
    expect(hex(new EscPosEncoder().line('公务员 A1').encode())).toBe('b9 ab ce f1 d4 b1 20 41 31 0a');
    expect(hex(new EscPosEncoder().text('a\u001b@b').encode())).toBe('61 40 62');
    // A character outside GBK needs GB18030's four-byte form.
    expect(hex(new EscPosEncoder().text('𠀀').encode())).toBe('95 32 82 36');
  });

  it('writes QR codes with GS ( k: model 2, size, level M, store, print', () => {
    const bytes = new EscPosEncoder().qr('HELLO', { moduleSize: 6 }).encode();
    expect(hex(bytes)).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00',
        '1d 28 6b 03 00 31 43 06',
        '1d 28 6b 03 00 31 45 31',
        '1d 28 6b 08 00 31 50 30 48 45 4c 4c 4f',
        '1d 28 6b 03 00 31 51 30',
      ].join(' '),
    );
    expect(bytes.includes(Buffer.from([0x1d, 0x5a]))).toBe(false); // never GS Z
    const long = 'x'.repeat(300);
    const store = decodeEscPos(new EscPosEncoder().qr(long).encode()).ops.find((op) => op.op === 'qr-store');
    expect(store && store.op === 'qr-store' && store.data.toString()).toBe(long); // pL pH over 255
    expect(() => new EscPosEncoder().qr('')).toThrow(RangeError);
  });

  it('asks for status with DLE EOT and reads the answers', () => {
    expect(hex(statusRequest(1))).toBe('10 04 01');
    expect(hex(statusRequest(4))).toBe('10 04 04');
    const ok = { printer: 0x12, offlineCause: 0x12, paper: 0x12 };
    expect(parseStatus(ok)).toBe('online');
    expect(parseStatus({ ...ok, printer: 0x1a })).toBe('offline');
    expect(parseStatus({ ...ok, printer: 0x1a, offlineCause: 0x16 })).toBe('cover-open');
    expect(parseStatus({ ...ok, printer: 0x1a, offlineCause: 0x32 })).toBe('paper-out');
    expect(parseStatus({ ...ok, paper: 0x72 })).toBe('paper-out');
    expect(parseStatus({ ...ok, paper: 0x1e })).toBe('paper-near-end');
  });
});
