import { z } from 'zod';

/**
 * What users ask the hall to do. Each command is validated with its schema at
 * the process boundary (socket, HTTP) before it reaches the engine; the
 * engine itself trusts the shape and checks only the hall's rules.
 */

const counter = z.number().int().min(1).max(99);
const code = z.string().min(1).max(40);
const shortText = z.string().trim().min(1).max(500);
const optionalNote = z.string().trim().max(500).nullable().default(null);
const staffId = z.string().min(1).max(64);

export const hallCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('day:open') }),
  z.strictObject({ type: z.literal('day:close') }),
  z.strictObject({
    type: z.literal('clerk:login'),
    counter,
    clerk: z.strictObject({ id: staffId, name: z.string().trim().min(1).max(64) }),
  }),
  z.strictObject({ type: z.literal('clerk:logout'), counter }),
  z.strictObject({ type: z.literal('counter:open'), counter }),
  z.strictObject({ type: z.literal('counter:pause'), counter, reason: code, note: optionalNote }),
  z.strictObject({ type: z.literal('counter:resume'), counter }),
  z.strictObject({ type: z.literal('counter:close'), counter }),
  z.strictObject({
    type: z.literal('ticket:issue'),
    serviceCode: code,
    priority: z.enum(['normal', 'green', 'appointment']),
    greenReason: code.nullable().default(null),
    channel: z.enum(['kiosk', 'appointment']),
    /** Chosen by the kiosk per tap, so a retried request gets the same ticket. */
    idempotencyKey: z.string().min(8).max(100),
    /** Drawn by the server from a secure random source (the engine has none). */
    verificationCode: z.string().regex(/^\d{6}$/),
  }),
  z.strictObject({ type: z.literal('ticket:call-next'), counter }),
  z.strictObject({ type: z.literal('ticket:call'), counter, ticketId: z.string().min(1).max(40) }),
  z.strictObject({ type: z.literal('ticket:recall'), counter }),
  z.strictObject({ type: z.literal('ticket:start-serving'), counter }),
  z.strictObject({ type: z.literal('ticket:no-show'), counter }),
  z.strictObject({ type: z.literal('ticket:cancel'), ticketId: z.string().min(1).max(40) }),
  z.strictObject({ type: z.literal('step:complete'), counter }),
  z.strictObject({
    type: z.literal('ticket:transfer'),
    counter,
    to: z.union([z.strictObject({ skill: code }), z.strictObject({ counter })]),
    note: shortText,
  }),
  z.strictObject({ type: z.literal('case:forward'), counter, department: code, note: optionalNote }),
  /** The visitor's rating (1 不满意 … 4 非常满意) of the step just completed at this counter. */
  z.strictObject({ type: z.literal('case:rate'), counter, score: z.number().int().min(1).max(4) }),
  z.strictObject({
    type: z.literal('case:accept'),
    department: code,
    serviceNumber: z.string().regex(/^\d{18}$/),
    officer: staffId,
  }),
  z.strictObject({
    type: z.literal('case:note-progress'),
    department: code,
    serviceNumber: z.string().regex(/^\d{18}$/),
    officer: staffId,
    note: shortText,
  }),
  z.strictObject({
    type: z.literal('case:complete'),
    department: code,
    serviceNumber: z.string().regex(/^\d{18}$/),
    officer: staffId,
    result: z.enum(['approved', 'rejected', 'more-materials']),
    note: optionalNote,
  }),
]);

export type HallCommand = z.output<typeof hallCommandSchema>;
export type HallCommandType = HallCommand['type'];
export type HallCommandOf<T extends HallCommandType> = Extract<HallCommand, { type: T }>;
