import { z } from 'zod';

/**
 * The hall's own configuration file, as hall staff edit it (YAML on disk, see
 * `config/hall.default.yaml`). Shape checks live here; cross-references
 * (every skill served, departments exist, prefixes unique…) are checked in
 * `check-cross-references.ts` so each error can name the exact path.
 */

export const localizedTextSchema = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const codeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes, starting with a letter');

/** "HH:MM", 24-hour clock, local to the hall's timezone. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day as "HH:MM"', abort: true });

/** "YYYY-MM-DD", a calendar date in the hall's timezone. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'must be a date as "YYYY-MM-DD"',
    abort: true,
  })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date');

export const openingPeriodSchema = z
  .strictObject({ from: clockTimeSchema, to: clockTimeSchema })
  .refine((p) => p.from < p.to, {
    message: '"from" must be before "to"',
    // Only compare two well-formed times; a malformed one has its own message.
    when: (payload) => payload.issues.length === 0,
  });
export type OpeningPeriod = z.infer<typeof openingPeriodSchema>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const dayHoursSchema = z
  .array(openingPeriodSchema)
  .max(4)
  .default([])
  .refine((periods) => periods.every((p, i) => i === 0 || (periods[i - 1] as OpeningPeriod).to <= p.from), {
    message: 'periods must be in order and must not overlap',
    when: (payload) => payload.issues.length === 0,
  });

export const openingHoursSchema = z.strictObject({
  mon: dayHoursSchema,
  tue: dayHoursSchema,
  wed: dayHoursSchema,
  thu: dayHoursSchema,
  fri: dayHoursSchema,
  sat: dayHoursSchema,
  sun: dayHoursSchema,
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const workingDayCalendarSchema = z.strictObject({
  /** Public holidays: closed, and not counted as working days. */
  holidays: z.array(isoDateSchema).default([]),
  /** Swapped workdays (调休): weekend dates that are working days. */
  workdays: z.array(isoDateSchema).default([]),
  /** Which weekday's opening hours a swapped workday uses. */
  swappedWorkdayHours: z.enum(WEEKDAYS).default('mon'),
});
export type WorkingDayCalendar = z.infer<typeof workingDayCalendarSchema>;

export const skillSchema = z.strictObject({ code: codeSchema, name: localizedTextSchema });
export const departmentSchema = z.strictObject({ code: codeSchema, name: localizedTextSchema });
export const categorySchema = z.strictObject({
  code: codeSchema,
  name: localizedTextSchema,
});

export const stepSchema = z.strictObject({
  skill: codeSchema,
  /** What the visitor does at this step, shown at the counter and on the timeline. */
  name: localizedTextSchema,
  /** Target wait before this step is called (on-site time limit). */
  targetWaitMinutes: z.number().int().min(1).max(480),
  /** Target time at the counter for this step (办理时限). */
  serviceMinutes: z.number().int().min(1).max(480),
});
export type StepConfig = z.infer<typeof stepSchema>;

export const serviceSchema = z.strictObject({
  code: codeSchema,
  name: localizedTextSchema,
  category: codeSchema,
  /** Call-number prefix: one or two capital letters, unique per service. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/, 'must be one or two capital letters'),
  /** Pinyin initials for the kiosk search, e.g. "gwyklbm" for 公务员考录报名. */
  pinyin: z
    .string()
    .regex(/^[a-z]+$/, 'must be lower-case pinyin initials, e.g. "gwyklbm"')
    .optional(),
  /** Most tickets this service issues in one day. */
  dailyCap: z.number().int().min(1).max(9999),
  /** The one-form checklist: what to bring. */
  materials: z.array(localizedTextSchema).default([]),
  /** Joint-handling route (联办): the counters' skills in order. */
  route: z.array(stepSchema).min(1, 'must have at least one step'),
  /** Working days promised for completion when the case is forwarded (服务承诺). */
  promisedWorkingDays: z.number().int().min(1).max(120),
  /** When set, the case always goes on to this department after its on-site steps. */
  forwardTo: codeSchema.optional(),
  /** Whether appointment tickets may be booked for this service. */
  appointments: z.boolean().default(true),
});
export type ServiceConfig = z.infer<typeof serviceSchema>;

export const counterSchema = z.strictObject({
  number: z.number().int().min(1).max(99),
  name: localizedTextSchema,
  /** Skills in priority tiers: tier 0 is served before tier 1, and so on. */
  skills: z
    .array(z.array(codeSchema).min(1, 'a tier must name at least one skill'))
    .min(1, 'must serve at least one skill'),
});
export type CounterConfig = z.infer<typeof counterSchema>;

export const priorityReasonSchema = z.strictObject({
  code: codeSchema,
  name: localizedTextSchema,
});

