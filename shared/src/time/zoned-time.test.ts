import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  dateOfEpochDay,
  epochDayOfDate,
  epochOfLocal,
  formatClockTime,
  isIsoDate,
  localDateOf,
  localMinuteOfDay,
  parseClockTime,
  utcOffsetMinutes,
  weekdayOfDate,
} from './zoned-time';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';
const LONDON = 'Europe/London';
const utc = (iso: string): number => Date.parse(iso);

// 2000-01-01 .. 2100-01-01: modern rules only (Shanghai had DST 1986–1991 and LMT before 1901).
const modernEpoch = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Asia/Shanghai', () => {
  it('rolls the day over at local midnight, which is 16:00 UTC the day before', () => {
    expect(localDateOf(utc('2026-03-01T15:59:59.999Z'), SHANGHAI)).toBe('2026-03-01');
    expect(localMinuteOfDay(utc('2026-03-01T15:59:59.999Z'), SHANGHAI)).toBe(1439);
    expect(localDateOf(utc('2026-03-01T16:00:00.000Z'), SHANGHAI)).toBe('2026-03-02');
    expect(localMinuteOfDay(utc('2026-03-01T16:00:00.000Z'), SHANGHAI)).toBe(0);
    // The UTC date is still the 1st: never use it for the hall's day.
    expect(new Date(utc('2026-03-01T16:00:00.000Z')).toISOString().slice(0, 10)).toBe('2026-03-01');
  });

  it('is always UTC+8', () => {
    expect(utcOffsetMinutes(utc('2026-01-15T00:00:00Z'), SHANGHAI)).toBe(480);
    expect(utcOffsetMinutes(utc('2026-07-15T00:00:00Z'), SHANGHAI)).toBe(480);
  });

  it('turns a local wall time into the instant', () => {
    expect(epochOfLocal('2026-03-02', 0, SHANGHAI)).toBe(utc('2026-03-01T16:00:00Z'));
    expect(epochOfLocal('2026-03-02', parseClockTime('08:30'), SHANGHAI)).toBe(utc('2026-03-02T00:30:00Z'));
    expect(epochOfLocal('2026-03-02', 1440, SHANGHAI)).toBe(epochOfLocal('2026-03-03', 0, SHANGHAI));
  });

  it('crosses the year end by local time', () => {
    expect(localDateOf(utc('2026-12-31T15:59:00Z'), SHANGHAI)).toBe('2026-12-31');
    expect(localDateOf(utc('2026-12-31T16:00:00Z'), SHANGHAI)).toBe('2027-01-01');
    expect(epochOfLocal('2026-12-31', 1440, SHANGHAI)).toBe(utc('2026-12-31T16:00:00Z'));
  });
});

