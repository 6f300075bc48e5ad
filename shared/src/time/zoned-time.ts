import { WEEKDAYS } from '../config/hall-config-schema';
import type { Weekday } from '../config/hall-config-schema';

/**
 * Timezone arithmetic on epoch milliseconds, with Intl only.
 *
 * A hall's day rolls over at local midnight in the hall's zone, never at UTC
 * midnight (Asia/Shanghai's midnight is 16:00 UTC the day before), so every
 * "which day is it" question goes through here with the hall's timezone.
 *
 * `localDateOf` runs on every ticket issued, so the common path must not call
 * `formatToParts` (several µs). Offsets only change on quarter hours in the
 * modern tz database, so we cache the offset per 15-minute bucket of epoch and
 * the common path is a Map lookup plus arithmetic.
 */

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1_440;
const BUCKET_MS = 15 * MS_PER_MINUTE;
/** A few weeks of buckets per zone; clearing is cheap and keeps memory bounded for long-running servers. */
const MAX_CACHED_BUCKETS = 4_096;

interface ZoneCache {
  readonly format: Intl.DateTimeFormat;
  readonly offsets: Map<number, number>;
  /** The last bucket looked up, so a burst of tickets skips even the Map lookup. */
  lastBucket: number;
  lastOffset: number;
  /** The last local day formatted, so a busy day formats its date string once. */
  lastDay: number;
  lastDate: IsoDate;
}

const zones = new Map<string, ZoneCache>();

function zoneCache(timeZone: string): ZoneCache {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = {
      // 'en-US' with latn digits and h23 gives plain numbers we can parse; the
      // era lets years before 1 CE round-trip instead of silently folding.
      format: new Intl.DateTimeFormat('en-US', {
        timeZone,
        numberingSystem: 'latn',
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      offsets: new Map(),
      lastBucket: Number.NaN,
      lastOffset: 0,
      lastDay: Number.NaN,
      lastDate: '',
    };
    zones.set(timeZone, zone);
  }
  return zone;
}

function assertFiniteEpoch(epochMs: number): void {
  if (!Number.isFinite(epochMs)) throw new RangeError(`epoch must be a finite number, got ${epochMs}`);
}

/** The zone's offset at `epochMs` in ms, straight from Intl (slow path). */
function intlOffsetMs(format: Intl.DateTimeFormat, epochMs: number): number {
  // Intl resolves to whole seconds; the offset is constant within a second.
  const seconds = Math.floor(epochMs / MS_PER_SECOND) * MS_PER_SECOND;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let beforeCommonEra = false;
  for (const part of format.formatToParts(seconds)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        // Some older ICU builds print midnight as 24 even with h23.
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        beforeCommonEra = part.value === 'BC' || part.value === 'B';
        break;
      default:
        break;
    }
  }
  if (beforeCommonEra) year = 1 - year;
  const local =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * 3_600_000 +
    minute * MS_PER_MINUTE +
    second * MS_PER_SECOND;
  return local - seconds;
}

function offsetMs(zone: ZoneCache, epochMs: number): number {
  const bucket = Math.floor(epochMs / BUCKET_MS);
  if (bucket === zone.lastBucket) return zone.lastOffset;
  let offset = zone.offsets.get(bucket);
  if (offset === undefined) {
    const start = bucket * BUCKET_MS;
    const atStart = intlOffsetMs(zone.format, start);
    const atEnd = intlOffsetMs(zone.format, start + BUCKET_MS - 1);
    // Historic local-mean-time changes fall off the quarter hour: answer those
    // exactly and leave them out of the cache rather than cache a wrong value.
    if (atStart !== atEnd) return intlOffsetMs(zone.format, epochMs);
    if (zone.offsets.size >= MAX_CACHED_BUCKETS) zone.offsets.clear();
    zone.offsets.set(bucket, atStart);
    offset = atStart;
  }
  zone.lastBucket = bucket;
  zone.lastOffset = offset;
  return offset;
}

/** The local calendar date at `epochMs` in `timeZone`. */
export function localDateOf(epochMs: number, timeZone: string): IsoDate {
  assertFiniteEpoch(epochMs);
  const zone = zoneCache(timeZone);
  const day = Math.floor((epochMs + offsetMs(zone, epochMs)) / MS_PER_DAY);
  if (day !== zone.lastDay) {
    zone.lastDate = dateOfEpochDay(day);
    zone.lastDay = day;
  }
  return zone.lastDate;
}

