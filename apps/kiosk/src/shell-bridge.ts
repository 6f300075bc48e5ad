/** What the Electron preload exposes as `window.kioskShell` (absent in a plain browser). */
export interface KioskShell {
  /** Whether the shell has a USB receipt printer configured. */
  usbPrinter(): Promise<boolean>;
  /** Prints the ticket on the USB printer (the shell fetches its bytes from the server). */
  printTicket(ticketId: string): Promise<{ ok: true } | { ok: false; reason: string }>;
}
