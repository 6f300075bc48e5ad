import type { HallCommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';

export function loginClerk(ctx: DecideContext, command: HallCommandOf<'clerk:login'>): Decision {
  if (!ctx.hall.counters.has(command.counter)) return refuse('unknown-counter');
  const here = ctx.state.counters.get(command.counter)?.clerk;
  if (here && here.id !== command.clerk.id) return refuse('counter-occupied');
  if (here) return accept(); // the same clerk signing in again (new session) changes nothing
  for (const counter of ctx.state.counters.values()) {
    if (counter.clerk?.id === command.clerk.id) return refuse('clerk-elsewhere');
  }
  return accept({ type: 'clerk-logged-in', at: ctx.now, counter: command.counter, clerk: command.clerk });
}

export function logoutClerk(ctx: DecideContext, command: HallCommandOf<'clerk:logout'>): Decision {
  if (!ctx.hall.counters.has(command.counter)) return refuse('unknown-counter');
  const counter = ctx.state.counters.get(command.counter);
  if (!counter?.clerk) return refuse('clerk-not-logged-in');
  if (counter.current) return refuse('counter-busy');
  return accept({ type: 'clerk-logged-out', at: ctx.now, counter: command.counter });
}
