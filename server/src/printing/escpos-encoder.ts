import iconv from 'iconv-lite';

/**
 * ESC/POS bytes, written by hand so every command is the Epson-standard one
 * that Epson, Xprinter and GPrinter thermal printers accept (the escpos npm
 * line sends GS Z for QR codes, which most of these ignore). Chinese text is
 * GB18030 inside FS & (Chinese character mode), as those printers expect.
 */

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

const ALIGN_CODE: Record<Align, number> = { left: 0, center: 1, right: 2 };
const QR_LEVEL_CODE: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** Largest QR payload one `GS ( k` store command carries (pL pH hold length + 3). */
export const QR_MAX_BYTES = 7089;

export class EscPosEncoder {
  private readonly chunks: Buffer[] = [];

  private push(...bytes: number[]): this {
    this.chunks.push(Buffer.from(bytes));
    return this;
  }

  /** ESC @: reset the printer to its power-on state, then FS & for Chinese mode. */
  initialize(): this {
    return this.push(ESC, 0x40, FS, 0x26);
  }

  /** ESC a n */
  align(align: Align): this {
    return this.push(ESC, 0x61, ALIGN_CODE[align]);
  }

  /** GS ! n: width and height multipliers 1..8. */
  size(width: number, height: number): this {
    if (
      !Number.isInteger(width) ||
      !Number.isInteger(height) ||
      width < 1 ||
      width > 8 ||
      height < 1 ||
      height > 8
    )
      throw new RangeError(`size must be 1..8 × 1..8, got ${width}×${height}`);
    return this.push(GS, 0x21, ((width - 1) << 4) | (height - 1));
  }

  /** ESC E n */
  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** Text in GB18030 (ASCII stays ASCII); no line feed. Control characters are dropped. */
  text(value: string): this {
    // eslint-disable-next-line no-control-regex
    const clean = value.replace(/[\u0000-\u001f\u007f]/g, '');
    this.chunks.push(iconv.encode(clean, 'gb18030'));
    return this;
  }

  line(value = ''): this {
    return this.text(value).push(LF);
  }

  /** ESC d n: print and feed n lines. */
  feed(lines: number): this {
    return this.push(ESC, 0x64, Math.max(0, Math.min(255, lines)));
  }

  /**
   * The standard QR sequence `GS ( k`: model 2, module size, error level,
   * store the data, print it.
   */
  qr(data: string, options: { moduleSize?: number; level?: QrErrorLevel } = {}): this {
    const payload = Buffer.from(data, 'utf8');
    if (payload.length === 0 || payload.length > QR_MAX_BYTES)
      throw new RangeError(`QR data must be 1..${QR_MAX_BYTES} bytes, got ${payload.length}`);
    const moduleSize = options.moduleSize ?? 6;
    if (!Number.isInteger(moduleSize) || moduleSize < 1 || moduleSize > 16)
      throw new RangeError(`QR module size must be 1..16, got ${moduleSize}`);
    const stored = payload.length + 3;
    this.push(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00); // function 165: model 2
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize); // function 167: module size
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, QR_LEVEL_CODE[options.level ?? 'M']); // 169: level
    this.push(GS, 0x28, 0x6b, stored & 0xff, stored >> 8, 0x31, 0x50, 0x30); // 180: store
    this.chunks.push(payload);
    return this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30); // 181: print
  }

  /** GS V 66 n: feed n lines, then a partial cut. */
  cut(feedLines = 3): this {
    return this.push(GS, 0x56, 0x42, Math.max(0, Math.min(255, feedLines)));
  }

  encode(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** DLE EOT n: 1 printer status, 2 offline cause, 4 paper roll sensor. */
export function statusRequest(n: 1 | 2 | 4): Buffer {
  return Buffer.from([DLE, EOT, n]);
}

export type PrinterCondition = 'online' | 'offline' | 'paper-out' | 'cover-open' | 'paper-near-end';

export interface StatusBytes {
  printer: number;
  offlineCause: number;
  paper: number;
}

/**
 * What the three status bytes say, the most serious first. Bits per the Epson
 * reference: n=1 bit 3 offline; n=2 bit 2 cover open, bit 5 stopped for paper
 * end; n=4 bits 5–6 paper end, bits 2–3 paper near end.
 */
export function parseStatus(status: StatusBytes): PrinterCondition {
  if (status.offlineCause & 0x04) return 'cover-open';
  if (status.paper & 0x60 || status.offlineCause & 0x20) return 'paper-out';
  if (status.printer & 0x08) return 'offline';
  if (status.paper & 0x0c) return 'paper-near-end';
  return 'online';
}
