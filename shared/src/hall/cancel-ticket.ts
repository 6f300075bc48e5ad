import type { HallCommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';

/** The visitor gives up (or staff cancel for them) before being served. */
export function cancelTicket(ctx: DecideContext, command: HallCommandOf<'ticket:cancel'>): Decision {
  const ticket = ctx.state.tickets.get(command.ticketId);
  if (!ticket) return refuse('unknown-ticket');
  if (ticket.status !== 'waiting' && ticket.status !== 'called') return refuse('ticket-not-cancellable');
  return accept({ type: 'ticket-cancelled', at: ctx.now, ticketId: ticket.id });
}