describe('America/New_York across DST', () => {
  it('springs forward on 2026-03-08 at 02:00 local (07:00 UTC)', () => {
    expect(utcOffsetMinutes(utc('2026-03-08T06:59:59Z'), NEW_YORK)).toBe(-300);
    expect(utcOffsetMinutes(utc('2026-03-08T07:00:00Z'), NEW_YORK)).toBe(-240);
    expect(localMinuteOfDay(utc('2026-03-08T06:59:00Z'), NEW_YORK)).toBe(parseClockTime('01:59'));
    expect(localMinuteOfDay(utc('2026-03-08T07:00:00Z'), NEW_YORK)).toBe(parseClockTime('03:00'));
  });

  it('reads a wall time in the gap with the offset from before it (02:30 -> 03:30 EDT)', () => {
    const t = epochOfLocal('2026-03-08', parseClockTime('02:30'), NEW_YORK);
    expect(t).toBe(utc('2026-03-08T07:30:00Z'));
    expect(localMinuteOfDay(t, NEW_YORK)).toBe(parseClockTime('03:30'));
    expect(epochOfLocal('2026-03-08', parseClockTime('03:00'), NEW_YORK)).toBe(utc('2026-03-08T07:00:00Z'));
    expect(epochOfLocal('2026-03-08', parseClockTime('01:59'), NEW_YORK)).toBe(utc('2026-03-08T06:59:00Z'));
  });

  it('falls back on 2026-11-01 and picks the earlier of the two 01:30s', () => {
    expect(utcOffsetMinutes(utc('2026-11-01T05:59:59Z'), NEW_YORK)).toBe(-240);
    expect(utcOffsetMinutes(utc('2026-11-01T06:00:00Z'), NEW_YORK)).toBe(-300);
    expect(localMinuteOfDay(utc('2026-11-01T05:30:00Z'), NEW_YORK)).toBe(90);
    expect(localMinuteOfDay(utc('2026-11-01T06:30:00Z'), NEW_YORK)).toBe(90);
    expect(epochOfLocal('2026-11-01', 90, NEW_YORK)).toBe(utc('2026-11-01T05:30:00Z'));
    expect(epochOfLocal('2026-11-01', parseClockTime('02:00'), NEW_YORK)).toBe(utc('2026-11-01T07:00:00Z'));
  });

  it('has 23- and 25-hour days', () => {
    const hours = (date: string) =>
      (epochOfLocal(date, 1440, NEW_YORK) - epochOfLocal(date, 0, NEW_YORK)) / 3_600_000;
    expect(hours('2026-03-08')).toBe(23);
    expect(hours('2026-11-01')).toBe(25);
    expect(hours('2026-11-02')).toBe(24);
  });
});

describe('Europe/London', () => {
  it('is UTC in winter and UTC+1 in summer, changing at 01:00 UTC', () => {
    expect(utcOffsetMinutes(utc('2026-03-29T00:59:59Z'), LONDON)).toBe(0);
    expect(utcOffsetMinutes(utc('2026-03-29T01:00:00Z'), LONDON)).toBe(60);
    expect(utcOffsetMinutes(utc('2026-10-25T00:59:59Z'), LONDON)).toBe(60);
    expect(utcOffsetMinutes(utc('2026-10-25T01:00:00Z'), LONDON)).toBe(0);
  });

  it('rolls the day over at local midnight in summer (23:00 UTC)', () => {
    expect(localDateOf(utc('2026-07-01T22:59:59Z'), LONDON)).toBe('2026-07-01');
    expect(localDateOf(utc('2026-07-01T23:00:00Z'), LONDON)).toBe('2026-07-02');
    expect(localDateOf(utc('2026-12-31T23:59:59Z'), LONDON)).toBe('2026-12-31');
    expect(localDateOf(utc('2027-01-01T00:00:00Z'), LONDON)).toBe('2027-01-01');
  });
});

