import { afterEach, describe, expect, it } from 'vitest';
import { EscPosEncoder } from '../src/printing/escpos-encoder';
import { NetworkPrinter } from '../src/printing/network-printer';
import { VirtualPrinter } from '../src/printing/virtual-printer';
import { createServer, type Socket } from 'node:net';

let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

const job = () => new EscPosEncoder().initialize().line('一站 test').cut().encode();

describe('the network printer', () => {
  it('reads status, prints, and reports paper out, cover open and offline as failures', async () => {
    printer = new VirtualPrinter();
    const port = await printer.listen();
    const network = new NetworkPrinter({ host: '127.0.0.1', port, statusTimeoutMs: 500 });

    expect(await network.status()).toBe('online');
    expect(await network.print(job())).toEqual({ ok: true, state: 'online' });
    expect((await printer.nextReceipt(2000, 0)).text).toContain('一站 test');

    printer.setMode('paper-out');
    expect(await network.status()).toBe('paper-out');
    expect(await network.print(job())).toMatchObject({ ok: false, state: 'paper-out' });
    printer.setMode('cover-open');
    expect(await network.print(job())).toMatchObject({ ok: false, state: 'cover-open' });
    printer.setMode('offline');
    expect(await network.print(job())).toMatchObject({ ok: false, state: 'unreachable' });
    expect(printer.receipts.length).toBe(1);

    printer.setMode('online');
    expect(await network.print(job())).toEqual({ ok: true, state: 'online' });
    await printer.nextReceipt(2000, 1);
  });

  it('fails fast when nothing listens', async () => {
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const port = (free.address() as { port: number }).port;
    await new Promise<void>((r) => free.close(() => r()));
    const outcome = await new NetworkPrinter({ host: '127.0.0.1', port }).print(job());
    expect(outcome).toMatchObject({ ok: false, state: 'unreachable' });
  });

  it('finishes a job on a printer that keeps the connection open', async () => {
    const received: Buffer[] = [];
    const held: Socket[] = [];
    const open = createServer({ allowHalfOpen: true }, (socket) => {
      held.push(socket);
      socket.on('data', (d: Buffer) => received.push(d));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((r) => open.listen(0, '127.0.0.1', r));
    const port = (open.address() as { port: number }).port;
    const started = Date.now();
    const outcome = await new NetworkPrinter({ host: '127.0.0.1', port, statusTimeoutMs: 50 }).print(job());
    expect(outcome).toEqual({ ok: true, state: 'unknown' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(Buffer.concat(received).includes(job())).toBe(true);
    for (const socket of held) socket.destroy();
    await new Promise<void>((r) => open.close(() => r()));
  });

  it('prints to a printer that never answers status (state unknown)', async () => {
    const received: Buffer[] = [];
    const mute = createServer((socket) => {
      socket.on('data', (d: Buffer) => received.push(d));
    });
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r));
    const port = (mute.address() as { port: number }).port;
    const outcome = await new NetworkPrinter({ host: '127.0.0.1', port, statusTimeoutMs: 100 }).print(job());
    await new Promise<void>((r) => mute.close(() => r()));
    expect(outcome).toEqual({ ok: true, state: 'unknown' });
    expect(Buffer.concat(received).includes(job())).toBe(true);
  });
});
