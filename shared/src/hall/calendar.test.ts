import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HallConfig, OpeningHours, WorkingDayCalendar } from '../config/hall-config-schema';
import { addDays, weekdayOfDate } from '../time/zoned-time';
import {
  addWorkingDays,
  forwardDueAt,
  isWorkingDay,
  openingPeriodsOn,
  ticketingWindow,
  workingDaysBetween,
} from './calendar';

const range = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
};

/** Shaped like the State Council's 2026 holiday notice, plus New Year 2027. */
const CHINA_2026: WorkingDayCalendar = {
  holidays: [
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'), // Spring Festival
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'), // National Day week
    ...range('2027-01-01', '2027-01-03'),
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  swappedWorkdayHours: 'mon',
};

const WEEKDAY_HOURS = [
  { from: '09:00', to: '12:00' },
  { from: '13:30', to: '17:00' },
];
const OPENING_HOURS: OpeningHours = {
  mon: WEEKDAY_HOURS,
  tue: WEEKDAY_HOURS,
  wed: WEEKDAY_HOURS,
  thu: WEEKDAY_HOURS,
  fri: [
    { from: '09:00', to: '12:00' },
    { from: '13:30', to: '16:30' },
  ],
  sat: [],
  sun: [],
};

type Config = Pick<HallConfig, 'openingHours' | 'calendar' | 'ticketing' | 'hall'>;
const CONFIG: Config = {
  hall: { code: '370100', name: { zh: '测试大厅', en: 'Test hall' }, timezone: 'Asia/Shanghai', notices: [] },
  openingHours: OPENING_HOURS,
  calendar: CHINA_2026,
  ticketing: { cutoffMinutes: 30 },
};

/** An instant by Beijing wall time, computed without the module under test. */
const bj = (date: string, hhmm: string): number => Date.parse(`${date}T${hhmm}:00+08:00`);

describe('isWorkingDay', () => {
  it('is Mon–Fri by default', () => {
    expect(isWorkingDay(CHINA_2026, '2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay(CHINA_2026, '2026-03-06')).toBe(true); // Friday
    expect(isWorkingDay(CHINA_2026, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay(CHINA_2026, '2026-03-08')).toBe(false); // Sunday
  });

  it('knows holidays on weekdays and swapped weekend workdays (调休)', () => {
    expect(weekdayOfDate('2026-02-16')).toBe('mon');
    expect(isWorkingDay(CHINA_2026, '2026-02-16')).toBe(false);
    expect(weekdayOfDate('2026-02-14')).toBe('sat');
    expect(isWorkingDay(CHINA_2026, '2026-02-14')).toBe(true);
    expect(isWorkingDay(CHINA_2026, '2026-10-01')).toBe(false);
    expect(weekdayOfDate('2026-10-10')).toBe('sat');
    expect(isWorkingDay(CHINA_2026, '2026-10-10')).toBe(true);
    expect(weekdayOfDate('2026-09-20')).toBe('sun');
    expect(isWorkingDay(CHINA_2026, '2026-09-20')).toBe(true);
  });

  it('lets a holiday win over a workday listed for the same date', () => {
    const clash: WorkingDayCalendar = {
      holidays: ['2026-03-07'],
      workdays: ['2026-03-07'],
      swappedWorkdayHours: 'mon',
    };
    expect(isWorkingDay(clash, '2026-03-07')).toBe(false);
    expect(workingDaysBetween(clash, '2026-03-06', '2026-03-09')).toBe(1);
  });
});

describe('addWorkingDays', () => {
  it('returns `from` for n = 0, even on a holiday', () => {
    expect(addWorkingDays(CHINA_2026, '2026-10-03', 0)).toBe('2026-10-03');
  });

  it('crosses the Spring Festival, counting its swapped Saturdays', () => {
    // Fri 02-13 -> Sat 02-14 (调休) -> 02-15..23 holiday -> Tue 02-24.
    expect(addWorkingDays(CHINA_2026, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(CHINA_2026, '2026-02-13', 2)).toBe('2026-02-24');
    // Tue 02-24 .. Fri 02-27 are 4, Sat 02-28 (调休) is the 5th.
    expect(addWorkingDays(CHINA_2026, '2026-02-23', 5)).toBe('2026-02-28');
  });

  it('crosses National Day week to the Saturday workday after it', () => {
    // Mon 09-28: 09-29 (1), 09-30 (2), 10-01..07 holiday, 10-08 (3), 10-09 (4), Sat 10-10 (5).
    expect(addWorkingDays(CHINA_2026, '2026-09-28', 5)).toBe('2026-10-10');
    expect(addWorkingDays(CHINA_2026, '2026-09-28', 6)).toBe('2026-10-12');
  });

  it('crosses the year end over the New Year 2027 holiday', () => {
    expect(addWorkingDays(CHINA_2026, '2026-12-30', 1)).toBe('2026-12-31');
    expect(addWorkingDays(CHINA_2026, '2026-12-30', 2)).toBe('2027-01-04');
    expect(addWorkingDays(CHINA_2026, '2026-12-30', 6)).toBe('2027-01-08');
  });

  it('rejects negative or fractional n as a bug', () => {
    expect(() => addWorkingDays(CHINA_2026, '2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(CHINA_2026, '2026-03-02', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween(CHINA_2026, '2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween(CHINA_2026, '2026-03-02', '2026-03-09')).toBe(5);
    expect(workingDaysBetween(CHINA_2026, '2026-09-28', '2026-10-10')).toBe(5);
    expect(workingDaysBetween(CHINA_2026, '2026-12-30', '2027-01-04')).toBe(2);
    expect(workingDaysBetween(CHINA_2026, '2026-10-10', '2026-09-28')).toBe(-5);
  });

  it('matches a day-by-day count over the whole of 2026', () => {
    const days = range('2026-01-01', '2026-12-31');
    const expected = days.filter((d) => d !== '2026-01-01' && isWorkingDay(CHINA_2026, d)).length;
    expect(workingDaysBetween(CHINA_2026, '2026-01-01', '2026-12-31')).toBe(expected);
    // 261 Mon–Fri days, 2026-01-01 is excluded anyway (a holiday), 18 weekday holidays, 6 swapped workdays.
    expect(expected).toBe(261 - 1 - 18 + 6);
  });

  const randomCalendar = fc
    .record({
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 120 }),
      workdays: fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 40 }),
    })
    .map(({ holidays, workdays }): WorkingDayCalendar => ({
      holidays: holidays.map((d) => addDays('2026-01-01', d)),
      workdays: workdays.map((d) => addDays('2026-01-01', d)),
      swappedWorkdayHours: 'mon',
    }));
  const date = fc.integer({ min: -30, max: 530 }).map((d) => addDays('2026-01-01', d));

  it('is the inverse of addWorkingDays, landing on a working day', () => {
    fc.assert(
      fc.property(randomCalendar, date, fc.integer({ min: 0, max: 80 }), (calendar, from, n) => {
        const to = addWorkingDays(calendar, from, n);
        expect(workingDaysBetween(calendar, from, to)).toBe(n);
        if (n >= 1) {
          expect(isWorkingDay(calendar, to)).toBe(true);
          expect(workingDaysBetween(calendar, from, addDays(to, -1))).toBe(n - 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a brute-force count and is antisymmetric', () => {
    fc.assert(
      fc.property(randomCalendar, date, date, (calendar, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        let count = 0;
        for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) count += 1;
        expect(workingDaysBetween(calendar, lo, hi)).toBe(count);
        expect(workingDaysBetween(calendar, hi, lo)).toBe(0 - count);
      }),
      { numRuns: 300 },
    );
  });
});

describe('openingPeriodsOn', () => {
  it('uses the weekday hours, none on a holiday, and Monday hours on a swapped Saturday', () => {
    expect(openingPeriodsOn(CONFIG, '2026-03-02')).toEqual(WEEKDAY_HOURS);
    expect(openingPeriodsOn(CONFIG, '2026-03-06')[1]).toEqual({ from: '13:30', to: '16:30' });
    expect(openingPeriodsOn(CONFIG, '2026-03-07')).toEqual([]);
    expect(openingPeriodsOn(CONFIG, '2026-10-01')).toEqual([]);
    expect(openingPeriodsOn(CONFIG, '2026-10-10')).toEqual(WEEKDAY_HOURS);
  });

  it('follows swappedWorkdayHours and Saturday opening by config', () => {
    const saturdayHall = {
      openingHours: { ...OPENING_HOURS, sat: [{ from: '09:00', to: '12:00' }] },
      calendar: { ...CHINA_2026, swappedWorkdayHours: 'fri' as const },
    };
    expect(openingPeriodsOn(saturdayHall, '2026-03-07')).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(openingPeriodsOn(saturdayHall, '2026-10-10')).toEqual(OPENING_HOURS.fri);
    expect(openingPeriodsOn(saturdayHall, '2026-10-03')).toEqual([]); // a Saturday holiday
  });
});

describe('ticketingWindow', () => {
  it('is closed before opening, with the next opening that morning', () => {
    expect(ticketingWindow(CONFIG, bj('2026-03-02', '08:00'))).toEqual({
      state: 'closed',
      nextOpening: bj('2026-03-02', '09:00'),
    });
  });

  it('is open inside a period until the cut-off', () => {
    const open = { state: 'open', closesAt: bj('2026-03-02', '12:00'), cutoffAt: bj('2026-03-02', '11:30') };
    expect(ticketingWindow(CONFIG, bj('2026-03-02', '09:00'))).toEqual(open);
    expect(ticketingWindow(CONFIG, bj('2026-03-02', '11:29'))).toEqual(open);
  });

  it('stops issuing in the cut-off window, pointing at the afternoon', () => {
    const pastCutoff = {
      state: 'past-cutoff',
      closesAt: bj('2026-03-02', '12:00'),
      nextOpening: bj('2026-03-02', '13:30'),
    };
    expect(ticketingWindow(CONFIG, bj('2026-03-02', '11:30'))).toEqual(pastCutoff);
    expect(ticketingWindow(CONFIG, bj('2026-03-02', '11:59'))).toEqual(pastCutoff);
  });

  it('is closed over the lunch break', () => {
    expect(ticketingWindow(CONFIG, bj('2026-03-02', '12:00'))).toEqual({
      state: 'closed',
      nextOpening: bj('2026-03-02', '13:30'),
    });
    expect(ticketingWindow(CONFIG, bj('2026-03-02', '13:30'))).toMatchObject({ state: 'open' });
  });

  it('points to Monday after Friday closing', () => {
    expect(ticketingWindow(CONFIG, bj('2026-03-06', '16:10'))).toEqual({
      state: 'past-cutoff',
      closesAt: bj('2026-03-06', '16:30'),
      nextOpening: bj('2026-03-09', '09:00'),
    });
    expect(ticketingWindow(CONFIG, bj('2026-03-06', '17:30'))).toEqual({
      state: 'closed',
      nextOpening: bj('2026-03-09', '09:00'),
    });
  });

  it('uses the hall timezone for the day, not UTC', () => {
    // 2026-03-08T23:30Z is already Monday 07:30 in Beijing.
    expect(ticketingWindow(CONFIG, Date.parse('2026-03-08T23:30:00Z'))).toEqual({
      state: 'closed',
      nextOpening: bj('2026-03-09', '09:00'),
    });
  });

  it('is closed on a holiday until the first day after it', () => {
    expect(ticketingWindow(CONFIG, bj('2026-10-01', '10:00'))).toEqual({
      state: 'closed',
      nextOpening: bj('2026-10-08', '09:00'),
    });
    expect(ticketingWindow(CONFIG, bj('2026-02-16', '10:00'))).toEqual({
      state: 'closed',
      nextOpening: bj('2026-02-24', '09:00'),
    });
  });

  it('opens on a swapped Saturday workday', () => {
    expect(ticketingWindow(CONFIG, bj('2026-10-10', '14:00'))).toEqual({
      state: 'open',
      closesAt: bj('2026-10-10', '17:00'),
      cutoffAt: bj('2026-10-10', '16:30'),
    });
    // And the Friday before points to it.
    expect(ticketingWindow(CONFIG, bj('2026-10-09', '18:00'))).toEqual({
      state: 'closed',
      nextOpening: bj('2026-10-10', '09:00'),
    });
  });

  it('has no next opening when the hall never opens', () => {
    const never: Config = {
      ...CONFIG,
      openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    };
    expect(ticketingWindow(never, bj('2026-03-02', '10:00'))).toEqual({ state: 'closed', nextOpening: null });
  });

  it('skips a period too short to issue any ticket', () => {
    const short: Config = { ...CONFIG, ticketing: { cutoffMinutes: 200 } };
    // The 3 h morning is all cut-off; the 3.5 h afternoon issues for 10 minutes.
    expect(ticketingWindow(short, bj('2026-03-02', '08:00'))).toEqual({
      state: 'closed',
      nextOpening: bj('2026-03-02', '13:30'),
    });
    expect(ticketingWindow(short, bj('2026-03-02', '13:35'))).toMatchObject({
      state: 'open',
      cutoffAt: bj('2026-03-02', '13:40'),
    });
  });
});

describe('forwardDueAt', () => {
  it('is due at closing time on the n-th working day, across National Day', () => {
    expect(forwardDueAt(CONFIG, bj('2026-09-28', '15:00'), 5)).toEqual({
      dueDate: '2026-10-10',
      dueAt: bj('2026-10-10', '17:00'),
    });
  });

  it('counts from the local date of forwarding, not the UTC date', () => {
    // 2026-09-28T16:30Z is Tuesday 09-29 00:30 in Beijing.
    expect(forwardDueAt(CONFIG, Date.parse('2026-09-28T16:30:00Z'), 1)).toEqual({
      dueDate: '2026-09-30',
      dueAt: bj('2026-09-30', '17:00'),
    });
  });

  it('uses Friday closing and falls back to midnight on a working day without hours', () => {
    expect(forwardDueAt(CONFIG, bj('2026-03-02', '10:00'), 4).dueAt).toBe(bj('2026-03-06', '16:30'));
    const noHours = { ...CONFIG, openingHours: { ...OPENING_HOURS, fri: [] } };
    expect(forwardDueAt(noHours, bj('2026-03-02', '10:00'), 4)).toEqual({
      dueDate: '2026-03-06',
      dueAt: bj('2026-03-07', '00:00'),
    });
  });
});
