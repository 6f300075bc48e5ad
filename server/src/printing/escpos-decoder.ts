import iconv from 'iconv-lite';
import type { Align } from './escpos-encoder';
import { textWidth } from './ticket-layout';

/** One command (or run of text) read from an ESC/POS stream. */
export type EscPosOp =
  | { op: 'text'; bytes: Buffer }
  | { op: 'lf' }
  | { op: 'init' }
  | { op: 'chinese'; on: boolean }
  | { op: 'align'; align: Align }
  | { op: 'size'; width: number; height: number }
  | { op: 'bold'; on: boolean }
  | { op: 'feed'; lines: number }
  | { op: 'qr-model'; model: number }
  | { op: 'qr-size'; moduleSize: number }
  | { op: 'qr-level'; level: string }
  | { op: 'qr-store'; data: Buffer }
  | { op: 'qr-print' }
  | { op: 'cut'; partial: boolean }
  | { op: 'status'; n: number }
  | { op: 'unknown'; bytes: Buffer };

const ALIGNS: Align[] = ['left', 'center', 'right'];
const LEVELS: Record<number, string> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

/**
 * Reads as many complete commands as `buf` holds; `consumed` says where an
 * incomplete one starts, so a stream can be fed chunk by chunk.
 */
export function decodeEscPos(buf: Buffer): { ops: EscPosOp[]; ends: number[]; consumed: number } {
  const ops: EscPosOp[] = [];
  /** Where each op ends in `buf`, so a caller can cut the stream around some of them. */
  const ends: number[] = [];
  let i = 0;
  const need = (n: number) => i + n <= buf.length;
  while (i < buf.length) {
    const b = buf[i] as number;
    if (b === 0x0a) {
      ops.push({ op: 'lf' });
      i += 1;
    } else if (b === 0x1b) {
      if (!need(2)) break;
      const c = buf[i + 1];
      if (c === 0x40) {
        ops.push({ op: 'init' });
        i += 2;
        continue;
      }
      if (!need(3)) break;
      const n = buf[i + 2] as number;
      if (c === 0x61) ops.push({ op: 'align', align: ALIGNS[n % 48] ?? 'left' });
      else if (c === 0x45) ops.push({ op: 'bold', on: (n & 1) === 1 });
      else if (c === 0x64) ops.push({ op: 'feed', lines: n });
      else ops.push({ op: 'unknown', bytes: buf.subarray(i, i + 3) });
      i += 3;
    } else if (b === 0x1c) {
      if (!need(2)) break;
      const c = buf[i + 1];
      if (c === 0x26 || c === 0x2e) ops.push({ op: 'chinese', on: c === 0x26 });
      else ops.push({ op: 'unknown', bytes: buf.subarray(i, i + 2) });
      i += 2;
    } else if (b === 0x10) {
      if (!need(3)) break;
      const c = buf[i + 1];
      if (c === 0x04) ops.push({ op: 'status', n: buf[i + 2] as number });
      else ops.push({ op: 'unknown', bytes: buf.subarray(i, i + 3) });
      i += 3;
    } else if (b === 0x1d) {
      if (!need(2)) break;
      const c = buf[i + 1];
      if (c === 0x21) {
        if (!need(3)) break;
        const n = buf[i + 2] as number;
        ops.push({ op: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 });
        i += 3;
      } else if (c === 0x56) {
        if (!need(3)) break;
        const m = buf[i + 2] as number;
        if (m === 65 || m === 66) {
          if (!need(4)) break;
          ops.push({ op: 'cut', partial: m === 66 });
          i += 4;
        } else {
          ops.push({ op: 'cut', partial: m === 1 || m === 49 });
          i += 3;
        }
      } else if (c === 0x28) {
        // GS ( fn pL pH …: a function with a length-prefixed body.
        if (!need(5)) break;
        const length = (buf[i + 3] as number) + (buf[i + 4] as number) * 256;
        if (!need(5 + length)) break;
        const body = buf.subarray(i + 5, i + 5 + length);
        ops.push(
          buf[i + 2] === 0x6b ? qrOp(body) : { op: 'unknown', bytes: buf.subarray(i, i + 5 + length) },
        );
        i += 5 + length;
      } else {
        ops.push({ op: 'unknown', bytes: buf.subarray(i, i + 2) });
        i += 2;
      }
    } else {
      let end = i;
      while (end < buf.length && ![0x0a, 0x1b, 0x1c, 0x1d, 0x10].includes(buf[end] as number)) end += 1;
      ops.push({ op: 'text', bytes: buf.subarray(i, end) });
      i = end;
    }
    if (ops.length > ends.length) ends.push(i);
  }
  return { ops, ends, consumed: i };
}

