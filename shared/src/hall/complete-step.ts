import { forwardDueAt } from './calendar';
import type { HallCommandOf } from './commands';
import { requireCurrentTicket } from './counter-guards';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import type { HallEvent } from './events';
import type { CounterState, Ticket } from './types';

/**
 * The clerk finishes this counter's step of the case. Joint handling (联办):
 * if the route has another step, the case joins that step's queue in the
 * transfer lane, ahead of fresh tickets; a service that always goes to a
 * department is forwarded; otherwise the case is completed on site. The first
 * counter that served the case stays its owner (首问负责) throughout.
 */
export function completeStep(ctx: DecideContext, command: HallCommandOf<'step:complete'>): Decision {
  const found = requireCurrentTicket(ctx, command.counter, 'serving');
  if (typeof found === 'string') return refuse(found);
  const { ticket, counter } = found;
  const service = ctx.hall.services.get(ticket.serviceCode);
  if (!service) return refuse('unknown-service'); // removed from the catalog by a config change mid-case

  const done = stepCompleted(ctx, ticket, counter);
  const nextStep = service.route[ticket.stepIndex + 1];
  if (nextStep) {
    return accept(done, {
      type: 'ticket-queued',
      at: ctx.now,
      ticketId: ticket.id,
      reason: 'next-step',
      stepIndex: ticket.stepIndex + 1,
      skill: nextStep.skill,
      lane: 'transfer',
      directCounter: null,
      queueSeq: ctx.state.nextQueueSeq,
    });
  }
  if (service.forwardTo !== undefined) {
    return accept(
      done,
      forwarded(ctx, ticket, command.counter, service.forwardTo, service.promisedWorkingDays, null),
    );
  }
  return accept(done, {
    type: 'case-completed',
    at: ctx.now,
    serviceNumber: ticket.serviceNumber,
    ticketId: ticket.id,
    result: 'completed',
    department: null,
    officer: null,
    note: null,
  });
}

export function stepCompleted(ctx: DecideContext, ticket: Ticket, counter: CounterState): HallEvent {
  return {
    type: 'step-completed',
    at: ctx.now,
    ticketId: ticket.id,
    serviceNumber: ticket.serviceNumber,
    counter: counter.number,
    clerk: counter.clerk?.id ?? '',
    stepIndex: ticket.stepIndex,
    skill: ticket.skill,
  };
}

/** The case leaves the hall for a department, due after the promised working days. */
export function forwarded(
  ctx: DecideContext,
  ticket: Ticket,
  counter: number,
  department: string,
  promisedWorkingDays: number,
  note: string | null,
): HallEvent {
  const due = forwardDueAt(ctx.hall.config, ctx.now, promisedWorkingDays);
  return {
    type: 'case-forwarded',
    at: ctx.now,
    serviceNumber: ticket.serviceNumber,
    ticketId: ticket.id,
    counter,
    department,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    note,
  };
}