export const routingPolicySchema = z.strictObject({
  /**
   * Ratio calling between priority tickets (green channel, appointments) and
   * normal tickets while both wait: e.g. 1 : 2 serves one priority ticket,
   * then two normal ones. Priority neither jumps the whole queue nor starves.
   */
  ratio: z
    .strictObject({
      priority: z.number().int().min(1).max(10),
      normal: z.number().int().min(0).max(10),
    })
    .default({ priority: 1, normal: 2 }),
  /**
   * After this long in the queue a ticket is "aged": aged tickets are called
   * in arrival order ahead of all fresh ones, whatever their class, tier or
   * service, so no ticket is overtaken by later arrivals past this bound.
   * 0 turns aging off.
   */
  agingMinutes: z.number().int().min(0).max(480).default(60),
  /**
   * Whether a counter weighs its skills by pressure (wait / target wait) inside
   * a tier. Off means plain arrival order inside a tier.
   */
  pressure: z.boolean().default(true),
  /**
   * `policy` is everything above. `fifo` is plain first-come-first-served over
   * all the skills a counter serves (cases in progress still first): for
   * halls that want it, and as the baseline the hall-day simulation compares.
   */
  mode: z.enum(['policy', 'fifo']).default('policy'),
});
export type RoutingPolicy = z.infer<typeof routingPolicySchema>;

/** "HH:MM"–"HH:MM" when the wall display stays silent (calls are still shown). */
const quietHoursSchema = z.strictObject({
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
  to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
});

export const displayConfigSchema = z.strictObject({
  voice: z
    .strictObject({
      /** How many times each call is announced. */
      repeat: z.number().int().min(1).max(5).default(2),
      volume: z.number().min(0).max(1).default(1),
      quietHours: z.array(quietHoursSchema).default([]),
      /** Use the browser's speech engine when it has a Chinese voice, else the recorded clips. */
      preferWebSpeech: z.boolean().default(false),
    })
    .default({ repeat: 2, volume: 1, quietHours: [], preferWebSpeech: false }),
  /** How many recent calls the wall board lists. */
  latestCalls: z.number().int().min(1).max(20).default(8),
  /** How long the newest call stays highlighted, in seconds. */
  highlightSeconds: z.number().int().min(0).max(120).default(10),
});
export type DisplayConfig = z.infer<typeof displayConfigSchema>;

/** A receipt printer on the hall LAN (raw ESC/POS over TCP, usually port 9100). */
export const printerSchema = z.strictObject({
  code: codeSchema,
  name: localizedTextSchema,
  host: z.string().trim().min(1),
  port: z.number().int().min(1).max(65535).default(9100),
  /** Paper roll width in mm: 58 (32 characters a line) or 80 (48). */
  paper: z.union([z.literal(58), z.literal(80)]).default(80),
});
export type PrinterConfig = z.infer<typeof printerSchema>;

/** Which printer each kiosk prints on; a kiosk not listed prints nothing here (or on USB, in its shell). */
export const printingSchema = z
  .strictObject({
    printers: z.array(printerSchema).default([]),
    /** Kiosk device name (as provisioned) → printer code. */
    kiosks: z.record(z.string().min(1), codeSchema).default({}),
    /** The address phones reach the hall server at, for the QR code on paper (e.g. http://192.168.1.10:8080). */
    publicUrl: z.url().optional(),
  })
  .refine(
    (p) => Object.values(p.kiosks).every((code) => p.printers.some((printer) => printer.code === code)),
    {
      message: 'every kiosk must name a printer listed under printers',
    },
  );
export type PrintingConfig = z.infer<typeof printingSchema>;

export const hallConfigSchema = z.strictObject({
  version: z.literal(1),
  hall: z.strictObject({
    /** Six digits, e.g. the administrative division code; starts every service number. */
    code: z.string().regex(/^\d{6}$/, 'must be six digits'),
    name: localizedTextSchema,
    timezone: z
      .string()
      .default('Asia/Shanghai')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'is not a known IANA timezone'),
    notices: z.array(localizedTextSchema).default([]),
  }),
  openingHours: openingHoursSchema,
  ticketing: z
    .strictObject({
      /** Stop issuing tickets this many minutes before each closing time. */
      cutoffMinutes: z.number().int().min(0).max(240).default(30),
    })
    .default({ cutoffMinutes: 30 }),
  calendar: workingDayCalendarSchema,
  skills: z.array(skillSchema).min(1),
  departments: z.array(departmentSchema).default([]),
  categories: z.array(categorySchema).min(1),
  services: z.array(serviceSchema).min(1),
  counters: z.array(counterSchema).min(1),
  priority: z
    .strictObject({
      /** Who may use the green channel (checked at the counter). */
      greenChannelReasons: z.array(priorityReasonSchema).default([]),
    })
    .default({ greenChannelReasons: [] }),
  pauseReasons: z.array(priorityReasonSchema).default([]),
  routing: routingPolicySchema.default({
    ratio: { priority: 1, normal: 2 },
    agingMinutes: 60,
    pressure: true,
    mode: 'policy',
  }),
  limits: z
    .strictObject({
      /** How many times a called ticket may be recalled. */
      recalls: z.number().int().min(0).max(10).default(2),
      /** How many no-shows send a ticket back to the queue before it is ended. */
      noShowRequeues: z.number().int().min(0).max(10).default(1),
    })
    .default({ recalls: 2, noShowRequeues: 1 }),
  estimate: z
    .strictObject({
      /** How many recent step times per skill feed the wait estimate. */
      samples: z.number().int().min(1).max(200).default(20),
    })
    .default({ samples: 20 }),
  display: displayConfigSchema.default({
    voice: { repeat: 2, volume: 1, quietHours: [], preferWebSpeech: false },
    latestCalls: 8,
    highlightSeconds: 10,
  }),
  /** Ticket printers (optional; see printingSchema). */
  printing: printingSchema.default({ printers: [], kiosks: {} }),
});
export type HallConfig = z.infer<typeof hallConfigSchema>;