function qrOp(body: Buffer): EscPosOp {
  const [cn, fn, arg] = [body[0], body[1], body[2] as number];
  if (cn !== 0x31) return { op: 'unknown', bytes: body };
  if (fn === 0x41) return { op: 'qr-model', model: arg - 0x30 };
  if (fn === 0x43) return { op: 'qr-size', moduleSize: arg };
  if (fn === 0x45) return { op: 'qr-level', level: LEVELS[arg] ?? '?' };
  if (fn === 0x50) return { op: 'qr-store', data: body.subarray(3) };
  if (fn === 0x51) return { op: 'qr-print' };
  return { op: 'unknown', bytes: body };
}

/** A printed line: its text and how it was printed. */
export interface ReceiptLine {
  text: string;
  align: Align;
  width: number;
  height: number;
  bold: boolean;
}

export type ReceiptBlock =
  | ({ kind: 'line' } & ReceiptLine)
  | { kind: 'qr'; data: string; moduleSize: number; level: string; model: number }
  | { kind: 'cut' };

/** What a printer would have put on paper, rebuilt from the bytes. */
export function receiptFromBytes(bytes: Buffer): ReceiptBlock[] {
  const { ops } = decodeEscPos(bytes);
  const blocks: ReceiptBlock[] = [];
  let style = { align: 'left' as Align, width: 1, height: 1, bold: false };
  let qr = { moduleSize: 3, level: 'L', model: 2, data: Buffer.alloc(0) };
  let pending: Buffer[] = [];
  // A line takes the size it had when its first character was printed, as on paper.
  let lineStyle: typeof style | null = null;
  const flush = () => {
    const text = iconv.decode(Buffer.concat(pending), 'gb18030');
    blocks.push({ kind: 'line', text, ...(lineStyle ?? style) });
    pending = [];
    lineStyle = null;
  };
  for (const op of ops) {
    switch (op.op) {
      case 'text':
        lineStyle ??= { ...style };
        pending.push(op.bytes);
        break;
      case 'lf':
        flush();
        break;
      case 'init':
        style = { align: 'left', width: 1, height: 1, bold: false };
        break;
      case 'align':
        style = { ...style, align: op.align };
        break;
      case 'size':
        style = { ...style, width: op.width, height: op.height };
        break;
      case 'bold':
        style = { ...style, bold: op.on };
        break;
      case 'feed':
        if (pending.length > 0) flush();
        for (let n = 0; n < op.lines; n += 1) blocks.push({ kind: 'line', text: '', ...style });
        break;
      case 'qr-model':
        qr = { ...qr, model: op.model };
        break;
      case 'qr-size':
        qr = { ...qr, moduleSize: op.moduleSize };
        break;
      case 'qr-level':
        qr = { ...qr, level: op.level };
        break;
      case 'qr-store':
        qr = { ...qr, data: Buffer.from(op.data) };
        break;
      case 'qr-print':
        blocks.push({
          kind: 'qr',
          data: qr.data.toString('utf8'),
          moduleSize: qr.moduleSize,
          level: qr.level,
          model: qr.model,
        });
        break;
      case 'cut':
        if (pending.length > 0) flush();
        blocks.push({ kind: 'cut' });
        break;
      default:
        break;
    }
  }
  if (pending.length > 0) flush();
  return blocks;
}

/** The receipt as plain text: size and bold marks after a line, the QR payload in brackets. */
export function receiptText(blocks: ReceiptBlock[], columns = 48): string {
  return blocks
    .map((block) => {
      if (block.kind === 'cut') return '✂ ---- cut ----';
      if (block.kind === 'qr')
        return `[QR model ${block.model}, level ${block.level}, module ${block.moduleSize}] ${block.data}`;
      const marks = [
        block.width > 1 || block.height > 1 ? `${block.width}x${block.height}` : '',
        block.bold ? 'bold' : '',
      ].filter(Boolean);
      const visible = block.width > 1 ? Math.floor(columns / block.width) : columns;
      const pad =
        block.align === 'center' ? Math.max(0, Math.floor((visible - textWidth(block.text)) / 2)) : 0;
      return `${' '.repeat(pad)}${block.text}${marks.length ? `   «${marks.join(' ')}»` : ''}`;
    })
    .join('\n');
}
