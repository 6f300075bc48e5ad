import { z } from 'zod';

/**
 * What clients send over socket.io, one schema per request. The server adds
 * what the client must not choose itself (the clerk from the session, the
 * officer's department, the verification code from a secure random source)
 * before the request becomes an engine command.
 */

const counter = z.number().int().min(1).max(99);
const code = z.string().min(1).max(40);
const ticketId = z.string().min(1).max(40);
const serviceNumber = z.string().min(1).max(40);
const note = z.string().trim().min(1).max(500);
const optionalNote = z.string().trim().max(500).nullable().default(null);

export const clientPayloadSchemas = {
  /** Catch up after connecting: the events after `lastSeq`, or a snapshot when too far behind. */
  'hall:sync': z.strictObject({ lastSeq: z.number().int().min(0).nullable() }),

  'day:open': z.strictObject({}),
  'day:close': z.strictObject({}),

  /** The logged-in clerk takes a counter (the clerk comes from the session). */
  'clerk:login': z.strictObject({ counter }),
  'clerk:logout': z.strictObject({ counter }),
  'counter:open': z.strictObject({ counter }),
  'counter:pause': z.strictObject({ counter, reason: code, note: optionalNote }),
  'counter:resume': z.strictObject({ counter }),
  'counter:close': z.strictObject({ counter }),

  'ticket:issue': z.strictObject({
    serviceCode: code,
    priority: z.enum(['normal', 'green', 'appointment']),
    greenReason: code.nullable().default(null),
    channel: z.enum(['kiosk', 'appointment']),
    /** One per tap on the kiosk: a retried request gets the same ticket. */
    idempotencyKey: z.string().min(8).max(100),
  }),
  /** Print a ticket again (after a failed print): on the kiosk's own printer, or the named one. */
  'ticket:reprint': z.strictObject({ ticketId, printer: code.optional() }),
  'ticket:call-next': z.strictObject({ counter }),
  'ticket:call': z.strictObject({ counter, ticketId }),
  'ticket:recall': z.strictObject({ counter }),
  'ticket:start-serving': z.strictObject({ counter }),
  'ticket:no-show': z.strictObject({ counter }),
  'ticket:cancel': z.strictObject({ ticketId }),
  'step:complete': z.strictObject({ counter }),
  'ticket:transfer': z.strictObject({
    counter,
    to: z.union([z.strictObject({ skill: code }), z.strictObject({ counter })]),
    note,
  }),
  'case:forward': z.strictObject({ counter, department: code, note: optionalNote }),
  /** The visitor's rating pad: rates the step just completed at this counter (4 非常满意 … 1 不满意). */
  'case:rate': z.strictObject({ counter, score: z.number().int().min(1).max(4) }),

  /** Department desk: the department comes from the officer's account. */
  'case:accept': z.strictObject({ serviceNumber }),
  'case:note-progress': z.strictObject({ serviceNumber, note }),
  'case:complete': z.strictObject({
    serviceNumber,
    result: z.enum(['approved', 'rejected', 'more-materials']),
    note: optionalNote,
  }),

  /** Kiosk lookup and the public tracking page. */
  'case:lookup': z.strictObject({ serviceNumber, verificationCode: z.string().min(1).max(12) }),
} as const;

export type ClientRequestName = keyof typeof clientPayloadSchemas;
export type ClientPayload<N extends ClientRequestName> = z.output<(typeof clientPayloadSchemas)[N]>;
export type ClientPayloadInput<N extends ClientRequestName> = z.input<(typeof clientPayloadSchemas)[N]>;

export const CLIENT_REQUEST_NAMES = Object.keys(clientPayloadSchemas) as ClientRequestName[];

/** Requests that become an engine command of the same name. */
export const COMMAND_REQUEST_NAMES = CLIENT_REQUEST_NAMES.filter(
  (name) => name !== 'hall:sync' && name !== 'case:lookup' && name !== 'ticket:reprint',
) as Exclude<ClientRequestName, 'hall:sync' | 'case:lookup' | 'ticket:reprint'>[];