describe('zones off the hour', () => {
  it('handles +05:30 and +05:45', () => {
    expect(utcOffsetMinutes(utc('2026-05-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(utcOffsetMinutes(utc('2026-05-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(345);
    expect(localDateOf(utc('2026-05-01T18:14:59Z'), 'Asia/Kathmandu')).toBe('2026-05-01');
    expect(localDateOf(utc('2026-05-01T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-05-02');
  });

  it('answers the exact offset for a historic change off the quarter hour', () => {
    // Shanghai left local mean time (+08:05:43) at 1901-01-01 00:00 LMT = 1900-12-31T15:54:17Z.
    expect(utcOffsetMinutes(utc('1900-12-31T15:54:16Z'), SHANGHAI)).toBeCloseTo(485 + 43 / 60, 6);
    expect(utcOffsetMinutes(utc('1900-12-31T15:54:17Z'), SHANGHAI)).toBe(480);
  });
});

describe('round trip', () => {
  it('epochOfLocal inverts localDateOf/localMinuteOfDay to the minute where there is no DST', () => {
    fc.assert(
      fc.property(
        modernEpoch,
        fc.constantFrom(SHANGHAI, 'UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo'),
        (t, zone) => {
          const back = epochOfLocal(localDateOf(t, zone), localMinuteOfDay(t, zone), zone);
          expect(back).toBe(Math.floor(t / 60_000) * 60_000);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('is consistent in DST zones away from a transition, and never moves the wall clock', () => {
    fc.assert(
      fc.property(
        modernEpoch,
        fc.constantFrom(NEW_YORK, LONDON, 'Australia/Sydney', 'Australia/Lord_Howe'),
        (t, zone) => {
          const date = localDateOf(t, zone);
          const minute = localMinuteOfDay(t, zone);
          const back = epochOfLocal(date, minute, zone);
          // Every wall time we read back exists, so the result shows it again.
          expect(localDateOf(back, zone)).toBe(date);
          expect(localMinuteOfDay(back, zone)).toBe(minute);
          const steady =
            utcOffsetMinutes(t - 3 * 3_600_000, zone) === utcOffsetMinutes(t + 3 * 3_600_000, zone);
          if (steady) expect(back).toBe(Math.floor(t / 60_000) * 60_000);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('localDateOf agrees with a fresh Intl formatter', () => {
    const check = new Intl.DateTimeFormat('en-CA', {
      timeZone: NEW_YORK,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(modernEpoch, (t) => {
        expect(localDateOf(t, NEW_YORK)).toBe(check.format(t));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('hot path', () => {
  it('answers repeat calls in the same quarter hour without formatToParts', () => {
    const base = utc('2026-06-01T02:00:00Z');
    localDateOf(base, SHANGHAI);
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    for (let i = 0; i < 10_000; i += 1) localDateOf(base + (i % 900) * 1_000, SHANGHAI);
    expect(spy).not.toHaveBeenCalled();
    // A new bucket costs Intl once, then is cached.
    localDateOf(base + 3_600_000, SHANGHAI);
    const callsForNewBucket = spy.mock.calls.length;
    expect(callsForNewBucket).toBeGreaterThan(0);
    localDateOf(base + 3_600_000 + 60_000, SHANGHAI);
    localDateOf(base, SHANGHAI);
    expect(spy.mock.calls.length).toBe(callsForNewBucket);
  });

  it('rejects non-finite epochs instead of hitting a NaN cache key', () => {
    expect(() => localDateOf(Number.NaN, SHANGHAI)).toThrow(RangeError);
    expect(() => localMinuteOfDay(Number.POSITIVE_INFINITY, SHANGHAI)).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it('knows weekdays', () => {
    expect(weekdayOfDate('1970-01-01')).toBe('thu');
    expect(weekdayOfDate('2026-01-01')).toBe('thu');
    expect(weekdayOfDate('2026-10-10')).toBe('sat');
    expect(weekdayOfDate('2027-01-03')).toBe('sun');
    expect(weekdayOfDate('1969-12-29')).toBe('mon');
  });

  it('weekdayOfDate agrees with Date.getUTCDay', () => {
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (epochDay) => {
        const date = dateOfEpochDay(epochDay);
        expect(weekdayOfDate(date)).toBe(days[new Date(epochDay * 86_400_000).getUTCDay()]);
        expect(date).toBe(new Date(epochDay * 86_400_000).toISOString().slice(0, 10));
        expect(epochDayOfDate(date)).toBe(epochDay);
      }),
    );
  });

  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-31', -31)).toBe('2026-02-28');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2026-05-05', 0)).toBe('2026-05-05');
  });

  it('validates dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => epochOfLocal('2026-03-01', 1441, SHANGHAI)).toThrow(RangeError);
  });
});

describe('clock times', () => {
  it('parses and formats HH:MM', () => {
    expect(parseClockTime('08:30')).toBe(510);
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('23:59')).toBe(1439);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(formatClockTime(510)).toBe('08:30');
    expect(formatClockTime(0)).toBe('00:00');
    expect(formatClockTime(1440)).toBe('24:00');
    for (const bad of ['8:30', '24:01', '12:60', '', '0830']) {
      expect(() => parseClockTime(bad)).toThrow(RangeError);
    }
    expect(() => formatClockTime(-1)).toThrow(RangeError);
  });

  it('round-trips every minute of the day', () => {
    for (let minute = 0; minute <= 1440; minute += 1) {
      expect(parseClockTime(formatClockTime(minute))).toBe(minute);
    }
  });
});
