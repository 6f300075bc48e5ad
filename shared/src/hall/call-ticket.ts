import type { HallCommandOf } from './commands';
import { requireOpenCounter } from './counter-guards';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import { nextCycle } from './routing';

/**
 * The clerk calls a particular waiting ticket (a visitor who stepped up, an
 * appointment on time). Only one this counter could serve: one of its
 * skills, or transferred to it by name.
 */
export function callTicket(ctx: DecideContext, command: HallCommandOf<'ticket:call'>): Decision {
  const counter = requireOpenCounter(ctx, command.counter);
  if (typeof counter === 'string') return refuse(counter);
  if (counter.current) return refuse('counter-busy');
  const ticket = ctx.state.tickets.get(command.ticketId);
  if (!ticket) return refuse('unknown-ticket');
  if (ticket.status !== 'waiting') return refuse('ticket-not-waiting');
  const servesIt =
    ticket.directCounter !== null
      ? ticket.directCounter === command.counter
      : ctx.hall.counters.get(command.counter)?.tierOf.has(ticket.skill) === true;
  if (!servesIt) return refuse('counter-cannot-serve');
  return accept({
    type: 'ticket-called',
    at: ctx.now,
    ticketId: ticket.id,
    callNumber: ticket.callNumber,
    counter: command.counter,
    how: 'specific',
    cycle: nextCycle(ctx.hall, { priority: counter.cyclePriority, normal: counter.cycleNormal }, ticket),
  });
}
