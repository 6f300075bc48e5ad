import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, receiptFromBytes } from '../src/printing/escpos-decoder';
import { COLUMNS, renderTicket, textWidth, wrap, type PaperWidth } from '../src/printing/ticket-layout';
import { FIXED_TICKET } from './printing-fixture';

const golden = (paper: PaperWidth) =>
  fileURLToPath(new URL(`./golden/escpos/ticket-${paper}mm.bin`, import.meta.url));

describe('the ticket layout', () => {
  for (const paper of [58, 80] as const) {
    it(`gives exactly the checked-in bytes at ${paper} mm`, () => {
      const bytes = renderTicket(FIXED_TICKET, paper);
      // UPDATE_GOLDEN=1 rewrites the files after a deliberate layout change (review the diff!).
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden(paper), bytes);
      expect(bytes.equals(readFileSync(golden(paper)))).toBe(true);
    });

    it(`fits every line in ${COLUMNS[paper]} columns at ${paper} mm and holds what a ticket must`, () => {
      const blocks = receiptFromBytes(renderTicket(FIXED_TICKET, paper));
      const lines = blocks.flatMap((b) => (b.kind === 'line' ? [b] : []));
      for (const line of lines)
        expect(textWidth(line.text) * line.width, line.text).toBeLessThanOrEqual(COLUMNS[paper]);
      const text = lines.map((l) => l.text).join('\n');
      for (const part of [
        '省人事厅公共服务大厅',
        '公务员录用审批',
        '370000 261127 00007 4',
        '052917',
        '15 个工作日',
        '前面等候',
        '6 人',
        '体检结论及考察材料',
      ])
        expect(text).toContain(part);
      expect(lines.find((l) => l.text === 'B007')).toMatchObject({
        width: 2,
        height: 2,
        bold: true,
        align: 'center',
      });
      expect(blocks.at(-1)).toEqual({ kind: 'cut' });
    });

    it(`carries the tracking URL in the QR command at ${paper} mm`, () => {
      const { ops } = decodeEscPos(renderTicket(FIXED_TICKET, paper));
      const qr = ops.filter((op) => op.op.startsWith('qr-'));
      expect(qr.map((op) => op.op)).toEqual(['qr-model', 'qr-size', 'qr-level', 'qr-store', 'qr-print']);
      expect(qr[0]).toEqual({ op: 'qr-model', model: 2 });
      expect(qr[2]).toEqual({ op: 'qr-level', level: 'M' });
      const store = qr[3];
      expect(store?.op === 'qr-store' && store.data.toString('utf8')).toBe(FIXED_TICKET.trackUrl);
    });
  }

  it('decodes the golden text as GB18030', () => {
    const bytes = readFileSync(golden(58));
    expect(bytes.includes(iconv.encode('公务员录用审批', 'gb18030'))).toBe(true);
    expect(bytes.includes(Buffer.from('公务员录用审批', 'utf8'))).toBe(false);
  });

  it('wraps by display width, CJK counting double', () => {
    expect(wrap('一二三四五', 4)).toEqual(['一二', '三四', '五']);
    expect(wrap('ab 一二三', 6)).toEqual(['ab 一', '二三']);
    expect(wrap('1. 一二三四', 8, '   ')).toEqual(['1. 一二', '   三四']);
  });
});
