import { printTicketRequestSchema, type PrintTicketReply } from './ipc';
import type { ShellConfig } from './shell-config';

/** The USB printer as the shell uses it; main.ts wraps @node-escpos/usb-adapter, tests use a fake. */
export interface UsbPrinter {
  /** Opens the device, writes all bytes, closes it. */
  write(bytes: Uint8Array): Promise<void>;
}

export type Fetch = (
  url: string,
  init: { headers: Record<string, string> },
) => Promise<{
  ok: boolean;
  status: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

export function receiptUrl(serverUrl: string, ticketId: string, paper: 58 | 80): string {
  const url = new URL(`/api/tickets/${encodeURIComponent(ticketId)}/receipt`, serverUrl);
  url.searchParams.set('paper', String(paper));
  return url.toString();
}

/**
 * The renderer asks for a ticket to be printed. The bytes come from the hall
 * server (the same ESC/POS layout its network printers get, so there is one
 * layout to keep right); the request is checked, the device key never leaves
 * the main process.
 */
export async function printTicketOnUsb(
  deps: { config: ShellConfig; fetch: Fetch; printer: UsbPrinter | null },
  request: unknown,
): Promise<PrintTicketReply> {
  const parsed = printTicketRequestSchema.safeParse(request);
  if (!parsed.success) return { ok: false, reason: 'invalid request' };
  const { config, printer } = deps;
  if (!config.usbPrinter || !printer) return { ok: false, reason: 'no USB printer configured' };
  let bytes: Uint8Array;
  try {
    const response = await deps.fetch(
      receiptUrl(config.serverUrl, parsed.data.ticketId, config.usbPrinter.paper),
      {
        headers: { 'x-device-key': config.deviceKey },
      },
    );
    if (!response.ok) return { ok: false, reason: `server answered ${response.status}` };
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return { ok: false, reason: `server unreachable: ${(error as Error).message}` };
  }
  try {
    await printer.write(bytes);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `printer: ${(error as Error).message}` };
  }
}
