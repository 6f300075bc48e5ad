/**
 * Every way a command can be refused. Expected failures are values, never
 * exceptions; the server turns each into an `Ack` error and the apps into
 * words the user can act on.
 */
export const HALL_ERROR_CODES = [
  'day-not-open',
  'day-already-open',
  'hall-closed',
  'past-cutoff',
  'daily-cap-reached',
  'unknown-service',
  'unknown-counter',
  'unknown-skill',
  'unknown-department',
  'unknown-ticket',
  'unknown-case',
  'unknown-pause-reason',
  'unknown-green-reason',
  'green-reason-required',
  'appointments-not-offered',
  'appointment-channel-required',
  'idempotency-key-reused',
  'invalid-verification-code',
  'call-numbers-exhausted',
  'service-numbers-exhausted',
  'counter-occupied',
  'clerk-elsewhere',
  'clerk-not-logged-in',
  'counter-not-open',
  'counter-not-paused',
  'counter-already-open',
  'counter-busy',
  'counter-cannot-serve',
  'queue-empty',
  'no-current-ticket',
  'ticket-not-waiting',
  'ticket-not-called',
  'ticket-not-serving',
  'ticket-not-cancellable',
  'recall-limit-reached',
  'transfer-to-self',
  'case-not-forwarded',
  'case-not-accepted',
  'case-already-accepted',
  'wrong-department',
  'nothing-to-rate',
  'step-already-rated',
] as const;

export type HallErrorCode = (typeof HALL_ERROR_CODES)[number];

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
