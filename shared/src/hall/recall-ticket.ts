import type { HallCommandOf } from './commands';
import { requireCurrentTicket } from './counter-guards';
import { accept, refuse, type DecideContext, type Decision } from './decision';

/** Announces the called ticket again, a limited number of times. */
export function recallTicket(ctx: DecideContext, command: HallCommandOf<'ticket:recall'>): Decision {
  const found = requireCurrentTicket(ctx, command.counter, 'called');
  if (typeof found === 'string') return refuse(found);
  if (found.ticket.recalls >= ctx.hall.config.limits.recalls) return refuse('recall-limit-reached');
  return accept({
    type: 'ticket-recalled',
    at: ctx.now,
    ticketId: found.ticket.id,
    callNumber: found.ticket.callNumber,
    counter: command.counter,
  });
}
