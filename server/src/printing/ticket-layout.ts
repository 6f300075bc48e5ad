import { EscPosEncoder } from './escpos-encoder';

export type PaperWidth = 58 | 80;

/** Characters per line in font A: 32 on 58 mm paper, 48 on 80 mm. */
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

/** Everything printed on a ticket, already formatted (the layout decides nothing about the hall). */
export interface TicketReceipt {
  hallName: string;
  callNumber: string;
  serviceName: string;
  /** Local time of issue, e.g. "2026-11-27 09:00". */
  issuedAt: string;
  peopleAhead: number;
  /** Grouped for reading, e.g. "370000 261127 00001 3". */
  serviceNumber: string;
  verificationCode: string;
  promisedWorkingDays: number;
  priorityLabel: string | null;
  trackUrl: string;
  materials: string[];
}

/** Display columns of one character: CJK and full-width forms take two. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  )
    return 2;
  return 1;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Breaks text into lines of at most `columns`, never splitting a character. */
export function wrap(text: string, columns: number, indent = ''): string[] {
  const lines: string[] = [];
  let current = '';
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (width + w > columns) {
      lines.push(current.trimEnd());
      current = indent;
      width = textWidth(indent);
      if (ch === ' ') continue;
    }
    current += ch;
    width += w;
  }
  if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
  return lines;
}

/** "label……value" on one line when it fits, otherwise value on the next. */
function labelled(label: string, value: string, columns: number): string[] {
  const gap = columns - textWidth(label) - textWidth(value);
  if (gap >= 1) return [label + ' '.repeat(gap) + value];
  return [...wrap(label, columns), ...wrap(value, columns)];
}

/**
 * The ticket as ESC/POS bytes: hall name, call number at double size, the
 * service, time, people ahead, service number and verification code, the
 * promised time limit, the tracking QR code and the materials to bring.
 */
export function renderTicket(receipt: TicketReceipt, paper: PaperWidth): Buffer {
  const columns = COLUMNS[paper];
  const rule = '-'.repeat(columns);
  const p = new EscPosEncoder().initialize();

  p.align('center').bold(true);
  for (const line of wrap(receipt.hallName, columns)) p.line(line);
  p.bold(false).line('排队取号凭条 Queue ticket');
  p.line(rule);

  p.line('您的号码 Your number');
  p.size(2, 2).bold(true).line(receipt.callNumber).bold(false).size(1, 1);
  if (receipt.priorityLabel) p.line(`【${receipt.priorityLabel}】`);
  p.size(1, 2);
  for (const line of wrap(receipt.serviceName, Math.floor(columns))) p.line(line);
  p.size(1, 1).line(rule);

  p.align('left');
  for (const line of labelled('取号时间', receipt.issuedAt, columns)) p.line(line);
  for (const line of labelled('前面等候', `${receipt.peopleAhead} 人`, columns)) p.line(line);
  for (const line of labelled('服务编号', receipt.serviceNumber, columns)) p.line(line);
  p.bold(true);
  for (const line of labelled('验证码', receipt.verificationCode, columns)) p.line(line);
  p.bold(false);
  for (const line of labelled('服务承诺', `${receipt.promisedWorkingDays} 个工作日`, columns)) p.line(line);
  p.line(rule);

  p.align('center').line('扫码查询办理进度 Scan to track');
  p.qr(receipt.trackUrl, { moduleSize: paper === 58 ? 5 : 6, level: 'M' });
  p.line().align('left');

  if (receipt.materials.length > 0) {
    p.line(rule).bold(true).line('请备齐以下材料 Please bring:').bold(false);
    receipt.materials.forEach((material, i) => {
      for (const line of wrap(`${i + 1}. ${material}`, columns, '   ')) p.line(line);
    });
  }
  p.line(rule).align('center').line('请留意综合屏叫号，过号需重新排队');
  return p.feed(2).cut(3).encode();
}
