import type { HallCommandOf } from './commands';
import { requireCurrentTicket } from './counter-guards';
import { accept, refuse, type DecideContext, type Decision } from './decision';

/** The visitor has arrived at the counter; the step's service clock starts. */
export function startServing(ctx: DecideContext, command: HallCommandOf<'ticket:start-serving'>): Decision {
  const found = requireCurrentTicket(ctx, command.counter, 'called');
  if (typeof found === 'string') return refuse(found);
  return accept({
    type: 'serving-started',
    at: ctx.now,
    ticketId: found.ticket.id,
    counter: command.counter,
  });
}