/** Minutes since local midnight at `epochMs` in `timeZone`, 0..1439. */
export function localMinuteOfDay(epochMs: number, timeZone: string): number {
  assertFiniteEpoch(epochMs);
  const local = epochMs + offsetMs(zoneCache(timeZone), epochMs);
  const msOfDay = local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
  return Math.floor(msOfDay / MS_PER_MINUTE);
}

/** The zone's offset from UTC at `epochMs`, in minutes east of UTC (+480 for Asia/Shanghai). */
export function utcOffsetMinutes(epochMs: number, timeZone: string): number {
  assertFiniteEpoch(epochMs);
  return offsetMs(zoneCache(timeZone), epochMs) / MS_PER_MINUTE;
}

/**
 * The instant when the wall clock in `timeZone` shows `minuteOfDay` on `date`.
 * `minuteOfDay` 1440 is the midnight that ends `date`.
 *
 * Like Temporal's "compatible" disambiguation: a wall time that falls in a DST
 * gap is read with the offset from before the gap (so 02:30 on a spring-forward
 * night becomes 03:30), and one that occurs twice in an overlap resolves to the
 * earlier instant.
 */
export function epochOfLocal(date: IsoDate, minuteOfDay: number, timeZone: string): number {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > MINUTES_PER_DAY) {
    throw new RangeError(`minute of day must be an integer in 0..1440, got ${minuteOfDay}`);
  }
  const local = epochDayOfDate(date) * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const zone = zoneCache(timeZone);
  // Real offsets stay within ±14 h, so a day either side brackets the answer.
  const before = offsetMs(zone, local - MS_PER_DAY);
  const after = offsetMs(zone, local + MS_PER_DAY);
  let earliest = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = local - offset;
    if (offsetMs(zone, candidate) === offset && candidate < earliest) earliest = candidate;
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;
  // A gap: no offset maps this wall time to itself.
  return local - before;
}

/** The weekday of a calendar date (independent of timezone). */
export function weekdayOfDate(date: IsoDate): Weekday {
  return weekdayOfEpochDay(epochDayOfDate(date));
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return dateOfEpochDay(epochDayOfDate(date) + days);
}

/** "08:30" -> 510. Accepts "24:00" (1440) as the end of a day. */
export function parseClockTime(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (match === null) {
    if (hhmm === '24:00') return MINUTES_PER_DAY;
    throw new RangeError(`not a time of day "HH:MM": ${JSON.stringify(hhmm)}`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 510 -> "08:30"; 1440 -> "24:00". */
export function formatClockTime(minuteOfDay: number): string {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > MINUTES_PER_DAY) {
    throw new RangeError(`minute of day must be an integer in 0..1440, got ${minuteOfDay}`);
  }
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

// --- Day numbers --------------------------------------------------------------
// Calendar code counts days as integers (days since 1970-01-01) so loops over
// days and Set lookups avoid building strings.

/** Whether `value` is a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: string): value is IsoDate {
  return parseIsoDate(value) !== null;
}

/** Days since 1970-01-01 of `date`; throws RangeError for anything but a real "YYYY-MM-DD" date. */
export function epochDayOfDate(date: IsoDate): number {
  const parsed = parseIsoDate(date);
  if (parsed === null) throw new RangeError(`not a date "YYYY-MM-DD": ${JSON.stringify(date)}`);
  return daysFromCivil(parsed[0], parsed[1], parsed[2]);
}

/** The date `epochDay` days after 1970-01-01; years must stay within 0000..9999. */
export function dateOfEpochDay(epochDay: number): IsoDate {
  const [year, month, day] = civilFromDays(epochDay);
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} does not fit "YYYY-MM-DD"`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The weekday of a day number; 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): Weekday {
  const index = (((epochDay + 3) % 7) + 7) % 7;
  return WEEKDAYS[index] ?? 'mon';
}

function parseIsoDate(value: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// Howard Hinnant's civil-calendar algorithms: exact for any proleptic Gregorian
// year, with none of Date.UTC's mapping of years 0..99 to 1900..1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(epochDay: number): [number, number, number] {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
