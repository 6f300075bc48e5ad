import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { decodeEscPos, receiptFromBytes, receiptText, type ReceiptBlock } from './escpos-decoder';
import { renderReceiptPng } from './receipt-png';

export type VirtualPrinterMode = 'online' | 'offline' | 'paper-out' | 'cover-open';

export interface VirtualReceipt {
  /** Ordinal of the receipt since the printer started, from 1. */
  number: number;
  bytes: Buffer;
  blocks: ReceiptBlock[];
  text: string;
  /** Files written for this receipt (text, raw bytes, PNG), when a folder was given. */
  files: string[];
}

/**
 * A pretend ESC/POS network printer on loopback, for development, the demo and
 * tests: answers DLE EOT status like a real one, decodes each job into a
 * readable receipt, writes it to a folder, and can be switched offline or out
 * of paper to exercise failures.
 */
export class VirtualPrinter {
  readonly receipts: VirtualReceipt[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private mode: VirtualPrinterMode = 'online';
  private listeners: ((receipt: VirtualReceipt) => void)[] = [];
  port = 0;
  /** Most connections open at once so far (a real printer takes one at a time). */
  peakConnections = 0;

  constructor(private readonly options: { dir?: string; columns?: number } = {}) {}

  async listen(port = 0, host = '127.0.0.1'): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  /** 'offline' drops every connection at once, as an unplugged network printer's switch port would. */
  setMode(mode: VirtualPrinterMode): void {
    this.mode = mode;
  }

  onReceipt(listener: (receipt: VirtualReceipt) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Resolves with the next receipt (or one already printed after `after`). */
  nextReceipt(timeoutMs = 5000, after = this.receipts.length): Promise<VirtualReceipt> {
    const ready = this.receipts[after];
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no receipt within ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = this.onReceipt((receipt) => {
        clearTimeout(timer);
        stop();
        resolve(receipt);
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    if (this.mode === 'offline') {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    this.peakConnections = Math.max(this.peakConnections, this.sockets.size);
    let pending = Buffer.alloc(0);
    const job: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      const { ops, ends, consumed } = decodeEscPos(pending);
      // Status requests are answered as they arrive; everything else is the print job.
      let start = 0;
      const parts: Buffer[] = [];
      ops.forEach((op, index) => {
        const end = ends[index] as number;
        if (op.op === 'status') {
          parts.push(pending.subarray(start, end - 3));
          socket.write(Buffer.from([this.statusByte(op.n)]));
          start = end;
        }
      });
      parts.push(pending.subarray(start, consumed));
      if (this.mode === 'online') job.push(...parts.map((p) => Buffer.from(p)));
      pending = Buffer.from(pending.subarray(consumed));
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      const bytes = Buffer.concat(job);
      if (bytes.length > 0) this.print(bytes);
    });
  }

  /** One status byte per the Epson reference (bits 1 and 4 are always set). */
  private statusByte(n: number): number {
    const base = 0x12;
    if (n === 1) return this.mode === 'online' ? base : base | 0x08;
    if (n === 2) {
      if (this.mode === 'cover-open') return base | 0x04;
      if (this.mode === 'paper-out') return base | 0x20;
      return base;
    }
    if (n === 4) return this.mode === 'paper-out' ? base | 0x60 : base;
    return base;
  }

  private print(bytes: Buffer): void {
    const blocks = receiptFromBytes(bytes);
    const receipt: VirtualReceipt = {
      number: this.receipts.length + 1,
      bytes,
      blocks,
      text: receiptText(blocks, this.options.columns ?? 48),
      files: [],
    };
    if (this.options.dir) receipt.files = this.save(receipt, this.options.dir);
    this.receipts.push(receipt);
    for (const listener of [...this.listeners]) listener(receipt);
  }

  private save(receipt: VirtualReceipt, dir: string): string[] {
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const base = join(dir, `receipt-${stamp}-${String(receipt.number).padStart(4, '0')}`);
    const files = [`${base}.txt`, `${base}.bin`, `${base}.png`];
    writeFileSync(files[0] as string, `${receipt.text}\n`);
    writeFileSync(files[1] as string, receipt.bytes);
    writeFileSync(files[2] as string, renderReceiptPng(receipt.blocks));
    return files;
  }
}
