import type { Ack, IssuedTicket } from '@yizhan/shared';
import { socket } from './connection';
import { ISSUE_TIMEOUT_MS, kioskShell, shellInfo } from './settings';
import { useKiosk, type PrintState } from './store';

export type PriorityChoice =
  { priority: 'normal' } | { priority: 'green'; reason: string } | { priority: 'appointment' };

/** Refusal shown when the server cannot be reached: never a ticket made up on the kiosk. */
export const UNREACHABLE = 'unreachable';

function newKey(): string {
  return `kiosk-${crypto.randomUUID()}`;
}

/**
 * One tap on "take a ticket". A second tap while the first is in flight does
 * nothing; a retry of the same request (after a timeout or a lost answer)
 * reuses the idempotency key, so the server gives back the same ticket
 * instead of a second one.
 */
export function takeTicket(serviceCode: string, choice: PriorityChoice): void {
  const state = useKiosk.getState();
  if (state.issuing) return;
  const request = `${serviceCode}|${choice.priority}|${choice.priority === 'green' ? choice.reason : ''}`;
  const pending = state.pending?.request === request ? state.pending : { key: newKey(), request };
  state.startIssuing(pending);
  if (!socket.connected) {
    refuse(UNREACHABLE);
    return;
  }
  socket.timeout(ISSUE_TIMEOUT_MS).emit(
    'ticket:issue',
    {
      serviceCode,
      priority: choice.priority,
      greenReason: choice.priority === 'green' ? choice.reason : null,
      channel: choice.priority === 'appointment' ? 'appointment' : 'kiosk',
      idempotencyKey: pending.key,
    },
    (error: Error | null, ack: Ack<IssuedTicket>) => {
      if (error) return refuse(UNREACHABLE);
      if (!ack.ok) return refuse(ack.error);
      useKiosk.getState().issued(ack.data, initialPrint(ack.data));
      if (ack.data.print === 'not-configured') void printOnUsb(ack.data.ticketId);
    },
  );
}

function refuse(error: string): void {
  const state = useKiosk.getState();
  state.issueFailed();
  state.go({ name: 'refused', error });
}

function initialPrint(ticket: IssuedTicket): PrintState {
  const known = useKiosk.getState().jobs[ticket.ticketId];
  if (ticket.print === 'queued') return known ?? 'printing';
  if (ticket.print === 'not-configured') return shellInfo.usbPrinter ? 'printing' : 'none';
  return known ?? 'unknown';
}

/** The shell's USB printer, when the server has no network printer for this kiosk. */
async function printOnUsb(ticketId: string): Promise<void> {
  const shell = kioskShell();
  if (!shell || !shellInfo.usbPrinter) return;
  const result = await shell.printTicket(ticketId).catch(() => ({ ok: false as const, reason: 'shell' }));
  if (useKiosk.getState().ticket?.ticketId === ticketId)
    useKiosk.getState().setPrint(result.ok ? 'ok' : 'failed');
}

export function reprint(): void {
  const { ticket, setPrint } = useKiosk.getState();
  if (!ticket) return;
  setPrint('printing');
  if (!socket.connected) return setPrint('failed');
  socket.timeout(ISSUE_TIMEOUT_MS).emit('ticket:reprint', { ticketId: ticket.ticketId }, (error, ack) => {
    if (error || !ack.ok) return setPrint('failed');
    if (ack.data.print === 'not-configured') {
      if (shellInfo.usbPrinter) void printOnUsb(ticket.ticketId);
      else setPrint('none');
    } else if (ack.data.print === 'not-printed') setPrint('failed');
  });
}

export function lookupCase(serviceNumber: string, verificationCode: string): void {
  const { setLookup } = useKiosk.getState();
  setLookup({ lookupBusy: true, lookupError: null, lookupResult: null });
  if (!socket.connected) return setLookup({ lookupBusy: false, lookupError: UNREACHABLE });
  socket.timeout(ISSUE_TIMEOUT_MS).emit('case:lookup', { serviceNumber, verificationCode }, (error, ack) => {
    if (error) return setLookup({ lookupBusy: false, lookupError: UNREACHABLE });
    if (!ack.ok) return setLookup({ lookupBusy: false, lookupError: ack.error });
    setLookup({ lookupBusy: false, lookupResult: ack.data });
  });
}
