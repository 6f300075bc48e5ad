import { z } from 'zod';

/** The typed IPC between the kiosk shell's main process and its preload. */
export const IPC = {
  /** renderer → main (invoke): print this ticket on the USB printer. */
  printTicket: 'kiosk:print-ticket',
  /** renderer → main (invoke, once at start): whether a USB printer is configured. */
  getInfo: 'kiosk:get-info',
} as const;

export const printTicketRequestSchema = z.strictObject({ ticketId: z.string().min(1).max(40) });
export const printTicketReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), reason: z.string().max(500) }),
]);
export type PrintTicketReply = z.infer<typeof printTicketReplySchema>;

export const shellInfoSchema = z.strictObject({ usbPrinter: z.boolean() });
export type ShellInfo = z.infer<typeof shellInfoSchema>;
