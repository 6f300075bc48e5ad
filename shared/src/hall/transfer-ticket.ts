import type { HallCommandOf } from './commands';
import { requireCurrentTicket } from './counter-guards';
import { accept, refuse, type DecideContext, type Decision } from './decision';

/**
 * The clerk passes the case to another skill's queue, or to a named counter,
 * with a note. The step is not done: it is done elsewhere. The case keeps
 * its place ahead of fresh tickets (transfer lane).
 */
export function transferTicket(ctx: DecideContext, command: HallCommandOf<'ticket:transfer'>): Decision {
  const found = requireCurrentTicket(ctx, command.counter, ['called', 'serving']);
  if (typeof found === 'string') return refuse(found);
  const { ticket } = found;

  let toSkill: string;
  let toCounter: number | null = null;
  if ('skill' in command.to) {
    if (!ctx.hall.skills.has(command.to.skill)) return refuse('unknown-skill');
    toSkill = command.to.skill;
  } else {
    const target = ctx.hall.counters.get(command.to.counter);
    if (!target) return refuse('unknown-counter');
    if (command.to.counter === command.counter) return refuse('transfer-to-self');
    toCounter = command.to.counter;
    // Counted under the same skill if the named counter serves it, else its main skill.
    toSkill = target.tierOf.has(ticket.skill) ? ticket.skill : (target.skills[0] ?? ticket.skill);
  }
  return accept(
    {
      type: 'ticket-transferred',
      at: ctx.now,
      ticketId: ticket.id,
      counter: command.counter,
      toSkill,
      toCounter,
      note: command.note,
    },
    {
      type: 'ticket-queued',
      at: ctx.now,
      ticketId: ticket.id,
      reason: 'transfer',
      stepIndex: ticket.stepIndex,
      skill: toSkill,
      lane: 'transfer',
      directCounter: toCounter,
      queueSeq: ctx.state.nextQueueSeq,
    },
  );
}
