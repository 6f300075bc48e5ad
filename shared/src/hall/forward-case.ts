import type { HallCommandOf } from './commands';
import { forwarded, stepCompleted } from './complete-step';
import { requireCurrentTicket } from './counter-guards';
import { accept, refuse, type DecideContext, type Decision } from './decision';

/**
 * The clerk cannot finish the case on site (限期办理): it goes to a
 * department, due after the service's promised working days on the hall's
 * calendar. What was done at this counter counts as a completed step.
 */
export function forwardCase(ctx: DecideContext, command: HallCommandOf<'case:forward'>): Decision {
  const found = requireCurrentTicket(ctx, command.counter, 'serving');
  if (typeof found === 'string') return refuse(found);
  if (!ctx.hall.departments.has(command.department)) return refuse('unknown-department');
  const { ticket, counter } = found;
  const days = ctx.hall.services.get(ticket.serviceCode)?.promisedWorkingDays ?? 5;
  return accept(
    stepCompleted(ctx, ticket, counter),
    forwarded(ctx, ticket, command.counter, command.department, days, command.note),
  );
}
