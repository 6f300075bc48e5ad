import type { DecideContext } from './decision';
import type { HallErrorCode } from './errors';
import type { CounterState, Ticket, TicketStatus } from './types';

/**
 * The checks that open almost every counter command, so each command file
 * reads as its own rule. Each returns the thing or the error to refuse with.
 */

export function requireOpenCounter(ctx: DecideContext, number: number): CounterState | HallErrorCode {
  if (!ctx.hall.counters.has(number)) return 'unknown-counter';
  if (ctx.state.day?.status !== 'open') return 'day-not-open';
  const counter = ctx.state.counters.get(number);
  if (!counter || counter.status !== 'open') return 'counter-not-open';
  return counter;
}

export function requireCurrentTicket(
  ctx: DecideContext,
  number: number,
  status: TicketStatus | readonly TicketStatus[],
): { counter: CounterState; ticket: Ticket } | HallErrorCode {
  if (!ctx.hall.counters.has(number)) return 'unknown-counter';
  const counter = ctx.state.counters.get(number);
  const ticket = counter?.current ? ctx.state.tickets.get(counter.current) : undefined;
  if (!counter || !ticket) return 'no-current-ticket';
  const allowed = typeof status === 'string' ? [status] : status;
  if (!allowed.includes(ticket.status)) {
    return ticket.status === 'serving' ? 'ticket-not-called' : 'ticket-not-serving';
  }
  return { counter, ticket };
}
