import type { HallCommandOf } from './commands';
import { requireOpenCounter } from './counter-guards';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import { selectNext } from './routing';

/** The counter calls whoever the routing policy says is next. */
export function callNext(ctx: DecideContext, command: HallCommandOf<'ticket:call-next'>): Decision {
  const counter = requireOpenCounter(ctx, command.counter);
  if (typeof counter === 'string') return refuse(counter);
  if (counter.current) return refuse('counter-busy');
  const selection = selectNext(ctx.state, ctx.hall, command.counter, ctx.now);
  if (!selection) return refuse('queue-empty');
  return accept({
    type: 'ticket-called',
    at: ctx.now,
    ticketId: selection.ticket.id,
    callNumber: selection.ticket.callNumber,
    counter: command.counter,
    how: 'next',
    cycle: selection.cycle,
  });
}
