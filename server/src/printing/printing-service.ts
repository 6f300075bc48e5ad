import type {
  PrintDispatch,
  PrinterConfig,
  PrinterState,
  PrinterStatusView,
  PrintJobResult,
} from '@yizhan/shared';
import type { Logger } from 'pino';
import type { Clock } from '../hall/clock';
import type { Hall } from '../hall/hall-runtime';
import { NetworkPrinter, type PrinterTransport } from './network-printer';
import { renderTicket, type PaperWidth } from './ticket-layout';
import { ticketReceipt } from './ticket-receipt';

export interface PrintingServiceOptions {
  hall: Hall;
  logger: Logger;
  clock: Clock;
  /** The server's own address, used for the QR code when the config sets no publicUrl. */
  origin: () => string;
  /** How printers are reached; tests may swap in a fake. */
  transportFor?: (printer: PrinterConfig) => PrinterTransport;
}

/**
 * Prints tickets on the hall's network printers, as the configuration maps
 * kiosks to printers. Printing never blocks or undoes issuing: the request is
 * answered first, the job runs after, and its outcome is announced
 * (`onJob`) so the kiosk can offer a reprint. Keeps each printer's last known
 * state for staff.
 */
export class PrintingService {
  private readonly states = new Map<string, PrinterStatusView>();
  /** Which printer printed (or tried) each ticket, so a counter's reprint goes to the same one. */
  private readonly printedOn = new Map<string, string>();
  private jobListeners: ((result: PrintJobResult) => void)[] = [];
  private statusListeners: ((printers: PrinterStatusView[]) => void)[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: PrintingServiceOptions) {}

  private get config() {
    return this.options.hall.config.config.printing;
  }

  printerForKiosk(deviceName: string): PrinterConfig | null {
    const code = this.config.kiosks[deviceName];
    return this.config.printers.find((p) => p.code === code) ?? null;
  }

  /** The ticket's bytes for a paper width, or null for an unknown ticket (the USB shell fetches these). */
  receiptBytes(ticketId: string, paper: PaperWidth): Buffer | null {
    const { hall } = this.options;
    const receipt = ticketReceipt(hall.state, hall.config, ticketId, this.origin());
    return receipt ? renderTicket(receipt, paper) : null;
  }

  /** A new ticket from this kiosk: start the print, answer at once. */
  printForKiosk(ticketId: string, deviceName: string): PrintDispatch {
    const printer = this.printerForKiosk(deviceName);
    if (!printer) return 'not-configured';
    return this.start(ticketId, printer);
  }

  /** Print again: on the named printer, the one it was printed on, or the kiosk's own. */
  reprint(
    ticketId: string,
    options: { printer?: string; kiosk?: string },
  ): PrintDispatch | 'unknown-printer' {
    const code = options.printer ?? this.printedOn.get(ticketId);
    let printer = code ? (this.config.printers.find((p) => p.code === code) ?? null) : null;
    if (code && !printer) return 'unknown-printer';
    if (!printer && options.kiosk) printer = this.printerForKiosk(options.kiosk);
    if (!printer) printer = this.config.printers[0] ?? null;
    if (!printer) return 'not-configured';
    return this.start(ticketId, printer);
  }

  statuses(): PrinterStatusView[] {
    return this.config.printers.map(
      (p) =>
        this.states.get(p.code) ?? {
          code: p.code,
          name: p.name,
          state: 'unknown',
          checkedAt: null,
          lastError: null,
        },
    );
  }

  /** Asks every printer for its state (the server polls this so staff see a jam before a visitor does). */
  async poll(): Promise<PrinterStatusView[]> {
    await Promise.all(
      this.config.printers.map(async (printer) => {
        const state = await this.transport(printer).status();
        this.record(printer, state, state === 'unreachable' ? 'no answer' : null);
      }),
    );
    return this.statuses();
  }

  onJob(listener: (result: PrintJobResult) => void): void {
    this.jobListeners.push(listener);
  }

  onStatus(listener: (printers: PrinterStatusView[]) => void): void {
    this.statusListeners.push(listener);
  }

  /** Resolves when every job started so far has finished (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private start(ticketId: string, printer: PrinterConfig): PrintDispatch {
    const bytes = this.receiptBytes(ticketId, printer.paper);
    if (!bytes) return 'not-printed';
    this.printedOn.set(ticketId, printer.code);
    // One job at a time per printer: most accept a single connection and would drop a second.
    const before = this.queues.get(printer.code) ?? Promise.resolve();
    const job = before
      .then(() => this.transport(printer).print(bytes))
      .then(
        (outcome) => {
          this.record(printer, outcome.state, outcome.ok ? null : outcome.reason);
          if (!outcome.ok)
            this.options.logger.warn({ printer: printer.code, reason: outcome.reason }, 'print failed');
          this.announce({
            ticketId,
            printer: printer.code,
            result: outcome.ok ? 'ok' : 'failed',
            state: outcome.state,
          });
        },
        (error: unknown) => {
          this.options.logger.error({ err: error, printer: printer.code }, 'print job crashed');
          this.announce({ ticketId, printer: printer.code, result: 'failed', state: 'unknown' });
        },
      )
      .finally(() => {
        this.pending.delete(job);
        if (this.queues.get(printer.code) === job) this.queues.delete(printer.code);
      });
    this.pending.add(job);
    this.queues.set(printer.code, job);
    return 'queued';
  }

  private transport(printer: PrinterConfig): PrinterTransport {
    return (
      this.options.transportFor?.(printer) ?? new NetworkPrinter({ host: printer.host, port: printer.port })
    );
  }

  private origin(): string {
    return this.config.publicUrl ?? this.options.origin();
  }

  private record(printer: PrinterConfig, state: PrinterState, lastError: string | null): void {
    const before = this.states.get(printer.code);
    const view: PrinterStatusView = {
      code: printer.code,
      name: printer.name,
      state,
      checkedAt: this.options.clock.now(),
      lastError,
    };
    this.states.set(printer.code, view);
    if (before?.state !== state || before.lastError !== lastError) {
      const all = this.statuses();
      for (const listener of this.statusListeners) listener(all);
    }
  }

  private announce(result: PrintJobResult): void {
    for (const listener of this.jobListeners) listener(result);
  }
}
