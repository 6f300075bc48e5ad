import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosEncoder } from '../src/printing/escpos-encoder';
import { renderTicket } from '../src/printing/ticket-layout';
import { VirtualPrinter, type VirtualPrinterMode } from '../src/printing/virtual-printer';
import { FIXED_TICKET } from './printing-fixture';

let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

/** Sends bytes in small chunks (as a slow link would) and collects what the printer answers. */
async function send(port: number, chunks: Buffer[]): Promise<Buffer> {
  const socket = connect({ host: '127.0.0.1', port });
  const answers: Buffer[] = [];
  socket.on('data', (d: Buffer) => answers.push(d));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  for (const chunk of chunks) {
    socket.write(chunk);
    await new Promise((r) => setTimeout(r, 2));
  }
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.end();
  await closed;
  return Buffer.concat(answers);
}

function split(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('the virtual printer', () => {
  it('decodes a ticket sent over TCP in pieces into text, sizes, the QR data and the cut, and saves it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yizhan-receipts-'));
    printer = new VirtualPrinter({ dir, columns: 32 });
    const port = await printer.listen();
    const next = printer.nextReceipt();
    await send(port, split(renderTicket(FIXED_TICKET, 58), 7));
    const receipt = await next;
    expect(receipt.text).toContain('公务员录用审批');
    expect(receipt.text).toMatch(/B007 {3}«2x2 bold»/);
    expect(receipt.text).toContain(`[QR model 2, level M, module 5] ${FIXED_TICKET.trackUrl}`);
    expect(receipt.blocks.at(-1)).toEqual({ kind: 'cut' });
    expect(receipt.bytes.equals(renderTicket(FIXED_TICKET, 58))).toBe(true);
    const [txt, bin, png] = receipt.files as [string, string, string];
    expect(readFileSync(txt, 'utf8')).toContain('370000 261127 00007 4');
    expect(readFileSync(bin).length).toBe(receipt.bytes.length);
    const image = PNG.sync.read(readFileSync(png));
    expect(image.width).toBe(616);
    expect(image.height).toBeGreaterThan(600);
  });

  const modes: [VirtualPrinterMode, number[]][] = [
    ['online', [0x12, 0x12, 0x12]],
    ['paper-out', [0x1a, 0x32, 0x72]],
    ['cover-open', [0x1a, 0x16, 0x12]],
  ];
  it.each(modes)('answers DLE EOT 1, 2, 4 when %s, and prints only when online', async (mode, expected) => {
    printer = new VirtualPrinter();
    const port = await printer.listen();
    printer.setMode(mode);
    const job = new EscPosEncoder().initialize().line('测试').cut().encode();
    const status = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
    const answers = await send(port, [status.subarray(0, 4), status.subarray(4), job]);
    expect([...answers]).toEqual(expected);
    await new Promise((r) => setTimeout(r, 20));
    expect(printer.receipts.length).toBe(mode === 'online' ? 1 : 0);
    if (mode === 'online') expect(printer.receipts[0]?.text).toContain('测试');
  });

  it('drops every connection when offline', async () => {
    printer = new VirtualPrinter();
    const port = await printer.listen();
    printer.setMode('offline');
    const socket = connect({ host: '127.0.0.1', port });
    const answers: Buffer[] = [];
    socket.on('data', (d: Buffer) => answers.push(d));
    socket.on('error', () => {});
    socket.write(Buffer.from([0x10, 0x04, 0x01]));
    await new Promise((resolve) => socket.once('close', resolve));
    expect(answers).toEqual([]);
    expect(printer.receipts).toEqual([]);
  });
});
