import { PNG } from 'pngjs';
import type { ReceiptBlock } from './escpos-decoder';
import { textWidth } from './ticket-layout';

/** Printable width in dots of an 80 mm head (72 mm at 8 dots/mm); font A is 12 × 24 dots. */
const PAPER_DOTS = 576;
const CHAR_W = 12;
const CHAR_H = 24;
/** Byte-mode capacity at level M for QR versions 1…10, to size the QR's place on paper. */
const QR_M_CAPACITY = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

/**
 * A layout preview of the receipt, NOT a picture of the glyphs: there is no
 * font here. Each printed character is a dark cell of its real size (double
 * size shows double), so alignment, sizes and line breaks can be checked by
 * eye; the QR code's place is an outlined square of its real size with a
 * cross. The words themselves are in the receipt's .txt file.
 */
export function renderReceiptPng(blocks: ReceiptBlock[]): Buffer {
  const heights = blocks.map((b) => blockHeight(b));
  const height = heights.reduce((a, b) => a + b, 0) + 40;
  const png = new PNG({ width: PAPER_DOTS + 40, height });
  png.data.fill(255);
  const fill = (x: number, y: number, w: number, h: number, shade: number) => {
    for (let yy = Math.max(0, y); yy < Math.min(png.height, y + h); yy += 1) {
      for (let xx = Math.max(0, x); xx < Math.min(png.width, x + w); xx += 1) {
        const i = (yy * png.width + xx) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = shade;
        png.data[i + 3] = 255;
      }
    }
  };
  let y = 20;
  blocks.forEach((block, index) => {
    if (block.kind === 'line') {
      const cellW = CHAR_W * block.width;
      const cellH = CHAR_H * block.height;
      const width = textWidth(block.text) * cellW;
      let x = 20;
      if (block.align === 'center') x += Math.max(0, Math.floor((PAPER_DOTS - width) / 2));
      if (block.align === 'right') x += Math.max(0, PAPER_DOTS - width);
      for (const ch of block.text) {
        const w = textWidth(ch) * cellW;
        if (ch !== ' ') fill(x + 1, y + 3, w - 2, cellH - 6, block.bold ? 0 : 70);
        x += w;
      }
    } else if (block.kind === 'qr') {
      const size = qrDots(block.data, block.moduleSize);
      const x = 20 + Math.floor((PAPER_DOTS - size) / 2);
      fill(x, y, size, 4, 0);
      fill(x, y + size - 4, size, 4, 0);
      fill(x, y, 4, size, 0);
      fill(x + size - 4, y, 4, size, 0);
      for (let d = 0; d < size; d += 1) {
        fill(x + d, y + d, 2, 2, 0);
        fill(x + size - d - 2, y + d, 2, 2, 0);
      }
    } else {
      for (let x = 20; x < PAPER_DOTS + 20; x += 12) fill(x, y + 10, 6, 2, 0);
    }
    y += heights[index] as number;
  });
  return PNG.sync.write(png);
}

function blockHeight(block: ReceiptBlock): number {
  if (block.kind === 'line') return CHAR_H * block.height + 6;
  if (block.kind === 'qr') return qrDots(block.data, block.moduleSize) + 6;
  return 24;
}

function qrDots(data: string, moduleSize: number): number {
  const bytes = Buffer.byteLength(data, 'utf8');
  const version = QR_M_CAPACITY.findIndex((capacity) => bytes <= capacity) + 1 || 11;
  return (17 + 4 * version + 8) * moduleSize;
}
