import type { HallConfig, OpeningPeriod, WorkingDayCalendar } from '../config/hall-config-schema';
import {
  dateOfEpochDay,
  epochDayOfDate,
  epochOfLocal,
  localDateOf,
  parseClockTime,
  weekdayOfEpochDay,
} from '../time/zoned-time';
import type { IsoDate } from '../time/zoned-time';

/**
 * The working-day calendar (for forwarded-case deadlines, 限时办结) and the
 * hall's opening hours (for ticketing). They are separate questions: a hall
 * may open on Saturdays by config, but a Saturday is still not a working day
 * unless it is a swapped workday (调休).
 *
 * Calendar objects come from the parsed hall config and are treated as
 * immutable; their lookup tables are built once per object.
 */

/** How far ahead `nextOpening` looks before giving up (a hall closed for longer is "closed, no date"). */
const NEXT_OPENING_HORIZON_DAYS = 60;
const MS_PER_MINUTE = 60_000;

interface CalendarIndex {
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
  /** Sorted epoch days where the calendar departs from plain Mon–Fri. */
  readonly exceptionDays: readonly number[];
  /** adjustments[i] = sum of (working? 1 : 0) - (Mon–Fri? 1 : 0) over exceptionDays[0..i). */
  readonly adjustments: readonly number[];
}

const indexes = new WeakMap<WorkingDayCalendar, CalendarIndex>();

function indexOf(calendar: WorkingDayCalendar): CalendarIndex {
  let index = indexes.get(calendar);
  if (index === undefined) {
    const holidays = new Set(calendar.holidays.map(epochDayOfDate));
    const workdays = new Set(calendar.workdays.map(epochDayOfDate));
    const exceptionDays: number[] = [];
    const deltas: number[] = [];
    for (const day of [...new Set([...holidays, ...workdays])].sort((a, b) => a - b)) {
      const delta = Number(isWorkingEpochDay(holidays, workdays, day)) - Number(isMonToFri(day));
      if (delta !== 0) {
        exceptionDays.push(day);
        deltas.push(delta);
      }
    }
    const adjustments = [0];
    for (const delta of deltas) adjustments.push((adjustments[adjustments.length - 1] ?? 0) + delta);
    index = { holidays, workdays, exceptionDays, adjustments };
    indexes.set(calendar, index);
  }
  return index;
}

function isMonToFri(epochDay: number): boolean {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday !== 'sat' && weekday !== 'sun';
}

// A date listed as both holiday and workday is a config mistake; the holiday
// wins so the hall is closed and deadlines get longer, never shorter.
function isWorkingEpochDay(
  holidays: ReadonlySet<number>,
  workdays: ReadonlySet<number>,
  epochDay: number,
): boolean {
  if (holidays.has(epochDay)) return false;
  if (workdays.has(epochDay)) return true;
  return isMonToFri(epochDay);
}

/** Mon–Fri unless a holiday; a swapped workday (调休) is a working day even on a weekend. */
export function isWorkingDay(calendar: WorkingDayCalendar, date: IsoDate): boolean {
  const index = indexOf(calendar);
  return isWorkingEpochDay(index.holidays, index.workdays, epochDayOfDate(date));
}

