import type { HallCommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';

export function openCounter(ctx: DecideContext, command: HallCommandOf<'counter:open'>): Decision {
  if (!ctx.hall.counters.has(command.counter)) return refuse('unknown-counter');
  const counter = ctx.state.counters.get(command.counter);
  if (!counter?.clerk) return refuse('clerk-not-logged-in');
  if (ctx.state.day?.status !== 'open') return refuse('day-not-open');
  if (counter.status === 'open') return refuse('counter-already-open');
  const type = counter.status === 'paused' ? 'counter-resumed' : 'counter-opened';
  return accept({ type, at: ctx.now, counter: command.counter });
}

/** A pause needs a reason from the hall's list; only an idle counter pauses. */
export function pauseCounter(ctx: DecideContext, command: HallCommandOf<'counter:pause'>): Decision {
  if (!ctx.hall.counters.has(command.counter)) return refuse('unknown-counter');
  const counter = ctx.state.counters.get(command.counter);
  if (counter?.status !== 'open') return refuse('counter-not-open');
  if (counter.current) return refuse('counter-busy');
  if (!ctx.hall.pauseReasons.has(command.reason)) return refuse('unknown-pause-reason');
  return accept({
    type: 'counter-paused',
    at: ctx.now,
    counter: command.counter,
    reason: command.reason,
    note: command.note,
  });
}

export function resumeCounter(ctx: DecideContext, command: HallCommandOf<'counter:resume'>): Decision {
  if (!ctx.hall.counters.has(command.counter)) return refuse('unknown-counter');
  if (ctx.state.counters.get(command.counter)?.status !== 'paused') return refuse('counter-not-paused');
  return accept({ type: 'counter-resumed', at: ctx.now, counter: command.counter });
}

export function closeCounter(ctx: DecideContext, command: HallCommandOf<'counter:close'>): Decision {
  if (!ctx.hall.counters.has(command.counter)) return refuse('unknown-counter');
  const counter = ctx.state.counters.get(command.counter);
  if (!counter || counter.status === 'closed') return refuse('counter-not-open');
  if (counter.current) return refuse('counter-busy');
  return accept({ type: 'counter-closed', at: ctx.now, counter: command.counter });
}
