import { localDateOf } from '../time/zoned-time';
import type { HallCommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import type { HallEvent } from './events';

/**
 * Opens the hall's day, dated by the hall's timezone (never UTC). If the
 * previous day was left open (no one closed it), it is closed first, so the
 * rollover always ends yesterday's tickets and restarts numbering at 001.
 */
export function openDay(ctx: DecideContext, _command: HallCommandOf<'day:open'>): Decision {
  const date = localDateOf(ctx.now, ctx.hall.config.hall.timezone);
  const day = ctx.state.day;
  if (day?.status === 'open' && day.date === date) return refuse('day-already-open');
  const events: HallEvent[] = [];
  if (day?.status === 'open') events.push({ type: 'day-closed', at: ctx.now, date: day.date });
  events.push({ type: 'day-opened', at: ctx.now, date });
  return accept(...events);
}

/** Closes the day: tickets still in the hall end with reason `day-closed`. */
export function closeDay(ctx: DecideContext, _command: HallCommandOf<'day:close'>): Decision {
  const day = ctx.state.day;
  if (day?.status !== 'open') return refuse('day-not-open');
  return accept({ type: 'day-closed', at: ctx.now, date: day.date });
}
