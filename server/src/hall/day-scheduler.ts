import { localDateOf, openingPeriodsOn, epochOfLocal, parseClockTime } from '@yizhan/shared';
import type { Logger } from 'pino';
import type { Hall } from './hall-runtime';

const MINUTE = 60_000;
/** The day opens this long before the first period, so clerks can sign in and open counters. */
const OPEN_BEFORE_MS = 60 * MINUTE;
/** And closes this long after the last period, so the last visitors can be served. */
const CLOSE_AFTER_MS = 60 * MINUTE;

/**
 * Opens and closes the hall's day on its own, by the hall's timezone and
 * calendar: the daily rollover (numbering from 001, yesterday's open tickets
 * ended) happens even if no supervisor presses a button.
 */
export function startDayScheduler(hall: Hall, logger: Logger, everyMs = 30_000): () => void {
  const tick = () => {
    try {
      runDaySchedule(hall, logger);
    } catch (error) {
      logger.error({ err: error }, 'day scheduler failed');
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function runDaySchedule(hall: Hall, logger: Logger): void {
  const now = hall.now();
  const config = hall.config.config;
  const tz = config.hall.timezone;
  const today = localDateOf(now, tz);
  const periods = openingPeriodsOn(config, today);
  const day = hall.state.day;

  if (day?.status === 'open') {
    const lastEnd = periods.length ? epochOfLocal(today, parseClockTime(periods.at(-1)!.to), tz) : null;
    if (day.date !== today || lastEnd === null || now >= lastEnd + CLOSE_AFTER_MS) {
      const result = hall.submit({ type: 'day:close' }, 'system:scheduler');
      logger.info({ date: day.date, ok: result.ok }, 'day closed by the scheduler');
    }
    return;
  }
  if (periods.length === 0 || day?.date === today) return; // closed today, or already run (and closed) today
  const firstStart = epochOfLocal(today, parseClockTime(periods[0]!.from), tz);
  const lastEnd = epochOfLocal(today, parseClockTime(periods.at(-1)!.to), tz);
  if (now >= firstStart - OPEN_BEFORE_MS && now < lastEnd) {
    const result = hall.submit({ type: 'day:open' }, 'system:scheduler');
    logger.info({ date: today, ok: result.ok }, 'day opened by the scheduler');
  }
}
