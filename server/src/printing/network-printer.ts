import { connect, type Socket } from 'node:net';
import type { PrinterState } from '@yizhan/shared';
import { parseStatus, statusRequest } from './escpos-encoder';

export type { PrinterState };

/** After the job is flushed, how long to let the printer close the connection itself. */
const CLOSE_GRACE_MS = 300;

export type PrintOutcome =
  { ok: true; state: PrinterState } | { ok: false; state: PrinterState; reason: string };

/** Anything that takes ESC/POS bytes: a network printer here, a USB one in the kiosk's Electron shell. */
export interface PrinterTransport {
  print(bytes: Buffer): Promise<PrintOutcome>;
  status(): Promise<PrinterState>;
}

export interface NetworkPrinterOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  /** How long to wait for each DLE EOT answer; printers that never answer are printed to all the same. */
  statusTimeoutMs?: number;
  writeTimeoutMs?: number;
}

/**
 * A raw-TCP (port 9100) ESC/POS printer. Each job is one connection: ask the
 * printer's status (DLE EOT 1, 2, 4), refuse to print when it reports no paper
 * or an open cover, otherwise send the bytes and close.
 */
export class NetworkPrinter implements PrinterTransport {
  constructor(private readonly options: NetworkPrinterOptions) {}

  async status(): Promise<PrinterState> {
    let socket: Socket;
    try {
      socket = await this.open();
    } catch {
      return 'unreachable';
    }
    try {
      return await this.readStatus(socket);
    } finally {
      socket.destroy();
    }
  }

  async print(bytes: Buffer): Promise<PrintOutcome> {
    let socket: Socket;
    try {
      socket = await this.open();
    } catch (error) {
      return { ok: false, state: 'unreachable', reason: (error as Error).message };
    }
    try {
      const state = await this.readStatus(socket);
      if (state === 'paper-out' || state === 'cover-open' || state === 'offline' || state === 'unreachable')
        return { ok: false, state, reason: `printer reports ${state}` };
      await this.write(socket, bytes);
      return { ok: true, state };
    } catch (error) {
      return { ok: false, state: 'unreachable', reason: (error as Error).message };
    } finally {
      socket.destroy();
    }
  }

  private open(): Promise<Socket> {
    const { host, port, connectTimeoutMs = 2000 } = this.options;
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no connection to ${host}:${port} within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.on('error', () => {}); // later errors surface through the pending read or write
        resolve(socket);
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Asks DLE EOT 1, 2, 4 in turn; 'unknown' when the printer does not answer (many cheap ones do not). */
  private async readStatus(socket: Socket): Promise<PrinterState> {
    const answers: number[] = [];
    for (const n of [1, 2, 4] as const) {
      const answer = await this.ask(socket, n);
      if (answer === 'closed') return 'unreachable';
      if (answer === 'timeout') return 'unknown';
      answers.push(answer);
    }
    return parseStatus({ printer: answers[0] ?? 0, offlineCause: answers[1] ?? 0, paper: answers[2] ?? 0 });
  }

  private ask(socket: Socket, n: 1 | 2 | 4): Promise<number | 'timeout' | 'closed'> {
    const timeoutMs = this.options.statusTimeoutMs ?? 800;
    return new Promise((resolve) => {
      const done = (value: number | 'timeout' | 'closed') => {
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve(value);
      };
      const onData = (chunk: Buffer) => done(chunk[0] ?? 0);
      const onClose = () => done('closed');
      const timer = setTimeout(() => done('timeout'), timeoutMs);
      socket.on('data', onData);
      socket.once('close', onClose);
      if (socket.destroyed) done('closed');
      else socket.write(statusRequest(n));
    });
  }

  /**
   * Sends the job and half-closes. Done once the bytes are flushed to the
   * network; the printer usually closes its side then, but some keep the
   * connection open, so that is waited for only briefly.
   */
  private write(socket: Socket, bytes: Buffer): Promise<void> {
    const timeoutMs = this.options.writeTimeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`write not finished within ${timeoutMs} ms`)),
        timeoutMs,
      );
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.end(bytes, () => {
        clearTimeout(timer);
        if (socket.closed) return resolve();
        const grace = setTimeout(resolve, CLOSE_GRACE_MS);
        socket.once('close', () => {
          clearTimeout(grace);
          resolve();
        });
      });
    });
  }
}