/** The n-th working day strictly after `from` (n >= 1); n = 0 returns `from` unchanged. */
export function addWorkingDays(calendar: WorkingDayCalendar, from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be an integer >= 0, got ${n}`);
  const { holidays, workdays } = indexOf(calendar);
  let day = epochDayOfDate(from);
  // Terminates: holidays are a finite list and Mon–Fri keeps coming.
  for (let counted = 0; counted < n;) {
    day += 1;
    if (isWorkingEpochDay(holidays, workdays, day)) counted += 1;
  }
  return dateOfEpochDay(day);
}

/** Working days in (from, to]; negative (minus those in (to, from]) when `to` is before `from`. */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
  const a = epochDayOfDate(from);
  const b = epochDayOfDate(to);
  const index = indexOf(calendar);
  // Closed form, so a report over years of cases costs O(log holidays) per case.
  const upTo = (day: number) =>
    monToFriUpTo(day) + (index.adjustments[countAtOrBefore(index.exceptionDays, day)] ?? 0);
  return upTo(b) - upTo(a);
}

/** Mon–Fri days in [1970-01-05, day] (a Monday), extended to earlier days so differences stay right. */
function monToFriUpTo(epochDay: number): number {
  const days = epochDay - 4 + 1;
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}

function countAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The opening periods on a date: none on a holiday, the hours of
 * `calendar.swappedWorkdayHours` on a swapped workday, otherwise that weekday's
 * configured hours (which may include Saturday).
 */
export function openingPeriodsOn(
  config: Pick<HallConfig, 'openingHours' | 'calendar'>,
  date: IsoDate,
): readonly OpeningPeriod[] {
  const { holidays, workdays } = indexOf(config.calendar);
  const day = epochDayOfDate(date);
  if (holidays.has(day)) return [];
  if (workdays.has(day)) return config.openingHours[config.calendar.swappedWorkdayHours];
  return config.openingHours[weekdayOfEpochDay(day)];
}

export type TicketingWindow =
  | { state: 'open'; closesAt: number; cutoffAt: number }
  | { state: 'past-cutoff'; closesAt: number; nextOpening: number | null }
  | { state: 'closed'; nextOpening: number | null };

interface Interval {
  start: number;
  end: number;
}

// Every ticket issue asks for today's periods; they are worked out once per
// (calendar, opening hours, zone, date). Config objects are never mutated.
const periodCache = new WeakMap<object, WeakMap<object, Map<string, Interval[]>>>();

function periodsAsEpochs(
  config: Pick<HallConfig, 'openingHours' | 'calendar' | 'hall'>,
  date: IsoDate,
): Interval[] {
  let byHours = periodCache.get(config.calendar);
  if (!byHours) periodCache.set(config.calendar, (byHours = new WeakMap()));
  let byDate = byHours.get(config.openingHours);
  if (!byDate) byHours.set(config.openingHours, (byDate = new Map()));
  const key = `${config.hall.timezone}|${date}`;
  let periods = byDate.get(key);
  if (!periods) {
    if (byDate.size > 1_000) byDate.clear();
    periods = computePeriodsAsEpochs(config, date);
    byDate.set(key, periods);
  }
  return periods;
}

function computePeriodsAsEpochs(
  config: Pick<HallConfig, 'openingHours' | 'calendar' | 'hall'>,
  date: IsoDate,
): Interval[] {
  return openingPeriodsOn(config, date)
    .map((period) => ({
      start: epochOfLocal(date, parseClockTime(period.from), config.hall.timezone),
      end: epochOfLocal(date, parseClockTime(period.to), config.hall.timezone),
    }))
    .sort((x, y) => x.start - y.start);
}

/**
 * Whether the kiosk may issue tickets at `now`: open inside an opening period
 * until `ticketing.cutoffMinutes` before it ends. `nextOpening` is when
 * ticketing next opens: the start of the next period long enough to issue any
 * ticket, within the next 60 days.
 */
export function ticketingWindow(
  config: Pick<HallConfig, 'openingHours' | 'calendar' | 'ticketing' | 'hall'>,
  now: number,
): TicketingWindow {
  const cutoffMs = config.ticketing.cutoffMinutes * MS_PER_MINUTE;
  const today = localDateOf(now, config.hall.timezone);
  const current = periodsAsEpochs(config, today).find((p) => p.start <= now && now < p.end);
  if (current !== undefined) {
    const cutoffAt = current.end - cutoffMs;
    if (now < cutoffAt) return { state: 'open', closesAt: current.end, cutoffAt };
    return {
      state: 'past-cutoff',
      closesAt: current.end,
      nextOpening: nextOpening(config, today, now, cutoffMs),
    };
  }
  return { state: 'closed', nextOpening: nextOpening(config, today, now, cutoffMs) };
}

function nextOpening(
  config: Pick<HallConfig, 'openingHours' | 'calendar' | 'hall'>,
  today: IsoDate,
  now: number,
  cutoffMs: number,
): number | null {
  const first = epochDayOfDate(today);
  for (let day = first; day <= first + NEXT_OPENING_HORIZON_DAYS; day += 1) {
    for (const period of periodsAsEpochs(config, dateOfEpochDay(day))) {
      // A period shorter than the cut-off never opens ticketing, so it is no "opening".
      if (period.start > now && period.end - cutoffMs > period.start) return period.start;
    }
  }
  return null;
}

/**
 * The deadline of a forwarded case: `promisedWorkingDays` working days after
 * the local date it was forwarded, due at the close of the last opening period
 * that day (or the midnight ending it when the hall has no hours that day).
 */
export function forwardDueAt(
  config: Pick<HallConfig, 'openingHours' | 'calendar' | 'hall'>,
  forwardedAt: number,
  promisedWorkingDays: number,
): { dueDate: IsoDate; dueAt: number } {
  const timeZone = config.hall.timezone;
  const dueDate = addWorkingDays(config.calendar, localDateOf(forwardedAt, timeZone), promisedWorkingDays);
  const periods = openingPeriodsOn(config, dueDate);
  const closingMinute =
    periods.length === 0 ? 1_440 : Math.max(...periods.map((period) => parseClockTime(period.to)));
  return { dueDate, dueAt: epochOfLocal(dueDate, closingMinute, timeZone) };
}
