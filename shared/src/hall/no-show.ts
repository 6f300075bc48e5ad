import type { HallCommandOf } from './commands';
import { requireCurrentTicket } from './counter-guards';
import { accept, refuse, type DecideContext, type Decision } from './decision';

/**
 * The called visitor did not come. The ticket goes back to the end of its
 * line up to `limits.noShowRequeues` times; after that it is ended.
 */
export function markNoShow(ctx: DecideContext, command: HallCommandOf<'ticket:no-show'>): Decision {
  const found = requireCurrentTicket(ctx, command.counter, 'called');
  if (typeof found === 'string') return refuse(found);
  const { ticket } = found;
  const noShow = {
    type: 'ticket-no-show',
    at: ctx.now,
    ticketId: ticket.id,
    counter: command.counter,
  } as const;
  if (ticket.noShows < ctx.hall.config.limits.noShowRequeues) {
    return accept(noShow, {
      type: 'ticket-queued',
      at: ctx.now,
      ticketId: ticket.id,
      reason: 'no-show',
      stepIndex: ticket.stepIndex,
      skill: ticket.skill,
      lane: ticket.lane,
      // A case transferred to a named counter goes back to that counter.
      directCounter: ticket.directCounter,
      queueSeq: ctx.state.nextQueueSeq,
    });
  }
  return accept(noShow, { type: 'ticket-ended', at: ctx.now, ticketId: ticket.id, reason: 'no-show' });
}
